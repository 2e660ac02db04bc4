#include "unit/service.hpp"

#include "core/error.hpp"
#include "helpers.hpp"
#include "unit/views.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::unit;
using testing::Frozen;

namespace {

struct Fixture {
  Frozen f{"2024-04-10 09:00"};
  store::Db db = testing::memory_db();
  Services s{db, f.ctx};

  Unit add_unit(const std::string& code, const std::string& name, const std::string& parent = "") {
    UnitInput in;
    in.code = code;
    in.name = name;
    in.parent = parent;
    return add(s, in);
  }
};

}  // namespace

TEST_SUITE("unit/service") {
  TEST_CASE("units: add, resolve by code in any case, a taken code refused with nothing written") {
    Fixture x;
    x.add_unit("АГО", "Администрация города Омска");
    const auto dk = x.add_unit("ДК", "Департамент культуры", "аго");
    CHECK(dk.parent_id);
    CHECK(resolve(x.s, "дк").id == dk.id);
    CHECK(resolve(x.s, fmt::format("#{}", dk.id)).id == dk.id);
    const auto before = testing::count(x.db, "SELECT count(*) FROM audit");
    CHECK_THROWS_WITH_AS(x.add_unit("дк", "Другой"), doctest::Contains("is taken"), InputError);
    CHECK_THROWS_AS(x.add_unit("Д К", "Пробел"), InputError);
    CHECK(testing::count(x.db, "SELECT count(*) FROM audit") == before);
    CHECK_THROWS_WITH_AS(resolve(x.s, "ДКК"), doctest::Contains("did you mean ДК"), NotFound);
  }

  TEST_CASE("a parent may not be the unit itself or under it") {
    Fixture x;
    x.add_unit("АГО", "Администрация");
    x.add_unit("ДК", "Департамент культуры", "АГО");
    x.add_unit("ОК", "Отдел культуры", "ДК");
    Changes c;
    c.parent = "ОК";
    CHECK_THROWS_WITH_AS(edit(x.s, "АГО", c), doctest::Contains("already under"), InputError);
    c.parent = "АГО";
    CHECK_THROWS_WITH_AS(edit(x.s, "АГО", c), doctest::Contains("own parent"), InputError);
    c.parent = "none";
    CHECK_FALSE(edit(x.s, "ОК", c).parent_id);
  }

  TEST_CASE("a rename keeps the former name until its day; closing keeps the unit") {
    Fixture x;
    x.add_unit("ДК", "Департамент культуры");
    Rename r;
    r.name = "Департамент культуры и спорта";
    r.code = "ДКС";
    r.on = "2024-07-01";
    r.act = "постановление № 1";
    const auto u = rename(x.s, "ДК", r);
    CHECK(u.code == "ДКС");
    REQUIRE(u.former.size() == 1);
    CHECK(names_on(u, time::make_date(2024, 6, 1)).code == "ДК");
    r.on = "2024-06-01";
    CHECK_THROWS_AS(rename(x.s, "ДКС", r), InputError);  // before the last rename
    const auto closed = close(x.s, "ДКС", "2024-12-31");
    CHECK(closed.closed_on == time::make_date(2024, 12, 31));
    CHECK(list(x.s, false).size() == 1);  // still open today
    CHECK(card(x.s, "ДКС").unit.former.size() == 1);
    CHECK_THROWS_AS(close(x.s, "ДКС", ""), InputError);
    CHECK_FALSE(reopen(x.s, "ДКС").closed_on);
  }

  TEST_CASE("co-executors: a list of codes, each once") {
    Fixture x;
    x.add_unit("ДО", "Департамент образования");
    x.add_unit("ДТ", "Департамент транспорта");
    CHECK(resolve_list(x.s, "ДО, дт").size() == 2);
    CHECK(resolve_list(x.s, "ДО;ДТ").size() == 2);
    CHECK(resolve_list(x.s, "").empty());
    CHECK_THROWS_AS(resolve_list(x.s, "ДО,до"), InputError);
    CHECK_THROWS_AS(resolve_list(x.s, "ДО,ДЖ"), NotFound);
  }

  TEST_CASE("import reads what unit list --json prints: parents in any order, all or nothing") {
    Fixture x;
    std::istringstream in(R"([
      {"code": "ОК", "name": "Отдел культуры", "parent": "ДК"},
      {"code": "ДК", "name": "Департамент культуры", "head": "Иванова И. И."}
    ])");
    const auto r = import_json(x.s, in, false);
    CHECK(r.created == 2);
    const auto units = list(x.s, false);
    REQUIRE(units.size() == 2);
    CHECK(units[0].code == "ДК");  // the parent first
    std::istringstream again(units_json(units).dump());
    const auto r2 = import_json(x.s, again, false);
    CHECK(r2.unchanged == 2);
    std::istringstream bad(R"([{"code": "ЖК", "name": "Ж"}, {"code": "ЖЖ", "name": "Ж", "parent": "ЖЖЖ"}])");
    CHECK_THROWS_AS(import_json(x.s, bad, false), InputError);
    CHECK(list(x.s, true).size() == 2);
  }

  TEST_CASE("an owner typed as a unit's code is that unit; a near miss is refused; free text stays") {
    Fixture x;
    CHECK_FALSE(owner(x.s, "ДКК"));  // no units yet: anything is free text
    x.add_unit("ДК", "Департамент культуры");
    CHECK(owner(x.s, "дк")->code == "ДК");
    CHECK(owner(x.s, " ДК ")->code == "ДК");
    CHECK_THROWS_WITH_AS(owner(x.s, "ДКК"), doctest::Contains("did you mean ДК"), NotFound);
    CHECK_FALSE(owner(x.s, "Управление делами"));
    CHECK_FALSE(owner(x.s, "оргкомитет"));
    CHECK_FALSE(owner(x.s, ""));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
