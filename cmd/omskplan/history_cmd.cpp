// omskplan history, omskplan undo: the audit log and going back in it
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "store/audit.hpp"
#include "store/undo.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace omskplan::cli {

void setup_history(CLI::App& app, Runner& r) {
  auto entity = std::make_shared<std::string>();
  auto id = std::make_shared<std::optional<std::int64_t>>();
  auto limit = std::make_shared<long>(50);
  auto* c = app.add_subcommand("history", "Who changed what and when (the audit log), newest first");
  c->add_option("--entity", *entity, "event, organization, agreement, award, badge");
  c->add_option("--id", *id, "the record's id");
  c->add_option("--limit", *limit, "at most this many")->capture_default_str();
  c->callback([&r, entity, id, limit] {
    Runtime& rt = r.rt();
    const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
    static const std::vector<std::string> kEntities{"event",  "organization", "agreement", "award",
                                                    "badge",  "site",         "agency",    "agency_member",
                                                    "visit",  "finding",      "command"};
    if (!entity->empty() && std::find(kEntities.begin(), kEntities.end(), *entity) == kEntities.end()) {
      throw InputError(trf("invalid entity '{}'; expected one of: {}", *entity, text::join(kEntities, ", ")));
    }
    if (*limit <= 0) {
      throw InputError(tr("--limit must be positive"));
    }
    auto& db = rt.db(store::OpenMode::existing);
    const auto rows = store::history(db, entity->empty() ? std::nullopt : std::optional<std::string>(*entity), *id,
                                     *limit);
    if (f == Format::json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& e : rows) {
        auto parse = [](const std::optional<std::string>& s) {
          return s ? nlohmann::ordered_json::parse(*s) : nlohmann::ordered_json(nullptr);
        };
        arr.push_back({{"id", e.id},
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
                 {"action", N_("ACTION")},        {"entity", N_("ENTITY")}, {"id", N_("ID"), true},
                 {"changed", N_("CHANGED"), false, 40}, {"note", N_("NOTE")}, {"command", N_("COMMAND"), false, 80}};
    for (const auto& e : rows) {
      const auto at = time::parse_utc(e.at_utc);
      const std::string note = e.undone_by ? trf("undone by {}", *e.undone_by)
                               : e.undo_of  ? trf("undo of {}", *e.undo_of)
                                            : "";
      t.add({std::to_string(e.command_id), at ? time::format_local(rt.zone().to_local(*at)) : e.at_utc, e.os_user,
             e.action, e.entity, std::to_string(e.entity_id), text::join(store::changed_fields(e.before, e.after), ", "),
             note, e.argv});
    }
    rt.print_table(t, f);
  });
}

void setup_undo(CLI::App& app, Runner& r) {
  auto dry = std::make_shared<bool>(false);
  auto* c = app.add_subcommand("undo", "Revert the last command that changed data, as a whole");
  c->add_flag("--dry-run", *dry, "say what would be undone, change nothing");
  c->callback([&r, dry] {
    Runtime& rt = r.rt();
    const auto u = store::undo(rt.db(store::OpenMode::existing), *dry);
    const auto at = time::parse_utc(u.at_utc);
    const std::string when = at ? time::format_local(rt.zone().to_local(*at)) : u.at_utc;
    rt.print(*dry ? trnf("would undo command {} of {} ({} row change): {}\n",
                         "would undo command {} of {} ({} row changes): {}\n", static_cast<long>(u.changes),
                         u.command_id, when, u.changes, u.argv)
                  : trnf("undid command {} of {} ({} row change): {}\n", "undid command {} of {} ({} row changes): {}\n",
                         static_cast<long>(u.changes), u.command_id, when, u.changes, u.argv));
  });
}

}  // namespace omskplan::cli
