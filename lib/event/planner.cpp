#include "event/planner.hpp"
#include "unit/service.hpp"
#include "core/uuid.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "event/json.hpp"
#include "event/repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace omskplan::event {

using namespace std::chrono;
using time::Date;
using time::Instant;
using time::LocalTime;

namespace {

constexpr std::size_t kMaxTitleBytes = 1000;
constexpr std::size_t kMaxTextBytes = 100000;


// Owners named by a unit's code are that unit (its code as registered); a
// code that is no unit's is refused. Free text stays as it is.
void resolve_owners(Services& s, Event& e) {
  unit::Services us{s.db, s.ctx};
  if (auto u = unit::owner(us, e.organizer)) {
    e.organizer = u->code;
  }
  for (auto& t : e.tasks) {
    if (auto u = unit::owner(us, t.owner)) {
      t.owner = u->code;
    }
  }
}

void validate(const Event& e) {
  if (text::trim(e.title).empty()) {
    throw InputError(tr("the title is empty"));
  }
  text::check_field(tr("the title"), e.title, kMaxTitleBytes, true);
  text::check_field(tr("the venue"), e.venue, kMaxTitleBytes, true);
  text::check_field(tr("the organizer"), e.organizer, kMaxTitleBytes, true);
  text::check_field(tr("the notes"), e.notes, kMaxTextBytes, false);
  for (const auto& t : e.tags) {
    text::check_field(trf("tag '{}'", t), t, 100, true);
  }
  for (const auto& p : e.participants) {
    if (text::trim(p.who).empty()) {
      throw InputError(tr("a participant has no name"));
    }
    text::check_field(tr("a participant"), p.who, kMaxTitleBytes, true);
    text::check_field(tr("a participant's role"), p.role, kMaxTitleBytes, true);
  }
  for (const auto& t : e.tasks) {
    text::check_field(trf("task {}", t.no), t.title, kMaxTitleBytes, true);
    text::check_field(trf("the owner of task {}", t.no), t.owner, kMaxTitleBytes, true);
  }
  for (const auto& l : e.lessons) {
    text::check_field(tr("a lesson"), l.text, kMaxTextBytes, false);
  }
  const int y = time::year_of(floor<days>(e.start));
  if (y < 1900 || y > 2200) {
    throw InputError(trf("the start year {} is out of range 1900–2200", y));
  }
  const int end_year = time::year_of(floor<days>(e.end - std::chrono::seconds{1}));
  if (end_year > 2200) {
    throw InputError(trf("the end year {} is out of range 1900–2200", end_year));
  }
  if (e.end < e.start) {
    throw InputError(tr("the event ends before it starts"));
  }
  if (e.end - e.start > days{366}) {
    throw InputError(tr("the event is longer than a year"));
  }
  if (e.ordinal && *e.ordinal <= 0) {
    throw InputError(trf("the anniversary ordinal {} is not positive: the date is before the base year",
                                 *e.ordinal));
  }
}

// Moves what is counted from the start (open tasks with an offset, program
// items with a spec) to `e.start`; others move with `shift`.
void follow_start(Event& e, Instant old_start, const time::Context& ctx) {
  const LocalTime local = ctx.zone->to_local(e.start);
  const auto shift = e.start - old_start;
  const auto day_shift = floor<days>(local) - floor<days>(ctx.zone->to_local(old_start));
  for (auto& t : e.tasks) {
    if (t.status != TaskStatus::todo) {
      continue;
    }
    if (t.due_offset) {
      if (auto off = time::parse_offset(*t.due_offset)) {
        t.due = time::apply_offset_to_date(local, *off, *ctx.calendar);
        continue;
      }
    }
    t.due += day_shift;
  }
  for (auto& p : e.program) {
    if (p.at_spec) {
      if (auto clock = time::parse_clock(*p.at_spec)) {
        p.at = ctx.zone->to_instant(LocalTime{floor<days>(local).time_since_epoch()} + *clock);
        continue;
      }
      if (auto off = time::parse_offset(*p.at_spec)) {
        p.at = ctx.zone->to_instant(time::apply_offset_to_time(local, *off, *ctx.calendar));
        continue;
      }
    }
    p.at += shift;
  }
}

std::vector<Conflict> check_conflicts(Services& s, const Event& e) {
  std::vector<Conflict> out;
  if (e.status == Status::cancelled) {
    return out;
  }
  for (const Event& other : repo::around(s.db, e.start - s.travel_buffer, e.end + s.travel_buffer)) {
    if (other.id == e.id) {
      continue;
    }
    auto found = conflicts_between(e, other, s.travel_buffer);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

void refuse_if(Services& s, const std::vector<Conflict>& conflicts, ConflictPolicy policy) {
  if (policy == ConflictPolicy::refuse && !conflicts.empty()) {
    throw ConflictError(trnf("refused (--strict), {} conflict: {}", "refused (--strict), {} conflicts: {}",
                             static_cast<long>(conflicts.size()), conflicts.size(),
                             describe(conflicts.front(), *s.ctx.zone)));
  }
}

Task* find_task(Event& e, int no) {
  auto it = std::find_if(e.tasks.begin(), e.tasks.end(), [&](const Task& t) { return t.no == no; });
  if (it == e.tasks.end()) {
    throw NotFound(trf("event {} has no task {}", e.id, no));
  }
  return &*it;
}

std::pair<Date, std::optional<std::string>> resolve_due(const std::string& due, const Event& e,
                                                        const time::Context& ctx) {
  if (auto off = time::parse_offset(due)) {
    return {time::apply_offset_to_date(ctx.zone->to_local(e.start), *off, *ctx.calendar), off->text};
  }
  return {time::parse_date(due, ctx), std::nullopt};
}

void touch(Event& e, const time::Context& ctx) {
  e.sequence += 1;
  e.updated = ctx.now;
}

// Imported records compare equal when they differ only in what the database assigns.
bool same_content(Event a, Event b) {
  for (Event* e : {&a, &b}) {
    e->id = 0;
    e->sequence = 0;
    e->updated = {};
    e->created = {};
    e->cloned_from.reset();
    for (auto& t : e->tasks) {
      t.id = 0;
    }
  }
  return a.uuid == b.uuid && a.title == b.title && a.title_pattern == b.title_pattern &&
                         a.kind == b.kind && a.level == b.level && a.status == b.status && a.start == b.start &&
                         a.end == b.end && a.all_day == b.all_day && a.venue == b.venue &&
                         a.organizer == b.organizer && a.tags == b.tags && a.notes == b.notes &&
                         a.template_id == b.template_id && a.anniversary_base == b.anniversary_base &&
                         a.ordinal == b.ordinal && a.participants == b.participants && a.tasks == b.tasks &&
                         a.program == b.program && a.lessons == b.lessons;
}

}  // namespace

Event materialize(const event::EventTemplate& tmpl, Date date, std::optional<time::Minutes> start_clock,
                  std::optional<int> anniversary_base, const time::Context& ctx) {
  Event e;
  e.uuid = new_uuid();
  const std::optional<int> base = anniversary_base ? anniversary_base : tmpl.anniversary_base;
  e.title_pattern = tmpl.title;
  e.title = event::render_title(tmpl.title, date, base);
  e.kind = tmpl.kind;
  e.level = tmpl.level;
  const LocalTime local{date.time_since_epoch() + (start_clock ? *start_clock : tmpl.start_time)};
  e.start = ctx.zone->to_instant(local);
  e.end = e.start + tmpl.duration;
  e.venue = tmpl.venue;
  e.organizer = tmpl.organizer;
  e.tags = tmpl.tags;
  std::sort(e.tags.begin(), e.tags.end());
  e.tags.erase(std::unique(e.tags.begin(), e.tags.end()), e.tags.end());
  e.notes = tmpl.notes;
  e.template_id = tmpl.id;
  e.anniversary_base = base;
  if (base) {
    e.ordinal = time::year_of(date) - *base;
  }
  for (const auto& p : tmpl.participants) {
    e.participants.push_back(p.name.empty() ? Participant{p.role, "", p.vip} : Participant{p.name, p.role, p.vip});
  }
  int no = 0;
  for (const auto& t : tmpl.tasks) {
    Task task;
    task.no = ++no;
    task.title = t.title;
    task.owner = t.owner;
    task.due = time::apply_offset_to_date(local, t.due, *ctx.calendar);
    task.due_offset = t.due.text;
    e.tasks.push_back(std::move(task));
  }
  // The checklist reads in date order.
  std::stable_sort(e.tasks.begin(), e.tasks.end(), [](const Task& a, const Task& b) { return a.due < b.due; });
  for (std::size_t i = 0; i < e.tasks.size(); ++i) {
    e.tasks[i].no = static_cast<int>(i + 1);
  }
  no = 0;
  for (const auto& p : tmpl.program) {
    ProgramItem item;
    item.no = ++no;
    item.at_spec = p.at;
    item.at = p.clock ? ctx.zone->to_instant(LocalTime{date.time_since_epoch()} + *p.clock)
                      : ctx.zone->to_instant(time::apply_offset_to_time(local, *p.offset, *ctx.calendar));
    item.duration = p.duration;
    item.title = p.title;
    item.responsible = p.responsible;
    e.program.push_back(std::move(item));
  }
  std::stable_sort(e.program.begin(), e.program.end(), [](auto& a, auto& b) { return a.at < b.at; });
  for (std::size_t i = 0; i < e.program.size(); ++i) {
    e.program[i].no = static_cast<int>(i + 1);
  }
  e.created = e.updated = ctx.now;
  return e;
}

WriteResult create(Services& s, Event e, ConflictPolicy policy) {
  if (e.uuid.empty()) {
    e.uuid = new_uuid();
  }
  e.created = e.updated = s.ctx.now;
  resolve_owners(s, e);
  validate(e);
  store::WriteTransaction tx(s.db);
  repo::insert(s.db, e);
  auto conflicts = check_conflicts(s, e);
  refuse_if(s, conflicts, policy);
  tx.commit();
  return {std::move(e), std::move(conflicts), true};
}

Event load_event(Services& s, std::int64_t id) {
  auto e = find_event(s, id);
  if (!e) {
    throw NotFound(trf("no event with id {}", id));
  }
  return std::move(*e);
}

std::optional<Event> find_event(Services& s, std::int64_t id) { return repo::load(s.db, id); }

std::optional<Event> find_event_by_uuid(Services& s, const std::string& uuid) {
  const auto id = repo::find_by_uuid(s.db, uuid);
  return id ? repo::load(s.db, *id) : std::nullopt;
}

EventFilter parse_list_query(const ListQuery& o, const time::Context& ctx) {
  EventFilter f;
  auto day_start = [&](time::Date d) { return ctx.zone->to_instant(time::LocalTime{d.time_since_epoch()}); };
  if (!o.year.empty()) {
    if (!o.from.empty() || !o.to.empty()) {
      throw InputError(tr("give --year or --from/--to, not both"));
    }
    const auto span = time::parse_date_span(o.year, ctx);
    if (span.first != time::make_date(time::year_of(span.first), 1, 1) ||
        span.last != time::make_date(time::year_of(span.first), 12, 31)) {
      throw InputError(trf("invalid --year '{}': expected a year such as 2023", o.year));
    }
    f.from = day_start(span.first);
    f.to = day_start(span.last + std::chrono::days{1});
  }
  if (!o.from.empty()) {
    f.from = day_start(time::parse_date_span(o.from, ctx).first);
  }
  if (!o.to.empty()) {
    f.to = day_start(time::parse_date_span(o.to, ctx).last + std::chrono::days{1});
  }
  if (f.from && f.to && *f.to <= *f.from) {
    throw InputError(trf("--to {} is before --from {}", o.to, o.from));
  }
  if (!o.kind.empty()) {
    f.kind = parse_kind(o.kind);
  }
  if (!o.level.empty()) {
    f.level = parse_level(o.level);
  }
  if (!o.status.empty()) {
    f.status = parse_status(o.status);
  }
  if (!o.tag.empty()) {
    f.tag = o.tag;
  }
  if (!o.venue.empty()) {
    f.venue = o.venue;
  }
  if (!o.search.empty()) {
    f.search = o.search;
  }
  if (o.limit) {
    if (*o.limit <= 0) {
      throw InputError(tr("--limit must be positive"));
    }
    f.limit = o.limit;
  }
  return f;
}

std::vector<Event> list_events(Services& s, const EventFilter& f, bool with_children) {
  return repo::list(s.db, f, with_children);
}

std::vector<LessonRow> lessons_of(Services& s, const Event& e) {
  std::vector<LessonRow> rows;
  for (const auto& l : e.lessons) {
    LessonRow r{l, std::nullopt, false};
    if (l.origin_uuid) {
      r.origin = find_event_by_uuid(s, *l.origin_uuid);
      r.elsewhere = !r.origin;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

Event remove_event(Services& s, std::int64_t id) {
  store::WriteTransaction tx(s.db);
  Event e = load_event(s, id);
  repo::remove(s.db, e);
  tx.commit();
  return e;
}

WriteResult edit(Services& s, std::int64_t id, const EventChanges& c, ConflictPolicy policy) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, id);
  Event e = before;
  if (c.title) {
    e.title = text::trim(*c.title);
    e.title_pattern.reset();  // a hand-written title no longer follows the template
  }
  if (c.kind) {
    e.kind = parse_kind(*c.kind);
  }
  if (c.level) {
    e.level = parse_level(*c.level);
  }
  if (c.venue) {
    e.venue = text::trim(*c.venue);
  }
  if (c.organizer) {
    e.organizer = text::trim(*c.organizer);
  }
  if (c.notes) {
    e.notes = *c.notes;
  }
  const auto length = e.end - e.start;
  if (c.start) {
    const auto v = time::parse_datetime(*c.start, s.ctx, floor<minutes>(s.ctx.zone->to_local(e.start) -
                                                                       floor<days>(s.ctx.zone->to_local(e.start))));
    e.start = v.instant;
    e.end = e.start + length;
  }
  if (c.duration) {
    e.end = e.start + time::parse_duration(*c.duration);
  }
  if (c.end) {
    e.end = time::parse_datetime(*c.end, s.ctx).instant;
  }
  if (e.start != before.start) {
    follow_start(e, before.start, s.ctx);
    if (e.title_pattern && time::local_date(s.ctx.zone->to_local(e.start)) !=
                               time::local_date(s.ctx.zone->to_local(before.start))) {
      const Date d = time::local_date(s.ctx.zone->to_local(e.start));
      e.title = event::render_title(*e.title_pattern, d, e.anniversary_base);
      if (e.anniversary_base) {
        e.ordinal = time::year_of(d) - *e.anniversary_base;
      }
    }
  }
  for (const auto& t : c.add_tags) {
    if (std::find(e.tags.begin(), e.tags.end(), text::trim(t)) == e.tags.end()) {
      e.tags.push_back(text::trim(t));
    }
  }
  for (const auto& t : c.remove_tags) {
    std::erase(e.tags, text::trim(t));
  }
  std::sort(e.tags.begin(), e.tags.end());
  for (const auto& who : c.add_vips) {
    const std::string key = text::fold(text::trim(who));
    auto it = std::find_if(e.participants.begin(), e.participants.end(),
                           [&](const Participant& p) { return text::fold(text::trim(p.who)) == key; });
    if (it == e.participants.end()) {
      e.participants.push_back({text::trim(who), "", true});
    } else {
      it->vip = true;
    }
  }
  for (const auto& who : c.remove_participants) {
    const std::string key = text::fold(text::trim(who));
    const auto n = std::erase_if(e.participants,
                                 [&](const Participant& p) { return text::fold(text::trim(p.who)) == key; });
    if (n == 0) {
      throw NotFound(trf("event {} has no participant '{}'", id, who));
    }
  }
  resolve_owners(s, e);
  validate(e);
  if (same_content(before, e)) {
    return {before, {}, false};
  }
  touch(e, s.ctx);
  repo::update(s.db, before, e);
  auto conflicts = check_conflicts(s, e);
  refuse_if(s, conflicts, policy);
  tx.commit();
  return {std::move(e), std::move(conflicts), true};
}

Event set_status(Services& s, std::int64_t id, Status status) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, id);
  if (before.status == status) {
    return before;
  }
  if (!status_transition_allowed(before.status, status)) {
    throw InputError(trf("event {} is {}; it cannot become {}", id, to_string(before.status),
                                 to_string(status)));
  }
  Event e = before;
  e.status = status;
  touch(e, s.ctx);
  repo::update(s.db, before, e);
  tx.commit();
  return e;
}

std::vector<std::int64_t> newest_event_ids(Services& s, long limit) { return repo::newest_ids(s.db, limit); }

Task add_task(Services& s, std::int64_t event_id, const std::string& title, const std::string& due,
              const std::string& owner) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  Task t;
  t.title = text::trim(title);
  if (t.title.empty()) {
    throw InputError(tr("the task title is empty"));
  }
  t.owner = text::trim(owner);
  std::tie(t.due, t.due_offset) = resolve_due(due, e, s.ctx);
  t.no = 1;
  for (const auto& other : e.tasks) {
    t.no = std::max(t.no, other.no + 1);
  }
  e.tasks.push_back(t);
  resolve_owners(s, e);
  validate(e);
  repo::update(s.db, before, e);
  tx.commit();
  return t;
}

