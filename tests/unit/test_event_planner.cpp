#include "event/planner.hpp"
#include "event/repository.hpp"

#include "core/error.hpp"
#include "event/json.hpp"
#include "helpers.hpp"
#include "store/query.hpp"

#include <doctest/doctest.h>

using namespace omskplan;
using namespace omskplan::event;
using testing::Frozen;

namespace {

event::EventTemplate shipped(const std::string& id) {
  return event::TemplateCatalog({testing::source_path("examples/templates")}).get(id);
}

std::int64_t count(store::Db& db, const char* sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.get_int(0);
}

// City Day 2023 from the shipped template, saved.
Event city_day_2023(Services& s) {
  return create(s, materialize(shipped("city-day"), time::make_date(2023, 8, 5), std::nullopt, std::nullopt, s.ctx),
                ConflictPolicy::warn)
      .event;
}

Event simple(const time::Context& ctx, const char* title, const char* start, const char* venue,
             std::vector<Participant> ps = {}) {
  Event e;
  e.title = title;
  e.kind = Kind::meeting;
  e.start = time::parse_datetime(start, ctx).instant;
  e.end = e.start + std::chrono::hours{2};
  e.venue = venue;
  e.participants = std::move(ps);
  return e;
}

}  // namespace

TEST_SUITE("event::planner") {
  TEST_CASE("newest_event_ids: the newest first, at most the limit") {
    testing::Frozen f("2023-07-01 10:00");
    store::Db db = testing::memory_db();
    Services s{db, f.ctx};
    for (int i = 0; i < 5; ++i) {
      create(s, simple(f.ctx, "Совещание", "2023-09-01 10:00", ("Зал " + std::to_string(i)).c_str()),
             ConflictPolicy::warn);
    }
    CHECK(newest_event_ids(s, 3) == std::vector<std::int64_t>{5, 4, 3});
    CHECK(newest_event_ids(s, 100).size() == 5);
  }

  TEST_CASE("City Day 2023 is the 307th anniversary, Victory Day 2023 the 78th") {
    const Frozen f("2023-06-01 09:00");
    const auto city = materialize(shipped("city-day"), time::make_date(2023, 8, 5), std::nullopt, std::nullopt, f.ctx);
    CHECK(city.title == "День города Омска — 307-летие со дня основания");
    CHECK(city.ordinal == 307);
    CHECK(time::format_local(f.ctx.zone->to_local(city.start)) == "2023-08-05 10:00");
    const auto victory =
        materialize(shipped("victory-day"), time::make_date(2023, 5, 9), std::nullopt, std::nullopt, f.ctx);
    CHECK(victory.title.find("78-я годовщина Победы") == 0);
    // The disputed base year is a setting.
    const auto alt = materialize(shipped("city-day"), time::make_date(2028, 8, 5), std::nullopt, 1628, f.ctx);
    CHECK(alt.ordinal == 400);
    // Tasks are counted back on the production calendar and read in date order.
    for (std::size_t i = 1; i < city.tasks.size(); ++i) {
      CHECK(city.tasks[i - 1].due <= city.tasks[i].due);
      CHECK(city.tasks[i].no == static_cast<int>(i + 1));
    }
  }

  TEST_CASE("create warns about conflicts, or refuses them and writes nothing") {
    const Frozen f("2024-03-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    const Participant mayor{"Мэр города Омска", "", true};
    auto a = create(s, simple(f.ctx, "Конференция", "2024-03-14 10:00", "Концертный зал", {mayor}), ConflictPolicy::warn);
    CHECK(a.conflicts.empty());
    auto b = create(s, simple(f.ctx, "Концерт", "2024-03-14 11:00", "концертный зал"), ConflictPolicy::warn);
    REQUIRE(b.conflicts.size() == 1);
    CHECK(b.conflicts[0].type == Conflict::Type::venue);
    const auto before = count(db, "SELECT count(*) FROM event") + count(db, "SELECT count(*) FROM audit");
    CHECK_THROWS_AS(create(s, simple(f.ctx, "Встреча", "2024-03-14 12:20", "Мэрия", {mayor}), ConflictPolicy::refuse),
                    ConflictError);
    CHECK(count(db, "SELECT count(*) FROM event") + count(db, "SELECT count(*) FROM audit") == before);
  }

  TEST_CASE("a new start moves open tasks by their offsets and the run of show; done tasks stay") {
    const Frozen f("2023-06-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    auto e = city_day_2023(s);
    set_task_status(s, e.id, 1, TaskStatus::done, std::nullopt);
    const auto t1_due = e.tasks[0].due;
    EventChanges c;
    c.start = "2024-08-03 11:00";
    auto moved = edit(s, e.id, c, ConflictPolicy::warn).event;
    CHECK(moved.title == "День города Омска — 308-летие со дня основания");
    CHECK(moved.tasks[0].due == t1_due);
    CHECK(moved.tasks[0].status == TaskStatus::done);
    for (const auto& t : moved.tasks) {
      if (t.status == TaskStatus::todo && t.due_offset) {
        CHECK(t.due == time::apply_offset_to_date(f.ctx.zone->to_local(moved.start), *time::parse_offset(*t.due_offset),
                                                  *f.ctx.calendar));
      }
    }
    CHECK(time::format_clock(f.ctx.zone->to_local(moved.program[0].at)) == "10:00");
    CHECK(time::format_date(time::local_date(f.ctx.zone->to_local(moved.program[0].at))) == "2024-08-03");
    CHECK(moved.sequence == 1);
    // The same edit again changes nothing.
    CHECK_FALSE(edit(s, e.id, c, ConflictPolicy::warn).changed);
  }

  TEST_CASE("status lifecycle") {
    const Frozen f("2024-03-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    auto id = create(s, simple(f.ctx, "Семинар", "2024-03-14 10:00", "Зал"), ConflictPolicy::warn).event.id;
    CHECK(set_status(s, id, Status::confirmed).status == Status::confirmed);
    CHECK(set_status(s, id, Status::held).status == Status::held);
    CHECK_THROWS_WITH(set_status(s, id, Status::planned), "event 1 is held; it cannot become planned");
    CHECK_THROWS_WITH(set_status(s, 99, Status::planned), "no event with id 99");
  }

  TEST_CASE("tasks: offsets from the event, dates, agenda with overdue") {
    const Frozen f("2024-05-06 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    auto id = create(s, simple(f.ctx, "Открытие аллеи", "2024-05-13 12:00", "Аллея"), ConflictPolicy::warn).event.id;
    auto t = add_task(s, id, "Согласовать сценарий", "-5wd", "Департамент культуры");
    CHECK(time::format_date(t.due) == "2024-05-02");
    CHECK(t.due_offset == "-5wd");
    auto t2 = add_task(s, id, "Пригласить СМИ", "fri", "");
    CHECK(time::format_date(t2.due) == "2024-05-10");
    CHECK_FALSE(t2.due_offset.has_value());
    CHECK_THROWS_WITH(add_task(s, id, "x", "-5xd", ""),
                      "invalid date '-5xd': an offset is a sign, a number and a unit: d (days), w (weeks), wd "
                      "(working days)");
    const auto a = agenda(s, 7);
    REQUIRE(a.rows.size() == 2);
    CHECK(a.overdue == 1);
    set_task_status(s, id, 1, TaskStatus::done, time::make_date(2024, 5, 3));
    CHECK(agenda(s, 7).overdue == 0);
    CHECK_THROWS_WITH(set_task_status(s, id, 9, TaskStatus::done, std::nullopt), "event 1 has no task 9");
  }

  TEST_CASE("clone: next year's plan with lessons carried and tasks reopened") {
    const Frozen f("2023-09-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    auto e = city_day_2023(s);
    set_task_status(s, e.id, 2, TaskStatus::done, std::nullopt);
    add_lesson(s, e.id, "Нужна вторая сцена для детской программы");
    auto n = clone(s, e.id, time::make_date(2024, 8, 3), ConflictPolicy::warn).event;
    CHECK(n.id != e.id);
    CHECK(n.uuid != e.uuid);
    CHECK(n.title == "День города Омска — 308-летие со дня основания");
    CHECK(n.cloned_from == e.id);
    REQUIRE(n.lessons.size() == 1);
    CHECK(n.lessons[0].origin_uuid == e.uuid);
    for (const auto& t : n.tasks) {
      CHECK(t.status == TaskStatus::todo);
      CHECK(t.due > time::make_date(2024, 1, 1));
    }
    CHECK(time::format_local(f.ctx.zone->to_local(n.start)) == "2024-08-03 10:00");

    const auto rows = lessons_of(s, n);  // where each lesson was learned
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].origin);
    CHECK(rows[0].origin->id == e.id);
    CHECK_FALSE(rows[0].elsewhere);
    n.lessons[0].origin_uuid = "not-in-this-database";
    CHECK(lessons_of(s, n)[0].elsewhere);
    n.lessons[0].origin_uuid.reset();
    CHECK_FALSE(lessons_of(s, n)[0].elsewhere);
    CHECK_FALSE(lessons_of(s, n)[0].origin);
    CHECK(find_event_by_uuid(s, e.uuid)->id == e.id);
    CHECK_FALSE(find_event(s, 999));
  }

  TEST_CASE("list queries: a whole year, spans counted whole, the options' errors") {
    const Frozen f("2023-07-01 10:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx};
    create(s, simple(f.ctx, "Совещание", "2023-05-31 23:30", "Зал 1"), ConflictPolicy::warn);
    create(s, simple(f.ctx, "Концерт", "2023-06-15 18:00", "Сквер"), ConflictPolicy::warn);
    create(s, simple(f.ctx, "Приём", "2024-01-10 12:00", "Зал 2"), ConflictPolicy::warn);
    auto listed = [&](ListQuery q) { return list_events(s, parse_list_query(q, f.ctx), false).size(); };
    ListQuery q;
    CHECK(listed(q) == 3);
    q.year = "2023";
    CHECK(listed(q) == 2);
    q = {};
    q.from = "2023-06";
    q.to = "2023-06";
    CHECK(listed(q) == 2);  // the meeting of 31 May ends on 1 June
    q.venue = "сквер";
    CHECK(listed(q) == 1);
    q = {};
    q.limit = 1;
    CHECK(listed(q) == 1);
    q.limit = 0;
    CHECK_THROWS_WITH(parse_list_query(q, f.ctx), "--limit must be positive");
    q = {};
    q.year = "2023";
    q.from = "2023-01-01";
    CHECK_THROWS_WITH(parse_list_query(q, f.ctx), "give --year or --from/--to, not both");
    q = {};
    q.year = "2023-05";
    CHECK_THROWS_WITH(parse_list_query(q, f.ctx), "invalid --year '2023-05': expected a year such as 2023");
    q = {};
    q.from = "2024-01-01";
    q.to = "2023-12-31";
    CHECK_THROWS_WITH(parse_list_query(q, f.ctx), "--to 2023-12-31 is before --from 2024-01-01");
    q = {};
    q.kind = "party";
    CHECK_THROWS_AS(parse_list_query(q, f.ctx), InputError);
  }

  TEST_CASE("JSON import: created, then unchanged, then updated; a bad record writes nothing") {
    const Frozen f("2023-09-01 09:00");
    auto src = testing::memory_db();
    Services s1{src, f.ctx, time::Minutes{30}};
    city_day_2023(s1);
    create(s1, simple(f.ctx, "Круглый стол «Город и бизнес»", "2023-10-10 15:00", "Зал"), ConflictPolicy::warn);
    auto arr = nlohmann::ordered_json::array();
    for (const auto& e : repo::list(src, {}, true)) {
      arr.push_back(to_json(e, *f.ctx.zone));
    }
    const std::string text = arr.dump();

    auto dst = testing::memory_db();
    Services s2{dst, f.ctx, time::Minutes{30}};
    auto r = import_json(s2, text, {});
    CHECK(r.created == 2);
    const auto audit_rows = count(dst, "SELECT count(*) FROM audit");
    r = import_json(s2, text, {});
    CHECK(r.unchanged == 2);
    CHECK(r.created + r.updated == 0);
    CHECK(count(dst, "SELECT count(*) FROM audit") == audit_rows);

    arr[1]["title"] = "Круглый стол «Город и бизнес» (перенесён)";
    r = import_json(s2, arr.dump(), {});
    CHECK(r.updated == 1);

    auto bad = arr;
    bad[1]["start"] = "2024-02-30T10:00:00+06:00";
    const auto events_before = count(dst, "SELECT count(*) FROM event");
    CHECK_THROWS_WITH(import_json(s2, bad.dump(), {}),
                      "record 2: field 'start': invalid date '2024-02-30': no such day");
    bad = arr;
    bad[0]["tasks"][0]["status"] = "maybe";
    CHECK_THROWS_WITH(import_json(s2, bad.dump(), {}),
                      "record 1: field 'tasks[0].status': invalid task status 'maybe'; expected one of: todo, done, "
                      "cancelled");
    CHECK_THROWS_AS(import_json(s2, "{\"events\": 5}", {}), InputError);
    CHECK_THROWS_AS(import_json(s2, "[{", {}), InputError);
    // Found by fuzzing: a number out of range is bad JSON, not a crash.
    CHECK_THROWS_WITH(import_json(s2, "55e550", {}),
                      "not valid JSON: number overflow parsing '55e550'");
    CHECK(count(dst, "SELECT count(*) FROM event") == events_before);
  }

  TEST_CASE("search folds case and ё") {
    const Frozen f("2023-09-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    create(s, simple(f.ctx, "Открытие: главная ёлка города", "2023-12-25 17:00", "Соборная площадь"), ConflictPolicy::warn);
    create(s, simple(f.ctx, "Форум «ОМСК — город будущего»", "2023-10-25 10:00", "Зал"), ConflictPolicy::warn);
    repo::Filter q;
    q.search = "елка";
    CHECK(repo::list(db, q, false).size() == 1);
    q.search = "ЁЛКА";
    CHECK(repo::list(db, q, false).size() == 1);
    q.search = "омск";
    CHECK(repo::list(db, q, false).size() == 1);
    q.search = "соборн";
    CHECK(repo::list(db, q, false).size() == 1);
    q.search = "'); DROP TABLE event;--";
    CHECK(repo::list(db, q, false).empty());
    CHECK(store::fts_query("ёлка «Омск»") == "\"елка\"* \"Омск\"*");
  }
}

TEST_CASE("event::planner: delete removes the event and what belongs to it, the audit keeps it") {
  const Frozen f("2023-09-01 09:00");
  auto db = testing::memory_db();
  Services s{db, f.ctx, time::Minutes{30}};
  auto e = city_day_2023(s);
  auto c = clone(s, e.id, time::make_date(2024, 8, 3), ConflictPolicy::warn).event;
  remove_event(s, e.id);
  CHECK_FALSE(repo::load(db, e.id).has_value());
  CHECK(count(db, "SELECT count(*) FROM task WHERE event_id = 1") == 0);
  CHECK(repo::load(db, c.id)->cloned_from == std::nullopt);
  CHECK(count(db, "SELECT count(*) FROM audit WHERE action = 'delete' AND entity_id = 1 AND "
                  "json_extract(before, '$.ordinal') = 307") == 1);
  CHECK_THROWS_WITH(remove_event(s, e.id), "no event with id 1");
}
