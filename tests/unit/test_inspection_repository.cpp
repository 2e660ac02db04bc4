#include "inspection/repository.hpp"
#include "core/uuid.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::inspection;
using namespace omskplan::inspection::repo;

namespace {

Site site(const char* code, Risk risk, const time::Context& ctx) {
  Site s;
  s.uuid = new_uuid();
  s.code = code;
  s.name = std::string("Объект ") + code;
  s.where = GeoPoint{54.98, 73.37};
  s.risk = risk;
  s.created = s.updated = ctx.now;
  return s;
}

Finding finding(std::int64_t site_id, const char* due, const time::Context& ctx) {
  Finding f;
  f.site_id = site_id;
  f.text = "нет ограждения";
  f.due = time::parse_iso_date(due);
  f.created = f.updated = ctx.now;
  return f;
}

}  // namespace

TEST_SUITE("inspection::repository") {
  TEST_CASE("sites by code and filters; agencies with members and requirements") {
    const testing::Frozen f("2024-05-13 09:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    auto a = site("OB-1", Risk::high, f.ctx);
    auto b = site("OB-2", Risk::low, f.ctx);
    b.active = false;
    insert(db, a);
    insert(db, b);
    CHECK(find_site_by_code(db, "OB-2")->id == b.id);
    CHECK(load_site(db, a.id)->risk == Risk::high);
    SiteFilter active;
    active.active_only = true;
    CHECK(list_sites(db, active).size() == 1);
    SiteFilter high;
    high.risk = Risk::high;
    CHECK(list_sites(db, high).front().code == "OB-1");
    CHECK(schedule_facts(db, f.ctx.today()).size() == 1);  // active sites with a place

    Agency ag;
    ag.name = "Главгосстройнадзор";
    ag.kind = AgencyKind::oversight;
    insert(db, ag);
    Member m;
    m.agency_id = ag.id;
    m.name = "Петров П. П.";
    insert(db, m);
    CHECK(members(db, ag.id).size() == 1);
    CHECK(list_agencies(db).size() == 1);
    add_requirement(db, ag.id, "", "construction");
    CHECK(required_agencies(db, "Жильё и городская среда", Work::construction) == std::vector<std::int64_t>{ag.id});
    CHECK(required_agencies(db, "", Work::capital_repair).empty());
    tx.commit();
  }

  TEST_CASE("findings: filters, their changes, and what the reports count") {
    const testing::Frozen f("2024-05-13 09:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    auto a = site("OB-1", Risk::high, f.ctx);
    insert(db, a);
    auto late = finding(a.id, "2024-05-10", f.ctx);
    insert(db, late);
    auto later = finding(a.id, "2024-06-30", f.ctx);
    insert(db, later);
    FindingFilter overdue;
    overdue.overdue_on = f.ctx.today();
    REQUIRE(list_findings(db, overdue).size() == 1);
    CHECK(list_findings(db, overdue)[0].id == late.id);
    const auto before = *load_finding(db, later.id);
    auto resolved = before;
    resolved.status = FindingStatus::resolved;
    CHECK(update(db, before, resolved));
    add_change(db, later.id, {f.ctx.now, FindingStatus::open, FindingStatus::resolved, "поставили забор"});
    REQUIRE(changes(db, later.id).size() == 1);
    CHECK(changes(db, later.id)[0].note == "поставили забор");
    FindingFilter open;
    open.open_only = true;
    CHECK(list_findings(db, open).size() == 1);

    const auto counts = finding_counts_by_site(db, time::make_date(2024, 5, 1), time::make_date(2024, 5, 31),
                                               time::make_date(2024, 5, 14));
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].code == "OB-1");
    CHECK(counts[0].opened == 2);
    CHECK(counts[0].resolved == 1);
    CHECK(counts[0].overdue == 1);
    const auto week = finding_counts(db, time::make_date(2024, 5, 13), time::make_date(2024, 5, 19));
    CHECK(week.opened == 2);
    CHECK(week.resolved == 1);
    CHECK(finding_counts(db, time::make_date(2024, 4, 1), time::make_date(2024, 4, 30)).opened == 0);
    CHECK(visits_held_between(db, time::make_date(2024, 1, 1), time::make_date(2024, 12, 31)) == 0);
    tx.commit();
  }
}

}  // namespace OMSKPLAN_TEST_FILE