Task set_task_status(Services& s, std::int64_t event_id, int task_no, TaskStatus status, std::optional<Date> on) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  Task* t = find_task(e, task_no);
  t->status = status;
  t->done_on = status == TaskStatus::done ? std::optional<Date>(on ? *on : s.ctx.today()) : std::nullopt;
  const Task result = *t;
  repo::update(s.db, before, e);
  tx.commit();
  return result;
}

Agenda agenda(Services& s, int days_ahead) {
  if (days_ahead < 0 || days_ahead > 3660) {
    throw InputError(trf("--days {} is out of range 0–3660", days_ahead));
  }
  Agenda a;
  const Date today = s.ctx.today();
  a.rows = repo::open_tasks_until(s.db, today + days{days_ahead});
  for (const auto& r : a.rows) {
    a.overdue += r.task.due < today;
  }
  return a;
}

std::vector<Conflict> conflicts_in(Services& s, Instant from, Instant to) {
  auto events = repo::around(s.db, from - s.travel_buffer, to + s.travel_buffer);
  auto all = find_conflicts(std::move(events), s.travel_buffer);
  std::erase_if(all, [&](const Conflict& c) {
    const bool first_in = c.first_start < to && c.first_end > from;
    const bool second_in = c.second_start < to && c.second_end > from;
    return !first_in && !second_in;
  });
  return all;
}

