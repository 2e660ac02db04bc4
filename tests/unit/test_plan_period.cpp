#include "plan/period.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;
using testing::Frozen;
using time::make_date;

TEST_SUITE("plan/period") {
  TEST_CASE("periods of each kind, through the one parser of each") {
    Frozen f("2024-05-15 10:00");
    auto q = parse_period(Kind::quarterly, "2024-Q2", f.ctx);
    CHECK(q.first == make_date(2024, 4, 1));
    CHECK(q.last == make_date(2024, 6, 30));
    CHECK(q.text == "2024-Q2");
    CHECK(parse_period(Kind::quarterly, "this", f.ctx) == q);
    CHECK(parse_period(Kind::quarterly, "next", f.ctx).text == "2024-Q3");
    CHECK(parse_period(Kind::annual, "2024", f.ctx).last == make_date(2024, 12, 31));
    CHECK(parse_period(Kind::monthly, "2024-05", f.ctx).last == make_date(2024, 5, 31));
    CHECK(parse_period(Kind::weekly, "2024-W19", f.ctx).first == make_date(2024, 5, 6));
    CHECK_THROWS_AS(parse_period(Kind::quarterly, "2024-05", f.ctx), InputError);
    CHECK_THROWS_AS(parse_period(Kind::quarterly, "2024-Q5", f.ctx), InputError);
    CHECK(previous(q).text == "2024-Q1");
    CHECK(next(parse_period(Kind::quarterly, "2024-Q4", f.ctx)).text == "2025-Q1");
    CHECK(previous(parse_period(Kind::weekly, "2024-W01", f.ctx)).text == "2023-W52");
  }

  TEST_CASE("the title's words for a period") {
    Frozen f("2024-05-15 10:00");
    CHECK(period_phrase(parse_period(Kind::quarterly, "2024-Q2", f.ctx)) == "на II квартал 2024 года");
    CHECK(period_phrase(parse_period(Kind::annual, "2024", f.ctx)) == "на 2024 год");
    CHECK(period_phrase(parse_period(Kind::monthly, "2024-05", f.ctx)) == "на май 2024 года");
    CHECK(period_phrase(parse_period(Kind::weekly, "2024-W19", f.ctx)) == "на неделю с 6 по 12 мая 2024\u00a0г.");
    CHECK(period_phrase(parse_period(Kind::weekly, "2024-W18", f.ctx)) ==
          "на неделю с 29 апреля по 5 мая 2024\u00a0г.");
    CHECK(period_phrase(parse_period(Kind::weekly, "2024-W01", f.ctx)) == "на неделю с 1 по 7 января 2024\u00a0г.");
    CHECK(period_phrase(parse_period(Kind::weekly, "2025-W01", f.ctx)) ==
          "на неделю с 30 декабря 2024\u00a0г. по 5 января 2025\u00a0г.");
    CHECK(roman(3) == "III");
    CHECK(roman(4) == "IV");
    CHECK(roman(12) == "XII");
  }

  TEST_CASE("dues as officials write them, stored precisely") {
    Frozen f("2024-03-15 10:00");
    const auto q2 = parse_period(Kind::quarterly, "2024-Q2", f.ctx);
    const auto due = [&](const char* s, const char* rec = "") { return to_text(parse_due(s, rec, q2, f.ctx)); };
    CHECK(due("2024-04-25") == "2024-04-25");
    CHECK(due("25.04.2024") == "2024-04-25");
    CHECK(due("до 25.04.2024") == "2024-04-25");
    CHECK(due("апрель") == "2024-04");
    CHECK(due("в апреле") == "2024-04");
    CHECK(due("May") == "2024-05");
    CHECK(due("2024-05") == "2024-05");
    CHECK(due("II квартал") == "period");
    CHECK(due("в течение квартала") == "period");
    CHECK(due("ежемесячно") == "period/monthly");
    CHECK(due("monthly") == "period/monthly");
    CHECK(due("april", "monthly") == "period/monthly");  // from the plan's first month: every month
    CHECK(due("май", "monthly") == "2024-05/monthly");
    CHECK(due("2024-W17") == "2024-W17");
    CHECK(due("period/monthly") == "period/monthly");  // the stored form reads back
    CHECK(due("2024-05/monthly") == "2024-05/monthly");
    CHECK(due("period") == "period");
    CHECK_THROWS_WITH_AS(due("2024-07-02"), doctest::Contains("outside the plan's period"), InputError);
    CHECK_THROWS_WITH_AS(due("в течение года"), doctest::Contains("в течение квартала"), InputError);
    CHECK_THROWS_AS(due("когда-нибудь"), InputError);
    CHECK_THROWS_AS(due("апрель", "daily"), InputError);
    CHECK_THROWS_AS(due(""), InputError);
    const auto annual = parse_period(Kind::annual, "2024", f.ctx);
    CHECK(to_text(parse_due("II квартал", "", annual, f.ctx)) == "2024-Q2");
    CHECK(to_text(parse_due("в течение года", "", annual, f.ctx)) == "period");
    const auto w = parse_period(Kind::weekly, "2024-W19", f.ctx);
    CHECK_THROWS_AS(parse_due("ежемесячно", "", w, f.ctx), InputError);
  }

  TEST_CASE("control dates on the production calendar") {
    Frozen f("2024-03-15 10:00");
    const auto& cal = testing::calendar();
    const auto q2 = parse_period(Kind::quarterly, "2024-Q2", f.ctx);
    // 27 April 2024, a Saturday, was worked; 29–30 April were days off.
    CHECK(control_dates(parse_due("апрель", "", q2, f.ctx), q2, cal) ==
          std::vector<time::Date>{make_date(2024, 4, 27)});
    CHECK(control_dates(parse_due("ежемесячно", "", q2, f.ctx), q2, cal) ==
          std::vector<time::Date>{make_date(2024, 4, 27), make_date(2024, 5, 31), make_date(2024, 6, 28)});
    CHECK(control_dates(parse_due("в течение квартала", "", q2, f.ctx), q2, cal) ==
          std::vector<time::Date>{make_date(2024, 6, 28)});
    // «ежемесячно, до 10 числа»: the 10th, or the working day before it.
    const auto tenth = parse_due("2024-04-10", "monthly", q2, f.ctx);
    CHECK(due_phrase(tenth, q2) == "ежемесячно, до 10 числа");
    CHECK(control_dates(tenth, q2, cal) ==
          std::vector<time::Date>{make_date(2024, 4, 10), make_date(2024, 5, 8), make_date(2024, 6, 10)});
    const auto y = parse_period(Kind::annual, "2024", f.ctx);
    CHECK(control_dates(parse_due("ежеквартально", "", y, f.ctx), y, cal).size() == 4);
    CHECK(control_dates(parse_due("weekly", "", q2, f.ctx), q2, cal).size() == 13);
  }

  TEST_CASE("the stored form reads back; the phrase says it in Russian") {
    Frozen f("2024-03-15 10:00");
    const auto q2 = parse_period(Kind::quarterly, "2024-Q2", f.ctx);
    for (const char* s : {"2024-04-25", "апрель", "ежемесячно", "в течение квартала", "2024-W17", "июнь"}) {
      const Due d = parse_due(s, "", q2, f.ctx);
      CHECK(due_from_text(to_text(d), q2) == d);
    }
    CHECK(due_phrase(parse_due("2024-04-25", "", q2, f.ctx), q2) == "25.04.2024");
    CHECK(due_phrase(parse_due("апрель", "", q2, f.ctx), q2) == "апрель");
    CHECK(due_phrase(parse_due("ежемесячно", "", q2, f.ctx), q2) == "ежемесячно");
    CHECK(due_phrase(parse_due("май", "monthly", q2, f.ctx), q2) == "ежемесячно, начиная с мая");
    CHECK(due_phrase(parse_due("в течение квартала", "", q2, f.ctx), q2) == "в течение квартала");
    const auto y = parse_period(Kind::annual, "2024", f.ctx);
    CHECK(due_phrase(parse_due("2 квартал", "", y, f.ctx), y) == "II квартал");
    CHECK_THROWS_AS(due_from_text("2024-13", q2), StorageError);
    CHECK_THROWS_AS(due_from_text("period/daily", q2), StorageError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
