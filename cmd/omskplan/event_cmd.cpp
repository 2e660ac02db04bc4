// omskplan event …
#include "commands.hpp"
#include "report/event_plan.hpp"
#include "core/i18n.hpp"
#include "core/russian.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "event/json.hpp"
#include "event/ics_import.hpp"
#include "event/planner.hpp"
#include "event/views.hpp"
#include "plan/service.hpp"
#include "plan/views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <set>

namespace omskplan::cli {

using event::ConflictPolicy;
using store::OpenMode;

event::Services event_services(Runtime& rt, OpenMode mode) {
  return event::Services{rt.db(mode), rt.ctx(), rt.travel_buffer(), rt.deadline_days_off()};
}

namespace {

void warn_notices(Runtime& rt, const event::WriteResult& res) {
  for (const auto& n : res.notices) {
    rt.warn(n);
  }
}

// A plan made late (a new event, a clone): its deadlines already past, said once.
void warn_past_due(Runtime& rt, const event::WriteResult& res) {
  std::size_t past = 0;
  std::optional<time::Date> earliest;
  for (const auto& t : res.event.tasks) {
    if (t.status == event::TaskStatus::todo && t.due < rt.ctx().today()) {
      ++past;
      earliest = earliest ? std::min(*earliest, t.due) : t.due;
    }
  }
  if (past > 0 && res.changed) {
    rt.warn(trnf("{} task is already past due (from {})", "{} tasks are already past due (from {})",
                 static_cast<long>(past), past, time::format_date(*earliest)));
  }
}

void warn_conflicts(Runtime& rt, const std::vector<event::Conflict>& cs) {
  constexpr std::size_t kShown = 10;
  for (std::size_t i = 0; i < cs.size() && i < kShown; ++i) {
    rt.warn(tr("conflict: ") + event::describe(cs[i], rt.zone()));
  }
  if (cs.size() > kShown) {
    rt.warn(trf("… and {} more conflicts (see 'omskplan event conflicts')", cs.size() - kShown));
  }
}

// iCalendar of `events`: a series once, as RRULE with its exceptions, however
// many of its occurrences (or its changed ones) are listed.
std::vector<render::IcsEvent> ics_of(Runtime& rt, event::Services& s, const std::vector<event::Event>& events) {
  std::vector<render::IcsEvent> items;
  std::set<std::int64_t> series_done;
  for (const auto& e : events) {
    const std::optional<std::int64_t> series = e.repeat ? std::optional(e.id) : e.occurrence_of;
    if (!series) {
      items.push_back(event::to_ics(e, rt.zone()));
    } else if (series_done.insert(*series).second) {
      for (auto& i : event::series_to_ics(event::series_export(s, *series), rt.zone())) {
        items.push_back(std::move(i));
      }
    }
  }
  return items;
}

// `event list --format ics`: a series once, with its exceptions (ics_of).
void print_calendar(Runtime& rt, event::Services& s, const std::vector<event::Event>& events) {
  rt.print(render::write_calendar(ics_of(rt, s, events), rt.zone(), rt.ctx().now,
                                  "Администрация города Омска: мероприятия"));
}

// `event list` but as iCalendar, an event at a time (RecordPrinter): JSON
// with each event written as text, rows of CSV, ids with --quiet.
void print_events_streaming(Runtime& rt, event::Services& s, const event::EventFilter& filter, Format f) {
  if (rt.quiet()) {
    event::for_each_event(s, filter, event::Load::row, [&](event::Event&& e) { rt.print(fmt::format("{}\n", e.id)); });
    return;
  }
  RecordPrinter out(rt, f, event::events_columns());
  std::string text;
  event::for_each_event(s, filter, event::load_children_if(out.json()), [&](event::Event&& e) {
    if (out.json()) {
      // The element as dump(2) prints it at depth 1, written as text: no value built.
      text.clear();
      event::append_json(text, e, rt.zone(), 2, 1);
      out.add_json_text(text);
    } else {
      out.add_row(event::event_row(e, rt.zone()));
    }
  });
  out.finish();
}

// Prints a just-written event: its id with --quiet, its JSON with --json, else a line.
void report_written(Runtime& rt, const event::Event& e, std::string_view verb) {
  const Format f = rt.format({Format::table, Format::json});
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", e.id));
  } else if (f == Format::json) {
    rt.print(event::to_json(e, rt.zone()).dump(2) + "\n");
  } else {
    rt.print(trf("{} event {}: {} ({}){}\n", verb, e.id, e.title, event::format_span(e, rt.zone()),
                         e.tasks.empty() ? "" : trnf(", {} task", ", {} tasks", static_cast<long>(e.tasks.size()), e.tasks.size())));
    for (const auto& p : e.parts) {
      rt.print(trf("  part {}: {} ({}{})\n", p.id, p.title, event::format_span(p, rt.zone()),
                   p.venue.empty() ? "" : ", " + p.venue));
    }
    if (e.repeat) {
      rt.print(trf("  repeats: {} ({}); on a day off: {}\n", event::describe_rule(event::rule_of(e)), e.repeat->rule,
                   event::word(e.repeat->days_off)));
    }
    if (e.occurrence_of && e.occurrence) {
      rt.print(trf("  the {} occurrence of event {}, changed on its own\n", time::format_date(*e.occurrence),
                   *e.occurrence_of));
    }
  }
}

struct NewOptions {
  std::string tmpl, date, time, venue;
  std::optional<int> base;
  bool strict = false;
  bool dry_run = false;
};

void run_new(Runtime& rt, const NewOptions& o) {
  const time::Date date = time::parse_date(o.date, rt.ctx());
  std::optional<time::Minutes> clock;
  if (!o.time.empty()) {
    clock = time::parse_clock(o.time);
    if (!clock) {
      throw InputError(trf("invalid --time '{}': expected HH:MM", o.time));
    }
  }
  event::TemplateCatalog catalog(rt.paths().template_dirs, [&](const std::string& m) { rt.warn(m); });
  const auto tmpl = catalog.get(o.tmpl);
  auto base = o.base ? o.base : rt.anniversary_base(tmpl.id);
  event::Event e = event::materialize(tmpl, date, clock, base, rt.ctx(), rt.deadline_days_off());
  if (!o.venue.empty()) {
    e.venue = o.venue;
  }
  if (o.dry_run) {
    const Format f = rt.format({Format::table, Format::json, Format::md});
    rt.print(f == Format::json ? event::to_json(e, rt.zone()).dump(2) + "\n"
                               : event::event_card(e, rt.zone(), rt.ctx().today(), f == Format::md));
    return;
  }
  auto s = event_services(rt, OpenMode::create);
  auto res = event::create(s, std::move(e), o.strict ? ConflictPolicy::refuse : ConflictPolicy::warn);
  warn_notices(rt, res);
  warn_past_due(rt, res);
  warn_conflicts(rt, res.conflicts);
  report_written(rt, res.event, tr("created"));
}

struct AddOptions {
  std::string title, start, end, duration, kind = "other", level = "municipal", venue, organizer, notes, repeat, days_off;
  std::vector<std::string> with, tags;
  std::optional<std::int64_t> part_of;
  bool strict = false;
};

void run_add(Runtime& rt, const AddOptions& o) {
  event::Event e;
  e.title = text::trim(o.title);
  e.kind = event::parse_kind(o.kind);
  e.level = event::parse_level(o.level);
  const auto start = time::parse_datetime(o.start, rt.ctx());
  e.start = start.instant;
  e.all_day = !start.has_time;
  if (!o.end.empty()) {
    if (!o.duration.empty()) {
      throw InputError(tr("give --end or --duration, not both"));
    }
    const auto end = time::parse_datetime(o.end, rt.ctx());
    e.end = e.all_day && !end.has_time ? end.instant + std::chrono::days{1} : end.instant;
    if (e.end == e.start) {  // as --duration 0m is refused (an end before the start: the planner says so)
      throw InputError(trf("--end '{}' is the same as --start: an event must last some time", o.end));
    }
  } else {
    const auto d = o.duration.empty() ? (e.all_day ? time::Minutes{24 * 60} : time::Minutes{120})
                                      : time::parse_duration(o.duration);
    e.end = e.start + d;
  }
  e.venue = text::trim(o.venue);
  e.organizer = text::trim(o.organizer);
  e.notes = o.notes;
  e.part_of = o.part_of;
  e.deadline_days_off = rt.deadline_days_off();
  for (const auto& w : o.with) {
    e.participants.push_back({text::trim(w), "", true});
  }
  for (const auto& t : o.tags) {
    e.tags.push_back(text::trim(t));
  }
  std::sort(e.tags.begin(), e.tags.end());
  e.tags.erase(std::unique(e.tags.begin(), e.tags.end()), e.tags.end());
  std::optional<event::RepeatSpec> repeat;
  if (!o.repeat.empty()) {
    repeat = event::RepeatSpec{o.repeat, o.days_off};
  } else if (!o.days_off.empty()) {
    throw InputError(tr("--days-off is for a repeating event: give --repeat too"));
  }
  auto s = event_services(rt, OpenMode::create);
  auto res = event::create(s, std::move(e), o.strict ? ConflictPolicy::refuse : ConflictPolicy::warn, repeat);
  warn_notices(rt, res);
  warn_conflicts(rt, res.conflicts);
  report_written(rt, res.event, tr("created"));
}

void run_list(Runtime& rt, const event::ListQuery& o) {
  const auto filter = event::parse_list_query(o, rt.ctx());
  const Format fmt_ = rt.format({Format::table, Format::json, Format::csv, Format::md, Format::ics});
  auto s = event_services(rt, OpenMode::existing);
  if (rt.quiet() || fmt_ != Format::ics) {
    // Printed as they are read (but for a table's widths): any number of events in constant memory.
    print_events_streaming(rt, s, filter, fmt_);
    return;
  }
  print_calendar(rt, s, event::list_events(s, filter, true));
}

void run_show(Runtime& rt, std::int64_t id, const std::string& output) {
  const Format f = rt.format({Format::table, Format::json, Format::md, Format::ics, Format::html, Format::docx,
                              Format::xlsx});
  check_output(output);
  auto s = event_services(rt, OpenMode::existing);
  const auto e = event::load_programme(s, id);
  if (f == Format::md || f == Format::html || f == Format::docx || f == Format::xlsx) {
    // «План подготовки и проведения мероприятия»: the event as a document to approve.
    emit_document(rt, report::event_plan(e, rt.zone(), rt.ctx().today(), document_signatures(rt)), f, output);
    return;
  }
  if (!output.empty()) {
    throw InputError(tr("-o is for the event's plan as a document: --format md, html, docx or xlsx"));
  }
  // The plan items the event realises (events do not know plans; the front end shows both).
  plan::Services ps{s.db, rt.ctx(), rt.paths().plan_dirs};
  const auto linked = f == Format::ics ? std::vector<plan::LinkedItem>{} : plan::items_for_event(ps, id);
  if (f == Format::json) {
    auto j = event::to_json(e, rt.zone());
    j["parts"] = nlohmann::ordered_json::array();
    for (const auto& p : e.parts) {
      j["parts"].push_back(p.id);
    }
    j["plan_items"] = plan::linked_items_json(linked, rt.ctx().today());
    rt.print(j.dump(2) + "\n");
  } else if (f == Format::ics) {
    std::vector<event::Event> all{e};
    all.insert(all.end(), e.parts.begin(), e.parts.end());
    rt.print(render::write_calendar(ics_of(rt, s, all), rt.zone(), rt.ctx().now, e.title));
  } else {
    std::string next;
    if (e.repeat) {
      // The occurrences from today (or its start, when later) on.
      const auto from = std::max(rt.ctx().today(), time::local_date(rt.zone().to_local(e.start)));
      const auto rows = event::list_occurrences(s, id, time::format_date(from), "", 5);
      if (!rows.empty()) {
        next = "\n" + std::string(tr("Next occurrences")) + "\n";
        for (const auto& line : text::split(render::to_text(event::occurrences_table(rows, rt.zone()), false), '\n')) {
          if (!line.empty()) {
            next += "  " + line + "\n";
          }
        }
      }
    }
    rt.print(event::event_card(e, rt.zone(), rt.ctx().today(), false) + next +
             plan::linked_items_text(linked, rt.ctx().today()));
  }
}

// The options that change an event's own fields (`event edit`, `event occurrence edit`).
void add_change_options(CLI::App* c, event::EventChanges& ch) {
  c->add_option("--title", ch.title, "new title");
  c->add_option("--start,-s", ch.start, "new start (keeps the length)");
  c->add_option("--end,-e", ch.end, "new end");
  c->add_option("--duration", ch.duration, "new length");
  c->add_option("--kind,-k", ch.kind, "new kind");
  c->add_option("--level,-l", ch.level, "new level");
  c->add_option("--venue", ch.venue, "new venue");
  c->add_option("--organizer", ch.organizer, "new responsible unit");
  c->add_option("--notes", ch.notes, "new notes");
  c->add_option("--tag", ch.add_tags, "add a tag (repeatable)");
  c->add_option("--untag", ch.remove_tags, "remove a tag (repeatable)");
  c->add_option("--with,-w", ch.add_vips, "add a VIP participant (repeatable)");
  c->add_option("--without", ch.remove_participants, "remove a participant (repeatable)");
}

struct EditOptions {
  std::int64_t id = 0;
  event::EventChanges changes;
  std::string from_file;
  bool strict = false;
};

void run_edit(Runtime& rt, const EditOptions& o) {
  auto s = event_services(rt, OpenMode::existing);
  const auto policy = o.strict ? ConflictPolicy::refuse : ConflictPolicy::warn;
  auto res = o.from_file.empty() ? event::edit(s, o.id, o.changes, policy)
                                 : event::replace_from_file(s, o.id, read_input(o.from_file),
                                                            files::input_name(o.from_file), policy);
  warn_notices(rt, res);
  warn_conflicts(rt, res.conflicts);
  if (!res.changed) {
    rt.info(trf("event {} unchanged", o.id));
    if (rt.quiet()) {
      rt.print(fmt::format("{}\n", o.id));
    }
    return;
  }
  report_written(rt, res.event, tr("updated"));
}

struct OccurrenceListOptions {
  std::int64_t id = 0;
  std::string from, to;
  std::optional<long> limit;
};

void run_occurrence_list(Runtime& rt, const OccurrenceListOptions& o) {
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  auto s = event_services(rt, OpenMode::existing);
  const auto rows = event::list_occurrences(s, o.id, o.from, o.to, o.limit);
  rt.print_records(f, [&] { return event::occurrences_json(rows, rt.zone()); },
                   [&] { return event::occurrences_table(rows, rt.zone()); });
}

void report_occurrence(Runtime& rt, const event::OccurrenceResult& r, std::string_view done) {
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", r.series.id));
    return;
  }
  if (!r.changed) {
    rt.info(trf("the {} occurrence of event {} is unchanged ({})", time::format_date(r.day.nominal), r.series.id,
                event::word(r.day.state)));
    return;
  }
  rt.print(trf("event {} «{}»: the {} occurrence {}\n", r.series.id, r.series.title, time::format_date(r.day.nominal),
               done));
}

