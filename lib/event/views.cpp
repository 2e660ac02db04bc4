#include "event/views.hpp"
#include "core/russian.hpp"
#include "core/i18n.hpp"

#include "core/text.hpp"
#include "event/json.hpp"

#include <fmt/format.h>

namespace omskplan::event {

using namespace std::chrono;
using render::Column;
using render::Table;
using render::Tone;

std::string format_span(const Event& e, const time::TimeZone& zone) {
  const auto ls = zone.to_local(e.start);
  const auto le = zone.to_local(e.end);
  if (e.all_day) {
    const auto sd = time::local_date(ls);
    auto ed = time::local_date(le);
    if (ed > sd && le == time::LocalTime{ed.time_since_epoch()}) {
      ed -= days{1};  // the end is exclusive midnight
    }
    return ed <= sd ? time::format_date(sd) : fmt::format("{} – {}", time::format_date(sd), time::format_date(ed));
  }
  if (time::local_date(ls) == time::local_date(le)) {
    return fmt::format("{}–{}", time::format_local(ls), time::format_clock(le));
  }
  return fmt::format("{} – {}", time::format_local(ls), time::format_local(le));
}

Table events_columns() {
  Table t;
  t.columns = {{"id", N_("ID"), true},       {"start", N_("START")}, {"end", N_("END")},       {"title", N_("TITLE"), false, 70},
               {"kind", N_("KIND"), false, 60, say_kind}, {"level", N_("LEVEL"), false, 60, say_level},
               {"venue", N_("VENUE"), false, 40},        {"status", N_("STATUS"), false, 60, say_status}};
  return t;
}

render::Row event_row(const Event& e, const time::TimeZone& zone) {
  const auto ls = zone.to_local(e.start);
  const auto le = zone.to_local(e.end);
  const Tone tone = e.status == Status::cancelled ? Tone::dim
                    : e.status == Status::held    ? Tone::good
                                                  : Tone::plain;
  return {{std::to_string(e.id), e.all_day ? time::format_date(time::local_date(ls)) : time::format_local(ls),
           e.all_day ? time::format_date(time::local_date(le)) : time::format_local(le), e.title,
           std::string(to_string(e.kind)), std::string(to_string(e.level)), e.venue, std::string(to_string(e.status))},
          tone};
}

Table events_table(const std::vector<Event>& events, const time::TimeZone& zone) {
  Table t = events_columns();
  for (const auto& e : events) {
    t.add(event_row(e, zone));
  }
  return t;
}

std::vector<const Task*> tasks_by_due(const Event& e) {
  std::vector<const Task*> out;
  for (const auto& t : e.tasks) {
    out.push_back(&t);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Task* a, const Task* b) { return a->due < b->due || (a->due == b->due && a->no < b->no); });
  return out;
}

Table tasks_table(const Event& e, time::Date today) {
  Table t;
  t.columns = {{"no", N_("NO"), true},        {"due", N_("DUE")},    {"offset", N_("OFFSET")},
               {"status", N_("STATUS"), false, 60, say_task_status}, {"done_on", N_("DONE")},
               {"owner", N_("OWNER"), false, 40},
               {"title", N_("TITLE"), false, 80}};
  for (const Task* tp : tasks_by_due(e)) {
    const Task& task = *tp;
    Tone tone = Tone::plain;
    if (task.status == TaskStatus::done) {
      tone = Tone::good;
    } else if (task.status == TaskStatus::cancelled) {
      tone = Tone::dim;
    } else if (task.due < today) {
      tone = Tone::bad;
    } else if (task.due == today) {
      tone = Tone::warn;
    }
    t.add({std::to_string(task.no), time::format_date(task.due), task.due_offset.value_or(""),
           std::string(to_string(task.status)), task.done_on ? time::format_date(*task.done_on) : "", task.owner,
           task.title},
          tone);
  }
  return t;
}

