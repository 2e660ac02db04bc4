#include "event/recurrence.hpp"

#include "core/error.hpp"
#include "event/planner.hpp"
#include "event/repository.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;
using omskplan::testing::Frozen;

namespace {

time::Date d(std::string_view s) { return *time::parse_iso_date(s); }

// The days held (or moved) from `from` to `to`, "day" or "day<nominal" when moved.
std::vector<std::string> held(const Event& series, std::string_view from, std::string_view to) {
  std::vector<std::string> out;
  for (const auto& o : occurrence_days(series, d(from), d(to), testing::calendar(), testing::omsk())) {
    if (o.state == OccurrenceState::held) {
      out.push_back(time::format_date(o.day));
    } else if (o.state == OccurrenceState::moved) {
      out.push_back(time::format_date(o.day) + "<" + time::format_date(o.nominal));
    }
  }
  return out;
}

Event series(const std::string& start, const std::string& rule, RepeatDaysOff days_off, const time::Context& ctx) {
  Event e;
  e.title = "Аппаратное совещание у Мэра";
  e.start = time::parse_datetime(start, ctx).instant;
  e.end = e.start + std::chrono::hours{1};
  e.repeat = Repeat{rule, days_off, {}, {}};
  return e;
}

}  // namespace

TEST_SUITE("event::recurrence") {
  const Frozen f("2023-12-20 10:00");

  TEST_CASE("Mondays in January 2024: the New Year holidays skipped, or moved, or kept") {
    // 1 and 8 January 2024 are days off (the New Year holidays).
    CHECK(held(series("2024-01-01 09:00", "FREQ=WEEKLY;BYDAY=MO", RepeatDaysOff::skip, f.ctx), "2024-01-01",
               "2024-01-31") == std::vector<std::string>{"2024-01-15", "2024-01-22", "2024-01-29"});
    CHECK(held(series("2024-01-01 09:00", "FREQ=WEEKLY;BYDAY=MO", RepeatDaysOff::keep, f.ctx), "2024-01-01",
               "2024-01-14") == std::vector<std::string>{"2024-01-01", "2024-01-08"});
    // Moved forward: both land on 9 January; the second is left out (one meeting a day).
    CHECK(held(series("2024-01-01 09:00", "FREQ=WEEKLY;BYDAY=MO", RepeatDaysOff::next, f.ctx), "2024-01-01",
               "2024-01-15") == std::vector<std::string>{"2024-01-09<2024-01-01", "2024-01-15"});
    // The last Friday of February 2024 is 23 February, a holiday: the working day before.
    CHECK(held(series("2024-01-26 15:00", "FREQ=MONTHLY;BYDAY=-1FR", RepeatDaysOff::previous, f.ctx), "2024-02-01",
               "2024-03-31") == std::vector<std::string>{"2024-02-22<2024-02-23", "2024-03-29"});
  }

  TEST_CASE("cancelled and changed days; an occurrence keeps the clock time and the run of show moves with it") {
    Event e = series("2024-01-15 09:00", "FREQ=WEEKLY;BYDAY=MO", RepeatDaysOff::skip, f.ctx);
    e.repeat->cancelled = {d("2024-01-22")};
    e.changed_days = {d("2024-01-29")};
    ProgramItem p;
    p.at = e.start + std::chrono::minutes{30};
    p.title = "Доклад";
    e.program.push_back(p);
    const auto days = occurrence_days(e, d("2024-01-15"), d("2024-02-05"), testing::calendar(), testing::omsk());
    REQUIRE(days.size() == 4);
    CHECK(days[1].state == OccurrenceState::cancelled);
    CHECK(days[2].state == OccurrenceState::changed);
    const auto occ = occurrences_between(e, time::parse_datetime("2024-01-15", f.ctx).instant,
                                         time::parse_datetime("2024-02-06", f.ctx).instant, testing::calendar(),
                                         testing::omsk());
    REQUIRE(occ.size() == 2);
    CHECK(time::format_utc(occ[1].start) == "2024-02-05T03:00:00Z");
    CHECK(time::format_utc(occ[1].program[0].at) == "2024-02-05T03:30:00Z");
    CHECK(occ[1].occurrence == d("2024-02-05"));
    CHECK(occ[1].series_start == e.start);
  }

  TEST_CASE("the end of a series: COUNT, UNTIL, none") {
    auto e = series("2024-01-15 09:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=3", RepeatDaysOff::skip, f.ctx);
    CHECK(time::format_utc(*series_until(e, testing::calendar(), testing::omsk())) == "2024-01-29T04:00:00Z");
    e.repeat->rule = "FREQ=WEEKLY;BYDAY=MO;UNTIL=20240131";
    CHECK(time::format_utc(*series_until(e, testing::calendar(), testing::omsk())) == "2024-01-29T04:00:00Z");
    e.repeat->rule = "FREQ=WEEKLY;BYDAY=MO";
    CHECK_FALSE(series_until(e, testing::calendar(), testing::omsk()));
  }

  TEST_CASE("a rule in words") {
    CHECK(describe_rule(time::parse_recurrence("FREQ=WEEKLY;BYDAY=MO")) == "weekly: Monday");
    CHECK(describe_rule(time::parse_recurrence("FREQ=MONTHLY;BYDAY=-1FR;COUNT=12")) == "monthly: last Friday, 12 times");
    CHECK(describe_rule(time::parse_recurrence("FREQ=YEARLY;BYMONTH=8;BYDAY=1SA")) == "yearly: August; first Saturday");
    CHECK(describe_rule(time::parse_recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20241231")) ==
          "every 2 weeks: Tuesday, Thursday, until 2024-12-31");
  }
}

TEST_SUITE("event::planner series") {
  const Frozen f("2023-12-20 10:00");

  Event meeting(const time::Context& ctx) {
    Event e;
    e.title = "Аппаратное совещание у Мэра";
    e.start = time::parse_datetime("2024-01-01 09:00", ctx).instant;
    e.end = e.start + std::chrono::hours{1};
    e.venue = "Зал заседаний";
    e.participants.push_back({"Мэр города Омска", "", true});
    return e;
  }

  TEST_CASE("one row however long; occurrences in lists and conflicts as single events") {
    auto db = testing::memory_db();
    Services s{db, f.ctx};
    auto res = create(s, meeting(f.ctx), ConflictPolicy::warn, RepeatSpec{"FREQ=WEEKLY;BYDAY=MO;UNTIL=20331231", ""});
    CHECK(testing::count(db, "SELECT count(*) FROM event") == 1);
    REQUIRE(res.event.repeat);
    CHECK(res.event.repeat->days_off == RepeatDaysOff::skip);
    EventFilter jan;
    jan.from = time::parse_datetime("2024-01-01", f.ctx).instant;
    jan.to = time::parse_datetime("2024-02-01", f.ctx).instant;
    const auto listed = list_events(s, jan, false);
    REQUIRE(listed.size() == 3);  // 15, 22, 29 January
    CHECK(time::format_utc(listed[0].start) == "2024-01-15T03:00:00Z");
    // A single event with the Mayor at 09:30 on a Monday conflicts with that Monday's meeting.
    Event other;
    other.title = "Встреча";
    other.start = time::parse_datetime("2024-01-22 09:30", f.ctx).instant;
    other.end = other.start + std::chrono::hours{1};
    other.participants.push_back({"Мэр города Омска", "", true});
    auto r2 = create(s, other, ConflictPolicy::warn);
    REQUIRE(r2.conflicts.size() == 1);
    CHECK(r2.conflicts[0].first_id == res.event.id);
    CHECK(time::format_utc(r2.conflicts[0].first_start) == "2024-01-22T03:00:00Z");
    CHECK_THROWS_AS(create(s, other, ConflictPolicy::refuse), ConflictError);
  }

  TEST_CASE("a series has no tasks or parts; a start off the rule moves to its first day; a bad rule is refused") {
    auto db = testing::memory_db();
    Services s{db, f.ctx};
    Event e = meeting(f.ctx);
    e.start = time::parse_datetime("2024-01-10 09:00", f.ctx).instant;  // a Wednesday
    e.end = e.start + std::chrono::hours{1};
    auto res = create(s, e, ConflictPolicy::warn, RepeatSpec{"FREQ=WEEKLY;BYDAY=MO", ""});
    CHECK(time::format_utc(res.event.start) == "2024-01-15T03:00:00Z");
    REQUIRE(res.notices.size() == 1);
    CHECK(res.notices[0] == "2024-01-10 is not a day the rule makes; the first occurrence is 2024-01-15");
    CHECK_THROWS_WITH_AS(add_task(s, res.event.id, "Повестка", "-1d", ""),
                         "event 1 repeats; a task belongs to one occurrence: omskplan event occurrence edit 1 DATE "
                         "makes it an event of its own",
                         InputError);
    CHECK_THROWS_AS(create(s, meeting(f.ctx), ConflictPolicy::warn, RepeatSpec{"FREQ=WEEKLY;BYDAY=XX", ""}), InputError);
    Event sat = meeting(f.ctx);
    sat.start = time::parse_datetime("2024-06-09 10:00", f.ctx).instant;  // a Sunday (no Sunday is worked)
    sat.end = sat.start + std::chrono::hours{1};
    CHECK_THROWS_WITH_AS(create(s, sat, ConflictPolicy::warn, RepeatSpec{"FREQ=WEEKLY", "skip"}),
                         "every occurrence of «Аппаратное совещание у Мэра» in its first year falls on a day off and "
                         "--days-off skip leaves them all out; give --days-off keep for an event held on days off (or "
                         "next, previous)",
                         InputError);
    // On a Sunday by nature: held anyway, by default.
    CHECK(create(s, sat, ConflictPolicy::warn, RepeatSpec{"FREQ=WEEKLY", ""}).event.repeat->days_off ==
          RepeatDaysOff::keep);
    CHECK(testing::count(db, "SELECT count(*) FROM event") == 2);
  }

  TEST_CASE("cancel, restore, change one, this and following") {
    auto db = testing::memory_db();
    Services s{db, f.ctx};
    const auto id = create(s, meeting(f.ctx), ConflictPolicy::warn, RepeatSpec{"FREQ=WEEKLY;BYDAY=MO;COUNT=10", ""})
                        .event.id;
    CHECK(cancel_occurrence(s, id, "2024-01-22").changed);
    CHECK_FALSE(cancel_occurrence(s, id, "2024-01-22").changed);
    CHECK_THROWS_WITH_AS(cancel_occurrence(s, id, "2024-01-23"),
                         "event 1 «Аппаратное совещание у Мэра» has no occurrence on 2024-01-23; the nearest: "
                         "2024-01-15, 2024-01-29",
                         NotFound);
    EventChanges later;
    later.start = "2024-01-30 10:00";
    auto moved = edit_occurrence(s, id, "2024-01-29", later, false, ConflictPolicy::warn);
    CHECK(moved.event.occurrence_of == id);
    CHECK(moved.event.occurrence == d("2024-01-29"));
    auto rows = list_occurrences(s, id, "2024-01-15", "2024-02-05");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].day.state == OccurrenceState::cancelled);
    CHECK(rows[2].day.state == OccurrenceState::changed);
    CHECK(rows[2].event.id == moved.event.id);
    CHECK(restore_occurrence(s, id, "2024-01-22").changed);
    // From 12 February on, at 10:00: the series ends on the 11th (COUNT counted on: 10 = 6 + 4).
    EventChanges ten;
    ten.start = "2024-02-12 10:00";
    auto split = edit_occurrence(s, id, "2024-02-12", ten, true, ConflictPolicy::warn);
    REQUIRE(split.event.repeat);
    CHECK(split.event.repeat->rule == "FREQ=WEEKLY;BYDAY=MO;COUNT=4");
    CHECK(time::format_utc(split.event.start) == "2024-02-12T04:00:00Z");
    CHECK(load_event(s, id).repeat->rule == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20240211");
    // The changed occurrence stays with the part it belongs to; deleting the series takes it along.
    remove_event(s, id);
    CHECK(testing::count(db, "SELECT count(*) FROM event") == 1);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
