#include "event/ics_import.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "event/recurrence.hpp"
#include "event/repository.hpp"
#include "event/views.hpp"
#include "render/ics.hpp"
#include "store/db.hpp"
#include "time/rrule.hpp"
#include "time/zone.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace omskplan::event {

namespace {

using std::chrono::days;
using std::chrono::seconds;
using time::Date;
using time::Instant;
using time::LocalTime;

constexpr std::string_view kOwnSuffix = "@omskplan";

// An event uses something omskplan cannot expand faithfully.
struct Unsupported : InputError {
  using InputError::InputError;
};

// The number in s[pos, pos + n), or -1 when it is not all digits (or has more than 9).
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (n == 0 || n > 9) {
    return -1;
  }
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') {
      return -1;
    }
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<Date> ics_date(std::string_view s) {
  if (s.size() < 8) {
    return std::nullopt;
  }
  const int y = digits(s, 0, 4), m = digits(s, 4, 2), d = digits(s, 6, 2);
  if (y < 1583 || m < 1 || m > 12 || d < 1) {  // VTIMEZONEs start in 1601 (Outlook); events are checked later
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Date{ymd};
}

// "20240314T100000" (optionally with Z, checked by the caller) → local seconds.
std::optional<LocalTime> ics_local(std::string_view s) {
  if (s.size() < 15 || s[8] != 'T') {
    return std::nullopt;
  }
  const auto d = ics_date(s);
  const int h = digits(s, 9, 2), mi = digits(s, 11, 2), se = digits(s, 13, 2);
  if (!d || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) {
    return std::nullopt;
  }
  return LocalTime{d->time_since_epoch()} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         seconds{std::min(se, 59)};
}

// "P1D", "PT1H30M", "P2W", "P1DT2H"; only positive durations make sense for an event.
std::optional<seconds> ics_duration(std::string_view s) {
  if (!s.empty() && s[0] == '+') {
    s.remove_prefix(1);
  }
  if (s.size() < 3 || s[0] != 'P') {
    return std::nullopt;
  }
  long total = 0;
  long n = -1;
  bool in_time = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      n = (n < 0 ? 0 : n) * 10 + (c - '0');
      if (n > 100000000) {
        return std::nullopt;
      }
      continue;
    }
    if (c == 'T') {
      in_time = true;
      continue;
    }
    if (n < 0) {
      return std::nullopt;
    }
    if (c == 'W' && !in_time) {
      total += n * 7 * 86400;
    } else if (c == 'D' && !in_time) {
      total += n * 86400;
    } else if (c == 'H' && in_time) {
      total += n * 3600;
    } else if (c == 'M' && in_time) {
      total += n * 60;
    } else if (c == 'S' && in_time) {
      total += n;
    } else {
      return std::nullopt;
    }
    n = -1;
  }
  if (n >= 0) {
    return std::nullopt;
  }
  return seconds{total};
}

std::optional<seconds> ics_offset(std::string_view s) {  // "+0600", "-0330", "+053000"
  if (s.size() != 5 && s.size() != 7) {
    return std::nullopt;
  }
  const int sign = s[0] == '-' ? -1 : s[0] == '+' ? 1 : 0;
  const int h = digits(s, 1, 2), m = digits(s, 3, 2), sec = s.size() == 7 ? digits(s, 5, 2) : 0;
  if (!sign || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0) {
    return std::nullopt;
  }
  return seconds{sign * (h * 3600 + m * 60 + sec)};
}

