#include "time/calendar.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::time;

namespace {
Date d(const char* s) { return *parse_iso_date(s); }
}  // namespace

TEST_SUITE("time::calendar") {
  TEST_CASE("shipped years give the official totals of working days") {
    const ProductionCalendar cal;
    CHECK(cal.working_days_in_year(2023) == 247);
    CHECK(cal.working_days_in_year(2024) == 248);
    CHECK(cal.working_days_in_year(2025) == 247);
    CHECK(cal.working_days_in_year(2026) == 247);
    CHECK(ProductionCalendar::built_in_years() == std::vector<int>{2023, 2024, 2025, 2026});
  }

  TEST_CASE("holidays, transfers and working Saturdays") {
    const ProductionCalendar cal;
    CHECK_FALSE(cal.is_working(d("2024-05-09")));
    CHECK_FALSE(cal.is_working(d("2024-05-10")));  // 6 Jan moved to 10 May
    CHECK(cal.is_working(d("2024-04-27")));         // a working Saturday
    CHECK(cal.is_working(d("2024-12-28")));
    CHECK_FALSE(cal.is_working(d("2024-12-31")));
    CHECK_FALSE(cal.is_working(d("2023-02-24")));
    CHECK_FALSE(cal.is_working(d("2025-06-13")));
    CHECK(cal.is_working(d("2025-11-01")));
    CHECK_FALSE(cal.is_working(d("2026-03-09")));
    CHECK_FALSE(cal.is_working(d("2026-05-11")));
    CHECK(cal.is_shortened(d("2024-11-02")));
    CHECK(cal.is_shortened(d("2026-11-03")));
  }

  TEST_CASE("working-day arithmetic skips the May holidays of 2024") {
    const ProductionCalendar cal;
    CHECK(format_date(cal.add_working_days(d("2024-05-13"), -5)) == "2024-05-02");
    CHECK(format_date(cal.add_working_days(d("2024-05-08"), 1)) == "2024-05-13");
    CHECK(format_date(cal.add_working_days(d("2024-04-26"), 1)) == "2024-04-27");
    CHECK(format_date(cal.add_working_days(d("2024-05-11"), 0)) == "2024-05-08");
    CHECK(format_date(cal.add_working_days(d("2023-01-09"), -1)) == "2022-12-30");
  }

  TEST_CASE("a year without data falls back to art. 112 and warns once") {
    int warnings = 0;
    std::string message;
    const ProductionCalendar cal({}, [&](const std::string& m) {
      ++warnings;
      message = m;
    });
    CHECK_FALSE(cal.is_working(d("2027-01-05")));
    CHECK_FALSE(cal.is_working(d("2027-05-10")));  // 9 May 2027 is a Sunday → Monday
    CHECK(cal.is_working(d("2027-05-11")));
    CHECK_FALSE(cal.is_working(d("2027-06-14")));  // 12 June 2027 is a Saturday → Monday
    CHECK(cal.is_working(d("2027-03-05")));
    CHECK(warnings == 1);
    CHECK(message.find("no production calendar for 2027") != std::string::npos);
  }

  TEST_CASE("a user's file overrides and extends the shipped data") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "omskplan-cal-test";
    fs::create_directories(dir);
    std::ofstream(dir / "2027.toml") << "year = 2027\ndays_off = [2027-01-01, 2027-01-04, 2027-01-05, 2027-01-06, "
                                        "2027-01-07, 2027-01-08, 2027-02-23, 2027-03-08, 2027-05-03, 2027-05-10, "
                                        "2027-06-14, 2027-11-04, 2027-12-31]\n";
    int warnings = 0;
    const ProductionCalendar cal({dir.string()}, [&](const std::string&) { ++warnings; });
    CHECK_FALSE(cal.is_working(d("2027-12-31")));
    CHECK(cal.year(2027).origin == (dir / "2027.toml").string());
    CHECK(warnings == 0);
    fs::remove_all(dir);
  }

  TEST_CASE("broken calendar data is reported with its position") {
    CHECK_THROWS_WITH(ProductionCalendar::parse("year = 2024\ndays_off = [2024-01-06]\n", "x.toml"),
                      "x.toml: days_off lists 2024-01-06, a weekend day; list only Mon–Fri days");
    CHECK_THROWS_WITH(ProductionCalendar::parse("year = 2024\ndays_off = [2023-01-09]\n", "x.toml"),
                      "x.toml:2:13: 2023-01-09 is not a day of 2024");
    CHECK_THROWS_WITH(ProductionCalendar::parse("year = 2024\nholiday = 1\n", "x.toml"),
                      "x.toml:2:1: unknown key 'holiday'");
    CHECK_THROWS_WITH(ProductionCalendar::parse("year = 2024\nworking_days = 250\n", "x.toml"),
                      "x.toml: working_days = 250 but the dates give 262 working days");
    CHECK_THROWS_AS(ProductionCalendar::parse("year = \n", "x.toml"), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
