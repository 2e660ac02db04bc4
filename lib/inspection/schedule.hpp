// The weekly inspection schedule, as pure functions: which day of the ISO week
// (the production calendar decides), which sites (an explainable priority),
// in which order and at what times (routing with the working day's window).
#pragma once

#include "inspection/route.hpp"
#include "core/words.hpp"
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
inline constexpr std::array<Word, 6> kRiskWords{NC_("risk", "extremely high"), NC_("risk", "high"),
                                                NC_("risk", "significant"),    NC_("risk", "medium"),
                                                NC_("risk", "moderate"),       NC_("risk", "low")};
std::string_view to_string(Risk r);
// The word people read (in the user's language), and the word of a machine name.
std::string_view word(Risk r);
std::string say_risk(std::string_view name);
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
  // Omsk and its surroundings: a site farther from the centre warns (a typo in its coordinates).
  GeoPoint area_center{54.9847, 73.3710};
  double area_radius_km = 60;
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

// The next visit day after the ISO week starting `monday`: the first visit day
// of the following weeks (up to a year ahead), nullopt when there is none.
std::optional<time::Date> next_visit_day(time::Date monday, const std::vector<int>& weekdays,
                                         const time::ProductionCalendar& cal);

// Why a site is worth a place this week, in three tiers (docs/inspections.md
// has the rule and a worked example):
//   risk      an extreme- or high-risk site that is due (never visited, or
//             waiting for the next visit day would exceed its interval);
//   findings  an overdue or critical finding, three open ones, or a deadline
//             passed or near with the work lagging;
//   interval  any other site that is due, never-visited ones included;
//   none      not due: it waits for a later week.
// Within the risk and interval tiers: the risk class, then never visited,
// then how far past its interval the site would be by the next visit day;
// within findings: how much is wrong (findings and deadline), then risk.
enum class Tier { none, interval, findings, risk };
std::string_view to_string(Tier t);

struct Priority {
  Tier tier = Tier::none;
  Risk risk = Risk::medium;
  int interval = 0;                       // the risk class's longest gap, days
  std::optional<time::Date> last_visit;   // nullopt: never visited
  time::Date day;                         // the week's visit day the priority is for
  std::optional<time::Date> next_day;     // the visit day after this week (nullopt: none known)
  int since = 0;                          // days from the last visit to `day`
  int wait = 0;                           // days from the last visit to `next_day`
  bool by_interval = false;               // due because waiting would exceed the interval
  int open_findings = 0, overdue_findings = 0, critical_findings = 0;
  std::optional<time::Date> deadline;     // of a site whose work is not done
  int progress = 0;
  double lag = 0;                         // deadline pressure: work left × nearness (past due: up to 1.5)

  double findings_score() const { return open_findings + 3.0 * overdue_findings + 2.0 * critical_findings; }
  bool deadline_passed() const { return deadline && *deadline < day; }
  bool due() const { return tier != Tier::none; }
  // tier × 1000 + the place within the tier: the order of the schedule.
  double total() const;
  // Every true reason, in the language in use: «ещё не посещался»,
  // «срок сдачи прошёл 15 июня 2024 г., готовность 40 %», ….
  std::string why() const;
  // The facts behind why() as JSON, stored with a visit, so that a plan reads
  // its reasons in the language of whoever reads it, not of the cron job.
  std::string facts() const;
  static std::optional<Priority> from_facts(std::string_view json);
};

// `day`: the week's visit day; `next_day`: the visit day after the week.
Priority priority(const SiteFacts& s, time::Date day, std::optional<time::Date> next_day, const ScheduleSettings& cfg);
// The schedule's order: higher total first, then the riskier, then by code.
bool goes_before(const Priority& a, const SiteFacts& sa, const Priority& b, const SiteFacts& sb);

struct Stop {
  std::size_t site = 0;  // index into the candidates given
  time::LocalTime arrive;
  time::LocalTime depart;
};

// Minutes from the start point to the site and back, plus the time on site:
// a site that needs more than the working day can never be visited.
double minutes_alone(const SiteFacts& s, const ScheduleSettings& cfg);
// Kilometres from the service area's centre; the site is outside when more than the radius.
double km_from_area_center(GeoPoint p, const ScheduleSettings& cfg);
bool in_service_area(GeoPoint p, const ScheduleSettings& cfg);
bool fits_alone(const SiteFacts& s, const ScheduleSettings& cfg);

struct DayPlan {
  time::Date day;
  std::vector<Stop> stops;  // in route order
  double travel_minutes = 0;
  time::LocalTime back;     // return to the start point
  std::vector<std::size_t> dropped;  // chosen but did not fit the day, lowest priority first out
};

// Routes `chosen` (indices into `sites`, highest priority first) on `day`:
// drops the lowest-priority sites until the route ends by the end of the day.
// Each site of `chosen` must fit the day alone (fits_alone).
DayPlan plan_day(time::Date day, const std::vector<SiteFacts>& sites, std::vector<std::size_t> chosen,
                 const ScheduleSettings& cfg);

// `plan` with the site `candidate` inserted where it adds the least travel, if
// the day still ends in time; false and `plan` unchanged otherwise.
bool try_insert(DayPlan& plan, const std::vector<SiteFacts>& sites, std::size_t candidate, const ScheduleSettings& cfg);

}  // namespace omskplan::inspection