// Outlook writes Windows zone names; CLDR's windowsZones mapping for the ones
// an administration in Siberia meets.
const std::map<std::string, std::string, std::less<>>& windows_zones() {
  static const std::map<std::string, std::string, std::less<>> m{
      {"Kaliningrad Standard Time", "Europe/Kaliningrad"},
      {"Russian Standard Time", "Europe/Moscow"},
      {"Volgograd Standard Time", "Europe/Volgograd"},
      {"Astrakhan Standard Time", "Europe/Astrakhan"},
      {"Saratov Standard Time", "Europe/Saratov"},
      {"Russia Time Zone 3", "Europe/Samara"},
      {"Ekaterinburg Standard Time", "Asia/Yekaterinburg"},
      {"Omsk Standard Time", "Asia/Omsk"},
      {"N. Central Asia Standard Time", "Asia/Novosibirsk"},
      {"Altai Standard Time", "Asia/Barnaul"},
      {"Tomsk Standard Time", "Asia/Tomsk"},
      {"North Asia Standard Time", "Asia/Krasnoyarsk"},
      {"North Asia East Standard Time", "Asia/Irkutsk"},
      {"Transbaikal Standard Time", "Asia/Chita"},
      {"Yakutsk Standard Time", "Asia/Yakutsk"},
      {"Vladivostok Standard Time", "Asia/Vladivostok"},
      {"Sakhalin Standard Time", "Asia/Sakhalin"},
      {"Magadan Standard Time", "Asia/Magadan"},
      {"Russia Time Zone 10", "Asia/Srednekolymsk"},
      {"Russia Time Zone 11", "Asia/Kamchatka"},
      {"Central Asia Standard Time", "Asia/Bishkek"},
      {"Qyzylorda Standard Time", "Asia/Qyzylorda"},
      {"West Asia Standard Time", "Asia/Tashkent"},
      {"Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"},
      {"China Standard Time", "Asia/Shanghai"},
      {"Tokyo Standard Time", "Asia/Tokyo"},
      {"India Standard Time", "Asia/Kolkata"},
      {"Belarus Standard Time", "Europe/Minsk"},
      {"FLE Standard Time", "Europe/Kiev"},
      {"E. Europe Standard Time", "Europe/Chisinau"},
      {"Turkey Standard Time", "Europe/Istanbul"},
      {"GTB Standard Time", "Europe/Bucharest"},
      {"W. Europe Standard Time", "Europe/Berlin"},
      {"Central Europe Standard Time", "Europe/Budapest"},
      {"Central European Standard Time", "Europe/Warsaw"},
      {"Romance Standard Time", "Europe/Paris"},
      {"GMT Standard Time", "Europe/London"},
      {"UTC", "UTC"},
      {"Coordinated Universal Time", "UTC"},
      {"Eastern Standard Time", "America/New_York"},
      {"Central Standard Time", "America/Chicago"},
      {"Mountain Standard Time", "America/Denver"},
      {"Pacific Standard Time", "America/Los_Angeles"},
  };
  return m;
}

// One STANDARD or DAYLIGHT of a VTIMEZONE: from its onset on, the offset is `to`.
struct Observance {
  seconds from{0}, to{0};
  LocalTime start;                 // the first onset, local time under `from`
  bool yearly = false;             // RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nWD
  int month = 0, nth = 0, wday = 0;
  std::optional<int> until_year;
  std::vector<LocalTime> rdates;
};

// A zone: the system's (IANA, also from a Windows name), or the rules of a
// VTIMEZONE when its TZID is neither.
struct Zone {
  std::optional<time::TimeZone> tz;
  std::vector<Observance> rules;

  Instant to_instant(LocalTime l) const {
    if (tz) {
      return tz->to_instant(l);
    }
    const int y = time::year_of(Date{std::chrono::floor<days>(l).time_since_epoch()});
    std::optional<std::pair<LocalTime, seconds>> best;
    auto consider = [&](LocalTime onset, seconds to) {
      if (onset <= l && (!best || onset > best->first)) {
        best = {onset, to};
      }
    };
    const Observance* earliest = nullptr;
    for (const Observance& o : rules) {
      if (!earliest || o.start < earliest->start) {
        earliest = &o;
      }
      consider(o.start, o.to);
      for (LocalTime r : o.rdates) {
        consider(r, o.to);
      }
      if (o.yearly) {
        const auto tod = o.start - LocalTime{std::chrono::floor<days>(o.start).time_since_epoch()};
        const int first = time::year_of(Date{std::chrono::floor<days>(o.start).time_since_epoch()});
        for (int year = std::max(first, y - 1); year <= y; ++year) {
          if (o.until_year && year > *o.until_year) {
            break;
          }
          const Date d = time::nth_weekday(year, o.month, o.nth, o.wday);
          consider(LocalTime{d.time_since_epoch()} + tod, o.to);
        }
      }
    }
    const seconds off = best ? best->second : earliest ? earliest->from : seconds{0};
    return Instant{l.time_since_epoch() - off};
  }
};

const std::map<std::string_view, int> kWeekdays{{"MO", 1}, {"TU", 2}, {"WE", 3}, {"TH", 4},
                                                {"FR", 5}, {"SA", 6}, {"SU", 7}};

