#include "core/date.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <charconv>

namespace omskplan::time {

using namespace std::chrono;

namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return std::nullopt;
  }
  int y = 0, m = 0, d = 0;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d)) {
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return sys_days{ymd};
}

std::string format_dotted(Date d) {
  return fmt::format("{:02}.{:02}.{}", day_of(d), month_of(d), year_of(d));
}

std::string format_date(Date d) {
  const year_month_day ymd{d};
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

int iso_weekday(Date d) { return static_cast<int>(weekday{d}.iso_encoding()); }

int year_of(Date d) { return static_cast<int>(year_month_day{d}.year()); }
int month_of(Date d) { return static_cast<int>(static_cast<unsigned>(year_month_day{d}.month())); }
int day_of(Date d) { return static_cast<int>(static_cast<unsigned>(year_month_day{d}.day())); }

Date make_date(int y, int m, int d) {
  return sys_days{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}};
}

std::optional<Date> iso_week_monday(int iso_year, int week) {
  if (week < 1 || week > 53) {
    return std::nullopt;
  }
  // ISO week 1 contains 4 January.
  const Date jan4 = make_date(iso_year, 1, 4);
  const Date week1 = jan4 - days{iso_weekday(jan4) - 1};
  const Date monday = week1 + weeks{week - 1};
  if (iso_week_of(monday).first != iso_year) {
    return std::nullopt;
  }
  return monday;
}

std::pair<int, int> iso_week_of(Date d) {
  const Date thursday = d + days{4 - iso_weekday(d)};
  const int y = year_of(thursday);
  const Date jan1 = make_date(y, 1, 1);
  return {y, static_cast<int>((thursday - jan1).count() / 7 + 1)};
}

Date last_day_of_month(Date d) {
  const year_month_day ymd{d};
  return sys_days{year_month_day_last{ymd.year(), month_day_last{ymd.month()}}};
}

std::string format_utc(Instant t) {
  const Date d = floor<days>(t);
  const hh_mm_ss hms{t - d};
  return fmt::format(FMT_COMPILE("{}T{:02}:{:02}:{:02}Z"), format_date(d), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::optional<Instant> parse_utc(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') {
    return std::nullopt;
  }
  auto d = parse_iso_date(s.substr(0, 10));
  int h = 0, m = 0, sec = 0;
  if (!d || !parse_int(s.substr(11, 2), h) || !parse_int(s.substr(14, 2), m) ||
      !parse_int(s.substr(17, 2), sec) || h > 23 || m > 59 || sec > 59) {
    return std::nullopt;
  }
  return Instant{*d} + hours{h} + minutes{m} + seconds{sec};
}

Date local_date(LocalTime t) { return Date{floor<days>(t).time_since_epoch()}; }

std::string format_local(LocalTime t) {
  return fmt::format("{} {}", format_date(local_date(t)), format_clock(t));
}

std::string format_clock(LocalTime t) {
  const hh_mm_ss hms{t - floor<days>(t)};
  return fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
}

std::string format_offset(seconds off, bool colon) {
  const char sign = off.count() < 0 ? '-' : '+';
  const long long a = off.count() < 0 ? -off.count() : off.count();
  return fmt::format(FMT_COMPILE("{}{:02}{}{:02}"), sign, a / 3600, colon ? ":" : "", (a / 60) % 60);
}

}  // namespace omskplan::time
