#include "plan/model.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;
using time::make_date;

namespace {

Point point(time::Date planned) {
  Point p;
  p.seq = 1;
  p.planned_on = p.due_on = planned;
  return p;
}

}  // namespace

TEST_SUITE("plan/model") {
  TEST_CASE("texts compare with case, ё, quotes, dashes, spaces and final punctuation folded") {
    CHECK(text_key("О ходе подготовки к «Дню города».") == text_key("о  ходе подготовки к \"Дню города\""));
    CHECK(text_key("Ёлка — 2024") == text_key("елка - 2024"));
    CHECK(text_key("Совещание") != text_key("Совещания"));
  }

  TEST_CASE("a point's standing on a day: the one rule") {
    const auto d = [](int m, int day) { return make_date(2024, m, day); };
    Point p = point(d(4, 25));
    CHECK(standing(p, std::nullopt, d(4, 20)) == Standing::planned);
    CHECK(standing(p, std::nullopt, d(4, 25)) == Standing::planned);  // due today is not overdue
    CHECK(standing(p, std::nullopt, d(4, 26)) == Standing::overdue);
    p.state = PointState::in_work;
    p.started_on = d(4, 22);
    CHECK(standing(p, std::nullopt, d(4, 21)) == Standing::planned);
    CHECK(standing(p, std::nullopt, d(4, 23)) == Standing::in_work);
    p.state = PointState::done;
    p.done_on = d(4, 24);
    CHECK(standing(p, std::nullopt, d(4, 23)) == Standing::in_work);  // as of a day before it was done
    CHECK(standing(p, std::nullopt, d(4, 24)) == Standing::done_on_time);
    p.done_on = d(4, 30);
    CHECK(standing(p, std::nullopt, d(5, 2)) == Standing::done_late);
    // A postponement decided on 12 April moves the date in force from then on.
    Point q = point(d(4, 25));
    q.postponements.push_back({d(4, 12), d(4, 25), d(6, 20), "перенос", "резолюция"});
    q.due_on = d(6, 20);
    CHECK(due_as_of(q, d(4, 11)) == d(4, 25));
    CHECK(due_as_of(q, d(4, 12)) == d(6, 20));
    CHECK(standing(q, std::nullopt, d(5, 1)) == Standing::postponed);
    CHECK(standing(q, std::nullopt, d(6, 21)) == Standing::overdue);
    q.state = PointState::done;
    q.done_on = d(6, 10);
    CHECK(standing(q, std::nullopt, d(6, 30)) == Standing::done_on_time);  // within the postponed date
    CHECK(standing(q, d(5, 1), d(6, 30)) == Standing::dropped);
    CHECK(standing(q, d(7, 1), d(6, 30)) == Standing::done_on_time);  // dropped later
  }

  TEST_CASE("an item's standing is its worst point that came due, else its next open one") {
    Item i;
    i.points = {point(make_date(2024, 4, 27)), point(make_date(2024, 5, 31)), point(make_date(2024, 6, 28))};
    i.points[0].state = PointState::done;
    i.points[0].done_on = make_date(2024, 4, 26);
    CHECK(standing(i, make_date(2024, 5, 1)) == Standing::planned);
    CHECK(standing(i, make_date(2024, 6, 3)) == Standing::overdue);
    for (auto& p : i.points) {
      p.state = PointState::done;
      p.done_on = p.planned_on;
    }
    i.points[2].done_on = make_date(2024, 7, 2);
    CHECK(standing(i, make_date(2024, 7, 5)) == Standing::done_late);
    i.dropped_on = make_date(2024, 7, 3);
    CHECK(standing(i, make_date(2024, 7, 5)) == Standing::dropped);
  }

  TEST_CASE("discipline counts points and the on-time share of those that came due") {
    Discipline d;
    Point on_time = point(make_date(2024, 4, 10));
    on_time.state = PointState::done;
    on_time.done_on = make_date(2024, 4, 9);
    Point late = point(make_date(2024, 4, 10));
    late.state = PointState::done;
    late.done_on = make_date(2024, 4, 12);
    Point overdue = point(make_date(2024, 4, 10));
    Point pending = point(make_date(2024, 6, 10));
    pending.postponements.push_back({make_date(2024, 4, 1), make_date(2024, 5, 10), make_date(2024, 6, 10), "r", ""});
    const auto day = make_date(2024, 5, 1);
    d.add(on_time, std::nullopt, day);
    d.add(late, std::nullopt, day);
    d.add(overdue, std::nullopt, day);
    d.add(pending, std::nullopt, day);
    d.add(overdue, make_date(2024, 4, 20), day);
    CHECK(d.points == 5);
    CHECK(d.on_time == 1);
    CHECK(d.late == 1);
    CHECK(d.overdue == 1);
    CHECK(d.pending == 1);
    CHECK(d.postponed == 1);
    CHECK(d.dropped == 1);
    CHECK(d.came_due() == 3);
    REQUIRE(d.on_time_pct());
    CHECK(*d.on_time_pct() == doctest::Approx(33.333).epsilon(0.001));
    CHECK_FALSE(Discipline{}.on_time_pct());
    CHECK(display_number(2, 3) == "2.3.");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
