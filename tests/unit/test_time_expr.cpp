#include "time/expr.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::time;
using omskplan::testing::Frozen;

namespace {
std::string day(std::string_view expr, const Context& ctx) { return format_date(parse_date(expr, ctx)); }
}  // namespace

TEST_SUITE("time::expr") {
  // Friday 2024-05-03, 09:30 in Omsk.
  const Frozen f("2024-05-03 09:30");
  const Context& ctx = f.ctx;

  TEST_CASE("dates relative to today") {
    CHECK(day("today", ctx) == "2024-05-03");
    CHECK(day("Tomorrow", ctx) == "2024-05-04");
    CHECK(day("вчера", ctx) == "2024-05-02");
    CHECK(day("+3d", ctx) == "2024-05-06");
    CHECK(day("-2w", ctx) == "2024-04-19");
    CHECK(day("+1wd", ctx) == "2024-05-06");
    CHECK(day("+3wd", ctx) == "2024-05-08");
    CHECK(day("fri", ctx) == "2024-05-10");  // the next one after today
    CHECK(day("monday", ctx) == "2024-05-06");
    CHECK(day("ПН", ctx) == "2024-05-06");
    CHECK(day("eow", ctx) == "2024-05-05");
    CHECK(day("sow", ctx) == "2024-04-29");
    CHECK(day("eom", ctx) == "2024-05-31");
    CHECK(day("som", ctx) == "2024-05-01");
    CHECK(day("eoy", ctx) == "2024-12-31");
  }

  TEST_CASE("spans: weeks, months, years") {
    auto s = parse_date_span("2024-W19", ctx);
    CHECK(format_date(s.first) == "2024-05-06");
    CHECK(format_date(s.last) == "2024-05-12");
    s = parse_date_span("2024-02", ctx);
    CHECK(format_date(s.last) == "2024-02-29");
    s = parse_date_span("2023", ctx);
    CHECK(format_date(s.first) == "2023-01-01");
    CHECK(format_date(s.last) == "2023-12-31");
  }

  TEST_CASE("weeks, months and years as commands and reports take them: one parser each") {
    const Frozen wk("2024-05-08 09:30");  // a Wednesday of 2024-W19
    CHECK(parse_week("this", wk.ctx) == make_date(2024, 5, 6));
    CHECK(parse_week("current", wk.ctx) == make_date(2024, 5, 6));
    CHECK(parse_week("next", wk.ctx) == make_date(2024, 5, 13));
    CHECK(parse_week("previous", wk.ctx) == make_date(2024, 4, 29));
    CHECK(parse_week(" Last ", wk.ctx) == make_date(2024, 4, 29));
    CHECK(parse_week("2024-W01", wk.ctx) == make_date(2024, 1, 1));
    CHECK(parse_week("2024-05-12", wk.ctx) == make_date(2024, 5, 6));  // any day of it
    CHECK(parse_week("friday", wk.ctx) == make_date(2024, 5, 6));
    CHECK_THROWS_WITH(parse_week("2024-05", wk.ctx),
                      "invalid --week '2024-05': expected a week such as 2024-W19, this, next or last");
    CHECK_THROWS_WITH(parse_week("2024", wk.ctx, "--of"),
                      "invalid --of '2024': expected a week such as 2024-W19, this, next or last");
    CHECK(parse_month("this", wk.ctx) == make_date(2024, 5, 1));
    CHECK(parse_month("next", wk.ctx) == make_date(2024, 6, 1));
    CHECK(parse_month("last", wk.ctx) == make_date(2024, 4, 1));
    CHECK(parse_month("2023-12", wk.ctx) == make_date(2023, 12, 1));
    CHECK_THROWS_WITH(parse_month("2023-12-05", wk.ctx),
                      "invalid --month '2023-12-05': expected a month such as 2023-08, this, next or last");
    const Frozen jan("2024-01-15 09:00");
    CHECK(parse_month("last", jan.ctx) == make_date(2023, 12, 1));
    const Frozen dec("2024-12-31 23:00");
    CHECK(parse_month("next", dec.ctx) == make_date(2025, 1, 1));
    CHECK(parse_year("this", wk.ctx) == 2024);
    CHECK(parse_year("previous", wk.ctx) == 2023);
    CHECK(parse_year("next", wk.ctx) == 2025);
    CHECK(parse_year("2023", wk.ctx) == 2023);
    CHECK_THROWS_WITH(parse_year("2023-05", wk.ctx), "invalid --year '2023-05': expected a year such as 2023, this or last");
    CHECK(parse_quarter("this", wk.ctx) == make_date(2024, 4, 1));
    CHECK(parse_quarter("next", wk.ctx) == make_date(2024, 7, 1));
    CHECK(parse_quarter("last", jan.ctx) == make_date(2023, 10, 1));
    CHECK(parse_quarter("next", dec.ctx) == make_date(2025, 1, 1));
    CHECK(parse_quarter("2024-q3", wk.ctx) == make_date(2024, 7, 1));
    CHECK(parse_date_span("2024-Q2", wk.ctx).last == make_date(2024, 6, 30));
    CHECK_THROWS_WITH(parse_quarter("2024-05", wk.ctx),
                      "invalid --quarter '2024-05': expected a quarter such as 2024-Q2, this, next or last");
    CHECK_THROWS_AS(parse_date_span("2024-Q5", wk.ctx), InputError);
  }

  TEST_CASE("bad dates name the input") {
    CHECK_THROWS_WITH(parse_date("2024-02-30", ctx), "invalid date '2024-02-30': no such day");
    CHECK_THROWS_WITH(parse_date("2024-13-01", ctx), "invalid date '2024-13-01': no such day");
    CHECK_THROWS_WITH(parse_date("2023-W53", ctx), "invalid date '2023-W53': 2023 has no ISO week 53");
    CHECK_THROWS_WITH(parse_date("-5xd", ctx),
                      "invalid date '-5xd': an offset is a sign, a number and a unit: d (days), w (weeks), wd "
                      "(working days)");
    CHECK_THROWS_WITH(parse_date("+2h", ctx), "invalid date '+2h': hours and minutes are not days; use d, w or wd");
    CHECK_THROWS_AS(parse_date("someday", ctx), InputError);
    CHECK_THROWS_AS(parse_date("", ctx), InputError);
    CHECK_THROWS_AS(parse_date("2024-13", ctx), InputError);
    CHECK_THROWS_AS(parse_date("1800-01-01", ctx), InputError);
  }

  TEST_CASE("date-times are local to the zone unless they carry an offset") {
    CHECK(format_utc(parse_datetime("2024-03-14 10:00", ctx).instant) == "2024-03-14T04:00:00Z");
    CHECK(format_utc(parse_datetime("2024-03-14T10:00", ctx).instant) == "2024-03-14T04:00:00Z");
    CHECK(format_utc(parse_datetime("2024-03-14T10:00:30+03:00", ctx).instant) == "2024-03-14T07:00:30Z");
    CHECK(format_utc(parse_datetime("2024-03-14T04:00:00Z", ctx).instant) == "2024-03-14T04:00:00Z");
    CHECK(format_utc(parse_datetime("fri 15:00", ctx).instant) == "2024-05-10T09:00:00Z");
    CHECK(format_utc(parse_datetime("+3d 15:00", ctx).instant) == "2024-05-06T09:00:00Z");
    CHECK(format_utc(parse_datetime("18:00", ctx).instant) == "2024-05-03T12:00:00Z");
    const auto date_only = parse_datetime("2024-03-14", ctx);
    CHECK_FALSE(date_only.has_time);
    CHECK(format_utc(date_only.instant) == "2024-03-13T18:00:00Z");
    CHECK_THROWS_WITH(parse_datetime("2024-03-14 25:00", ctx),
                      "invalid date-time '2024-03-14 25:00': expected a time HH:MM after the date");
  }

  TEST_CASE("offsets from an event") {
    auto o = parse_offset("-5wd");
    REQUIRE(o);
    CHECK(o->unit == Offset::Unit::working_days);
    CHECK(o->amount == -5);
    CHECK(parse_offset("T-14")->amount == -14);
    CHECK(parse_offset("T-14")->text == "-14d");
    CHECK(parse_offset("T-5wd")->unit == Offset::Unit::working_days);
    CHECK(parse_offset("+2h")->amount == 120);
    CHECK(parse_offset("-90m")->amount == -90);
    CHECK(parse_offset("+1h30m")->amount == 90);
    CHECK(parse_offset("+1h30m")->text == "+1h30m");
    CHECK(parse_offset("-2w")->amount == -14);
    CHECK_FALSE(parse_offset("-5xd"));
    CHECK_FALSE(parse_offset("5d"));
    CHECK_FALSE(parse_offset("-d"));
    CHECK_FALSE(parse_offset("-1wd2h"));
    CHECK_FALSE(parse_offset("2024-05-13"));
    // Found by fuzzing: a part over the number limit must not turn negative.
    CHECK_FALSE(parse_offset("+11h11h301301h301h1m"));
    CHECK_FALSE(parse_offset("+99999d99999d99999d99999d"));
    CHECK_FALSE(parse_offset("T-5131"));  // over ten years, as "-5131d" is
  }

  TEST_CASE("a -5wd task before an event on 2024-05-13 falls on 2024-05-02") {
    const LocalTime event{make_date(2024, 5, 13).time_since_epoch() + std::chrono::hours{10}};
    CHECK(format_date(apply_offset_to_date(event, *parse_offset("-5wd"), *ctx.calendar)) == "2024-05-02");
    CHECK(format_date(apply_offset_to_date(event, *parse_offset("-30d"), *ctx.calendar)) == "2024-04-13");
    CHECK(format_local(apply_offset_to_time(event, *parse_offset("-90m"), *ctx.calendar)) == "2024-05-13 08:30");
    CHECK(format_local(apply_offset_to_time(event, *parse_offset("+1d"), *ctx.calendar)) == "2024-05-14 10:00");
  }

  TEST_CASE("a calendar-day deadline on a day off moves by the rule, never back across the event") {
    const LocalTime event{make_date(2024, 5, 13).time_since_epoch() + std::chrono::hours{10}};
    const auto minus30 = *parse_offset("-30d");  // Saturday 2024-04-13
    CHECK(format_date(apply_offset_to_date(event, minus30, *ctx.calendar, DayOffRule::previous)) == "2024-04-12");
    CHECK(format_date(apply_offset_to_date(event, minus30, *ctx.calendar, DayOffRule::next)) == "2024-04-15");
    CHECK(format_date(apply_offset_to_date(event, minus30, *ctx.calendar, DayOffRule::keep)) == "2024-04-13");
    CHECK(format_date(apply_offset_to_date(event, *parse_offset("-5wd"), *ctx.calendar, DayOffRule::next)) ==
          "2024-05-02");  // working days never land on a day off
    // 1 May 2024 is a holiday after two days off; the working Saturday 27 April comes before it.
    CHECK(format_date(working_day(make_date(2024, 5, 1), DayOffRule::previous, *ctx.calendar)) == "2024-04-27");
    CHECK(format_date(working_day(make_date(2024, 5, 1), DayOffRule::next, *ctx.calendar)) == "2024-05-02");
    CHECK(format_date(working_day(make_date(2024, 5, 2), DayOffRule::previous, *ctx.calendar)) == "2024-05-02");
    // City Day 2023 is a Saturday: a task a day after it goes to Monday, not back to Friday.
    const LocalTime city_day{make_date(2023, 8, 5).time_since_epoch() + std::chrono::hours{10}};
    CHECK(format_date(apply_offset_to_date(city_day, *parse_offset("+1d"), *ctx.calendar, DayOffRule::previous)) ==
          "2023-08-07");
    CHECK(parse_day_off_rule("next") == DayOffRule::next);
    CHECK(to_string(DayOffRule::keep) == "keep");
    CHECK_THROWS_WITH(parse_day_off_rule("before"), "invalid day-off rule 'before'; expected one of: previous, next, keep");
  }

  TEST_CASE("durations") {
    CHECK(parse_duration("6h").count() == 360);
    CHECK(parse_duration("1h30m").count() == 90);
    CHECK(parse_duration("2d").count() == 2880);
    CHECK(parse_duration("1d 6h").count() == 1800);
    CHECK(format_duration(Minutes{90}) == "1h30m");
    CHECK(format_duration(Minutes{2880}) == "2d");
    CHECK_THROWS_WITH(parse_duration("6x"), "invalid duration '6x': expected e.g. 90m, 6h, 1h30m, 2d");
    CHECK_THROWS_AS(parse_duration("0m"), InputError);
    CHECK_THROWS_AS(parse_duration("400d"), InputError);
    CHECK_THROWS_AS(parse_duration(""), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
