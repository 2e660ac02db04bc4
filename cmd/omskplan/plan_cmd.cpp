// omskplan plan …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "plan/service.hpp"
#include "plan/views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace omskplan::cli {

using store::OpenMode;

namespace {

plan::Services plan_services(Runtime& rt, OpenMode mode) {
  return plan::Services{rt.db(mode), rt.ctx(), rt.paths().plan_dirs};
}

std::int64_t plan_id(Runtime& rt, const std::string& ref) {
  auto s = plan_services(rt, OpenMode::existing);
  return plan::resolve(s, ref).id;
}

// "plan 1, item 7 (1.3.): done on time" — or the item's number with --quiet.
void print_item(Runtime& rt, plan::Services& s, const plan::Item& i, std::string_view verb) {
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", i.no));
    return;
  }
  const auto v = plan::view(s, i.plan_id);
  const auto it = v.numbers.find(i.no);
  rt.print(trf("plan {}, item {} ({}): {} — {}\n", i.plan_id, i.no, it == v.numbers.end() ? "" : it->second, verb,
               plan::word(plan::standing(i, rt.ctx().today()))));
}

// `what` is a whole message "… plan {}: {} ({})\n" (id, title, period).
void print_plan(Runtime& rt, const plan::Plan& p, const char* what) {
  rt.print(rt.quiet() ? fmt::format("{}\n", p.id) : trf(what, p.id, p.title, p.period.text));
}

void add_amending(CLI::App* c, plan::Amending& am, const char* what) {
  c->add_option("--act", am.act, fmt::format("the act that {} (required once the plan is approved)", what));
  c->add_option("--on", am.on, "the day it was decided (default today)");
}



// What an import or a merge did: each duplicate skipped (stderr), then the counts.
void print_added(Runtime& rt, const plan::ImportResult& res, bool dry) {
  for (const auto& d : res.duplicates) {
    rt.warn(d.item_no ? trf("{}: a duplicate of item {}, skipped: {}", d.where, d.item_no, d.text)
                      : trf("{}: a duplicate of an earlier row, skipped: {}", d.where, d.text));
  }
  rt.print(trf("{}{} added, {} duplicates skipped\n", dry ? tr("dry run: ") : "", res.added, res.duplicates.size()));
}

