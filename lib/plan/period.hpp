// When: the period a plan is for, and the due of an item as officials write it
// («25.04.2024», «апрель», «II квартал», «в течение года», «ежемесячно»),
// stored precisely and turned into control dates on the production calendar.
#pragma once

#include "core/date.hpp"
#include "core/words.hpp"
#include "time/calendar.hpp"
#include "time/expr.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::plan {

enum class Kind { annual, quarterly, monthly, weekly };
inline constexpr std::array<std::string_view, 4> kKindNames{"annual", "quarterly", "monthly", "weekly"};
inline constexpr std::array<Word, 4> kKindWords{NC_("plan kind", "annual"), NC_("plan kind", "quarterly"),
                                                NC_("plan kind", "monthly"), NC_("plan kind", "weekly")};
std::string_view to_string(Kind k);
// The word people read (in the user's language).
std::string_view word(Kind k);
std::string say_kind(std::string_view name);
Kind parse_kind(std::string_view s);

struct Period {
  Kind kind = Kind::annual;
  std::string text;  // 2024, 2024-Q2, 2024-05, 2024-W19
  time::Date first, last;
  bool operator==(const Period&) const = default;
};
// A period of `kind` as people name it (2024-Q2, this, next, last, …), through
// the one parser of each (time::parse_year, parse_quarter, parse_month, parse_week).
Period parse_period(Kind kind, std::string_view s, const time::Context& ctx);
// The period of `kind` that holds `day`.
Period period_of(Kind kind, time::Date day);
Period previous(const Period& p);
Period next(const Period& p);
// As a plan's title says it: «на 2024 год», «на II квартал 2024 года»,
// «на май 2024 года», «на неделю с 6 по 12 мая 2024 года».
std::string period_phrase(const Period& p);
// I, II, III, IV … (1–39).
std::string roman(int n);

// The due of an item: a span (a day, a month, a quarter, a year, a week or
// the whole plan period) and how often it recurs within the plan's period.
enum class DueBase { date, week, month, quarter, year, period };
enum class Recurrence { none, weekly, monthly, quarterly };
struct Due {
  DueBase base = DueBase::period;
  time::Date first, last;  // the base span (the plan's period for `period`)
  Recurrence every = Recurrence::none;
  bool operator==(const Due&) const = default;
};
// What a user types (Russian or English): 2024-04-25 and every date expression,
// 2024-04, «апрель», «в апреле», april; «II квартал», «2 квартал», Q2, 2024-Q2;
// 2024-W17; «в течение года (квартала, месяца, недели)», period; «ежемесячно»,
// monthly, «ежеквартально», quarterly, «еженедельно», weekly. `recurring` adds
// a recurrence ("monthly": each month from the due's start). The due must lie
// within `plan`'s period. InputError names the input and what is wrong.
Due parse_due(std::string_view s, std::string_view recurring, const Period& plan, const time::Context& ctx);
// The stored form: 2024-04-25, 2024-W17, 2024-04, 2024-Q2, 2024, period;
// "/monthly" (weekly, quarterly) after it for a recurring due.
std::string to_text(const Due& d);
Due due_from_text(std::string_view s, const Period& plan);
// As the plan's document says it: «25.04.2024», «апрель», «II квартал», «в
// течение квартала», «ежемесячно», «ежемесячно, начиная с апреля».
std::string due_phrase(const Due& d, const Period& plan);
// The control dates: a day is its own; a month, quarter, year, week or the
// period — its last working day; a recurring due — the last working day of
// each month (week, quarter) from its start to the end of the plan's period.
std::vector<time::Date> control_dates(const Due& d, const Period& plan, const time::ProductionCalendar& cal);
// The last working day on or before `d`.
time::Date working_day_on_or_before(time::Date d, const time::ProductionCalendar& cal);

}  // namespace omskplan::plan
