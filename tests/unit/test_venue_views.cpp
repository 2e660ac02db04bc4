#include "venue/views.hpp"

#include "render/table.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::venue;

TEST_SUITE("venue::views") {
  TEST_CASE("table, JSON and card") {
    Venue v;
    v.id = 3;
    v.uuid = "u";
    v.name = "Соборная площадь";
    v.aliases = {"Соборная пл.", "Площадь Ленина"};
    v.lat = 54.98512;
    v.lon = 73.36861;
    v.capacity = 20000;
    v.owner = "ДК";
    const auto t = venues_table({v});
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][2] == "Соборная пл.; Площадь Ленина");
    CHECK(t.rows[0][4] == "54.98512, 73.36861");
    const auto j = venue_json(v);
    CHECK(j["aliases"].size() == 2);
    CHECK(j["capacity"] == 20000);
    CHECK(j["address"] == "");
    const auto card = venue_card(v);
    CHECK(card.find("#3 Соборная площадь") == 0);
    CHECK(card.find("20000") != std::string::npos);
    CHECK(card.find("address") == std::string::npos);  // empty fields are left out
  }
}

}  // namespace OMSKPLAN_TEST_FILE
