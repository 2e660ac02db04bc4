// omskplan db …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/maintenance.hpp"
#include "store/migrations.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

namespace omskplan::cli {

void setup_db(CLI::App& app, Runner& r) {
  auto* db = app.add_subcommand("db", "The database: create, locate, check, back up, restore, migrate");
  db->require_subcommand(1);
  {
    auto shared = std::make_shared<std::string>();
    auto* c = db->add_subcommand("init", "Create the database (a new one gets the whole schema)");
    c->add_option("--shared", *shared,
                  "for a team on one server: the database file 0660 and its directory 2770, both of this group");
    c->callback([&r, shared] {
      Runtime& rt = r.rt();
      if (!shared->empty()) {
        store::check_group(*shared);
      }
      auto& d = rt.db(store::OpenMode::create);
      if (!shared->empty()) {
        store::share(d.path(), *shared);
        rt.print(trf("{}: schema version {}, shared with group {}\n", d.path(), d.user_version(), *shared));
      } else {
        rt.print(trf("{}: schema version {}\n", d.path(), d.user_version()));
      }
    });
  }
  db->add_subcommand("path", "Print the database path and where it was set")->callback([&r] {
    Runtime& rt = r.rt();
    if (rt.quiet()) {
      rt.print(rt.db_path() + "\n");
    } else {
      rt.print(fmt::format("{}\t({})\n", rt.db_path(), rt.settings().database.origin));
    }
  });
  db->add_subcommand("check", "Integrity and foreign keys; exit 5 when something is wrong")->callback([&r] {
    Runtime& rt = r.rt();
    auto& d = rt.db(store::OpenMode::raw);
    const auto res = store::check(d);
    for (const auto& p : res.problems) {
      rt.print(p + "\n");
    }
    if (res.problems.empty()) {
      rt.print(trf("{}: ok (schema version {}, {} pages)\n", d.path(), res.schema_version, res.pages));
    } else {
      r.exit_code = static_cast<int>(ExitCode::storage);
    }
  });
  {
    auto file = std::make_shared<std::string>();
    auto* c = db->add_subcommand("backup", "A consistent copy of the live database (mode 0600)");
    c->add_option("file", *file, "the backup file to create")->required();
    c->callback([&r, file] {
      Runtime& rt = r.rt();
      store::backup(rt.db(store::OpenMode::raw), *file);
      rt.print(trf("backed up {} to {}\n", rt.db_path(), *file));
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = db->add_subcommand("restore", "Replace the database with a backup (the current one is kept aside)");
    c->add_option("file", *file, "an omskplan backup")->required();
    c->callback([&r, file] {
      Runtime& rt = r.rt();
      const std::string path = rt.db_path();
      const std::string kept = store::restore(*file, path);
      rt.print(trf("restored {} from {}{}\n", path, *file,
                           kept.empty() ? "" : trf(" (the previous database is in {})", kept)));
    });
  }
  db->add_subcommand("migrate", "Bring an older database to this version's schema, after a backup")->callback([&r] {
    Runtime& rt = r.rt();
    const std::string kept = store::migrate_with_backup(rt.db_path(), {});
    rt.print(kept.empty() ? trf("{}: schema version {} already\n", rt.db_path(), store::schema_version())
                          : trf("{}: migrated to schema version {}; the old one is in {}\n", rt.db_path(),
                                        store::schema_version(), kept));
  });
}

}  // namespace omskplan::cli
