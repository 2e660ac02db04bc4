#include "event/planner.hpp"
#include "event/repository.hpp"

#include "core/error.hpp"
#include "event/json.hpp"
#include "helpers.hpp"
#include "store/query.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

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
                                                  *f.ctx.calendar, moved.deadline_days_off));
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
    CHECK(r.created == 6);  // City Day with its four parts, the round table
    const auto audit_rows = count(dst, "SELECT count(*) FROM audit");
    r = import_json(s2, text, {});
    CHECK(r.unchanged == 6);
    CHECK(r.created + r.updated == 0);
    CHECK(count(dst, "SELECT count(*) FROM audit") == audit_rows);

    arr[5]["title"] = "Круглый стол «Город и бизнес» (перенесён)";
    r = import_json(s2, arr.dump(), {});
    CHECK(r.updated == 1);

    auto bad = arr;
    bad[5]["start"] = "2024-02-30T10:00:00+06:00";
    const auto events_before = count(dst, "SELECT count(*) FROM event");
    CHECK_THROWS_WITH(import_json(s2, bad.dump(), {}),
                      "record 6: field 'start': invalid date '2024-02-30': no such day");
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
  CHECK_THROWS_WITH(remove_event(s, e.id), "event 1 has 4 parts (#2, #3, #4, #5); remove them first or give --with-parts");
  remove_event(s, e.id, true);
  CHECK(count(db, "SELECT count(*) FROM event WHERE id BETWEEN 1 AND 5") == 0);
  CHECK_FALSE(repo::load(db, e.id).has_value());
  CHECK(count(db, "SELECT count(*) FROM task WHERE event_id = 1") == 0);
  CHECK(repo::load(db, c.id)->cloned_from == std::nullopt);
  CHECK(count(db, "SELECT count(*) FROM audit WHERE action = 'delete' AND entity_id = 1 AND "
                  "json_extract(before, '$.ordinal') = 307") == 1);
  CHECK_THROWS_WITH(remove_event(s, e.id), "no event with id 1");
}

namespace {

Event part(const time::Context& ctx, const char* title, const char* start, int minutes, const char* venue,
           std::int64_t of) {
  Event e = simple(ctx, title, start, venue, {{"Мэр города Омска", "", true}});
  e.end = e.start + std::chrono::minutes{minutes};
  e.part_of = of;
  return e;
}

}  // namespace

