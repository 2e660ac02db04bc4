// omskplan inspection …
#include "commands.hpp"
#include "report/inspection_memo.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "inspection/service.hpp"
#include "inspection/views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <sstream>

namespace omskplan::cli {

using store::OpenMode;
namespace in = omskplan::inspection;

namespace {

in::Services inspection_services(Runtime& rt, OpenMode mode) {
  return in::Services{rt.db(mode), rt.ctx(), rt.schedule_settings(), rt.agreement_settings()};
}

void print_plan(Runtime& rt, in::Services& s, const in::WeekPlan& p, bool explain) {
  const Format f = rt.format({Format::table, Format::json, Format::md, Format::ics, Format::csv});
  if (rt.quiet()) {
    for (const auto& st : p.stops) {
      rt.print(fmt::format("{}\n", st.visit.id));
    }
    return;
  }
  switch (f) {
    case Format::json:
      rt.print(in::plan_json(p, rt.zone()).dump(2) + "\n");
      return;
    case Format::md:
      rt.print(in::plan_memo(p, in::memo_context(s, p), rt.zone(), rt.ctx().today()));
      return;
    case Format::ics:
      rt.print(render::write_calendar(in::plan_ics(p, in::memo_context(s, p), rt.zone()), rt.zone(), rt.ctx().now,
                                      "Выездные проверки"));
      return;
    default:
      break;
  }
  if (!p.note.empty()) {
    rt.info(p.note);
  }
  rt.print_table(in::plan_table(p, rt.zone()), f);
  if (explain && !p.candidates.empty()) {
    rt.print("\n");
    rt.print_table(in::explain_table(p), f);
  }
}

std::vector<std::int64_t> id_list(const std::string& s) {
  std::vector<std::int64_t> out;
  if (text::trim(s).empty()) {
    return out;
  }
  for (const auto& part : text::split(s, ',')) {
    const std::string p = text::trim(part);
    if (p.empty() || p.size() > 12 || !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw InputError(trf("invalid --attended '{}': expected member ids such as 1,3", s));
    }
    out.push_back(std::stoll(p));
  }
  return out;
}

void setup_sites(CLI::App& parent, Runner& r) {
  auto* site = parent.add_subcommand("site", "Objects of national projects and state programs");
  site->require_subcommand(1);
  {
    auto o = std::make_shared<in::SiteInput>();
    auto* c = site->add_subcommand("add", "Register a site");
    c->add_option("--code", o->code, "unique code, e.g. OB-017")->required();
    c->add_option("--name", o->name, "name")->required();
    c->add_option("--address", o->address, "address");
    c->add_option("--lat", o->lat, "latitude");
    c->add_option("--lon", o->lon, "longitude");
    c->add_option("--program", o->program, "national project or state program");
    c->add_option("--work", o->work, "construction, reconstruction, capital-repair")->required();
    c->add_option("--risk", o->risk, "extreme, high, significant, medium, moderate, low")->required();
    c->add_option("--deadline", o->deadline, "contract deadline");
    c->add_option("--progress", o->progress, "percent done");
    c->add_option("--contractor", o->contractor, "contractor: organization id or INN");
    c->add_option("--customer", o->customer, "customer: organization id or INN");
    c->add_option("--notes", o->notes, "notes");
    c->callback([&r, o] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::create);
      const auto st = in::add_site(s, *o);
      if (const std::string w = in::area_warning(s, st); !w.empty()) {
        rt.warn(w);
      }
      rt.print(rt.quiet() ? fmt::format("{}\n", st.id) : trf("registered site {}: {} «{}»\n", st.id, st.code, st.name));
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto* c = site->add_subcommand("import", "Import sites from CSV (, or ; with decimal commas); all or nothing");
    c->add_option("file", *file, "a CSV file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    c->callback([&r, file, dry] {
      Runtime& rt = r.rt();
      // Read a row at a time; a sites register is far below the limit of a data file.
      auto text = open_input(*file, files::kDataLimit);
      if (*dry) {
        rt.dry_run();
      }
      auto s = inspection_services(rt, OpenMode::create);
      const auto res = in::import_sites_csv(s, *text, files::input_name(*file), *dry);
      for (const auto& w : res.warnings) {
        rt.warn(w);
      }
      rt.print(trf("{}{} created, {} updated, {} unchanged\n", *dry ? tr("dry run: ") : "", res.created,
                           res.updated, res.unchanged));
    });
  }
  {
    auto program = std::make_shared<std::string>();
    auto work = std::make_shared<std::string>();
    auto risk = std::make_shared<std::string>();
    auto active = std::make_shared<bool>(false);
    auto* c = site->add_subcommand("list", "List sites (by code)");
    c->add_option("--program", *program, "of this program");
    c->add_option("--work", *work, "of this kind of work");
    c->add_option("--risk", *risk, "of this risk class");
    c->add_flag("--active", *active, "only active sites");
    c->callback([&r, program, work, risk, active] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      // CSV carries every field the import reads, so that a list imports back unchanged.
      const bool csv = f == Format::csv;
      RecordPrinter out(rt, f, csv ? in::sites_export_columns() : in::sites_columns());
      auto s = inspection_services(rt, OpenMode::existing);
      in::for_each_site(s, {*program, *work, *risk, *active}, csv, [&](const in::ListedSite& l) {
        if (out.json()) {
          out.add_json(in::to_json(l.site));
        } else {
          out.add_row(csv ? in::site_export_row(l) : in::site_row(l.site));
        }
      });
      out.finish();
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = site->add_subcommand("show", "Show a site with its findings");
    c->add_option("site", *ref, "code or id")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      auto s = inspection_services(rt, OpenMode::existing);
      const auto card = in::site_card(s, *ref);
      rt.print(f == Format::json ? in::site_card_json(card, rt.ctx().today()).dump(2) + "\n"
                                 : in::site_card_text(card, rt.ctx().today()));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto c_ = std::make_shared<in::SiteChanges>();
    auto* c = site->add_subcommand("edit", "Change a site: progress, deadline, risk, contractor, coordinates, …");
    c->add_option("site", *ref, "code or id")->required();
    c->add_option("--name", c_->name, "name");
    c->add_option("--address", c_->address, "address");
    c->add_option("--lat", c_->lat, "latitude (\"\" with --lon \"\" clears the coordinates)");
    c->add_option("--lon", c_->lon, "longitude");
    c->add_option("--program", c_->program, "national project or state program");
    c->add_option("--work", c_->work, "construction, reconstruction, capital-repair");
    c->add_option("--risk", c_->risk, "extreme, high, significant, medium, moderate, low");
    c->add_option("--deadline", c_->deadline, "contract deadline (\"\" clears it)");
    c->add_option("--progress", c_->progress, "percent done");
    c->add_option("--contractor", c_->contractor, "contractor: organization id or INN (\"\" clears it)");
    c->add_option("--customer", c_->customer, "customer: organization id or INN (\"\" clears it)");
    c->add_option("--notes", c_->notes, "notes");
    c->add_option("--active", c_->active, "yes or no: an inactive site is never scheduled");
    c->callback([&r, ref, c_] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      const auto e = in::edit_site(s, *ref, *c_);
      if (const std::string w = in::area_warning(s, e.after); !w.empty() && e.changed) {
        rt.warn(w);
      }
      if (rt.quiet()) {
        rt.print(fmt::format("{}\n", e.after.id));
      } else {
        rt.print(e.changed ? trf("site {} changed: {} «{}»\n", e.after.id, e.after.code, e.after.name)
                           : trf("site {}: nothing changed\n", e.after.id));
      }
    });
  }
}

void setup_agencies(CLI::App& parent, Runner& r) {
  auto* ag = parent.add_subcommand("agency", "Regional authorities and oversight bodies that take part");
  ag->require_subcommand(1);
  {
    auto name = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>("other");
    auto* c = ag->add_subcommand("add", "Register an agency");
    c->add_option("--name", *name, "full name")->required();
    c->add_option("--kind", *kind, "regional, oversight, municipal, federal, other")->capture_default_str();
    c->callback([&r, name, kind] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::create);
      const auto a = in::add_agency(s, *name, *kind);
      rt.print(rt.quiet() ? fmt::format("{}\n", a.id) : trf("registered agency {}: {}\n", a.id, a.name));
    });
  }
  ag->add_subcommand("list", "List agencies and their representatives")->callback([&r] {
    Runtime& rt = r.rt();
    const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
    auto s = inspection_services(rt, OpenMode::existing);
    const auto agencies = in::list_agencies(s);
    rt.print_records(f, [&] { return in::agencies_json(agencies); }, [&] { return in::agencies_table(agencies); });
  });
  {
    auto* member = ag->add_subcommand("member", "Representatives of an agency");
    member->require_subcommand(1);
    auto id = std::make_shared<std::int64_t>(0);
    auto name = std::make_shared<std::string>();
    auto position = std::make_shared<std::string>();
    auto phone = std::make_shared<std::string>();
    auto* c = member->add_subcommand("add", "Add a representative");
    c->add_option("agency", *id, "agency id")->required();
    c->add_option("--name", *name, "name")->required();
    c->add_option("--position", *position, "position");
    c->add_option("--phone", *phone, "phone");
    c->callback([&r, id, name, position, phone] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      const auto m = in::add_member(s, *id, *name, *position, *phone);
      rt.print(rt.quiet() ? fmt::format("{}\n", m.id)
                          : trf("member {}: {} ({}) of agency {}\n", m.id, m.name, m.position, m.agency_id));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto program = std::make_shared<std::string>();
    auto work = std::make_shared<std::string>();
    auto* c = ag->add_subcommand("require", "The agency must attend visits to sites of a program and/or kind of work");
    c->add_option("agency", *id, "agency id")->required();
    c->add_option("--program", *program, "program");
    c->add_option("--work", *work, "construction, reconstruction, capital-repair");
    c->callback([&r, id, program, work] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      in::require_agency(s, *id, *program, *work);
      rt.print(trf("agency {} attends {}{}{}\n", *id, program->empty() ? "" : "«" + *program + "»",
                           !program->empty() && !work->empty() ? ", " : "", *work));
    });
  }
}

