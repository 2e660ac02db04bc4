#include "time/expr.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>

namespace omskplan::time {

using namespace std::chrono;

namespace {

[[noreturn]] void bad_date(std::string_view expr, std::string_view why) {
  throw InputError(trf("invalid date '{}': {}", expr, why));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

long to_long(std::string_view s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v > 100000) {
    return -1;
  }
  return v;
}

// Weekday names: Monday = 1.
int weekday_from_name(const std::string& w) {
  static const std::array<std::array<const char*, 5>, 7> names{{
      {"mon", "monday", "пн", "понедельник", "пон"},
      {"tue", "tuesday", "вт", "вторник", "втр"},
      {"wed", "wednesday", "ср", "среда", "срд"},
      {"thu", "thursday", "чт", "четверг", "чтв"},
      {"fri", "friday", "пт", "пятница", "птн"},
      {"sat", "saturday", "сб", "суббота", "сбт"},
      {"sun", "sunday", "вс", "воскресенье", "вск"},
  }};
  for (int i = 0; i < 7; ++i) {
    for (const char* n : names[i]) {
      if (w == n) {
        return i + 1;
      }
    }
  }
  return 0;
}

}  // namespace

std::optional<Offset> parse_offset(std::string_view s) {
  std::string_view rest = s;
  if (!rest.empty() && (rest.front() == 'T' || rest.front() == 't')) {
    rest.remove_prefix(1);
    if (!rest.empty() && rest.front() != '+' && rest.front() != '-') {
      return std::nullopt;
    }
    // "T-14" means fourteen days.
    if (rest.size() > 1 && all_digits(rest.substr(1))) {
      const long n = to_long(rest.substr(1));
      if (n < 0 || n > 10 * 366) {
        return std::nullopt;  // more than ten years, like any offset
      }
      return Offset{Offset::Unit::days, rest.front() == '-' ? -n : n, fmt::format("{}{}d", rest.front(), n)};
    }
  }
  if (rest.size() < 3 || (rest.front() != '+' && rest.front() != '-')) {
    return std::nullopt;
  }
  const int sign = rest.front() == '-' ? -1 : 1;
  rest.remove_prefix(1);
  // One "<n><unit>" with d, w or wd; or several with h, m (and d, w) that add up to minutes: +1h30m.
  long minutes_total = 0;
  std::optional<Offset> single;
  int parts = 0;
  bool has_clock_unit = false;
  std::string text;
  while (!rest.empty()) {
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
      ++digits;
    }
    if (digits == 0 || digits > 6) {
      return std::nullopt;
    }
    const long n = to_long(rest.substr(0, digits));
    if (n < 0) {
      return std::nullopt;  // more than to_long allows
    }
    rest.remove_prefix(digits);
    std::size_t ulen = 0;
    while (ulen < rest.size() && std::isalpha(static_cast<unsigned char>(rest[ulen]))) {
      ++ulen;
    }
    const std::string_view unit = rest.substr(0, ulen);
    rest.remove_prefix(ulen);
    ++parts;
    if (unit == "d") {
      single = Offset{Offset::Unit::days, sign * n, {}};
      minutes_total += n * 1440;
    } else if (unit == "w") {
      single = Offset{Offset::Unit::days, sign * n * 7, {}};
      minutes_total += n * 10080;
    } else if (unit == "wd") {
      single = Offset{Offset::Unit::working_days, sign * n, {}};
      if (parts > 1 || n > 10 * 260) {
        return std::nullopt;  // more than ten years of working days, like any offset
      }
    } else if (unit == "h") {
      has_clock_unit = true;
      minutes_total += n * 60;
    } else if (unit == "m" || unit == "min") {
      has_clock_unit = true;
      minutes_total += n;
    } else {
      return std::nullopt;
    }
    text += fmt::format("{}{}", n, unit == "min" ? "m" : std::string(unit));
  }
  if (parts == 0 || minutes_total > 10L * 366 * 24 * 60) {
    return std::nullopt;  // nothing, or more than ten years
  }
  Offset off;
  if (parts == 1 && !has_clock_unit) {
    off = *single;
  } else {
    if (single && single->unit == Offset::Unit::working_days) {
      return std::nullopt;
    }
    off = Offset{Offset::Unit::minutes, sign * minutes_total, {}};
  }
  off.text = fmt::format("{}{}", sign < 0 ? '-' : '+', text);
  return off;
}

std::string_view to_string(DayOffRule r) { return kDayOffRuleNames[static_cast<std::size_t>(r)]; }

DayOffRule parse_day_off_rule(std::string_view s) {
  for (std::size_t i = 0; i < kDayOffRuleNames.size(); ++i) {
    if (s == kDayOffRuleNames[i]) {
      return static_cast<DayOffRule>(i);
    }
  }
  throw InputError(trf("invalid day-off rule '{}'; expected one of: previous, next, keep", s));
}

