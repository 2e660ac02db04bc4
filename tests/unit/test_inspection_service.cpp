#include "inspection/service.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

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
    CHECK(with_finding.stops[0].visit.why.find("1 open finding, 1 overdue, 1 critical") != std::string::npos);
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
}
