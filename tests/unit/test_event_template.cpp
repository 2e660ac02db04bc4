#include "event/template.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;
namespace fs = std::filesystem;

namespace {

const char* kMinimal = R"(id = "t"
name = "Тест"
kind = "concert"
title = "Концерт"
)";

std::string error_of(const std::string& text) {
  try {
    parse_event_template(text, "my.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_SUITE("event::EventTemplate") {
  TEST_CASE("every shipped template loads") {
    TemplateCatalog cat({testing::source_path("examples/templates")});
    const auto all = cat.list();
    std::vector<std::string> ids;
    for (const auto& e : all) {
      ids.push_back(e.tmpl.id);
    }
    CHECK(ids == std::vector<std::string>{"city-day", "concert", "conference", "opening", "patron-ceremony",
                                          "round-table", "seminar", "victory-day"});
    const auto city = cat.get("city-day");
    CHECK(city.anniversary_base == 1716);
    CHECK(city.kind == event::Kind::city_day);
    CHECK(city.tasks.size() >= 10);
  }

  TEST_CASE("titles count anniversaries from the base year") {
    CHECK(render_title("День города Омска — {ordinal}-летие", time::make_date(2023, 8, 5), 1716) ==
          "День города Омска — 307-летие");
    CHECK(render_title("{ordinal}-я годовщина Победы", time::make_date(2023, 5, 9), 1945) ==
          "78-я годовщина Победы");
    CHECK(render_title("Меценат года — {year}, {date}", time::make_date(2023, 12, 15), std::nullopt) ==
          "Меценат года — 2023, 15 декабря 2023\u00a0г.");
  }

  TEST_CASE("errors point at file:line:col") {
    CHECK(error_of(std::string(kMinimal) + "colour = \"red\"\n") ==
          "my.toml:5:1: unknown key 'colour'; expected one of: anniversary_base, deadline_days_off, duration, id, kind, "
          "level, name, notes, organizer, part, participant, program, start_time, tags, task, title, venue");
    CHECK(error_of(std::string(kMinimal) + "level = \"global\"\n") ==
          "my.toml:5:9: invalid level 'global'; expected one of: municipal, regional, intercity, international");
    CHECK(error_of(std::string(kMinimal) + "[[task]]\ntitle = \"x\"\ndue = \"-5xd\"\n") ==
          "my.toml:7:7: invalid due '-5xd': expected an offset from the event such as -30d, -5wd, -2w, +1d");
    CHECK(error_of(std::string(kMinimal) + "[[task]]\ntitle = \"x\"\n") == "my.toml:5:1: missing required key 'due'");
    CHECK(error_of(std::string(kMinimal) + "[[task]]\ntitle = \"x\"\ndue = \"-1d\"\nwho = 1\n") ==
          "my.toml:8:1: unknown key 'who' in [[task]]; expected one of: due, owner, title");
    CHECK(error_of("id = \"t\"\nname = \"Тест\"\nkind = \"concert\"\ntitle = \"{ordinal} лет\"\n") ==
          "my.toml:4:9: title uses {ordinal} but the template has no anniversary_base");
    CHECK(error_of("id = \"t\"\nname = \"Тест\"\nkind = \"concert\"\ntitle = \"{when}\"\n") ==
          "my.toml:4:9: unknown placeholder '{when}' in title; use {ordinal}, {year} or {date}");
    CHECK(error_of("id = \"t\"\nname = \"x\"\n") == "my.toml:1:1: missing required key 'kind'");
    CHECK(error_of(std::string(kMinimal) + "start_time = \"25:00\"\n") ==
          "my.toml:5:14: start_time '25:00' is not a time HH:MM");
    CHECK(error_of("id = \"t\"\nname = \"Тест\n") ==
          "my.toml:2:13: Error while parsing string: unescaped control characters other than TAB (U+0009) are "
          "explicitly prohibited");
    CHECK(error_of(std::string(kMinimal) + "[[program]]\nat = \"noon\"\ntitle = \"x\"\n") ==
          "my.toml:6:6: invalid at 'noon': expected a clock time (10:00) or an offset from the start (+30m, +1d)");
  }

  TEST_CASE("the run of show lies within the event; parts within the umbrella; the day-off rule is a key") {
    CHECK(error_of(std::string(kMinimal) + "start_time = \"18:00\"\nduration = \"2h\"\n[[program]]\nat = \"-1h\"\n"
                                           "title = \"Сбор гостей\"\n") ==
          "my.toml:7:1: run-of-show item «Сбор гостей» at -1h is outside the event (18:00, 2h); move the start_time or "
          "the item");
    CHECK(error_of(std::string(kMinimal) + "start_time = \"18:00\"\nduration = \"2h\"\n[[program]]\nat = \"19:30\"\n"
                                           "duration = \"1h\"\ntitle = \"Фейерверк\"\n") ==
          "my.toml:7:1: run-of-show item «Фейерверк» at 19:30 is outside the event (18:00, 2h); move the start_time or "
          "the item");
    CHECK(error_of(std::string(kMinimal) + "deadline_days_off = \"before\"\n") ==
          "my.toml:5:21: invalid day-off rule 'before'; expected one of: previous, next, keep");
    CHECK(error_of(std::string(kMinimal) + "start_time = \"10:00\"\nduration = \"13h\"\n[[part]]\ntitle = \"Салют\"\n"
                                           "at = \"23:00\"\nduration = \"15m\"\n") ==
          "my.toml:7:1: part «Салют» (23:00, 15m) is not within the event (10:00, 13h)");
    CHECK(error_of(std::string(kMinimal) + "[[part]]\ntitle = \"x\"\nat = \"-1d\"\n") ==
          "my.toml:7:6: invalid at '-1d': expected a clock time (18:00) or an offset from the start (+8h)");
    const auto t = parse_event_template(std::string(kMinimal) +
                                            "start_time = \"10:00\"\nduration = \"13h\"\ndeadline_days_off = \"next\"\n"
                                            "[[part]]\ntitle = \"Концерт\"\nkind = \"concert\"\nat = \"+10h\"\n"
                                            "duration = \"2h\"\nvenue = \"Соборная площадь\"\nvips = [\"Мэр города Омска\"]\n",
                                        "my.toml");
    REQUIRE(t.parts.size() == 1);
    CHECK(t.parts[0].kind == event::Kind::concert);
    CHECK(t.parts[0].offset->amount == 600);
    CHECK(t.parts[0].vips == std::vector<std::string>{"Мэр города Омска"});
    CHECK(t.deadline_days_off == time::DayOffRule::next);
  }

  TEST_CASE("a user template overrides the shipped one of the same id; unknown ids get a suggestion") {
    const fs::path dir = fs::temp_directory_path() / "omskplan-tmpl-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "city-day.toml") << "id = \"city-day\"\nname = \"Мой День города\"\nkind = \"city-day\"\n"
                                            "title = \"День города — {ordinal}\"\nanniversary_base = 1628\n";
    std::vector<std::string> warnings;
    TemplateCatalog cat({dir.string(), testing::source_path("examples/templates")},
                        [&](const std::string& w) { warnings.push_back(w); });
    CHECK(cat.get("city-day").name == "Мой День города");
    CHECK(cat.get("city-day").anniversary_base == 1628);
    CHECK_THROWS_WITH(cat.get("city-dy"), "unknown template 'city-dy'; did you mean 'city-day'?");
    std::ofstream(dir / "broken.toml") << "id = \"broken\"\nname = \n";
    CHECK(cat.list().size() == 8);
    CHECK(warnings.size() == 1);
    CHECK_THROWS_WITH(cat.get("broken"), (dir.string() + "/broken.toml:2:8: Error while parsing key-value pair: expected value, saw '\\n'").c_str());
    fs::remove_all(dir);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