Date working_day(Date d, DayOffRule rule, const ProductionCalendar& cal) {
  if (rule == DayOffRule::keep || cal.is_working(d)) {
    return d;
  }
  return cal.add_working_days(d, rule == DayOffRule::previous ? -1 : 1);
}

Date apply_offset_to_date(LocalTime anchor, const Offset& off, const ProductionCalendar& cal, DayOffRule rule) {
  const Date day = local_date(anchor);
  switch (off.unit) {
    case Offset::Unit::days: {
      const Date d = working_day(day + days{off.amount}, rule, cal);
      // A deadline after the event never moves back to it or before it.
      return off.amount > 0 && d <= day ? working_day(day + days{off.amount}, DayOffRule::next, cal) : d;
    }
    case Offset::Unit::working_days:
      return cal.add_working_days(day, static_cast<int>(off.amount));
    case Offset::Unit::minutes:
      return local_date(anchor + minutes{off.amount});
  }
  return day;
}

LocalTime apply_offset_to_time(LocalTime anchor, const Offset& off, const ProductionCalendar& cal) {
  if (off.unit == Offset::Unit::minutes) {
    return anchor + minutes{off.amount};
  }
  const Date d = apply_offset_to_date(anchor, off, cal);
  const auto clock = anchor - floor<days>(anchor);
  return LocalTime{d.time_since_epoch()} + clock;
}

DateSpan parse_date_span(std::string_view expr, const Context& ctx) {
  const std::string e = text::fold(text::trim(expr));
  if (e.empty()) {
    bad_date(expr, tr("empty"));
  }
  const Date today = ctx.today();
  auto one = [](Date d) { return DateSpan{d, d}; };

  if (e == "today" || e == "сегодня") {
    return one(today);
  }
  if (e == "tomorrow" || e == "завтра") {
    return one(today + days{1});
  }
  if (e == "yesterday" || e == "вчера") {
    return one(today - days{1});
  }
  if (e == "sow") {
    return one(today - days{iso_weekday(today) - 1});
  }
  if (e == "eow") {
    return one(today + days{7 - iso_weekday(today)});
  }
  if (e == "som") {
    return one(today - days{day_of(today) - 1});
  }
  if (e == "eom") {
    return one(last_day_of_month(today));
  }
  if (e == "soy") {
    return one(make_date(year_of(today), 1, 1));
  }
  if (e == "eoy") {
    return one(make_date(year_of(today), 12, 31));
  }
  if (const int wd = weekday_from_name(e)) {
    int ahead = (wd - iso_weekday(today) + 7) % 7;
    return one(today + days{ahead == 0 ? 7 : ahead});
  }
  if (!e.empty() && (e.front() == '+' || e.front() == '-')) {
    const auto off = parse_offset(e);
    if (!off) {
      bad_date(expr, tr("an offset is a sign, a number and a unit: d (days), w (weeks), wd (working days)"));
    }
    if (off->unit == Offset::Unit::minutes) {
      bad_date(expr, tr("hours and minutes are not days; use d, w or wd"));
    }
    if (off->unit == Offset::Unit::working_days && !ctx.calendar) {
      bad_date(expr, tr("working days need the production calendar"));
    }
    const Date d = off->unit == Offset::Unit::days ? today + days{off->amount}
                                                  : ctx.calendar->add_working_days(today, static_cast<int>(off->amount));
    return one(d);
  }
  // 2024
  if (e.size() == 4 && all_digits(e)) {
    const int y = static_cast<int>(to_long(e));
    if (y < 1900 || y > 2200) {
      bad_date(expr, tr("year out of range 1900–2200"));
    }
    return {make_date(y, 1, 1), make_date(y, 12, 31)};
  }
  // 2024-W19
  if (e.size() == 8 && e[4] == '-' && (e[5] == 'w' || e[5] == 'W') && all_digits(e.substr(0, 4)) &&
      all_digits(e.substr(6))) {
    const int y = static_cast<int>(to_long(e.substr(0, 4)));
    const int w = static_cast<int>(to_long(e.substr(6)));
    const auto monday = iso_week_monday(y, w);
    if (!monday) {
      bad_date(expr, trf("{} has no ISO week {}", y, w));
    }
    return {*monday, *monday + days{6}};
  }
  // 2024-Q2
  if (e.size() == 7 && e[4] == '-' && e[5] == 'q' && all_digits(e.substr(0, 4)) && all_digits(e.substr(6))) {
    const int y = static_cast<int>(to_long(e.substr(0, 4)));
    const int q = e[6] - '0';
    if (y < 1900 || y > 2200) {
      bad_date(expr, tr("year out of range 1900–2200"));
    }
    if (q < 1 || q > 4) {
      bad_date(expr, tr("a quarter is Q1–Q4"));
    }
    const Date first = make_date(y, 3 * q - 2, 1);
    return {first, last_day_of_month(make_date(y, 3 * q, 1))};
  }
  // 2024-05
  if (e.size() == 7 && e[4] == '-' && all_digits(e.substr(0, 4)) && all_digits(e.substr(5))) {
    const int y = static_cast<int>(to_long(e.substr(0, 4)));
    const int m = static_cast<int>(to_long(e.substr(5)));
    if (m < 1 || m > 12) {
      bad_date(expr, tr("month must be 01–12"));
    }
    const Date first = make_date(y, m, 1);
    return {first, last_day_of_month(first)};
  }
  if (e.size() == 10 && e[4] == '-' && e[7] == '-') {
    if (const auto d = parse_iso_date(e)) {
      if (year_of(*d) < 1900 || year_of(*d) > 2200) {
        bad_date(expr, tr("year out of range 1900–2200"));
      }
      return one(*d);
    }
    bad_date(expr, tr("no such day"));
  }
  bad_date(expr, tr("expected YYYY-MM-DD, YYYY-MM, YYYY-Www, today, +3d, -5wd, a weekday name, eow, eom"));
}

