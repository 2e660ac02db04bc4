#include "unit/model.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::unit;

TEST_SUITE("unit/model") {
  TEST_CASE("codes are looked up with case and ё folded") {
    CHECK(code_key("ДК") == code_key("дк"));
    CHECK(code_key(" ДГХ ") == code_key("дгх"));
    CHECK(code_key("ЁЖ") == code_key("еж"));
  }

  TEST_CASE("a code has letters, digits and a few marks, at most 20 characters, not only digits") {
    CHECK(check_code("ДК").empty());
    CHECK(check_code("УМВД-2").empty());
    CHECK(check_code("Д.О/1").empty());
    CHECK_FALSE(check_code("").empty());
    CHECK_FALSE(check_code("Д К").empty());
    CHECK_FALSE(check_code("12").empty());
    CHECK_FALSE(check_code("ДК;DROP").empty());
    CHECK_FALSE(check_code("АБВГДЕЖЗИКЛМНОПРСТУФХ").empty());  // 21
    CHECK(check_code("АБВГДЕЖЗИКЛМНОПРСТУФ").empty());        // 20
  }

  TEST_CASE("the names in force on a day: a former one before the rename") {
    Unit u;
    u.code = "ДКС";
    u.name = "Департамент культуры и спорта";
    u.former.push_back({"ДК", "Департамент культуры", "", time::make_date(2024, 7, 1), "постановление № 1"});
    CHECK(names_on(u, time::make_date(2024, 6, 30)).name == "Департамент культуры");
    CHECK(names_on(u, time::make_date(2024, 6, 30)).code == "ДК");
    CHECK(names_on(u, time::make_date(2024, 7, 1)).name == "Департамент культуры и спорта");
    CHECK(label(u) == "Департамент культуры и спорта");
    u.short_name = "департамент";
    CHECK(label(u) == "департамент");
  }

  TEST_CASE("the tree: a parent before its units, siblings by code, a cycle never loops") {
    std::vector<Unit> all(4);
    all[0].id = 1;
    all[0].code = "АГО";
    all[1].id = 2;
    all[1].code = "ДО";
    all[1].parent_id = 1;
    all[2].id = 3;
    all[2].code = "ДК";
    all[2].parent_id = 1;
    all[3].id = 4;
    all[3].code = "ОК";
    all[3].parent_id = 3;
    const auto rows = tree(all);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].unit->code == "АГО");
    CHECK(rows[0].depth == 0);
    CHECK(rows[1].unit->code == "ДК");
    CHECK(rows[2].unit->code == "ОК");
    CHECK(rows[2].depth == 2);
    CHECK(rows[3].unit->code == "ДО");
    // A cycle (the service refuses them; the data may still have one): every unit once.
    all[0].parent_id = 4;
    CHECK(tree(all).size() == 4);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