void setup_items(CLI::App& parent, Runner& r) {
  auto* item = parent.add_subcommand("item", "Items of a plan: add, edit, mark done, postpone, drop");
  item->require_subcommand(1);
  {
    auto ref = std::make_shared<std::string>();
    auto in = std::make_shared<plan::ItemInput>();
    auto am = std::make_shared<plan::Amending>();
    auto* c = item->add_subcommand("add", "Add an item to a plan");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("--section", in->section, "its section (key, number or title; default the first)");
    c->add_option("--text", in->text, "what is to be done")->required();
    c->add_option("--unit", in->unit, "the responsible unit (code)");
    c->add_option("--co", in->co, "co-executing units: codes, comma-separated");
    c->add_option("--person", in->person, "the responsible person");
    c->add_option("--due", in->due,
                  "a date (2024-04-25), a month (april, апрель), a quarter (II квартал), «в течение квартала», "
                  "monthly (ежемесячно); default: the whole period");
    c->add_option("--recurring", in->recurring, "monthly, weekly or quarterly: a control date each time");
    c->add_option("--basis", in->basis, "the act or instruction it is based on");
    c->add_option("--result,--form", in->form, "the form of completion: информация, проект постановления, …");
    add_amending(c, *am, "adds it");
    c->callback([&r, ref, in, am] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::add_item(s, id, *in, *am), tr("added"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto no = std::make_shared<std::string>();
    auto ch = std::make_shared<plan::ItemChanges>();
    auto am = std::make_shared<plan::Amending>();
    auto* c = item->add_subcommand("edit", "Change an item (of an approved plan: an amendment)");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("item", *no, "the item: its number (7) or its place (1.3)")->required();
    c->add_option("--section", ch->section, "section");
    c->add_option("--text", ch->text, "text");
    c->add_option("--unit", ch->unit, "responsible unit");
    c->add_option("--co", ch->co, "co-executing units");
    c->add_option("--person", ch->person, "responsible person");
    c->add_option("--due", ch->due, "due (a draft's only; an approved plan's item is postponed)");
    c->add_option("--recurring", ch->recurring, "monthly, weekly, quarterly or none");
    c->add_option("--basis", ch->basis, "basis");
    c->add_option("--result,--form", ch->form, "form of completion");
    add_amending(c, *am, "changes it");
    c->callback([&r, ref, no, ch, am] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::edit_item(s, id, *no, *ch, *am), tr("changed"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto no = std::make_shared<std::string>();
    auto* c = item->add_subcommand("remove", "Remove an item from a draft");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("item", *no, "the item")->required();
    c->callback([&r, ref, no] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      const auto i = plan::remove_item(s, id, *no);
      rt.print(rt.quiet() ? fmt::format("{}\n", i.no) : trf("plan {}: item {} removed\n", id, i.no));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto no = std::make_shared<std::string>();
    auto* c = item->add_subcommand("show", "Show an item: control points, postponements, reports");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("item", *no, "the item")->required();
    c->callback([&r, ref, no] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      const auto v = plan::view(s, id);
      const auto i = plan::resolve_item(s, v.plan, *no);
      rt.print(f == Format::json ? plan::item_json(v, i, rt.ctx().today()).dump(2) + "\n"
                                 : plan::item_card(v, i, rt.ctx().today()));
    });
  }
  struct Mark {
    std::string plan, item, on, report, point;
  };
  {
    auto m = std::make_shared<Mark>();
    auto* c = item->add_subcommand("start", "Mark an item in work");
    c->add_option("plan", m->plan, "the plan's number")->required();
    c->add_option("item", m->item, "the item")->required();
    c->add_option("--on", m->on, "the day (default today)");
    c->add_option("--point", m->point, "of a recurring item: which control point (number, date or month)");
    c->callback([&r, m] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, m->plan);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::start_item(s, id, m->item, m->on, m->point), tr("in work"));
    });
  }
  {
    auto m = std::make_shared<Mark>();
    auto* c = item->add_subcommand("done", "Mark an item (a control point of it) done, with the report");
    c->add_option("plan", m->plan, "the plan's number")->required();
    c->add_option("item", m->item, "the item")->required();
    c->add_option("--on", m->on, "the day it was done (default today)");
    c->add_option("--report", m->report, "what was done: «Информация направлена письмом № …»");
    c->add_option("--point", m->point, "of a recurring item: which control point (number, date or month)");
    c->callback([&r, m] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, m->plan);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::done_item(s, id, m->item, m->on, m->report, m->point), tr("marked done"));
    });
  }
  {
    auto m = std::make_shared<Mark>();
    auto* c = item->add_subcommand("reopen", "Take back a done mark made by mistake");
    c->add_option("plan", m->plan, "the plan's number")->required();
    c->add_option("item", m->item, "the item")->required();
    c->add_option("--point", m->point, "which control point (default the last one done)");
    c->callback([&r, m] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, m->plan);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::reopen_item(s, id, m->item, m->point), tr("reopened"));
    });
  }
  {
    auto m = std::make_shared<Mark>();
    auto to = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto am = std::make_shared<plan::Amending>();
    auto* c = item->add_subcommand("postpone", "Move an item's control date (the date as planned is kept)");
    c->add_option("plan", m->plan, "the plan's number")->required();
    c->add_option("item", m->item, "the item")->required();
    c->add_option("--to", *to, "the new control date")->required();
    c->add_option("--reason", *reason, "why")->required();
    c->add_option("--point", m->point, "of a recurring item: which control point");
    add_amending(c, *am, "approved the postponement");
    c->callback([&r, m, to, reason, am] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, m->plan);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::postpone_item(s, id, m->item, *to, *reason, *am, m->point), tr("postponed"));
    });
  }
  {
    auto m = std::make_shared<Mark>();
    auto reason = std::make_shared<std::string>();
    auto am = std::make_shared<plan::Amending>();
    auto* c = item->add_subcommand("drop", "Take an item off control (снять с контроля), with the reason");
    c->add_option("plan", m->plan, "the plan's number")->required();
    c->add_option("item", m->item, "the item")->required();
    c->add_option("--reason", *reason, "why")->required();
    c->add_option("--act", am->act, "the act that decided it");
    c->add_option("--on", am->on, "the day it was decided (default today)");
    c->callback([&r, m, reason, am] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, m->plan);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::drop_item(s, id, m->item, *reason, *am), tr("dropped"));
    });
  }
}

}  // namespace

