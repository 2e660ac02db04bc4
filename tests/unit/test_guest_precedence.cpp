#include "guest/precedence.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::guest;

namespace {

Guest person(std::int64_t id, const char* name, const char* rank) {
  Guest g;
  g.id = id;
  g.name = name;
  g.rank = rank;
  return g;
}

std::vector<std::string> names(const std::vector<Ranked>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) {
    out.push_back(r.guest->name);
  }
  return out;
}

}  // namespace

TEST_SUITE("guest::precedence") {
  TEST_CASE("the shipped table: federal first, the Mayor is the host, a Russian city's ranks") {
    const auto& p = builtin_precedence();
    REQUIRE(p.ranks.size() >= 20);
    CHECK(p.ranks.front().id == "federal");
    CHECK(p.ranks.back().id == "other");
    CHECK(p.host == "mayor");
    CHECK(p.tie == Tie::name);
    CHECK(p.origin == "built-in");
    CHECK(p.place("governor") < p.place("mayor"));
    CHECK(p.place("mayor") < p.place("council-chairman"));
    CHECK(p.place("council-chairman") < p.place("intercity-head"));
    CHECK(p.place("intercity-head") < p.place("consul"));
    CHECK(p.place("honorary-citizen") < p.place("veteran"));
    CHECK(p.place("nobody") == p.ranks.size());
    // The text is the TOML it was read from: `guest ranks --toml` prints it to edit.
    CHECK(parse_precedence(p.text, "copy").ranks.size() == p.ranks.size());
  }

  TEST_CASE("a rank as typed: the id or the name; did you mean otherwise") {
    const auto& p = builtin_precedence();
    CHECK(resolve_rank(p, "intercity-head") == "intercity-head");
    CHECK(resolve_rank(p, "губернатор омской области") == "governor");
    CHECK_THROWS_WITH(resolve_rank(p, "intercity-haed"),
                      "no rank 'intercity-haed' in the order of precedence; did you mean 'intercity-head'?");
    CHECK_THROWS_AS(resolve_rank(p, "zzzzzzzzzzzz"), InputError);
  }

  TEST_CASE("guests by rank, then alphabetically (ё as е), or by the day of invitation") {
    const auto& p = builtin_precedence();
    const Guest a = person(1, "Ёлкин Борис", "intercity-head");
    const Guest b = person(2, "Еремеев Андрей", "intercity-head");
    const Guest c = person(3, "Шелест Сергей", "mayor");
    const Guest d = person(4, "Абрамов Олег", "other");
    std::vector<Ranked> rs{{&d, std::nullopt}, {&a, std::nullopt}, {&b, std::nullopt}, {&c, std::nullopt}};
    sort_by_precedence(p, rs);
    CHECK(names(rs) == std::vector<std::string>{"Шелест Сергей", "Ёлкин Борис", "Еремеев Андрей", "Абрамов Олег"});
    CHECK(is_host(p, c));
    CHECK_FALSE(is_host(p, a));

    Precedence by_day = parse_precedence(R"(tie = "invited"
host = "a"
[[rank]]
id = "a"
name = "A"
[[rank]]
id = "b"
name = "B"
)",
                                         "t.toml");
    const Guest x = person(5, "Аа", "b");
    const Guest y = person(6, "Бб", "b");
    std::vector<Ranked> days{{&x, time::make_date(2023, 7, 2)}, {&y, time::make_date(2023, 7, 1)}};
    sort_by_precedence(by_day, days);
    CHECK(names(days) == std::vector<std::string>{"Бб", "Аа"});
  }

  TEST_CASE("a user's table is checked: file:line:col and what is wrong") {
    CHECK_THROWS_WITH(parse_precedence("tie = \"name\"\nhost = \"x\"\n[[rank]]\nid = \"a\"\nname = \"A\"\n", "p.toml"),
                      doctest::Contains("host 'x' is not a rank of the table"));
    CHECK_THROWS_WITH(parse_precedence("tie = \"age\"\nhost = \"a\"\n[[rank]]\nid = \"a\"\nname = \"A\"\n", "p.toml"),
                      doctest::Contains("p.toml:1:"));
    CHECK_THROWS_AS(parse_precedence("host = \"a\"\n[[rank]]\nid = \"a\"\nname = \"A\"\n[[rank]]\nid = \"a\"\nname = \"B\"\n",
                                     "p.toml"),
                    InputError);
    CHECK_THROWS_AS(parse_precedence("host = [", "p.toml"), InputError);
  }

  TEST_CASE("the user's file replaces the shipped table; without it the shipped one") {
    const auto dir = std::filesystem::temp_directory_path() / "omskplan-precedence-test";
    std::filesystem::create_directories(dir);
    const auto file = (dir / "precedence.toml").string();
    std::filesystem::remove(file);
    CHECK(load_precedence(file).origin == "built-in");
    {
      std::ofstream out(file);
      out << "host = \"head\"\n[[rank]]\nid = \"head\"\nname = \"Глава\"\n[[rank]]\nid = \"other\"\nname = \"Прочие\"\n";
    }
    const auto p = load_precedence(file);
    CHECK(p.origin == file);
    CHECK(p.ranks.size() == 2);
    std::filesystem::remove_all(dir);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
