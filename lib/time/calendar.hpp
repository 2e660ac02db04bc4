// The Russian federal production calendar (five-day week): which days are
// worked. Data, one TOML file per year (lib/time/calendar/YYYY.toml is shipped
// and compiled in; a file of the same name in a user directory overrides it).
// A year without data falls back to Mon–Fri minus the fixed holidays of Labour
// Code art. 112 and says so once through `warn`.
#pragma once

#include "core/date.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::time {

struct CalendarYear {
  int year = 0;
  std::string source;          // the decree, or "fallback"
  std::string origin;          // where the data came from: a path or "built-in"
  std::set<Date> days_off;     // Mon–Fri days that are not worked
  std::set<Date> working_weekends;
  std::set<Date> shortened;    // pre-holiday days one hour shorter (art. 95)
  bool fallback = false;
};

class ProductionCalendar {
public:
  using Warn = std::function<void(const std::string&)>;

  // `dirs` are searched in order for YYYY.toml before the built-in data.
  explicit ProductionCalendar(std::vector<std::string> dirs = {}, Warn warn = {});

  bool is_working(Date d) const;
  bool is_shortened(Date d) const;
  // `n` working days after (n > 0) or before (n < 0) `from`, not counting
  // `from` itself; for n == 0, `from` if it is worked, else the working day before it.
  Date add_working_days(Date from, int n) const;
  int working_days_in_year(int year) const;
  const CalendarYear& year(int y) const;

  // Parses and checks one year's file; errors are "origin:line:col: what".
  static CalendarYear parse(std::string_view toml_text, const std::string& origin);
  static CalendarYear fallback(int year);
  // The years compiled into the binary.
  static std::vector<int> built_in_years();

private:
  std::vector<std::string> dirs_;
  Warn warn_;
  mutable std::map<int, CalendarYear> years_;
};

}  // namespace omskplan::time