TEST_SUITE("event::planner: a programme of parts") {
  TEST_CASE("City Day 2023: the day never conflicts with its parts; the parts conflict as usual") {
    const Frozen f("2023-07-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    Event day = simple(f.ctx, "День города", "2023-08-05 10:00", "Соборная площадь", {{"Мэр города Омска", "", true}});
    day.end = day.start + std::chrono::hours{13};
    const auto umbrella = create(s, day, ConflictPolicy::refuse).event;
    // The concert on the square, with the Mayor: a part, so no conflict with the day.
    auto concert = create(s, part(f.ctx, "Праздничный концерт", "2023-08-05 20:00", 120, "Соборная площадь", umbrella.id),
                          ConflictPolicy::refuse);
    CHECK(concert.conflicts.empty());
    CHECK(concert.event.part_of_uuid == umbrella.uuid);
    auto unveil = create(s, part(f.ctx, "Открытие памятника Бухгольцу", "2023-08-05 12:00", 40, "Набережная Иртыша",
                                 umbrella.id),
                         ConflictPolicy::refuse);
    CHECK(unveil.conflicts.empty());
    // The alley ten minutes later elsewhere: the Mayor cannot be at both (30-minute buffer).
    const auto alley = part(f.ctx, "Открытие «Аллеи олимпийцев»", "2023-08-05 12:50", 30, "Парк Победы", umbrella.id);
    CHECK_THROWS_WITH(create(s, alley, ConflictPolicy::refuse),
                      doctest::Contains("refused (--strict), 1 conflict: VIP «Мэр города Омска»: #3"));
    auto warned = create(s, alley, ConflictPolicy::warn);
    REQUIRE(warned.conflicts.size() == 1);
    CHECK(warned.conflicts[0].first_id == unveil.event.id);
    // The whole day: only that one.
    const auto all = conflicts_in(s, day.start, day.end);
    REQUIRE(all.size() == 1);
    CHECK(all[0].second_id == warned.event.id);
    // Another event with the Mayor on the square at 20:30 conflicts with the day and with the concert: --strict names both.
    const auto other = simple(f.ctx, "Приём делегации", "2023-08-05 20:30", "Соборная площадь", {{"Мэр города Омска", "", true}});
    try {
      create(s, other, ConflictPolicy::refuse);
      FAIL("not refused");
    } catch (const ConflictError& e) {
      const std::string m = e.what();
      CHECK(m.find("4 conflicts") != std::string::npos);
      CHECK(m.find("#1 «День города»") != std::string::npos);
      CHECK(m.find("#2 «Праздничный концерт»") != std::string::npos);
    }
    const auto programme = load_programme(s, umbrella.id);
    REQUIRE(programme.parts.size() == 3);
    CHECK(programme.parts[0].title == "Открытие памятника Бухгольцу");  // by start
  }

  TEST_CASE("what may be a part of what") {
    const Frozen f("2023-07-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    const auto day = create(s, simple(f.ctx, "День города", "2023-08-05 10:00", "Соборная площадь"), ConflictPolicy::warn).event;
    const auto p = create(s, part(f.ctx, "Концерт", "2023-08-05 11:00", 60, "Сцена", day.id), ConflictPolicy::warn).event;
    CHECK_THROWS_WITH(create(s, part(f.ctx, "x", "2023-08-05 11:00", 60, "", 99), ConflictPolicy::warn),
                      "no event with id 99 to be a part of");
    CHECK_THROWS_WITH(create(s, part(f.ctx, "x", "2023-08-05 11:00", 60, "", p.id), ConflictPolicy::warn),
                      "event 2 is itself a part of event 1; a part has no parts");
    CHECK_THROWS_WITH(create(s, part(f.ctx, "Концерт", "2023-08-07 11:00", 60, "", day.id), ConflictPolicy::warn),
                      "«Концерт» starts on 2023-08-07, outside event 1 «День города» (2023-08-05); a part starts on its "
                      "umbrella's days");
    EventChanges c;
    c.part_of = std::to_string(p.id);
    CHECK_THROWS_WITH(edit(s, day.id, c, ConflictPolicy::warn), "event 2 is itself a part of event 1; a part has no parts");
    c.part_of = "x1";
    CHECK_THROWS_WITH(edit(s, day.id, c, ConflictPolicy::warn), "invalid --part-of 'x1': expected an event id or none");
    c.part_of = "none";
    CHECK(edit(s, p.id, c, ConflictPolicy::warn).event.part_of == std::nullopt);
  }

  TEST_CASE("a template's programme is created, moved, cloned and imported with the day") {
    const Frozen f("2023-06-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    const auto res = create(s, materialize(shipped("city-day"), time::make_date(2023, 8, 5), std::nullopt, std::nullopt, s.ctx),
                            ConflictPolicy::refuse);
    CHECK(res.conflicts.empty());
    REQUIRE(res.event.parts.size() == 4);
    for (const auto& p : res.event.parts) {
      CHECK(p.part_of == res.event.id);
      CHECK(p.start >= res.event.start);
      CHECK(p.end <= res.event.end);
    }
    // Moving the day moves its parts.
    EventChanges c;
    c.start = "2023-08-06 10:00";
    const auto moved = edit(s, res.event.id, c, ConflictPolicy::refuse);
    REQUIRE(moved.event.parts.size() == 4);
    CHECK(time::local_date(f.ctx.zone->to_local(load_event(s, res.event.parts[0].id).start)) == time::make_date(2023, 8, 6));
    // A clone brings its parts, linked to the new day.
    const auto next = clone(s, res.event.id, time::make_date(2024, 8, 3), ConflictPolicy::refuse).event;
    REQUIRE(next.parts.size() == 4);
    CHECK(load_programme(s, next.id).parts.size() == 4);
    CHECK(time::format_clock(f.ctx.zone->to_local(next.parts.back().start)) ==
          time::format_clock(f.ctx.zone->to_local(res.event.parts.back().start)));
    // JSON of the whole programme, parts first: imported elsewhere, the links are made at the end.
    std::string json = "[";
    for (auto it = next.parts.rbegin(); it != next.parts.rend(); ++it) {
      json += to_json(load_event(s, it->id), *f.ctx.zone).dump() + ",";
    }
    json += to_json(load_event(s, next.id), *f.ctx.zone).dump() + "]";
    auto db2 = testing::memory_db();
    Services s2{db2, f.ctx, time::Minutes{30}};
    const auto r = import_json(s2, json, {});
    CHECK(r.created == 5);
    CHECK(count(db2, "SELECT count(*) FROM event WHERE part_of = (SELECT id FROM event WHERE title LIKE 'День%')") == 4);
    // An umbrella that never comes: refused, nothing written.
    auto db3 = testing::memory_db();
    Services s3{db3, f.ctx, time::Minutes{30}};
    CHECK_THROWS_WITH(import_json(s3, "[" + to_json(load_event(s, next.parts[0].id), *f.ctx.zone).dump() + "]", {}),
                      doctest::Contains("which is neither in the file nor in the database"));
    CHECK(count(db3, "SELECT count(*) FROM event") == 0);
  }
}

TEST_SUITE("event::planner: editing a plan") {
  TEST_CASE("tasks: edit, renumber, done keeps its day, the clone leaves cancelled tasks") {
    const Frozen f("2023-07-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    auto e = city_day_2023(s);
    TaskChanges c;
    c.due = "-20wd";
    c.note = "с учётом замечаний прошлого года";
    const auto t = edit_task(s, e.id, 3, c);
    CHECK(t.due_offset == "-20wd");
    CHECK(t.due == f.ctx.calendar->add_working_days(time::make_date(2023, 8, 5), -20));
    CHECK(t.note == "с учётом замечаний прошлого года");
    c = {};
    c.title = " ";
    CHECK_THROWS_WITH(edit_task(s, e.id, 3, c), "the task title is empty");
    CHECK_THROWS_WITH(edit_task(s, e.id, 99, c), "event 1 has no task 99");
    const auto order = move_task(s, e.id, 3, 1);
    CHECK(order[0].title == t.title);
    CHECK(order[0].no == 1);
    CHECK_THROWS_WITH(move_task(s, e.id, 1, 0), "--to 0 is out of range 1–11");
    set_task_status(s, e.id, 2, TaskStatus::done, time::make_date(2023, 6, 20));
    set_task_status(s, e.id, 2, TaskStatus::done, std::nullopt);  // again: the day stays
    CHECK(load_event(s, e.id).tasks[1].done_on == time::make_date(2023, 6, 20));
    CHECK_THROWS_WITH(set_task_status(s, e.id, 2, TaskStatus::done, time::make_date(2023, 7, 2)),
                      "--on 2023-07-02 is in the future");
    set_task_status(s, e.id, 4, TaskStatus::cancelled, std::nullopt);
    CHECK(clone(s, e.id, time::make_date(2024, 8, 3), ConflictPolicy::warn).event.tasks.size() == 10);
    CHECK(clone(s, e.id, time::make_date(2025, 8, 2), ConflictPolicy::warn, true).event.tasks.size() == 11);
    Task past;
    past.no = 5;
    past.due = time::make_date(2023, 6, 30);
    CHECK(due_warning(past, f.ctx.today(), *f.ctx.calendar) == "task 5 is due on 2023-06-30, already past");
    past.due = time::make_date(2023, 7, 16);
    CHECK(due_warning(past, f.ctx.today(), *f.ctx.calendar) == "task 5 is due on 2023-07-16, a day off");
    past.due = time::make_date(2023, 7, 17);
    CHECK(due_warning(past, f.ctx.today(), *f.ctx.calendar).empty());
  }

  TEST_CASE("the run of show: add, edit, move, remove; always within the event and in time order") {
    const Frozen f("2023-07-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    Event c0 = simple(f.ctx, "Концерт", "2023-08-05 17:00", "Соборная площадь");
    c0.end = c0.start + std::chrono::hours{3};
    const auto e = create(s, c0, ConflictPolicy::warn).event;
    ProgramChanges a;
    a.at = "18:00";
    a.duration = "2h";
    a.title = "Концертная программа";
    a.venue = "Большая сцена";
    CHECK(add_program_item(s, e.id, a).no == 1);
    a = {};
    a.at = "+0m";
    a.duration = "1h";
    a.title = "Сбор гостей";
    CHECK(add_program_item(s, e.id, a).no == 1);  // earlier, so first
    a.title = "Приветствие";
    a.duration = "0";
    CHECK(add_program_item(s, e.id, a).no == 2);  // same time: after
    auto items = load_event(s, e.id).program;
    REQUIRE(items.size() == 3);
    CHECK(items[2].venue == "Большая сцена");
    CHECK(move_program_item(s, e.id, 2, 1)[0].title == "Приветствие");
    CHECK_THROWS_WITH(move_program_item(s, e.id, 3, 1),
                      "item 3 at 18:00 cannot take place 1 (at 17:00): the run of show is in time order; change its time "
                      "with 'event program edit 1 3 --at …'");
    ProgramChanges late;
    late.at = "19:30";
    late.duration = "1h";
    CHECK_THROWS_WITH(edit_program_item(s, e.id, 3, late),
                      "run-of-show item «Концертная программа» (2023-08-05 19:30–20:30) is outside the event "
                      "(2023-08-05 17:00–20:00); change the item or the event's times");
    late.at = "16:30";
    late.duration = "30m";
    CHECK_THROWS_AS(edit_program_item(s, e.id, 3, late), InputError);
    ProgramChanges bad;
    bad.at = "noon";
    CHECK_THROWS_WITH(edit_program_item(s, e.id, 3, bad),
                      "invalid --at 'noon': expected a time (18:00), an offset from the start (+30m) or a date and time "
                      "(2023-08-05 18:00)");
    CHECK(remove_program_item(s, e.id, 1).title == "Приветствие");
    CHECK(load_event(s, e.id).program.size() == 2);
    CHECK_THROWS_WITH(remove_program_item(s, e.id, 9), "event 1 has no run-of-show item 9");
  }

  TEST_CASE("the whole plan from a file, JSON or TOML, all or nothing") {
    const Frozen f("2023-07-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx, time::Minutes{30}};
    const auto e = city_day_2023(s);
    auto j = to_json(load_event(s, e.id), *f.ctx.zone);
    j["tasks"][0]["due"] = "2023-06-02";
    j["tasks"][0]["due_offset"] = nullptr;
    j["program"][0]["venue"] = "Соборная площадь, главная сцена";
    const auto r = replace_from_file(s, e.id, j.dump(), "plan.json", ConflictPolicy::warn);
    CHECK(r.changed);
    CHECK(load_event(s, e.id).tasks[0].due == time::make_date(2023, 6, 2));
    CHECK(load_event(s, e.id).program[0].venue == "Соборная площадь, главная сцена");
    CHECK_FALSE(replace_from_file(s, e.id, j.dump(), "plan.json", ConflictPolicy::warn).changed);
    // Bad files change nothing.
    const auto before = count(db, "SELECT count(*) FROM audit");
    j["tasks"][1]["due"] = "2023-13-01";
    CHECK_THROWS_WITH(replace_from_file(s, e.id, j.dump(), "plan.json", ConflictPolicy::warn),
                      doctest::Contains("plan.json: field 'tasks[1].due'"));
    j["id"] = 77;
    CHECK_THROWS_WITH(replace_from_file(s, e.id, j.dump(), "plan.json", ConflictPolicy::warn),
                      "plan.json: field 'id': 77 is not event 1");
    CHECK_THROWS_WITH(replace_from_file(s, e.id, "title = \"x\"\nkind = ", "plan.toml", ConflictPolicy::warn),
                      doctest::Contains("plan.toml:2:"));
    CHECK(count(db, "SELECT count(*) FROM audit") == before);
    // TOML with the same keys.
    const std::string toml = R"(title = "День города Омска"
kind = "city-day"
start = 2023-08-05T10:00:00+06:00
end = 2023-08-05T23:00:00+06:00
venue = "Соборная площадь"

[[tasks]]
title = "Утвердить программу"
due = 2023-07-10
owner = "ДК"

[[program]]
at = 2023-08-05T10:00:00+06:00
duration_min = 60
title = "Открытие"
venue = "Соборная площадь"
)";
    const auto t = replace_from_file(s, e.id, toml, "plan.toml", ConflictPolicy::warn).event;
    CHECK(t.tasks.size() == 1);
    CHECK(t.tasks[0].due == time::make_date(2023, 7, 10));
    CHECK(t.program.size() == 1);
    CHECK(t.uuid == e.uuid);
    CHECK(t.part_of == std::nullopt);
    CHECK(load_programme(s, e.id).parts.size() == 4);  // the parts are events of their own: untouched
  }
}

TEST_CASE("event::planner: no shipped template puts a deadline on a day off, any day of 2023–2026") {
  const Frozen f("2023-01-01 09:00");
  int checked = 0;
  for (const auto& entry : event::TemplateCatalog({testing::source_path("examples/templates")}).list()) {
    for (time::Date d = time::make_date(2023, 1, 1); d <= time::make_date(2026, 12, 31); d += std::chrono::days{1}) {
      const Event e = materialize(entry.tmpl, d, std::nullopt, std::nullopt, f.ctx);
      for (const auto& t : e.tasks) {
        // A deadline past 2026 has no calendar data yet; the fallback is enough for it.
        if (time::year_of(t.due) >= 2023 && time::year_of(t.due) <= 2026) {
          if (!f.ctx.calendar->is_working(t.due)) {
            FAIL_CHECK(entry.tmpl.id << " on " << time::format_date(d) << ": task «" << t.title << "» due "
                                     << time::format_date(t.due) << " is a day off");
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 10000);
  // With the rule kept, the 2023 clone of City Day has its calendar-day deadlines where they fall.
  auto tmpl = shipped("city-day");
  tmpl.deadline_days_off = time::DayOffRule::keep;
  const Event kept = materialize(tmpl, time::make_date(2023, 8, 5), std::nullopt, std::nullopt, f.ctx);
  CHECK(std::any_of(kept.tasks.begin(), kept.tasks.end(), [&](const Task& t) { return !f.ctx.calendar->is_working(t.due); }));
}

}  // namespace OMSKPLAN_TEST_FILE