Observance observance(const render::IcsComponent& c, const std::string& tzid) {
  auto fail = [&](std::string_view what) -> Observance {
    throw InputError(trf("VTIMEZONE '{}': {}", tzid, what));
  };
  Observance o;
  const auto* from = c.get("TZOFFSETFROM");
  const auto* to = c.get("TZOFFSETTO");
  const auto* start = c.get("DTSTART");
  if (!from || !to || !start) {
    return fail(trf("{} needs DTSTART, TZOFFSETFROM and TZOFFSETTO", c.name));
  }
  const auto f = ics_offset(from->value), t = ics_offset(to->value);
  const auto s = ics_local(start->value);
  if (!f || !t || !s) {
    return fail(trf("{} has a bad DTSTART or offset", c.name));
  }
  o.from = *f;
  o.to = *t;
  o.start = *s;
  for (const auto& p : c.props) {
    if (p.name == "RDATE") {
      for (const auto& v : text::split(p.value, ',')) {
        if (auto r = ics_local(v)) {
          o.rdates.push_back(*r);
        }
      }
    }
  }
  if (const auto* rr = c.get("RRULE")) {
    o.yearly = true;
    for (const auto& part : text::split(rr->value, ';')) {
      const auto eq = part.find('=');
      const std::string k = part.substr(0, eq), v = eq == std::string::npos ? "" : part.substr(eq + 1);
      if (k == "FREQ" && v != "YEARLY") {
        return fail(tr("only yearly rules are understood"));
      } else if (k == "BYMONTH") {
        o.month = digits(v, 0, v.size());
      } else if (k == "BYDAY") {
        const std::string wd = v.size() >= 2 ? v.substr(v.size() - 2) : "";
        const std::string n = v.substr(0, v.size() - wd.size());
        const bool sign = !n.empty() && (n[0] == '-' || n[0] == '+');
        const int count = n.empty() ? 1 : digits(n, sign, n.size() - sign);
        o.nth = count < 0 ? 0 : (n[0] == '-' ? -count : count);  // 0: refused below
        o.wday = kWeekdays.count(wd) ? kWeekdays.at(wd) : 0;
      } else if (k == "UNTIL") {
        if (auto d = ics_date(v)) {
          o.until_year = time::year_of(*d);
        }
      }
    }
    if (o.month < 1 || o.month > 12 || o.wday == 0 || o.nth == 0 || o.nth < -5 || o.nth > 5) {
      return fail(trf("{} RRULE '{}' is not BYMONTH=m;BYDAY=nWD", c.name, rr->value));
    }
  }
  return o;
}

class Zones {
public:
  Zones(const render::IcsComponent& cal, const time::Context& ctx) : ctx_(ctx) {
    for (const auto* vtz : cal.all("VTIMEZONE")) {
      const auto* id = vtz->get("TZID");
      if (id) {
        defined_[id->value] = vtz;
      }
    }
  }

  const Zone& get(const std::string& tzid) {
    if (auto it = cache_.find(tzid); it != cache_.end()) {
      return it->second;
    }
    Zone z;
    for (const std::string& name : candidates(tzid)) {
      if (name.empty() || name.find("..") != std::string::npos || name[0] == '/') {
        continue;
      }
      try {
        z.tz = time::TimeZone::load(name);
        break;
      } catch (const InputError&) {
      }
    }
    if (!z.tz) {
      auto it = defined_.find(tzid);
      if (it == defined_.end()) {
        throw InputError(trf("TZID '{}' is neither a known time zone nor defined by a VTIMEZONE", tzid));
      }
      for (const auto& c : it->second->children) {
        if (c.name == "STANDARD" || c.name == "DAYLIGHT") {
          z.rules.push_back(observance(c, tzid));
        }
      }
      if (z.rules.empty()) {
        throw InputError(trf("VTIMEZONE '{}' has no STANDARD or DAYLIGHT", tzid));
      }
    }
    return cache_.emplace(tzid, std::move(z)).first->second;
  }

  const Zone& floating() {
    if (!floating_) {
      floating_.emplace();
      floating_->tz = *ctx_.zone;
    }
    return *floating_;
  }

private:
  // "Asia/Omsk"; Outlook's "Omsk Standard Time"; old Thunderbird's
  // "/mozilla.org/20050126_1/Asia/Omsk" (its last two parts).
  static std::vector<std::string> candidates(const std::string& tzid) {
    std::vector<std::string> out;
    if (auto it = windows_zones().find(tzid); it != windows_zones().end()) {
      out.push_back(it->second);
    }
    out.push_back(tzid);
    const auto parts = text::split(tzid, '/');
    if (parts.size() >= 3) {
      out.push_back(parts[parts.size() - 2] + "/" + parts.back());
    }
    return out;
  }

  const time::Context& ctx_;
  std::map<std::string, const render::IcsComponent*> defined_;
  std::map<std::string, Zone> cache_;
  std::optional<Zone> floating_;
};

// A DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE value.
struct When {
  bool is_date = false;
  Date date{};
  LocalTime local{};  // for DATE-TIME
  const Zone* zone = nullptr;
  bool utc = false;

  Instant instant(const time::Context& ctx) const {
    if (is_date) {
      return ctx.zone->to_instant(LocalTime{date.time_since_epoch()});
    }
    return utc ? Instant{local.time_since_epoch()} : zone->to_instant(local);
  }
};

When parse_when(std::string_view value, const std::map<std::string, std::string>& params, Zones& zones,
                std::string_view what) {
  When w;
  auto v = params.find("VALUE");
  const bool date_only = (v != params.end() && text::trim(v->second) == "DATE") || value.size() == 8;
  if (date_only) {
    const auto d = ics_date(value);
    if (!d || value.size() != 8) {
      throw InputError(trf("{} '{}' is not a date YYYYMMDD", what, value));
    }
    w.is_date = true;
    w.date = *d;
    return w;
  }
  const auto l = ics_local(value);
  const bool z = value.size() == 16 && (value[15] == 'Z' || value[15] == 'z');
  if (!l || (value.size() != 15 && !z)) {
    throw InputError(trf("{} '{}' is not a date-time YYYYMMDDTHHMMSS[Z]", what, value));
  }
  w.local = *l;
  if (z) {
    w.utc = true;
  } else if (auto tz = params.find("TZID"); tz != params.end()) {
    w.zone = &zones.get(tz->second);
  } else {
    w.zone = &zones.floating();  // floating: the configured zone
  }
  return w;
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  return text::trim(s);
}

