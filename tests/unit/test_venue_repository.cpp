#include "venue/repository.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::venue;

TEST_SUITE("venue::repository") {
  TEST_CASE("a venue with its aliases, found by any of its names; audited") {
    const testing::Frozen f("2024-04-10 09:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    CHECK(repo::empty(db));
    Venue v;
    v.uuid = "u-1";
    v.name = "Соборная площадь";
    v.aliases = {"Соборная пл.", "Площадь у Успенского собора"};
    v.lat = 54.9851;
    v.lon = 73.3686;
    v.capacity = 20000;
    v.created = v.updated = f.ctx.now;
    repo::insert(db, v);
    CHECK(v.id == 1);
    CHECK_FALSE(repo::empty(db));
    CHECK(repo::find_by_key(db, key("соборная пл.")) == 1);
    CHECK(repo::find_by_key(db, key("Соборная площадь, Омск")) == 1);
    CHECK_FALSE(repo::find_by_key(db, key("Театральная площадь")));
    const auto back = repo::load(db, 1);
    REQUIRE(back);
    CHECK(back->aliases == v.aliases);
    CHECK(*back->lat == doctest::Approx(54.9851));
    CHECK(back->capacity == 20000);
    Venue after = *back;
    after.aliases = {"Соборная пл."};
    after.lat.reset();
    after.lon.reset();
    repo::update(db, *back, after);
    CHECK_FALSE(repo::find_by_key(db, key("Площадь у Успенского собора")));
    CHECK_FALSE(repo::load(db, 1)->lat);
    repo::remove(db, after);
    CHECK(repo::list(db).empty());
    auto st = db.prepare("SELECT count(*) FROM audit WHERE entity = 'venue'");
    st.step();
    CHECK(st.get_int(0) == 3);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