struct OccurrenceEditOptions {
  std::int64_t id = 0;
  std::string day;
  event::EventChanges changes;
  bool following = false;
  bool strict = false;
};

void run_occurrence_edit(Runtime& rt, const OccurrenceEditOptions& o) {
  auto s = event_services(rt, OpenMode::existing);
  auto res = event::edit_occurrence(s, o.id, o.day, o.changes, o.following,
                                    o.strict ? ConflictPolicy::refuse : ConflictPolicy::warn);
  warn_notices(rt, res);
  warn_conflicts(rt, res.conflicts);
  report_written(rt, res.event, tr("updated"));
}

void run_status(Runtime& rt, std::int64_t id, const std::string& status) {
  const auto st = event::parse_status(status);
  auto s = event_services(rt, OpenMode::existing);
  const auto e = event::set_status(s, id, st);
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", e.id));
  } else {
    rt.print(trf("event {} is {}\n", e.id, event::word(e.status)));
  }
}

void run_task_list(Runtime& rt, std::int64_t id) {
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  auto s = event_services(rt, OpenMode::existing);
  const auto e = event::load_event(s, id);
  rt.print_records(f, [&] { return event::to_json(e, rt.zone())["tasks"]; },
                   [&] { return event::tasks_table(e, rt.ctx().today()); });
}

