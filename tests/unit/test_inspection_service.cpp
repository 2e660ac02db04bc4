#include "inspection/service.hpp"
#include "inspection/repository.hpp"
#include "inspection/views.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::inspection;
using testing::Frozen;

namespace {

struct Fixture {
  Frozen f;
  store::Db db = testing::memory_db();
  ScheduleSettings cfg;
  agreement::Settings ag;
  Services s{db, f.ctx, cfg, ag};
  explicit Fixture(const char* now) : f(now) {}

  void sites(int n) {
    for (int i = 0; i < n; ++i) {
      SiteInput in;
      in.code = "OB-" + std::to_string(100 + i);
      in.name = "Объект " + std::to_string(i);
      in.lat = std::to_string(54.95 + 0.01 * i);
      in.lon = std::to_string(73.30 + 0.01 * (i % 5));
      in.work = "construction";
      in.risk = i % 2 ? "high" : "low";
      add_site(s, in);
    }
  }
};

std::int64_t count(store::Db& db, const char* sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.get_int(0);
}

}  // namespace

TEST_SUITE("inspection::service") {
  TEST_CASE("the schedule is idempotent; --replan keeps held visits; --dry-run writes nothing") {
    Fixture x("2024-05-09 09:00");
    x.sites(10);
    const auto monday = *time::iso_week_monday(2024, 19);
    const auto dry = schedule(x.s, monday, ScheduleMode::normal, true, true);
    CHECK_FALSE(dry.written);
    CHECK(count(x.db, "SELECT count(*) FROM visit") == 0);
    CHECK(dry.candidates.size() == 10);
    const auto first = schedule(x.s, monday, ScheduleMode::normal, false, false);
    REQUIRE(first.days.size() == 1);
    CHECK(time::format_date(first.days[0]) == "2024-05-08");
    CHECK(first.stops.size() == 8);  // max_sites
    const auto audit = count(x.db, "SELECT count(*) FROM audit");
    const auto again = schedule(x.s, monday, ScheduleMode::normal, false, false);
    CHECK(again.existing);
    CHECK(again.stops.size() == 8);
    CHECK(count(x.db, "SELECT count(*) FROM audit") == audit);
    visit_held(x.s, first.stops[0].visit.id, "", {}, "");
    const auto re = schedule(x.s, monday, ScheduleMode::replan, false, false);
    CHECK(count(x.db, "SELECT count(*) FROM visit WHERE status = 'held'") == 1);
    CHECK(count(x.db, "SELECT count(*) FROM visit WHERE week = '2024-W19'") == 8);
    CHECK(re.stops.size() == 8);
  }

  TEST_CASE("a held visit makes the site not due next week; findings bring it back") {
    Fixture x("2024-05-13 09:00");
    x.sites(1);
    const auto w19 = *time::iso_week_monday(2024, 19);
    const auto p = schedule(x.s, w19, ScheduleMode::normal, false, false);
    REQUIRE(p.stops.size() == 1);
    visit_held(x.s, p.stops[0].visit.id, "", {}, "");
    const auto w20 = *time::iso_week_monday(2024, 20);
    CHECK(schedule(x.s, w20, ScheduleMode::normal, true, true).stops.empty());
    FindingInput fi;
    fi.site = "OB-100";
    fi.text = "Нет ограждения";
    fi.severity = "critical";
    fi.due = "2024-05-10";
    add_finding(x.s, fi);
    const auto with_finding = schedule(x.s, w20, ScheduleMode::normal, true, true);
    CHECK(with_finding.stops.size() == 1);
    CHECK(why_text(with_finding.stops[0].visit).find("1 open finding, 1 overdue, 1 critical") != std::string::npos);
  }

  TEST_CASE("findings: lifecycle with history") {
    Fixture x("2024-05-13 09:00");
    x.sites(1);
    FindingInput fi;
    fi.site = "OB-100";
    fi.text = "Отставание по кровле";
    const auto f = add_finding(x.s, fi);
    CHECK_THROWS_WITH(set_finding_status(x.s, f.id, FindingStatus::verified, ""),
                      "finding 1 is open; it cannot become verified");
    set_finding_status(x.s, f.id, FindingStatus::in_progress, "бригада усилена");
    set_finding_status(x.s, f.id, FindingStatus::resolved, "");
    set_finding_status(x.s, f.id, FindingStatus::verified, "проверено");
    const auto ch = repo::changes(x.db, f.id);
    REQUIRE(ch.size() == 4);
    CHECK(ch[1].note == "бригада усилена");
    CHECK(ch[3].to == FindingStatus::verified);
  }

  TEST_CASE("what the lists show: sites by query, agencies with members, findings with codes and names, history") {
    Fixture x("2024-05-13 09:00");
    x.sites(4);
    CHECK(list_sites(x.s, {}).size() == 4);
    CHECK(list_sites(x.s, {"", "", "high", false}).size() == 2);
    CHECK(list_sites(x.s, {"", "reconstruction", "", false}).empty());
    CHECK_THROWS_AS(list_sites(x.s, {"", "demolition", "", false}), InputError);

    const auto a = add_agency(x.s, "Главгосстройнадзор Омской области", "oversight");
    add_agency(x.s, "Министерство строительства Омской области", "regional");
    add_member(x.s, a.id, "Петров П. П.", "инспектор", "");
    const auto agencies = list_agencies(x.s);
    REQUIRE(agencies.size() == 2);
    const auto& with = agencies[0].agency.id == a.id ? agencies[0] : agencies[1];
    REQUIRE(with.members.size() == 1);
    CHECK(with.members[0].name == "Петров П. П.");

    agreement::Services as{x.db, x.f.ctx, x.ag};
    agreement::OrgInput oi;
    oi.name = "ООО «Сибирский строитель»";
    oi.inn = "5504945804";
    const auto org = agreement::add_org(as, oi);
    FindingInput fi;
    fi.site = "OB-101";
    fi.text = "нет ограждения";
    fi.responsible = "5504945804";
    fi.due = "2024-05-10";
    const auto f1 = add_finding(x.s, fi);
    fi.site = "OB-102";
    fi.responsible = "прораб";
    fi.due = "2024-06-30";
    add_finding(x.s, fi);
    set_finding_status(x.s, f1.id, FindingStatus::in_progress, "ставят забор");

    const auto all = list_findings(x.s, {});
    CHECK(all.findings.size() == 2);
    CHECK(all.site_codes.at(f1.site_id) == "OB-101");
    CHECK(all.org_names.at(org.id) == "ООО «Сибирский строитель»");
    const auto overdue = list_findings(x.s, {false, true, ""});
    REQUIRE(overdue.findings.size() == 1);  // due 10 May, today is the 13th
    CHECK(overdue.findings[0].id == f1.id);
    CHECK(list_findings(x.s, {true, false, "OB-102"}).findings.size() == 1);
    CHECK_THROWS_AS(list_findings(x.s, {false, false, "OB-999"}), NotFound);

    const auto card = site_card(x.s, "OB-101");
    CHECK(card.site.code == "OB-101");
    CHECK(card.findings.size() == 1);

    const auto hist = finding_history(x.s, f1.id);
    REQUIRE(hist.size() == 2);
    CHECK(hist[1].to == FindingStatus::in_progress);
    CHECK(hist[1].note == "ставят забор");
    CHECK_THROWS_AS(finding_history(x.s, 99), NotFound);

    const auto p = schedule(x.s, *time::iso_week_monday(2024, 21), ScheduleMode::normal, false, false);
    const auto memo = memo_context(x.s, p);
    CHECK(memo.agencies.size() == 2);
    CHECK(memo.members.at(a.id).size() == 1);
    for (const auto& st : p.stops) {
      CHECK(memo.open_findings.count(st.site.id) == 1);
    }
  }

  TEST_CASE("a site list exported as CSV imports back unchanged; absent columns keep their values") {
    Fixture x("2024-05-06 09:00");
    x.sites(3);
    SiteInput in;
    in.code = "OB-200";
    in.name = "Мост";
    in.lat = "54.98765";
    in.lon = "73.123456";
    in.work = "reconstruction";
    in.risk = "high";
    in.notes = "ночные работы";
    in.active = "no";
    add_site(x.s, in);
    render::Table exported = sites_export_columns();
    for_each_site(x.s, {}, true, [&](const ListedSite& l) { exported.add(site_export_row(l)); });
    CHECK(exported.rows.size() == 4);
    const auto csv = render::to_csv(exported);
    const auto r = import_sites_csv(x.s, csv, "sites.csv", false);
    CHECK(r.unchanged == 4);
    CHECK(r.updated == 0);
    const auto excel = render::to_csv(exported, render::CsvDialect::excel);
    CHECK(import_sites_csv(x.s, excel.substr(3), "sites.csv", false).unchanged == 4);  // after the BOM
    CHECK(import_sites_csv(x.s, "code,name,work,risk\nOB-200,Мост,reconstruction,high\n", "p.csv", false).unchanged == 1);
    const auto site = resolve_site(x.s, "OB-200");
    REQUIRE(site.where);
    CHECK(site.where->lat == 54.98765);
    CHECK(site.notes == "ночные работы");
    CHECK_FALSE(site.active);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
