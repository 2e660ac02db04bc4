#include "unit/views.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::unit;

TEST_SUITE("unit/views") {
  TEST_CASE("the table indents units under their parent; the JSON names the parent by code") {
    std::vector<Unit> units(2);
    units[0].id = 1;
    units[0].code = "АГО";
    units[0].name = "Администрация";
    units[1].id = 2;
    units[1].code = "ДК";
    units[1].name = "Департамент культуры";
    units[1].parent_id = 1;
    units[1].closed_on = time::make_date(2024, 1, 1);
    const auto t = units_table(units, time::make_date(2024, 6, 1));
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1][1] == "  Департамент культуры");
    CHECK(t.rows[1][4] == "АГО");
    CHECK(t.rows[1][5].find("2024-01-01") != std::string::npos);
    const auto j = units_json(units);
    CHECK(j[1]["parent"] == "АГО");
    CHECK(j[1]["closed_on"] == "2024-01-01");
  }

  TEST_CASE("the card lists subordinate units and former names") {
    Card c;
    c.unit.code = "ДКС";
    c.unit.name = "Департамент культуры и спорта";
    c.unit.former.push_back({"ДК", "Департамент культуры", "", time::make_date(2024, 7, 1), "№ 1"});
    Unit child;
    child.code = "ОК";
    child.name = "Отдел культуры";
    c.children.push_back(child);
    const std::string s = card_text(c, time::make_date(2024, 8, 1));
    CHECK(s.find("ОК — Отдел культуры") != std::string::npos);
    CHECK(s.find("2024-07-01: ДК — Департамент культуры (№ 1)") != std::string::npos);
    CHECK(card_json(c)["children"].size() == 1);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
