#include "event/repository.hpp"
#include "core/uuid.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;
using namespace omskplan::event::repo;

namespace {

Event concert(const time::Context& ctx, const char* title, const char* start, const char* venue) {
  Event e;
  e.uuid = new_uuid();
  e.title = title;
  e.kind = Kind::concert;
  e.start = time::parse_datetime(start, ctx).instant;
  e.end = e.start + std::chrono::hours{2};
  e.venue = venue;
  e.created = e.updated = ctx.now;
  return e;
}

}  // namespace

TEST_SUITE("event::repository") {
  TEST_CASE("an event with its children is saved and loaded whole; an update writes only a real change") {
    const testing::Frozen f("2023-07-01 10:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    Event e = concert(f.ctx, "Концерт «Ёлка»", "2023-12-25 18:00", "Концертный зал");
    e.tags = {"дети"};
    e.participants = {{"Мэр города Омска", "открытие", true}};
    Task t;
    t.no = 1;
    t.title = "Афиша";
    t.owner = "Отдел";
    t.due = time::make_date(2023, 12, 1);
    e.tasks.push_back(t);
    e.lessons.push_back({"Больше стульев", f.ctx.now, std::nullopt});
    insert(db, e);
    REQUIRE(e.id > 0);
    CHECK(e.tasks[0].id > 0);
    const auto back = load(db, e.id);
    REQUIRE(back);
    CHECK(back->title == e.title);
    CHECK(back->tags == e.tags);
    CHECK(back->participants == e.participants);
    CHECK(back->tasks.size() == 1);
    CHECK(back->lessons == e.lessons);
    CHECK(find_by_uuid(db, e.uuid) == e.id);
    CHECK_FALSE(find_by_uuid(db, "no-such-uuid"));

    CHECK_FALSE(update(db, *back, *back));  // nothing changed, nothing written
    Event changed = *back;
    changed.venue = "Сквер";
    CHECK(update(db, *back, changed));
    CHECK(load(db, e.id)->venue == "Сквер");
    remove(db, changed);
    CHECK_FALSE(load(db, e.id));
    tx.commit();
  }

  TEST_CASE("lists filter by time, kind, venue, tag and words; the newest ids come first") {
    const testing::Frozen f("2023-07-01 10:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    for (auto [title, start, venue] : {std::tuple{"Парад Победы", "2023-05-09 10:00", "Соборная площадь"},
                                       std::tuple{"Концерт «Ёлка»", "2023-12-25 18:00", "Концертный зал"},
                                       std::tuple{"Приём", "2024-01-10 12:00", "Администрация"}}) {
      auto e = concert(f.ctx, title, start, venue);
      insert(db, e);
    }
    auto day = [&](const char* d) { return time::parse_datetime(d, f.ctx).instant; };
    EventFilter all;
    CHECK(list(db, all, false).size() == 3);
    EventFilter year;
    year.from = day("2023-01-01 00:00");
    year.to = day("2024-01-01 00:00");
    const auto in2023 = list(db, year, false);
    REQUIRE(in2023.size() == 2);
    CHECK(in2023[0].title == "Парад Победы");  // by start
    EventFilter words;
    words.search = "елка";  // ё = е, any case
    REQUIRE(list(db, words, false).size() == 1);
    EventFilter venue;
    venue.venue = "концертный";
    CHECK(list(db, venue, false).size() == 1);
    EventFilter limited;
    limited.limit = 2;
    CHECK(list(db, limited, false).size() == 2);
    CHECK(newest_ids(db, 2) == std::vector<std::int64_t>{3, 2});
    CHECK(around(db, day("2023-12-25 00:00"), day("2023-12-26 00:00")).size() == 1);
    tx.commit();
  }

  TEST_CASE("open tasks until a day, earliest first, with their event") {
    const testing::Frozen f("2023-07-01 10:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    auto e = concert(f.ctx, "Концерт", "2023-12-25 18:00", "Зал");
    for (int i = 0; i < 3; ++i) {
      Task t;
      t.no = i + 1;
      t.title = "Задача " + std::to_string(i + 1);
      t.due = time::make_date(2023, 12, 10 - i * 3);
      t.status = i == 2 ? TaskStatus::done : TaskStatus::todo;
      e.tasks.push_back(t);
    }
    insert(db, e);
    const auto rows = open_tasks_until(db, time::make_date(2023, 12, 31));
    REQUIRE(rows.size() == 2);  // the done one is not open
    CHECK(rows[0].task.title == "Задача 2");  // due 7 December
    CHECK(rows[0].event_title == "Концерт");
    CHECK(open_tasks_until(db, time::make_date(2023, 12, 8)).size() == 1);
    tx.commit();
  }
}

}  // namespace OMSKPLAN_TEST_FILE