struct TaskAddOptions {
  std::int64_t id = 0;
  std::string title, due, owner;
};

void run_task_add(Runtime& rt, const TaskAddOptions& o) {
  auto s = event_services(rt, OpenMode::existing);
  const auto t = event::add_task(s, o.id, o.title, o.due, o.owner);
  if (const auto w = event::due_warning(t, rt.ctx().today(), *rt.ctx().calendar); !w.empty()) {
    rt.warn(w);
  }
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", t.no));
  } else {
    rt.print(trf("added task {} to event {}: {} (due {}{})\n", t.no, o.id, t.title, time::format_date(t.due),
                         t.due_offset ? ", " + *t.due_offset : ""));
  }
}

void run_task_status(Runtime& rt, std::int64_t id, int no, event::TaskStatus st, const std::string& on) {
  std::optional<time::Date> day;
  if (!on.empty()) {
    day = time::parse_date(on, rt.ctx());
  }
  auto s = event_services(rt, OpenMode::existing);
  const auto t = event::set_task_status(s, id, no, st, day);
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", t.no));
  } else {
    rt.print(trf("task {} of event {} is {}\n", t.no, id, event::word(t.status)));
  }
}

struct TaskEditOptions {
  std::int64_t id = 0;
  int no = 0;
  event::TaskChanges changes;
};

