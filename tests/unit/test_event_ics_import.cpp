#include "event/ics_import.hpp"

#include "core/error.hpp"
#include "event/repository.hpp"
#include "event/views.hpp"
#include "helpers.hpp"
#include "render/ics.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(testing::source_path("tests/data/ics", name), std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string utc(time::Instant t) { return time::format_utc(t); }

// A calendar of VEVENT bodies (lines separated by \n; CRLF added).
std::string cal(const std::string& body, const std::string& extra = "") {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n" + extra;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    out += line + "\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

std::vector<IcsItem> read(const std::string& text, std::vector<std::string>& warnings,
                          IcsImportOptions opt = {}) {
  static testing::Frozen f("2024-03-01 09:00");
  return read_ics_events(text, f.ctx, opt, warnings);
}

std::vector<IcsItem> read(const std::string& text) {
  std::vector<std::string> w;
  return read(text, w);
}

}  // namespace

TEST_SUITE("event::ics_import") {
  TEST_CASE("Google Calendar: UTC, TZID, escapes, folding, a weekly rule with EXDATE, UNTIL and a moved occurrence") {
    const auto items = read(fixture("google.ics"));
    REQUIRE(items.size() == 4);
    const IcsItem& conf = items[0];
    CHECK(conf.uuid == "5f1k2j3h4g5f6d7s8a9@google.com");
    CHECK(conf.title == "Международная конференция «Города Сибири»");
    CHECK(utc(conf.start) == "2024-03-14T04:00:00Z");
    CHECK(utc(conf.end) == "2024-03-14T10:00:00Z");
    CHECK(conf.venue == "Конгресс-холл, ул. Съездовская, 2");
    CHECK(conf.notes ==
          "Пленарное заседание, секции; круглый стол «Городская среда».\nРегистрация участников с 9:30, кофе-брейк в "
          "12:00. Обратная косая черта: \\ конец.");
    CHECK(conf.status == "CONFIRMED");
    CHECK(conf.rule.empty());
    // Mondays 1, (8 excluded), 15 (moved to Tuesday 16th 15:00), 22: one series, UNTIL 09:59:59 on the 29th
    // (before the 10:00 meeting) is the 28th; the moved Monday is a changed occurrence of it.
    const IcsItem& weekly = items[1];
    CHECK(weekly.uuid == "weekly-planerka@google.com");
    CHECK(weekly.rule == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20240428");
    CHECK(utc(weekly.start) == "2024-04-01T04:00:00Z");
    CHECK(weekly.cancelled == std::vector<time::Date>{*time::parse_iso_date("2024-04-08")});
    CHECK(weekly.days_off.empty());
    CHECK(items[2].uuid == "weekly-planerka@google.com/20240415T040000Z");
    CHECK(items[2].occurrence_of == "weekly-planerka@google.com");
    CHECK(items[2].occurrence == time::parse_iso_date("2024-04-15"));
    CHECK(items[2].title == "Планёрка у Мэра (перенесена)");
    CHECK(utc(items[2].start) == "2024-04-16T09:00:00Z");
    CHECK(utc(items[2].end) == "2024-04-16T10:00:00Z");
    const IcsItem& victory = items[3];
    CHECK(victory.all_day);
    CHECK(utc(victory.start) == "2024-05-08T18:00:00Z");  // midnight in Omsk
    CHECK(utc(victory.end) == "2024-05-09T18:00:00Z");
  }

  TEST_CASE("Outlook: Windows zone names, a zone defined only by its VTIMEZONE rules, all-day at midnight, BYDAY=1TH") {
    const auto items = read(fixture("outlook.ics"));
    REQUIRE(items.size() == 5);
    CHECK(items[0].title == "Совещание по Дню города");  // SUMMARY;LANGUAGE=ru
    CHECK(utc(items[0].start) == "2024-06-12T04:00:00Z");  // "Omsk Standard Time" = Asia/Omsk
    CHECK(items[0].notes == "Совещание по подготовке Дня города\n");
    CHECK(items[1].all_day);  // X-MICROSOFT-CDO-ALLDAYEVENT at local midnight
    CHECK(utc(items[1].start) == "2024-08-03T18:00:00Z");
    CHECK(utc(items[1].end) == "2024-08-04T18:00:00Z");
    // "Customized Time Zone": +01:00, +02:00 from the last Sunday of March to the last of October.
    CHECK(utc(items[2].start) == "2024-06-20T08:00:00Z");
    CHECK(utc(items[2].end) == "2024-06-20T09:30:00Z");
    CHECK(utc(items[3].start) == "2024-01-15T09:00:00Z");
    CHECK(utc(items[3].end) == "2024-01-15T10:00:00Z");  // DURATION:PT1H
    // The first Thursday of three months: one series.
    CHECK(utc(items[4].start) == "2024-09-05T09:00:00Z");
    CHECK(items[4].rule == "FREQ=MONTHLY;BYDAY=1TH;COUNT=3");
    CHECK(items[4].venue == "Зал заседаний");
  }

  TEST_CASE("Thunderbird: CATEGORIES, an old /mozilla.org/ TZID, DURATION, a cancelled all-day span") {
    const auto items = read(fixture("thunderbird.ics"));
    REQUIRE(items.size() == 3);
    CHECK(items[0].categories == std::vector<std::string>{"opening"});
    CHECK(items[0].status == "TENTATIVE");
    CHECK(utc(items[1].start) == "2024-07-10T03:00:00Z");  // Novosibirsk, +07:00
    CHECK(utc(items[1].end) == "2024-07-10T06:30:00Z");
    CHECK(items[2].all_day);
    CHECK((items[2].end - items[2].start) == std::chrono::days{14});
    CHECK(items[2].status == "CANCELLED");
  }

  TEST_CASE("a rule omskplan repeats to the same instants is a series; one it cannot is separate events") {
    std::vector<std::string> w;
    // Berlin changes its offset on 31 March: repeated in Omsk the instants would differ; it is a
    // series on Berlin's clock.
    auto items = read(cal("BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Berlin:20240318T100000\nDURATION:PT1H\n"
                          "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT"),
                      w);
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule == "FREQ=WEEKLY;COUNT=3");
    CHECK(items[0].zone == "Europe/Berlin");
    CHECK(w.empty());
    // A zone only the file's VTIMEZONE defines, with daylight saving: separate events.
    items = read(cal("BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Mitteleuropa:20240318T100000\nDURATION:PT1H\n"
                     "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT",
                     "BEGIN:VTIMEZONE\r\nTZID:Mitteleuropa\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
                     "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                     "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\n"
                     "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                     "END:DAYLIGHT\r\nEND:VTIMEZONE\r\n"),
                 w);
    REQUIRE(items.size() == 3);
    CHECK(items[0].rule.empty());
    CHECK(utc(items[0].start) == "2024-03-18T09:00:00Z");
    CHECK(utc(items[1].start) == "2024-03-25T09:00:00Z");  // still CET: the change is on 31 March
    CHECK(utc(items[2].start) == "2024-04-01T08:00:00Z");  // CEST
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "UID w: its rule in its own time zone gives other instants than in the configured one (daylight "
                  "saving, another day); imported as separate events");
    // RDATE: a series does not keep it.
    w.clear();
    items = read(cal("BEGIN:VEVENT\nUID:m\nDTSTART;VALUE=DATE:20240131\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3\n"
                     "RDATE;VALUE=DATE:20240615\nEND:VEVENT"),
                 w);
    REQUIRE(items.size() == 4);
    CHECK(items[1].uuid == "m/20240229");
    CHECK(items[2].uuid == "m/20240331");
    CHECK(items[3].uuid == "m/20240615");
    CHECK(w.size() == 1);
    // 9 May every year to 2026: a series of all-day events.
    items = read(cal("BEGIN:VEVENT\nUID:y\nDTSTART;VALUE=DATE:20240509\nRRULE:FREQ=YEARLY;UNTIL=20260509\n"
                     "END:VEVENT"));
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule == "FREQ=YEARLY;UNTIL=20260509");
    CHECK(items[0].all_day);
    // Every other week, Tuesday and Thursday, from a Tuesday, in UTC (10:00 in Omsk, the same day).
    items = read(cal("BEGIN:VEVENT\nUID:b\nDTSTART:20240305T040000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4\n"
                     "END:VEVENT"));
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4");
    // 23:00 UTC on Mondays is Tuesday 05:00 in Omsk: BYDAY=MO would name other days there.
    w.clear();
    items = read(cal("BEGIN:VEVENT\nUID:late\nDTSTART:20240304T230000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2\n"
                     "END:VEVENT"),
                 w);
    REQUIRE(items.size() == 2);
    CHECK(utc(items[1].start) == "2024-03-11T23:00:00Z");
    // The last Friday of March and of October, every year, from 2024, three times; MO-TH-FR last weekday (BYSETPOS).
    items = read(cal("BEGIN:VEVENT\nUID:f\nDTSTART;TZID=Asia/Omsk:20240329T150000\n"
                     "RRULE:FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1FR;COUNT=3\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:p\nDTSTART;TZID=Asia/Omsk:20240329T150000\n"
                     "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1\nEND:VEVENT"));
    REQUIRE(items.size() == 2);
    CHECK(items[0].rule == "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1FR;COUNT=3");
    CHECK(items[1].rule == "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
  }

  TEST_CASE("an endless series is one event; an endless rule of separate events is imported within the window") {
    std::vector<std::string> w;
    IcsImportOptions opt;
    opt.horizon_days = 30;
    auto items = read(cal("BEGIN:VEVENT\nUID:d\nDTSTART:20240301T100000\nRRULE:FREQ=DAILY\nEND:VEVENT"), w, opt);
    REQUIRE(items.size() == 1);  // a floating time is in the configured zone: the same instants
    CHECK(items[0].rule == "FREQ=DAILY");
    CHECK(utc(items[0].start) == "2024-03-01T04:00:00Z");
    CHECK(w.empty());
    // Berlin's clock: a series too, endless, nothing cut.
    items = read(cal("BEGIN:VEVENT\nUID:b\nDTSTART;TZID=Europe/Berlin:20240301T100000\nRRULE:FREQ=DAILY\nEND:VEVENT"),
                 w, opt);
    REQUIRE(items.size() == 1);
    CHECK(items[0].zone == "Europe/Berlin");
    // Two rules (a series keeps one): separate events, within the window.
    const std::string two = "BEGIN:VEVENT\nUID:b\nDTSTART;TZID=Europe/Berlin:20240301T100000\nRRULE:FREQ=DAILY\n"
                            "RRULE:FREQ=WEEKLY\nEND:VEVENT";
    items = read(cal(two), w, opt);
    CHECK(items.size() == 31);  // 1 March … 31 March (now is 1 March; the rule starts then)
    REQUIRE(w.size() == 2);
    CHECK(w[1] == "UID b: repeats without end; 31 occurrences imported, from 2024-03-01 to 2024-03-31 (the window "
                  "2023-03-01 … 2024-03-31; --from and --to set it)");
    // A window in the past: the rule's days there, said exactly; one before the rule: nothing, and said so.
    w.clear();
    IcsImportOptions past;
    past.from = "2024-03-10";
    past.to = "2024-03-12";
    items = read(cal(two), w, past);
    CHECK(items.size() == 3);
    CHECK(w.back() == "UID b: repeats without end; 3 occurrences imported, from 2024-03-10 to 2024-03-12 (the window "
                      "2024-03-10 … 2024-03-12; --from and --to set it)");
    past.from = "2023";
    past.to = "2023";
    items = read(cal(two), w, past);
    CHECK(items.empty());
    CHECK(w.back() == "UID b: repeats without end, and no occurrence falls in the window 2023-01-01 … 2023-12-31 "
                      "(--from, --to); nothing imported");
    // A finite rule is imported whole, however long ago; with a window, its part there, and how much is said.
    w.clear();
    const std::string finite = "BEGIN:VEVENT\nUID:f\nDTSTART;TZID=Europe/Berlin:20100301T100000\n"
                               "RRULE:FREQ=DAILY;COUNT=2000\nRDATE;TZID=Europe/Berlin:20100301T180000\nEND:VEVENT";
    items = read(cal(finite), w);
    CHECK(items.size() == 2001);
    past.from = "2010-03-01";
    past.to = "2010-03-31";
    items = read(cal(finite), w, past);
    CHECK(items.size() == 32);
    CHECK(w.back() == "UID f: 32 of its 2001 occurrences fall in the window 2010-03-01 … 2010-03-31 and are imported");
  }

  TEST_CASE("no UID: one derived from the event, the same on every import") {
    std::vector<std::string> w;
    const std::string text = cal("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20240612\nSUMMARY:День России\nEND:VEVENT");
    const auto a = read(text, w);
    const auto b = read(text, w);
    REQUIRE(a.size() == 1);
    CHECK(a[0].uuid == b[0].uuid);
    CHECK(a[0].uuid.rfind("ics-", 0) == 0);
    CHECK(w.size() == 2);
  }

  TEST_CASE("bad and unsupported events name themselves") {
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:x\nSUMMARY:A\nEND:VEVENT")), "UID x: no DTSTART", InputError);
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:x\nDTSTART:20240230T100000\nEND:VEVENT")),
                         "UID x: DTSTART '20240230T100000' is not a date-time YYYYMMDDTHHMMSS[Z]", InputError);
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:x\nDTSTART;TZID=Mars/Olympus:20240301T100000\nEND:VEVENT")),
                         "UID x: TZID 'Mars/Olympus' is neither a known time zone nor defined by a VTIMEZONE",
                         InputError);
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:x\nDTSTART:20240301T100000Z\nDTEND:20240301T090000Z\nEND:VEVENT")),
                         "UID x: line 7: DTEND is before DTSTART", InputError);
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:x\nDTSTART:20240301T100000Z\nEND:VEVENT\n"
                                  "BEGIN:VEVENT\nUID:x\nDTSTART:20240302T100000Z\nEND:VEVENT")),
                         "UID x: the VEVENTs at lines 4 and 8 differ and have the same SEQUENCE and LAST-MODIFIED; "
                         "which one is current is unclear",
                         InputError);
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:u\nDTSTART:20240301T100000Z\nRRULE:FREQ=WEEKLY;UNTL=20240401\n"
                                  "END:VEVENT")),
                         "UID u: line 7: invalid RRULE 'FREQ=WEEKLY;UNTL=20240401': UNTL is not a part of a rule",
                         InputError);
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:u\nDTSTART;TZID=Europe/Berlin:20240301T100000\n"
                                  "RRULE:FREQ=WEEKLY;UNTIL=20240201T000000Z\nEND:VEVENT")),
                         "UID u: line 7: the rule ends (UNTIL 2024-01-31) before DTSTART (2024-03-01); which occurrences "
                         "are meant is unclear",
                         InputError);
    const std::string setpos = cal("BEGIN:VEVENT\nUID:s\nDTSTART:20240301T100000Z\n"
                                   "RRULE:FREQ=YEARLY;BYWEEKNO=10\nEND:VEVENT\n"
                                   "BEGIN:VEVENT\nUID:ok\nDTSTART:20240301T100000Z\nEND:VEVENT");
    CHECK_THROWS_WITH_AS(read(setpos),
                         "UID s: line 7: invalid RRULE 'FREQ=YEARLY;BYWEEKNO=10': BYWEEKNO is not supported (--skip-unsupported skips "
                         "such events)",
                         InputError);
    std::vector<std::string> w;
    IcsImportOptions skip;
    skip.skip_unsupported = true;
    const auto items = read(setpos, w, skip);
    REQUIRE(items.size() == 1);
    CHECK(items[0].uuid == "ok");
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "skipped UID s: line 7: invalid RRULE 'FREQ=YEARLY;BYWEEKNO=10': BYWEEKNO is not supported");
    CHECK_THROWS_AS(read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"), InputError);
    // Found by fuzz_ics_import: a number of 60 digits in a VTIMEZONE rule overflowed.
    CHECK_THROWS_AS(read(cal("BEGIN:VEVENT\nUID:v\nDTSTART;TZID=Z:20240314T040000\nEND:VEVENT",
                             "BEGIN:VTIMEZONE\r\nTZID:Z\r\nBEGIN:STANDARD\r\nDTSTART:16010325T020000\r\n"
                             "RRULE:FREQ=YEARLY;BYDAY=-666666666666666666666666666660SU;BYMONTH=3\r\n"
                             "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")),
                    InputError);
    // Found by fuzz_ics_import: a date RDATE on a timed event made an all-day occurrence of no length.
    CHECK_THROWS_WITH_AS(read(cal("BEGIN:VEVENT\nUID:r\nDTSTART:20240314T040000Z\nRDATE:20240510\nEND:VEVENT")),
                         "UID r: line 7: RDATE '20240510' does not match DTSTART: one is a date, the other a date-time",
                         InputError);
  }

  TEST_CASE("what real clients write: accepted as they mean it") {
    std::vector<std::string> w;
    // Exchange's CDO: BYDAY with spaces.
    auto items = read(cal("BEGIN:VEVENT\nUID:cdo\nDTSTART;TZID=Asia/Omsk:20240304T090000\n"
                          "RRULE:FREQ=WEEKLY;BYDAY=MO, TU, WE;COUNT=6\nEND:VEVENT"),
                      w);
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule == "FREQ=WEEKLY;BYDAY=MO,TU,WE;COUNT=6");
    // Outlook's "last weekday of the month": BYSETPOS.
    items = read(cal("BEGIN:VEVENT\nUID:last\nDTSTART;TZID=Omsk Standard Time:20240131T150000\n"
                     "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3\nEND:VEVENT"),
                 w);
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule == "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3");
    // Evolution's prefixed TZIDs (and its X-LIC-LOCATION), a three-part zone name.
    items = read(cal("BEGIN:VEVENT\nUID:evo\nDTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Moscow:"
                     "20240301T100000\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:evo2\nDTSTART;TZID=/softwarestudio.org/Olson_20011030_5/America/Argentina/"
                     "Buenos_Aires:20240301T100000\nEND:VEVENT"),
                 w);
    REQUIRE(items.size() == 2);
    CHECK(utc(items[0].start) == "2024-03-01T07:00:00Z");
    CHECK(utc(items[1].start) == "2024-03-01T13:00:00Z");
    items = read(cal("BEGIN:VEVENT\nUID:lic\nDTSTART;TZID=Moskau:20240301T100000\nEND:VEVENT",
                     "BEGIN:VTIMEZONE\r\nTZID:Moskau\r\nX-LIC-LOCATION:Europe/Moscow\r\nBEGIN:STANDARD\r\n"
                     "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\n"
                     "END:VTIMEZONE\r\n"),
                 w);
    CHECK(utc(items.at(0).start) == "2024-03-01T07:00:00Z");
    // Google: a floating time is in the calendar's X-WR-TIMEZONE; an RDATE date written with Z is a date.
    items = read(cal("BEGIN:VEVENT\nUID:wr\nDTSTART:20240301T100000\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:bd\nDTSTART;VALUE=DATE:20141210\nRRULE:FREQ=DAILY;COUNT=1\n"
                     "RDATE:20131210Z\nEND:VEVENT",
                     "X-WR-TIMEZONE:Europe/Berlin\r\n"),
                 w);
    REQUIRE(items.size() == 3);
    CHECK(utc(items[0].start) == "2024-03-01T09:00:00Z");
    CHECK(items[1].all_day);
    CHECK(items[1].uuid == "bd/20131210");
    CHECK(items[2].uuid == "bd/20141210");
    // An empty RRULE: left out, said.
    w.clear();
    items = read(cal("BEGIN:VEVENT\nUID:e\nDTSTART;VALUE=DATE:20190101\nRRULE:\nEND:VEVENT"), w);
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule.empty());
    CHECK(w == std::vector<std::string>{"UID e: line 7: an empty RRULE is left out"});
  }

  TEST_CASE("several RRULEs, RDATE periods, THISANDFUTURE, all-day overrides by day, versions of one event") {
    std::vector<std::string> w;
    auto starts = [](const std::vector<IcsItem>& items) {
      std::vector<std::string> out;
      for (const auto& it : items) {
        out.push_back(utc(it.start) + (it.title == "A" ? "" : " " + it.title));
      }
      return out;
    };
    // Two rules: their union; DTSTART counted by the first only (Cyrus).
    auto items = read(cal("BEGIN:VEVENT\nUID:m\nSUMMARY:A\nDTSTART:20230112T100000Z\n"
                          "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=2\nRRULE:FREQ=MONTHLY;BYDAY=2MO;COUNT=2\n"
                          "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=2\nEND:VEVENT"),
                      w);
    CHECK(starts(items) == std::vector<std::string>{"2023-01-12T10:00:00Z", "2023-01-19T10:00:00Z",
                                                    "2023-02-13T10:00:00Z", "2023-03-13T10:00:00Z"});
    CHECK(w.back() == "UID m: it has several RRULEs, which a series does not keep; imported as separate events");
    // Two rules that differ only in their UNTIL are two rules.
    items = read(cal("BEGIN:VEVENT\nUID:u2\nSUMMARY:A\nDTSTART:20230112T100000Z\n"
                     "RRULE:FREQ=WEEKLY;UNTIL=20230119T100000Z\nRRULE:FREQ=WEEKLY;UNTIL=20230126T100000Z\nEND:VEVENT"),
                 w);
    CHECK(starts(items) == std::vector<std::string>{"2023-01-12T10:00:00Z", "2023-01-19T10:00:00Z",
                                                    "2023-01-26T10:00:00Z"});
    // RDATE;VALUE=PERIOD with an end and with a duration: occurrences of their own length.
    items = read(cal("BEGIN:VEVENT\nUID:p\nSUMMARY:A\nDTSTART:20240901T120000Z\nDTEND:20240901T130000Z\n"
                     "RDATE;VALUE=PERIOD:20240905T090000Z/20240905T123000Z,20240907T090000Z/PT2H\nEND:VEVENT"),
                 w);
    REQUIRE(items.size() == 3);
    CHECK(utc(items[1].end) == "2024-09-05T12:30:00Z");
    CHECK(utc(items[2].end) == "2024-09-07T11:00:00Z");
    // RANGE=THISANDFUTURE: that occurrence and all later ones move and change as it did.
    items = read(cal("BEGIN:VEVENT\nUID:t\nSUMMARY:A\nDTSTART:20240901T120000Z\nDTEND:20240901T130000Z\n"
                     "RRULE:FREQ=DAILY;COUNT=4\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:t\nSUMMARY:B\nRECURRENCE-ID;RANGE=THISANDFUTURE:20240903T120000Z\n"
                     "DTSTART:20240903T150000Z\nDTEND:20240903T170000Z\nEND:VEVENT"),
                 w);
    CHECK(starts(items) == std::vector<std::string>{"2024-09-01T12:00:00Z", "2024-09-02T12:00:00Z",
                                                    "2024-09-03T15:00:00Z B", "2024-09-04T15:00:00Z B"});
    CHECK(utc(items[3].end) == "2024-09-04T17:00:00Z");
    // Exchange 2010: an all-day series' override with a date-time RECURRENCE-ID replaces that day's occurrence.
    items = read(cal("BEGIN:VEVENT\nUID:x\nSUMMARY:A\nDTSTART;VALUE=DATE:20200402\nDTEND;VALUE=DATE:20200403\n"
                     "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:x\nSUMMARY:B\nRECURRENCE-ID;TZID=GMT Standard Time:20200409T000000\n"
                     "DTSTART;VALUE=DATE:20200410\nDTEND;VALUE=DATE:20200411\nEND:VEVENT"),
                 w);
    REQUIRE(items.size() == 2);  // a series and its changed occurrence
    CHECK(items[0].rule == "FREQ=WEEKLY;COUNT=3");
    CHECK(items[1].occurrence == time::parse_iso_date("2020-04-09"));
    CHECK(time::format_utc(items[1].start) == "2020-04-09T18:00:00Z");  // 10 April in Omsk
    // An override naming a day the series no longer makes is left out, said.
    w.clear();
    items = read(cal("BEGIN:VEVENT\nUID:s\nSUMMARY:A\nDTSTART;VALUE=DATE:20240701\nSEQUENCE:2\n"
                     "RRULE:FREQ=WEEKLY;UNTIL=20240720\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:s\nSUMMARY:B\nRECURRENCE-ID;VALUE=DATE:20240729\nSEQUENCE:1\n"
                     "DTSTART;VALUE=DATE:20240730\nEND:VEVENT"),
                 w);
    CHECK(items.size() == 1);
    CHECK(w == std::vector<std::string>{"UID s: line 14: RECURRENCE-ID names 2024-07-29, which is not an occurrence "
                                        "of the event; left out"});
    // Two versions of one event: the later revision, said.
    w.clear();
    items = read(cal("BEGIN:VEVENT\nUID:v\nSUMMARY:new\nDTSTART:20240302T100000Z\nSEQUENCE:3\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:v\nSUMMARY:old\nDTSTART:20240301T100000Z\nSEQUENCE:1\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:v\nSUMMARY:old\nDTSTART:20240301T100000Z\nSEQUENCE:1\nEND:VEVENT"),
                 w);
    REQUIRE(items.size() == 1);
    CHECK(items[0].title == "new");
    CHECK(w.size() == 2);
  }

  TEST_CASE("import: by UID, all or nothing; omskplan's own export comes back unchanged") {
    testing::Frozen f("2024-03-01 09:00");
    auto db = testing::memory_db();
    Services s{db, f.ctx};
    auto r = import_ics(s, fixture("google.ics"), {});
    CHECK(r.counts.created == 4);  // the conference, the weekly series and its moved Monday, Victory Day
    const auto weekly = *find_event_by_uuid(s, "weekly-planerka@google.com");
    REQUIRE(weekly.repeat);
    CHECK(weekly.repeat->days_off == RepeatDaysOff::keep);  // held as the file says; the import says the days off
    CHECK(weekly.changed_days == std::vector<time::Date>{*time::parse_iso_date("2024-04-15")});
    r = import_ics(s, fixture("google.ics"), {});
    CHECK(r.counts.unchanged == 4);
    CHECK(r.counts.created == 0);

    // Export everything, import it back: nothing changes, and the export is the same.
    std::vector<render::IcsEvent> ics;
    for (const auto& e : repo::list(db, {}, true)) {
      if (!e.occurrence_of) {
        ics.push_back(to_ics(e, testing::omsk()));
      }
    }
    for (const auto& e : repo::list_series(db, {}, true)) {
      for (auto& i : series_to_ics(series_export(s, e.id), testing::omsk())) {
        ics.push_back(std::move(i));
      }
    }
    const std::string exported = render::write_calendar(ics, testing::omsk(), f.ctx.now, "test");
    r = import_ics(s, exported, {});
    CHECK(r.counts.unchanged == 4);
    CHECK(r.counts.created + r.counts.updated == 0);

    // A changed title updates the event and keeps what iCalendar does not carry.
    const std::string changed = [&] {
      std::string t = fixture("google.ics");
      const std::string from = "SUMMARY:День Победы";
      t.replace(t.find(from), from.size(), "SUMMARY:День Победы — 79 лет");
      return t;
    }();
    r = import_ics(s, changed, {});
    CHECK(r.counts.updated == 1);
    CHECK(r.counts.unchanged == 3);

    // A bad event anywhere: nothing at all is written.
    const auto before = repo::list(db, {}, false).size();
    std::string bad = fixture("thunderbird.ics");
    bad.replace(bad.find("DURATION:PT3H30M"), 16, "DURATION:soon");
    CHECK_THROWS_AS(import_ics(s, bad, {}), InputError);
    CHECK(repo::list(db, {}, false).size() == before);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