Event add_lesson(Services& s, std::int64_t event_id, const std::string& text_) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  if (text::trim(text_).empty()) {
    throw InputError(tr("the lesson is empty"));
  }
  e.lessons.push_back({text::trim(text_), s.ctx.now, std::nullopt});
  validate(e);
  repo::update(s.db, before, e);
  tx.commit();
  return e;
}

WriteResult clone(Services& s, std::int64_t id, Date date, ConflictPolicy policy) {
  store::WriteTransaction tx(s.db);
  const Event old = load_event(s, id);
  Event e = old;
  e.id = 0;
  e.uuid = new_uuid();
  e.status = Status::planned;
  e.sequence = 0;
  e.cloned_from = old.id;
  e.created = e.updated = s.ctx.now;
  const LocalTime old_local = s.ctx.zone->to_local(old.start);
  const LocalTime local{date.time_since_epoch() + (old_local - floor<days>(old_local))};
  e.start = s.ctx.zone->to_instant(local);
  e.end = e.start + (old.end - old.start);
  if (e.title_pattern) {
    e.title = event::render_title(*e.title_pattern, date, e.anniversary_base);
  }
  if (e.anniversary_base) {
    e.ordinal = time::year_of(date) - *e.anniversary_base;
  }
  for (auto& t : e.tasks) {
    t.id = 0;
    t.status = TaskStatus::todo;
    t.done_on.reset();
  }
  follow_start(e, old.start, s.ctx);
  for (auto& l : e.lessons) {
    if (!l.origin_uuid) {
      l.origin_uuid = old.uuid;
    }
  }
  validate(e);
  repo::insert(s.db, e);
  auto conflicts = check_conflicts(s, e);
  refuse_if(s, conflicts, policy);
  tx.commit();
  return {std::move(e), std::move(conflicts), true};
}