void setup_plan(CLI::App& app, Runner& r) {
  auto* plan_cmd = app.add_subcommand("plan", "Work plans of the Administration and its units, control of execution");
  plan_cmd->require_subcommand(1);
  setup_items(*plan_cmd, r);
  {
    auto in = std::make_shared<plan::NewPlan>();
    auto* c = plan_cmd->add_subcommand("new", "Make a plan for a period from a plan template");
    c->add_option("--kind", in->kind, "annual, quarterly, monthly or weekly")->required();
    c->add_option("--period", in->period, "2024, 2024-Q2, 2024-05, 2024-W19, this, next")->required();
    c->add_option("--owner,--unit", in->owner, "a unit's plan (code); default the Administration's");
    c->add_option("--title", in->title, "the title (default from the template)");
    c->add_option("--template", in->template_id, "the plan template (default the kind's)");
    c->add_option("--notes", in->notes, "notes");
    c->callback([&r, in] {
      Runtime& rt = r.rt();
      auto s = plan_services(rt, OpenMode::create);
      print_plan(rt, plan::create(s, *in), N_("made plan {}: {} ({}, a draft)\n"));
    });
  }
  {
    auto q = std::make_shared<plan::ListQuery>();
    auto* c = plan_cmd->add_subcommand("list", "List plans");
    c->add_option("--kind", q->kind, "annual, quarterly, monthly, weekly");
    c->add_option("--status", q->status, "draft, approved, closed");
    c->add_option("--unit", q->unit, "a unit's plans (code), or administration");
    c->add_option("--year", q->year, "plans of this year");
    c->callback([&r, q] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = plan_services(rt, OpenMode::existing);
      const auto rows = plan::list(s, *q);
      rt.print_records(f, [&] { return plan::plans_json(rows); }, [&] { return plan::plans_table(rows); });
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto approved = std::make_shared<bool>(false);
    auto version = std::make_shared<int>(-1);
    auto* c = plan_cmd->add_subcommand("show", "Show a plan by sections (1., 1.1., …) with each item's status");
    c->add_option("plan", *ref, "the plan's number")->required();
    auto* a = c->add_flag("--as-approved", *approved, "the text as approved (version 1)");
    c->add_option("--version", *version, "the text of a version (1 as approved, N+1 after amendment N)")->excludes(a);
    c->callback([&r, ref, approved, version] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      if (*approved || *version >= 0) {
        const Format f = rt.format({Format::table, Format::json});
        const int v = *approved ? 1 : *version;
        const auto text = plan::version(s, id, v);
        rt.print(f == Format::json ? text.dump(2) + "\n" : plan::version_text(text, v));
        return;
      }
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      const auto v = plan::view(s, id);
      const auto today = rt.ctx().today();
      if (rt.quiet() || f == Format::csv || f == Format::md) {
        rt.print_table(plan::items_table(v, today), f);
      } else if (f == Format::json) {
        rt.print(plan::plan_json(v, today).dump(2) + "\n");
      } else {
        rt.print(plan::plan_text(v, today));
      }
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto by = std::make_shared<std::string>();
    auto act = std::make_shared<std::string>();
    auto* c = plan_cmd->add_subcommand("approve", "Approve a draft: its text is kept as version 1");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("--on", *on, "the day (default today)");
    c->add_option("--by", *by, "who approved it (default the template's approver, «Мэр города Омска»)");
    c->add_option("--act", *act, "the act: «распоряжение № 45-р»")->required();
    c->callback([&r, ref, on, by, act] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      print_plan(rt, plan::approve(s, id, *on, *by, *act), N_("approved plan {}: {} ({})\n"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto* c = plan_cmd->add_subcommand("close", "Close an approved plan: what is still open becomes «не исполнено»");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("--on", *on, "the day (default today)");
    c->callback([&r, ref, on] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      const auto c_ = plan::close(s, id, *on);
      print_plan(rt, c_.plan, N_("closed plan {}: {} ({})\n"));
      if (c_.not_done > 0) {
        rt.info(trnf("{} control point was still open: not done", "{} control points were still open: not done",
                     c_.not_done, c_.not_done));
      }
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = plan_cmd->add_subcommand("amendments", "The amendments of an approved plan");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      const auto v = plan::view(s, id);
      rt.print_records(f, [&] { return plan::plan_json(v, rt.ctx().today())["amendments"]; },
                       [&] { return plan::amendments_table(v.amendments); });
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto from = std::make_shared<int>(1);
    auto to = std::make_shared<int>(0);
    auto* c = plan_cmd->add_subcommand("diff", "What changed between two versions of a plan");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("--from", *from, "version (1: as approved)")->capture_default_str();
    c->add_option("--to", *to, "version (0: now)")->capture_default_str();
    c->callback([&r, ref, from, to] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      const auto changes = plan::diff(s, id, *from, *to);
      rt.print(f == Format::json ? plan::diff_json(changes, *from, *to).dump(2) + "\n"
                                 : plan::diff_text(changes, *from, *to));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto am = std::make_shared<plan::Amending>();
    auto* c = plan_cmd->add_subcommand("import", "Add a unit's proposals from CSV or JSON (all or nothing; duplicates skipped)");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("file", *file, "a CSV (a header row) or JSON file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    add_amending(c, *am, "adds them");
    c->callback([&r, ref, file, dry, am] {
      Runtime& rt = r.rt();
      const std::string data = read_input(*file);
      if (*dry) {
        rt.dry_run();
      }
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      print_added(rt, plan::import_items(s, id, data, files::input_name(*file), *dry, *am), *dry);
    });
  }
  {
    auto from = std::make_shared<std::string>();
    auto into = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto am = std::make_shared<plan::Amending>();
    auto* c = plan_cmd->add_subcommand("merge", "Add a unit's plan (its proposals) to another plan, duplicates skipped");
    c->add_option("plan", *from, "the plan whose items are added")->required();
    c->add_option("--into", *into, "the plan they are added to")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    add_amending(c, *am, "adds them");
    c->callback([&r, from, into, dry, am] {
      Runtime& rt = r.rt();
      if (*dry) {
        rt.dry_run();
      }
      const auto a = plan_id(rt, *from);
      const auto b = plan_id(rt, *into);
      auto s = plan_services(rt, OpenMode::existing);
      print_added(rt, plan::merge(s, a, b, *dry, *am), *dry);
    });
  }
  {
    auto within = std::make_shared<std::string>("5wd");
    auto unit = std::make_shared<std::string>();
    auto ref = std::make_shared<std::string>();
    auto fail = std::make_shared<bool>(false);
    auto* c = plan_cmd->add_subcommand("due", "Items due soon and overdue in approved plans (for cron)");
    c->add_option("--within", *within, "this far ahead: 5wd (working days), 10d, 2w, 0 (today)")->capture_default_str();
    c->add_option("--unit", *unit, "of this responsible unit (code)");
    c->add_option("--plan", *ref, "of this plan");
    c->add_flag("--fail-if-any", *fail, "exit 3 when anything is listed");
    c->callback([&r, within, unit, ref, fail] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = plan_services(rt, OpenMode::existing);
      const auto d = plan::due(s, *within, *unit, *ref);
      rt.print_records(f, [&] { return plan::due_json(d); }, [&] { return plan::due_table(d); });
      if (f == Format::table && !rt.quiet()) {
        const auto n = static_cast<long>(d.rows.size());
        rt.info(due_summary(n == 0 ? std::string(tr("no control points due"))
                                   : trnf("{} control point due", "{} control points due", n, n),
                            static_cast<long>(d.overdue)));
      }
      if (*fail && !d.rows.empty()) {
        r.exit_code = static_cast<int>(ExitCode::alert);
      }
    });
  }
  {
    auto period = std::make_shared<std::string>();
    auto as_of = std::make_shared<std::string>();
    auto unit = std::make_shared<std::string>();
    auto ref = std::make_shared<std::string>();
    auto* c = plan_cmd->add_subcommand("control", "Execution discipline per unit: on time, late, overdue, postponed, %");
    c->add_option("--period", *period, "2024-Q2 (quarterly plans), 2024 (annual), 2024-05, 2024-W19; default this quarter");
    c->add_option("--as-of", *as_of, "as of this day (default today)");
    c->add_option("--unit", *unit, "only this unit (code)");
    c->add_option("--plan", *ref, "only this plan");
    c->callback([&r, period, as_of, unit, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = plan_services(rt, OpenMode::existing);
      const auto rep = plan::control(s, *period, *as_of, *unit, *ref);
      rt.print_records(f, [&] { return plan::control_json(rep); }, [&] { return plan::control_table(rep); });
      if (f == Format::table && !rt.quiet()) {
        rt.info(trnf("period {}, as of {}: {} plan{}", "period {}, as of {}: {} plans{}",
                     static_cast<long>(rep.plans.size()), rep.period.text, time::format_date(rep.as_of),
                     rep.plans.size(), rep.previous ? trf("; trend against {}", rep.previous->text) : std::string()));
      }
    });
  }
  {
    auto from = std::make_shared<std::string>();
    auto into = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto am = std::make_shared<plan::Amending>();
    auto* c = plan_cmd->add_subcommand("carry", "Carry the undone items into the next period's plan, each linked to its origin");
    c->add_option("plan", *from, "the plan whose undone items are carried")->required();
    c->add_option("--into", *into, "the plan they go into")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    add_amending(c, *am, "adds them to an approved plan");
    c->callback([&r, from, into, dry, am] {
      Runtime& rt = r.rt();
      if (*dry) {
        rt.dry_run();
      }
      const auto a = plan_id(rt, *from);
      const auto b = plan_id(rt, *into);
      auto s = plan_services(rt, OpenMode::existing);
      const auto res = plan::carry(s, a, b, *dry, *am);
      if (rt.quiet()) {
        for (const auto& [src, dst] : res.pairs) {
          rt.print(fmt::format("{} {}\n", src, dst));
        }
        return;
      }
      for (const auto& [src, dst] : res.pairs) {
        rt.info(trf("item {} → item {}", src, dst));
      }
      rt.print(trf("{}{} items carried into plan {}, {} carried before\n", *dry ? tr("dry run: ") : "", res.carried, b,
                   res.already));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto no = std::make_shared<std::string>();
    auto l = std::make_shared<plan::Link>();
    auto* c = plan_cmd->add_subcommand("link", "Link an item to the event (agreement, site) that realises it");
    c->add_option("plan", *ref, "the plan's number")->required();
    c->add_option("item", *no, "the item")->required();
    c->add_option("--event", l->event, "an event's id");
    c->add_option("--agreement", l->agreement, "an agreement's id");
    c->add_option("--site", l->site, "an inspection site's code");
    c->add_flag("--clear", l->clear, "remove the links");
    c->callback([&r, ref, no, l] {
      Runtime& rt = r.rt();
      const auto id = plan_id(rt, *ref);
      auto s = plan_services(rt, OpenMode::existing);
      print_item(rt, s, plan::link_item(s, id, *no, *l), tr("linked"));
    });
  }
  {
    auto* c = plan_cmd->add_subcommand("templates", "The plan templates: their kinds and sections");
    c->callback([&r] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      const auto list = plan::PlanTemplateCatalog(rt.paths().plan_dirs, [&rt](const std::string& m) { rt.warn(m); }).list();
      rt.print(f == Format::json ? plan::templates_json(list).dump(2) + "\n" : plan::templates_text(list));
    });
  }
}

}  // namespace omskplan::cli
