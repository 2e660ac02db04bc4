#include "inspection/views.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::inspection;

namespace {

WeekPlan one_stop_plan(const time::Context& ctx) {
  WeekPlan p;
  p.week = "2024-W19";
  p.days = {time::make_date(2024, 5, 8)};
  Site s;
  s.id = 1;
  s.code = "OB-007";
  s.name = "Ремонт Юбилейного моста";
  s.address = "ул. Герцена";
  Visit v;
  v.id = 5;
  v.site_id = 1;
  v.week = p.week;
  v.day = p.days[0];
  v.seq = 1;
  v.arrive = time::parse_datetime("2024-05-08 09:15", ctx).instant;
  v.depart = time::parse_datetime("2024-05-08 10:00", ctx).instant;
  v.agencies = {2};
  p.stops.push_back({v, s});
  return p;
}

}  // namespace

TEST_SUITE("inspection::views") {
  TEST_CASE("the week's memo: the route with times, who attends, open findings at each site") {
    const testing::Frozen f("2024-05-06 09:00");
    const auto p = one_stop_plan(f.ctx);
    MemoContext m;
    m.agencies[2] = Agency{2, "Главгосстройнадзор Омской области", AgencyKind::oversight, ""};
    m.members[2] = {Member{1, 2, "Петров П. П.", "инспектор", ""}};
    Finding fi;
    fi.id = 9;
    fi.site_id = 1;
    fi.text = "нет ограждения";
    m.open_findings[1] = {fi};
    const std::string memo = plan_memo(p, m, testing::omsk(), f.ctx.today());
    CHECK(memo.find("OB-007") != std::string::npos);
    CHECK(memo.find("09:15") != std::string::npos);
    CHECK(memo.find("Главгосстройнадзор Омской области") != std::string::npos);
    CHECK(memo.find("нет ограждения") != std::string::npos);
    CHECK(memo.find("на неделю с 6 по 12 мая 2024\u00a0г.") != std::string::npos);  // never «2024-W19» in a memo
    CHECK(memo.find("W19") == std::string::npos);
    const auto ics = plan_ics(p, m, testing::omsk());
    REQUIRE(ics.size() == 1);  // one entry per visit day
    CHECK(ics[0].description.find("OB-007") != std::string::npos);
    CHECK(ics[0].summary.find("-W") == std::string::npos);
    const auto t = plan_table(p, testing::omsk());
    CHECK(t.rows.size() == 1);
  }

  TEST_CASE("agencies with their members, a site card, a finding's history") {
    const testing::Frozen f("2024-05-06 09:00");
    std::vector<AgencyWithMembers> as{{Agency{2, "Главгосстройнадзор", AgencyKind::oversight, ""},
                                       {Member{1, 2, "Петров П. П.", "инспектор", "+7 3812 00-00-00"}}}};
    const auto t = agencies_table(as);
    REQUIRE(t.rows.size() == 2);  // the agency, then its member
    CHECK(t.rows[1][4] == "Петров П. П.");
    const auto j = agencies_json(as);
    CHECK(j[0]["members"][0]["phone"] == "+7 3812 00-00-00");

    SiteCard card;
    card.site.id = 1;
    card.site.code = "OB-007";
    card.site.name = "Мост";
    card.site.progress = 40;
    const std::string text = site_card_text(card, f.ctx.today());
    CHECK(text.rfind("OB-007 «Мост»\n", 0) == 0);
    CHECK(text.find("40%") != std::string::npos);
    CHECK(site_card_json(card, f.ctx.today())["findings"].empty());
    CHECK(text.find("not visited yet") != std::string::npos);
    // The contractor by name and INN, the visits with their statuses, findings' organizations by name.
    card.site.contractor_id = 7;
    card.org_names[7] = "ООО «Сибирский строитель»";
    card.org_inns[7] = "5504945804";
    Visit held;
    held.id = 3;
    held.day = time::make_date(2024, 4, 25);
    held.status = VisitStatus::held;
    held.held_on = held.day;
    Visit missed;
    missed.id = 4;
    missed.day = time::make_date(2024, 5, 2);
    card.visits = {missed, held};
    card.last_visit = held.day;
    Finding fd;
    fd.id = 9;
    fd.site_id = 1;
    fd.text = "Нет ограждения";
    fd.responsible_org = 7;
    fd.due = time::make_date(2024, 5, 1);
    card.findings = {fd};
    const std::string full = site_card_text(card, f.ctx.today());
    CHECK(full.find("ООО «Сибирский строитель» (INN 5504945804)") != std::string::npos);
    CHECK(full.find("2024-04-25") != std::string::npos);
    CHECK(full.find("not recorded") != std::string::npos);  // 2 May passed, never recorded
    CHECK(full.find("org #") == std::string::npos);
    const auto cj = site_card_json(card, f.ctx.today());
    CHECK(cj["contractor"]["inn"] == "5504945804");
    CHECK(cj["last_visit"] == "2024-04-25");
    CHECK(cj["visits"][0]["unrecorded"] == true);
    CHECK(cj["findings"][0]["days_overdue"] == (f.ctx.today() - *fd.due).count());

    std::vector<FindingChange> ch{{f.ctx.now, std::nullopt, FindingStatus::open, ""},
                                  {f.ctx.now, FindingStatus::open, FindingStatus::resolved, "забор стоит"}};
    const auto h = finding_history_table(ch, testing::omsk());
    CHECK(h.rows[1][h.id_column] == "resolved");
    CHECK(h.rows[0][0] == "2024-05-06 09:00");
    CHECK(finding_history_json(ch)[0]["from"].is_null());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
