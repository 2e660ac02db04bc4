#include "event/model.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <set>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;

TEST_SUITE("event::model") {
  TEST_CASE("enum names round-trip; unknown ones are refused") {
    for (auto s : {Status::planned, Status::confirmed, Status::held, Status::cancelled}) {
      CHECK(parse_status(to_string(s)) == s);
    }
    for (auto l : {Level::municipal, Level::regional, Level::intercity, Level::international}) {
      CHECK(parse_level(to_string(l)) == l);
    }
    CHECK(parse_kind(to_string(Kind::city_day)) == Kind::city_day);
    CHECK(to_string(Kind::city_day) == "city-day");
    CHECK(parse_task_status(to_string(TaskStatus::done)) == TaskStatus::done);
    CHECK_THROWS_AS(parse_kind("party"), InputError);
    CHECK_THROWS_AS(parse_status("postponed"), InputError);
  }

  TEST_CASE("status transitions: held is final, a cancelled event may be planned again") {
    CHECK(status_transition_allowed(Status::planned, Status::confirmed));
    CHECK(status_transition_allowed(Status::confirmed, Status::held));
    CHECK(status_transition_allowed(Status::planned, Status::cancelled));
    CHECK(status_transition_allowed(Status::cancelled, Status::planned));
    CHECK_FALSE(status_transition_allowed(Status::held, Status::planned));
    CHECK_FALSE(status_transition_allowed(Status::cancelled, Status::held));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
