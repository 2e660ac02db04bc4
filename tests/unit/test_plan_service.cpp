#include "plan/service.hpp"

#include "core/error.hpp"
#include "helpers.hpp"
#include "unit/service.hpp"

#include <doctest/doctest.h>

#include <algorithm>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;
using time::make_date;

namespace {

struct Fixture {
  testing::Frozen f{"2024-04-10 09:00"};
  store::Db db = testing::memory_db();
  Services s{db, f.ctx, {testing::source_path("examples", "plans")}};

  Fixture() {
    unit::Services us{db, f.ctx};
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"ДК", "Департамент культуры"}, {"ДО", "Департамент образования"}, {"ДТ", "Департамент транспорта"},
             {"ДГХ", "Департамент городского хозяйства"}}) {
      unit::UnitInput in;
      in.code = code;
      in.name = name;
      unit::add(us, in);
    }
  }

  std::int64_t quarter(const std::string& period = "2024-Q2") {
    NewPlan in;
    in.kind = "quarterly";
    in.period = period;
    return create(s, in).id;
  }

  Item add(std::int64_t plan, const std::string& text, const std::string& unit, const std::string& due,
           const Amending& am = {}) {
    ItemInput in;
    in.text = text;
    in.unit = unit;
    in.due = due;
    return add_item(s, plan, in, am);
  }

  std::int64_t audit_rows() { return testing::count(db, "SELECT count(*) FROM audit"); }
};

}  // namespace

