// Work plans of the Administration and its units: the plan (kind, period,
// owner, sections, lifecycle), its items and their control points, and the one
// rule of an item's standing on a day (done on time or late, overdue,
// postponed, …) that lists, control and documents all use.
#pragma once

#include "core/date.hpp"
#include "core/words.hpp"
#include "plan/period.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::plan {

// draft → approved (by whom, when, which act) → closed. An approved plan
// changes only through recorded amendments.
enum class Status { draft, approved, closed };
inline constexpr std::array<std::string_view, 3> kStatusNames{"draft", "approved", "closed"};
inline constexpr std::array<Word, 3> kStatusWords{NC_("plan status", "draft"), NC_("plan status", "approved"),
                                                  NC_("plan status", "closed")};
std::string_view to_string(Status s);
Status parse_status(std::string_view s);
// The word people read (in the user's language).
std::string_view word(Status s);
std::string say_status(std::string_view name);

struct Section {
  int no = 0;
  std::string key;    // "meetings"
  std::string title;  // «Вопросы для рассмотрения на совещаниях у Мэра города Омска»
  bool operator==(const Section&) const = default;
};

struct Plan {
  std::int64_t id = 0;
  std::string uuid;
  Period period;
  std::optional<std::int64_t> owner_unit_id;  // none: the Administration as a whole
  std::string title;
  std::string template_id;
  Status status = Status::draft;
  std::optional<time::Date> approved_on;
  std::string approved_by, approved_act;
  std::optional<time::Date> closed_on;
  int next_item_no = 1;
  std::string notes;
  std::vector<Section> sections;
  time::Instant created, updated;

  const Section* section(std::string_view key) const;
};

// What happens to one control point.
enum class PointState { open, in_work, done, not_done, carried };
inline constexpr std::array<std::string_view, 5> kPointStateNames{"open", "in-work", "done", "not-done", "carried"};
inline constexpr std::array<Word, 5> kPointStateWords{
    NC_("point state", "open"), NC_("point state", "in work"), NC_("point state", "done"),
    NC_("point state", "not done"), NC_("point state", "carried over")};
std::string_view to_string(PointState s);
std::string_view word(PointState s);
PointState parse_point_state(std::string_view s);

struct Postponement {
  time::Date decided_on;
  time::Date from, to;
  std::string reason, act;
};

// One date an item is due on (a monthly item has one a month).
struct Point {
  std::int64_t id = 0;
  int seq = 0;
  time::Date planned_on;  // as planned; kept when postponed
  time::Date due_on;      // now
  PointState state = PointState::open;
  std::optional<time::Date> started_on, done_on;
  std::string report;
  std::vector<Postponement> postponements;  // oldest first
};

struct Item {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int no = 0;  // stable within the plan
  std::string section;
  int position = 0;  // order within the section
  std::string text;
  std::optional<std::int64_t> unit_id;
  std::string person;
  std::vector<std::int64_t> co_units;
  std::string due;  // stored form (period.hpp: to_text)
  std::string basis, form;
  std::optional<std::int64_t> event_id, agreement_id, site_id, origin_id;
  std::optional<time::Date> dropped_on;
  std::string drop_reason, drop_act;
  std::vector<Point> points;
  time::Instant created, updated;
};

// The key two items' texts are compared by: case and ё folded, runs of spaces
// and the quotes and final punctuation people vary dropped.
std::string text_key(std::string_view text);

// An item's or point's standing on a day: the one rule.
enum class Standing { planned, in_work, postponed, overdue, done_on_time, done_late, not_done, carried, dropped };
inline constexpr std::array<std::string_view, 9> kStandingNames{
    "planned", "in-work", "postponed", "overdue", "done", "done-late", "not-done", "carried", "dropped"};
inline constexpr std::array<Word, 9> kStandingWords{
    NC_("standing", "planned"),      NC_("standing", "in work"),   NC_("standing", "postponed"),
    NC_("standing", "overdue"),      NC_("standing", "done on time"), NC_("standing", "done late"),
    NC_("standing", "not done"),     NC_("standing", "carried over to the next period's plan"),
    NC_("standing", "dropped")};
std::string_view to_string(Standing s);
std::string_view word(Standing s);
std::string say_standing(std::string_view name);
// The control date in force on `day`: the latest postponement decided by then.
time::Date due_as_of(const Point& p, time::Date day);
// Done (by `day`) on or before the date in force when it was done: on time;
// after it: late. Open past the date in force: overdue; postponed when a
// postponement was decided by `day`. An item dropped by `day` is dropped.
Standing standing(const Point& p, const std::optional<time::Date>& dropped_on, time::Date day);
// The item's: dropped; else the worst of its points that came due (overdue,
// not done, carried, late), else its next open point's, else done.
Standing standing(const Item& i, time::Date day);

// Execution discipline: counts of control points.
struct Discipline {
  int points = 0;       // every point of the plans in question
  int on_time = 0, late = 0, overdue = 0, not_done = 0, carried = 0;
  int postponed = 0;    // points with a postponement (whatever else they are)
  int dropped = 0;
  int pending = 0;      // not due yet and not done
  // Came due: done, overdue, not done or carried.
  int came_due() const { return on_time + late + overdue + not_done + carried; }
  // On-time share of what came due, in per cent; nullopt when nothing came due.
  std::optional<double> on_time_pct() const;
  void add(const Point& p, const std::optional<time::Date>& dropped_on, time::Date day);
  Discipline& operator+=(const Discipline& o);
};

// The number an item has in the document: «1.3.» — the section's number and
// the item's place in it.
std::string display_number(int section_no, int place);

enum class AmendmentKind { add, edit, drop, postpone };
inline constexpr std::array<std::string_view, 4> kAmendmentKindNames{"add", "edit", "drop", "postpone"};
inline constexpr std::array<Word, 4> kAmendmentKindWords{NC_("amendment", "item added"), NC_("amendment", "item changed"),
                                                         NC_("amendment", "item dropped"),
                                                         NC_("amendment", "due postponed")};
std::string_view to_string(AmendmentKind k);
std::string_view word(AmendmentKind k);
std::string say_amendment_kind(std::string_view name);
AmendmentKind parse_amendment_kind(std::string_view s);

struct Amendment {
  int no = 0;
  time::Date decided_on;
  std::string act;
  AmendmentKind kind = AmendmentKind::edit;
  int item_no = 0;
  std::string what;
  std::optional<std::string> before, after;  // the item's text JSON (versions.hpp)
};

}  // namespace omskplan::plan
