#include "store/values.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

TEST_SUITE("store::values") {
  TEST_CASE("dates and instants as stored, read back; malformed ones are a storage error") {
    CHECK(store::to_date("2023-08-05") == time::make_date(2023, 8, 5));
    CHECK(time::format_utc(store::to_instant("2023-08-05T04:00:00Z")) == "2023-08-05T04:00:00Z");
    CHECK_THROWS_AS(store::to_date("05.08.2023"), StorageError);
    CHECK_THROWS_AS(store::to_instant("2023-08-05 04:00"), StorageError);
    CHECK(store::date_text(time::make_date(2024, 2, 29)) == "2024-02-29");
    CHECK_FALSE(store::date_text(std::nullopt));
    CHECK(store::date_json(std::nullopt).is_null());
    CHECK(store::date_json(time::make_date(2024, 1, 1)) == "2024-01-01");
  }

  TEST_CASE("a NULL column is no date") {
    auto db = testing::memory_db();
    auto st = db.prepare("SELECT NULL, '2024-05-09'");
    REQUIRE(st.step());
    CHECK_FALSE(store::opt_date(st, 0));
    CHECK(store::opt_date(st, 1) == time::make_date(2024, 5, 9));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
