#include "venue/service.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::venue;

namespace {

struct Fixture {
  testing::Frozen f{"2024-04-10 09:00"};
  store::Db db = testing::memory_db();
  Services s{db, f.ctx};

  Venue add_venue(const std::string& name, std::vector<std::string> aliases = {}) {
    VenueInput in;
    in.name = name;
    in.aliases = std::move(aliases);
    return add(s, in);
  }
};

}  // namespace

TEST_SUITE("venue::service") {
  TEST_CASE("add, resolve with did you mean, match an event's text") {
    Fixture x;
    const auto square = x.add_venue("Соборная площадь", {"Соборная пл."});
    x.add_venue("Концертный зал Омской филармонии", {"Филармония"});
    CHECK(resolve(x.s, "соборная пл.").id == square.id);
    CHECK(resolve(x.s, "#1").name == "Соборная площадь");
    CHECK_THROWS_WITH(resolve(x.s, "#9"), "no venue #9");
    CHECK_THROWS_WITH(resolve(x.s, "Соборная площать"), "no venue 'Соборная площать'; did you mean «Соборная площадь»?");
    CHECK(match(x.s, "Соборная площадь, Омск")->id == square.id);
    CHECK_FALSE(match(x.s, "Театральная площадь"));
    CHECK(nearest(x.s, "филармонии") == "Концертный зал Омской филармонии");
    CHECK_THROWS_WITH(x.add_venue("Филармония"), "'Филармония' already names venue #2 «Концертный зал Омской филармонии»");
    CHECK_THROWS_WITH(x.add_venue("Сквер", {"сквер"}), "'сквер' is given twice (as a name or an alias)");
    VenueInput bad;
    bad.name = "Парк";
    bad.lat = 54.0;
    CHECK_THROWS_WITH(add(x.s, bad), "give both --lat and --lon, or neither");
    bad.lon = 73.0;
    bad.capacity = 0;
    CHECK_THROWS_WITH(add(x.s, bad), "--capacity 0 is not a number of people");
    CHECK(list(x.s).size() == 2);
  }

  TEST_CASE("a new name keeps the old one as an alias; aliases added and removed") {
    Fixture x;
    x.add_venue("Площадь Ленина");
    Changes c;
    c.name = "Соборная площадь";
    c.add_aliases = {"Соборная пл."};
    const auto v = edit(x.s, "площадь ленина", c);
    CHECK(v.name == "Соборная площадь");
    CHECK(v.aliases == std::vector<std::string>{"Площадь Ленина", "Соборная пл."});
    CHECK(match(x.s, "Площадь Ленина")->id == v.id);
    Changes r;
    r.remove_aliases = {"нет такого"};
    CHECK_THROWS_WITH(edit(x.s, "#1", r), "venue «Соборная площадь» has no alias 'нет такого'");
  }

  TEST_CASE("absorb: the names of the one that goes become aliases of the one that stays") {
    Fixture x;
    x.add_venue("Соборная площадь");
    VenueInput twice;
    twice.name = "Площадь у Успенского собора";
    twice.address = "ул. Ленина";
    twice.lat = 54.98;
    twice.lon = 73.37;
    add(x.s, twice);
    const auto [from, into] = absorb(x.s, "Площадь у Успенского собора", "Соборная площадь");
    CHECK(from.id == 2);
    CHECK(into.aliases == std::vector<std::string>{"Площадь у Успенского собора"});
    CHECK(into.address == "ул. Ленина");
    CHECK(into.lat);
    CHECK(list(x.s).size() == 1);
    CHECK_THROWS_WITH(absorb(x.s, "Соборная площадь", "#1"), "«Соборная площадь» and «#1» are the same venue");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
