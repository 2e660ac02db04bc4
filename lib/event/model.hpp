// Events and what belongs to them: participants, checklist tasks, the run of
// show, lessons learned.
#pragma once

#include "core/date.hpp"
#include "time/expr.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::event {

enum class Kind {
  city_day, victory_day, holiday, concert, opening, conference, round_table, seminar, ceremony, exhibition,
  sport, meeting, other
};
enum class Level { municipal, regional, intercity, international };
enum class Status { planned, confirmed, held, cancelled };
enum class TaskStatus { todo, done, cancelled };

inline constexpr std::array<std::string_view, 13> kKindNames{
    "city-day", "victory-day", "holiday",  "concert",    "opening", "conference", "round-table",
    "seminar",  "ceremony",    "exhibition", "sport",    "meeting", "other"};
inline constexpr std::array<std::string_view, 4> kLevelNames{"municipal", "regional", "intercity",
                                                             "international"};
inline constexpr std::array<std::string_view, 4> kStatusNames{"planned", "confirmed", "held", "cancelled"};
inline constexpr std::array<std::string_view, 3> kTaskStatusNames{"todo", "done", "cancelled"};
// What a repeating event does on a day off of the production calendar: not
// held that time, held on the working day before or after, or held anyway.
enum class RepeatDaysOff { skip, previous, next, keep };
inline constexpr std::array<std::string_view, 4> kRepeatDaysOffNames{"skip", "previous", "next", "keep"};

std::string_view to_string(Kind v);
std::string_view to_string(Level v);
std::string_view to_string(Status v);
std::string_view to_string(TaskStatus v);
std::string_view to_string(RepeatDaysOff v);
// Each throws InputError "invalid <what> 'x'; expected one of: a, b, c".
Kind parse_kind(std::string_view s);
Level parse_level(std::string_view s);
Status parse_status(std::string_view s);
TaskStatus parse_task_status(std::string_view s);
RepeatDaysOff parse_repeat_days_off(std::string_view s);

// Whether an event may go from `from` to `to`: planned → confirmed → held;
// planned/confirmed → cancelled; cancelled → planned; confirmed → planned.
bool status_transition_allowed(Status from, Status to);

struct Participant {
  std::string who;   // a person or a position ("Мэр города Омска"); the key for VIP conflicts
  std::string role;  // what they do at the event
  bool vip = false;
  bool operator==(const Participant&) const = default;
};

struct Task {
  std::int64_t id = 0;
  int no = 0;  // 1, 2, … within the event
  std::string title;
  std::string owner;
  time::Date due;
  std::optional<std::string> due_offset;  // "-10wd": kept so the due date follows the event
  TaskStatus status = TaskStatus::todo;
  std::optional<time::Date> done_on;
  std::string note;
  bool operator==(const Task&) const = default;
};

struct ProgramItem {
  int no = 0;
  time::Instant at;
  std::optional<std::string> at_spec;  // "+30m" or "10:00", kept so it follows the event
  time::Minutes duration{0};
  std::string title;
  std::string responsible;
  std::string venue;  // where, when not the event's own venue
  bool operator==(const ProgramItem&) const = default;
};

struct Lesson {
  std::string text;
  time::Instant added;
  std::optional<std::string> origin_uuid;  // the event it was learned at, when carried over
  bool operator==(const Lesson&) const = default;
};

// How an event repeats: its rule from its first occurrence (the event's own
// start), what a day off does, and the days (as the rule makes them) cancelled.
struct Repeat {
  std::string rule;  // canonical RRULE text: "FREQ=WEEKLY;BYDAY=MO"
  RepeatDaysOff days_off = RepeatDaysOff::skip;
  std::vector<time::Date> cancelled;  // sorted
  bool operator==(const Repeat&) const = default;
};

struct Event {
  std::int64_t id = 0;
  std::string uuid;
  std::string title;
  std::optional<std::string> title_pattern;
  Kind kind = Kind::other;
  Level level = Level::municipal;
  time::Instant start;
  time::Instant end;
  bool all_day = false;
  std::string venue;
  std::optional<std::int64_t> venue_id;  // the registered venue the text names, when it names one
  std::string organizer;
  Status status = Status::planned;
  std::vector<std::string> tags;
  std::string notes;
  std::optional<std::string> template_id;
  std::optional<int> anniversary_base;
  std::optional<int> ordinal;
  int sequence = 0;
  std::optional<std::int64_t> cloned_from;
  // The umbrella event this one is a part of (City Day for its concert); one
  // level only: a part has no parts. The UID travels in JSON and iCalendar.
  std::optional<std::int64_t> part_of;
  std::optional<std::string> part_of_uuid;
  // Where a task's calendar-day deadline goes when it lands on a day off.
  time::DayOffRule deadline_days_off = time::DayOffRule::keep;
  // A repeating event (a series): one row, its occurrences computed. The end
  // of its last occurrence is kept for queries (none: it never ends).
  std::optional<Repeat> repeat;
  std::optional<time::Instant> repeat_until;
  // One occurrence of a series changed on its own: the series and the day the
  // rule makes for it. A computed occurrence has `occurrence` (and `repeat`) too.
  std::optional<std::int64_t> occurrence_of;
  std::optional<std::string> occurrence_of_uuid;
  std::optional<time::Date> occurrence;
  std::optional<time::Instant> series_start;  // a computed occurrence: its series' first start
  // A series' days that have an event of their own (loaded with it, not stored on it).
  std::vector<time::Date> changed_days;
  time::Instant created;
  time::Instant updated;
  std::vector<Participant> participants;
  std::vector<Task> tasks;
  std::vector<ProgramItem> program;
  std::vector<Lesson> lessons;
  // The umbrella's parts by start, when loaded with them (`load_programme`) or
  // made from a template with a programme of parts; not stored with the event.
  std::vector<Event> parts;
};

// Which events a list shows.
struct EventFilter {
  std::optional<time::Instant> from;  // events ending after this
  std::optional<time::Instant> to;    // events starting before this
  std::optional<Kind> kind;
  std::optional<Level> level;
  std::optional<Status> status;
  std::optional<std::string> tag;
  std::optional<std::string> venue;   // a folded substring of the venue
  std::optional<std::string> search;  // full-text query, as the user typed it
  std::optional<long> limit;
};

// An open task with its event (the agenda).
struct AgendaRow {
  std::int64_t event_id;
  std::string event_title;
  time::Instant event_start;
  Task task;
};

}  // namespace omskplan::event