std::string compact_date(Date d) {
  return fmt::format("{:04}{:02}{:02}", time::year_of(d), time::month_of(d), time::day_of(d));
}

// The key of an occurrence: its original start, as RECURRENCE-ID names it
// (a date, or the UTC date-time).
std::string occurrence_key(const When& w, Instant at) {
  if (w.is_date) {
    return compact_date(w.date);
  }
  const Date d = std::chrono::floor<days>(at);
  const auto s = (at - Instant{d.time_since_epoch()}).count();
  return fmt::format("{}T{:02}{:02}{:02}Z", compact_date(d), s / 3600, s / 60 % 60, s % 60);
}

Date date_of(LocalTime l) { return Date{std::chrono::floor<days>(l).time_since_epoch()}; }

// A rule as omskplan expands it, and UNTIL as the file wrote it (a date-time
// is compared as an instant).
struct Rule {
  time::Recurrence rec;
  std::optional<When> until;
};

Rule parse_rule(const std::string& value, Zones& zones) {
  Rule r;
  std::string rest;
  for (const auto& part : text::split(value, ';')) {
    if (part.starts_with("UNTIL=")) {
      if (r.until) {
        throw InputError(tr("RRULE has UNTIL twice"));
      }
      r.until = parse_when(part.substr(6), {}, zones, "RRULE UNTIL");
      continue;
    }
    rest += (rest.empty() ? "" : ";") + part;
  }
  try {
    r.rec = time::parse_recurrence(rest, "RRULE");
  } catch (const time::RuleUnsupported& e) {
    throw Unsupported(e.what());
  }
  if (r.rec.count && r.until) {
    throw InputError(tr("RRULE has both COUNT and UNTIL"));
  }
  return r;
}

// A VEVENT's own data, before it is repeated.
struct Master {
  std::string uid;
  When start;
  seconds length{0};   // timed: end − start
  long length_days = 0;  // all-day
  std::string title, notes, venue, status;
  std::vector<std::string> categories;
  int sequence = 0;
  std::string parent;  // RELATED-TO (RELTYPE=PARENT, the default): the UID of the event this one is a part of
  const render::IcsComponent* comp = nullptr;
};

Master read_master(const render::IcsComponent& ev, Zones& zones, const time::Context& ctx,
                   std::vector<std::string>& warnings, std::size_t index) {
  Master m;
  m.comp = &ev;
  const auto* uid = ev.get("UID");
  const auto* summary = ev.get("SUMMARY");
  m.title = summary ? one_line(render::unescape_text(summary->value)) : "";
  const auto* dtstart = ev.get("DTSTART");
  if (uid && !text::trim(uid->value).empty()) {
    m.uid = text::trim(uid->value);
  }
  const std::string who = !m.uid.empty() ? fmt::format("UID {}", m.uid)
                                         : fmt::format("VEVENT {} ('{}')", index, m.title);
  if (!dtstart) {
    throw InputError(trf("{}: no DTSTART", who));
  }
  try {
    m.start = parse_when(dtstart->value, dtstart->params, zones, "DTSTART");
    const Instant s = m.start.instant(ctx);
    if (const auto* dtend = ev.get("DTEND")) {
      const When e = parse_when(dtend->value, dtend->params, zones, "DTEND");
      if (e.is_date != m.start.is_date) {
        throw InputError(tr("DTSTART and DTEND are not both dates or both date-times"));
      }
      if (m.start.is_date) {
        m.length_days = (e.date - m.start.date).count();
        if (m.length_days < 0) {
          throw InputError(tr("DTEND is before DTSTART"));
        }
        m.length_days = std::max(1L, m.length_days);
      } else {
        m.length = e.instant(ctx) - s;
        if (m.length < seconds{0}) {
          throw InputError(tr("DTEND is before DTSTART"));
        }
      }
    } else if (const auto* dur = ev.get("DURATION")) {
      const auto d = ics_duration(dur->value);
      if (!d) {
        throw InputError(trf("DURATION '{}' is not a duration such as PT1H30M", dur->value));
      }
      if (m.start.is_date) {
        m.length_days = std::max(1L, static_cast<long>(d->count() / 86400));
      } else {
        m.length = *d;
      }
    } else if (m.start.is_date) {
      m.length_days = 1;  // RFC 5545: a date without an end lasts the day
    }
    // Outlook marks all-day events held at midnight in its own zone.
    if (const auto* ad = ev.get("X-MICROSOFT-CDO-ALLDAYEVENT"); ad && ad->value == "TRUE" && !m.start.is_date) {
      const LocalTime l = m.start.utc ? ctx.zone->to_local(s) : m.start.local;
      if (l == LocalTime{std::chrono::floor<days>(l).time_since_epoch()} && m.length.count() % 86400 == 0) {
        m.start = When{true, Date{std::chrono::floor<days>(l).time_since_epoch()}, {}, nullptr, false};
        m.length_days = std::max(1L, static_cast<long>(m.length.count() / 86400));
      }
    }
  } catch (const Unsupported&) {
    throw;
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", who, e.what()));
  }
  if (m.uid.empty()) {
    // No UID (hand-written files): one derived from what the event is, so a second import still matches.
    const std::string basis = fmt::format("{}|{}", dtstart->value, m.title);
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : basis) {
      h = (h ^ c) * 1099511628211ULL;
    }
    m.uid = fmt::format("ics-{:016x}", h);
    warnings.push_back(trf("{}: no UID; using {} to recognise it next time", who, m.uid));
  }
  if (m.title.empty()) {
    m.title = "(без названия)";
  }
  if (const auto* d = ev.get("DESCRIPTION")) {
    m.notes = render::unescape_text(d->value);
  }
  if (const auto* l = ev.get("LOCATION")) {
    m.venue = one_line(render::unescape_text(l->value));
  }
  if (const auto* st = ev.get("STATUS")) {
    m.status = text::trim(st->value);
  }
  for (const auto& p : ev.props) {
    const auto type = p.params.find("RELTYPE");
    if (p.name == "RELATED-TO" && (type == p.params.end() || text::fold(type->second) == "parent")) {
      m.parent = text::trim(render::unescape_text(p.value));
      if (m.parent.size() > kOwnSuffix.size() && m.parent.ends_with(kOwnSuffix)) {
        m.parent.resize(m.parent.size() - kOwnSuffix.size());
      }
    }
  }
  if (const auto* seq = ev.get("SEQUENCE")) {
    const std::string v = text::trim(seq->value);
    m.sequence = std::max(0, digits(v, 0, std::min<std::size_t>(v.size(), 9)));
  }
  for (const auto& p : ev.props) {
    if (p.name == "CATEGORIES") {
      for (const auto& c : text::split(p.value, ',')) {
        m.categories.push_back(text::trim(render::unescape_text(c)));
      }
    }
  }
  return m;
}