void run_task_edit(Runtime& rt, const TaskEditOptions& o) {
  auto s = event_services(rt, OpenMode::existing);
  const auto t = event::edit_task(s, o.id, o.no, o.changes);
  if (o.changes.due) {
    if (const auto w = event::due_warning(t, rt.ctx().today(), *rt.ctx().calendar); !w.empty()) {
      rt.warn(w);
    }
  }
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", t.no));
  } else {
    rt.print(trf("task {} of event {}: {} (due {}{})\n", t.no, o.id, t.title, time::format_date(t.due),
                 t.due_offset ? ", " + *t.due_offset : ""));
  }
}

void run_task_move(Runtime& rt, std::int64_t id, int no, int to) {
  auto s = event_services(rt, OpenMode::existing);
  event::move_task(s, id, no, to);
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", to));
  } else {
    rt.print(trf("task {} of event {} is now task {}\n", no, id, to));
  }
}

void run_program_list(Runtime& rt, std::int64_t id) {
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  auto s = event_services(rt, OpenMode::existing);
  const auto e = event::load_event(s, id);
  rt.print_records(f, [&] { return event::to_json(e, rt.zone())["program"]; },
                   [&] { return event::program_table(e, rt.zone()); });
}

void print_item(Runtime& rt, std::int64_t id, const event::ProgramItem& p, std::string_view verb) {
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", p.no));
  } else {
    rt.print(trf("{} run-of-show item {} of event {}: {} {}{}\n", verb, p.no, id,
                 time::format_local(rt.zone().to_local(p.at)), p.title, p.venue.empty() ? "" : " (" + p.venue + ")"));
  }
}

void run_agenda(Runner& r, int days, bool fail_on_overdue) {
  Runtime& rt = r.rt();
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  auto s = event_services(rt, OpenMode::existing);
  const auto a = event::agenda(s, days);
  const auto today = rt.ctx().today();
  if (rt.quiet()) {
    for (const auto& row : a.rows) {
      rt.print(fmt::format("{} {}\n", row.event_id, row.task.no));
    }
  } else if (f == Format::json) {
    rt.print(event::agenda_json(a, today, rt.zone()).dump(2) + "\n");
  } else {
    rt.print_table(event::agenda_table(a, today, rt.zone()), f);
    if (f == Format::table) {
      const std::string by = russian::say_date(today + std::chrono::days{days});
      const auto n = static_cast<long>(a.rows.size());
      rt.info(due_summary(n == 0 ? trf("no open tasks due by {}", by)
                                 : trnf("{} open task due by {}", "{} open tasks due by {}", n, n, by),
                          static_cast<long>(a.overdue)));
    }
  }
  if (fail_on_overdue && a.overdue > 0) {
    r.exit_code = static_cast<int>(ExitCode::alert);
  }
}

struct ConflictOptions {
  std::string from = "today", to = "+90d";
  bool fail_if_any = false;
};

void run_conflicts(Runner& r, const ConflictOptions& o) {
  Runtime& rt = r.rt();
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  const auto& ctx = rt.ctx();
  const auto from = ctx.zone->to_instant(time::LocalTime{time::parse_date_span(o.from, ctx).first.time_since_epoch()});
  const auto to = ctx.zone->to_instant(
      time::LocalTime{(time::parse_date_span(o.to, ctx).last + std::chrono::days{1}).time_since_epoch()});
  if (to <= from) {
    throw InputError(trf("--to {} is before --from {}", o.to, o.from));
  }
  auto s = event_services(rt, OpenMode::existing);
  const auto cs = event::conflicts_in(s, from, to);
  if (f == Format::json) {
    rt.print(event::conflicts_json(cs, rt.zone()).dump(2) + "\n");
  } else if (!rt.quiet()) {
    rt.print_table(event::conflicts_table(cs, rt.zone()), f);
  }
  if (o.fail_if_any && !cs.empty()) {
    r.exit_code = static_cast<int>(ExitCode::alert);
  }
}

