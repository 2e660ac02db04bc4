#include "guest/seating.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::guest;

TEST_SUITE("guest::seating") {
  TEST_CASE("a layout as typed") {
    const auto l = parse_layout("presidium:1x9, hall:10x20");
    REQUIRE(l.size() == 2);
    CHECK(l[0].name == "presidium");
    CHECK(l[0].rows == 1);
    CHECK(l[0].seats == 9);
    CHECK(l[1].rows == 10);
    CHECK(l[1].seats == 20);
    CHECK_THROWS_WITH(parse_layout("presidium"), "--layout: 'presidium' is not NAME:ROWSxSEATS (e.g. presidium:1x9)");
    CHECK_THROWS_AS(parse_layout("hall:0x5"), InputError);
    CHECK_THROWS_AS(parse_layout("hall:2xfive"), InputError);
    CHECK_THROWS_AS(parse_layout("hall:1x5,Hall:2x5"), InputError);
    CHECK_THROWS_AS(parse_layout("hall:101x5"), InputError);
    CHECK_THROWS_AS(parse_layout(""), InputError);
  }

  TEST_CASE("centre out: the host's right (the hall's left) before the host's left") {
    CHECK(centre_out(9) == std::vector<int>{4, 3, 5, 2, 6, 1, 7, 0, 8});
    CHECK(centre_out(4) == std::vector<int>{2, 1, 3, 0});
    CHECK(centre_out(1) == std::vector<int>{0});
  }

  TEST_CASE("the host in the centre, the guest of honour to the right, then the hall") {
    // Guests by precedence: 0 the Governor, 1 the Mayor (the host), 2, 3, 4, 5.
    const auto plan = assign_seats(parse_layout("presidium:1x3,hall:1x2"), 6, 1);
    REQUIRE(plan.seats.size() == 5);
    auto who = [&](std::size_t i) { return plan.seats[i].who ? static_cast<int>(*plan.seats[i].who) : -1; };
    CHECK(who(1) == 1);  // the host in the centre (seat 2 of 3)
    CHECK(who(0) == 0);  // the Governor to the host's right: the hall's left
    CHECK(who(2) == 2);
    CHECK(plan.seats[3].block == 1);
    CHECK(who(4) == 3);  // the hall's centre of 2 is its right seat
    CHECK(who(3) == 4);
    CHECK(plan.unseated == std::vector<std::size_t>{5});
  }

  TEST_CASE("without the host the first by precedence takes the centre; free seats stay free") {
    const auto plan = assign_seats(parse_layout("presidium:1x5"), 2, std::nullopt);
    CHECK(*plan.seats[2].who == 0);
    CHECK(*plan.seats[1].who == 1);
    CHECK_FALSE(plan.seats[0].who.has_value());
    CHECK(plan.unseated.empty());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
