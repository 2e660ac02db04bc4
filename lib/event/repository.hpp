// SQL for events and what belongs to them. Every function runs inside the
// caller's transaction; none of them commits.
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "event/model.hpp"
#include "store/db.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace omskplan::event::repo {

using Filter = EventFilter;

// Inserts `e` with its children; sets e.id (and the ids of its tasks).
void insert(store::Db& db, Event& e);
// Writes what differs between `before` and `after` (same id); returns whether anything did.
bool update(store::Db& db, const Event& before, const Event& after);
std::optional<Event> load(store::Db& db, std::int64_t id);
// Deletes `e` and everything that belongs to it (foreign keys cascade).
void remove(store::Db& db, const Event& e);
std::optional<std::int64_t> find_by_uuid(store::Db& db, const std::string& uuid);
// Events that are no series (single ones and changed occurrences), by start.
std::vector<Event> list(store::Db& db, const Filter& f, bool with_children);
// The same, each passed to `each` as it is read (constant memory at any size).
void for_each(store::Db& db, const Filter& f, Load load, const std::function<void(Event&&)>& each);
// The series that may have an occurrence in the filter's dates (the rest of it applies as to `list`).
std::vector<Event> list_series(store::Db& db, const Filter& f, Load load);
inline std::vector<Event> list_series(store::Db& db, const Filter& f, bool with_children) {
  return list_series(db, f, load_children_if(with_children));
}
// The occurrences of a series changed on their own, by the day the rule makes for them.
std::vector<Event> changed_occurrences(store::Db& db, std::int64_t series_id);
// The ids of the newest events (the largest ids), newest first, at most `limit`.
std::vector<std::int64_t> newest_ids(store::Db& db, long limit);

// The parts of an umbrella event by start, with their children.
std::vector<Event> parts_of(store::Db& db, std::int64_t umbrella_id);

// The events at a registered venue.
std::vector<std::int64_t> ids_at_venue(store::Db& db, std::int64_t venue_id);

// Events that may overlap [from, to) (not cancelled), with their participants;
// the series among them may (their occurrences are for the caller to compute).
std::vector<Event> around(store::Db& db, time::Instant from, time::Instant to);

using event::AgendaRow;
// Open tasks due on or before `until`, earliest first.
std::vector<AgendaRow> open_tasks_until(store::Db& db, time::Date until);

}  // namespace omskplan::event::repo
