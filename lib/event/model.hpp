// Events and what belongs to them: participants, checklist tasks, the run of
// show, lessons learned.
#pragma once

#include "core/date.hpp"
#include "core/words.hpp"
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

// The words people read for them (core/words.hpp), in the same order.
inline constexpr std::array<Word, 13> kKindWords{
    NC_("event kind", "City Day"),   NC_("event kind", "Victory Day"), NC_("event kind", "holiday"),
    NC_("event kind", "concert"),    NC_("event kind", "opening"),     NC_("event kind", "conference"),
    NC_("event kind", "round table"), NC_("event kind", "seminar"),    NC_("event kind", "ceremony"),
    NC_("event kind", "exhibition"), NC_("event kind", "sports event"), NC_("event kind", "meeting"),
    NC_("event kind", "other")};
// A kind as the heading of a group of events in a report («Концерты»).
inline constexpr std::array<Word, 13> kKindHeadings{
    NC_("event kinds", "City Day"),       NC_("event kinds", "Victory Day"),   NC_("event kinds", "Holidays"),
    NC_("event kinds", "Concerts"),       NC_("event kinds", "Openings"),      NC_("event kinds", "Conferences"),
    NC_("event kinds", "Round tables"),   NC_("event kinds", "Seminars"),      NC_("event kinds", "Award ceremonies"),
    NC_("event kinds", "Exhibitions"),    NC_("event kinds", "Sports events"), NC_("event kinds", "Meetings"),
    NC_("event kinds", "Other events")};
inline constexpr std::array<Word, 4> kLevelWords{NC_("event level", "municipal"), NC_("event level", "regional"),
                                                 NC_("event level", "intercity"),
                                                 NC_("event level", "international")};
inline constexpr std::array<Word, 4> kStatusWords{NC_("event status", "planned"), NC_("event status", "confirmed"),
                                                  NC_("event status", "held"), NC_("event status", "cancelled")};
inline constexpr std::array<Word, 3> kTaskStatusWords{NC_("task status", "to do"), NC_("task status", "done"),
                                                      NC_("task status", "cancelled")};
inline constexpr std::array<Word, 4> kRepeatDaysOffWords{
    NC_("days off", "not held"), NC_("days off", "the working day before"), NC_("days off", "the working day after"),
    NC_("days off", "held anyway")};

std::string_view to_string(Kind v);
std::string_view to_string(Level v);
std::string_view to_string(Status v);
std::string_view to_string(TaskStatus v);
std::string_view to_string(RepeatDaysOff v);
// The word people read (in the user's language).
std::string_view word(Kind v);
std::string_view word(Level v);
std::string_view word(Status v);
std::string_view word(TaskStatus v);
std::string_view word(RepeatDaysOff v);
// The word of a machine name in a table cell (render::Column::say).
std::string say_kind(std::string_view name);
// The heading of a group of events of a kind («Концерты»), and that of a machine name.
std::string_view heading(Kind v);
std::string say_kind_heading(std::string_view name);
std::string say_level(std::string_view name);
std::string say_status(std::string_view name);
std::string say_task_status(std::string_view name);
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
  // The zone whose wall clock the rule repeats (an IANA name: a rule imported
  // from a calendar in Europe/Berlin keeps 10:00 there across daylight
  // saving); empty: the configured zone. Its days are days there.
  std::string zone;
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

// What a list reads of each event besides its row: nothing more, its
// participants (the monthly plan's VIPs), or all its children (tasks, run of
// show, participants, tags, lessons).
enum class Load { row, participants, children };
inline Load load_children_if(bool children) { return children ? Load::children : Load::row; }

// An open task with its event (the agenda).
struct AgendaRow {
  std::int64_t event_id;
  std::string event_title;
  time::Instant event_start;
  Task task;
};

}  // namespace omskplan::event
