// Date expressions, as a user types them on the command line.
//
// Relative to today (Context::today):
//   2024-05-13, 2024-05 (a month), 2024-Q2 (a quarter), 2024 (a year), 2024-W19 (an ISO week),
//   today / tomorrow / yesterday (сегодня / завтра / вчера), +3d, -2w, +5wd,
//   mon … sun and monday … sunday, пн … вс (the next such day after today),
//   sow / eow, som / eom, soy / eoy (start / end of this week, month, year).
// Relative to an event (Offset): -30d (calendar days), -5wd (working days),
//   +2h, -90m, +1w, and the same with a leading T: T-14, T-5wd.
#pragma once

#include "time/calendar.hpp"
#include "core/date.hpp"
#include "time/zone.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace omskplan::time {

struct Context {
  Instant now;
  const TimeZone* zone = nullptr;
  const ProductionCalendar* calendar = nullptr;

  LocalTime now_local() const { return zone->to_local(now); }
  Date today() const { return local_date(now_local()); }
};

struct DateSpan {
  Date first;
  Date last;
};

// Throws InputError("invalid date 'x': …").
DateSpan parse_date_span(std::string_view expr, const Context& ctx);
inline Date parse_date(std::string_view expr, const Context& ctx) { return parse_date_span(expr, ctx).first; }

// The periods a command or a report is run for, as people name them; the one
// parser of each (`option` names the input in errors: "invalid --week '…': …").
// A week: this (current), next, last (previous), 2024-W19 or any day of it → its Monday.
Date parse_week(std::string_view s, const Context& ctx, std::string_view option = "--week");
// A month: this (current), next, last (previous), 2023-08 → its first day.
Date parse_month(std::string_view s, const Context& ctx, std::string_view option = "--month");
// A quarter: this (current), next, last (previous), 2024-Q2 → its first day.
Date parse_quarter(std::string_view s, const Context& ctx, std::string_view option = "--quarter");
// A year: this (current), next, last (previous), 2023.
int parse_year(std::string_view s, const Context& ctx, std::string_view option = "--year");

struct DateTimeValue {
  Instant instant;
  bool has_time = false;  // false: only a date was given, `default_time` was used
};

// A date expression optionally followed by a clock time ("2024-03-14 10:00",
// "2024-03-14T10:00:00+06:00", "fri 09:30", "now"). Local times are in
// ctx.zone; without a time, `default_time` after local midnight is used.
DateTimeValue parse_datetime(std::string_view expr, const Context& ctx, Minutes default_time = Minutes{0});

struct Offset {
  enum class Unit { days, working_days, minutes };
  Unit unit = Unit::days;
  long amount = 0;  // signed, in the unit
  std::string text; // normalised, e.g. "-5wd"
};

// nullopt when `s` is not an offset.
std::optional<Offset> parse_offset(std::string_view s);

// Where a deadline counted in calendar days goes when it lands on a day off:
// to the working day before it (a task before an event is done by then; one
// after the event never moves back to the event's day or before it, it goes
// to the next working day), the one after, or it stays. Deadlines counted in
// working days never land on one.
enum class DayOffRule { previous, next, keep };
inline constexpr std::array<std::string_view, 3> kDayOffRuleNames{"previous", "next", "keep"};
std::string_view to_string(DayOffRule r);
// Throws InputError "invalid day-off rule 'x'; expected one of: previous, next, keep".
DayOffRule parse_day_off_rule(std::string_view s);
// `d` itself when worked (or with `keep`), else the working day before or after it.
Date working_day(Date d, DayOffRule rule, const ProductionCalendar& cal);

// The day a task with this offset is due for an event starting at `anchor`;
// a calendar-day offset landing on a day off follows `rule`.
Date apply_offset_to_date(LocalTime anchor, const Offset& off, const ProductionCalendar& cal,
                          DayOffRule rule = DayOffRule::keep);
// The wall time of a program item `off` from `anchor`.
LocalTime apply_offset_to_time(LocalTime anchor, const Offset& off, const ProductionCalendar& cal);

// "6h", "90m", "1h30m", "2d", "1d 6h"; strictly positive. Throws InputError.
Minutes parse_duration(std::string_view s);
std::string format_duration(Minutes m);
// "thu", "thursday", "чт" → 4 (ISO, Monday = 1); nullopt when not a weekday.
std::optional<int> parse_weekday(std::string_view s);
// "10:00" → minutes after midnight; nullopt when not a clock time.
std::optional<Minutes> parse_clock(std::string_view s);

}  // namespace omskplan::time