// Imports one record inside the caller's transaction.
void import_record(Services& s, Event e, ImportResult& r) {
  validate(e);
  std::optional<std::int64_t> existing;
  if (!e.uuid.empty()) {
    existing = repo::find_by_uuid(s.db, e.uuid);
  } else if (e.id > 0) {
    if (!repo::load(s.db, e.id)) {
      throw NotFound(trf("no event with id {}", e.id));
    }
    existing = e.id;
  }
  if (existing) {
    const Event before = *repo::load(s.db, *existing);
    e.id = before.id;
    if (e.uuid.empty()) {
      e.uuid = before.uuid;
    }
    if (same_content(before, e)) {
      ++r.unchanged;
      return;
    }
    e.created = before.created;
    e.cloned_from = before.cloned_from;
    e.sequence = std::max(e.sequence, before.sequence + 1);
    e.updated = s.ctx.now;
    repo::update(s.db, before, e);
    ++r.updated;
    return;
  }
  e.id = 0;
  if (e.uuid.empty()) {
    e.uuid = new_uuid();
  }
  if (e.cloned_from && !repo::load(s.db, *e.cloned_from)) {
    e.cloned_from.reset();
  }
  repo::insert(s.db, e);
  ++r.created;
}

ImportResult import_json(Services& s, std::istream& in, const Progress& progress, bool dry_run) {
  ImportResult r;
  std::size_t n = 0;
  store::WriteTransaction tx(s.db);
  // Each record is converted and written as soon as it is parsed, then dropped.
  n = json_input::stream_records(in, "events", [&](const nlohmann::json& record) {
    import_record(s, from_json(record, s.ctx), r);
    if (progress && (r.created + r.updated + r.unchanged) % 1000 == 0) {
      progress(r.created + r.updated + r.unchanged, 0);
    }
  });
  if (progress) {
    progress(n, n);
  }
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

ImportResult import_json(Services& s, std::string_view json_text, const Progress& progress, bool dry_run) {
  std::istringstream in{std::string(json_text)};
  return import_json(s, in, progress, dry_run);
}

}  // namespace omskplan::event