IcsItem item_of(const Master& m, const When& start, const time::Context& ctx, const std::string& uuid) {
  IcsItem it;
  it.uuid = uuid;
  it.title = m.title;
  it.notes = m.notes;
  it.venue = m.venue;
  it.status = m.status;
  it.categories = m.categories;
  it.sequence = m.sequence;
  it.parent = m.parent;
  it.all_day = start.is_date;
  it.start = start.instant(ctx);
  it.end = start.is_date ? ctx.zone->to_instant(LocalTime{(start.date + days{m.length_days}).time_since_epoch()})
                         : it.start + m.length;
  return it;
}

std::string own_uuid(const std::string& uid) {
  if (uid.size() > kOwnSuffix.size() && uid.compare(uid.size() - kOwnSuffix.size(), kOwnSuffix.size(), kOwnSuffix) == 0) {
    return uid.substr(0, uid.size() - kOwnSuffix.size());
  }
  return uid;
}

// Every occurrence of a repeating master, overrides applied.
void expand(const Master& m, const render::IcsProperty& rrule, Zones& zones, const time::Context& ctx,
            const IcsImportOptions& opt, const std::map<std::string, Master>& overrides, std::vector<IcsItem>& out,
            std::vector<std::string>& warnings) {
  const Rule r = parse_rule(rrule.value, zones);
  const std::string base = own_uuid(m.uid);
  std::set<std::string> excluded;
  for (const auto& p : m.comp->props) {
    if (p.name == "EXDATE") {
      for (const auto& v : text::split(p.value, ',')) {
        // A date excludes the occurrence on that day (an all-day one, or a timed one by its local day).
        const When w = parse_when(text::trim(v), p.params, zones, "EXDATE");
        excluded.insert(occurrence_key(w, w.is_date ? Instant{} : w.instant(ctx)));
      }
    }
  }
  // Occurrences repeat the wall-clock time of DTSTART in its zone (in UTC for a UTC start).
  const Date start_date = m.start.is_date ? m.start.date : date_of(m.start.local);
  const auto tod = m.start.local - LocalTime{std::chrono::floor<days>(m.start.local).time_since_epoch()};
  const Date horizon = ctx.today() + days{opt.horizon_days};
  std::vector<When> starts;
  bool cut = false;
  // An endless rule is expanded up to the horizon; one with COUNT or UNTIL to its end.
  const bool endless = !r.rec.count && !r.until;
  Date last = time::make_date(2200, 12, 31);
  if (endless) {
    last = std::min(last, horizon + days{400});  // far enough to meet the first occurrence past it
  } else if (r.until) {
    last = std::min(last, (r.until->is_date ? r.until->date
                                            : Date{std::chrono::floor<days>(r.until->instant(ctx))}) + days{1});
  }
  time::for_each_day(r.rec, start_date, last, [&](Date d) {
    When w = m.start;
    if (w.is_date) {
      w.date = d;
    } else {
      w.local = LocalTime{d.time_since_epoch()} + tod;
    }
    if (r.until && d != start_date) {
      const bool past = r.until->is_date ? d > r.until->date : w.instant(ctx) > r.until->instant(ctx);
      if (past) {
        return false;
      }
    }
    if ((endless && d > horizon) || static_cast<int>(starts.size()) >= opt.max_occurrences) {
      cut = true;
      return false;
    }
    starts.push_back(w);
    return true;
  });
  if (cut) {
    warnings.push_back(endless ? trf("UID {}: repeats without end; occurrences until {} imported (--horizon)",
                                             m.uid, time::format_date(horizon))
                               : trf("UID {}: repeats more than {} times; the first {} imported", m.uid,
                                             opt.max_occurrences, opt.max_occurrences));
  }
  for (const auto& p : m.comp->props) {
    if (p.name == "RDATE") {
      if (auto v = p.params.find("VALUE"); v != p.params.end() && v->second == "PERIOD") {
        throw Unsupported(tr("RDATE;VALUE=PERIOD is not supported"));
      }
      for (const auto& v : text::split(p.value, ',')) {
        When w = parse_when(text::trim(v), p.params, zones, "RDATE");
        if (w.is_date != m.start.is_date) {  // RFC 5545: RDATE has DTSTART's value type
          throw InputError(trf("RDATE '{}' does not match DTSTART: one is a date, the other a date-time", text::trim(v)));
        }
        starts.push_back(w);
      }
    }
  }
  std::set<std::string> seen;
  for (const When& w : starts) {
    const Instant at = w.instant(ctx);
    const std::string key = occurrence_key(w, at);
    if (!seen.insert(key).second || excluded.count(key) || (!w.is_date && excluded.count(compact_date(date_of(w.local))))) {
      continue;
    }
    const std::string uuid = base + "/" + key;
    if (auto o = overrides.find(key); o != overrides.end()) {
      out.push_back(item_of(o->second, o->second.start, ctx, uuid));
    } else {
      out.push_back(item_of(m, w, ctx, uuid));
    }
  }
  // Overrides of occurrences the rule no longer makes (moved out of the horizon, or added) still happen.
  for (const auto& [key, o] : overrides) {
    if (!seen.count(key)) {
      out.push_back(item_of(o, o.start, ctx, base + "/" + key));
    }
  }
}