void run_lesson_list(Runtime& rt, std::int64_t id) {
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  auto s = event_services(rt, OpenMode::existing);
  const auto e = event::load_event(s, id);
  rt.print_records(f, [&] { return event::to_json(e, rt.zone())["lessons"]; },
                   [&] { return event::lessons_table(event::lessons_of(s, e), rt.zone()); });
}

void run_clone(Runtime& rt, std::int64_t id, const std::string& date, bool strict, bool with_cancelled) {
  const auto d = time::parse_date(date, rt.ctx());
  auto s = event_services(rt, OpenMode::existing);
  auto res = event::clone(s, id, d, strict ? ConflictPolicy::refuse : ConflictPolicy::warn, with_cancelled);
  warn_notices(rt, res);
  warn_past_due(rt, res);
  warn_conflicts(rt, res.conflicts);
  report_written(rt, res.event, trf("cloned event {} as", id));
}

void run_event_import(Runtime& rt, const std::string& file, bool dry_run) {
  if (dry_run) {
    rt.dry_run();
  }
  auto in = open_input(file);
  auto s = event_services(rt, OpenMode::create);
  const bool progress = rt.stderr_is_terminal();
  try {
    const auto r = event::import_json(
        s, *in,
        [&](std::size_t done, std::size_t total) {
          if (progress) {
            std::fprintf(stderr, "\rimporting: %zu records", done);
            if (total != 0) {
              std::fputc('\n', stderr);
            }
          }
        },
        dry_run);
    rt.print(trf("{}{} created, {} updated, {} unchanged\n", dry_run ? tr("dry run: ") : "", r.created,
                         r.updated, r.unchanged));
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", files::input_name(file), e.what()));
  }
}

void run_event_import_ics(Runtime& rt, const std::string& file, const event::IcsImportOptions& opt, bool dry_run) {
  if (dry_run) {
    rt.dry_run();
  }
  const std::string name = files::input_name(file);
  const std::string text = read_input(file);
  auto s = event_services(rt, OpenMode::create);
  try {
    const auto r = event::import_ics(s, text, opt, dry_run);
    for (const auto& w : r.warnings) {
      rt.warn(fmt::format("{}: {}", name, w));
    }
    rt.print(trf("{}{} created, {} updated, {} unchanged\n", dry_run ? tr("dry run: ") : "", r.counts.created,
                         r.counts.updated, r.counts.unchanged));
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", name, e.what()));
  }
}

}  // namespace

