#include "event/repository.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "event/json.hpp"
#include "store/audit.hpp"
#include "store/query.hpp"
#include "store/values.hpp"

#include <fmt/format.h>

#include <functional>

#include <unordered_map>
#include <unordered_set>

#include <algorithm>

namespace omskplan::event::repo {

using store::Db;
using store::Statement;
using time::format_date;
using time::format_utc;

namespace {

const char* kEventColumns =
    "id, uuid, title, title_pattern, kind, level, start_utc, end_utc, all_day, venue, organizer, status, notes, "
    "template_id, anniversary_base, ordinal, sequence, cloned_from, created_utc, updated_utc, part_of, "
    "(SELECT u.uuid FROM event u WHERE u.id = event.part_of), deadline_days_off, venue_id, repeat_rule, "
    "repeat_days_off, repeat_until_utc, occurrence_of, (SELECT u.uuid FROM event u WHERE u.id = event.occurrence_of), "
    "occurrence_day, repeat_zone";



std::optional<int> opt_int(const Statement& st, int col) {
  if (auto v = st.get_opt_int(col)) {
    return static_cast<int>(*v);
  }
  return std::nullopt;
}

Event read_event_row(const Statement& st) {
  Event e;
  e.id = st.get_int(0);
  e.uuid = st.get_text(1);
  e.title = st.get_text(2);
  e.title_pattern = st.get_opt_text(3);
  e.kind = parse_kind(st.get_text(4));
  e.level = parse_level(st.get_text(5));
  e.start = store::to_instant(st.get_text(6));
  e.end = store::to_instant(st.get_text(7));
  e.all_day = st.get_int(8) != 0;
  e.venue = st.get_text(9);
  e.organizer = st.get_text(10);
  e.status = parse_status(st.get_text(11));
  e.notes = st.get_text(12);
  e.template_id = st.get_opt_text(13);
  e.anniversary_base = opt_int(st, 14);
  e.ordinal = opt_int(st, 15);
  e.sequence = static_cast<int>(st.get_int(16));
  e.cloned_from = st.get_opt_int(17);
  e.created = store::to_instant(st.get_text(18));
  e.updated = store::to_instant(st.get_text(19));
  e.part_of = st.get_opt_int(20);
  e.part_of_uuid = st.get_opt_text(21);
  e.deadline_days_off = time::parse_day_off_rule(st.get_text(22));
  e.venue_id = st.get_opt_int(23);
  if (auto rule = st.get_opt_text(24)) {
    e.repeat = Repeat{*rule, parse_repeat_days_off(st.get_opt_text(25).value_or("skip")), {},
                      st.get_opt_text(30).value_or("")};
    if (auto u = st.get_opt_text(26)) {
      e.repeat_until = store::to_instant(*u);
    }
  }
  e.occurrence_of = st.get_opt_int(27);
  e.occurrence_of_uuid = st.get_opt_text(28);
  if (auto d = st.get_opt_text(29)) {
    e.occurrence = store::to_date(*d);
  }
  return e;
}

// A series' cancelled days and the days that have an event of their own.
void load_series(Db& db, Event& e) {
  if (!e.repeat) {
    return;
  }
  {
    auto& st = db.cached("SELECT day FROM event_exdate WHERE event_id = ? ORDER BY day");
    st.bind(1, e.id);
    e.repeat->cancelled.clear();
    while (st.step()) {
      e.repeat->cancelled.push_back(store::to_date(st.get_text(0)));
    }
  }
  auto& st = db.cached("SELECT occurrence_day FROM event WHERE occurrence_of = ? ORDER BY occurrence_day");
  st.bind(1, e.id);
  e.changed_days.clear();
  while (st.step()) {
    e.changed_days.push_back(store::to_date(st.get_text(0)));
  }
}

void write_exdates(Db& db, const Event& e) {
  auto& del = db.cached("DELETE FROM event_exdate WHERE event_id = ?");
  del.bind(1, e.id);
  del.run();
  if (!e.repeat) {
    return;
  }
  auto& ins = db.cached("INSERT INTO event_exdate(event_id, day) VALUES (?, ?)");
  for (const auto& d : e.repeat->cancelled) {
    ins.reset();
    ins.bind_all(e.id, format_date(d));
    ins.run();
  }
}

void load_participants(Db& db, Event& e) {
  auto& st = db.cached("SELECT who, role, vip FROM participant WHERE event_id = ? ORDER BY position");
  st.bind(1, e.id);
  e.participants.clear();
  while (st.step()) {
    e.participants.push_back({st.get_text(0), st.get_text(1), st.get_int(2) != 0});
  }
}

void load_children(Db& db, Event& e) {
  {
    auto& st = db.cached("SELECT tag FROM event_tag WHERE event_id = ? ORDER BY tag");
    st.bind(1, e.id);
    while (st.step()) {
      e.tags.push_back(st.get_text(0));
    }
  }
  load_participants(db, e);
  {
    auto& st = db.cached(
        "SELECT id, no, title, owner, due, due_offset, status, done_on, note FROM task WHERE event_id = ? ORDER BY no");
    st.bind(1, e.id);
    while (st.step()) {
      Task t;
      t.id = st.get_int(0);
      t.no = static_cast<int>(st.get_int(1));
      t.title = st.get_text(2);
      t.owner = st.get_text(3);
      t.due = store::to_date(st.get_text(4));
      t.due_offset = st.get_opt_text(5);
      t.status = parse_task_status(st.get_text(6));
      if (auto d = st.get_opt_text(7)) {
        t.done_on = store::to_date(*d);
      }
      t.note = st.get_text(8);
      e.tasks.push_back(std::move(t));
    }
  }
  {
    auto& st = db.cached(
        "SELECT no, at_utc, at_spec, duration_min, title, responsible, venue FROM program_item WHERE event_id = ? "
        "ORDER BY no");
    st.bind(1, e.id);
    while (st.step()) {
      ProgramItem p;
      p.no = static_cast<int>(st.get_int(0));
      p.at = store::to_instant(st.get_text(1));
      p.at_spec = st.get_opt_text(2);
      p.duration = time::Minutes{st.get_int(3)};
      p.title = st.get_text(4);
      p.responsible = st.get_text(5);
      p.venue = st.get_text(6);
      e.program.push_back(std::move(p));
    }
  }
  {
    auto& st = db.cached("SELECT text, added_utc, origin_uuid FROM lesson WHERE event_id = ? ORDER BY id");
    st.bind(1, e.id);
    while (st.step()) {
      e.lessons.push_back({st.get_text(0), store::to_instant(st.get_text(1)), st.get_opt_text(2)});
    }
  }
}

void write_tags(Db& db, const Event& e) {
  auto& del = db.cached("DELETE FROM event_tag WHERE event_id = ?");
  del.bind(1, e.id);
  del.run();
  auto& ins = db.cached("INSERT OR IGNORE INTO event_tag(event_id, tag) VALUES (?, ?)");
  for (const auto& tag : e.tags) {
    ins.reset();
    ins.bind_all(e.id, tag);
    ins.run();
  }
}

void write_participants(Db& db, const Event& e) {
  auto& del = db.cached("DELETE FROM participant WHERE event_id = ?");
  del.bind(1, e.id);
  del.run();
  auto& ins = db.cached(
      "INSERT INTO participant(event_id, position, who, who_key, role, vip) VALUES (?, ?, ?, ?, ?, ?)");
  int pos = 0;
  for (const auto& p : e.participants) {
    ins.reset();
    ins.bind_all(e.id, ++pos, p.who, text::fold(text::trim(p.who)), p.role, p.vip ? 1 : 0);
    ins.run();
  }
}

void insert_task(Db& db, std::int64_t event_id, Task& t) {
  auto& st = db.cached(
      "INSERT INTO task(event_id, no, title, owner, due, due_offset, status, done_on, note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::optional<std::string> done;
  if (t.done_on) {
    done = format_date(*t.done_on);
  }
  st.bind_all(event_id, t.no, t.title, t.owner, format_date(t.due), t.due_offset, std::string(to_string(t.status)),
              done, t.note);
  st.run();
  t.id = db.last_insert_id();
}

void update_task(Db& db, std::int64_t event_id, const Task& t) {
  auto& st = db.cached(
      "UPDATE task SET title = ?, owner = ?, due = ?, due_offset = ?, status = ?, done_on = ?, note = ? "
      "WHERE event_id = ? AND no = ?");
  std::optional<std::string> done;
  if (t.done_on) {
    done = format_date(*t.done_on);
  }
  st.bind_all(t.title, t.owner, format_date(t.due), t.due_offset, std::string(to_string(t.status)), done, t.note,
              event_id, t.no);
  st.run();
}

void write_program(Db& db, const Event& e) {
  auto& del = db.cached("DELETE FROM program_item WHERE event_id = ?");
  del.bind(1, e.id);
  del.run();
  auto& ins = db.cached(
      "INSERT INTO program_item(event_id, no, at_utc, at_spec, duration_min, title, responsible, venue) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& p : e.program) {
    ins.reset();
    ins.bind_all(e.id, p.no, format_utc(p.at), p.at_spec, static_cast<std::int64_t>(p.duration.count()), p.title,
                 p.responsible, p.venue);
    ins.run();
  }
}

void write_lessons(Db& db, const Event& e) {
  auto& del = db.cached("DELETE FROM lesson WHERE event_id = ?");
  del.bind(1, e.id);
  del.run();
  auto& ins = db.cached("INSERT INTO lesson(event_id, text, added_utc, origin_uuid) VALUES (?, ?, ?, ?)");
  for (const auto& l : e.lessons) {
    ins.reset();
    ins.bind_all(e.id, l.text, format_utc(l.added), l.origin_uuid);
    ins.run();
  }
}

// The audit snapshot of an event with everything that belongs to it, times in UTC.
nlohmann::ordered_json snapshot_json(const Event& e) {
  static const time::TimeZone utc = time::TimeZone::fixed("UTC", std::chrono::seconds{0}, "UTC");
  return to_json(e, utc);
}

std::string snapshot(const Event& e) { return snapshot_json(e).dump(); }

// No event is longer than this: a lower bound for index scans by start.
std::chrono::seconds longest_event(Db& db) {
  auto& st = db.cached("SELECT coalesce(max(length_s), 0) FROM event");
  st.step();
  return std::chrono::seconds{st.get_int(0)};
}

bool same_row(const Event& a, const Event& b) {
  return a.uuid == b.uuid && a.title == b.title && a.title_pattern == b.title_pattern && a.kind == b.kind &&
         a.level == b.level && a.start == b.start && a.end == b.end && a.all_day == b.all_day &&
         a.venue == b.venue && a.organizer == b.organizer && a.status == b.status && a.notes == b.notes &&
         a.template_id == b.template_id && a.anniversary_base == b.anniversary_base && a.ordinal == b.ordinal &&
         a.sequence == b.sequence && a.cloned_from == b.cloned_from && a.created == b.created &&
         a.updated == b.updated && a.part_of == b.part_of &&
         a.deadline_days_off == b.deadline_days_off && a.venue_id == b.venue_id &&
         (a.repeat ? std::optional(std::tuple(a.repeat->rule, a.repeat->days_off, a.repeat->zone)) : std::nullopt) ==
             (b.repeat ? std::optional(std::tuple(b.repeat->rule, b.repeat->days_off, b.repeat->zone)) : std::nullopt) &&
         a.repeat_until == b.repeat_until && a.occurrence_of == b.occurrence_of &&
         (a.occurrence_of ? a.occurrence : std::nullopt) == (b.occurrence_of ? b.occurrence : std::nullopt);
}

void bind_row(Statement& st, const Event& e) {
  st.bind_all(e.uuid, e.title, e.title_pattern, std::string(to_string(e.kind)), std::string(to_string(e.level)),
              format_utc(e.start), format_utc(e.end), e.all_day ? 1 : 0, e.venue, e.organizer,
              std::string(to_string(e.status)), e.notes, e.template_id, e.anniversary_base, e.ordinal, e.sequence,
              e.cloned_from, format_utc(e.created), format_utc(e.updated),
              static_cast<std::int64_t>((e.end - e.start).count()), e.part_of,
              std::string(time::to_string(e.deadline_days_off)), e.venue_id,
              e.repeat ? std::optional(e.repeat->rule) : std::nullopt,
              e.repeat ? std::optional(std::string(to_string(e.repeat->days_off))) : std::nullopt,
              e.repeat && e.repeat_until ? std::optional(format_utc(*e.repeat_until)) : std::nullopt, e.occurrence_of,
              e.occurrence_of && e.occurrence ? std::optional(format_date(*e.occurrence)) : std::nullopt,
              e.repeat && !e.repeat->zone.empty() ? std::optional(e.repeat->zone) : std::nullopt);
}

}  // namespace

void insert(Db& db, Event& e) {
  // Recorded as its id (store::NewRecord): undo deletes it with its tasks,
  // participants, run of show and the rest.
  store::NewRecord rec(db, "event");
  auto& st = db.cached(
      "INSERT INTO event(uuid, title, title_pattern, kind, level, start_utc, end_utc, all_day, venue, organizer, "
      "status, notes, template_id, anniversary_base, ordinal, sequence, cloned_from, created_utc, updated_utc, "
      "length_s, part_of, deadline_days_off, venue_id, repeat_rule, repeat_days_off, repeat_until_utc, occurrence_of, "
      "occurrence_day, repeat_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?)");
  bind_row(st, e);
  st.run();
  e.id = db.last_insert_id();
  if (e.repeat && !e.repeat->cancelled.empty()) {
    write_exdates(db, e);
  }
  if (!e.tags.empty()) {
    write_tags(db, e);
  }
  if (!e.participants.empty()) {
    write_participants(db, e);
  }
  for (auto& t : e.tasks) {
    insert_task(db, e.id, t);
  }
  if (!e.program.empty()) {
    write_program(db, e);
  }
  if (!e.lessons.empty()) {
    write_lessons(db, e);
  }
  rec.created(e.id);
}

bool update(Db& db, const Event& before, const Event& after) {
  bool changed = false;
  if (!same_row(before, after)) {
    auto& st = db.cached(
        "UPDATE event SET uuid = ?, title = ?, title_pattern = ?, kind = ?, level = ?, start_utc = ?, end_utc = ?, "
        "all_day = ?, venue = ?, organizer = ?, status = ?, notes = ?, template_id = ?, anniversary_base = ?, "
        "ordinal = ?, sequence = ?, cloned_from = ?, created_utc = ?, updated_utc = ?, length_s = ?, part_of = ?, "
        "deadline_days_off = ?, venue_id = ?, repeat_rule = ?, repeat_days_off = ?, repeat_until_utc = ?, "
        "occurrence_of = ?, occurrence_day = ?, repeat_zone = ? WHERE id = ?");
    bind_row(st, after);
    st.bind(30, after.id);
    st.run();
    changed = true;
  }
  if ((before.repeat ? before.repeat->cancelled : std::vector<time::Date>{}) !=
      (after.repeat ? after.repeat->cancelled : std::vector<time::Date>{})) {
    write_exdates(db, after);
    changed = true;
  }
  if (before.tags != after.tags) {
    write_tags(db, after);
    changed = true;
  }
  if (before.participants != after.participants) {
    write_participants(db, after);
    changed = true;
  }
  // Tasks by number: update the changed, add the new, delete the dropped
  // (looked up by number: an event may have tens of thousands of tasks).
  std::unordered_map<int, const Task*> before_by_no;
  before_by_no.reserve(before.tasks.size());
  for (const auto& t : before.tasks) {
    before_by_no.emplace(t.no, &t);
  }
  std::unordered_set<int> after_nos;
  after_nos.reserve(after.tasks.size());
  for (const auto& t : after.tasks) {
    after_nos.insert(t.no);
    const auto found = before_by_no.find(t.no);
    const Task* it = found == before_by_no.end() ? nullptr : found->second;
    if (!it) {
      Task copy = t;
      insert_task(db, after.id, copy);
      changed = true;
    } else if (!(*it == t)) {
      update_task(db, after.id, t);
      changed = true;
    }
  }
  for (const auto& t : before.tasks) {
    if (!after_nos.count(t.no)) {
      auto& del = db.cached("DELETE FROM task WHERE event_id = ? AND no = ?");
      del.bind_all(after.id, t.no);
      del.run();
      changed = true;
    }
  }
  if (before.program != after.program) {
    write_program(db, after);
    changed = true;
  }
  if (before.lessons != after.lessons) {
    write_lessons(db, after);
    changed = true;
  }
  if (changed) {
    store::audit_update(db, "event", after.id, snapshot_json(before), snapshot_json(after));
  }
  return changed;
}

std::optional<Event> load(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM event WHERE id = ?", kEventColumns));
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  Event e = read_event_row(st);
  st.reset();
  load_children(db, e);
  load_series(db, e);
  return e;
}

void remove(Db& db, const Event& e) {
  auto& st = db.cached("DELETE FROM event WHERE id = ?");
  st.bind(1, e.id);
  st.run();
  store::audit(db, "event", e.id, store::AuditAction::remove, snapshot(e), std::nullopt);
}

std::optional<std::int64_t> find_by_uuid(Db& db, const std::string& uuid) {
  auto& st = db.cached("SELECT id FROM event WHERE uuid = ?");
  st.bind(1, uuid);
  if (!st.step()) {
    return std::nullopt;
  }
  return st.get_int(0);
}

std::vector<std::int64_t> newest_ids(Db& db, long limit) {
  auto& st = db.cached("SELECT id FROM event ORDER BY id DESC LIMIT ?");
  st.bind(1, static_cast<std::int64_t>(limit));
  std::vector<std::int64_t> ids;
  while (st.step()) {
    ids.push_back(st.get_int(0));
  }
  return ids;
}

namespace {

// What a filter says besides the dates.
// The venues named on events whose text holds `typed` (case and ё folded):
// the distinct venues, read one index seek each (event_venue_text), not the events.
std::vector<std::string> venues_containing(Db& db, std::string_view typed) {
  const std::string key = text::fold(typed);
  std::vector<std::string> out;
  auto& next = db.cached("SELECT venue FROM event WHERE venue > ? ORDER BY venue LIMIT 1");
  std::string after;
  for (;;) {
    next.bind(1, after);
    if (!next.step()) {
      next.reset();
      break;
    }
    after = next.get_text(0);
    next.reset();
    if (text::fold(after).find(key) != std::string::npos) {
      out.push_back(after);
    }
  }
  return out;
}

void filter_by(Db& db, store::Query& q, const Filter& f) {
  if (f.venue) {
    q.where_in("venue", venues_containing(db, *f.venue));
  }
  if (f.kind) {
    q.where("kind = ?", {std::string(to_string(*f.kind))});
  }
  if (f.level) {
    q.where("level = ?", {std::string(to_string(*f.level))});
  }
  if (f.status) {
    q.where("status = ?", {std::string(to_string(*f.status))});
  }
  if (f.tag) {
    q.where("id IN (SELECT event_id FROM event_tag WHERE tag = ?)", {*f.tag});
  }
  if (f.search) {
    q.search("id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)", *f.search);
  }
}

// Each row of `st` as an event (with its children when asked), as it is read.
void each_row(Db& db, Statement& st, Load load, const std::function<void(Event&&)>& each) {
  while (st.step()) {
    Event e = read_event_row(st);
    if (load == Load::children) {
      load_children(db, e);
    } else if (load == Load::participants) {
      load_participants(db, e);
    }
    load_series(db, e);
    each(std::move(e));
  }
}

// A series' occurrence may fall this much before the day its rule makes (a day off moved back).
constexpr std::chrono::days kSeriesSlack{14};

}  // namespace

void for_each(Db& db, const Filter& f, Load load, const std::function<void(Event&&)>& each) {
  store::Query q(fmt::format("SELECT {} FROM event WHERE repeat_rule IS NULL", kEventColumns));
  if (f.from) {
    // The start bound lets the index on start_utc cut the scan.
    q.where("end_utc >= ? AND start_utc >= ?", {format_utc(*f.from), format_utc(*f.from - longest_event(db))});
  }
  if (f.to) {
    q.where("start_utc < ?", {format_utc(*f.to)});
  }
  filter_by(db, q, f);
  Statement st = q.prepare(db, "start_utc, id", f.limit);
  each_row(db, st, load, each);
}

std::vector<Event> list(Db& db, const Filter& f, bool with_children) {
  std::vector<Event> out;
  for_each(db, f, load_children_if(with_children), [&](Event&& e) { out.push_back(std::move(e)); });
  return out;
}

std::vector<Event> list_series(Db& db, const Filter& f, Load load) {
  store::Query q(fmt::format("SELECT {} FROM event WHERE repeat_rule IS NOT NULL", kEventColumns));
  if (f.from) {
    q.where("(repeat_until_utc IS NULL OR repeat_until_utc >= ?)", {format_utc(*f.from)});
  }
  if (f.to) {
    q.where("start_utc < ?", {format_utc(*f.to + kSeriesSlack)});
  }
  filter_by(db, q, f);
  Statement st = q.prepare(db, "start_utc, id", std::nullopt);
  std::vector<Event> out;
  each_row(db, st, load, [&](Event&& e) { out.push_back(std::move(e)); });
  return out;
}

namespace {

// Who names another event: its parts, its changed occurrences.
enum class Naming { part_of, occurrence_of };

const char* naming_where(Naming n) {
  switch (n) {
    case Naming::part_of: return "part_of = ? ORDER BY start_utc, id";
    case Naming::occurrence_of: return "occurrence_of = ? ORDER BY occurrence_day, id";
  }
  return "0";
}

// The events that name `id` so, with their children.
std::vector<Event> naming(Db& db, Naming n, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM event WHERE {}", kEventColumns, naming_where(n)));
  st.bind(1, id);
  std::vector<Event> out;
  while (st.step()) {
    out.push_back(read_event_row(st));
  }
  st.reset();
  for (auto& e : out) {
    load_children(db, e);
  }
  return out;
}

}  // namespace

std::vector<Event> changed_occurrences(Db& db, std::int64_t series_id) {
  return naming(db, Naming::occurrence_of, series_id);
}

std::vector<Event> parts_of(Db& db, std::int64_t umbrella_id) {
  return naming(db, Naming::part_of, umbrella_id);
}

std::vector<std::int64_t> ids_at_venue(Db& db, std::int64_t venue_id) {
  auto& st = db.cached("SELECT id FROM event WHERE venue_id = ? ORDER BY id");
  st.bind(1, venue_id);
  std::vector<std::int64_t> ids;
  while (st.step()) {
    ids.push_back(st.get_int(0));
  }
  return ids;
}

std::vector<Event> around(Db& db, time::Instant from, time::Instant to) {
  // Bounded by the longest event, so the start index limits the scan.
  const auto longest = longest_event(db);
  auto& st = db.cached(fmt::format(
      "SELECT {} FROM event WHERE start_utc >= ? AND start_utc < ? AND end_utc > ? AND status != 'cancelled' "
      "AND repeat_rule IS NULL ORDER BY start_utc, id",
      kEventColumns));
  st.bind_all(format_utc(from - longest), format_utc(to), format_utc(from));
  std::vector<Event> out;
  while (st.step()) {
    out.push_back(read_event_row(st));
  }
  st.reset();
  auto& ss = db.cached(fmt::format(
      "SELECT {} FROM event WHERE repeat_rule IS NOT NULL AND start_utc < ? AND status != 'cancelled' "
      "AND (repeat_until_utc IS NULL OR repeat_until_utc > ?) ORDER BY start_utc, id",
      kEventColumns));
  ss.bind_all(format_utc(to + kSeriesSlack), format_utc(from));
  while (ss.step()) {
    out.push_back(read_event_row(ss));
  }
  ss.reset();
  for (auto& e : out) {
    load_participants(db, e);
    load_series(db, e);
  }
  return out;
}

std::vector<AgendaRow> open_tasks_until(Db& db, time::Date until) {
  auto& st = db.cached(
      "SELECT t.event_id, e.title, e.start_utc, t.id, t.no, t.title, t.owner, t.due, t.due_offset "
      "FROM task t JOIN event e ON e.id = t.event_id "
      "WHERE t.status = 'todo' AND t.due <= ? AND e.status != 'cancelled' "
      "ORDER BY t.due, e.start_utc, t.event_id, t.no");
  st.bind(1, format_date(until));
  std::vector<AgendaRow> out;
  while (st.step()) {
    AgendaRow r;
    r.event_id = st.get_int(0);
    r.event_title = st.get_text(1);
    r.event_start = store::to_instant(st.get_text(2));
    r.task.id = st.get_int(3);
    r.task.no = static_cast<int>(st.get_int(4));
    r.task.title = st.get_text(5);
    r.task.owner = st.get_text(6);
    r.task.due = store::to_date(st.get_text(7));
    r.task.due_offset = st.get_opt_text(8);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace omskplan::event::repo