Table parts_table(const Event& e, const time::TimeZone& zone) {
  Table t;
  t.columns = {{"id", N_("ID"), true},          {"when", N_("WHEN")},         {"title", N_("TITLE"), false, 70},
               {"venue", N_("VENUE"), false, 40}, {"vips", N_("VIP"), false, 50}, {"status", N_("STATUS"), false, 60, say_status}};
  const auto day = time::local_date(zone.to_local(e.start));
  for (const auto& p : e.parts) {
    const auto ls = zone.to_local(p.start);
    const auto le = zone.to_local(p.end);
    std::string vips;
    for (const auto& who : p.participants) {
      if (who.vip) {
        vips += (vips.empty() ? "" : ", ") + who.who;
      }
    }
    const std::string when = time::local_date(ls) == day && time::local_date(le) == day
                                 ? fmt::format("{}–{}", time::format_clock(ls), time::format_clock(le))
                                 : format_span(p, zone);
    t.add({std::to_string(p.id), when, p.title, p.venue, vips, std::string(to_string(p.status))},
          p.status == Status::cancelled ? Tone::dim : Tone::plain);
  }
  return t;
}

Table program_table(const Event& e, const time::TimeZone& zone) {
  Table t;
  t.columns = {{"no", N_("NO"), true},
               {"at", N_("AT")},
               {"duration", N_("MIN"), true},
               {"title", N_("TITLE"), false, 80},
               {"responsible", N_("RESPONSIBLE"), false, 40},
               {"venue", N_("WHERE"), false, 40}};
  const auto start_day = time::local_date(zone.to_local(e.start));
  for (const auto& p : e.program) {
    const auto l = zone.to_local(p.at);
    t.add({std::to_string(p.no), time::local_date(l) == start_day ? time::format_clock(l) : time::format_local(l),
           std::to_string(p.duration.count()), p.title, p.responsible, p.venue});
  }
  return t;
}

namespace {

std::string days_word(long d) {
  if (d == 0) {
    return tr("today");
  }
  return d < 0 ? trf("{}d overdue", -d) : trf("in {}d", d);
}

}  // namespace

Table agenda_table(const Agenda& a, time::Date today, const time::TimeZone& zone) {
  Table t;
  t.columns = {{"due", N_("DUE")},          {"when", N_("WHEN")},
               {"event_id", N_("EVENT"), true}, {"task_no", N_("TASK"), true},
               {"title", N_("TITLE"), false, 60}, {"owner", N_("OWNER"), false, 36},
               {"event_title", N_("FOR EVENT"), false, 50}, {"event_start", N_("EVENT START")}};
  for (const auto& r : a.rows) {
    const long d = (r.task.due - today).count();
    t.add({time::format_date(r.task.due), days_word(d), std::to_string(r.event_id), std::to_string(r.task.no),
           r.task.title, r.task.owner, r.event_title, time::format_local(zone.to_local(r.event_start))},
          d < 0 ? Tone::bad : d == 0 ? Tone::warn : Tone::plain);
  }
  return t;
}

nlohmann::ordered_json agenda_json(const Agenda& a, time::Date today, const time::TimeZone& zone) {
  nlohmann::ordered_json j;
  j["today"] = time::format_date(today);
  j["overdue"] = a.overdue;
  j["tasks"] = nlohmann::ordered_json::array();
  for (const auto& r : a.rows) {
    nlohmann::ordered_json row;
    row["event_id"] = r.event_id;
    row["event_title"] = r.event_title;
    row["event_start"] = format_local_iso(r.event_start, zone);
    row["no"] = r.task.no;
    row["title"] = r.task.title;
    row["owner"] = r.task.owner;
    row["due"] = time::format_date(r.task.due);
    row["due_offset"] = r.task.due_offset ? nlohmann::ordered_json(*r.task.due_offset) : nullptr;
    row["days_left"] = (r.task.due - today).count();
    row["overdue"] = r.task.due < today;
    j["tasks"].push_back(std::move(row));
  }
  return j;
}

