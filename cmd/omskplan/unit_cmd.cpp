// omskplan unit …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "unit/service.hpp"
#include "unit/views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace omskplan::cli {

namespace {

unit::Services unit_services(Runtime& rt, store::OpenMode mode) { return unit::Services{rt.db(mode), rt.ctx()}; }

// `what` is a whole message "… unit {}: {}\n" (the code, the name): verbs agree with their noun in Russian.
void print_unit_written(Runtime& rt, const unit::Unit& u, const char* what) {
  rt.print(rt.quiet() ? fmt::format("{}\n", u.code) : trf(what, u.code, u.name));
}

}  // namespace

void setup_unit(CLI::App& app, Runner& r) {
  auto* unit_cmd = app.add_subcommand("unit", "Structural units of the Administration: codes, names, heads, hierarchy");
  unit_cmd->require_subcommand(1);
  {
    auto in = std::make_shared<unit::UnitInput>();
    auto* c = unit_cmd->add_subcommand("add", "Register a unit");
    c->add_option("--code", in->code, "its code, e.g. ДК")->required();
    c->add_option("--name", in->name, "its full name in the nominative")->required();
    c->add_option("--short", in->short_name, "its short name, e.g. департамент культуры");
    c->add_option("--head", in->head, "its head, e.g. Иванова И. И.");
    c->add_option("--parent", in->parent, "the unit it is part of (code)");
    c->add_option("--notes", in->notes, "notes");
    c->callback([&r, in] {
      Runtime& rt = r.rt();
      auto s = unit_services(rt, store::OpenMode::create);
      print_unit_written(rt, unit::add(s, *in), N_("registered unit {}: {}\n"));
    });
  }
  {
    auto all = std::make_shared<bool>(false);
    auto* c = unit_cmd->add_subcommand("list", "List the units as a tree (parent before its units)");
    c->add_flag("--all", *all, "closed units too");
    c->callback([&r, all] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = unit_services(rt, store::OpenMode::existing);
      const auto units = unit::list(s, *all);
      rt.print_records(f, [&] { return unit::units_json(units); },
                       [&] { return unit::units_table(units, rt.ctx().today()); });
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = unit_cmd->add_subcommand("show", "Show a unit: names, head, parent, subordinate units, former names");
    c->add_option("unit", *ref, "its code")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      auto s = unit_services(rt, store::OpenMode::existing);
      const auto card = unit::card(s, *ref);
      rt.print(f == Format::json ? unit::card_json(card).dump(2) + "\n" : unit::card_text(card, rt.ctx().today()));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto ch = std::make_shared<unit::Changes>();
    auto* c = unit_cmd->add_subcommand("edit", "Change a unit's head, short name, parent or notes");
    c->add_option("unit", *ref, "its code")->required();
    c->add_option("--short", ch->short_name, "short name");
    c->add_option("--head", ch->head, "head");
    c->add_option("--parent", ch->parent, "parent unit's code, or none");
    c->add_option("--notes", ch->notes, "notes");
    c->callback([&r, ref, ch] {
      Runtime& rt = r.rt();
      auto s = unit_services(rt, store::OpenMode::existing);
      print_unit_written(rt, unit::edit(s, *ref, *ch), N_("unit {} updated: {}\n"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto rn = std::make_shared<unit::Rename>();
    auto* c = unit_cmd->add_subcommand("rename", "Rename a unit from a day on; the former name is kept");
    c->add_option("unit", *ref, "its code")->required();
    c->add_option("--name", rn->name, "the new full name");
    c->add_option("--short", rn->short_name, "the new short name");
    c->add_option("--code", rn->code, "the new code");
    c->add_option("--on", rn->on, "from this day (default today)");
    c->add_option("--act", rn->act, "the act that renamed it");
    c->callback([&r, ref, rn] {
      Runtime& rt = r.rt();
      auto s = unit_services(rt, store::OpenMode::existing);
      print_unit_written(rt, unit::rename(s, *ref, *rn), N_("unit {} renamed: {}\n"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto* c = unit_cmd->add_subcommand("close", "Close a unit (it stays in the register and in old plans)");
    c->add_option("unit", *ref, "its code")->required();
    c->add_option("--on", *on, "the day (default today)");
    c->callback([&r, ref, on] {
      Runtime& rt = r.rt();
      auto s = unit_services(rt, store::OpenMode::existing);
      print_unit_written(rt, unit::close(s, *ref, *on), N_("unit {} closed: {}\n"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = unit_cmd->add_subcommand("reopen", "Reopen a closed unit");
    c->add_option("unit", *ref, "its code")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      auto s = unit_services(rt, store::OpenMode::existing);
      print_unit_written(rt, unit::reopen(s, *ref), N_("unit {} reopened: {}\n"));
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto* c = unit_cmd->add_subcommand("import", "Import units from JSON (what unit list --json prints)");
    c->add_option("file", *file, "a JSON file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    c->callback([&r, file, dry] {
      Runtime& rt = r.rt();
      if (*dry) {
        rt.dry_run();
      }
      auto in = open_input(*file);
      auto s = unit_services(rt, store::OpenMode::create);
      try {
        const auto res = unit::import_json(s, *in, *dry);
        rt.print(trf("{}{} created, {} updated, {} unchanged\n", *dry ? tr("dry run: ") : "", res.created,
                     res.updated, res.unchanged));
      } catch (const NotFound& e) {
        throw NotFound(fmt::format("{}: {}", files::input_name(*file), e.what()));
      } catch (const InputError& e) {
        throw InputError(fmt::format("{}: {}", files::input_name(*file), e.what()));
      }
    });
  }
}

}  // namespace omskplan::cli
