// Civil dates and instants. A Date is a day without time or zone (stored as
// YYYY-MM-DD); an Instant is a point in time (stored in UTC).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace omskplan::time {

using Date = std::chrono::sys_days;
using Instant = std::chrono::sys_seconds;
using LocalTime = std::chrono::local_seconds;
using Minutes = std::chrono::minutes;

// Strict YYYY-MM-DD that names a real day (2024-02-30 is refused).
std::optional<Date> parse_iso_date(std::string_view s);
std::string format_date(Date d);
// 12.04.2023: how registers and marks of execution write a day.
std::string format_dotted(Date d);
// Monday = 1 … Sunday = 7.
int iso_weekday(Date d);
int year_of(Date d);
int month_of(Date d);
int day_of(Date d);
Date make_date(int year, int month, int day);
// The Monday of ISO week `week` of `iso_year`; nullopt when the year has no such week.
std::optional<Date> iso_week_monday(int iso_year, int week);
// {iso_year, week} of `d`.
std::pair<int, int> iso_week_of(Date d);
Date last_day_of_month(Date d);

// "2023-08-05T04:00:00Z", the form instants are stored in.
std::string format_utc(Instant t);
std::optional<Instant> parse_utc(std::string_view s);
// "2023-08-05 10:00" of a local time.
std::string format_local(LocalTime t);
// "HH:MM" of a local time.
std::string format_clock(LocalTime t);
Date local_date(LocalTime t);
// Seconds east of UTC as "+06:00".
std::string format_offset(std::chrono::seconds off, bool colon = true);

}  // namespace omskplan::time
