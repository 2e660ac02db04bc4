#include "venue/model.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::venue;

TEST_SUITE("venue::model") {
  TEST_CASE("one place, however it is typed") {
    CHECK(key("Соборная площадь") == "соборная площадь");
    CHECK(key("  Соборная   площадь, Омск ") == "соборная площадь");
    CHECK(key("соборная площадь, г. Омск") == "соборная площадь");
    CHECK(key("Парк «Зелёный остров»") == key("парк \"Зеленый остров\""));
    CHECK(key("Омск") == "омск");  // the city itself stays a name
    CHECK(key("Концертный зал (Омская филармония)") == "концертный зал омская филармония");
    CHECK(key(" ,; ").empty());
  }

  TEST_CASE("a point is both coordinates on Earth, or none") {
    CHECK(check_point(std::nullopt, std::nullopt).empty());
    CHECK(check_point(54.98, 73.37).empty());
    CHECK(check_point(54.98, std::nullopt) == "give both --lat and --lon, or neither");
    CHECK(check_point(91.0, 73.0) == "the point is not on Earth: latitude −90…90, longitude −180…180");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
