#include "shell/manpage.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::shell;

namespace {

CommandSpec tree() {
  CommandSpec root;
  root.name = "omskplan";
  root.help = "Planning toolkit";
  OptionSpec db;
  db.names = {"--db"};
  db.takes_value = true;
  db.value_name = "FILE";
  db.help = "the database";
  root.options.push_back(db);
  CommandSpec ev;
  ev.name = "event";
  ev.help = "Events";
  CommandSpec add;
  add.name = "add";
  add.help = "Add an event -- with a title";
  ev.subcommands.push_back(add);
  root.subcommands.push_back(ev);
  return root;
}

}  // namespace

TEST_SUITE("shell::manpage") {
  TEST_CASE("the page has its header, every command and option, the settings and the fixed sections") {
    const std::string page = man_page(tree(), "2026-11-30", "omskplan 0.1.0");
    CHECK(page.find(".TH OMSKPLAN 1 \"2026-11-30\" \"omskplan 0.1.0\"") != std::string::npos);
    CHECK(page.find("event add") != std::string::npos);
    CHECK(page.find("\\-\\-db") != std::string::npos);
    CHECK(page.find("FILE") != std::string::npos);
    CHECK(page.find("OMSKPLAN_DB") != std::string::npos);  // ENVIRONMENT, from the settings table
    CHECK(page.find(".SH \"EXIT STATUS\"") != std::string::npos);
  }

  TEST_CASE("roff: backslashes, a leading dot or quote, hyphens") {
    CHECK(roff_escape("a\\b") == "a\\eb");
    CHECK(roff_escape(".start").rfind("\\&.", 0) == 0);
    CHECK(roff_escape("'quote").rfind("\\&'", 0) == 0);
    CHECK(roff_escape("--db") == "\\-\\-db");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