void setup_findings(CLI::App& parent, Runner& r) {
  auto* fi = parent.add_subcommand("finding", "Problems found at sites, until solved");
  fi->require_subcommand(1);
  {
    auto o = std::make_shared<in::FindingInput>();
    auto* c = fi->add_subcommand("add", "Record a finding");
    c->add_option("--visit", o->visit_id, "the visit it was found at");
    c->add_option("--site", o->site, "site code or id")->required();
    c->add_option("--text", o->text, "what is wrong")->required();
    c->add_option("--responsible", o->responsible, "organization INN, or a person");
    c->add_option("--due", o->due, "to be solved by");
    c->add_option("--severity", o->severity, "critical, major, minor")->capture_default_str();
    c->callback([&r, o] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      const auto f = in::add_finding(s, *o);
      for (const auto& w : in::finding_due_warnings(s, f)) {
        rt.warn(w);
      }
      rt.print(rt.quiet() ? fmt::format("{}\n", f.id) : trf("finding {} at {}: {}\n", f.id, o->site, f.text));
    });
  }
  auto print_findings = [](Runtime& rt, const in::FindingList& l) {
    const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
    rt.print_records(
        f,
        [&] {
          auto arr = nlohmann::ordered_json::array();
          for (const auto& x : l.findings) {
            arr.push_back(in::to_json(x, l.site_codes.at(x.site_id), rt.ctx().today()));
          }
          return arr;
        },
        [&] { return in::findings_table(l.findings, l.site_codes, rt.ctx().today(), l.org_names); });
  };
  {
    auto open = std::make_shared<bool>(false);
    auto overdue = std::make_shared<bool>(false);
    auto site = std::make_shared<std::string>();
    auto* c = fi->add_subcommand("list", "List findings (by due date)");
    c->add_flag("--open", *open, "only open and in-progress ones");
    c->add_flag("--overdue", *overdue, "only open ones past their due date");
    c->add_option("--site", *site, "of a site (code or id)");
    c->callback([&r, open, overdue, site, print_findings] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      print_findings(rt, in::list_findings(s, {*open, *overdue, *site}));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto st = std::make_shared<std::string>();
    auto note = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto* c = fi->add_subcommand("status", "Move a finding: open → in-progress → resolved → verified");
    c->add_option("id", *id, "finding id")->required();
    c->add_option("status", *st, "in-progress, resolved, verified")->required();
    c->add_option("--note", *note, "what was done");
    c->add_option("--on", *on, "the day it happened (default: now), e.g. when recorded late");
    c->callback([&r, id, st, note, on] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      const auto f = in::set_finding_status(s, *id, in::parse_finding_status(*st), *note, *on);
      rt.print(rt.quiet() ? fmt::format("{}\n", f.id) : trf("finding {} is {}\n", f.id, in::word(f.status)));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = fi->add_subcommand("history", "The status changes of a finding with their notes");
    c->add_option("id", *id, "finding id")->required();
    c->callback([&r, id] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = inspection_services(rt, OpenMode::existing);
      const auto changes = in::finding_history(s, *id);
      rt.print_records(f, [&] { return in::finding_history_json(changes); },
                       [&] { return in::finding_history_table(changes, rt.zone()); });
    });
  }
  {
    auto fail = std::make_shared<bool>(false);
    auto* c = parent.add_subcommand("overdue", "Open findings past their due date (for cron)");
    c->add_flag("--fail-if-any", *fail, "exit 3 when there is one");
    c->callback([&r, fail, print_findings] {
      Runtime& rt = r.rt();
      auto s = inspection_services(rt, OpenMode::existing);
      const auto l = in::list_findings(s, {false, true, ""});
      print_findings(rt, l);
      if (*fail && !l.findings.empty()) {
        r.exit_code = static_cast<int>(ExitCode::alert);
      }
    });
  }
}

}  // namespace

