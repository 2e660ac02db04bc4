#include "core/uuid.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
namespace {

TEST_SUITE("core/uuid") {
  TEST_CASE("UUIDs are version 4, lower-case, and differ") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
      const auto u = new_uuid();
      REQUIRE(u.size() == 36);
      CHECK(u[14] == '4');
      CHECK(std::string("89ab").find(u[19]) != std::string::npos);
      CHECK(u.find_first_not_of("0123456789abcdef-") == std::string::npos);
      seen.insert(u);
    }
    CHECK(seen.size() == 1000);
  }
}

}  // namespace

}  // namespace OMSKPLAN_TEST_FILE