std::optional<int> parse_weekday(std::string_view s) {
  if (const int wd = weekday_from_name(text::fold(text::trim(s)))) {
    return wd;
  }
  return std::nullopt;
}

std::optional<Minutes> parse_clock(std::string_view s) {
  // H:MM, HH:MM or HH:MM:SS (seconds must be 00)
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) {
    return std::nullopt;
  }
  const std::string_view hh = s.substr(0, colon);
  std::string_view mm = s.substr(colon + 1);
  if (mm.size() == 5 && mm[2] == ':' && mm.substr(3) == "00") {
    mm = mm.substr(0, 2);
  }
  if (!all_digits(hh) || mm.size() != 2 || !all_digits(mm)) {
    return std::nullopt;
  }
  const long h = to_long(hh);
  const long m = to_long(mm);
  if (h > 23 || m > 59) {
    return std::nullopt;
  }
  return Minutes{h * 60 + m};
}

DateTimeValue parse_datetime(std::string_view expr, const Context& ctx, Minutes default_time) {
  const std::string e = text::trim(expr);
  if (e == "now" || e == "сейчас") {
    return {floor<minutes>(ctx.now), true};
  }
  // Split "DATE[ T]TIME[Z|±HH:MM]".
  std::string date_part = e;
  std::string time_part;
  if (e.size() > 10 && e[4] == '-' && e[7] == '-' && (e[10] == 'T' || e[10] == ' ')) {
    date_part = e.substr(0, 10);
    time_part = text::trim(e.substr(11));
  } else if (const auto sp = e.rfind(' '); sp != std::string::npos) {
    date_part = text::trim(e.substr(0, sp));
    time_part = e.substr(sp + 1);
  } else if (parse_clock(e)) {
    date_part = "today";
    time_part = e;
  }
  const Date d = parse_date_span(date_part, ctx).first;
  if (time_part.empty()) {
    return {ctx.zone->to_instant(LocalTime{d.time_since_epoch()} + default_time), false};
  }
  std::optional<seconds> explicit_offset;
  if (time_part.back() == 'Z' || time_part.back() == 'z') {
    explicit_offset = seconds{0};
    time_part.pop_back();
  } else if (time_part.size() > 6) {
    const std::string tail = time_part.substr(time_part.size() - 6);
    if ((tail[0] == '+' || tail[0] == '-') && tail[3] == ':' && all_digits(tail.substr(1, 2)) &&
        all_digits(tail.substr(4))) {
      const long oh = to_long(tail.substr(1, 2));
      const long om = to_long(tail.substr(4));
      if (oh > 14 || om > 59) {
        throw InputError(trf("invalid date-time '{}': bad UTC offset {}", expr, tail));
      }
      explicit_offset = seconds{(tail[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60)};
      time_part.resize(time_part.size() - 6);
    }
  }
  std::chrono::seconds secs{0};
  if (time_part.size() == 8 && time_part[2] == ':' && time_part[5] == ':' && all_digits(time_part.substr(6))) {
    secs = std::chrono::seconds{to_long(time_part.substr(6))};
    if (secs.count() > 59) {
      throw InputError(trf("invalid date-time '{}': seconds must be 00–59", expr));
    }
    time_part.resize(5);
  }
  const auto clock = parse_clock(time_part);
  if (!clock) {
    throw InputError(trf("invalid date-time '{}': expected a time HH:MM after the date", expr));
  }
  const LocalTime local = LocalTime{d.time_since_epoch()} + *clock + secs;
  if (explicit_offset) {
    return {Instant{local.time_since_epoch()} - *explicit_offset, true};
  }
  return {ctx.zone->to_instant(local), true};
}

Minutes parse_duration(std::string_view s) {
  const std::string e = text::trim(s);
  long total = 0;
  std::size_t i = 0;
  bool any = false;
  while (i < e.size()) {
    if (e[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < e.size() && e[j] >= '0' && e[j] <= '9') {
      ++j;
    }
    if (j == i) {
      break;
    }
    const long n = to_long(std::string_view(e).substr(i, j - i));
    std::size_t k = j;
    while (k < e.size() && std::isalpha(static_cast<unsigned char>(e[k]))) {
      ++k;
    }
    const std::string unit = e.substr(j, k - j);
    long mult = 0;
    if (unit == "d") {
      mult = 24 * 60;
    } else if (unit == "h") {
      mult = 60;
    } else if (unit == "m" || unit == "min") {
      mult = 1;
    }
    if (n < 0 || mult == 0) {
      any = false;
      break;
    }
    total += n * mult;
    any = true;
    i = k;
  }
  if (!any || i < e.size()) {
    throw InputError(trf("invalid duration '{}': expected e.g. 90m, 6h, 1h30m, 2d", s));
  }
  if (total <= 0 || total > 366L * 24 * 60) {
    throw InputError(trf("invalid duration '{}': must be more than 0 and at most a year", s));
  }
  return Minutes{total};
}

std::string format_duration(Minutes m) {
  long v = m.count();
  std::string out;
  if (v >= 24 * 60 && v % (24 * 60) == 0) {
    return fmt::format("{}d", v / (24 * 60));
  }
  if (v >= 60) {
    out += fmt::format("{}h", v / 60);
    v %= 60;
  }
  if (v > 0 || out.empty()) {
    out += fmt::format("{}m", v);
  }
  return out;
}

namespace {

// "this", "next", "last" and their synonyms → -1, 0, 1 steps from now; nullopt otherwise.
std::optional<int> relative_period(std::string_view s) {
  const std::string w = text::fold(text::trim(s));
  if (w == "this" || w == "current") {
    return 0;
  }
  if (w == "next") {
    return 1;
  }
  if (w == "last" || w == "previous") {
    return -1;
  }
  return std::nullopt;
}

Date monday_of(Date d) { return d - std::chrono::days{iso_weekday(d) - 1}; }

Date first_of_month(Date d) { return d - std::chrono::days{day_of(d) - 1}; }

}  // namespace

Date parse_week(std::string_view s, const Context& ctx, std::string_view option) {
  if (const auto step = relative_period(s)) {
    return monday_of(ctx.today()) + std::chrono::days{7 * *step};
  }
  const auto span = parse_date_span(s, ctx);
  if (span.last - span.first > std::chrono::days{6}) {
    throw InputError(trf("invalid {} '{}': expected a week such as 2024-W19, this, next or last", option, s));
  }
  return monday_of(span.first);
}

Date parse_month(std::string_view s, const Context& ctx, std::string_view option) {
  if (const auto step = relative_period(s)) {
    const Date first = first_of_month(ctx.today());
    return *step == 0   ? first
           : *step > 0 ? last_day_of_month(first) + std::chrono::days{1}
                        : first_of_month(first - std::chrono::days{1});
  }
  const auto span = parse_date_span(s, ctx);
  if (day_of(span.first) != 1 || span.last != last_day_of_month(span.first)) {
    throw InputError(trf("invalid {} '{}': expected a month such as 2023-08, this, next or last", option, s));
  }
  return span.first;
}

Date parse_quarter(std::string_view s, const Context& ctx, std::string_view option) {
  if (const auto step = relative_period(s)) {
    const Date today = ctx.today();
    int y = year_of(today);
    int q = (month_of(today) - 1) / 3 + 1 + *step;
    if (q < 1) {
      q = 4;
      --y;
    } else if (q > 4) {
      q = 1;
      ++y;
    }
    return make_date(y, 3 * q - 2, 1);
  }
  const auto span = parse_date_span(s, ctx);
  const int m = month_of(span.first);
  if (day_of(span.first) != 1 || (m - 1) % 3 != 0 ||
      span.last != last_day_of_month(make_date(year_of(span.first), m + 2, 1))) {
    throw InputError(trf("invalid {} '{}': expected a quarter such as 2024-Q2, this, next or last", option, s));
  }
  return span.first;
}

int parse_year(std::string_view s, const Context& ctx, std::string_view option) {
  if (const auto step = relative_period(s)) {
    return year_of(ctx.today()) + *step;
  }
  const auto span = parse_date_span(s, ctx);
  const int y = year_of(span.first);
  if (span.first != make_date(y, 1, 1) || span.last != make_date(y, 12, 31)) {
    throw InputError(trf("invalid {} '{}': expected a year such as 2023, this or last", option, s));
  }
  return y;
}

}  // namespace omskplan::time