Table conflicts_table(const std::vector<Conflict>& cs, const time::TimeZone& zone) {
  Table t;
  t.columns = {{"type", N_("TYPE"), false, 60, say_conflict_type},
               {"subject", N_("VENUE / VIP"), false, 40},
               {"first_id", N_("EVENT"), true},
               {"first_time", N_("TIME")},
               {"second_id", N_("EVENT"), true},
               {"second_time", N_("TIME")},
               {"gap_min", N_("GAP MIN"), true},
               {"titles", N_("EVENTS"), false, 90}};
  for (const auto& c : cs) {
    auto span = [&](time::Instant s, time::Instant e) {
      Event tmp;
      tmp.start = s;
      tmp.end = e;
      return format_span(tmp, zone);
    };
    t.add({std::string(to_string(c.type)), c.subject, std::to_string(c.first_id), span(c.first_start, c.first_end),
           std::to_string(c.second_id), span(c.second_start, c.second_end), std::to_string(c.gap_minutes),
           russian::quoted(c.first_title) + " / " + russian::quoted(c.second_title)},
          c.gap_minutes < 0 ? Tone::bad : Tone::warn);
  }
  return t;
}

nlohmann::ordered_json conflicts_json(const std::vector<Conflict>& cs, const time::TimeZone& zone) {
  auto j = nlohmann::ordered_json::array();
  for (const auto& c : cs) {
    nlohmann::ordered_json row;
    row["type"] = to_string(c.type);
    row["subject"] = c.subject;
    row["gap_minutes"] = c.gap_minutes;
    row["first"] = {{"id", c.first_id},
                    {"title", c.first_title},
                    {"start", format_local_iso(c.first_start, zone)},
                    {"end", format_local_iso(c.first_end, zone)}};
    row["second"] = {{"id", c.second_id},
                     {"title", c.second_title},
                     {"start", format_local_iso(c.second_start, zone)},
                     {"end", format_local_iso(c.second_end, zone)}};
    j.push_back(std::move(row));
  }
  return j;
}

std::string event_card(const Event& e, const time::TimeZone& zone, time::Date today, bool md) {
  std::string out;
  auto field = [&](std::string_view name, const std::string& value) {
    if (value.empty()) {
      return;
    }
    const std::string l = tr(std::string(name));  // marked N_() at the call
    out += md ? fmt::format("- **{}:** {}\n", l, value) : "  " + text::label(l, i18n::language() == "ru" ? 17 : 11) + value + "\n";
  };
  auto heading = [&](const std::string& h) { out += md ? fmt::format("\n## {}\n\n", h) : fmt::format("\n{}\n", h); };
  auto table = [&](const Table& t) {
    if (md) {
      out += render::to_markdown(t);
    } else {
      for (const auto& line : text::split(render::to_text(t, false), '\n')) {
        if (!line.empty()) {
          out += "  " + line + "\n";
        }
      }
    }
  };
  out += md ? fmt::format("# {}\n\n", card_heading(e.id, e.title)) : card_heading(e.id, e.title) + "\n";
  field(N_("when"), fmt::format("{} ({}, {})", format_span(e, zone), zone.info_at(e.start).abbrev, zone.name()));
  field(N_("kind"), fmt::format("{}, {}", word(e.kind), word(e.level)));
  field(N_("status"), std::string(word(e.status)));
  field(N_("venue"), e.venue);
  field(N_("organizer"), e.organizer);
  if (e.template_id) {
    field(N_("template"), e.ordinal ? trf("{} (anniversary {}, counted from {})", *e.template_id, *e.ordinal,
                                              *e.anniversary_base)
                                : *e.template_id);
  }
  if (!e.tags.empty()) {
    std::string tags;
    for (const auto& t : e.tags) {
      tags += (tags.empty() ? "" : ", ") + t;
    }
    field(N_("tags"), tags);
  }
  if (e.cloned_from) {
    field(N_("cloned from"), record_ref(*e.cloned_from));
  }
  if (e.part_of) {
    field(N_("part of"), record_ref(*e.part_of));
  }
  if (e.repeat) {
    std::string rule = e.repeat->rule;
    try {
      rule = fmt::format("{} ({})", describe_rule(rule_of(e)), e.repeat->rule);
    } catch (const InputError&) {
    }
    if (!e.repeat->zone.empty()) {
      rule = trf("{}, on the clock of {}", rule, e.repeat->zone);
    }
    field(N_("repeats"), rule);
    static constexpr std::array<const char*, 4> kDaysOff{
        N_("not held (skipped)"), N_("held on the working day before"), N_("held on the working day after"),
        N_("held anyway")};
    field(N_("on a day off"), tr(kDaysOff[static_cast<std::size_t>(e.repeat->days_off)]));
    if (!e.repeat->cancelled.empty()) {
      std::string days_;
      for (const auto& d : e.repeat->cancelled) {
        days_ += (days_.empty() ? "" : ", ") + time::format_date(d);
      }
      field(N_("cancelled"), days_);
    }
  }
  if (e.occurrence_of && e.occurrence) {
    field(N_("occurrence of"), record_ref(*e.occurrence_of) + ", " + time::format_date(*e.occurrence));
  }
  field(N_("uuid"), e.uuid);
  if (!e.notes.empty()) {
    heading(tr("Notes"));
    out += (md ? "" : "  ") + e.notes + "\n";
  }
  if (!e.parts.empty()) {
    heading(trf("Programme: {}", trnf("{} part", "{} parts", static_cast<long>(e.parts.size()), e.parts.size())));
    table(parts_table(e, zone));
  }
  if (!e.participants.empty()) {
    heading(tr("Participants"));
    for (const auto& p : e.participants) {
      out += fmt::format("{}{}{}{}\n", md ? "- " : "  ", p.vip ? "★ " : "", p.who,
                         p.role.empty() ? "" : " — " + p.role);
    }
  }
  if (!e.tasks.empty()) {
    int done = 0;
    for (const auto& t : e.tasks) {
      done += t.status == TaskStatus::done;
    }
    heading(trf("Tasks ({} of {} done)", done, e.tasks.size()));
    table(tasks_table(e, today));
  }
  if (!e.program.empty()) {
    heading(tr("Run of show"));
    table(program_table(e, zone));
  }
  if (!e.lessons.empty()) {
    heading(tr("Lessons"));
    for (const auto& l : e.lessons) {
      out += fmt::format("{}{}{}\n", md ? "- " : "  - ", l.text,
                         l.origin_uuid && *l.origin_uuid != e.uuid ? " (carried over)" : "");
    }
  }
  return out;
}

