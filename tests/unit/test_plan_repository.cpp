#include "plan/repository.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;
using time::make_date;

TEST_SUITE("plan/repository") {
  TEST_CASE("a plan and an item round-trip with points and postponements; due items are found") {
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    Plan p;
    p.uuid = "p-1";
    p.period = period_of(Kind::quarterly, make_date(2024, 5, 1));
    p.title = "План";
    p.sections = {{1, "meetings", "Совещания"}, {2, "events", "Мероприятия"}};
    repo::insert(db, p);
    REQUIRE(p.id > 0);
    CHECK(repo::find(db, Kind::quarterly, "2024-Q2", std::nullopt)->id == p.id);
    CHECK_FALSE(repo::find(db, Kind::quarterly, "2024-Q3", std::nullopt));
    CHECK(repo::load(db, p.id)->sections.size() == 2);

    Item i;
    i.plan_id = p.id;
    i.no = 1;
    i.section = "events";
    i.position = 1;
    i.text = "Месячник";
    i.due = "period/monthly";
    for (auto d : {make_date(2024, 4, 27), make_date(2024, 5, 31), make_date(2024, 6, 28)}) {
      Point pt;
      pt.seq = static_cast<int>(i.points.size()) + 1;
      pt.planned_on = pt.due_on = d;
      i.points.push_back(pt);
    }
    repo::insert(db, i);
    Item after = i;
    after.points[0].postponements.push_back({make_date(2024, 4, 20), make_date(2024, 4, 27), make_date(2024, 5, 15), "r", "a"});
    after.points[0].due_on = make_date(2024, 5, 15);
    after.points[1].state = PointState::done;
    after.points[1].done_on = make_date(2024, 5, 30);
    CHECK(repo::update(db, i, after));
    CHECK_FALSE(repo::update(db, after, after));
    const auto back = repo::item(db, p.id, 1);
    REQUIRE(back);
    REQUIRE(back->points.size() == 3);
    CHECK(back->points[0].planned_on == make_date(2024, 4, 27));
    CHECK(back->points[0].due_on == make_date(2024, 5, 15));
    REQUIRE(back->points[0].postponements.size() == 1);
    CHECK(back->points[0].postponements[0].act == "a");
    CHECK(back->points[1].state == PointState::done);
    CHECK(repo::last_position(db, p.id, "events") == 1);
    CHECK(repo::items_with_key(db, p.id, text_key("месячник.")).size() == 1);

    // Only approved plans are watched.
    CHECK(repo::open_items_due_by(db, make_date(2024, 7, 1)).empty());
    Plan approved = *repo::load(db, p.id);
    Plan a2 = approved;
    a2.status = Status::approved;
    repo::update(db, approved, a2);
    CHECK(repo::open_items_due_by(db, make_date(2024, 5, 1)).empty());  // postponed to 15 May
    const auto due = repo::open_items_due_by(db, make_date(2024, 5, 15));
    REQUIRE(due.size() == 1);
    CHECK(due[0].points.size() == 3);
    CHECK(due[0].points[0].postponements.size() == 1);
    CHECK(repo::item_counts(db).at(p.id) == 1);
    tx.commit();
  }
}

}  // namespace OMSKPLAN_TEST_FILE
