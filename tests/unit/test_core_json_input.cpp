#include "core/json_input.hpp"

#include <doctest/doctest.h>

#include <sstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::json_input;
using nlohmann::json;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

std::vector<json> records(const std::string& text, std::string_view key = "events") {
  std::istringstream in(text);
  std::vector<json> out;
  stream_records(in, key, [&](const json& r) { out.push_back(r); });
  return out;
}

}  // namespace

TEST_SUITE("core::json_input") {
  TEST_CASE("fields are named with their place in errors") {
    const json j = json::parse(R"({"title": "Парад", "n": 3, "flag": true, "due": "2024-05-09", "bad": "09.05.2024",
                                   "list": [1], "empty": "", "nothing": null})");
    const Fields f{j, "tasks[0]."};
    CHECK(f.str("title") == "Парад");
    CHECK(f.str("absent").empty());
    CHECK(f.opt_int("n") == 3);
    CHECK(f.boolean("flag"));
    CHECK(f.date("due") == time::make_date(2024, 5, 9));
    CHECK_FALSE(f.date("nothing"));  // null is absent
    CHECK_FALSE(f.has("nothing"));
    CHECK(f.array("list")->size() == 1);
    CHECK(error_of([&] { f.date("bad"); }) == "field 'tasks[0].bad': invalid date '09.05.2024': expected YYYY-MM-DD");
    CHECK(error_of([&] { f.str("n"); }) == "field 'tasks[0].n': must be a string");
    CHECK(error_of([&] { f.str("empty", true); }) == "field 'tasks[0].empty': must not be empty");
    CHECK(error_of([&] { f.str("absent", true); }) == "field 'tasks[0].absent': missing");
    CHECK(error_of([&] { f.opt_int("title"); }) == "field 'tasks[0].title': must be an integer");
    CHECK(error_of([&] { f.boolean("n"); }) == "field 'tasks[0].n': must be true or false");
    CHECK(error_of([&] { f.array("title"); }) == "field 'tasks[0].title': must be an array");
    CHECK(error_of([&] { f.only({"title", "n", "flag", "due", "list", "empty", "nothing"}); }) ==
          "unknown field 'tasks[0].bad'");
    CHECK(error_of([&] { f.parsed("n", [] { throw InputError("too big"); return 0; }); }) ==
          "field 'tasks[0].n': too big");
  }

  TEST_CASE("records stream from an array or from {key: [...]}, errors say which record") {
    CHECK(records(R"([{"a": 1}, {"a": 2}])").size() == 2);
    CHECK(records(R"({"events": [{"a": 1}]})").size() == 1);
    CHECK(records("[]").empty());
    CHECK(error_of([] { records(R"({"tasks": []})"); }) ==
          R"(unknown top-level key 'tasks'; expected an array or {"events": [...]})");
    CHECK(error_of([] { records(R"([{"a": 1}, 7])"); }) == "record 2: expected a JSON object");
    CHECK(error_of([] { records("[{\"a\": 1},"); }).rfind("not valid JSON: ", 0) == 0);
    CHECK(error_of([] { records("[{\"a\": 1},"); }).find("[json.exception") == std::string::npos);
    CHECK(error_of([] { records("\"text\""); }) == R"(expected a JSON array (or {"events": [...]}))");
    std::istringstream in(R"([{"a": 1}, {"a": 2}])");
    CHECK(error_of([&] {
            stream_records(in, "events", [](const json& r) {
              if (r["a"] == 2) {
                throw InputError("a is 2");
              }
            });
          }) == "record 2: a is 2");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
