// omskplan template …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "event/json.hpp"
#include "event/planner.hpp"
#include "event/views.hpp"
#include "event/template.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace omskplan::cli {

namespace {

event::TemplateCatalog template_catalog(Runtime& rt) {
  return event::TemplateCatalog(rt.paths().template_dirs, [&rt](const std::string& m) { rt.warn(m); });
}


void run_template_list(Runtime& rt) {
  const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
  const auto entries = template_catalog(rt).list();
  rt.print_records(f, [&] { return event::templates_json(entries); }, [&] { return event::templates_table(entries); });
}

void run_template_show(Runtime& rt, const std::string& id, const std::string& date) {
  const Format f = rt.format({Format::table, Format::json, Format::md});
  const auto t = template_catalog(rt).get(id);
  if (!date.empty()) {
    // A preview of the plan for that day, with due dates on the calendar.
    const auto d = time::parse_date(date, rt.ctx());
    const auto e = event::materialize(t, d, std::nullopt, rt.anniversary_base(t.id), rt.ctx());
    rt.print(f == Format::json ? event::to_json(e, rt.zone()).dump(2) + "\n"
                               : event::event_card(e, rt.zone(), rt.ctx().today(), f == Format::md));
    return;
  }
  if (f == Format::json) {
    rt.print(event::template_json(t).dump(2) + "\n");
    return;
  }
  std::string out = trf("{} — {}\n  file       {}\n  kind       {}, {}\n  title      {}\n", t.id, t.name,
                                t.origin, event::word(t.kind), event::word(t.level), t.title);
  if (t.anniversary_base) {
    out += trf("  base year  {}\n", *t.anniversary_base);
  }
  out += trf("  start      {:02}:{:02}, {}\n", t.start_time.count() / 60, t.start_time.count() % 60,
                     time::format_duration(t.duration));
  if (!t.venue.empty()) {
    out += trf("  venue      {}\n", t.venue);
  }
  if (!t.organizer.empty()) {
    out += trf("  organizer  {}\n", t.organizer);
  }
  if (!t.participants.empty()) {
    out += "\n" + std::string(tr("Participants")) + "\n";
    for (const auto& p : t.participants) {
      out += fmt::format("  {}{}{}\n", p.vip ? "★ " : "", p.name.empty() ? p.role : p.name,
                         p.name.empty() ? "" : " — " + p.role);
    }
  }
  if (!t.tasks.empty()) {
    render::Table tt;
    tt.columns = {{"due", N_("DUE"), true}, {"owner", N_("OWNER"), false, 40}, {"title", N_("TITLE"), false, 80}};
    for (const auto& task : t.tasks) {
      tt.add({task.due.text, task.owner, task.title});
    }
    out += "\n" + std::string(tr("Tasks")) + "\n" + render::to_text(tt, false);
  }
  if (!t.program.empty()) {
    render::Table pt;
    pt.columns = {{"at", N_("AT"), true}, {"duration", N_("LENGTH")}, {"title", N_("TITLE"), false, 80},
                  {"responsible", N_("RESPONSIBLE"), false, 40}};
    for (const auto& p : t.program) {
      pt.add({p.at, p.duration.count() ? time::format_duration(p.duration) : "", p.title, p.responsible});
    }
    out += "\n" + std::string(tr("Run of show")) + "\n" + render::to_text(pt, false);
  }
  rt.print(out);
}

void run_check(Runtime& rt, const std::string& file) {
  const auto t = file == "-" ? event::parse_event_template(read_input("-", files::kTextLimit), files::input_name("-"))
                             : event::load_event_template(file);
  rt.print(trf("{}: ok: template '{}' ({}), {} tasks, {} program items, {} participants\n", file, t.id,
                       t.name, t.tasks.size(), t.program.size(), t.participants.size()));
}

}  // namespace

void setup_template(CLI::App& app, Runner& r) {
  auto* tp = app.add_subcommand("template", "Event templates (TOML): list, show, check");
  tp->require_subcommand(1);
  tp->add_subcommand("list", "List the templates (yours override the shipped ones)")->callback([&r] {
    run_template_list(r.rt());
  });
  {
    auto id = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto* c = tp->add_subcommand("show", "Show a template, or with --date the plan it makes");
    c->add_option("id", *id, "template id")->required();
    c->add_option("--date,-d", *date, "preview the plan for this day");
    c->callback([&r, id, date] { run_template_show(r.rt(), *id, *date); });
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = tp->add_subcommand("check", "Check a template file; errors are file:line:col");
    c->add_option("file", *file, "the TOML file")->required();
    c->callback([&r, file] { run_check(r.rt(), *file); });
  }
}

}  // namespace omskplan::cli
