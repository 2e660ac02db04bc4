// omskplan db …
#include "commands.hpp"

#include "store/db.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace omskplan::cli {

void setup_db(CLI::App& app, Runner& r) {
  auto* db = app.add_subcommand("db", "The database: create it, say where it is");
  db->require_subcommand(1);
  db->add_subcommand("init", "Create the database (or bring it to the newest schema)")->callback([&r] {
    Runtime& rt = r.rt();
    auto& d = rt.db(store::OpenMode::create);
    rt.print(fmt::format("{}: schema version {}\n", d.path(), d.user_version()));
  });
  db->add_subcommand("path", "Print the database path and where it was set")->callback([&r] {
    Runtime& rt = r.rt();
    if (rt.quiet()) {
      rt.print(rt.db_path() + "\n");
    } else {
      rt.print(fmt::format("{}\t({})\n", rt.db_path(), rt.settings().database.origin));
    }
  });
}

}  // namespace omskplan::cli