TEST_SUITE("plan/service") {
  TEST_CASE("a plan from its template: sections, title; one plan per kind, period and owner") {
    Fixture x;
    const auto id = x.quarter();
    const auto p = load(x.s, id);
    CHECK(p.title == "План работы Администрации города Омска на II квартал 2024 года");
    CHECK(p.sections.size() == 6);
    CHECK(p.status == Status::draft);
    CHECK_THROWS_WITH_AS(x.quarter(), doctest::Contains("already"), InputError);
    NewPlan unit_plan;
    unit_plan.kind = "quarterly";
    unit_plan.period = "2024-Q2";
    unit_plan.owner = "ДК";
    CHECK(create(x.s, unit_plan).owner_unit_id);
    NewPlan bad;
    bad.kind = "quarterly";
    bad.period = "2024-05";
    CHECK_THROWS_AS(create(x.s, bad), InputError);
    bad.period = "2024-Q2";
    bad.template_id = "annual";
    CHECK_THROWS_WITH_AS(create(x.s, bad), doctest::Contains("for annual plans"), InputError);
  }

  TEST_CASE("items: numbered by section, co-executors resolved, bad input refused with nothing written") {
    Fixture x;
    const auto id = x.quarter();
    ItemInput in;
    in.section = "meetings";
    in.text = "О ходе подготовки к празднованию 79-й годовщины Победы";
    in.unit = "ДК";
    in.co = "ДО,ДТ";
    in.due = "2024-04-25";
    in.basis = "распоряжение Мэра от 15.01.2024 № 3-р";
    in.form = "информация";
    const auto i = add_item(x.s, id, in);
    CHECK(i.no == 1);
    CHECK(i.co_units.size() == 2);
    x.add(id, "Месячник по благоустройству", "ДГХ", "ежемесячно");
    const auto v = view(x.s, id);
    CHECK(v.numbers.at(1) == "1.1.");
    CHECK(v.numbers.at(2) == "1.2.");
    CHECK(resolve_item(x.s, v.plan, "1.2").no == 2);
    CHECK(resolve_item(x.s, v.plan, "1.2.").no == 2);
    CHECK_THROWS_AS(resolve_item(x.s, v.plan, "9"), NotFound);
    const auto rows = x.audit_rows();
    in.co = "ДК";
    CHECK_THROWS_WITH_AS(add_item(x.s, id, in), doctest::Contains("responsible already"), InputError);
    in.co = "";
    in.due = "2024-07-01";
    CHECK_THROWS_AS(add_item(x.s, id, in), InputError);
    in.due = "";
    in.section = "meetngs";
    CHECK_THROWS_WITH_AS(add_item(x.s, id, in), doctest::Contains("did you mean 'meetings'"), InputError);
    CHECK(x.audit_rows() == rows);
  }

  TEST_CASE("approval keeps the text; then changes are amendments, dates move only by postponement") {
    Fixture x;
    const auto id = x.quarter();
    x.add(id, "Первый", "ДК", "2024-04-25");
    x.add(id, "Второй", "ДО", "май");
    CHECK_THROWS_WITH_AS(approve(x.s, id, "2024-03-28", "", ""), doctest::Contains("--act"), InputError);
    const auto p = approve(x.s, id, "2024-03-28", "", "распоряжение № 45-р");
    CHECK(p.approved_by == "Мэр города Омска");
    CHECK_THROWS_AS(approve(x.s, id, "2024-03-28", "", "№ 1"), InputError);
    CHECK_THROWS_WITH_AS(x.add(id, "Третий", "ДТ", "июнь"), doctest::Contains("amendment"), InputError);
    x.add(id, "Третий", "ДТ", "июнь", Amending{"распоряжение № 50-р", "2024-04-05"});
    ItemChanges c;
    c.due = "2024-06-20";
    CHECK_THROWS_WITH_AS(edit_item(x.s, id, "1", c, {"№ 1", ""}), doctest::Contains("postpone"), InputError);
    const auto i = postpone_item(x.s, id, "1", "2024-06-20", "перенос по решению Мэра", {"резолюция", "2024-04-12"});
    CHECK(i.points[0].planned_on == make_date(2024, 4, 25));
    CHECK(i.points[0].due_on == make_date(2024, 6, 20));
    CHECK_THROWS_WITH_AS(postpone_item(x.s, id, "1", "2024-06-22", "r", {"a", ""}), doctest::Contains("working day"),
                         InputError);
    CHECK_THROWS_AS(postpone_item(x.s, id, "1", "2024-05-01", "r", {"a", ""}), InputError);  // not later
    drop_item(x.s, id, "2", "утратило актуальность", {});
    CHECK_THROWS_AS(remove_item(x.s, id, "2"), InputError);
    const auto amendments = view(x.s, id).amendments;
    REQUIRE(amendments.size() == 3);
    CHECK(amendments[0].kind == AmendmentKind::add);
    CHECK(amendments[1].kind == AmendmentKind::postpone);
    CHECK(amendments[1].what.find("с 25.04.2024 на 20.06.2024") != std::string::npos);
    CHECK(amendments[2].kind == AmendmentKind::drop);
    CHECK(version(x.s, id, 1)["items"].size() == 2);
    CHECK(version(x.s, id, 2)["items"].size() == 3);
    const auto changes = diff(x.s, id, 1, 0);
    CHECK(changes.size() == 3);
  }

  TEST_CASE("execution: done on time or late, reopen, recurring points, due and control") {
    Fixture x;
    const auto id = x.quarter();
    x.add(id, "Информация", "ДК", "2024-04-25");
    x.add(id, "Месячник", "ДГХ", "ежемесячно");
    x.add(id, "Отчёт", "ДО", "в течение квартала");
    CHECK_THROWS_WITH_AS(done_item(x.s, id, "1", "2024-04-09", ""), doctest::Contains("approved"), InputError);
    approve(x.s, id, "2024-03-28", "Мэр города Омска", "распоряжение № 45-р");
    const auto i = done_item(x.s, id, "1", "2024-04-09", "письмо № 01-15/234");
    CHECK(standing(i, make_date(2024, 4, 10)) == Standing::done_on_time);
    CHECK_THROWS_WITH_AS(done_item(x.s, id, "1", "", ""), doctest::Contains("no open control point"), InputError);
    CHECK_THROWS_WITH_AS(done_item(x.s, id, "2", "2024-04-30", ""), doctest::Contains("future"), InputError);
    reopen_item(x.s, id, "1");
    done_item(x.s, id, "1", "2024-04-09", "письмо");
    start_item(x.s, id, "3", "2024-04-01");
    const auto m = done_item(x.s, id, "2", "2024-04-10", "", "май");
    CHECK(m.points[1].state == PointState::done);
    CHECK(m.points[0].state == PointState::open);

    // Due: the April point of the monthly item (27 April) is within 5 working days of 22 April.
    testing::Frozen later("2024-04-22 09:00");
    Services s2{x.db, later.ctx, x.s.template_dirs};
    auto d = due(s2, "5wd", "", "");
    REQUIRE(d.rows.size() == 1);
    CHECK(d.rows[0].item->no == 2);
    CHECK(d.rows[0].due == make_date(2024, 4, 27));
    CHECK(due(s2, "5wd", "ДК", "").rows.empty());
    CHECK(due(s2, "0", "", "").rows.empty());
    CHECK_THROWS_AS(due(s2, "5 days", "", ""), InputError);

    // Control as of 30 June: ДК 1 on time; ДГХ: April overdue, May done (early), June overdue.
    const auto c = control(x.s, "2024-Q2", "2024-06-30", "", "");
    CHECK(c.plans.size() == 1);
    REQUIRE(c.rows.size() == 3);
    CHECK(c.rows[0].code == "ДГХ");
    CHECK(c.rows[0].now.overdue == 2);
    CHECK(c.rows[0].now.on_time == 1);
    CHECK(c.rows[1].code == "ДК");
    CHECK(c.rows[1].now.on_time == 1);
    CHECK(c.total.points == 5);
    CHECK(c.total.came_due() == 5);
    CHECK(*c.total.on_time_pct() == doctest::Approx(40.0));
    CHECK_FALSE(c.total_before);
    CHECK(control(x.s, "2024-Q2", "2024-06-30", "ДК", "").rows.size() == 1);
  }

  TEST_CASE("carry: undone items into the next period, linked, once; close marks the rest not done") {
    Fixture x;
    const auto q2 = x.quarter();
    x.add(q2, "Сделано", "ДК", "2024-04-25");
    x.add(q2, "Не сделано", "ДО", "2024-05-20");
    x.add(q2, "Ежемесячно", "ДГХ", "ежемесячно");
    approve(x.s, q2, "2024-03-28", "Мэр", "№ 45-р");
    done_item(x.s, q2, "1", "2024-04-09", "");
    const auto q3 = x.quarter("2024-Q3");
    CHECK_THROWS_AS(carry(x.s, q3, q2, false), InputError);  // backwards (and a draft)
    const auto r = carry(x.s, q2, q3, false);
    CHECK(r.carried == 2);
    const auto again = carry(x.s, q2, q3, false);
    CHECK(again.carried == 0);
    CHECK(again.already == 2);
    const auto v = view(x.s, q3);
    REQUIRE(v.items.size() == 2);
    CHECK(v.items[0].origin_id);
    CHECK(v.items[0].due == "period");  // 20 May is not in Q3
    CHECK(v.items[1].due == "period/monthly");
    CHECK(v.items[1].points.size() == 3);
    const auto src = view(x.s, q2);
    CHECK(standing(src.items[1], make_date(2024, 7, 1)) == Standing::carried);
    testing::Frozen july("2024-07-02 09:00");
    Services s2{x.db, july.ctx, x.s.template_dirs};
    const auto closed = close(s2, q2, "2024-07-01");
    CHECK(closed.not_done == 0);  // everything open was carried
    CHECK_THROWS_AS(close(s2, q2, ""), InputError);
  }

  TEST_CASE("import: CSV with the Russian headers, duplicates skipped, errors file:line:col, all or nothing") {
    Fixture x;
    const auto id = x.quarter();
    x.add(id, "О работе с обращениями граждан", "ДО", "апрель");
    const std::string csv =
        "Раздел;Наименование мероприятия;Срок исполнения;Ответственный исполнитель;Соисполнители;Основание;Форма "
        "завершения\n"
        "meetings;О ходе подготовки к «Дню Победы»;2024-04-25;ДК;ДО,ДТ;распоряжение № 3-р;информация\n"
        "population;о  работе с обращениями граждан.;апрель;ДО;;;\n"
        "events;Месячник;ежемесячно;ДГХ;;;\n"
        "events;О ходе подготовки к \"Дню Победы\";2024-04-25;ДК;;;\n";
    const auto r = import_items(x.s, id, csv, "ДК.csv", false);
    CHECK(r.added == 2);
    REQUIRE(r.duplicates.size() == 2);
    CHECK(r.duplicates[0].where == "ДК.csv:3");
    CHECK(r.duplicates[0].item_no == 1);
    CHECK(r.duplicates[1].item_no == 2);
    CHECK(view(x.s, id).items.size() == 3);

    const auto rows = x.audit_rows();
    const std::string bad = "section,text,unit,due\nmeetings,Хорошо,ДК,май\nmeetings,Плохо,ДЖ,май\n";
    CHECK_THROWS_WITH_AS(import_items(x.s, id, bad, "p.csv", false), doctest::Contains("p.csv:3:3:"), InputError);
    CHECK_THROWS_WITH_AS(import_items(x.s, id, "section,text,due\nmeetings,Т,2025-01-01\n", "p.csv", false),
                         doctest::Contains("p.csv:2:3:"), InputError);
    CHECK_THROWS_WITH_AS(import_items(x.s, id, "раздел,что\nm,x\n", "p.csv", false), doctest::Contains("p.csv:1:2:"),
                         InputError);
    CHECK(x.audit_rows() == rows);

    const std::string json = R"([{"text": "Из JSON", "unit": "ДТ", "due": "июнь", "co": ["ДО"]}])";
    CHECK(import_items(x.s, id, json, "p.json", false).added == 1);
    CHECK(import_items(x.s, id, json, "p.json", true).duplicates.size() == 1);
    CHECK_THROWS_WITH_AS(import_items(x.s, id, R"([{"text": "X", "when": "июнь"}])", "p.json", false),
                         doctest::Contains("p.json"), InputError);
  }

  TEST_CASE("merge: a unit's plan into the Administration's, duplicates skipped") {
    Fixture x;
    const auto adm = x.quarter();
    x.add(adm, "Общее", "ДК", "май");
    NewPlan in;
    in.kind = "quarterly";
    in.period = "2024-Q2";
    in.owner = "ДК";
    const auto dk = create(x.s, in).id;
    x.add(dk, "общее", "ДК", "май");
    x.add(dk, "Своё", "ДК", "июнь");
    x.add(dk, "В течение квартала", "ДК", "");
    const auto r = merge(x.s, dk, adm, false);
    CHECK(r.added == 2);
    CHECK(r.duplicates.size() == 1);
    CHECK(view(x.s, adm).items.size() == 3);
    // Into an annual plan, a quarterly plan's «в течение квартала» is that quarter.
    NewPlan year;
    year.kind = "annual";
    year.period = "2024";
    const auto annual = create(x.s, year).id;
    CHECK(merge(x.s, dk, annual, false).added == 3);
    const auto items = view(x.s, annual).items;
    CHECK(std::any_of(items.begin(), items.end(), [](const Item& i) { return i.due == "2024-Q2"; }));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
