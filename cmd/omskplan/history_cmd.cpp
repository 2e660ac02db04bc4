// omskplan history, omskplan undo: the audit log and going back in it
#include "commands.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "store/audit.hpp"
#include "store/undo.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace omskplan::cli {

namespace {

// A command's time as the user reads it: local, in the configured zone.
std::string local_time(const Runtime& rt, const std::string& at_utc) {
  const auto at = time::parse_utc(at_utc);
  return at ? time::format_local(rt.zone().to_local(*at)) : at_utc;
}

// "undone by N" or "undo of N": how a command stands with undo.
std::string undo_note(const std::optional<std::int64_t>& undone_by, const std::optional<std::int64_t>& undo_of) {
  return undone_by ? trf("undone by {}", *undone_by) : undo_of ? trf("undo of {}", *undo_of) : std::string();
}

}  // namespace

void setup_history(CLI::App& app, Runner& r) {
  auto entity = std::make_shared<std::string>();
  auto id = std::make_shared<std::optional<std::int64_t>>();
  auto limit = std::make_shared<long>(50);
  auto by_command = std::make_shared<bool>(false);
  auto user = std::make_shared<std::string>();
  auto* c = app.add_subcommand("history", "Who changed what and when (the audit log), newest first");
  c->add_flag("--commands", *by_command, "one line per command: who, when, how many rows, undone or not");
  c->add_option("--user", *user, "with --commands: only this OS user's commands");
  c->add_option("--entity", *entity, "event, organization, agreement, award, badge, site, finding, unit, plan, plan_item, …");
  c->add_option("--id", *id, "the record's id");
  c->add_option("--limit", *limit, "at most this many")->capture_default_str();
  c->callback([&r, entity, id, limit, by_command, user] {
    Runtime& rt = r.rt();
    const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
    static const std::vector<std::string> kEntities{"event",  "organization", "agreement", "award",
                                                    "badge",  "site",         "agency",    "agency_member",
                                                    "visit",  "finding",      "command",   "unit",
                                                    "plan",   "plan_item",    "plan_amendment", "venue",
                                                    "guest",  "guest_list",   "delegation"};
    if (!entity->empty() && std::find(kEntities.begin(), kEntities.end(), *entity) == kEntities.end()) {
      throw InputError(trf("invalid entity '{}'; expected one of: {}", *entity, typed_list(kEntities)));
    }
    if (*limit <= 0) {
      throw InputError(tr("--limit must be positive"));
    }
    auto& db = rt.db(store::OpenMode::existing);
    if (*by_command) {
      if (!entity->empty() || *id) {
        throw InputError(tr("--commands lists whole commands; it takes no --entity or --id"));
      }
      render::Table t;
      t.columns = {{"id", N_("CMD"), true},       {"at", N_("WHEN")},        {"user", N_("USER")},
                   {"rows", N_("ROWS"), true},    {"note", N_("NOTE")},      {"command", N_("COMMAND"), false, 80}};
      const auto cmds = store::commands(db, user->empty() ? std::nullopt : std::optional<std::string>(*user), *limit);
      if (f == Format::json) {
        auto arr = nlohmann::ordered_json::array();
        for (const auto& e : cmds) {
          arr.push_back({{"id", e.id}, {"at", e.at_utc}, {"user", e.os_user}, {"rows", e.rows}, {"command", e.argv},
                         {"undone_by", e.undone_by ? nlohmann::ordered_json(*e.undone_by) : nullptr},
                         {"undo_of", e.undo_of ? nlohmann::ordered_json(*e.undo_of) : nullptr}});
        }
        rt.print(arr.dump(2) + "\n");
        return;
      }
      for (const auto& e : cmds) {
        t.add({std::to_string(e.id), local_time(rt, e.at_utc), e.os_user, std::to_string(e.rows),
               undo_note(e.undone_by, e.undo_of), e.argv});
      }
      rt.print_table(t, f);
      return;
    }
    if (!user->empty()) {
      throw InputError(tr("--user goes with --commands"));
    }
    const auto rows = store::history(db, entity->empty() ? std::nullopt : std::optional<std::string>(*entity), *id,
                                     *limit);
    if (f == Format::json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& e : rows) {
        auto parse = [](const std::optional<std::string>& s) {
          return s ? nlohmann::ordered_json::parse(*s) : nlohmann::ordered_json(nullptr);
        };
        arr.push_back({{"id", e.id > 0 ? nlohmann::ordered_json(e.id) : nlohmann::ordered_json(nullptr)},
                       {"command_id", e.command_id},
                       {"at", e.at_utc},
                       {"user", e.os_user},
                       {"command", e.argv},
                       {"entity", e.entity},
                       {"entity_id", e.entity_id},
                       {"action", e.action},
                       {"before", parse(e.before)},
                       {"after", parse(e.after)}});
      }
      rt.print(arr.dump(2) + "\n");
      return;
    }
    render::Table t;
    t.columns = {{"command_id", N_("CMD"), true}, {"at", N_("WHEN")},   {"user", N_("USER")},
                 {"action", N_("ACTION"), false, 60, store::say_action},
                 {"entity", N_("ENTITY"), false, 60, store::say_entity}, {"id", N_("ID"), true},
                 {"changed", N_("CHANGED"), false, 40, store::say_fields}, {"note", N_("NOTE")}, {"command", N_("COMMAND"), false, 80}};
    for (const auto& e : rows) {
      t.add({std::to_string(e.command_id), local_time(rt, e.at_utc), e.os_user, e.action, e.entity,
             std::to_string(e.entity_id), text::join(store::changed_fields(e.before, e.after), ", "),
             undo_note(e.undone_by, e.undo_of), e.argv});
    }
    rt.print_table(t, f);
  });
}

