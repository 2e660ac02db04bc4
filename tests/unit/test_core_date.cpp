#include "core/date.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::time;

TEST_SUITE("time::date") {
  TEST_CASE("strict ISO dates") {
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2024-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2024-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2024-1-01").has_value());
    CHECK_FALSE(parse_iso_date("2024-01-0a").has_value());
    CHECK(format_date(*parse_iso_date("2023-08-05")) == "2023-08-05");
  }

  TEST_CASE("ISO weeks") {
    CHECK(format_date(*iso_week_monday(2024, 19)) == "2024-05-06");
    CHECK(format_date(*iso_week_monday(2021, 1)) == "2021-01-04");
    CHECK(format_date(*iso_week_monday(2020, 53)) == "2020-12-28");
    CHECK_FALSE(iso_week_monday(2023, 53).has_value());
    CHECK(iso_week_of(make_date(2024, 12, 30)) == std::pair{2025, 1});
    CHECK(iso_weekday(make_date(2023, 8, 5)) == 6);
  }

  TEST_CASE("UTC instants round-trip") {
    const auto t = parse_utc("2023-08-05T04:00:00Z");
    REQUIRE(t.has_value());
    CHECK(format_utc(*t) == "2023-08-05T04:00:00Z");
    CHECK_FALSE(parse_utc("2023-08-05 04:00:00").has_value());
    CHECK(format_offset(std::chrono::seconds{6 * 3600}) == "+06:00");
    CHECK(format_offset(std::chrono::seconds{-(3 * 3600 + 1800)}, false) == "-0330");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
