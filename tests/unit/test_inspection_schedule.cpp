#include "inspection/schedule.hpp"

#include <algorithm>

#include "helpers.hpp"
#include "core/i18n.hpp"
#include "core/russian.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

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

  TEST_CASE("the next visit day: the first of the following weeks, holidays skipped") {
    const std::vector<int> thursday{4};
    // From 2024-W18 (Thursday 2 May worked): the next is Wednesday 8 May (9 and 10 May are off).
    CHECK(time::format_date(*next_visit_day(d("2024-04-29"), thursday, cal)) == "2024-05-08");
    // From 2024-W19: Thursday 16 May.
    CHECK(time::format_date(*next_visit_day(d("2024-05-06"), thursday, cal)) == "2024-05-16");
    // From 2023-W52 over the New Year week (no working day) to Thursday 11 January 2024.
    CHECK(time::format_date(*next_visit_day(d("2023-12-25"), thursday, cal)) == "2024-01-11");
    CHECK(time::format_date(*next_visit_day(d("2024-05-06"), {2, 4}, cal)) == "2024-05-14");
  }

  TEST_CASE("due: waiting for the next visit day must not exceed the interval") {
    const ScheduleSettings cfg;
    // RD-002, extreme (7 days), visited Thursday 2 May 2024. For 2024-W19 the visit day is
    // Wednesday 8 May (6 days), but the next one is Thursday 16 May (14 days): due now.
    const auto p = priority(site(2, Risk::extreme, d("2024-05-02")), d("2024-05-08"), d("2024-05-16"), cfg);
    CHECK(p.since == 6);
    CHECK(p.wait == 14);
    CHECK(p.by_interval);
    CHECK(p.tier == Tier::risk);
    CHECK(p.why() == "last visited on 2024-05-02; by the next visit day, 2024-05-16, 14 days would have passed; "
                     "the limit is 7 days");
    // High (14 days) visited 16 May: the next visit day after W21 (23 May) is 30 May, 14 days: not due.
    const auto q = priority(site(3, Risk::high, d("2024-05-16")), d("2024-05-23"), d("2024-05-30"), cfg);
    CHECK_FALSE(q.due());
    CHECK(q.why() == "last visited on 2024-05-16; the next visit day, 2024-05-30, is in time: 14 days of the 14 allowed");
    // Past the interval already on this week's day.
    const auto r = priority(site(4, Risk::high, d("2024-04-04")), d("2024-05-08"), d("2024-05-16"), cfg);
    CHECK(r.why() == "last visited on 2024-04-04; by this week's visit day, 2024-05-08, 34 days will have passed; "
                     "the limit is 14 days");
    // No later visit day known: due (waiting is unbounded).
    CHECK(priority(site(5, Risk::low, d("2024-05-01")), d("2024-05-08"), std::nullopt, cfg).due());
  }

  TEST_CASE("priority is risk-led: risky due sites, then findings and deadlines, then the rest by risk") {
    const ScheduleSettings cfg;
    const auto day = d("2024-05-23");
    const auto next = d("2024-05-30");
    std::vector<std::pair<SiteFacts, Priority>> all;
    auto add = [&](SiteFacts f) { all.emplace_back(f, priority(f, day, next, cfg)); };
    auto rd = site(2, Risk::extreme, d("2024-05-16"));  // due at exactly its interval on the day
    rd.code = "RD-002";
    rd.open_findings = 1;
    add(rd);
    auto kl = site(10, Risk::low, std::nullopt);
    kl.code = "KL-001";
    add(kl);
    auto sp = site(11, Risk::significant, std::nullopt);
    sp.code = "SP-001";
    add(sp);
    auto br = site(12, Risk::high, std::nullopt);
    br.code = "BR-001";
    add(br);
    auto sc = site(13, Risk::medium, d("2024-05-16"));  // visited a week ago, an overdue finding
    sc.code = "SC-001";
    sc.open_findings = 1;
    sc.overdue_findings = 1;
    add(sc);
    auto cl = site(14, Risk::moderate, d("2024-05-16"));  // the deadline has passed
    cl.code = "CL-001";
    cl.deadline = d("2024-05-01");
    cl.progress = 80;
    add(cl);
    auto ok = site(15, Risk::medium, d("2024-05-16"));
    ok.code = "OK-001";
    add(ok);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return goes_before(a.second, a.first, b.second, b.first); });
    std::vector<std::string> order;
    for (const auto& [f, p] : all) {
      order.push_back(f.code);
    }
    CHECK(order == std::vector<std::string>{"RD-002", "BR-001", "SC-001", "CL-001", "SP-001", "KL-001", "OK-001"});
    CHECK(all[0].second.tier == Tier::risk);
    CHECK(all[2].second.tier == Tier::findings);
    CHECK(all[4].second.tier == Tier::interval);
    CHECK_FALSE(all[6].second.due());
    // The explanations say what is true.
    CHECK(all[1].second.why() == "not visited yet");
    CHECK(all[3].second.why() == "last visited on 2024-05-16; the next visit day, 2024-05-30, is in time: 14 days of "
                                 "the 42 allowed; the deadline passed on 2024-05-01, 80% done");
    // The scores docs/inspections.md shows for this example.
    std::vector<double> totals;
    for (const auto& [f, p] : all) {
      totals.push_back(p.total());
    }
    CHECK(totals[0] == doctest::Approx(3520));
    CHECK(totals[1] == doctest::Approx(3499));
    CHECK(totals[2] == doctest::Approx(2040));
    CHECK(totals[3] == doctest::Approx(2024.9).epsilon(0.0001));
    CHECK(totals[4] == doctest::Approx(1399));
    CHECK(totals[5] == doctest::Approx(1099));
    // total() orders the same way as the comparator.
    for (std::size_t i = 1; i < all.size(); ++i) {
      CHECK(all[i - 1].second.total() >= all[i].second.total());
    }
  }

  TEST_CASE("the facts behind an explanation are stored, and read back in the reader's language") {
    const ScheduleSettings cfg;
    auto f = site(2, Risk::extreme, d("2024-05-02"));
    f.open_findings = 2;
    f.overdue_findings = 1;
    f.deadline = d("2024-06-15");
    f.progress = 40;
    const auto p = priority(f, d("2024-05-08"), d("2024-05-16"), cfg);
    const auto back = Priority::from_facts(p.facts());
    REQUIRE(back.has_value());
    CHECK(back->why() == p.why());
    CHECK(back->total() == doctest::Approx(p.total()));
    i18n::use("ru");
    CHECK(back->why().find("последнее посещение — 2 мая 2024\u00a0г.") == 0);
    i18n::use("en");
    CHECK_FALSE(Priority::from_facts("overdue 1.5× its interval").has_value());
    CHECK_FALSE(Priority::from_facts(R"({"tier":"bogus","day":"2024-05-08"})").has_value());
    CHECK_FALSE(Priority::from_facts(R"({"tier":"risk","day":"2024-05-08"})").has_value());
  }

  TEST_CASE("explanations in Russian: dates in words, «ещё не посещался»") {
    const ScheduleSettings cfg;
    i18n::use("ru");
    auto f = site(1, Risk::high, std::nullopt);
    f.deadline = d("2024-06-15");
    f.progress = 40;
    CHECK(priority(f, d("2024-07-04"), d("2024-07-11"), cfg).why() ==
          "ещё не посещался; срок сдачи прошёл 15 июня 2024\u00a0г., готовность 40 %");
    CHECK(russian::say_number(1.5, 1) == "1,5");
    i18n::use("en");
    CHECK(russian::say_number(1.5, 1) == "1.5");
  }

  TEST_CASE("more sites than the day has time for on site go before routing, lowest first") {
    ScheduleSettings cfg;
    cfg.service = time::Minutes{60};  // 09:00–17:00: eight at most, whatever the route
    std::vector<SiteFacts> sites;
    std::vector<std::size_t> chosen;
    for (int i = 0; i < 50; ++i) {
      sites.push_back(site(i + 1, Risk::high, std::nullopt, {54.98 + 0.0002 * i, 73.37}));
      chosen.push_back(static_cast<std::size_t>(i));
    }
    const auto plan = plan_day(d("2024-05-08"), sites, chosen, cfg);
    CHECK(plan.stops.size() <= 8);
    REQUIRE(plan.dropped.size() == 50 - plan.stops.size());
    CHECK(plan.dropped.front() == 49);
    for (const auto& st : plan.stops) {
      CHECK(st.site < plan.stops.size());  // the highest-priority ones stay
    }
  }

  TEST_CASE("a site that cannot fit the day alone is known before routing") {
    ScheduleSettings cfg;
    auto near = site(1, Risk::low, std::nullopt, {55.03, 73.26});
    auto far = site(2, Risk::low, std::nullopt, {55.9, 73.37});  // ~100 km north: a typo
    CHECK(fits_alone(near, cfg));
    CHECK_FALSE(fits_alone(far, cfg));
    CHECK(minutes_alone(far, cfg) > 8 * 60);
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

}  // namespace OMSKPLAN_TEST_FILE
