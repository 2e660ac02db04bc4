#include "time/rrule.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::time;

namespace {
Date d(std::string_view s) { return *parse_iso_date(s); }

std::vector<std::string> days_of(std::string_view rule, std::string_view first, std::string_view last,
                                 std::size_t most = 1000) {
  std::vector<std::string> out;
  for_each_day(parse_recurrence(rule), d(first), d(last), [&](Date x) {
    out.push_back(format_date(x));
    return out.size() < most;
  });
  return out;
}
}  // namespace

TEST_SUITE("time::rrule") {
  TEST_CASE("weekly on Mondays; the first day is always the first occurrence") {
    CHECK(days_of("FREQ=WEEKLY;BYDAY=MO", "2024-01-01", "2024-01-31") ==
          std::vector<std::string>{"2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"});
    CHECK(days_of("weekly", "2024-01-03", "2024-01-20") ==
          std::vector<std::string>{"2024-01-03", "2024-01-10", "2024-01-17"});
    CHECK(days_of("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "2024-01-02", "2024-01-31") ==
          std::vector<std::string>{"2024-01-02", "2024-01-04", "2024-01-16", "2024-01-18", "2024-01-30"});
  }

  TEST_CASE("monthly: the last Friday, the 15th, the last working weekday by BYSETPOS") {
    CHECK(days_of("FREQ=MONTHLY;BYDAY=-1FR", "2024-01-26", "2024-05-31") ==
          std::vector<std::string>{"2024-01-26", "2024-02-23", "2024-03-29", "2024-04-26", "2024-05-31"});
    CHECK(days_of("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3", "2024-01-15", "2030-01-01") ==
          std::vector<std::string>{"2024-01-15", "2024-02-15", "2024-03-15"});
    CHECK(days_of("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2024-01-31", "2024-06-30") ==
          std::vector<std::string>{"2024-01-31", "2024-02-29", "2024-03-29", "2024-04-30", "2024-05-31", "2024-06-28"});
    CHECK(days_of("FREQ=MONTHLY;BYMONTHDAY=31", "2024-01-31", "2024-06-30") ==
          std::vector<std::string>{"2024-01-31", "2024-03-31", "2024-05-31"});  // months without a 31st have none
    CHECK(days_of("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-31", "2024-03-31") ==
          std::vector<std::string>{"2024-01-31", "2024-02-29", "2024-03-31"});
  }

  TEST_CASE("yearly: the first Saturday of August (City Day), 9 May; UNTIL is inclusive") {
    CHECK(days_of("FREQ=YEARLY;BYMONTH=8;BYDAY=1SA", "2023-08-05", "2026-12-31") ==
          std::vector<std::string>{"2023-08-05", "2024-08-03", "2025-08-02", "2026-08-01"});
    CHECK(days_of("FREQ=YEARLY;UNTIL=20250509", "2023-05-09", "2030-12-31") ==
          std::vector<std::string>{"2023-05-09", "2024-05-09", "2025-05-09"});
    CHECK(days_of("FREQ=YEARLY", "2024-02-29", "2033-01-01") ==
          std::vector<std::string>{"2024-02-29", "2028-02-29", "2032-02-29"});
  }

  TEST_CASE("daily with COUNT; a rule that makes nothing more ends by itself") {
    CHECK(days_of("FREQ=DAILY;COUNT=3", "2024-03-01", "2200-12-31") ==
          std::vector<std::string>{"2024-03-01", "2024-03-02", "2024-03-03"});
    CHECK(days_of("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2024-01-30", "2200-12-31") ==
          std::vector<std::string>{"2024-01-30"});
    // A 10-year weekly series: 522 days, counted without a row each.
    CHECK(days_of("FREQ=WEEKLY;BYDAY=MO", "2024-01-01", "2033-12-31").size() == 522);
  }

  TEST_CASE("the canonical text; case, spaces and RRULE: do not matter") {
    CHECK(format_recurrence(parse_recurrence("rrule:freq=monthly; byday=-1fr")) == "FREQ=MONTHLY;BYDAY=-1FR");
    CHECK(format_recurrence(parse_recurrence("FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=MO;UNTIL=2024-12-30")) ==
          "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU;UNTIL=20241230");
    CHECK(format_recurrence(parse_recurrence("FREQ=YEARLY;BYMONTH=8,8;BYDAY=1SA;COUNT=5")) ==
          "FREQ=YEARLY;BYMONTH=8;BYDAY=1SA;COUNT=5");
    CHECK(format_recurrence(parse_recurrence("monthly")) == "FREQ=MONTHLY");
  }

  TEST_CASE("bad rules say what is wrong; unsupported ones say so") {
    CHECK_THROWS_WITH_AS(parse_recurrence("FREQ=WEEKLY;BYDAY=XX"),
                         "invalid --repeat 'FREQ=WEEKLY;BYDAY=XX': BYDAY 'XX' is not a weekday (MO, TU, WE, TH, FR, "
                         "SA, SU, with a number: -1FR)",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_recurrence("BYDAY=MO"), "invalid --repeat 'BYDAY=MO': no FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_recurrence("FREQ=DAILY;COUNT=3;UNTIL=20240101"),
                         "invalid --repeat 'FREQ=DAILY;COUNT=3;UNTIL=20240101': COUNT and UNTIL together; a rule ends "
                         "one way",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_recurrence("FREQ=WEEKLY;BYDAY=-1FR"),
                         "invalid --repeat 'FREQ=WEEKLY;BYDAY=-1FR': a numbered BYDAY (-1FR) needs FREQ=MONTHLY or YEARLY",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_recurrence("FREQ=MONTHLY;INTERVAL=0"),
                         "invalid --repeat 'FREQ=MONTHLY;INTERVAL=0': INTERVAL=0: '0' is out of range 1…1000", InputError);
    CHECK_THROWS_WITH_AS(parse_recurrence("FREQ=DAILY;UNTIL=20240101T000000Z"),
                         "invalid --repeat 'FREQ=DAILY;UNTIL=20240101T000000Z': UNTIL=20240101T000000Z is not a date "
                         "such as 20241230",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_recurrence("FREQ=MONTHLY;BYSETPOS=1"),
                         "invalid --repeat 'FREQ=MONTHLY;BYSETPOS=1': BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to "
                         "pick from",
                         InputError);
    CHECK_THROWS_AS(parse_recurrence("FREQ=HOURLY"), RuleUnsupported);
    CHECK_THROWS_AS(parse_recurrence("FREQ=YEARLY;BYWEEKNO=20"), RuleUnsupported);
    CHECK_THROWS_AS(parse_recurrence("FREQ=WEEKLY;COUNT=1;COUNT=2"), InputError);
    CHECK(parse_recurrence("FREQ=DAILY;UNTIL=20240101T000000Z", "RRULE",
                           [](std::string_view) { return d("2023-12-31"); })
              .until == d("2023-12-31"));
  }

  TEST_CASE("rule_makes: whether a day is one of the rule's own") {
    const auto mondays = parse_recurrence("FREQ=WEEKLY;BYDAY=MO");
    CHECK(rule_makes(mondays, d("2024-01-03"), d("2024-01-08")));
    CHECK_FALSE(rule_makes(mondays, d("2024-01-03"), d("2024-01-03")));
    const auto last_friday = parse_recurrence("FREQ=MONTHLY;BYDAY=-1FR");
    CHECK(rule_makes(last_friday, d("2024-01-01"), d("2032-04-30")));
    CHECK_FALSE(rule_makes(last_friday, d("2024-01-01"), d("2032-04-23")));
    CHECK(rule_makes(parse_recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"), d("2024-01-01"), d("2024-01-15")));
    CHECK_FALSE(rule_makes(parse_recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"), d("2024-01-01"), d("2024-01-08")));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
