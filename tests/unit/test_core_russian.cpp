#include "core/russian.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

TEST_SUITE("core::russian") {
  TEST_CASE("dates as officials write them") {
    CHECK(russian::format_date(time::make_date(2023, 8, 5)) == "5 августа 2023\u00a0г.");
    CHECK(russian::format_date(time::make_date(2024, 5, 9)) == "9 мая 2024\u00a0г.");
    CHECK(russian::month_nominative(8) == "Август");
  }

  TEST_CASE("plural forms") {
    auto m = [](long n) { return russian::count(n, "мероприятие", "мероприятия", "мероприятий"); };
    CHECK(m(1) == "1 мероприятие");
    CHECK(m(2) == "2 мероприятия");
    CHECK(m(5) == "5 мероприятий");
    CHECK(m(11) == "11 мероприятий");
    CHECK(m(21) == "21 мероприятие");
    CHECK(m(104) == "104 мероприятия");
    CHECK(m(112) == "112 мероприятий");
    CHECK(m(0) == "0 мероприятий");
  }
}

TEST_CASE("core::russian: alphabetical order with ё after е") {
  std::vector<std::string> names{"Ёлкин", "Елисеев", "Жуков", "абрамов", "Яковлев", "Ежов", "Ёжиков", "Zeta", "1-й"};
  std::sort(names.begin(), names.end(), russian::collate_less);
  CHECK(names == std::vector<std::string>{"1-й", "абрамов", "Ежов", "Елисеев", "Ёжиков", "Ёлкин", "Жуков",
                                          "Яковлев", "Zeta"});
}

}  // namespace OMSKPLAN_TEST_FILE
