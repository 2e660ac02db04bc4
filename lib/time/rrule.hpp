// Recurrence rules as RFC 5545 (§3.3.10) writes them: FREQ DAILY, WEEKLY,
// MONTHLY or YEARLY, INTERVAL, BYDAY (with a number: -1FR, the last Friday),
// BYMONTHDAY, BYMONTH, BYSETPOS, WKST, COUNT or UNTIL. Pure date arithmetic:
// the days a rule makes; what a day off does to them is the event's business.
#pragma once

#include "core/date.hpp"
#include "core/error.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace omskplan::time {

// A rule part that is valid iCalendar but that omskplan does not expand
// (FREQ=HOURLY, BYWEEKNO, BYYEARDAY, BYHOUR…).
class RuleUnsupported : public InputError {
public:
  using InputError::InputError;
};

struct Recurrence {
  enum class Freq { daily, weekly, monthly, yearly };
  Freq freq = Freq::weekly;
  int interval = 1;
  std::optional<int> count;
  std::optional<Date> until;                // the last day an occurrence may fall on
  std::vector<std::pair<int, int>> byday;   // {nth (0: every), ISO weekday 1–7}
  std::vector<int> bymonthday, bymonth, bysetpos;
  int wkst = 1;
  bool operator==(const Recurrence&) const = default;
};

// Parses a rule: "FREQ=WEEKLY;BYDAY=MO", with or without "RRULE:", in any
// case; "daily", "weekly", "monthly", "yearly" are FREQ alone. UNTIL is a
// date (20241230 or 2024-12-30); a date-time goes through `until_datetime`
// when given (the iCalendar reader knows the zones), else it is refused.
// Throws InputError "invalid <what> 'x': why" (RuleUnsupported for valid
// iCalendar that is not expanded).
Recurrence parse_recurrence(std::string_view text, std::string_view what = "--repeat",
                            const std::function<Date(std::string_view)>& until_datetime = {});
// The canonical text: FREQ, INTERVAL (when not 1), BYMONTH, BYMONTHDAY, BYDAY,
// BYSETPOS, WKST (when not MO), COUNT or UNTIL=YYYYMMDD.
std::string format_recurrence(const Recurrence& r);

// Calls `f` with each day the rule makes from `first` (the first occurrence,
// always one, as DTSTART is) on, in order, up to `last` (inclusive), until `f`
// returns false. COUNT counts from `first`; nothing goes past the year 2200.
void for_each_day(const Recurrence& r, Date first, Date last, const std::function<bool(Date)>& f);
// Whether the rule itself (DTSTART aside) makes `d` for a series from `first`.
bool rule_makes(const Recurrence& r, Date first, Date d);

// The `nth` weekday `wday` (ISO) of a month; nth < 0 counts from its end. May
// leave the month (the 5th Monday of a month with four).
Date nth_weekday(int year, int month, int nth, int wday);

}  // namespace omskplan::time
