#include "render/ics.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace omskplan::render {

using namespace std::chrono;

std::string escape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') {
          break;
        }
        out += "\\n";
        break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
          break;
        }
        out += c;
    }
  }
  return out;
}

std::string unescape_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += (n == 'n' || n == 'N') ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string fold_line(std::string_view line) {
  std::string out;
  std::size_t pos = 0;
  std::size_t limit = 75;  // the first line; continuation lines carry a leading space
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    // Never inside a UTF-8 character: back up over continuation bytes.
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

namespace {

std::string ics_local(time::LocalTime t) {
  const auto d = time::local_date(t);
  const hh_mm_ss hms{t - floor<days>(t)};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", time::year_of(d), time::month_of(d), time::day_of(d),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::string ics_utc(time::Instant t) { return ics_local(time::LocalTime{t.time_since_epoch()}) + "Z"; }

std::string ics_date(time::Date d) {
  return fmt::format("{:04}{:02}{:02}", time::year_of(d), time::month_of(d), time::day_of(d));
}

std::string offset(seconds s) { return time::format_offset(s, false); }

void vtimezone(std::string& out, const time::TimeZone& zone, time::Instant from, time::Instant to) {
  auto line = [&](const std::string& l) { out += fold_line(l); };
  line("BEGIN:VTIMEZONE");
  line("TZID:" + zone.name());
  const time::ZoneInfo first = zone.info_at(from);
  line(first.is_dst ? "BEGIN:DAYLIGHT" : "BEGIN:STANDARD");
  line("DTSTART:19700101T000000");
  line("TZOFFSETFROM:" + offset(first.offset));
  line("TZOFFSETTO:" + offset(first.offset));
  line("TZNAME:" + first.abbrev);
  line(first.is_dst ? "END:DAYLIGHT" : "END:STANDARD");
  for (const auto& tr : zone.transitions(from, to)) {
    const char* kind = tr.after.is_dst ? "DAYLIGHT" : "STANDARD";
    line(fmt::format("BEGIN:{}", kind));
    line("DTSTART:" + ics_local(time::LocalTime{tr.at.time_since_epoch() + tr.before.offset}));
    line("TZOFFSETFROM:" + offset(tr.before.offset));
    line("TZOFFSETTO:" + offset(tr.after.offset));
    line("TZNAME:" + tr.after.abbrev);
    line(fmt::format("END:{}", kind));
  }
  line("END:VTIMEZONE");
}

}  // namespace

std::string write_calendar(const std::vector<IcsEvent>& events, const time::TimeZone& calendar_zone, time::Instant dtstamp,
                           std::string_view calendar_name) {
  std::string out;
  auto line = [&](const std::string& l) { out += fold_line(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//omskplan//omskplan 0.1//RU");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  if (!calendar_name.empty()) {
    line("X-WR-CALNAME:" + escape_text(calendar_name));
  }
  line("X-WR-TIMEZONE:" + calendar_zone.name());
  time::Instant lo = dtstamp;
  time::Instant hi = dtstamp;
  for (const auto& e : events) {
    lo = std::min(lo, e.start);
    hi = std::max(hi, e.end);
  }
  vtimezone(out, calendar_zone, lo - days{1}, hi + days{1});
  std::map<std::string, const time::TimeZone*> others;
  for (const auto& e : events) {
    if (e.zone && e.zone->name() != calendar_zone.name()) {
      others.emplace(e.zone->name(), e.zone);
    }
  }
  for (const auto& [name, z] : others) {
    vtimezone(out, *z, lo - days{1}, hi + days{3653});
  }
  for (const auto& e : events) {
    const time::TimeZone& zone = e.zone ? *e.zone : calendar_zone;
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("DTSTAMP:" + ics_utc(dtstamp));
    if (e.all_day) {
      const auto sd = time::local_date(zone.to_local(e.start));
      auto ed = time::local_date(zone.to_local(e.end));
      if (ed <= sd) {
        ed = sd + days{1};
      }
      line("DTSTART;VALUE=DATE:" + ics_date(sd));
      line("DTEND;VALUE=DATE:" + ics_date(ed));
    } else {
      line(fmt::format("DTSTART;TZID={}:{}", zone.name(), ics_local(zone.to_local(e.start))));
      line(fmt::format("DTEND;TZID={}:{}", zone.name(), ics_local(zone.to_local(e.end))));
    }
    // A start as DTSTART writes it: a date for an all-day event, else local time in the zone.
    auto when = [&](std::string_view name, time::Instant t) {
      return e.all_day ? fmt::format("{};VALUE=DATE:{}", name, ics_date(time::local_date(zone.to_local(t))))
                       : fmt::format("{};TZID={}:{}", name, zone.name(), ics_local(zone.to_local(t)));
    };
    if (e.recurrence_id) {
      line(when("RECURRENCE-ID", *e.recurrence_id));
    }
    if (!e.rrule.empty()) {
      line("RRULE:" + e.rrule);
    }
    auto exdate = [&](const std::vector<time::Instant>& ts, std::string_view name) {
      std::string list;
      for (const auto t : ts) {
        const std::string one = when(name, t);
        list += (list.empty() ? one : "," + one.substr(one.find(':') + 1));
      }
      if (!list.empty()) {
        line(list);
      }
    };
    exdate(e.exdates, "EXDATE");
    exdate(e.exdates_day_off, "EXDATE;X-OMSKPLAN-REASON=DAY-OFF");
    if (!e.days_off.empty()) {
      line("X-OMSKPLAN-DAYS-OFF:" + e.days_off);
    }
    if (e.moved_off_day_off) {
      line("X-OMSKPLAN-REASON:DAY-OFF");
    }
    line("SUMMARY:" + escape_text(e.summary));
    if (!e.location.empty()) {
      line("LOCATION:" + escape_text(e.location));
    }
    if (!e.description.empty()) {
      line("DESCRIPTION:" + escape_text(e.description));
    }
    if (!e.categories.empty()) {
      std::string cats;
      for (const auto& c : e.categories) {
        cats += (cats.empty() ? "" : ",") + escape_text(c);
      }
      line("CATEGORIES:" + cats);
    }
    if (!e.status.empty()) {
      line("STATUS:" + e.status);
    }
    if (!e.related_to.empty()) {
      line("RELATED-TO;RELTYPE=PARENT:" + escape_text(e.related_to));
    }
    line(fmt::format("SEQUENCE:{}", e.sequence));
    if (e.last_modified) {
      line("LAST-MODIFIED:" + ics_utc(*e.last_modified));
    }
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

const IcsProperty* IcsComponent::get(std::string_view n) const {
  for (const auto& p : props) {
    if (p.name == n) {
      return &p;
    }
  }
  return nullptr;
}

std::vector<const IcsComponent*> IcsComponent::all(std::string_view n) const {
  std::vector<const IcsComponent*> out;
  for (const auto& c : children) {
    if (c.name == n) {
      out.push_back(&c);
    }
  }
  return out;
}

namespace {

std::string upper(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

IcsProperty parse_content_line(const std::string& l, std::size_t lineno) {
  IcsProperty p;
  std::size_t i = 0;
  while (i < l.size() && l[i] != ';' && l[i] != ':') {
    ++i;
  }
  p.name = upper(l.substr(0, i));
  if (p.name.empty() || i == l.size()) {
    throw InputError(trf("line {}: not an iCalendar content line", lineno));
  }
  while (i < l.size() && l[i] == ';') {
    ++i;
    const std::size_t eq = l.find('=', i);
    if (eq == std::string::npos) {
      throw InputError(trf("line {}: parameter without '='", lineno));
    }
    const std::string key = upper(l.substr(i, eq - i));
    i = eq + 1;
    std::string value;
    if (i < l.size() && l[i] == '"') {
      const std::size_t close = l.find('"', i + 1);
      if (close == std::string::npos) {
        throw InputError(trf("line {}: unclosed quote in a parameter", lineno));
      }
      value = l.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      const std::size_t b = i;
      while (i < l.size() && l[i] != ';' && l[i] != ':' && l[i] != ',') {
        ++i;
      }
      value = l.substr(b, i - b);
      while (i < l.size() && l[i] == ',') {  // multi-valued: keep the first
        ++i;
        while (i < l.size() && l[i] != ';' && l[i] != ':') {
          ++i;
        }
      }
    }
    p.params[key] = value;
  }
  if (i >= l.size() || l[i] != ':') {
    throw InputError(trf("line {}: expected ':' before the value", lineno));
  }
  p.value = l.substr(i + 1);
  p.line = lineno;
  return p;
}

}  // namespace

IcsComponent parse_ics(std::string_view text) {
  // Unfold: a line break followed by a space or tab continues the line.
  std::vector<std::pair<std::string, std::size_t>> lines;
  std::size_t lineno = 0;
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    pos = 3;
  }
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view raw = text.substr(pos, end - pos);
    if (!raw.empty() && raw.back() == '\r') {
      raw.remove_suffix(1);
    }
    ++lineno;
    if (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t') && !lines.empty()) {
      lines.back().first.append(raw.substr(1));
    } else if (!raw.empty()) {
      lines.emplace_back(std::string(raw), lineno);
    }
    pos = end + 1;
  }
  std::vector<IcsComponent> stack;
  std::optional<IcsComponent> root;
  for (const auto& [l, n] : lines) {
    if (!text::is_valid_utf8(l)) {
      throw InputError(trf("line {}: not valid UTF-8", n));
    }
    IcsProperty p = parse_content_line(l, n);
    if (p.name == "BEGIN") {
      stack.push_back(IcsComponent{upper(p.value), {}, {}, n});
    } else if (p.name == "END") {
      if (stack.empty() || stack.back().name != upper(p.value)) {
        throw InputError(trf("line {}: END:{} does not close an open component", n, p.value));
      }
      IcsComponent done = std::move(stack.back());
      stack.pop_back();
      if (stack.empty()) {
        if (root) {
          throw InputError(trf("line {}: a second top-level component", n));
        }
        root = std::move(done);
      } else {
        stack.back().children.push_back(std::move(done));
      }
    } else {
      if (stack.empty()) {
        throw InputError(trf("line {}: a property outside any component", n));
      }
      stack.back().props.push_back(std::move(p));
    }
  }
  if (!stack.empty()) {
    throw InputError(trf("BEGIN:{} is never closed", stack.back().name));
  }
  if (!root || root->name != "VCALENDAR") {
    throw InputError(tr("not an iCalendar stream: no VCALENDAR"));
  }
  return *root;
}

}  // namespace omskplan::render
