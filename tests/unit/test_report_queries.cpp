#include "report/queries.hpp"
#include "core/i18n.hpp"

#include "agreement/service.hpp"
#include "core/error.hpp"
#include "guest/service.hpp"
#include "helpers.hpp"
#include "plan/service.hpp"
#include "report/template.hpp"
#include "unit/service.hpp"

#include <doctest/doctest.h>

#include <tuple>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::report;

namespace {

event::Event concert(const time::Context& ctx, const char* title, const char* start, event::Status st) {
  event::Event e;
  e.title = title;
  e.kind = event::Kind::concert;
  e.start = time::parse_datetime(start, ctx).instant;
  e.end = e.start + std::chrono::hours{2};
  e.status = st;
  return e;
}

}  // namespace

TEST_SUITE("report::queries") {
  TEST_CASE("every query has its columns; an unknown one is refused") {
    for (const auto& q : query_names()) {
      CAPTURE(q);
      CHECK_FALSE(query_columns(q).empty());
    }
    CHECK_THROWS_AS(query_columns("nothing"), InputError);
  }

  TEST_CASE("the events of a period, without cancelled ones, with their figures") {
    const testing::Frozen f("2023-07-01 10:00");
    auto db = testing::memory_db();
    event::Services es{db, f.ctx};
    event::create(es, concert(f.ctx, "Концерт", "2023-08-05 18:00", event::Status::planned), event::ConflictPolicy::warn);
    event::create(es, concert(f.ctx, "Отменён", "2023-08-06 18:00", event::Status::cancelled), event::ConflictPolicy::warn);
    event::create(es, concert(f.ctx, "Сентябрь", "2023-09-01 18:00", event::Status::planned), event::ConflictPolicy::warn);
    QueryContext q{db, f.ctx, {time::make_date(2023, 8, 1), time::make_date(2023, 8, 31)}, f.ctx.today(), 2023, {}, {}, {}};
    std::map<std::string, std::string> stats;
    const auto r = run_query("events", q, stats);
    REQUIRE(r.table.rows.size() == 1);
    CHECK(stats.at("events_count") == "1");
  }

  TEST_CASE("an event's guest list by precedence and its delegations, by arrival and by day") {
    const testing::Frozen f("2023-07-20 10:00");
    auto db = testing::memory_db();
    event::Services es{db, f.ctx};
    const auto id = event::create(es, concert(f.ctx, "Открытие аллеи", "2023-08-05 12:00", event::Status::planned),
                                  event::ConflictPolicy::warn).event.id;
    guest::Services gs{es, guest::builtin_precedence()};
    for (auto [name, position, rank] : {std::tuple{"Петров Пётр Петрович", "Глава города Новосибирска", "intercity-head"},
                                        {"Шелест Сергей Николаевич", "Мэр города Омска", "mayor"}}) {
      guest::GuestInput in;
      in.name = name;
      in.position = position;
      in.rank = rank;
      guest::add(gs, in);
    }
    guest::invite(gs, id, {"1", "2"}, "почётные гости");
    guest::DelegationInput d;
    d.from = "г. Новосибирск";
    d.head = "1";
    d.events = {id};
    d.arrive = "2023-08-04 15:40";
    d.arrive_by = "поезд";
    guest::add_delegation(gs, d);
    QueryContext q{db, f.ctx, {f.ctx.today(), f.ctx.today()}, f.ctx.today(), 2023, {}, {}, {}};
    std::map<std::string, std::string> stats;
    CHECK_THROWS_WITH(run_query("guest_list", q, stats), "this report needs --event: the event's id");
    q.event_id = id;
    const auto r = run_query("guest_list", q, stats);
    REQUIRE(r.table.rows.size() == 2);
    CHECK(r.table.rows[0][1] == "Шелест Сергей Николаевич");  // the host above the other city's head
    CHECK(stats.at("guests_invited") == "2");
    const auto dl = run_query("delegations", q, stats);
    REQUIRE(dl.table.rows.size() == 1);
    CHECK(dl.table.rows[0][4] == "04.08.2023 15:40, поезд");
    CHECK(stats.at("delegations_people_text") == "1 человек");
    const auto days = run_query("arrivals_by_day", q, stats);
    REQUIRE(days.table.rows.size() == 1);
    CHECK(days.table.rows[0][0] == "4 августа");
  }

  TEST_CASE("the agreements register: the status as of its day, sums in roubles, checked") {
    const testing::Frozen f("2025-02-01 10:00");
    auto db = testing::memory_db();
    agreement::Settings settings;
    agreement::Services s{db, f.ctx, settings};
    agreement::OrgInput oi;
    oi.name = "ООО «Сибирский строитель»";
    oi.inn = "5504945804";
    const auto o = agreement::add_org(s, oi);
    agreement::AgreementInput in;
    in.org = std::to_string(o.id);
    in.title = "О спорте";
    in.number = "1";
    in.sphere = "sport";
    in.signed_on = "2023-06-01";
    in.status = "active";
    in.value = "10 000 000 000 000";  // 10^13 roubles, the most one amount may be
    const auto a = agreement::add(s, in);
    agreement::terminate(s, a.id, "2025-01-15", "По соглашению сторон");
    std::map<std::string, std::string> stats;
    const i18n::Scope russian("ru");  // as run_report does for a Russian document
    QueryContext before{db, f.ctx, {time::make_date(2024, 1, 1), time::make_date(2024, 12, 31)},
                        time::make_date(2024, 12, 31), 2024, {}, {}, {}};
    const auto r = run_query("agreements", before, stats);
    REQUIRE(r.table.rows.size() == 1);
    CHECK(r.table.rows[0][7] == "действует");  // terminated only after that day
    QueryContext after = before;
    after.as_of = time::make_date(2025, 1, 31);
    CHECK(run_query("agreements", after, stats).table.rows[0][7] == "расторгнуто");

    for (int i = 2; i <= 100; ++i) {
      in.number = std::to_string(i);
      agreement::add(s, in);
    }
    const auto all = run_query("agreements", after, stats);
    REQUIRE(all.table.totals);
    CHECK((*all.table.totals)[8] == money::format_amount(100 * 1'000'000'000'000'000));  // 10^15 roubles
    CHECK((*all.table.totals)[0] == "Итого");
    CHECK(all.table.rows[99][0] == "100");  // «№ п/п»
    CHECK(all.table.total_values[8] == doctest::Approx(1e17));  // kopecks
  }

  TEST_CASE("work plans: the plan as a document to approve, its execution, the week's plan") {
    testing::Frozen f("2024-04-22 09:00");
    auto db = testing::memory_db();
    unit::Services us{db, f.ctx};
    unit::UnitInput u;
    u.code = "ДК";
    u.name = "Департамент культуры Администрации города Омска";
    u.short_name = "департамент культуры";
    unit::add(us, u);
    const std::vector<std::string> dirs{testing::source_path("examples", "plans")};
    plan::Services ps{db, f.ctx, dirs};
    plan::NewPlan n;
    n.kind = "quarterly";
    n.period = "2024-Q2";
    const auto id = plan::create(ps, n).id;
    plan::ItemInput in;
    in.section = "events";
    in.text = "Концерт ко Дню Победы";
    in.unit = "ДК";
    in.due = "2024-04-25";
    in.form = "мероприятие";
    plan::add_item(ps, id, in);

    ReportCatalog cat({testing::source_path("examples/reports")});
    RunOptions o;
    o.params["plan"] = std::to_string(id);
    o.plan_dirs = dirs;
    auto d = run_report(cat.get("work-plan"), o, db, f.ctx);
    CHECK(d.landscape);
    CHECK(d.title == "План работы Администрации города Омска на II квартал 2024 года");
    REQUIRE(d.approval);
    CHECK(d.approval->title == "Мэр города Омска");
    CHECK(d.approval->date == "«___» _______________ 20___\u00a0г.");  // a draft: the date is left to fill in
    REQUIRE(d.sections.size() == 1);  // empty sections are left out
    CHECK(d.sections[0].heading == "3. Общегородские мероприятия");
    REQUIRE(d.sections[0].table);
    CHECK(d.sections[0].table->columns.size() == 6);
    CHECK(d.sections[0].table->rows[0] ==
          std::vector<std::string>{"3.1.", "Концерт ко Дню Победы", "25.04.2024", "Департамент культуры", "", "мероприятие"});

    plan::approve(ps, id, "2024-03-28", "", "распоряжение № 45-р");
    d = run_report(cat.get("work-plan"), o, db, f.ctx);
    CHECK(d.approval->date == "«28» марта 2024\u00a0г.");
    CHECK(d.approval->act == "(распоряжение № 45-р)");

    RunOptions w;
    w.params["week"] = "2024-W17";
    w.plan_dirs = dirs;
    const auto week = run_report(cat.get("weekly-plan"), w, db, f.ctx);
    REQUIRE(week.sections[0].table);
    CHECK(week.sections[0].table->rows.at(0).at(0) == "1");  // «№ п/п»
    CHECK(week.sections[0].table->rows.at(0).at(3) == "Концерт ко Дню Победы");
    CHECK(week.sections[0].table->rows.at(0).at(4) == "пункт 3.1. плана №\u00A01");  // «№» and its number: a no-break space

    RunOptions c;
    c.params["period"] = "2024-Q2";
    c.params["as-of"] = "2024-04-30";
    c.plan_dirs = dirs;
    const auto ctl = run_report(cat.get("plan-execution"), c, db, f.ctx);
    REQUIRE(ctl.sections[0].table);
    CHECK(ctl.sections[0].table->rows.at(0).at(0) == "Департамент культуры (ДК)");
    CHECK(ctl.sections[0].table->rows.at(0).at(5) == "1");  // overdue as of 30 April
    CHECK(ctl.sections[0].table->totals->at(9) == "0,0");
    CHECK(ctl.sections[0].chart);
    CHECK(ctl.sections[0].paragraphs.at(0).find("1 контрольный срок") != std::string::npos);
    REQUIRE(ctl.sections[1].table);
    CHECK(ctl.sections[1].table->rows.size() == 1);
  }

  TEST_CASE("the experience brochure's words: offsets and kinds as a document writes them") {
    const auto off = [](const char* s) {
      const auto o = time::parse_offset(s);
      REQUIRE(o);
      return offset_phrase(*o);
    };
    CHECK(off("-30wd") == "за 30 рабочих дней");
    CHECK(off("-1wd") == "за 1 рабочий день");
    CHECK(off("-2wd") == "за 2 рабочих дня");
    CHECK(off("-21d") == "за 21 день");
    CHECK(off("+2wd") == "через 2 рабочих дня после");
    CHECK(off("+0d") == "в день проведения");
    CHECK(off("-30m") == "за 30 минут");
    CHECK(off("-120m") == "за 2 часа");
    CHECK(kind_genitive("city-day") == "Дня города");
    CHECK(kind_genitive("round-table") == "круглых столов");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
