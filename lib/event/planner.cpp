#include "event/planner.hpp"
#include "unit/service.hpp"
#include "core/uuid.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/toml_input.hpp"
#include "event/json.hpp"
#include "event/repository.hpp"
#include "venue/service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

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
        t.due = time::apply_offset_to_date(local, *off, *ctx.calendar, e.deadline_days_off);
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

// A new series' conflicts are looked for this far ahead of its first occurrence.
constexpr days kConflictHorizon{731};

// The events that may overlap [from, to), a series' occurrences in its stead.
std::vector<Event> events_around(Services& s, Instant from, Instant to) {
  std::vector<Event> out;
  for (Event& e : repo::around(s.db, from, to)) {
    if (!e.repeat) {
      out.push_back(std::move(e));
      continue;
    }
    for (Event& o : occurrences_between(e, from, to, *s.ctx.calendar, *s.ctx.zone)) {
      out.push_back(std::move(o));
    }
  }
  return out;
}

std::vector<Conflict> check_one(Services& s, const Event& e) {
  std::vector<Conflict> out;
  for (const Event& other : events_around(s, e.start - s.travel_buffer, e.end + s.travel_buffer)) {
    if (other.id == e.id) {
      continue;
    }
    auto found = conflicts_between(e, other, s.travel_buffer);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

std::vector<Conflict> check_conflicts(Services& s, const Event& e) {
  std::vector<Conflict> out;
  if (e.status == Status::cancelled) {
    return out;
  }
  if (!e.repeat) {
    return check_one(s, e);
  }
  // A series: each occurrence of its first two years (or to its end).
  const Instant until = std::min(e.repeat_until.value_or(Instant::max()), e.start + kConflictHorizon);
  for (const Event& o : occurrences_between(e, e.start - days{14}, until, *s.ctx.calendar, *s.ctx.zone)) {
    auto found = check_one(s, o);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// The registered venue an event's text names: linked, the text becomes the
// register's name. An unknown text stays free text; when there is a register,
// `notices` says so, with the nearest name.
void link_venue(Services& s, Event& e, std::vector<std::string>& notices) {
  e.venue_id.reset();
  if (text::trim(e.venue).empty()) {
    return;
  }
  venue::Services vs{s.db, s.ctx};
  if (auto v = venue::match(vs, e.venue)) {
    e.venue_id = v->id;
    e.venue = v->name;
    return;
  }
  if (!venue::register_empty(vs)) {
    const std::string near = venue::nearest(vs, e.venue);
    notices.push_back(near.empty() ? trf("venue «{}» is not in the register (omskplan venue add \"{}\")", e.venue, e.venue)
                                   : trf("venue «{}» is not in the register; did you mean «{}»? (or omskplan venue add "
                                         "\"{}\")",
                                         e.venue, near, e.venue));
  }
}

// An event id as typed for `option`.
std::int64_t parse_event_id(const std::string& typed, std::string_view option) {
  const std::string t = text::trim(typed);
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc{} || p != t.data() + t.size() || v <= 0) {
    throw InputError(trf("invalid {} '{}': expected an event id or none", option, typed));
  }
  return v;
}

// The conflicts of all `events` (just written), each pair once.
std::vector<Conflict> check_conflicts(Services& s, const std::vector<const Event*>& events) {
  std::vector<Conflict> out;
  std::set<std::tuple<int, std::int64_t, std::int64_t, std::string>> seen;
  for (const Event* e : events) {
    for (auto& c : check_conflicts(s, *e)) {
      if (seen.emplace(static_cast<int>(c.type), c.first_id, c.second_id, c.subject).second) {
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

// Refused with every conflict named, one after another on the one line.
void refuse_if(Services& s, const std::vector<Conflict>& conflicts, ConflictPolicy policy) {
  if (policy == ConflictPolicy::refuse && !conflicts.empty()) {
    std::string all;
    for (const auto& c : conflicts) {
      all += (all.empty() ? "" : "; ") + describe(c, *s.ctx.zone);
    }
    throw ConflictError(trnf("refused (--strict), {} conflict: {}", "refused (--strict), {} conflicts: {}",
                             static_cast<long>(conflicts.size()), conflicts.size(), all));
  }
}

// The days an event covers, as "2023-08-05" or "2023-08-05 – 2023-08-06".
std::pair<Date, Date> days_of(const Event& e, const time::TimeZone& zone) {
  const Date first = time::local_date(zone.to_local(e.start));
  const Date last = e.end > e.start ? time::local_date(zone.to_local(e.end - std::chrono::seconds{1})) : first;
  return {first, std::max(first, last)};
}

// A part's umbrella exists, is no part itself, and holds the part's start day;
// the part has no parts of its own. Sets part_of_uuid.
void check_part(Services& s, Event& e) {
  if (!e.part_of) {
    e.part_of_uuid.reset();
    return;
  }
  if (e.id != 0 && *e.part_of == e.id) {
    throw InputError(trf("event {} cannot be a part of itself", e.id));
  }
  const auto u = repo::load(s.db, *e.part_of);
  if (!u) {
    throw NotFound(trf("no event with id {} to be a part of", *e.part_of));
  }
  if (u->part_of) {
    throw InputError(trf("event {} is itself a part of event {}; a part has no parts", u->id, *u->part_of));
  }
  if (e.id != 0 && !repo::parts_of(s.db, e.id).empty()) {
    throw InputError(trf("event {} has parts of its own; it cannot be a part of event {}", e.id, u->id));
  }
  const auto [first, last] = days_of(*u, *s.ctx.zone);
  const Date day = time::local_date(s.ctx.zone->to_local(e.start));
  if (day < first || day > last) {
    throw InputError(trf("«{}» starts on {}, outside event {} «{}» ({}); a part starts on its umbrella's days", e.title,
                         time::format_date(day), u->id, u->title,
                         first == last ? time::format_date(first)
                                       : fmt::format("{} – {}", time::format_date(first), time::format_date(last))));
  }
  e.part_of_uuid = u->uuid;
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
    return {time::apply_offset_to_date(ctx.zone->to_local(e.start), *off, *ctx.calendar, e.deadline_days_off),
            off->text};
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
    e->parts.clear();
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
                         a.program == b.program && a.lessons == b.lessons &&
         a.part_of_uuid == b.part_of_uuid && a.deadline_days_off == b.deadline_days_off && a.venue_id == b.venue_id &&
         a.repeat == b.repeat && a.occurrence_of_uuid == b.occurrence_of_uuid &&
         (a.occurrence_of_uuid ? a.occurrence : std::nullopt) == (b.occurrence_of_uuid ? b.occurrence : std::nullopt);
}

// The day of an instant, in the zone.
Date day_of(Instant t, const time::Context& ctx) { return time::local_date(ctx.zone->to_local(t)); }

// The day of `t` on a series' own clock (its zone, else the configured one): the days its rule makes.
Date series_day(const Event& series, Instant t, const time::Context& ctx) {
  return time::local_date(series_zone(series, *ctx.zone).to_local(t));
}

// Checks and completes a series: its rule in canonical form, its start on a
// day the rule makes (`align`, said in `notices`), the end of its last
// occurrence. `strict`: a first day that is a day off with "skip" is refused
// (none of it would take place on its own first day).
void settle_series(Services& s, Event& e, bool align, bool strict, std::vector<std::string>& notices) {
  if (!e.repeat) {
    e.repeat_until.reset();
    return;
  }
  const auto rule = time::parse_recurrence(e.repeat->rule, "--repeat");
  e.repeat->rule = time::format_recurrence(rule);
  if (e.occurrence_of) {
    throw InputError(trf("event {} is one occurrence of event {}; it does not repeat itself", e.id, *e.occurrence_of));
  }
  if (e.part_of) {
    throw InputError(trf("«{}» is a part of event {}; a part does not repeat", e.title, *e.part_of));
  }
  if (!e.parts.empty() || (e.id != 0 && !repo::parts_of(s.db, e.id).empty())) {
    throw InputError(trf("«{}» has parts; an event with parts does not repeat", e.title));
  }
  if (!e.tasks.empty()) {
    throw InputError(trnf("«{}» has {} task; a repeating event has none (an occurrence changed on its own may: omskplan "
                          "event occurrence edit)",
                          "«{}» has {} tasks; a repeating event has none (an occurrence changed on its own may: "
                          "omskplan event occurrence edit)",
                          static_cast<long>(e.tasks.size()), e.title, e.tasks.size()));
  }
  const Date first = series_day(e, e.start, s.ctx);
  if (align) {
    const Date d = first_rule_day(rule, first);
    if (d != first) {
      const auto shift = d - first;
      const time::TimeZone& zone = series_zone(e, *s.ctx.zone);
      const LocalTime l = zone.to_local(e.start) + shift;
      const auto length = e.end - e.start;
      const Instant old_start = e.start;
      e.start = zone.to_instant(l);
      e.end = e.start + length;
      for (auto& p : e.program) {
        p.at += e.start - old_start;
      }
      notices.push_back(trf("{} is not a day the rule makes; the first occurrence is {}", time::format_date(first),
                            time::format_date(d)));
    }
  }
  const Date start_day = series_day(e, e.start, s.ctx);
  if (rule.until && *rule.until < start_day) {
    throw InputError(trf("the rule ends (UNTIL {}) before its first occurrence, {}", time::format_date(*rule.until),
                         time::format_date(start_day)));
  }
  if (strict && e.repeat->days_off == RepeatDaysOff::skip) {
    const auto year = occurrence_days(e, start_day, start_day + days{366}, *s.ctx.calendar, *s.ctx.zone);
    if (!year.empty() && std::none_of(year.begin(), year.end(), [](const OccurrenceDay& d) {
          return d.state != OccurrenceState::skipped;
        })) {
      throw InputError(trf("every occurrence of «{}» in its first year falls on a day off and --days-off skip leaves "
                           "them all out; give --days-off keep for an event held on days off (or next, previous)",
                           e.title));
    }
  }
  e.repeat_until = series_until(e, *s.ctx.calendar, *s.ctx.zone);
}

// An occurrence's own UID: its series' and the start the rule gives it, as
// iCalendar's RECURRENCE-ID writes it (a date for an all-day event, else UTC).
std::string occurrence_uuid(const Event& series, Date nominal, const time::Context& ctx) {
  const Event o = occurrence_event(series, {nominal, nominal, OccurrenceState::held}, *ctx.zone);
  if (series.all_day) {
    return fmt::format("{}/{:04}{:02}{:02}", series.uuid, time::year_of(nominal), time::month_of(nominal),
                       time::day_of(nominal));
  }
  std::string utc = time::format_utc(o.start);  // 2024-01-08T03:00:00Z
  std::erase(utc, '-');
  std::erase(utc, ':');
  return series.uuid + "/" + utc;
}

// A changed occurrence names a series that exists and repeats; sets occurrence_of_uuid.
void check_occurrence_link(Services& s, Event& e) {
  if (!e.occurrence_of) {
    e.occurrence_of_uuid.reset();
    e.occurrence.reset();
    return;
  }
  const auto series = repo::load(s.db, *e.occurrence_of);
  if (!series) {
    throw NotFound(trf("no event with id {} to be an occurrence of", *e.occurrence_of));
  }
  if (!series->repeat) {
    throw InputError(trf("event {} does not repeat; it has no occurrences", series->id));
  }
  if (!e.occurrence) {
    throw InputError(tr("a changed occurrence names the day its series' rule makes for it"));
  }
  e.occurrence_of_uuid = series->uuid;
}

}  // namespace

Event materialize(const event::EventTemplate& tmpl, Date date, std::optional<time::Minutes> start_clock,
                  std::optional<int> anniversary_base, const time::Context& ctx, time::DayOffRule days_off) {
  Event e;
  e.deadline_days_off = tmpl.deadline_days_off.value_or(days_off);
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
    task.due = time::apply_offset_to_date(local, t.due, *ctx.calendar, e.deadline_days_off);
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
    item.venue = p.venue;
    e.program.push_back(std::move(item));
  }
  std::stable_sort(e.program.begin(), e.program.end(), [](auto& a, auto& b) { return a.at < b.at; });
  for (std::size_t i = 0; i < e.program.size(); ++i) {
    e.program[i].no = static_cast<int>(i + 1);
  }
  // The programme of parts: each an event of its own on the umbrella's day.
  const time::Minutes day_clock = start_clock ? *start_clock : tmpl.start_time;
  for (const auto& tp : tmpl.parts) {
    Event part;
    part.uuid = new_uuid();
    part.title = tp.title;
    part.kind = tp.kind;
    part.level = e.level;
    const time::Minutes at = tp.clock ? *tp.clock - tmpl.start_time + day_clock : day_clock + time::Minutes{tp.offset->amount};
    part.start = ctx.zone->to_instant(LocalTime{date.time_since_epoch() + at});
    part.end = part.start + tp.duration;
    part.venue = tp.venue;
    part.organizer = tp.organizer.empty() ? e.organizer : tp.organizer;
    part.notes = tp.notes;
    part.deadline_days_off = e.deadline_days_off;
    for (const auto& who : tp.vips) {
      part.participants.push_back({who, "", true});
    }
    part.created = part.updated = ctx.now;
    e.parts.push_back(std::move(part));
  }
  std::stable_sort(e.parts.begin(), e.parts.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
  e.created = e.updated = ctx.now;
  return e;
}

namespace {

void prepare_new(Services& s, Event& e) {
  if (e.uuid.empty()) {
    e.uuid = new_uuid();
  }
  e.created = e.updated = s.ctx.now;
  resolve_owners(s, e);
  validate(e);
}

std::vector<const Event*> with_parts(const Event& e, const std::vector<Event>& parts) {
  std::vector<const Event*> all{&e};
  for (const auto& p : parts) {
    all.push_back(&p);
  }
  return all;
}

}  // namespace

RepeatDaysOff default_days_off(const Event& e, const time::Context& ctx) {
  const Date first = time::local_date(ctx.zone->to_local(e.start));
  const bool yearly = e.repeat && e.repeat->rule.find("YEARLY") != std::string::npos;
  return time::iso_weekday(first) >= 6 || (yearly && !ctx.calendar->is_working(first)) ? RepeatDaysOff::keep
                                                                                      : RepeatDaysOff::skip;
}

WriteResult create(Services& s, Event e, ConflictPolicy policy, const std::optional<RepeatSpec>& repeat) {
  std::vector<Event> parts = std::move(e.parts);
  e.parts.clear();
  prepare_new(s, e);
  if (e.part_of && !parts.empty()) {
    throw InputError(trf("«{}» has parts of its own; it cannot be a part of event {}", e.title, *e.part_of));
  }
  std::vector<std::string> notices;
  if (repeat) {
    e.repeat = Repeat{repeat->rule, RepeatDaysOff::skip, {}, {}};
    if (!parts.empty()) {
      throw InputError(trf("«{}» has parts; an event with parts does not repeat", e.title));
    }
    e.repeat->days_off = repeat->days_off.empty() ? default_days_off(e, s.ctx) : parse_repeat_days_off(repeat->days_off);
    settle_series(s, e, true, true, notices);
  }
  store::WriteTransaction tx(s.db);
  check_part(s, e);
  link_venue(s, e, notices);
  repo::insert(s.db, e);
  for (auto& p : parts) {
    prepare_new(s, p);
    p.part_of = e.id;
    check_part(s, p);
    link_venue(s, p, notices);
    repo::insert(s.db, p);
  }
  auto conflicts = check_conflicts(s, with_parts(e, parts));
  refuse_if(s, conflicts, policy);
  tx.commit();
  e.parts = std::move(parts);
  return {std::move(e), std::move(conflicts), true, std::move(notices)};
}

Event load_programme(Services& s, std::int64_t id) {
  Event e = load_event(s, id);
  e.parts = repo::parts_of(s.db, id);
  return e;
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

void for_each_event(Services& s, const EventFilter& f, Load load, const std::function<void(Event&&)>& each) {
  // The series' occurrences (few series, each a year ahead at most) are made
  // first and merged into the events as these are read, in (start, id) order.
  std::vector<Event> occurrences;
  for (const Event& se : repo::list_series(s.db, f, load)) {
    // An endless series without --to: its occurrences of the year ahead.
    const Instant from = f.from.value_or(se.start - days{14});
    const Date ahead = std::max(s.ctx.today(), day_of(from, s.ctx)) + days{366};
    const Instant to = f.to                ? *f.to
                       : se.repeat_until ? *se.repeat_until
                                         : s.ctx.zone->to_instant(LocalTime{ahead.time_since_epoch()});
    for (Event& o : occurrences_between(se, from, to, *s.ctx.calendar, *s.ctx.zone)) {
      occurrences.push_back(std::move(o));
    }
  }
  std::stable_sort(occurrences.begin(), occurrences.end(),
                   [](const Event& a, const Event& b) { return std::tie(a.start, a.id) < std::tie(b.start, b.id); });
  long passed = 0;
  const auto pass = [&](Event&& e) {
    if (!f.limit || passed < *f.limit) {
      ++passed;
      each(std::move(e));
    }
  };
  std::size_t next = 0;
  repo::for_each(s.db, f, load, [&](Event&& e) {
    while (next < occurrences.size() &&
           std::tie(occurrences[next].start, occurrences[next].id) < std::tie(e.start, e.id)) {
      pass(std::move(occurrences[next++]));
    }
    pass(std::move(e));
  });
  for (; next < occurrences.size(); ++next) {
    pass(std::move(occurrences[next]));
  }
}

std::vector<Event> list_events(Services& s, const EventFilter& f, Load load) {
  std::vector<Event> out;
  for_each_event(s, f, load, [&](Event&& e) { out.push_back(std::move(e)); });
  return out;
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

Event remove_event(Services& s, std::int64_t id, bool with_parts) {
  store::WriteTransaction tx(s.db);
  Event e = load_event(s, id);
  e.parts = repo::parts_of(s.db, id);
  if (!e.parts.empty() && !with_parts) {
    std::string ids;
    for (const auto& p : e.parts) {
      ids += (ids.empty() ? "" : ", ") + record_ref(p.id);
    }
    throw InputError(trnf("event {} has {} part ({}); remove it first or give --with-parts",
                          "event {} has {} parts ({}); remove them first or give --with-parts",
                          static_cast<long>(e.parts.size()), id, e.parts.size(), ids));
  }
  for (const auto& p : e.parts) {
    repo::remove(s.db, p);
  }
  // A series goes with its occurrences changed on their own.
  if (e.repeat) {
    for (const auto& o : repo::changed_occurrences(s.db, id)) {
      repo::remove(s.db, o);
    }
  }
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
  if (c.part_of) {
    if (text::fold(text::trim(*c.part_of)) == "none") {
      e.part_of.reset();
    } else {
      e.part_of = parse_event_id(*c.part_of, "--part-of");
    }
  }
  std::vector<std::string> notices;
  if ((c.repeat || c.days_off) && before.occurrence_of) {
    throw InputError(trf("event {} is one occurrence of event {}; its rule is that event's: omskplan event edit {} "
                         "--repeat …",
                         id, *before.occurrence_of, *before.occurrence_of));
  }
  bool align = c.start.has_value();
  bool detach = false;  // a series no more: its changed occurrences become events of their own
  if (c.repeat) {
    if (text::fold(text::trim(*c.repeat)) == "none") {
      detach = e.repeat.has_value();
      e.repeat.reset();
    } else {
      if (!e.repeat) {
        e.repeat = Repeat{*c.repeat, default_days_off(e, s.ctx), {}, {}};
      } else {
        e.repeat->rule = *c.repeat;
      }
      align = true;
    }
  }
  if (c.days_off) {
    if (!e.repeat) {
      throw InputError(trf("event {} does not repeat; --days-off is for a repeating event", id));
    }
    e.repeat->days_off = parse_repeat_days_off(*c.days_off);
  }
  resolve_owners(s, e);
  validate(e);
  check_part(s, e);
  settle_series(s, e, align, c.repeat || c.days_off || c.start, notices);
  if (e.repeat && before.repeat &&
      (e.repeat->rule != before.repeat->rule || series_day(e, e.start, s.ctx) != series_day(before, before.start, s.ctx))) {
    // Cancellations of days the rule no longer makes go.
    const auto rule = rule_of(e);
    const Date first = series_day(e, e.start, s.ctx);
    const auto n = std::erase_if(e.repeat->cancelled,
                                 [&](Date d) { return d != first && !time::rule_makes(rule, first, d); });
    if (n > 0) {
      notices.push_back(trnf("{} cancelled occurrence is no day of the rule now and is dropped",
                             "{} cancelled occurrences are no days of the rule now and are dropped",
                             static_cast<long>(n), n));
    }
  }
  if (c.venue) {
    link_venue(s, e, notices);
  }
  if (same_content(before, e)) {
    return {before, {}, false, std::move(notices)};
  }
  touch(e, s.ctx);
  repo::update(s.db, before, e);
  if (detach) {
    const auto changed = repo::changed_occurrences(s.db, id);
    for (const Event& o : changed) {
      Event q = o;
      q.occurrence_of.reset();
      q.occurrence_of_uuid.reset();
      q.occurrence.reset();
      touch(q, s.ctx);
      repo::update(s.db, o, q);
    }
    if (!changed.empty()) {
      notices.push_back(trnf("{} occurrence changed on its own is an event of its own now",
                             "{} occurrences changed on their own are events of their own now",
                             static_cast<long>(changed.size()), changed.size()));
    }
  }
  // An umbrella's parts move with it, by the days it moved.
  std::vector<Event> moved;
  if (e.start != before.start) {
    const auto day_shift = floor<days>(s.ctx.zone->to_local(e.start)) - floor<days>(s.ctx.zone->to_local(before.start));
    for (const Event& p : repo::parts_of(s.db, id)) {
      Event q = p;
      const LocalTime l = s.ctx.zone->to_local(p.start) + day_shift;
      q.start = s.ctx.zone->to_instant(l);
      q.end = q.start + (p.end - p.start);
      follow_start(q, p.start, s.ctx);
      touch(q, s.ctx);
      repo::update(s.db, p, q);
      moved.push_back(std::move(q));
    }
  }
  auto conflicts = check_conflicts(s, with_parts(e, moved));
  refuse_if(s, conflicts, policy);
  tx.commit();
  e.parts = std::move(moved);
  return {std::move(e), std::move(conflicts), true, std::move(notices)};
}

Event set_status(Services& s, std::int64_t id, Status status) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, id);
  if (before.status == status) {
    return before;
  }
  if (!status_transition_allowed(before.status, status)) {
    throw InputError(trf("event {} is {}; it cannot become {}", id, word(before.status),
                                 word(status)));
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
  if (before.repeat) {
    throw InputError(trf("event {} repeats; a task belongs to one occurrence: omskplan event occurrence edit {} DATE "
                         "makes it an event of its own",
                         event_id, event_id));
  }
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
  // Marking a done task done again keeps the day it was done, unless --on says otherwise.
  const bool keep = status == TaskStatus::done && t->status == TaskStatus::done && !on;
  t->status = status;
  if (!keep) {
    t->done_on = status == TaskStatus::done ? std::optional<Date>(on ? *on : s.ctx.today()) : std::nullopt;
  }
  if (t->done_on && *t->done_on > s.ctx.today()) {
    throw InputError(trf("--on {} is in the future", time::format_date(*t->done_on)));
  }
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
  auto events = events_around(s, from - s.travel_buffer, to + s.travel_buffer);
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

namespace {

// A copy of `old` starting at local `local`: open tasks (the cancelled left out
// unless `with_cancelled`, renumbered) counted again from their offsets, the run
// of show moved, the lessons carried with where they came from.
Event cloned(Services& s, const Event& old, LocalTime local, bool with_cancelled) {
  Event e = old;
  e.id = 0;
  e.uuid = new_uuid();
  e.status = Status::planned;
  e.sequence = 0;
  e.cloned_from = old.id;
  e.part_of.reset();
  e.part_of_uuid.reset();
  e.parts.clear();
  e.occurrence_of.reset();
  e.occurrence_of_uuid.reset();
  e.occurrence.reset();
  e.created = e.updated = s.ctx.now;
  const Date date = time::local_date(local);
  e.start = s.ctx.zone->to_instant(local);
  e.end = e.start + (old.end - old.start);
  if (e.title_pattern) {
    e.title = event::render_title(*e.title_pattern, date, e.anniversary_base);
  }
  if (e.anniversary_base) {
    e.ordinal = time::year_of(date) - *e.anniversary_base;
  }
  if (!with_cancelled) {
    std::erase_if(e.tasks, [](const Task& t) { return t.status == TaskStatus::cancelled; });
  }
  int no = 0;
  for (auto& t : e.tasks) {
    t.id = 0;
    t.no = ++no;
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
  return e;
}

}  // namespace

WriteResult clone(Services& s, std::int64_t id, Date date, ConflictPolicy policy, bool with_cancelled) {
  store::WriteTransaction tx(s.db);
  const Event old = load_event(s, id);
  if (old.repeat) {
    throw InputError(trf("event {} repeats; it needs no clone: its rule makes next year's occurrences (omskplan event "
                         "edit {} --repeat … changes it)",
                         id, id));
  }
  const LocalTime old_local = s.ctx.zone->to_local(old.start);
  const auto day_shift = date - time::local_date(old_local);
  Event e = cloned(s, old, old_local + day_shift, with_cancelled);
  repo::insert(s.db, e);
  // Its parts go with it, each as many days later as the umbrella.
  for (const Event& p : repo::parts_of(s.db, old.id)) {
    Event q = cloned(s, p, s.ctx.zone->to_local(p.start) + day_shift, with_cancelled);
    q.part_of = e.id;
    q.part_of_uuid = e.uuid;
    repo::insert(s.db, q);
    e.parts.push_back(std::move(q));
  }
  auto conflicts = check_conflicts(s, with_parts(e, e.parts));
  refuse_if(s, conflicts, policy);
  tx.commit();
  return {std::move(e), std::move(conflicts), true, {}};
}

// Imports one record inside the caller's transaction. A part whose umbrella
// is not in the database yet is linked when the import ends (`r.pending_parts`).
void import_record(Services& s, Event e, ImportResult& r) {
  validate(e);
  std::vector<std::string> unknown;  // an import names many venues; not said one by one
  link_venue(s, e, unknown);
  settle_series(s, e, false, false, unknown);
  std::optional<std::string> pending_series;
  if (e.occurrence_of_uuid) {
    e.occurrence_of = repo::find_by_uuid(s.db, *e.occurrence_of_uuid);
    if (!e.occurrence_of) {
      pending_series = e.occurrence_of_uuid;
      e.occurrence_of_uuid.reset();
    }
  }
  if (e.occurrence_of) {
    check_occurrence_link(s, e);
  }
  std::optional<std::string> pending_umbrella;
  if (e.part_of_uuid) {
    e.part_of = repo::find_by_uuid(s.db, *e.part_of_uuid);
    if (!e.part_of) {
      pending_umbrella = e.part_of_uuid;
      e.part_of_uuid.reset();
    }
  } else if (e.part_of && !repo::load(s.db, *e.part_of)) {
    throw NotFound(trf("no event with id {} to be a part of", *e.part_of));
  }
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
    if (pending_umbrella) {
      r.pending_parts.emplace_back(e.uuid, *pending_umbrella);
      e.part_of = before.part_of;  // linked at the end
      e.part_of_uuid = before.part_of_uuid;
    }
    if (pending_series) {
      if (!e.occurrence) {
        throw InputError(tr("field 'occurrence': missing: the day the series' rule makes for this occurrence"));
      }
      r.pending_occurrences.push_back({e.uuid, *pending_series, *e.occurrence});
      e.occurrence_of = before.occurrence_of;
      e.occurrence_of_uuid = before.occurrence_of_uuid;
      e.occurrence = before.occurrence;
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
  if (pending_umbrella) {
    r.pending_parts.emplace_back(e.uuid, *pending_umbrella);
  }
  if (pending_series) {
    if (!e.occurrence) {
      throw InputError(tr("field 'occurrence': missing: the day the series' rule makes for this occurrence"));
    }
    r.pending_occurrences.push_back({e.uuid, *pending_series, *e.occurrence});  // linked at the end
  }
  if (e.cloned_from && !repo::load(s.db, *e.cloned_from)) {
    e.cloned_from.reset();
  }
  repo::insert(s.db, e);
  ++r.created;
}

void link_pending_parts(Services& s, ImportResult& r) {
  for (const auto& [part_uuid, umbrella_uuid] : r.pending_parts) {
    const auto umbrella = repo::find_by_uuid(s.db, umbrella_uuid);
    if (!umbrella) {
      throw InputError(trf("event {} is a part of event {}, which is neither in the file nor in the database",
                           part_uuid, umbrella_uuid));
    }
    const auto part_id = repo::find_by_uuid(s.db, part_uuid);
    Event before = *repo::load(s.db, *part_id);
    Event e = before;
    e.part_of = umbrella;
    check_part(s, e);
    repo::update(s.db, before, e);
  }
  r.pending_parts.clear();
  for (const auto& p : r.pending_occurrences) {
    const auto series = repo::find_by_uuid(s.db, p.series_uuid);
    if (!series) {
      throw InputError(trf("event {} is an occurrence of event {}, which is neither in the file nor in the database",
                           p.uuid, p.series_uuid));
    }
    const auto id = repo::find_by_uuid(s.db, p.uuid);
    Event before = *repo::load(s.db, *id);
    Event e = before;
    e.occurrence_of = series;
    e.occurrence = p.day;
    check_occurrence_link(s, e);
    repo::update(s.db, before, e);
  }
  r.pending_occurrences.clear();
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
  link_pending_parts(s, r);
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


Task edit_task(Services& s, std::int64_t event_id, int task_no, const TaskChanges& c) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  Task* t = find_task(e, task_no);
  if (c.title) {
    t->title = text::trim(*c.title);
    if (t->title.empty()) {
      throw InputError(tr("the task title is empty"));
    }
  }
  if (c.due) {
    std::tie(t->due, t->due_offset) = resolve_due(*c.due, e, s.ctx);
  }
  if (c.owner) {
    t->owner = text::trim(*c.owner);
  }
  if (c.note) {
    t->note = text::trim(*c.note);
  }
  resolve_owners(s, e);
  validate(e);
  const Task result = *find_task(e, task_no);
  if (repo::update(s.db, before, e)) {
    tx.commit();
  }
  return result;
}

std::vector<Task> move_task(Services& s, std::int64_t event_id, int task_no, int to) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  find_task(e, task_no);
  if (to < 1 || to > static_cast<int>(e.tasks.size())) {
    throw InputError(trf("--to {} is out of range 1–{}", to, e.tasks.size()));
  }
  std::vector<Task> order = e.tasks;  // by number
  const auto from = std::find_if(order.begin(), order.end(), [&](const Task& t) { return t.no == task_no; });
  Task moving = *from;
  order.erase(from);
  order.insert(order.begin() + (to - 1), moving);
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i].no = static_cast<int>(i + 1);
  }
  e.tasks = order;
  repo::update(s.db, before, e);
  tx.commit();
  return e.tasks;
}

std::string due_warning(const Task& t, Date today, const time::ProductionCalendar& cal) {
  if (t.status != TaskStatus::todo) {
    return {};
  }
  if (t.due < today) {
    return trf("task {} is due on {}, already past", t.no, time::format_date(t.due));
  }
  if (!cal.is_working(t.due)) {
    return trf("task {} is due on {}, a day off", t.no, time::format_date(t.due));
  }
  return {};
}

namespace {

ProgramItem* find_item(Event& e, int no) {
  auto it = std::find_if(e.program.begin(), e.program.end(), [&](const ProgramItem& p) { return p.no == no; });
  if (it == e.program.end()) {
    throw NotFound(trf("event {} has no run-of-show item {}", e.id, no));
  }
  return &*it;
}

// `at` as typed: a clock time on the event's first day, an offset from its
// start, or a date and time.
void set_item_time(ProgramItem& p, const std::string& at, const Event& e, const time::Context& ctx) {
  const std::string a = text::trim(at);
  const LocalTime local = ctx.zone->to_local(e.start);
  if (auto clock = time::parse_clock(a)) {
    p.at = ctx.zone->to_instant(LocalTime{floor<days>(local).time_since_epoch()} + *clock);
    p.at_spec = fmt::format("{:02}:{:02}", clock->count() / 60, clock->count() % 60);
  } else if (auto off = time::parse_offset(a)) {
    p.at = ctx.zone->to_instant(time::apply_offset_to_time(local, *off, *ctx.calendar));
    p.at_spec = off->text;
  } else {
    try {
      p.at = time::parse_datetime(a, ctx).instant;
    } catch (const InputError&) {
      throw InputError(trf("invalid --at '{}': expected a time (18:00), an offset from the start (+30m) or a date "
                           "and time (2023-08-05 18:00)",
                           at));
    }
    p.at_spec.reset();
  }
}

void apply_item_changes(ProgramItem& p, const ProgramChanges& c, const Event& e, const time::Context& ctx) {
  if (c.at) {
    set_item_time(p, *c.at, e, ctx);
  }
  if (c.duration) {
    p.duration = text::trim(*c.duration) == "0" ? time::Minutes{0} : time::parse_duration(*c.duration);
  }
  if (c.title) {
    p.title = text::trim(*c.title);
  }
  if (c.responsible) {
    p.responsible = text::trim(*c.responsible);
  }
  if (c.venue) {
    p.venue = text::trim(*c.venue);
  }
  if (p.title.empty()) {
    throw InputError(tr("the run-of-show item's title is empty"));
  }
  text::check_field(tr("the run-of-show item"), p.title, kMaxTitleBytes, true);
  text::check_field(tr("the responsible"), p.responsible, kMaxTitleBytes, true);
  text::check_field(tr("the place"), p.venue, kMaxTitleBytes, true);
  // The run of show and the event's times agree.
  if (p.at < e.start || p.at + p.duration > e.end) {
    const auto span = [&](time::Instant a, time::Instant b) {
      return fmt::format("{}–{}", time::format_local(ctx.zone->to_local(a)), time::format_clock(ctx.zone->to_local(b)));
    };
    throw InputError(trf("run-of-show item «{}» ({}) is outside the event ({}); change the item or the event's times",
                         p.title, span(p.at, p.at + p.duration), span(e.start, e.end)));
  }
}

// Time order, items at the same time in the order they had; numbered 1, 2, …
void renumber_program(Event& e) {
  std::stable_sort(e.program.begin(), e.program.end(), [](const ProgramItem& a, const ProgramItem& b) { return a.at < b.at; });
  for (std::size_t i = 0; i < e.program.size(); ++i) {
    e.program[i].no = static_cast<int>(i + 1);
  }
}

}  // namespace

ProgramItem add_program_item(Services& s, std::int64_t event_id, const ProgramChanges& c) {
  if (!c.at || !c.title) {
    throw InputError(tr("a run-of-show item needs --at and a title"));
  }
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  ProgramItem p;
  apply_item_changes(p, c, e, s.ctx);
  // It goes after the items at the same time or earlier.
  const auto position = std::count_if(e.program.begin(), e.program.end(), [&](const ProgramItem& x) { return x.at <= p.at; });
  e.program.push_back(p);
  renumber_program(e);
  const ProgramItem added = e.program[static_cast<std::size_t>(position)];
  touch(e, s.ctx);
  repo::update(s.db, before, e);
  tx.commit();
  return added;
}

ProgramItem edit_program_item(Services& s, std::int64_t event_id, int item_no, const ProgramChanges& c) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  ProgramItem* p = find_item(e, item_no);
  apply_item_changes(*p, c, e, s.ctx);
  const ProgramItem edited = *p;
  renumber_program(e);
  if (e.program != before.program) {
    touch(e, s.ctx);
    repo::update(s.db, before, e);
    tx.commit();
  }
  for (const auto& x : e.program) {
    if (x.at == edited.at && x.title == edited.title && x.responsible == edited.responsible && x.venue == edited.venue) {
      return x;
    }
  }
  return edited;
}

ProgramItem remove_program_item(Services& s, std::int64_t event_id, int item_no) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  const ProgramItem removed = *find_item(e, item_no);
  std::erase_if(e.program, [&](const ProgramItem& x) { return x.no == item_no; });
  renumber_program(e);
  touch(e, s.ctx);
  repo::update(s.db, before, e);
  tx.commit();
  return removed;
}

std::vector<ProgramItem> move_program_item(Services& s, std::int64_t event_id, int item_no, int to) {
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, event_id);
  Event e = before;
  const ProgramItem moving = *find_item(e, item_no);
  if (to < 1 || to > static_cast<int>(e.program.size())) {
    throw InputError(trf("--to {} is out of range 1–{}", to, e.program.size()));
  }
  const ProgramItem& target = e.program[static_cast<std::size_t>(to - 1)];
  if (target.at != moving.at) {
    throw InputError(trf("item {} at {} cannot take place {} (at {}): the run of show is in time order; change its "
                         "time with 'event program edit {} {} --at …'",
                         item_no, time::format_clock(s.ctx.zone->to_local(moving.at)), to,
                         time::format_clock(s.ctx.zone->to_local(target.at)), event_id, item_no));
  }
  std::erase_if(e.program, [&](const ProgramItem& x) { return x.no == item_no; });
  e.program.insert(e.program.begin() + (to - 1), moving);
  for (std::size_t i = 0; i < e.program.size(); ++i) {
    e.program[i].no = static_cast<int>(i + 1);
  }
  if (e.program != before.program) {
    touch(e, s.ctx);
    repo::update(s.db, before, e);
    tx.commit();
  }
  return e.program;
}

WriteResult replace_from_file(Services& s, std::int64_t id, std::string_view text_, const std::string& origin,
                              ConflictPolicy policy) {
  const std::string trimmed = text::trim(text_);
  const bool is_json = !trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[');
  nlohmann::json j;
  if (is_json) {
    j = nlohmann::json::parse(text_, nullptr, false);
    if (j.is_discarded()) {
      throw InputError(trf("{}: not valid JSON", origin));
    }
  } else {
    j = toml_input::to_json(text_, origin);
  }
  if (!j.is_object()) {
    throw InputError(trf("{}: expected one event (an object), as 'event show --json' prints it", origin));
  }
  // What the database keeps for itself is not the file's to change.
  for (const char* key : {"plan_items", "created", "updated", "sequence", "cloned_from", "part_of_uuid", "occurrence",
                          "occurrence_of", "occurrence_of_uuid"}) {
    j.erase(key);
  }
  store::WriteTransaction tx(s.db);
  const Event before = load_event(s, id);
  Event e;
  try {
    if (j.contains("id") && j["id"] != id) {
      throw InputError(trf("field 'id': {} is not event {}", j["id"].dump(), id));
    }
    if (j.contains("uuid") && j["uuid"] != before.uuid) {
      throw InputError(trf("field 'uuid': {} is not the UID of event {}", j["uuid"].dump(), id));
    }
    e = from_json(j, s.ctx);
  } catch (const InputError& err) {
    throw InputError(fmt::format("{}: {}", origin, err.what()));
  }
  e.id = before.id;
  e.uuid = before.uuid;
  e.created = before.created;
  e.cloned_from = before.cloned_from;
  e.sequence = before.sequence;
  e.updated = before.updated;
  if (!j.contains("part_of")) {
    e.part_of = before.part_of;
  }
  e.occurrence_of = before.occurrence_of;
  e.occurrence_of_uuid = before.occurrence_of_uuid;
  e.occurrence = before.occurrence;
  resolve_owners(s, e);
  validate(e);
  check_part(s, e);
  std::vector<std::string> notices;
  settle_series(s, e, false, true, notices);
  link_venue(s, e, notices);
  if (same_content(before, e)) {
    return {before, {}, false, std::move(notices)};
  }
  touch(e, s.ctx);
  repo::update(s.db, before, e);
  auto conflicts = check_conflicts(s, e);
  refuse_if(s, conflicts, policy);
  tx.commit();
  return {std::move(e), std::move(conflicts), true, std::move(notices)};
}


namespace {

Event load_series(Services& s, std::int64_t id) {
  Event e = load_event(s, id);
  if (e.occurrence_of) {
    throw InputError(trf("event {} is the {} occurrence of event {}, changed on its own: omskplan event edit {} "
                         "changes it",
                         id, time::format_date(*e.occurrence), *e.occurrence_of, id));
  }
  if (!e.repeat) {
    throw InputError(trf("event {} «{}» does not repeat (omskplan event edit {} --repeat … makes it)", id, e.title, id));
  }
  return e;
}

// The occurrence of `series` named by `typed`: the day it is held, else the day its rule makes.
OccurrenceDay find_occurrence(Services& s, const Event& series, const std::string& typed) {
  const Date d = time::parse_date(typed, s.ctx);
  const auto near = occurrence_days(series, d - days{31}, d + days{31}, *s.ctx.calendar, *s.ctx.zone);
  for (const auto& o : near) {
    if (o.day == d && (o.state == OccurrenceState::held || o.state == OccurrenceState::moved)) {
      return o;
    }
  }
  for (const auto& o : near) {
    if (o.nominal == d) {
      return o;
    }
  }
  std::optional<Date> before, after;
  for (const auto& o : near) {
    if (o.state == OccurrenceState::held || o.state == OccurrenceState::moved) {
      if (o.day < d) {
        before = o.day;
      } else if (!after) {
        after = o.day;
      }
    }
  }
  std::string hint;
  if (before || after) {
    hint = "; " + trf("the nearest: {}", before && after ? fmt::format("{}, {}", time::format_date(*before),
                                                                        time::format_date(*after))
                                                        : time::format_date(before ? *before : *after));
  }
  throw NotFound(trf("event {} «{}» has no occurrence on {}{}", series.id, series.title, time::format_date(d), hint));
}

std::optional<Event> changed_on(Services& s, std::int64_t series_id, Date nominal) {
  for (auto& e : repo::changed_occurrences(s.db, series_id)) {
    if (e.occurrence == nominal) {
      return e;
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<OccurrenceRow> list_occurrences(Services& s, std::int64_t id, const std::string& from,
                                            const std::string& to, std::optional<long> limit) {
  const Event series = load_series(s, id);
  const Date first = from.empty() ? series_day(series, series.start, s.ctx) : time::parse_date_span(from, s.ctx).first;
  Date last = to.empty() ? first + days{365} : time::parse_date_span(to, s.ctx).last;
  if (to.empty() && series.repeat_until) {
    last = std::min(last, day_of(*series.repeat_until, s.ctx));
  }
  if (last < first) {
    throw InputError(trf("--to {} is before --from {}", time::format_date(last), time::format_date(first)));
  }
  if (limit && *limit <= 0) {
    throw InputError(tr("--limit must be positive"));
  }
  std::map<Date, Event> changed;
  for (auto& e : repo::changed_occurrences(s.db, id)) {
    changed.emplace(*e.occurrence, std::move(e));
  }
  std::vector<OccurrenceRow> out;
  for (const auto& d : occurrence_days(series, first, last, *s.ctx.calendar, *s.ctx.zone)) {
    if (limit && out.size() >= static_cast<std::size_t>(*limit)) {
      break;
    }
    if (auto c = changed.find(d.nominal); c != changed.end() && d.state == OccurrenceState::changed) {
      out.push_back({d, c->second});
    } else {
      out.push_back({d, occurrence_event(series, d, *s.ctx.zone)});
    }
  }
  return out;
}

OccurrenceResult cancel_occurrence(Services& s, std::int64_t id, const std::string& day) {
  store::WriteTransaction tx(s.db);
  const Event before = load_series(s, id);
  const OccurrenceDay o = find_occurrence(s, before, day);
  OccurrenceResult r{before, o, true};
  if (o.state == OccurrenceState::cancelled) {
    r.changed = false;
    return r;
  }
  if (o.state == OccurrenceState::changed) {
    const Event was = *changed_on(s, id, o.nominal);
    if (was.status == Status::cancelled) {
      r.changed = false;
      return r;
    }
    set_status(s, was.id, Status::cancelled);
  } else {
    Event e = before;
    e.repeat->cancelled.push_back(o.nominal);
    std::sort(e.repeat->cancelled.begin(), e.repeat->cancelled.end());
    touch(e, s.ctx);
    repo::update(s.db, before, e);
    r.series = e;
  }
  r.day.state = OccurrenceState::cancelled;
  tx.commit();
  return r;
}

OccurrenceResult restore_occurrence(Services& s, std::int64_t id, const std::string& day) {
  store::WriteTransaction tx(s.db);
  const Event before = load_series(s, id);
  OccurrenceDay o = find_occurrence(s, before, day);
  OccurrenceResult r{before, o, false};
  if (o.state == OccurrenceState::cancelled) {
    Event e = before;
    std::erase(e.repeat->cancelled, o.nominal);
    touch(e, s.ctx);
    repo::update(s.db, before, e);
    r.series = e;
    r.changed = true;
    // What it is now: held, moved or skipped on a day off.
    for (const auto& d : occurrence_days(e, o.nominal - days{1}, o.nominal + days{31}, *s.ctx.calendar, *s.ctx.zone)) {
      if (d.nominal == o.nominal) {
        r.day = d;
      }
    }
  } else if (o.state == OccurrenceState::changed) {
    const Event was = *changed_on(s, id, o.nominal);
    if (was.status == Status::cancelled) {
      set_status(s, was.id, Status::planned);
      r.changed = true;
    }
  }
  tx.commit();
  return r;
}

WriteResult edit_occurrence(Services& s, std::int64_t id, const std::string& day, const EventChanges& c,
                            bool following, ConflictPolicy policy) {
  store::WriteTransaction tx(s.db);
  const Event series = load_series(s, id);
  const OccurrenceDay o = find_occurrence(s, series, day);
  if (c.part_of) {
    throw InputError(tr("an occurrence of a repeating event is no part of another event (--part-of)"));
  }
  if (!following) {
    if (c.repeat || c.days_off) {
      throw InputError(tr("one occurrence has no rule of its own; --following changes the rule from it on"));
    }
    if (o.state == OccurrenceState::cancelled) {
      throw InputError(trf("the {} occurrence of event {} is cancelled; omskplan event occurrence restore {} {} "
                           "brings it back",
                           time::format_date(o.nominal), id, id, time::format_date(o.nominal)));
    }
    if (o.state == OccurrenceState::changed) {
      auto res = edit(s, changed_on(s, id, o.nominal)->id, c, policy);
      tx.commit();
      return res;
    }
    // The occurrence becomes an event of its own, as iCalendar's RECURRENCE-ID.
    Event occ = occurrence_event(series, o, *s.ctx.zone);
    occ.id = 0;
    occ.uuid = occurrence_uuid(series, o.nominal, s.ctx);
    occ.repeat.reset();
    occ.repeat_until.reset();
    occ.series_start.reset();
    occ.occurrence_of = series.id;
    occ.occurrence_of_uuid = series.uuid;
    occ.occurrence = o.nominal;
    occ.lessons.clear();
    occ.sequence = 0;
    occ.created = occ.updated = s.ctx.now;
    check_occurrence_link(s, occ);
    repo::insert(s.db, occ);
    auto res = edit(s, occ.id, c, policy);
    if (!res.changed) {
      res.event = occ;
      res.changed = true;
    }
    tx.commit();
    return res;
  }
  const Date first = series_day(series, series.start, s.ctx);
  if (o.nominal == first) {
    auto res = edit(s, id, c, policy);
    tx.commit();
    return res;
  }
  // This and the following: the series ends the day before; a copy goes on from here.
  const auto rule = rule_of(series);
  long before_count = 0;
  time::for_each_day(rule, first, o.nominal - days{1}, [&](Date) {
    ++before_count;
    return true;
  });
  Event old = series;
  auto old_rule = rule;
  old_rule.count.reset();
  old_rule.until = o.nominal - days{1};
  old.repeat->rule = time::format_recurrence(old_rule);
  std::erase_if(old.repeat->cancelled, [&](Date d) { return d >= o.nominal; });
  old.repeat_until = series_until(old, *s.ctx.calendar, *s.ctx.zone);
  touch(old, s.ctx);
  repo::update(s.db, series, old);

  Event next = series;
  next.id = 0;
  next.uuid = new_uuid();
  auto next_rule = rule;
  if (rule.count) {
    next_rule.count = static_cast<int>(*rule.count - before_count);
  }
  next.repeat->rule = time::format_recurrence(next_rule);
  std::erase_if(next.repeat->cancelled, [&](Date d) { return d < o.nominal; });
  const Event at = occurrence_event(series, {o.nominal, o.nominal, OccurrenceState::held}, *s.ctx.zone);
  next.start = at.start;
  next.end = at.end;
  next.program = at.program;
  next.changed_days.clear();
  next.sequence = 0;
  next.created = next.updated = s.ctx.now;
  std::vector<std::string> notices;
  settle_series(s, next, false, false, notices);
  repo::insert(s.db, next);
  for (const Event& ch : repo::changed_occurrences(s.db, id)) {
    if (*ch.occurrence >= o.nominal) {
      Event q = ch;
      q.occurrence_of = next.id;
      q.occurrence_of_uuid = next.uuid;
      q.uuid = occurrence_uuid(next, *ch.occurrence, s.ctx);
      repo::update(s.db, ch, q);
    }
  }
  auto res = edit(s, next.id, c, policy);
  if (!res.changed) {
    res.event = *repo::load(s.db, next.id);
    res.changed = true;
  }
  res.notices.insert(res.notices.begin(),
                     trf("event {} now ends on {}; from {} on it is event {}", id,
                         time::format_date(o.nominal - days{1}), time::format_date(o.nominal), next.id));
  tx.commit();
  return res;
}

SeriesExport series_export(Services& s, std::int64_t id) {
  SeriesExport x{load_series(s, id), {}, repo::changed_occurrences(s.db, id)};
  const auto years = time::ProductionCalendar::built_in_years();
  const int last_year = std::max(time::year_of(s.ctx.today()) + 1, years.empty() ? 0 : years.back());
  // Short of the year's end by as much as an occurrence may move, so no day of a year without data is asked.
  Date last = time::make_date(last_year, 12, 31) - days{15};
  if (x.series.repeat_until) {
    last = day_of(*x.series.repeat_until, s.ctx);
  }
  for (const auto& d : occurrence_days(x.series, series_day(x.series, x.series.start, s.ctx) - days{14}, last, *s.ctx.calendar,
                                       *s.ctx.zone)) {
    if (d.state != OccurrenceState::held && d.state != OccurrenceState::changed) {
      x.exceptions.push_back(d);
    }
  }
  return x;
}

VenueMerge merge_venues(Services& s, const std::string& from_ref, const std::string& into_ref) {
  store::WriteTransaction tx(s.db);
  venue::Services vs{s.db, s.ctx};
  const venue::Venue from = venue::resolve(vs, from_ref);
  const venue::Venue into = venue::resolve(vs, into_ref);
  VenueMerge m;
  // The events first: the venue they leave is then free to go.
  if (from.id != into.id) {
    for (const std::int64_t id : repo::ids_at_venue(s.db, from.id)) {
      const Event before = *repo::load(s.db, id);
      Event e = before;
      e.venue_id = into.id;
      e.venue = into.name;
      touch(e, s.ctx);
      repo::update(s.db, before, e);
      ++m.events;
    }
  }
  std::tie(m.from, m.into) = venue::absorb(vs, from_ref, into_ref);
  tx.commit();
  return m;
}

}  // namespace omskplan::event
