#include "event/json.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;

TEST_SUITE("event::json") {
  TEST_CASE("an event survives to_json → from_json") {
    const testing::Frozen f("2023-09-01 09:00");
    Event e;
    e.id = 7;
    e.uuid = "11111111-2222-4333-8444-555555555555";
    e.title = "Концерт, посвящённый «Дню города»; 307";
    e.kind = Kind::concert;
    e.level = Level::regional;
    e.start = time::parse_datetime("2023-08-05 18:00", f.ctx).instant;
    e.end = e.start + std::chrono::hours{2};
    e.tags = {"концерт"};
    e.participants = {{"Мэр города Омска", "приветствие", true}};
    e.tasks = {{0, 1, "Звук", "ДК", time::make_date(2023, 8, 1), std::string("-4d"), TaskStatus::done,
                time::make_date(2023, 7, 30), "звук с запасом"}};
    e.program = {{1, e.start, std::string("+0m"), time::Minutes{120}, "Концерт", "ДК", "Большая сцена"}};
    e.part_of = 7;
    e.part_of_uuid = "umbrella-uuid";
    e.deadline_days_off = time::DayOffRule::previous;
    e.lessons = {{"Больше стульев", e.start, std::nullopt}};
    e.created = e.updated = f.ctx.now;
    const auto j = to_json(e, *f.ctx.zone);
    CHECK(j["start"] == "2023-08-05T18:00:00+06:00");
    const Event back = from_json(nlohmann::json::parse(j.dump()), f.ctx);
    CHECK(back.title == e.title);
    CHECK(back.start == e.start);
    CHECK(back.tasks == e.tasks);
    CHECK(back.program == e.program);
    CHECK(back.participants == e.participants);
    CHECK(back.lessons == e.lessons);
    CHECK(back.part_of_uuid == e.part_of_uuid);  // the UID travels; the id is this database's
    CHECK(!back.part_of);
    CHECK(back.deadline_days_off == time::DayOffRule::previous);
    CHECK(j["tasks"][0]["note"] == "звук с запасом");
    CHECK(j["program"][0]["venue"] == "Большая сцена");
    // The streamed text is what the value prints, at the top and as an array's element.
    std::string text;
    append_json(text, e, *f.ctx.zone, 2, 0);
    CHECK(text == j.dump(2));
    e.tags.clear();
    e.participants.clear();
    e.notes = "строка 1\n\t«кавычки» \"и\" \\ \x01\x7f";
    e.repeat = Repeat{};
    e.repeat->rule = "FREQ=WEEKLY";
    auto arr = nlohmann::ordered_json::array();
    arr.push_back(to_json(e, *f.ctx.zone));
    text = "[\n  ";
    append_json(text, e, *f.ctx.zone, 2, 1);
    text += "\n]";
    CHECK(text == arr.dump(2));
  }

  TEST_CASE("wrong shapes are named by field") {
    const testing::Frozen f("2023-09-01 09:00");
    auto parse = [&](const char* text) { return from_json(nlohmann::json::parse(text), f.ctx); };
    CHECK_THROWS_WITH(parse(R"({"title": "x", "kind": "concert", "start": "2023-08-05T18:00:00+06:00"})"),
                      "field 'end': missing");
    CHECK_THROWS_WITH(parse(R"({"title": 5})"), "field 'title': must be a string");
    CHECK_THROWS_WITH(parse(R"({"title": "x", "kind": "party"})"),
                      "field 'kind': invalid kind 'party'; expected one of: city-day, victory-day, holiday, "
                      "concert, opening, conference, round-table, seminar, ceremony, exhibition, sport, meeting, other");
    CHECK_THROWS_WITH(parse(R"({"title": "x", "colour": 1})"), "unknown field 'colour'");
    CHECK_THROWS_WITH(parse(R"([1])"), "expected a JSON object");
    CHECK_THROWS_WITH(parse(R"({"title": "x", "kind": "concert", "start": "2023-08-05T18:00:00+06:00",
                               "end": "2023-08-05T17:00:00+06:00"})"),
                      "field 'end': is before start");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
