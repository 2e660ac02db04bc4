// What a user does with events. Each write is one transaction: it loads,
// changes, checks and saves, or changes nothing at all.
#pragma once

#include "event/conflicts.hpp"
#include "event/model.hpp"
#include "event/recurrence.hpp"
#include "store/db.hpp"
#include "event/template.hpp"
#include "venue/model.hpp"
#include "time/expr.hpp"

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::event {

struct Services {
  store::Db& db;
  const time::Context& ctx;
  time::Minutes travel_buffer{30};
  // Calendar-day deadlines of new events (the setting event.deadline_days_off;
  // a template's own key wins).
  time::DayOffRule deadline_days_off = time::DayOffRule::previous;
};

enum class ConflictPolicy { warn, refuse };

// The ids of the `limit` newest events, newest first (shell completion offers them).
std::vector<std::int64_t> newest_event_ids(Services& s, long limit);

struct WriteResult {
  Event event;
  std::vector<Conflict> conflicts;
  bool changed = true;
  std::vector<std::string> notices;  // a venue not in the register, with the nearest name
};

// The plan of `tmpl` for `date` (pure): title with its ordinal, start at the
// template's time (or `start_clock`), tasks with due dates counted back on the
// production calendar (a calendar-day one landing on a day off moved by the
// template's rule, else `days_off`), the run of show, participants, and the
// programme of parts (in `parts`, moved with the start).
Event materialize(const event::EventTemplate& tmpl, time::Date date, std::optional<time::Minutes> start_clock,
                  std::optional<int> anniversary_base, const time::Context& ctx,
                  time::DayOffRule days_off = time::DayOffRule::previous);

// Saves a new event with its parts (`e.parts`, each then a part of it); a
// part of another event (`e.part_of`) lies within that event's days and has
// no parts of its own. Conflicts are returned, or refused with ConflictError
// naming every one.
//
// With `repeat` it is a repeating event (a series) from its start: the rule
// (RFC 5545: "FREQ=WEEKLY;BYDAY=MO") and what a day off does ("" — skip it,
// or keep it when the first day is itself a day off: an event held on days
// off). A start that is not a day the rule makes moves to the rule's first
// (said in `notices`). A series has no tasks and no parts and is no part;
// its conflicts are checked over its first two years.
struct RepeatSpec {
  std::string rule;
  std::string days_off;
};
// What a day off does to a new series `e` by default: skipped, unless it is
// held on days off by nature (it starts on a Saturday or Sunday, or it is a
// yearly date that is a holiday, as 9 May).
RepeatDaysOff default_days_off(const Event& e, const time::Context& ctx);
WriteResult create(Services& s, Event e, ConflictPolicy policy, const std::optional<RepeatSpec>& repeat = std::nullopt);

struct EventChanges {
  std::optional<std::string> title;
  std::optional<std::string> start;     // a date-time expression
  std::optional<std::string> end;       // a date-time expression
  std::optional<std::string> duration;  // "6h"
  std::optional<std::string> kind, level, venue, organizer, notes;
  std::vector<std::string> add_tags, remove_tags;
  std::vector<std::string> add_vips, remove_participants;
  std::optional<std::string> part_of;  // an event id, or "none"
  std::optional<std::string> repeat;   // a rule, or "none": a single event again (its first occurrence)
  std::optional<std::string> days_off; // skip, previous, next, keep
};

// On a series it changes every occurrence (those changed on their own aside).
WriteResult edit(Services& s, std::int64_t id, const EventChanges& changes, ConflictPolicy policy);

// The occurrences of series `id` from `from` to `to` (date expressions; ""
// — from its first to a year later, or its end), skipped, cancelled and
// changed ones too, each with its event (computed, or the changed one).
struct OccurrenceRow {
  OccurrenceDay day;
  Event event;
};
std::vector<OccurrenceRow> list_occurrences(Services& s, std::int64_t id, const std::string& from,
                                            const std::string& to, std::optional<long> limit = std::nullopt);
// An occurrence is named by the day it is held or the day its rule makes.
struct OccurrenceResult {
  Event series;
  OccurrenceDay day;
  bool changed = true;
};
// Cancels one occurrence (EXDATE); a changed one becomes cancelled.
OccurrenceResult cancel_occurrence(Services& s, std::int64_t id, const std::string& day);
// Takes a cancellation back.
OccurrenceResult restore_occurrence(Services& s, std::int64_t id, const std::string& day);
// Changes one occurrence (it becomes an event of its own, RECURRENCE-ID) or,
// `following`, this one and the ones after it (the series ends the day before;
// a new series goes on from this day, with the change). `event occurrence move`
// is this with a new start.
WriteResult edit_occurrence(Services& s, std::int64_t id, const std::string& day, const EventChanges& changes,
                            bool following, ConflictPolicy policy);

// A series as iCalendar carries it: the series, the days its rule makes
// that are not held as made (moved, skipped on a day off, cancelled) up to
// its end or, for an endless one, to the end of the last year the production
// calendar knows (next year at least), and its occurrences changed on their own.
struct SeriesExport {
  Event series;
  std::vector<OccurrenceDay> exceptions;
  std::vector<Event> changed;
};
SeriesExport series_export(Services& s, std::int64_t id);
Event set_status(Services& s, std::int64_t id, Status status);
Event load_event(Services& s, std::int64_t id);  // NotFound "no event with id N"
// The event with its parts (`parts`, by start).
Event load_programme(Services& s, std::int64_t id);
// The event with this id, if there is one.
std::optional<Event> find_event(Services& s, std::int64_t id);
// The event with this UID, if this database has it.
std::optional<Event> find_event_by_uuid(Services& s, const std::string& uuid);

// `event list`: each field as the user typed it ("" = any). --year is a whole
// year; --from/--to are date expressions (a span counts whole: "2024-05" from
// its first to its last day).
struct ListQuery {
  std::string from, to, year, kind, level, status, tag, venue, search;
  std::optional<long> limit;
};
// The filter the query means (InputError names the option at fault).
EventFilter parse_list_query(const ListQuery& q, const time::Context& ctx);
// Events by start; `with_children` loads their tasks, run of show and lessons.
std::vector<Event> list_events(Services& s, const EventFilter& f, Load load);
inline std::vector<Event> list_events(Services& s, const EventFilter& f, bool with_children) {
  return list_events(s, f, load_children_if(with_children));
}
// The same events, each passed to `each` as it is read: a list of any length in
// constant memory (series' occurrences merged in order; --limit applies).
void for_each_event(Services& s, const EventFilter& f, Load load, const std::function<void(Event&&)>& each);

// An event's lessons with where each was learned: `origin` is the event of
// this database it came from; `elsewhere` when it came from another database.
struct LessonRow {
  Lesson lesson;
  std::optional<Event> origin;
  bool elsewhere = false;
};
std::vector<LessonRow> lessons_of(Services& s, const Event& e);
// Deletes an event with its tasks, run of show and lessons; the audit log keeps
// what it was. Clones of it keep their data and lose only the link. An
// umbrella event with parts is refused unless `with_parts` (they go too).
Event remove_event(Services& s, std::int64_t id, bool with_parts = false);

// `due` is an offset from the event (-10wd, T-14) or a date expression.
Task add_task(Services& s, std::int64_t event_id, const std::string& title, const std::string& due,
              const std::string& owner);
Task set_task_status(Services& s, std::int64_t event_id, int task_no, TaskStatus status,
                     std::optional<time::Date> on);

struct TaskChanges {
  std::optional<std::string> title, due, owner, note;  // due: an offset (-10wd) or a date expression
};
// Changes what was given; a done task keeps its mark.
Task edit_task(Services& s, std::int64_t event_id, int task_no, const TaskChanges& changes);
// Task `task_no` becomes number `to`; the others keep their order and close up.
std::vector<Task> move_task(Services& s, std::int64_t event_id, int task_no, int to);
// "task 3 is due on 2023-07-16, a day off" / "… already past"; "" when neither.
std::string due_warning(const Task& t, time::Date today, const time::ProductionCalendar& cal);

// A run-of-show item as typed: `at` a clock time on the event's first day
// (18:00), an offset from its start (+30m) or a date and time; `duration` 90m.
struct ProgramChanges {
  std::optional<std::string> at, duration, title, responsible, venue;
};
// Adds an item (at and title required) in time order; items lie within the event.
ProgramItem add_program_item(Services& s, std::int64_t event_id, const ProgramChanges& item);
ProgramItem edit_program_item(Services& s, std::int64_t event_id, int item_no, const ProgramChanges& changes);
ProgramItem remove_program_item(Services& s, std::int64_t event_id, int item_no);
// Item `item_no` goes to position `to` among items at the same time; the run
// of show stays in time order (a different time is `edit --at`).
std::vector<ProgramItem> move_program_item(Services& s, std::int64_t event_id, int item_no, int to);

// The whole plan from a file: the event as `event show --json` prints it, in
// JSON or TOML (the same keys). Its id and uuid, when given, must be this
// event's. Checked whole and written in one transaction, or nothing.
WriteResult replace_from_file(Services& s, std::int64_t id, std::string_view text, const std::string& origin,
                              ConflictPolicy policy);

struct Agenda {
  std::vector<AgendaRow> rows;
  int overdue = 0;
};
// Open tasks due within `days` days from today, overdue ones first.
Agenda agenda(Services& s, int days);

std::vector<Conflict> conflicts_in(Services& s, time::Instant from, time::Instant to);

Event add_lesson(Services& s, std::int64_t event_id, const std::string& text);

// Next year's plan from event `id` on `date`: same kind, venue, people, tasks
// (due dates counted again from their offsets, all open; those cancelled in
// the source left out unless `with_cancelled`), run of show, the lessons
// learned, carried with where they came from, and its parts, cloned with it.
WriteResult clone(Services& s, std::int64_t id, time::Date date, ConflictPolicy policy, bool with_cancelled = false);

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  // Parts (UID) whose umbrella (UID) comes later in the file: linked at its end.
  std::vector<std::pair<std::string, std::string>> pending_parts;
  // Changed occurrences whose series comes later in the file.
  struct PendingOccurrence {
    std::string uuid, series_uuid;
    time::Date day;
  };
  std::vector<PendingOccurrence> pending_occurrences;
};
// Creates, updates (matched by uuid, else by id) or counts as unchanged one
// whole event, inside the caller's transaction.
void import_record(Services& s, Event e, ImportResult& r);
// `total` is 0 while the count is not known yet.
using Progress = std::function<void(std::size_t done, std::size_t total)>;
// Imports the JSON that `event list --json` prints (an array of events, or
// {"events": [...]}), streaming record by record. All or nothing: the first
// bad record aborts with "record N: field 'x': what".
// Links the parts `import_record` left pending; InputError for an umbrella
// that never came.
void link_pending_parts(Services& s, ImportResult& r);
// `from` is merged into `into` (venues by name, alias or #ID): its events move
// to `into`, its names become `into`'s aliases, it is gone. One transaction.
struct VenueMerge {
  venue::Venue from, into;
  std::size_t events = 0;
};
VenueMerge merge_venues(Services& s, const std::string& from, const std::string& into);

ImportResult import_json(Services& s, std::istream& in, const Progress& progress, bool dry_run = false);
ImportResult import_json(Services& s, std::string_view json_text, const Progress& progress, bool dry_run = false);

}  // namespace omskplan::event
