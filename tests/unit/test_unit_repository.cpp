#include "unit/repository.hpp"

#include "helpers.hpp"
#include "store/audit.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::unit;

TEST_SUITE("unit/repository") {
  TEST_CASE("a unit round-trips with its former names; an update is audited, a no-op is not") {
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    Unit u;
    u.uuid = "u-1";
    u.code = "ДК";
    u.name = "Департамент культуры";
    u.head = "Иванова И. И.";
    repo::insert(db, u);
    REQUIRE(u.id > 0);
    CHECK(repo::find_by_code(db, code_key("дк"))->id == u.id);
    CHECK(repo::find_by_uuid(db, "u-1")->code == "ДК");
    Unit after = u;
    CHECK_FALSE(repo::update(db, u, after));
    after.former.push_back({"ДК", "Департамент культуры", "", time::make_date(2024, 7, 1), "№ 1"});
    after.name = "Департамент культуры и спорта";
    after.code = "ДКС";
    CHECK(repo::update(db, u, after));
    const auto back = repo::load(db, u.id);
    REQUIRE(back);
    CHECK(back->code == "ДКС");
    REQUIRE(back->former.size() == 1);
    CHECK(back->former[0].name == "Департамент культуры");
    CHECK(back->former[0].until == time::make_date(2024, 7, 1));
    CHECK_FALSE(repo::find_by_code(db, code_key("ДК")));
    CHECK(repo::all(db).size() == 1);
    CHECK(testing::count(db, "SELECT count(*) FROM audit WHERE entity = 'unit'") == 2);
    tx.commit();
  }
}

}  // namespace OMSKPLAN_TEST_FILE