// The day in the configured zone that a start (a DATE, or a date-time) falls on.
Date local_day(const When& w, const time::Context& ctx) {
  return w.is_date ? w.date : time::local_date(ctx.zone->to_local(w.instant(ctx)));
}

// A repeating master as one series, when omskplan repeats its rule in the
// configured zone to exactly the instants the file means (up to the horizon):
// the series, then its changed occurrences. False when it does not (the
// caller repeats it occurrence by occurrence).
bool as_series(const Master& m, const render::IcsProperty& rrule, Zones& zones, const time::Context& ctx,
               const IcsImportOptions& opt, const std::map<std::string, Master>& overrides, std::vector<IcsItem>& out) {
  if (m.comp->get("RDATE")) {
    return false;
  }
  const Rule r = parse_rule(rrule.value, zones);
  static const std::map<std::string, Master> none;
  std::vector<IcsItem> theirs;
  std::vector<std::string> ignored;
  expand(m, rrule, zones, ctx, opt, none, theirs, ignored);
  const Instant s0 = m.start.instant(ctx);
  const LocalTime l0 = m.start.is_date ? LocalTime{m.start.date.time_since_epoch()} : ctx.zone->to_local(s0);
  const Date d0 = date_of(l0);
  const auto tod = l0 - LocalTime{d0.time_since_epoch()};
  time::Recurrence rec = r.rec;
  if (r.until) {
    if (r.until->is_date) {
      rec.until = r.until->date;
    } else {
      const LocalTime lu = ctx.zone->to_local(r.until->instant(ctx));
      Date du = date_of(lu);
      if (lu - LocalTime{du.time_since_epoch()} < tod) {
        du -= days{1};
      }
      rec.until = du;
    }
  }
  std::set<Date> cancelled, day_off;
  for (const auto& p : m.comp->props) {
    if (p.name != "EXDATE") {
      continue;
    }
    const auto reason = p.params.find("X-OMSKPLAN-REASON");
    auto& into = reason != p.params.end() && reason->second == "DAY-OFF" ? day_off : cancelled;
    for (const auto& v : text::split(p.value, ',')) {
      into.insert(local_day(parse_when(text::trim(v), p.params, zones, "EXDATE"), ctx));
    }
  }
  std::vector<Instant> mine, file;
  for (const auto& it : theirs) {
    file.push_back(it.start);
  }
  const Date last = file.empty() ? d0 : time::local_date(ctx.zone->to_local(file.back())) ;
  time::for_each_day(rec, d0, last, [&](Date d) {
    if (!cancelled.count(d) && !day_off.count(d)) {
      mine.push_back(ctx.zone->to_instant(LocalTime{d.time_since_epoch()} + tod));
    }
    return true;
  });
  if (mine != file) {
    return false;
  }
  IcsItem series = item_of(m, m.start, ctx, own_uuid(m.uid));
  series.rule = time::format_recurrence(rec);
  series.cancelled.assign(cancelled.begin(), cancelled.end());
  if (const auto* d = m.comp->get("X-OMSKPLAN-DAYS-OFF")) {
    series.days_off = text::trim(d->value);
  }
  out.push_back(std::move(series));
  for (const auto& [key, o] : overrides) {
    // An occurrence omskplan moved off a day off is its rule's doing, not a change.
    if (const auto* why = o.comp->get("X-OMSKPLAN-REASON"); why && text::trim(why->value) == "DAY-OFF") {
      continue;
    }
    const auto* rid = o.comp->get("RECURRENCE-ID");
    IcsItem it = item_of(o, o.start, ctx, own_uuid(m.uid) + "/" + key);
    it.occurrence_of = own_uuid(m.uid);
    it.occurrence = local_day(parse_when(rid->value, rid->params, zones, "RECURRENCE-ID"), ctx);
    out.push_back(std::move(it));
  }
  return true;
}

}  // namespace