void setup_inspection(CLI::App& app, Runner& r) {
  auto* ins = app.add_subcommand("inspection", "Weekly joint site inspections: sites, schedule, visits, findings");
  ins->require_subcommand(1);
  setup_sites(*ins, r);
  setup_agencies(*ins, r);
  {
    auto week = std::make_shared<std::string>("next");
    auto explain = std::make_shared<bool>(false);
    auto dry = std::make_shared<bool>(false);
    auto replan = std::make_shared<bool>(false);
    auto* c = ins->add_subcommand("schedule", "Plan a week's visits (the cron job); running it twice changes nothing");
    c->add_option("--week", *week, "next, this, 2024-W19 or a day of the week")->capture_default_str();
    c->add_flag("--explain", *explain, "show why each site was chosen or left out");
    c->add_flag("--dry-run", *dry, "plan without saving");
    c->add_flag("--replan", *replan, "replace the week's planned (not held) visits");
    c->callback([&r, week, explain, dry, replan] {
      Runtime& rt = r.rt();
      const auto monday = time::parse_week(*week, rt.ctx());
      if (*dry && *replan) {
        rt.dry_run();  // a dry replan removes the planned visits first: on a private copy
      }
      auto s = inspection_services(rt, *dry ? OpenMode::existing : OpenMode::create);
      const auto p = in::schedule(s, monday, *replan ? in::ScheduleMode::replan : in::ScheduleMode::normal, *dry,
                                  *explain);
      if (p.existing && !*replan) {
        rt.info(trf("week {} is planned already; nothing changed (--replan to plan it again)", p.week));
      }
      for (const auto& w : p.warnings) {
        rt.warn(w);
      }
      print_plan(rt, s, p, *explain);
    });
  }
  {
    auto week = std::make_shared<std::string>("next");
    auto output = std::make_shared<std::string>();
    auto* c = ins->add_subcommand("plan", "Show a week's plan: table, json, md (the memo), ics; docx, html: the memo as a document");
    c->add_option("--week", *week, "next, this, 2024-W19 or a day of the week")->capture_default_str();
    c->add_option("-o,--output", *output, "write the memo (docx, html, xlsx) to this file (atomically)");
    c->callback([&r, week, output] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::md, Format::ics, Format::csv, Format::html,
                                  Format::docx, Format::xlsx});
      check_output(*output);
      auto s = inspection_services(rt, OpenMode::existing);
      const auto p = in::load_week(s, time::parse_week(*week, rt.ctx()));
      if (f == Format::html || f == Format::docx || f == Format::xlsx) {
        emit_document(rt, report::inspection_memo(p, in::memo_context(s, p), rt.zone(), rt.ctx().today(),
                                                  document_signatures(rt)),
                      f, *output);
        return;
      }
      if (!output->empty()) {
        throw InputError(tr("-o is for the memo as a document: --format docx, html or xlsx"));
      }
      print_plan(rt, s, p, false);
    });
  }
  {
    auto* v = ins->add_subcommand("visit", "Record what happened to a planned visit");
    v->require_subcommand(1);
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto notes = std::make_shared<std::string>();
      auto attended = std::make_shared<std::string>();
      auto on = std::make_shared<std::string>();
      auto* c = v->add_subcommand("held", "The visit took place");
      c->add_option("id", *id, "visit id")->required();
      c->add_option("--notes", *notes, "notes");
      c->add_option("--attended", *attended, "agency members who came: ids, e.g. 1,3");
      c->add_option("--on", *on, "the day (default: the planned day)");
      c->callback([&r, id, notes, attended, on] {
        Runtime& rt = r.rt();
        auto s = inspection_services(rt, OpenMode::existing);
        const auto vis = in::visit_held(s, *id, *notes, id_list(*attended), *on);
        rt.print(rt.quiet() ? fmt::format("{}\n", vis.id)
                            : trf("visit {} held on {}\n", vis.id, time::format_date(*vis.held_on)));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto notes = std::make_shared<std::string>();
      auto* c = v->add_subcommand("cancel", "The visit will not take place");
      c->add_option("id", *id, "visit id")->required();
      c->add_option("--notes", *notes, "why");
      c->callback([&r, id, notes] {
        Runtime& rt = r.rt();
        auto s = inspection_services(rt, OpenMode::existing);
        const auto vis = in::visit_cancel(s, *id, *notes);
        rt.print(rt.quiet() ? fmt::format("{}\n", vis.id) : trf("visit {} cancelled\n", vis.id));
      });
    }
  }
  setup_findings(*ins, r);
}

}  // namespace omskplan::cli