namespace {

// The rule as iCalendar wants it: UNTIL of a timed event in UTC (RFC 5545 §3.3.10).
std::string ics_rule(const Event& series, const time::TimeZone& zone) {
  auto r = rule_of(series);
  if (!r.until || series.all_day) {
    return time::format_recurrence(r);
  }
  const auto local = zone.to_local(series.start);
  const time::Instant until =
      zone.to_instant(time::LocalTime{r.until->time_since_epoch()} + (local - std::chrono::floor<std::chrono::days>(local)));
  r.until.reset();
  std::string utc = time::format_utc(until);
  std::erase(utc, '-');
  std::erase(utc, ':');
  return time::format_recurrence(r) + ";UNTIL=" + utc;
}

time::Instant nominal_start(const Event& series, time::Date d, const time::TimeZone& zone) {
  return occurrence_event(series, {d, d, OccurrenceState::held}, zone).start;
}

}  // namespace

std::vector<render::IcsEvent> series_to_ics(const SeriesExport& x, const time::TimeZone& configured) {
  // A series on another zone's clock is written in that zone, so clients repeat it as it was meant.
  const time::TimeZone& zone = series_zone(x.series, configured);
  const time::TimeZone* own = &zone == &configured ? nullptr : &zone;
  std::vector<render::IcsEvent> out;
  render::IcsEvent master = to_ics(x.series, zone);
  master.zone = own;
  master.rrule = ics_rule(x.series, zone);
  std::vector<render::IcsEvent> overrides;
  master.days_off = std::string(to_string(x.series.repeat->days_off));
  for (const auto& d : x.exceptions) {
    if (d.state == OccurrenceState::moved) {
      render::IcsEvent o = to_ics(occurrence_event(x.series, d, zone), zone);
      o.zone = own;
      o.recurrence_id = nominal_start(x.series, d.nominal, zone);
      o.moved_off_day_off = true;
      overrides.push_back(std::move(o));
    } else if (d.state == OccurrenceState::skipped) {
      master.exdates_day_off.push_back(nominal_start(x.series, d.nominal, zone));
    } else {
      master.exdates.push_back(nominal_start(x.series, d.nominal, zone));
    }
  }
  for (const auto& c : x.changed) {
    if (c.status == Status::cancelled) {
      master.exdates.push_back(nominal_start(x.series, *c.occurrence, zone));
      continue;
    }
    render::IcsEvent o = to_ics(c, zone);
    o.zone = own;
    o.uid = master.uid;
    o.recurrence_id = nominal_start(x.series, *c.occurrence, zone);
    overrides.push_back(std::move(o));
  }
  std::sort(master.exdates.begin(), master.exdates.end());
  out.push_back(std::move(master));
  for (auto& o : overrides) {
    out.push_back(std::move(o));
  }
  return out;
}

