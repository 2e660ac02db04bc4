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
  Zones(const render::IcsComponent& cal, const time::Context& ctx, std::vector<std::string>& warnings) : ctx_(ctx) {
    for (const auto* vtz : cal.all("VTIMEZONE")) {
      const auto* id = vtz->get("TZID");
      if (id) {
        defined_[clean(id->value)] = vtz;
      }
    }
    // Google states the calendar's zone once; its floating times are in it.
    if (const auto* wr = cal.get("X-WR-TIMEZONE"); wr && !text::trim(wr->value).empty()) {
      for (const std::string& name : candidates(clean(wr->value))) {
        if (auto tz = system_zone(name)) {
          floating_.emplace();
          floating_->tz = *tz;
          break;
        }
      }
      if (!floating_) {
        warnings.push_back(trf("X-WR-TIMEZONE '{}' is not a known time zone; times without a zone are in {}",
                               text::trim(wr->value), ctx.zone->name()));
      }
    }
  }

  const Zone& get(const std::string& written) {
    const std::string tzid = clean(written);
    if (auto it = cache_.find(tzid); it != cache_.end()) {
      return it->second;
    }
    Zone z;
    std::vector<std::string> names = candidates(tzid);
    if (auto it = defined_.find(tzid); it != defined_.end()) {
      if (const auto* loc = it->second->get("X-LIC-LOCATION")) {  // Evolution names the IANA zone here
        names.push_back(clean(loc->value));
      }
    }
    for (const std::string& name : names) {
      if ((z.tz = system_zone(name))) {
        break;
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
  // A TZID as clients write it, without the quotes, spaces and trailing ':'
  // some add ("Pacific Standard Time:").
  static std::string clean(std::string_view tzid) {
    std::string t = text::trim(tzid);
    while (!t.empty() && (t.back() == ':' || t.back() == '"' || t.back() == ' ')) {
      t.pop_back();
    }
    while (!t.empty() && (t.front() == '"' || t.front() == ' ')) {
      t.erase(0, 1);
    }
    return t;
  }

  static std::optional<time::TimeZone> system_zone(const std::string& name) {
    if (name.empty() || name.find("..") != std::string::npos || name[0] == '/') {
      return std::nullopt;
    }
    try {
      return time::TimeZone::load(name);
    } catch (const InputError&) {
      return std::nullopt;
    }
  }

  // "Asia/Omsk"; Outlook's "Omsk Standard Time"; the prefixed names of old
  // Thunderbird ("/mozilla.org/20050126_1/Asia/Omsk") and Evolution
  // ("/freeassociation.sourceforge.net/Tzfile/Europe/Moscow"): their last
  // three or two parts ("America/Argentina/Buenos_Aires").
  static std::vector<std::string> candidates(const std::string& tzid) {
    std::vector<std::string> out;
    if (auto it = windows_zones().find(tzid); it != windows_zones().end()) {
      out.push_back(it->second);
    }
    out.push_back(tzid);
    const auto parts = text::split(tzid, '/');
    if (parts.size() >= 4) {
      out.push_back(parts[parts.size() - 3] + "/" + parts[parts.size() - 2] + "/" + parts.back());
    }
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
  // Google writes some dates as "20131210Z": a date all the same.
  if (value.size() == 9 && (value[8] == 'Z' || value[8] == 'z') && ics_date(value)) {
    value.remove_suffix(1);
  }
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

// The day a date-time names where it was written: its own wall clock (TZID or
// floating), or for UTC the day in the calendar's zone for floating times.
Date written_day(const When& w, Zones& zones, const time::Context& ctx) {
  if (w.is_date) {
    return w.date;
  }
  if (w.utc) {
    const Zone& f = zones.floating();
    const Instant at = w.instant(ctx);
    return f.tz ? time::local_date(f.tz->to_local(at)) : Date{std::chrono::floor<days>(at)};
  }
  return date_of(w.local);
}

// A rule as omskplan expands it, and UNTIL as the file wrote it (a date-time
// is compared as an instant, or by its day for an all-day series).
struct Rule {
  time::Recurrence rec;
  std::optional<When> until;
  std::size_t line = 0;
  std::string text;  // as written, spaces and case aside: the same rule twice is one
};

Rule parse_rule(const render::IcsProperty& prop, Zones& zones) {
  Rule r;
  r.line = prop.line;
  // Exchange's CDO writes "BYDAY=MO, TU, WE"; spaces mean nothing in a rule.
  std::string value;
  for (char c : prop.value) {
    if (c != ' ' && c != '\t') {
      value += c;
    }
  }
  r.text = text::fold(value);
  std::string rest;
  for (const auto& part : text::split(value, ';')) {
    if (part.empty()) {
      continue;  // "FREQ=DAILY;" — a trailing separator
    }
    if (text::fold(part).starts_with("until=")) {
      if (r.until) {
        throw InputError(trf("line {}: RRULE has UNTIL twice", prop.line));
      }
      r.until = parse_when(part.substr(6), {}, zones, "RRULE UNTIL");
      continue;
    }
    rest += (rest.empty() ? "" : ";") + part;
  }
  try {
    r.rec = time::parse_recurrence(rest, "RRULE");
  } catch (const time::RuleUnsupported& e) {
    throw Unsupported(trf("line {}: {}", prop.line, e.what()));
  } catch (const InputError& e) {
    throw InputError(trf("line {}: {}", prop.line, e.what()));
  }
  if (r.rec.count && r.until) {
    throw InputError(trf("line {}: RRULE has both COUNT and UNTIL", prop.line));
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
  std::string revised;  // LAST-MODIFIED, else DTSTAMP, as written (UTC sorts as text)
  std::string parent;  // RELATED-TO (RELTYPE=PARENT, the default): the UID of the event this one is a part of
  const render::IcsComponent* comp = nullptr;
  // An override (RECURRENCE-ID): the occurrence it stands for, and whether it
  // changes that one and all later ones (RANGE=THISANDFUTURE).
  std::optional<When> rid;
  bool this_and_future = false;
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
                                         : trf("VEVENT {} ('{}', line {})", index, m.title, ev.line);
  if (!dtstart) {
    throw InputError(trf("{}: no DTSTART", who));
  }
  try {
    m.start = parse_when(dtstart->value, dtstart->params, zones, "DTSTART");
    const Instant s = m.start.instant(ctx);
    if (const auto* dtend = ev.get("DTEND")) {
      const When e = parse_when(dtend->value, dtend->params, zones, "DTEND");
      if (e.is_date != m.start.is_date) {
        throw InputError(trf("line {}: DTSTART and DTEND are not both dates or both date-times", dtend->line));
      }
      if (m.start.is_date) {
        m.length_days = (e.date - m.start.date).count();
        if (m.length_days < 0) {
          throw InputError(trf("line {}: DTEND is before DTSTART", dtend->line));
        }
        m.length_days = std::max(1L, m.length_days);
      } else {
        m.length = e.instant(ctx) - s;
        if (m.length < seconds{0}) {
          throw InputError(trf("line {}: DTEND is before DTSTART", dtend->line));
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
  if (const auto* lm = ev.get("LAST-MODIFIED")) {
    m.revised = text::trim(lm->value);
  } else if (const auto* st = ev.get("DTSTAMP")) {
    m.revised = text::trim(st->value);
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

IcsItem item_of(const Master& m, const When& start, const time::Context& ctx, const std::string& uuid,
                std::optional<Instant> end = std::nullopt) {
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
  it.end = end                 ? *end
           : start.is_date     ? ctx.zone->to_instant(LocalTime{(start.date + days{m.length_days}).time_since_epoch()})
                               : it.start + m.length;
  return it;
}

std::string own_uuid(const std::string& uid) {
  if (uid.size() > kOwnSuffix.size() && uid.compare(uid.size() - kOwnSuffix.size(), kOwnSuffix.size(), kOwnSuffix) == 0) {
    return uid.substr(0, uid.size() - kOwnSuffix.size());
  }
  return uid;
}

// Where repeating events are expanded one occurrence at a time: endless ones
// always, finite ones when the window was given.
struct Window {
  Date from, to;
  bool given = false;
};

// One start of a repeating event: made by a rule or an RDATE (a PERIOD gives its own end).
struct Start {
  When w;
  Instant at;
  std::string key;
  std::optional<Instant> end;
};

// A repeating master's rules (several RRULEs make their union; an empty one
// is left out with a warning), RDATEs and EXDATEs.
struct Recurring {
  std::vector<Rule> rules;
  bool endless = false;
  bool has_rdate = false;
};

Recurring rules_of(const Master& m, Zones& zones, std::vector<std::string>& warnings) {
  Recurring r;
  const Date start_day = m.start.is_date ? m.start.date : date_of(m.start.local);
  std::set<std::string> seen;
  for (const auto& p : m.comp->props) {
    if (p.name == "RDATE") {
      r.has_rdate = true;
    }
    if (p.name != "RRULE") {
      continue;
    }
    if (text::trim(p.value).empty()) {
      warnings.push_back(trf("UID {}: line {}: an empty RRULE is left out", m.uid, p.line));
      continue;
    }
    Rule rule = parse_rule(p, zones);
    if (rule.until && !rule.until->utc && !m.start.is_date) {
      // A date-time UNTIL without a zone is written on DTSTART's clock; a date
      // UNTIL of a timed rule is the start of that day there (as ical.js and
      // dateutil read it).
      if (rule.until->is_date) {
        rule.until->local = LocalTime{rule.until->date.time_since_epoch()};
        rule.until->is_date = false;
      }
      rule.until->zone = m.start.zone;
      rule.until->utc = m.start.utc;
    }
    if (!r.rules.empty() && rule.rec.count && !time::rule_makes(rule.rec, start_day, start_day)) {
      // DTSTART is the set's first occurrence, counted by its first rule; a
      // further rule counts the days it makes itself.
      *rule.rec.count += 1;
    }
    if (!seen.insert(rule.text).second) {
      continue;  // the same rule twice makes the same days
    }
    r.endless = r.endless || (!rule.rec.count && !rule.until);
    r.rules.push_back(std::move(rule));
  }
  return r;
}

// Whether a start the rule makes is past its UNTIL: an instant against an
// instant; for an all-day series, its day against UNTIL's day.
bool past_until(const Rule& r, const When& w, Zones& zones, const time::Context& ctx) {
  if (!r.until) {
    return false;
  }
  if (w.is_date || r.until->is_date) {
    const Date u = r.until->is_date ? r.until->date
                   : r.until->utc   ? Date{std::chrono::floor<days>(r.until->instant(ctx))}
                                    : date_of(r.until->local);
    return (w.is_date ? w.date : written_day(w, zones, ctx)) > u;
  }
  return w.instant(ctx) > r.until->instant(ctx);
}

constexpr std::size_t kMaxOccurrences = 200000;

// Every start of a repeating master up to `last` (a day), in order, duplicates
// and EXDATEs left out. Occurrences repeat the wall-clock time of DTSTART in its
// zone (in UTC for a UTC start).
std::vector<Start> starts_of(const Master& m, const Recurring& rec, Zones& zones, const time::Context& ctx, Date last) {
  std::set<std::string> excluded, excluded_days;
  for (const auto& p : m.comp->props) {
    if (p.name == "EXDATE") {
      for (const auto& v : text::split(p.value, ',')) {
        // A date excludes the occurrence on that day (an all-day one, or a timed one by its local day).
        const When w = parse_when(text::trim(v), p.params, zones, "EXDATE");
        if (w.is_date) {
          excluded_days.insert(compact_date(w.date));
        } else if (m.start.is_date) {
          excluded_days.insert(compact_date(written_day(w, zones, ctx)));
        } else {
          excluded.insert(occurrence_key(w, w.instant(ctx)));
        }
      }
    }
  }
  std::map<std::string, Start> by_key;
  auto add = [&](const When& w, std::optional<Instant> end) {
    const Instant at = w.instant(ctx);
    const std::string key = occurrence_key(w, at);
    const std::string day = compact_date(w.is_date ? w.date : date_of(w.local));
    if (excluded.count(key) || excluded_days.count(day)) {
      return;
    }
    if (by_key.size() >= kMaxOccurrences) {
      throw InputError(trf("more than {} occurrences; --from and --to set a narrower window", kMaxOccurrences));
    }
    by_key.emplace(key, Start{w, at, key, end});
  };
  const Date start_date = m.start.is_date ? m.start.date : date_of(m.start.local);
  const auto tod = m.start.local - LocalTime{std::chrono::floor<days>(m.start.local).time_since_epoch()};
  for (const Rule& r : rec.rules) {
    Date end = last;
    if (r.until) {
      end = std::min(end, (r.until->is_date ? r.until->date : written_day(*r.until, zones, ctx)) + days{1});
    }
    time::for_each_day(r.rec, start_date, end, [&](Date d) {
      When w = m.start;
      if (w.is_date) {
        w.date = d;
      } else {
        w.local = LocalTime{d.time_since_epoch()} + tod;
      }
      if (d != start_date && past_until(r, w, zones, ctx)) {
        return false;
      }
      add(w, std::nullopt);
      return true;
    });
  }
  if (rec.rules.empty()) {
    add(m.start, std::nullopt);  // RDATE alone: DTSTART is the first occurrence
  }
  for (const auto& p : m.comp->props) {
    if (p.name != "RDATE") {
      continue;
    }
    const auto v = p.params.find("VALUE");
    const bool period = v != p.params.end() && text::fold(v->second) == "period";
    for (const auto& raw : text::split(p.value, ',')) {
      const std::string item = text::trim(raw);
      if (item.empty()) {
        continue;
      }
      if (period) {
        // RDATE;VALUE=PERIOD: start/end or start/duration.
        const auto slash = item.find('/');
        if (slash == std::string::npos) {
          throw InputError(trf("line {}: RDATE period '{}' is not start/end or start/duration", p.line, item));
        }
        auto params = p.params;
        params.erase("VALUE");
        const When s = parse_when(item.substr(0, slash), params, zones, "RDATE");
        const std::string rest = item.substr(slash + 1);
        Instant e{};
        if (auto d = ics_duration(rest)) {
          e = s.instant(ctx) + *d;
        } else {
          e = parse_when(rest, params, zones, "RDATE").instant(ctx);
        }
        if (s.is_date || e < s.instant(ctx)) {
          throw InputError(trf("line {}: RDATE period '{}' ends before it starts", p.line, item));
        }
        add(s, e);
        continue;
      }
      When w = parse_when(item, p.params, zones, "RDATE");
      if (w.is_date != m.start.is_date) {  // RFC 5545: RDATE has DTSTART's value type
        throw InputError(trf("line {}: RDATE '{}' does not match DTSTART: one is a date, the other a date-time", p.line,
                             item));
      }
      add(w, std::nullopt);
    }
  }
  std::vector<Start> out;
  for (auto& [k, st] : by_key) {
    out.push_back(std::move(st));
  }
  std::sort(out.begin(), out.end(), [](const Start& a, const Start& b) { return a.at < b.at; });
  return out;
}

// The key an override names relative to its master: an all-day series' by the
// day (Exchange writes a date-time RECURRENCE-ID for all-day series), a timed
// one's by the instant, or by the day when the override names a date.
std::string override_key(const Master& m, const When& rid, Zones& zones, const time::Context& ctx) {
  if (m.start.is_date || rid.is_date) {
    return compact_date(written_day(rid, zones, ctx));
  }
  return occurrence_key(rid, rid.instant(ctx));
}

// The keys an override may name a start by: its instant (a timed series), its day.
std::vector<std::string> start_keys(const Master& m, const Start& s, Zones& zones, const time::Context& ctx) {
  const std::string day = compact_date(written_day(s.w, zones, ctx));
  return m.start.is_date ? std::vector<std::string>{day} : std::vector<std::string>{s.key, day};
}

// An override whose RECURRENCE-ID is no occurrence of its series (one since
// shortened or rewritten) is left out, and said.
void stray_override(const Master& m, const Master& o, Date named, std::vector<std::string>& warnings) {
  warnings.push_back(trf("UID {}: line {}: RECURRENCE-ID names {}, which is not an occurrence of the event; left out",
                         m.uid, o.comp->get("RECURRENCE-ID")->line, time::format_date(named)));
}


// Every occurrence of a repeating master in the window (an endless one) or
// all of them, overrides applied, each an event of its own.
void expand(const Master& m, const Recurring& rec, Zones& zones, const time::Context& ctx, const Window& win,
            const std::vector<const Master*>& overrides, std::vector<IcsItem>& out, std::vector<std::string>& warnings) {
  const std::string base = own_uuid(m.uid);
  const bool windowed = rec.endless || win.given;
  // An endless rule: far enough past the window to meet an occurrence moved back into it.
  const Date last = rec.endless ? win.to + days{400} : time::make_date(2200, 12, 31);
  const auto starts = starts_of(m, rec, zones, ctx, last);
  // Overrides: those of one occurrence by its key; THISANDFUTURE ones by when they take effect.
  std::map<std::string, const Master*> exact;
  std::vector<std::pair<Instant, const Master*>> onward;
  for (const Master* o : overrides) {
    if (o->this_and_future) {
      onward.emplace_back(o->rid->instant(ctx), o);
    } else {
      exact[override_key(m, *o->rid, zones, ctx)] = o;
    }
  }
  std::sort(onward.begin(), onward.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::set<std::string> matched;
  std::size_t total = 0, kept = 0;
  std::optional<Date> first, final;
  for (const Start& st : starts) {
    const std::string uuid = base + "/" + st.key;
    IcsItem item;
    auto ex = exact.end();
    for (const auto& key : start_keys(m, st, zones, ctx)) {
      if (ex == exact.end()) {
        ex = exact.find(key);
      }
    }
    if (ex != exact.end()) {
      matched.insert(ex->first);
      item = item_of(*ex->second, ex->second->start, ctx, uuid);
    } else {
      const Master* from = nullptr;
      for (const auto& [at, o] : onward) {
        if (at <= st.at) {
          from = o;
        }
      }
      if (from) {
        // RANGE=THISANDFUTURE: this and every later occurrence moved as the
        // named one was, with the override's length and details.
        When moved = st.w;
        const auto shift = from->start.instant(ctx) - from->rid->instant(ctx);
        if (moved.is_date && from->start.is_date && from->rid->is_date) {
          moved.date += std::chrono::duration_cast<days>(from->start.date - from->rid->date);
        } else if (!moved.is_date) {
          moved.local += shift;
        }
        item = item_of(*from, moved, ctx, uuid);
      } else {
        item = item_of(m, st.w, ctx, uuid, st.end);
      }
    }
    ++total;
    const Date day = time::local_date(ctx.zone->to_local(item.start));
    if (windowed && (day < win.from || day > win.to)) {
      continue;
    }
    ++kept;
    first = first ? std::min(*first, day) : day;
    final = final ? std::max(*final, day) : day;
    out.push_back(std::move(item));
  }
  for (const auto& [key, o] : exact) {
    if (!matched.count(key)) {
      const Date d = written_day(*o->rid, zones, ctx);
      if (d <= last) {
        stray_override(m, *o, d, warnings);
      }
    }
  }
  const std::string window = fmt::format("{} … {}", time::format_date(win.from), time::format_date(win.to));
  if (rec.endless) {
    if (kept == 0) {
      warnings.push_back(trf("UID {}: repeats without end, and no occurrence falls in the window {} (--from, "
                             "--to); nothing imported",
                             m.uid, window));
    } else {
      warnings.push_back(trnf("UID {}: repeats without end; {} occurrence imported, from {} to {} (the window {}; --from "
                              "and --to set it)",
                              "UID {}: repeats without end; {} occurrences imported, from {} to {} (the window {}; "
                              "--from and --to set it)",
                              static_cast<long>(kept), m.uid, kept, time::format_date(*first),
                              time::format_date(*final), window));
    }
  } else if (win.given && kept < total) {
    warnings.push_back(trf("UID {}: {} of its {} occurrences fall in the window {} and are imported", m.uid, kept,
                           total, window));
  }
}

// A repeating master as one series, when omskplan repeats its rule in the
// configured zone to exactly the instants the file means: the series, then
// its changed occurrences. False when it does not (the caller repeats it
// occurrence by occurrence).
bool as_series(const Master& m, const Recurring& rec, Zones& zones, const time::Context& ctx, const Window& win,
               const std::vector<const Master*>& overrides, const time::TimeZone& zone, std::vector<IcsItem>& out,
               std::vector<std::string>& warnings) {
  if (rec.has_rdate || rec.rules.size() != 1) {
    return false;
  }
  for (const Master* o : overrides) {
    if (o->this_and_future) {
      return false;
    }
  }
  const Rule& r = rec.rules.front();
  // Compared over the rule's whole life, or up to well past the window for an endless one.
  const Date limit = std::max(win.to, ctx.today() + days{366}) + days{400};
  const auto theirs = starts_of(m, rec, zones, ctx, limit);
  const Instant s0 = m.start.instant(ctx);
  const LocalTime l0 = m.start.is_date ? LocalTime{m.start.date.time_since_epoch()} : zone.to_local(s0);
  const Date d0 = date_of(l0);
  const auto tod = l0 - LocalTime{d0.time_since_epoch()};
  time::Recurrence rule = r.rec;
  if (r.until) {
    if (r.until->is_date || m.start.is_date) {
      rule.until = r.until->is_date ? r.until->date
                   : r.until->utc   ? Date{std::chrono::floor<days>(r.until->instant(ctx))}
                                    : date_of(r.until->local);
    } else {
      const LocalTime lu = zone.to_local(r.until->instant(ctx));
      Date du = date_of(lu);
      if (lu - LocalTime{du.time_since_epoch()} < tod) {
        du -= days{1};
      }
      rule.until = du;
    }
  }
  if (rule.until && *rule.until < d0) {
    throw InputError(trf("line {}: the rule ends (UNTIL {}) before DTSTART ({}); which occurrences are meant is "
                         "unclear",
                         r.line, time::format_date(*rule.until), time::format_date(d0)));
  }
  std::set<Date> cancelled, day_off;
  for (const auto& p : m.comp->props) {
    if (p.name != "EXDATE") {
      continue;
    }
    const auto reason = p.params.find("X-OMSKPLAN-REASON");
    auto& into = reason != p.params.end() && reason->second == "DAY-OFF" ? day_off : cancelled;
    for (const auto& v : text::split(p.value, ',')) {
      const When w = parse_when(text::trim(v), p.params, zones, "EXDATE");
      into.insert(m.start.is_date ? written_day(w, zones, ctx) : time::local_date(zone.to_local(w.instant(ctx))));
    }
  }
  std::vector<Instant> mine, file;
  for (const auto& st : theirs) {
    file.push_back(st.at);
  }
  const Date last = file.empty() ? d0 : time::local_date(zone.to_local(file.back()));
  time::for_each_day(rule, d0, last, [&](Date d) {
    if (!cancelled.count(d) && !day_off.count(d)) {
      mine.push_back(zone.to_instant(LocalTime{d.time_since_epoch()} + tod));
    }
    return true;
  });
  if (mine != file) {
    return false;
  }
  IcsItem series = item_of(m, m.start, ctx, own_uuid(m.uid));
  series.rule = time::format_recurrence(rule);
  if (!m.start.is_date && zone.name() != ctx.zone->name()) {
    series.zone = zone.name();
  }
  series.cancelled.assign(cancelled.begin(), cancelled.end());
  if (const auto* d = m.comp->get("X-OMSKPLAN-DAYS-OFF")) {
    series.days_off = text::trim(d->value);
  }
  out.push_back(std::move(series));
  std::set<std::string> keys;
  for (const auto& st : theirs) {
    for (auto& k : start_keys(m, st, zones, ctx)) {
      keys.insert(std::move(k));
    }
  }
  for (const Master* o : overrides) {
    // An occurrence omskplan moved off a day off is its rule's doing, not a change.
    if (const auto* why = o->comp->get("X-OMSKPLAN-REASON"); why && text::trim(why->value) == "DAY-OFF") {
      continue;
    }
    const std::string key = override_key(m, *o->rid, zones, ctx);
    const Date nominal = m.start.is_date || o->rid->is_date ? written_day(*o->rid, zones, ctx)
                                                            : time::local_date(zone.to_local(o->rid->instant(ctx)));
    if (!keys.count(key)) {
      if (nominal <= limit) {
        stray_override(m, *o, nominal, warnings);
      }
      continue;
    }
    IcsItem it = item_of(*o, o->start, ctx, own_uuid(m.uid) + "/" + occurrence_key(*o->rid, o->rid->instant(ctx)));
    it.occurrence_of = own_uuid(m.uid);
    it.occurrence = nominal;
    out.push_back(std::move(it));
  }
  return true;
}

// Of two VEVENTs for the same occurrence (the same UID, and RECURRENCE-ID if
// any), the later revision: the higher SEQUENCE, then the later LAST-MODIFIED
// (or DTSTAMP). Copies of one another are one; two that differ and say
// nothing of which is newer are an error naming both lines.
bool newer(const Master& a, const Master& b) {
  return std::tie(a.sequence, a.revised) > std::tie(b.sequence, b.revised);
}

bool same_content(const Master& a, const Master& b) {
  auto props = [](const Master& m) {
    std::vector<std::pair<std::string, std::string>> v;
    for (const auto& p : m.comp->props) {
      v.emplace_back(p.name, p.value);
    }
    std::sort(v.begin(), v.end());
    return v;
  };
  return props(a) == props(b);
}

void keep_newest(Master& kept, Master&& other, std::vector<std::string>& warnings) {
  const std::size_t a = kept.comp->line, b = other.comp->line;
  if (same_content(kept, other)) {
    warnings.push_back(trf("UID {}: the VEVENT at line {} repeats the one at line {}; read once", kept.uid, b, a));
    return;
  }
  if (!newer(kept, other) && !newer(other, kept)) {
    throw InputError(trf("UID {}: the VEVENTs at lines {} and {} differ and have the same SEQUENCE and "
                         "LAST-MODIFIED; which one is current is unclear",
                         kept.uid, a, b));
  }
  const bool replace = newer(other, kept);
  warnings.push_back(trf("UID {}: two versions (lines {} and {}); the later revision, at line {}, is imported",
                         kept.uid, a, b, replace ? b : a));
  if (replace) {
    kept = std::move(other);
  }
}

}  // namespace

std::vector<IcsItem> read_ics_events(std::string_view text, const time::Context& ctx, const IcsImportOptions& opt,
                                     std::vector<std::string>& warnings) {
  const render::IcsComponent cal = render::parse_ics(text);
  Zones zones(cal, ctx, warnings);
  const auto events = cal.all("VEVENT");
  Window win;
  win.given = !opt.from.empty() || !opt.to.empty();
  win.from = !opt.from.empty() ? time::parse_date_span(opt.from, ctx).first : ctx.today() - days{opt.back_days};
  win.to = !opt.to.empty() ? time::parse_date_span(opt.to, ctx).last : ctx.today() + days{opt.horizon_days};
  if (win.to < win.from) {
    throw InputError(trf("the window ends ({}) before it starts ({})", time::format_date(win.to),
                         time::format_date(win.from)));
  }
  // Masters by UID, in file order, and their overrides by RECURRENCE-ID.
  std::vector<Master> masters;
  std::map<std::string, std::size_t> by_uid;
  std::map<std::string, std::map<std::string, Master>> overrides;
  std::size_t index = 0;
  for (const auto* ev : events) {
    ++index;
    try {
      Master m = read_master(*ev, zones, ctx, warnings, index);
      if (const auto* rid = ev->get("RECURRENCE-ID")) {
        if (auto range = rid->params.find("RANGE"); range != rid->params.end()) {
          if (text::fold(text::trim(range->second)) != "thisandfuture") {
            throw InputError(trf("UID {}: line {}: RECURRENCE-ID;RANGE={} is not THISANDFUTURE", m.uid, rid->line,
                                 range->second));
          }
          m.this_and_future = true;
        }
        try {
          m.rid = parse_when(rid->value, rid->params, zones, "RECURRENCE-ID");
        } catch (const InputError& e) {
          throw InputError(trf("UID {}: line {}: {}", m.uid, rid->line, e.what()));
        }
        const std::string key = occurrence_key(*m.rid, m.rid->is_date ? Instant{} : m.rid->instant(ctx));
        auto& list = overrides[m.uid];
        if (auto it = list.find(key); it != list.end()) {
          keep_newest(it->second, std::move(m), warnings);
        } else {
          list.emplace(key, std::move(m));
        }
        continue;
      }
      if (auto it = by_uid.find(m.uid); it != by_uid.end()) {
        keep_newest(masters[it->second], std::move(m), warnings);
        continue;
      }
      by_uid.emplace(m.uid, masters.size());
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
    std::vector<const Master*> mine;
    if (auto ov = overrides.find(m.uid); ov != overrides.end()) {
      for (const auto& [key, o] : ov->second) {
        mine.push_back(&o);
      }
    }
    try {
      const Recurring rec = rules_of(m, zones, warnings);
      if (rec.rules.empty() && !rec.has_rdate) {
        out.push_back(item_of(m, m.start, ctx, own_uuid(m.uid)));
        continue;
      }
      // A series on the configured clock; else, for a rule in a zone of the
      // system's zone data (Europe/Berlin), a series on that zone's clock.
      if (as_series(m, rec, zones, ctx, win, mine, *ctx.zone, out, warnings)) {
        continue;
      }
      if (!m.start.is_date && !m.start.utc && m.start.zone && m.start.zone->tz &&
          m.start.zone->tz->name() != ctx.zone->name() &&
          as_series(m, rec, zones, ctx, win, mine, *m.start.zone->tz, out, warnings)) {
        continue;
      }
      for (const Rule& r : rec.rules) {
        if (r.until && past_until(r, m.start, zones, ctx)) {
          throw InputError(trf("line {}: the rule ends (UNTIL) before DTSTART; which occurrences are meant is unclear",
                               r.line));
        }
      }
      if (!rec.rules.empty()) {
        warnings.push_back(trf("UID {}: {}; imported as separate events", m.uid,
                               rec.has_rdate           ? tr("it has RDATE, which a series does not keep")
                               : rec.rules.size() > 1 ? tr("it has several RRULEs, which a series does not keep")
                                                      : tr("its rule in its own time zone gives other instants than "
                                                           "in the configured one (daylight saving, another day)")));
      }
      expand(m, rec, zones, ctx, win, mine, out, warnings);
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

namespace {

// A series the file did not say the days off of is held on them as the file
// says; which of its occurrences in the year ahead fall on days off is said,
// so the department sees them and can leave them out.
void link_series_days_off(Services& s, const std::vector<std::string>& uids, const IcsImportOptions& opt,
                          std::vector<std::string>& warnings) {
  for (const auto& uid : uids) {
    const Event e = *repo::load(s.db, *repo::find_by_uuid(s.db, uid));
    if (!e.repeat || e.repeat->days_off != RepeatDaysOff::keep) {
      continue;
    }
    const Date first = std::max(time::local_date(s.ctx.zone->to_local(e.start)), s.ctx.today());
    std::vector<Date> off;
    for (const auto& d : occurrence_days(e, first, s.ctx.today() + days{std::min(opt.horizon_days, 366)},
                                         *s.ctx.calendar, *s.ctx.zone)) {
      if (d.state == OccurrenceState::held && !s.ctx.calendar->is_working(d.day)) {
        off.push_back(d.day);
      }
    }
    if (off.empty()) {
      continue;
    }
    std::string list;
    for (std::size_t i = 0; i < off.size() && i < 3; ++i) {
      list += (i ? ", " : "") + time::format_date(off[i]);
    }
    list += off.size() > 3 ? ", …" : "";
    warnings.push_back(trnf("UID {}: {} occurrence in the year ahead falls on a day off ({}); it is held, as the "
                            "calendar says; omskplan event edit {} --days-off skip leaves such days out",
                            "UID {}: {} occurrences in the year ahead fall on days off ({}); they are held, as the "
                            "calendar says; omskplan event edit {} --days-off skip leaves such days out",
                            static_cast<long>(off.size()), uid, off.size(), list, e.id));
  }
}

}  // namespace

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
      e.repeat = Repeat{it.rule, days_off, it.cancelled, it.zone};
      if (!it.days_off.empty()) {
        e.repeat->days_off = parse_repeat_days_off(it.days_off);
      } else if (!before || !before->repeat) {
        // The calendar that wrote the rule left out what it meant to (EXDATE);
        // every other occurrence is held, days off or not (and said below).
        e.repeat->days_off = RepeatDaysOff::keep;
      }
      if (it.days_off.empty()) {
        series_uids.push_back(it.uuid);
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
  link_series_days_off(s, series_uids, opt, res.warnings);
  if (!dry_run) {
    tx.commit();
  }
  return res;
}

}  // namespace omskplan::event
