// The weekly inspection schedule, as pure functions: which day of the ISO week
// (the production calendar decides), which sites (an explainable priority),
// in which order and at what times (routing with the working day's window).
#pragma once

#include "inspection/route.hpp"
#include "time/calendar.hpp"
#include "core/date.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::inspection {

enum class Risk { extreme, high, significant, medium, moderate, low };
inline constexpr std::array<std::string_view, 6> kRiskNames{"extreme", "high",     "significant",
                                                            "medium",  "moderate", "low"};
std::string_view to_string(Risk r);
Risk parse_risk(std::string_view s);

struct ScheduleSettings {
  std::vector<int> visit_weekdays{4};  // ISO weekdays, Thursday by default
  time::Minutes day_start{9 * 60};
  time::Minutes day_end{17 * 60};
  GeoPoint start_point{54.9847, 73.3710};  // Администрация города Омска, ул. Гагарина, 34
  std::string start_venue;                 // a registered venue: its coordinates are the start point
  time::Minutes service{45};               // at each site
  double speed_kmh = 30;                   // average city speed
  double detour = 1.4;                     // roads are longer than the great circle
  int max_sites = 8;                       // per visit day
  // Longest allowed gap between visits per risk class, in days (the 248-ФЗ
  // idea, on a weekly scale): extreme 7, high 14, significant 21, medium 28,
  // moderate 42, low 91.
  std::array<int, 6> max_interval_days{7, 14, 21, 28, 42, 91};
};

// The visit day for configured weekday `weekday` in the ISO week starting
// `monday`: that day if it is worked, else the nearest working day of the same
// week after it, else before it; nullopt when the week has no working day.
std::optional<time::Date> visit_day(time::Date monday, int weekday, const time::ProductionCalendar& cal);

struct SiteFacts {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  GeoPoint where;
  Risk risk = Risk::medium;
  std::optional<time::Date> last_visit;  // the last held visit
  time::Date since;                      // when the site was registered
  int open_findings = 0;
  int overdue_findings = 0;
  int critical_findings = 0;
  std::optional<time::Date> deadline;
  int progress = 0;  // percent
};

struct Priority {
  double overdue = 0;   // days since the last visit ÷ the risk class's interval (never visited: 3)
  double findings = 0;  // open (1 each), overdue (3 each), critical (2 each more)
  double deadline = 0;  // a near deadline with the work lagging
  double age = 0;       // days since the last visit ÷ 100, a tie-breaker
  int open_findings = 0, overdue_findings = 0, critical_findings = 0;  // behind `findings`, for why()
  double total() const { return 10 * overdue + findings + 10 * deadline + age; }
  bool due() const { return overdue >= 1 || findings >= 3 || deadline >= 0.3; }
  std::string why() const;  // "overdue 1.5× its interval, 2 overdue findings, …"
};

Priority priority(const SiteFacts& s, time::Date day, const ScheduleSettings& cfg);

struct Stop {
  std::size_t site = 0;  // index into the candidates given
  time::LocalTime arrive;
  time::LocalTime depart;
};

struct DayPlan {
  time::Date day;
  std::vector<Stop> stops;  // in route order
  double travel_minutes = 0;
  time::LocalTime back;     // return to the start point
  std::vector<std::size_t> dropped;  // chosen but did not fit the day, lowest priority first out
};

// Routes `chosen` (indices into `sites`, highest priority first) on `day`:
// drops the lowest-priority sites until the route ends by the end of the day.
DayPlan plan_day(time::Date day, const std::vector<SiteFacts>& sites, std::vector<std::size_t> chosen,
                 const ScheduleSettings& cfg);

}  // namespace omskplan::inspection