render::Table occurrences_table(const std::vector<OccurrenceRow>& rows, const time::TimeZone& zone) {
  render::Table t;
  t.columns = {{"day", N_("DAY")},         {"rule_day", N_("RULE DAY")}, {"start", N_("START")},
               {"end", N_("END")},         {"state", N_("STATE")},       {"event", N_("EVENT"), true},
               {"title", N_("TITLE"), false, 60}};
  for (const auto& r : rows) {
    const bool held = r.day.state == OccurrenceState::held || r.day.state == OccurrenceState::moved ||
                      r.day.state == OccurrenceState::changed;
    const Tone tone = held ? (r.event.status == Status::cancelled ? Tone::dim : Tone::plain) : Tone::dim;
    std::string state(word(r.day.state));
    if (r.day.state == OccurrenceState::changed && r.event.status == Status::cancelled) {
      state += ", " + std::string(word(Status::cancelled));
    }
    t.add({time::format_date(r.day.state == OccurrenceState::changed ? time::local_date(zone.to_local(r.event.start))
                                                                     : r.day.day),
           time::format_date(r.day.nominal), held ? time::format_local(zone.to_local(r.event.start)) : "",
           held ? time::format_local(zone.to_local(r.event.end)) : "", state,
           r.event.occurrence_of ? std::to_string(r.event.id) : "", r.event.title},
          tone);
  }
  return t;
}

nlohmann::ordered_json occurrences_json(const std::vector<OccurrenceRow>& rows, const time::TimeZone& zone) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    nlohmann::ordered_json j;
    j["day"] = time::format_date(r.day.state == OccurrenceState::changed ? time::local_date(zone.to_local(r.event.start))
                                                                         : r.day.day);
    j["rule_day"] = time::format_date(r.day.nominal);
    j["state"] = to_string(r.day.state);
    j["start"] = format_local_iso(r.event.start, zone);
    j["end"] = format_local_iso(r.event.end, zone);
    j["status"] = to_string(r.event.status);
    j["event"] = r.event.occurrence_of ? nlohmann::ordered_json(r.event.id) : nlohmann::ordered_json(nullptr);
    j["title"] = r.event.title;
    arr.push_back(std::move(j));
  }
  return arr;
}

render::IcsEvent to_ics(const Event& e, const time::TimeZone& zone) {
  render::IcsEvent ie;
  ie.uid = e.uuid + "@omskplan";
  ie.summary = e.title;
  ie.location = e.venue;
  ie.start = e.start;
  ie.end = e.end;
  ie.all_day = e.all_day;
  ie.sequence = e.sequence;
  ie.status = e.status == Status::cancelled ? "CANCELLED" : e.status == Status::planned ? "TENTATIVE" : "CONFIRMED";
  ie.categories = {std::string(to_string(e.kind))};
  ie.last_modified = e.updated;
  if (e.part_of_uuid) {
    ie.related_to = *e.part_of_uuid + "@omskplan";
  }
  std::string d = e.notes;
  std::string vips;
  for (const auto& p : e.participants) {
    if (p.vip) {
      vips += (vips.empty() ? "" : ", ") + p.who;
    }
  }
  if (!vips.empty()) {
    d += (d.empty() ? "" : "\n") + std::string("Участники: ") + vips;
  }
  if (!e.organizer.empty()) {
    d += (d.empty() ? "" : "\n") + std::string("Ответственный: ") + e.organizer;
  }
  if (!e.program.empty()) {
    d += (d.empty() ? "" : "\n") + std::string("Программа:");
    for (const auto& p : e.program) {
      d += fmt::format("\n{} {}{}", time::format_clock(zone.to_local(p.at)), p.title,
                       p.venue.empty() ? "" : " (" + p.venue + ")");
    }
  }
  ie.description = d;
  return ie;
}

