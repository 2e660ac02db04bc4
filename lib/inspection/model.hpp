// Sites (objects of national projects and state programs), the agencies that
// inspect them together with the administration, visits and findings.
#pragma once

#include "inspection/route.hpp"
#include "inspection/schedule.hpp"
#include "core/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::inspection {

enum class Work { construction, reconstruction, capital_repair };
enum class AgencyKind { regional, oversight, municipal, federal, other };
enum class VisitStatus { planned, held, cancelled };
enum class Severity { critical, major, minor };
enum class FindingStatus { open, in_progress, resolved, verified };

inline constexpr std::array<std::string_view, 3> kWorkNames{"construction", "reconstruction", "capital-repair"};
inline constexpr std::array<std::string_view, 5> kAgencyKindNames{"regional", "oversight", "municipal", "federal",
                                                                  "other"};
inline constexpr std::array<std::string_view, 3> kVisitStatusNames{"planned", "held", "cancelled"};
inline constexpr std::array<std::string_view, 3> kSeverityNames{"critical", "major", "minor"};
inline constexpr std::array<std::string_view, 4> kFindingStatusNames{"open", "in-progress", "resolved", "verified"};
// The words people read for them (core/words.hpp), in the same order.
inline constexpr std::array<Word, 3> kWorkWords{NC_("work", "construction"), NC_("work", "reconstruction"),
                                                NC_("work", "capital repair")};
inline constexpr std::array<Word, 5> kAgencyKindWords{
    NC_("agency kind", "regional authority"), NC_("agency kind", "oversight body"),
    NC_("agency kind", "municipal body"), NC_("agency kind", "federal body"), NC_("agency kind", "other")};
inline constexpr std::array<Word, 3> kVisitStatusWords{NC_("visit status", "planned"), NC_("visit status", "held"),
                                                       NC_("visit status", "cancelled")};
inline constexpr std::array<Word, 3> kSeverityWords{NC_("severity", "critical"), NC_("severity", "major"),
                                                    NC_("severity", "minor")};
inline constexpr std::array<Word, 4> kFindingStatusWords{
    NC_("finding status", "open"), NC_("finding status", "in progress"), NC_("finding status", "resolved"),
    NC_("finding status", "verified")};

std::string_view to_string(Work v);
std::string_view to_string(AgencyKind v);
std::string_view to_string(VisitStatus v);
std::string_view to_string(Severity v);
std::string_view to_string(FindingStatus v);
Work parse_work(std::string_view s);
AgencyKind parse_agency_kind(std::string_view s);
VisitStatus parse_visit_status(std::string_view s);
Severity parse_severity(std::string_view s);
FindingStatus parse_finding_status(std::string_view s);
// The word people read (in the user's language).
std::string_view word(Work v);
std::string_view word(AgencyKind v);
std::string_view word(VisitStatus v);
std::string_view word(Severity v);
std::string_view word(FindingStatus v);
// The word of a machine name in a table cell (render::Column::say).
std::string say_work(std::string_view name);
std::string say_agency_kind(std::string_view name);
std::string say_visit_status(std::string_view name);
std::string say_severity(std::string_view name);
std::string say_finding_status(std::string_view name);

// open → in-progress → resolved → verified; open → resolved; resolved → in-progress (reopened).
bool transition_allowed(FindingStatus from, FindingStatus to);

struct Site {
  std::int64_t id = 0;
  std::string uuid, code, name, address;
  std::optional<GeoPoint> where;
  std::string program;
  Work work = Work::construction;
  std::optional<std::int64_t> customer_id, contractor_id;
  std::optional<time::Date> deadline;
  int progress = 0;
  Risk risk = Risk::medium;
  bool active = true;
  std::string notes;
  time::Instant created, updated;
};

struct Agency {
  std::int64_t id = 0;
  std::string name;
  AgencyKind kind = AgencyKind::other;
  std::string notes;
};

struct Member {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string name, position, phone;
};

struct Visit {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string week;  // "2024-W19"
  time::Date day;
  int seq = 0;
  std::optional<time::Instant> arrive, depart;
  VisitStatus status = VisitStatus::planned;
  std::optional<time::Date> held_on;
  double score = 0;
  std::string why, notes;
  std::vector<std::int64_t> agencies;   // invited
  std::vector<std::int64_t> attendees;  // members who came
};

// A visit day's revision, for subscribed calendars (iCalendar SEQUENCE and
// LAST-MODIFIED): 0 when planned, one more with each change after it.
struct DayRevision {
  int sequence = 0;
  time::Instant modified;
};

struct Finding {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> visit_id;
  std::string text;
  Severity severity = Severity::major;
  std::optional<std::int64_t> responsible_org;
  std::string responsible_person;
  std::optional<time::Date> due;
  FindingStatus status = FindingStatus::open;
  time::Instant created, updated;
};

struct FindingChange {
  time::Instant at;
  std::optional<FindingStatus> from;
  FindingStatus to;
  std::string note;
};

// Findings of a site in a period (the monthly report).
struct SiteFindingCounts {
  std::int64_t site_id = 0;
  std::string code, name;
  long opened = 0;    // recorded in the period
  long resolved = 0;  // resolved or verified in the period (first time)
  long overdue = 0;   // open with a due date before the cut-off day
};
// Findings recorded and resolved in a period.
struct FindingCounts {
  long opened = 0;
  long resolved = 0;
};

}  // namespace omskplan::inspection
