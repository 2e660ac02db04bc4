#include "inspection/schedule.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace omskplan;
using namespace omskplan::inspection;

namespace {

time::Date d(const char* s) { return *time::parse_iso_date(s); }

SiteFacts site(std::int64_t id, Risk risk, std::optional<time::Date> last, GeoPoint where = {55.0, 73.3}) {
  SiteFacts s;
  s.id = id;
  s.code = "OB-" + std::to_string(id);
  s.risk = risk;
  s.last_visit = last;
  s.since = d("2024-01-01");
  s.where = where;
  return s;
}

}  // namespace

TEST_SUITE("inspection::schedule") {
  const auto& cal = testing::calendar();

  TEST_CASE("the visit day moves off holidays within the week") {
    // 2024-W19: Thursday 9 May and Friday 10 May are days off → Wednesday 8 May.
    CHECK(time::format_date(*visit_day(*time::iso_week_monday(2024, 19), 4, cal)) == "2024-05-08");
    CHECK(time::format_date(*visit_day(*time::iso_week_monday(2024, 20), 4, cal)) == "2024-05-16");
    // 2023-W19: Monday 8 and Tuesday 9 May off; a Monday visit day moves after it, to Wednesday.
    CHECK(time::format_date(*visit_day(*time::iso_week_monday(2023, 19), 1, cal)) == "2023-05-10");
    // 2024-W18: Monday 29 April is off but Saturday 27 April was worked (week 17).
    CHECK(time::format_date(*visit_day(*time::iso_week_monday(2024, 18), 1, cal)) == "2024-05-02");
    // The New Year weeks have no working day at all.
    CHECK_FALSE(visit_day(*time::iso_week_monday(2024, 1), 4, cal).has_value());
    CHECK_FALSE(visit_day(*time::iso_week_monday(2026, 2), 4, cal).has_value());
  }

  TEST_CASE("priority: overdue against the risk interval, never visited first, findings, a lagging deadline") {
    const ScheduleSettings cfg;
    const auto day = d("2024-05-08");
    const auto fresh = priority(site(1, Risk::high, d("2024-05-01")), day, cfg);
    const auto due = priority(site(2, Risk::high, d("2024-04-17")), day, cfg);
    const auto never = priority(site(3, Risk::low, std::nullopt), day, cfg);
    CHECK(fresh.overdue == doctest::Approx(0.5));
    CHECK_FALSE(fresh.due());
    CHECK(due.overdue == doctest::Approx(1.5));
    CHECK(due.due());
    CHECK(never.overdue == 3.0);
    CHECK(never.total() > due.total());
    auto with_findings = site(4, Risk::low, d("2024-05-01"));
    with_findings.open_findings = 2;
    with_findings.overdue_findings = 1;
    with_findings.critical_findings = 1;
    const auto pf = priority(with_findings, day, cfg);
    CHECK(pf.findings == doctest::Approx(2 + 3 + 2));
    CHECK(pf.due());
    auto lagging = site(5, Risk::low, d("2024-05-01"));
    lagging.deadline = d("2024-06-07");  // 30 days left
    lagging.progress = 40;
    const auto pl = priority(lagging, day, cfg);
    CHECK(pl.deadline == doctest::Approx(0.6 * (2.0 / 3.0)));
    CHECK(pl.due());
    lagging.progress = 100;
    CHECK(priority(lagging, day, cfg).deadline == 0);
    CHECK(due.why() == "1.5× its interval since the last visit");
  }

  TEST_CASE("a day's route fits the working day; the lowest-priority sites are dropped") {
    ScheduleSettings cfg;
    cfg.day_start = time::Minutes{9 * 60};
    cfg.day_end = time::Minutes{13 * 60};
    cfg.service = time::Minutes{60};
    std::vector<SiteFacts> sites;
    for (int i = 0; i < 6; ++i) {
      sites.push_back(site(i + 1, Risk::high, std::nullopt, {54.95 + 0.02 * i, 73.30 + 0.02 * i}));
    }
    const auto plan = plan_day(d("2024-05-08"), sites, {0, 1, 2, 3, 4, 5}, cfg);
    CHECK(plan.stops.size() < 6);
    CHECK(plan.stops.size() >= 2);
    CHECK(plan.back <= time::LocalTime{d("2024-05-08").time_since_epoch() + std::chrono::hours{13}});
    REQUIRE(!plan.dropped.empty());
    CHECK(plan.dropped.front() == 5);  // the last, lowest priority, goes first
    for (std::size_t i = 1; i < plan.stops.size(); ++i) {
      CHECK(plan.stops[i].arrive >= plan.stops[i - 1].depart);
      CHECK(plan.stops[i - 1].depart - plan.stops[i - 1].arrive == cfg.service);
    }
    cfg.day_end = time::Minutes{17 * 60};
    CHECK(plan_day(d("2024-05-08"), sites, {0, 1, 2, 3, 4, 5}, cfg).dropped.empty());
  }
}