render::Table lessons_table(const std::vector<LessonRow>& rows, const time::TimeZone& zone) {
  render::Table t;
  t.columns = {{"no", N_("NO"), true}, {"added", N_("ADDED")}, {"origin", N_("LEARNED AT")}, {"text", N_("LESSON"), false, 100}};
  int no = 0;
  auto day = [&](time::Instant at) { return time::format_date(time::local_date(zone.to_local(at))); };
  for (const auto& r : rows) {
    const std::string origin = r.origin ? card_heading(r.origin->id, day(r.origin->start))
                               : r.elsewhere ? std::string(tr("another database"))
                                             : std::string();
    t.add({std::to_string(++no), day(r.lesson.added), origin, r.lesson.text});
  }
  return t;
}

nlohmann::ordered_json template_json(const EventTemplate& t) {
  nlohmann::ordered_json j;
  j["id"] = t.id;
  j["name"] = t.name;
  j["kind"] = to_string(t.kind);
  j["level"] = to_string(t.level);
  j["title"] = t.title;
  j["anniversary_base"] = t.anniversary_base ? nlohmann::ordered_json(*t.anniversary_base) : nullptr;
  j["start_time"] = fmt::format("{:02}:{:02}", t.start_time.count() / 60, t.start_time.count() % 60);
  j["duration"] = time::format_duration(t.duration);
  j["venue"] = t.venue;
  j["organizer"] = t.organizer;
  j["tags"] = t.tags;
  j["file"] = t.origin;
  j["participants"] = nlohmann::ordered_json::array();
  for (const auto& p : t.participants) {
    j["participants"].push_back({{"role", p.role}, {"name", p.name}, {"vip", p.vip}});
  }
  j["tasks"] = nlohmann::ordered_json::array();
  for (const auto& task : t.tasks) {
    j["tasks"].push_back({{"title", task.title}, {"due", task.due.text}, {"owner", task.owner}});
  }
  j["program"] = nlohmann::ordered_json::array();
  for (const auto& p : t.program) {
    j["program"].push_back({{"at", p.at},
                            {"duration", p.duration.count() ? time::format_duration(p.duration) : ""},
                            {"title", p.title},
                            {"responsible", p.responsible},
                            {"venue", p.venue}});
  }
  j["parts"] = nlohmann::ordered_json::array();
  for (const auto& p : t.parts) {
    j["parts"].push_back({{"title", p.title},
                          {"kind", to_string(p.kind)},
                          {"at", p.at},
                          {"duration", time::format_duration(p.duration)},
                          {"venue", p.venue},
                          {"organizer", p.organizer},
                          {"vips", p.vips}});
  }
  j["deadline_days_off"] = t.deadline_days_off ? nlohmann::ordered_json(time::to_string(*t.deadline_days_off)) : nullptr;
  return j;
}

nlohmann::ordered_json templates_json(const std::vector<CatalogEntry>& entries) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    arr.push_back(template_json(e.tmpl));
  }
  return arr;
}

render::Table templates_table(const std::vector<CatalogEntry>& entries) {
  render::Table t;
  t.columns = {{"id", N_("ID")},
               {"name", N_("NAME"), false, 50},
               {"kind", N_("KIND"), false, 60, say_kind},
               {"level", N_("LEVEL"), false, 60, say_level},
               {"tasks", N_("TASKS"), true},
               {"file", N_("FILE"), false, 200}};
  for (const auto& e : entries) {
    t.add({e.tmpl.id, e.tmpl.name, std::string(to_string(e.tmpl.kind)),
           std::string(to_string(e.tmpl.level)), std::to_string(e.tmpl.tasks.size()),
           e.overridden_shipped ? trf("{} (overrides another)", e.tmpl.origin) : e.tmpl.origin});
  }
  return t;
}

}  // namespace omskplan::event
