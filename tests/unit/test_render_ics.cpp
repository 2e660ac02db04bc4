#include "render/ics.hpp"

#include "core/text.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::render;

namespace {

std::vector<std::string> physical_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto e = s.find("\r\n", pos);
    REQUIRE(e != std::string::npos);
    out.push_back(s.substr(pos, e - pos));
    pos = e + 2;
  }
  return out;
}

}  // namespace

TEST_SUITE("render::ics") {
  TEST_CASE("folding never splits a UTF-8 character and keeps lines within 75 octets") {
    std::string longline = "SUMMARY:";
    for (int i = 0; i < 40; ++i) {
      longline += "Омск";
    }
    const std::string folded = fold_line(longline);
    for (const auto& l : physical_lines(folded)) {
      CHECK(l.size() <= 75);
      CHECK(text::is_valid_utf8(l));
    }
    const auto cal = parse_ics("BEGIN:VCALENDAR\r\n" + folded + "END:VCALENDAR\r\n");
    CHECK(cal.get("SUMMARY")->value == longline.substr(8));
  }

  TEST_CASE("TEXT escaping round-trips") {
    const std::string s = "Круглый стол; итоги, планы\\задачи\nвторая строка";
    CHECK(escape_text(s) == "Круглый стол\\; итоги\\, планы\\\\задачи\\nвторая строка");
    CHECK(unescape_text(escape_text(s)) == s);
  }

  TEST_CASE("a calendar has VTIMEZONE, UID, DTSTAMP, TZID and all-day dates; it parses back") {
    const auto& z = testing::omsk();
    const testing::Frozen f("2023-07-01 09:00");
    IcsEvent a;
    a.uid = "a@omskplan";
    a.summary = "День города Омска — 307-летие, праздник; концерт";
    a.description = "Программа:\n10:00 Поднятие флага";
    a.location = "Соборная площадь";
    a.start = time::parse_datetime("2023-08-05 10:00", f.ctx).instant;
    a.end = time::parse_datetime("2023-08-05 23:00", f.ctx).instant;
    a.sequence = 2;
    a.status = "CONFIRMED";
    IcsEvent b;
    b.uid = "b@omskplan";
    b.summary = "Выставка";
    b.all_day = true;
    b.start = time::parse_datetime("2023-08-06", f.ctx).instant;
    b.end = time::parse_datetime("2023-08-08", f.ctx).instant;
    const std::string out = write_calendar({a, b}, z, f.ctx.now, "План");
    for (const auto& l : physical_lines(out)) {
      CHECK(l.size() <= 75);
    }
    const auto cal = parse_ics(out);
    CHECK(cal.get("VERSION")->value == "2.0");
    CHECK(cal.get("PRODID") != nullptr);
    const auto tzs = cal.all("VTIMEZONE");
    REQUIRE(tzs.size() == 1);
    CHECK(tzs[0]->get("TZID")->value == "Asia/Omsk");
    REQUIRE(tzs[0]->all("STANDARD").size() == 1);
    CHECK(tzs[0]->all("STANDARD")[0]->get("TZOFFSETTO")->value == "+0600");
    const auto evs = cal.all("VEVENT");
    REQUIRE(evs.size() == 2);
    CHECK(evs[0]->get("UID")->value == "a@omskplan");
    CHECK(evs[0]->get("DTSTAMP")->value == "20230701T030000Z");
    CHECK(evs[0]->get("DTSTART")->params.at("TZID") == "Asia/Omsk");
    CHECK(evs[0]->get("DTSTART")->value == "20230805T100000");
    CHECK(unescape_text(evs[0]->get("SUMMARY")->value) == a.summary);
    CHECK(unescape_text(evs[0]->get("DESCRIPTION")->value) == a.description);
    CHECK(evs[0]->get("SEQUENCE")->value == "2");
    CHECK(evs[1]->get("DTSTART")->params.at("VALUE") == "DATE");
    CHECK(evs[1]->get("DTSTART")->value == "20230806");
    CHECK(evs[1]->get("DTEND")->value == "20230808");
  }

  TEST_CASE("a zone with DST gets its transitions in the VTIMEZONE") {
    const auto berlin = time::TimeZone::load("Europe/Berlin");
    IcsEvent a;
    a.uid = "x";
    a.summary = "x";
    a.start = *time::parse_utc("2024-03-01T10:00:00Z");
    a.end = *time::parse_utc("2024-11-01T10:00:00Z");
    const auto cal = parse_ics(write_calendar({a}, berlin, a.start, ""));
    const auto tz = cal.all("VTIMEZONE")[0];
    CHECK(tz->all("DAYLIGHT").size() == 1);
    CHECK(tz->all("STANDARD").size() == 2);
    CHECK(tz->all("DAYLIGHT")[0]->get("DTSTART")->value == "20240331T020000");
  }

  TEST_CASE("malformed streams are refused with the line") {
    CHECK_THROWS_WITH(parse_ics("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"),
                      "line 3: END:VCALENDAR does not close an open component");
    CHECK_THROWS_WITH(parse_ics("hello\r\n"), "line 1: not an iCalendar content line");
    CHECK_THROWS_WITH(parse_ics("BEGIN:VCALENDAR\r\n"), "BEGIN:VCALENDAR is never closed");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
