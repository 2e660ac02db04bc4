#include "core/toml_input.hpp"

#include "core/catalog.hpp"
#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

struct Thing {
  std::string id;
  std::string path;
};

Thing load_thing(const std::string& path) {
  const toml_input::Reader r(path);
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    r.fail(e.source(), std::string(e.description()));
  }
  return {r.req_string(t, "id", {{1, 1}, {1, 1}, {}}), path};
}

}  // namespace

TEST_SUITE("core::toml_input") {
  TEST_CASE("errors are FILE:LINE:COL with what is wrong") {
    const toml::table t = toml::parse("id = \"a\"\nn = 5\nblank = \"  \"\ncolour = 1\n[[task]]\ntitle = \"x\"\n[[task]]\n"
                                      "due = 3\n",
                                      std::string_view("t.toml"));
    const toml_input::Reader r("t.toml");
    const toml::source_region top{{1, 1}, {1, 1}, {}};
    CHECK(r.opt_string(t, "id") == "a");
    CHECK_FALSE(r.opt_string(t, "absent"));
    CHECK(error_of([&] { r.opt_string(t, "n"); }) == "t.toml:2:5: 'n' must be a string");
    CHECK(error_of([&] { r.req_string(t, "blank", top); }) == "t.toml:1:1: missing required key 'blank'");
    CHECK(error_of([&] { r.check_keys(t, {"id", "n", "blank", "task"}, ""); }) ==
          "t.toml:4:1: unknown key 'colour'; expected one of: blank, id, n, task");
    int tasks = 0;
    CHECK(error_of([&] {
            r.each_table(t, "task", [&](const toml::table& task) {
              ++tasks;
              r.check_keys(task, {"title"}, "task");
            });
          }) == "t.toml:8:1: unknown key 'due' in [[task]]; expected one of: title");
    CHECK(tasks == 2);
    const toml::table bad = toml::parse("task = 1\nlist = [1]\n", std::string_view("b.toml"));
    CHECK(error_of([&] { r.each_table(bad, "task", [](const toml::table&) {}); }) ==
          "t.toml:1:8: 'task' must be an array of tables: write [[task]]");
    CHECK(error_of([&] { r.each_table(bad, "list", [](const toml::table&) {}); }) ==
          "t.toml:2:9: each 'list' must be a table");
  }

  TEST_CASE("a catalog: the first directory wins, broken files are skipped or are the answer, did you mean") {
    testing::TempDir user, shipped;
    std::ofstream(user.file("city-day.toml")) << "id = \"city-day\"\n";
    std::ofstream(shipped.file("city-day.toml")) << "id = \"city-day\"\n";
    std::ofstream(shipped.file("concert.toml")) << "id = \"concert\"\n";
    std::ofstream(user.file("broken.toml")) << "id = \n";
    std::vector<std::string> warnings;
    catalog::Catalog<Thing> c({user.path.string(), shipped.path.string()}, load_thing,
                              {[](const std::string& e) { return "skipping " + e; },
                               [](const std::string& id, const std::string& near) {
                                 return "unknown '" + id + "'" + (near.empty() ? "" : ", did you mean '" + near + "'");
                               }},
                              [&](const std::string& w) { warnings.push_back(w); });
    const auto all = c.list();
    REQUIRE(all.size() == 2);
    CHECK(all[0].item.id == "city-day");
    CHECK(all[0].item.path == user.file("city-day.toml"));
    CHECK(all[0].overrides);
    CHECK_FALSE(all[1].overrides);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].rfind("skipping ", 0) == 0);
    CHECK(c.get("concert").path == shipped.file("concert.toml"));
    CHECK_THROWS_WITH_AS(c.get("concret"), "unknown 'concret', did you mean 'concert'", NotFound);
    CHECK_THROWS_WITH_AS(c.get("broken"), doctest::Contains("broken.toml:1:"), InputError);  // by its name: its own error
  }
}

}  // namespace OMSKPLAN_TEST_FILE