std::vector<IcsItem> read_ics_events(std::string_view text, const time::Context& ctx, const IcsImportOptions& opt,
                                     std::vector<std::string>& warnings) {
  const render::IcsComponent cal = render::parse_ics(text);
  Zones zones(cal, ctx);
  const auto events = cal.all("VEVENT");
  // Masters by UID, in file order, and their overrides by occurrence key.
  std::vector<Master> masters;
  std::map<std::string, std::size_t> by_uid;
  std::map<std::string, std::map<std::string, Master>> overrides;
  std::set<std::string> skipped;
  std::size_t index = 0;
  for (const auto* ev : events) {
    ++index;
    try {
      Master m = read_master(*ev, zones, ctx, warnings, index);
      if (const auto* rid = ev->get("RECURRENCE-ID")) {
        if (auto range = rid->params.find("RANGE"); range != rid->params.end()) {
          throw Unsupported(trf("UID {}: RECURRENCE-ID;RANGE={} is not supported", m.uid, range->second));
        }
        When w;
        try {
          w = parse_when(rid->value, rid->params, zones, "RECURRENCE-ID");
        } catch (const InputError& e) {
          throw InputError(trf("UID {}: {}", m.uid, e.what()));
        }
        const std::string key = occurrence_key(w, w.is_date ? Instant{} : w.instant(ctx));
        overrides[m.uid][key] = std::move(m);
        continue;
      }
      if (!by_uid.emplace(m.uid, masters.size()).second) {
        throw InputError(trf("UID {} appears twice (without RECURRENCE-ID)", m.uid));
      }
      masters.push_back(std::move(m));
    } catch (const Unsupported& e) {
      if (!opt.skip_unsupported) {
        throw InputError(trf("{} (--skip-unsupported skips such events)", e.what()));
      }
      warnings.push_back(trf("skipped: {}", e.what()));
    }
  }
  std::vector<IcsItem> out;
  for (const Master& m : masters) {
    const auto* rrule = m.comp->get("RRULE");
    const auto ov = overrides.find(m.uid);
    if (!rrule && !m.comp->get("RDATE")) {
      out.push_back(item_of(m, m.start, ctx, own_uuid(m.uid)));
      continue;
    }
    static const std::map<std::string, Master> none;
    static const render::IcsProperty no_rule{"RRULE", {}, "FREQ=DAILY;COUNT=1"};
    try {
      if (rrule && as_series(m, *rrule, zones, ctx, opt, ov == overrides.end() ? none : ov->second, out)) {
        continue;
      }
      if (rrule) {
        warnings.push_back(trf("UID {}: {}; imported as separate events", m.uid,
                               m.comp->get("RDATE") ? tr("it has RDATE, which a series does not keep")
                                                    : tr("its rule in its own time zone gives other instants than "
                                                         "in the configured one (daylight saving, another day)")));
      }
      expand(m, rrule ? *rrule : no_rule, zones, ctx, opt, ov == overrides.end() ? none : ov->second, out, warnings);
    } catch (const Unsupported& e) {
      if (!opt.skip_unsupported) {
        throw InputError(trf("UID {}: {} (--skip-unsupported skips such events)", m.uid, e.what()));
      }
      warnings.push_back(trf("skipped UID {}: {}", m.uid, e.what()));
    } catch (const InputError& e) {
      throw InputError(trf("UID {}: {}", m.uid, e.what()));
    }
  }
  // Overrides without their master (a file of changed occurrences only) are events of their own.
  for (const auto& [uid, list] : overrides) {
    if (!by_uid.count(uid)) {
      for (const auto& [key, o] : list) {
        out.push_back(item_of(o, o.start, ctx, own_uuid(uid) + "/" + key));
      }
    }
  }
  return out;
}