void setup_undo(CLI::App& app, Runner& r) {
  auto dry = std::make_shared<bool>(false);
  auto force = std::make_shared<bool>(false);
  auto command = std::make_shared<std::optional<std::int64_t>>();
  auto* c = app.add_subcommand("undo", "Revert your last command that changed data, as a whole");
  c->add_flag("--dry-run", *dry, "say exactly which rows would be reverted, change nothing");
  c->add_option("--command", *command, "undo this command (its number in 'history --commands'), anyone's");
  c->add_flag("--force", *force, "undo even when a later command changed the same rows (its changes there are lost)");
  c->callback([&r, dry, force, command] {
    Runtime& rt = r.rt();
    if (*dry) {
      rt.dry_run();
    }
    auto& db = rt.db(store::OpenMode::existing);
    store::UndoOptions o;
    o.command_id = *command;
    o.os_user = db.command().os_user;
    o.dry_run = *dry;
    o.force = *force;
    const auto u = store::undo(db, o);
    const std::string when = local_time(rt, u.at_utc);
    if (u.changes == 0) {
      rt.print(*dry ? trf("would undo command {} of {} at {}, which changed nothing: {}\n", u.command_id, u.os_user,
                          when, u.argv)
                    : trf("undid command {} of {} at {}, which changed nothing: {}\n", u.command_id, u.os_user, when,
                          u.argv));
    } else {
      rt.print(*dry ? trnf("would undo command {} of {} at {} ({} row change): {}\n",
                           "would undo command {} of {} at {} ({} row changes): {}\n", static_cast<long>(u.changes),
                           u.command_id, u.os_user, when, u.changes, u.argv)
                    : trnf("undid command {} of {} at {} ({} row change): {}\n",
                           "undid command {} of {} at {} ({} row changes): {}\n", static_cast<long>(u.changes),
                           u.command_id, u.os_user, when, u.changes, u.argv));
    }
    for (const auto& row : u.rows) {
      const std::string what = row.op == "delete"   ? tr("delete (it was inserted)")
                               : row.op == "insert" ? tr("insert again (it was deleted)")
                                                    : trf("put back {}", store::say_fields(text::join(row.columns, ", ")));
      rt.print(fmt::format("  {} {}: {}\n", store::say_entity(row.table), row.key, what));
    }
    for (const auto id : u.overridden) {
      rt.print(trf("  --force: the changes of command {} to these rows are reverted too\n", id));
    }
  });
}

}  // namespace omskplan::cli
