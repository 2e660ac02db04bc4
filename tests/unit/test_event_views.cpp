#include "event/views.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;

namespace {

Event victory_day(const time::Context& ctx) {
  Event e;
  e.id = 7;
  e.uuid = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b";
  e.title = "Парад Победы — 78-я годовщина";
  e.kind = Kind::victory_day;
  e.start = time::parse_datetime("2023-05-09 10:00", ctx).instant;
  e.end = time::parse_datetime("2023-05-09 12:00", ctx).instant;
  e.venue = "Соборная площадь";
  e.participants = {{"Мэр города Омска", "приветствие", true}};
  return e;
}

}  // namespace

TEST_SUITE("event::views") {
  TEST_CASE("a table row per event in the zone's time; the id is what --quiet prints") {
    const testing::Frozen f("2023-05-01 09:00");
    const auto t = events_table({victory_day(f.ctx)}, testing::omsk());
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][t.id_column] == "7");
    const std::string text = render::to_text(t, false);
    CHECK(text.find("2023-05-09 10:00") != std::string::npos);
    CHECK(text.find("Соборная площадь") != std::string::npos);
    CHECK(format_span(victory_day(f.ctx), testing::omsk()) == "2023-05-09 10:00–12:00");
  }

  TEST_CASE("the card names the VIPs; the calendar entry keeps the UID and times in UTC") {
    const testing::Frozen f("2023-05-01 09:00");
    const auto e = victory_day(f.ctx);
    const std::string card = event_card(e, testing::omsk(), f.ctx.today(), false);
    CHECK(card.find("Парад Победы — 78-я годовщина") != std::string::npos);
    CHECK(card.find("Мэр города Омска") != std::string::npos);
    const auto md = event_card(e, testing::omsk(), f.ctx.today(), true);
    CHECK(md.find("**") != std::string::npos);
    const auto ics = to_ics(e, testing::omsk());
    CHECK(ics.uid.find(e.uuid) == 0);
    CHECK(ics.summary == e.title);
  }

  TEST_CASE("lessons: where each was learned") {
    const testing::Frozen f("2023-05-01 09:00");
    auto origin = victory_day(f.ctx);
    std::vector<LessonRow> rows{{{"Больше стульев", f.ctx.now, origin.uuid}, origin, false},
                                {{"Тенты от дождя", f.ctx.now, "x"}, std::nullopt, true},
                                {{"Свой урок", f.ctx.now, std::nullopt}, std::nullopt, false}};
    const auto t = lessons_table(rows, testing::omsk());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0][2] == "#7 2023-05-09");
    CHECK(t.rows[1][2] == "another database");
    CHECK(t.rows[2][2].empty());
    CHECK(t.rows[0][1] == "2023-05-01");
  }

  TEST_CASE("templates: the list with what overrides what, and the JSON a template shows") {
    const auto entries = TemplateCatalog({testing::source_path("examples/templates")}).list();
    REQUIRE_FALSE(entries.empty());
    const auto t = templates_table(entries);
    CHECK(t.rows.size() == entries.size());
    CHECK(t.rows[0][t.id_column] == entries[0].tmpl.id);
    const auto j = templates_json(entries);
    REQUIRE(j.size() == entries.size());
    const auto city = TemplateCatalog({testing::source_path("examples/templates")}).get("city-day");
    const auto cj = template_json(city);
    CHECK(cj["anniversary_base"] == 1716);
    CHECK(cj["tasks"].size() == city.tasks.size());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