IcsImportResult import_ics(Services& s, std::string_view text, const IcsImportOptions& opt, bool dry_run) {
  IcsImportResult res;
  const auto items = read_ics_events(text, s.ctx, opt, res.warnings);
  std::set<std::string> in_file;
  for (const auto& it : items) {
    in_file.insert(it.uuid);
  }
  store::WriteTransaction tx(s.db);
  std::vector<std::string> series_uids;
  for (const IcsItem& it : items) {
    Event e;
    std::optional<Event> before;
    if (auto id = repo::find_by_uuid(s.db, it.uuid)) {
      before = repo::load(s.db, *id);
      e = *before;
    } else {
      e.uuid = it.uuid;
      e.created = e.updated = s.ctx.now;
    }
    // What the file says replaces what omskplan would have written for it;
    // what iCalendar cannot say (tasks, run of show, level…) stays.
    const render::IcsEvent was = before ? to_ics(*before, *s.ctx.zone) : render::IcsEvent{};
    e.sequence = std::max(e.sequence, it.sequence);  // a revision already made elsewhere counts
    e.title = it.title;
    e.venue = it.venue;
    e.start = it.start;
    e.end = it.end;
    e.all_day = it.all_day;
    if (!before || it.notes != was.description) {
      e.notes = it.notes;
    }
    if (!before || it.status != was.status) {
      e.status = it.status == "CANCELLED" ? Status::cancelled
                 : it.status == "CONFIRMED" ? Status::confirmed
                                            : Status::planned;
    }
    for (const auto& c : it.categories) {
      try {
        e.kind = parse_kind(c);
        break;
      } catch (const InputError&) {
      }
    }
    if (!it.rule.empty()) {
      RepeatDaysOff days_off = before && before->repeat ? before->repeat->days_off : RepeatDaysOff::skip;
      e.repeat = Repeat{it.rule, days_off, it.cancelled};
      if (!it.days_off.empty()) {
        e.repeat->days_off = parse_repeat_days_off(it.days_off);
      } else if (!before || !before->repeat) {
        e.repeat->days_off = default_days_off(e, s.ctx);
      }
      if (it.days_off.empty()) {
        series_uids.push_back(it.uuid);  // the file did not say: the default is said
      }
    } else if (before && before->repeat) {
      e.repeat.reset();  // the file no longer repeats it
    }
    if (!it.occurrence_of.empty()) {
      e.occurrence_of_uuid = it.occurrence_of;
      e.occurrence = it.occurrence;
    }
    // A part of an event in the file or the database is linked to it; a
    // parent neither has is said and left out.
    if (!it.parent.empty() && it.parent != it.uuid) {
      if (in_file.count(it.parent) || repo::find_by_uuid(s.db, it.parent)) {
        e.part_of_uuid = it.parent;
      } else {
        res.warnings.push_back(trf("UID {}: RELATED-TO {} is neither in the file nor in the database; imported "
                                   "without the link",
                                   it.uuid, it.parent));
      }
    }
    try {
      import_record(s, std::move(e), res.counts);
    } catch (const InputError& err) {
      throw InputError(trf("UID {} ('{}'): {}", it.uuid, it.title, err.what()));
    }
  }
  link_pending_parts(s, res.counts);
  // A series' days off it does not hold are said, so none is lost unseen.
  for (const auto& uid : series_uids) {
    const Event e = *repo::load(s.db, *repo::find_by_uuid(s.db, uid));
    const Date first = time::local_date(s.ctx.zone->to_local(e.start));
    std::vector<Date> skipped;
    for (const auto& d : occurrence_days(e, first, s.ctx.today() + days{opt.horizon_days}, *s.ctx.calendar,
                                         *s.ctx.zone)) {
      if (d.state == OccurrenceState::skipped) {
        skipped.push_back(d.nominal);
      }
    }
    if (!skipped.empty()) {
      std::string days_;
      for (std::size_t i = 0; i < skipped.size() && i < 3; ++i) {
        days_ += (i ? ", " : "") + time::format_date(skipped[i]);
      }
      days_ += skipped.size() > 3 ? ", …" : "";
      res.warnings.push_back(trnf("UID {}: {} occurrence falls on a day off and is not held ({}); omskplan event edit {} "
                                  "--days-off keep holds it",
                                  "UID {}: {} occurrences fall on days off and are not held ({}); omskplan event "
                                  "edit {} --days-off keep holds them",
                                  static_cast<long>(skipped.size()), uid, skipped.size(), days_, e.id));
    }
  }
  if (!dry_run) {
    tx.commit();
  }
  return res;
}

}  // namespace omskplan::event