void setup_event(CLI::App& app, Runner& r) {
  auto* ev = app.add_subcommand("event", "Plan events: templates, tasks, run of show, conflicts, iCalendar");
  ev->require_subcommand(1);

  {
    auto o = std::make_shared<NewOptions>();
    auto* c = ev->add_subcommand("new", "Create an event from a template");
    c->add_option("--template,-t", o->tmpl, "template id (see 'omskplan template list')")->required();
    c->add_option("--date,-d", o->date, "the day of the event (2023-08-05, +30d, fri, …)")->required();
    c->add_option("--time", o->time, "start time HH:MM (default: the template's)");
    c->add_option("--base", o->base, "anniversary base year (default: config, then the template's)");
    c->add_option("--venue", o->venue, "venue instead of the template's");
    c->add_flag("--strict", o->strict, "refuse to create it when it conflicts with another event");
    c->add_flag("--dry-run", o->dry_run, "show the plan without saving it");
    c->callback([&r, o] { run_new(r.rt(), *o); });
  }
  {
    auto o = std::make_shared<AddOptions>();
    auto* c = ev->add_subcommand("add", "Create an event by hand");
    c->add_option("--title", o->title, "title")->required();
    c->add_option("--start,-s", o->start, "start: '2024-03-14 10:00'; a date alone makes an all-day event")
        ->required();
    c->add_option("--duration", o->duration, "length: 90m, 6h, 1h30m, 2d (default 2h, all-day 1d)");
    c->add_option("--end,-e", o->end, "end instead of --duration");
    c->add_option("--kind,-k", o->kind, "city-day, victory-day, holiday, concert, opening, conference, round-table, "
                                        "seminar, ceremony, exhibition, sport, meeting, other")
        ->capture_default_str();
    c->add_option("--level,-l", o->level, "municipal, regional, intercity, international")->capture_default_str();
    c->add_option("--venue", o->venue, "venue");
    c->add_option("--organizer", o->organizer, "responsible unit");
    c->add_option("--with,-w", o->with, "a VIP participant (repeatable)");
    c->add_option("--tag", o->tags, "a tag (repeatable)");
    c->add_option("--notes", o->notes, "notes");
    c->add_option("--part-of", o->part_of, "the id of the event this is a part of (City Day for its concert)");
    c->add_option("--repeat", o->repeat,
                  "repeat by an RFC 5545 rule from --start: 'FREQ=WEEKLY;BYDAY=MO', 'FREQ=MONTHLY;BYDAY=-1FR', "
                  "weekly, …");
    c->add_option("--days-off", o->days_off,
                  "a repeating event on a day off: skip, previous or next working day, keep (default: skip; keep for "
                  "one starting on a weekend or a yearly holiday)");
    c->add_flag("--strict", o->strict, "refuse to create it when it conflicts with another event");
    c->callback([&r, o] { run_add(r.rt(), *o); });
  }
  {
    auto o = std::make_shared<event::ListQuery>();
    auto* c = ev->add_subcommand("list", "List events (ordered by start)");
    c->add_option("--from", o->from, "events ending on or after this day");
    c->add_option("--to", o->to, "events starting on or before this day");
    c->add_option("--year", o->year, "events of a year");
    c->add_option("--kind", o->kind, "only this kind");
    c->add_option("--level", o->level, "only this level");
    c->add_option("--status", o->status, "only this status");
    c->add_option("--tag", o->tag, "only with this tag");
    c->add_option("--venue", o->venue, "venue contains this text");
    c->add_option("--search", o->search, "full-text search in titles, venues and notes (ё = е, any case)");
    c->add_option("--limit", o->limit, "at most this many");
    c->callback([&r, o] { run_list(r.rt(), *o); });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto output = std::make_shared<std::string>();
    auto* c = ev->add_subcommand("show", "Show one event; --format md, html, docx, xlsx: its plan as a document");
    c->add_option("id", *id, "event id")->required();
    c->add_option("-o,--output", *output, "write the document to this file (atomically) instead of stdout");
    c->callback([&r, id, output] { run_show(r.rt(), *id, *output); });
  }
  {
    auto o = std::make_shared<EditOptions>();
    auto* c = ev->add_subcommand("edit", "Change an event; open tasks and the run of show follow a new start");
    c->add_option("id", o->id, "event id")->required();
    add_change_options(c, o->changes);
    c->add_option("--part-of", o->changes.part_of, "make it a part of this event (its id), or none");
    c->add_option("--repeat", o->changes.repeat, "repeat by this RFC 5545 rule from its start, or none");
    c->add_option("--days-off", o->changes.days_off, "a repeating event on a day off: skip, previous, next, keep");
    c->add_option("--from-file", o->from_file,
                  "the whole plan from a file as 'event show --json' prints it (JSON or TOML), or - for standard input");
    c->add_flag("--strict", o->strict, "refuse the change when it creates a conflict");
    c->callback([&r, o] { run_edit(r.rt(), *o); });
  }
  {
    auto* occ = ev->add_subcommand("occurrence", "The occurrences of a repeating event: list, cancel, restore, move, edit");
    occ->require_subcommand(1);
    {
      auto o = std::make_shared<OccurrenceListOptions>();
      auto* c = occ->add_subcommand("list", "List the occurrences: held, moved or skipped on a day off, cancelled, changed");
      c->add_option("id", o->id, "event id")->required();
      c->add_option("--from", o->from, "from this day (default: its first)");
      c->add_option("--to", o->to, "to this day (default: a year later, or its end)");
      c->add_option("--limit", o->limit, "at most this many");
      c->callback([&r, o] { run_occurrence_list(r.rt(), *o); });
    }
    for (const auto& [name, help] : {std::pair{"cancel", "Cancel one occurrence (the day it is held or its rule's day)"},
                                     std::pair{"restore", "Take a cancellation back"}}) {
      auto id = std::make_shared<std::int64_t>(0);
      auto day = std::make_shared<std::string>();
      auto* c = occ->add_subcommand(name, help);
      c->add_option("id", *id, "event id")->required();
      c->add_option("day", *day, "the occurrence: the day it is held, or the day its rule makes")->required();
      const bool cancel = std::string_view(name) == "cancel";
      c->callback([&r, id, day, cancel] {
        auto s = event_services(r.rt(), OpenMode::existing);
        if (cancel) {
          report_occurrence(r.rt(), event::cancel_occurrence(s, *id, *day), tr("is cancelled"));
        } else {
          report_occurrence(r.rt(), event::restore_occurrence(s, *id, *day), tr("is restored"));
        }
      });
    }
    {
      auto o = std::make_shared<OccurrenceEditOptions>();
      auto* c = occ->add_subcommand("move", "Move one occurrence to another day or time");
      c->add_option("id", o->id, "event id")->required();
      c->add_option("day", o->day, "the occurrence: the day it is held, or the day its rule makes")->required();
      c->add_option("--to", o->changes.start, "its new start: '2024-03-12 10:00', or a day (the same time)")->required();
      c->add_flag("--strict", o->strict, "refuse the move when it creates a conflict");
      c->callback([&r, o] { run_occurrence_edit(r.rt(), *o); });
    }
    {
      auto o = std::make_shared<OccurrenceEditOptions>();
      auto* c = occ->add_subcommand("edit", "Change one occurrence, or with --following this one and those after it");
      c->add_option("id", o->id, "event id")->required();
      c->add_option("day", o->day, "the occurrence: the day it is held, or the day its rule makes")->required();
      add_change_options(c, o->changes);
      c->add_option("--repeat", o->changes.repeat, "with --following: the rule from this occurrence on");
      c->add_option("--days-off", o->changes.days_off, "with --following: skip, previous, next, keep");
      c->add_flag("--following", o->following, "this occurrence and every one after it (the series is split here)");
      c->add_flag("--strict", o->strict, "refuse the change when it creates a conflict");
      c->callback([&r, o] { run_occurrence_edit(r.rt(), *o); });
    }
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto st = std::make_shared<std::string>();
    auto* c = ev->add_subcommand("status", "Set the status: planned, confirmed, held, cancelled");
    c->add_option("id", *id, "event id")->required();
    c->add_option("status", *st, "planned | confirmed | held | cancelled")->required();
    c->callback([&r, id, st] { run_status(r.rt(), *id, *st); });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto parts = std::make_shared<bool>(false);
    auto* c = ev->add_subcommand("delete", "Delete an event with its tasks (the audit log keeps a copy)");
    c->add_option("id", *id, "event id")->required();
    c->add_flag("--with-parts", *parts, "also delete its parts (an umbrella event with parts is refused without it)");
    c->callback([&r, id, parts] {
      Runtime& rt = r.rt();
      auto s = event_services(rt, OpenMode::existing);
      const auto e = event::remove_event(s, *id, *parts);
      rt.print(rt.quiet() ? fmt::format("{}\n", e.id) : trf("deleted event {}: {}\n", e.id, e.title));
    });
  }
  {
    auto* task = ev->add_subcommand("task", "The checklist of an event");
    task->require_subcommand(1);
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto* c = task->add_subcommand("list", "List the tasks of an event");
      c->add_option("id", *id, "event id")->required();
      c->callback([&r, id] { run_task_list(r.rt(), *id); });
    }
    {
      auto o = std::make_shared<TaskAddOptions>();
      auto* c = task->add_subcommand("add", "Add a task");
      c->add_option("id", o->id, "event id")->required();
      c->add_option("title", o->title, "what is to be done")->required();
      c->add_option("--due", o->due, "-10wd, -30d, T-14 (from the event) or a date (2023-07-20, fri)")->required();
      c->add_option("--owner", o->owner, "who does it");
      c->callback([&r, o] { run_task_add(r.rt(), *o); });
    }
    auto status_cmd = [&](const char* name, const char* help, event::TaskStatus st) {
      auto id = std::make_shared<std::int64_t>(0);
      auto no = std::make_shared<int>(0);
      auto on = std::make_shared<std::string>();
      auto* c = task->add_subcommand(name, help);
      c->add_option("id", *id, "event id")->required();
      c->add_option("no", *no, "task number")->required();
      if (st == event::TaskStatus::done) {
        c->add_option("--on", *on, "the day it was done (default today)");
      }
      c->callback([&r, id, no, on, st] { run_task_status(r.rt(), *id, *no, st, *on); });
    };
    {
      auto o = std::make_shared<TaskEditOptions>();
      auto* c = task->add_subcommand("edit", "Change a task's title, due date, owner or note");
      c->add_option("id", o->id, "event id")->required();
      c->add_option("no", o->no, "task number")->required();
      c->add_option("--title", o->changes.title, "what is to be done");
      c->add_option("--due", o->changes.due, "-10wd, -30d, T-14 (from the event) or a date (2023-07-20, fri)");
      c->add_option("--owner", o->changes.owner, "who does it");
      c->add_option("--note", o->changes.note, "a note");
      c->callback([&r, o] { run_task_edit(r.rt(), *o); });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto no = std::make_shared<int>(0);
      auto to = std::make_shared<int>(0);
      auto* c = task->add_subcommand("move", "Give a task another number; the others keep their order");
      c->add_option("id", *id, "event id")->required();
      c->add_option("no", *no, "task number")->required();
      c->add_option("--to", *to, "its new number")->required();
      c->callback([&r, id, no, to] { run_task_move(r.rt(), *id, *no, *to); });
    }
    status_cmd("done", "Mark a task done", event::TaskStatus::done);
    status_cmd("reopen", "Mark a task not done", event::TaskStatus::todo);
    status_cmd("cancel", "Cancel a task", event::TaskStatus::cancelled);
  }
  {
    auto* prog = ev->add_subcommand("program", "The run of show of an event: what happens when, who, where");
    prog->require_subcommand(1);
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto* c = prog->add_subcommand("list", "List the run of show");
      c->add_option("id", *id, "event id")->required();
      c->callback([&r, id] { run_program_list(r.rt(), *id); });
    }
    auto item_options = [](CLI::App* c, event::ProgramChanges& ch) {
      c->add_option("--at", ch.at, "18:00 (on the event's first day), +30m (from its start) or '2023-08-05 18:00'");
      c->add_option("--duration", ch.duration, "how long: 30m, 1h30m (0 for a moment)");
      c->add_option("--responsible", ch.responsible, "who is responsible");
      c->add_option("--where", ch.venue, "where, when not at the event's venue");
    };
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto ch = std::make_shared<event::ProgramChanges>();
      auto* c = prog->add_subcommand("add", "Add an item; the run of show stays in time order");
      c->add_option("id", *id, "event id")->required();
      c->add_option("title", ch->title, "what happens")->required();
      item_options(c, *ch);
      c->callback([&r, id, ch] {
        Runtime& rt = r.rt();
        auto s = event_services(rt, OpenMode::existing);
        print_item(rt, *id, event::add_program_item(s, *id, *ch), tr("added"));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto no = std::make_shared<int>(0);
      auto ch = std::make_shared<event::ProgramChanges>();
      auto* c = prog->add_subcommand("edit", "Change an item");
      c->add_option("id", *id, "event id")->required();
      c->add_option("no", *no, "item number")->required();
      c->add_option("--title", ch->title, "what happens");
      item_options(c, *ch);
      c->callback([&r, id, no, ch] {
        Runtime& rt = r.rt();
        auto s = event_services(rt, OpenMode::existing);
        print_item(rt, *id, event::edit_program_item(s, *id, *no, *ch), tr("changed"));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto no = std::make_shared<int>(0);
      auto* c = prog->add_subcommand("rm", "Remove an item");
      c->add_option("id", *id, "event id")->required();
      c->add_option("no", *no, "item number")->required();
      c->callback([&r, id, no] {
        Runtime& rt = r.rt();
        auto s = event_services(rt, OpenMode::existing);
        print_item(rt, *id, event::remove_program_item(s, *id, *no), tr("removed"));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto no = std::make_shared<int>(0);
      auto to = std::make_shared<int>(0);
      auto* c = prog->add_subcommand("move", "Reorder items at the same time");
      c->add_option("id", *id, "event id")->required();
      c->add_option("no", *no, "item number")->required();
      c->add_option("--to", *to, "its new number")->required();
      c->callback([&r, id, no, to] {
        Runtime& rt = r.rt();
        auto s = event_services(rt, OpenMode::existing);
        event::move_program_item(s, *id, *no, *to);
        rt.print(rt.quiet() ? fmt::format("{}\n", *to) : trf("run-of-show item {} of event {} is now item {}\n", *no, *id, *to));
      });
    }
  }
  {
    auto days = std::make_shared<int>(14);
    auto fail = std::make_shared<bool>(false);
    auto* c = ev->add_subcommand("agenda", "Open tasks due soon and overdue, across events");
    c->add_option("--days", *days, "look this many days ahead")->capture_default_str();
    c->add_flag("--fail-on-overdue", *fail, "exit 3 when a task is overdue (for cron)");
    c->callback([&r, days, fail] { run_agenda(r, *days, *fail); });
  }
  {
    auto o = std::make_shared<ConflictOptions>();
    auto* c = ev->add_subcommand("conflicts", "Events sharing a venue or a VIP at the same time");
    c->add_option("--from", o->from, "from this day")->capture_default_str();
    c->add_option("--to", o->to, "to this day")->capture_default_str();
    c->add_flag("--fail-if-any", o->fail_if_any, "exit 3 when there is a conflict (for cron)");
    c->callback([&r, o] { run_conflicts(r, *o); });
  }
  {
    auto* lesson = ev->add_subcommand("lesson", "Lessons learned, carried into next year's plan");
    lesson->require_subcommand(1);
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto txt = std::make_shared<std::string>();
      auto* c = lesson->add_subcommand("add", "Record a lesson");
      c->add_option("id", *id, "event id")->required();
      c->add_option("text", *txt, "the lesson")->required();
      c->callback([&r, id, txt] {
        Runtime& rt = r.rt();
        auto s = event_services(rt, OpenMode::existing);
        const auto e = event::add_lesson(s, *id, *txt);
        rt.print(rt.quiet() ? fmt::format("{}\n", e.lessons.size())
                            : trnf("event {} has {} lesson\n", "event {} has {} lessons\n", static_cast<long>(e.lessons.size()), e.id,
                                   e.lessons.size()));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto* c = lesson->add_subcommand("list", "List the lessons of an event");
      c->add_option("id", *id, "event id")->required();
      c->callback([&r, id] { run_lesson_list(r.rt(), *id); });
    }
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto date = std::make_shared<std::string>();
    auto strict = std::make_shared<bool>(false);
    auto cancelled = std::make_shared<bool>(false);
    auto* c = ev->add_subcommand("clone", "Next year's plan from this one (tasks reopened, lessons carried, parts cloned)");
    c->add_option("id", *id, "event id")->required();
    c->add_option("--date,-d", *date, "the day of the new event")->required();
    c->add_flag("--strict", *strict, "refuse when it conflicts with another event");
    c->add_flag("--with-cancelled", *cancelled, "also copy the tasks cancelled in this one");
    c->callback([&r, id, date, strict, cancelled] { run_clone(r.rt(), *id, *date, *strict, *cancelled); });
  }
  {
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto* c = ev->add_subcommand("import", "Import events from JSON (what --json prints); all or nothing");
    c->add_option("file", *file, "a JSON file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    c->callback([&r, file, dry] { run_event_import(r.rt(), *file, *dry); });
  }
  {
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto opt = std::make_shared<event::IcsImportOptions>();
    auto* c = ev->add_subcommand("import-ics", "Import events from an iCalendar file (Outlook, Thunderbird, Google, "
                                               "omskplan); by UID, so importing again updates; all or nothing");
    c->add_option("file", *file, "an .ics file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    c->add_flag("--skip-unsupported", opt->skip_unsupported,
                "skip (with a warning) events whose repeat rule omskplan cannot expand, instead of failing");
    c->add_option("--from", opt->from,
                  "the window's first day: repeating events omskplan cannot keep as a series are imported occurrence by "
                  "occurrence within it (default: a year before today, for rules without an end)");
    c->add_option("--to", opt->to, "the window's last day (default: two years after today, for rules without an end)");
    c->add_option("--horizon", opt->horizon_days, "with no --to: the window ends this many days after today")
        ->capture_default_str()
        ->check(CLI::Range(1, 3660));
    c->callback([&r, file, dry, opt] { run_event_import_ics(r.rt(), *file, *opt, *dry); });
  }
  setup_event_protocol(ev, r);
}

}  // namespace omskplan::cli
