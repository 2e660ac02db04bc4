#include "plan/views.hpp"

#include "helpers.hpp"
#include "unit/service.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;
using time::make_date;

TEST_SUITE("plan/views") {
  TEST_CASE("the plan's text by sections, its rows, JSON, due and control tables") {
    testing::Frozen f("2024-04-10 09:00");
    auto db = testing::memory_db();
    unit::Services us{db, f.ctx};
    unit::UnitInput u;
    u.code = "ДК";
    u.name = "Департамент культуры";
    unit::add(us, u);
    Services s{db, f.ctx, {testing::source_path("examples", "plans")}};
    NewPlan n;
    n.kind = "quarterly";
    n.period = "2024-Q2";
    const auto id = create(s, n).id;
    ItemInput in;
    in.section = "events";
    in.text = "Концерт";
    in.unit = "ДК";
    in.due = "апрель";
    add_item(s, id, in);
    approve(s, id, "2024-03-28", "", "№ 45-р");
    const auto v = view(s, id);
    const std::string text = plan_text(v, make_date(2024, 4, 10));
    CHECK(text.find("3. Общегородские мероприятия") != std::string::npos);
    CHECK(text.find("3.1.") != std::string::npos);
    CHECK(text.find("апрель") != std::string::npos);
    const auto t = items_table(v, make_date(2024, 5, 1));
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][5] == "2024-04-27");
    CHECK(t.rows[0][11] == "overdue");
    const auto j = plan_json(v, make_date(2024, 4, 10));
    CHECK(j["items"][0]["number"] == "3.1.");
    CHECK(j["items"][0]["points"][0]["due_on"] == "2024-04-27");
    CHECK(j["approved_act"] == "№ 45-р");
    const auto approved = version_text(version(s, id, 1), 1);
    CHECK(approved.find("3.1. Концерт — апрель (2024-04-27); ДК") != std::string::npos);

    testing::Frozen later("2024-04-30 09:00");
    Services s2{db, later.ctx, s.template_dirs};
    const auto d = due(s2, "5wd", "", "");
    const auto dt = due_table(d);
    REQUIRE(dt.rows.size() == 1);
    // Due on Saturday 27 April (worked); 28 April a Sunday, 29–30 April days off: overdue by no working day yet.
    CHECK(dt.rows[0][4] == "0");
    CHECK(due_json(d)["overdue"] == 1);
    const auto c = control(s, "2024-Q2", "2024-05-01", "", "");
    const auto ct = control_table(c);
    REQUIRE(ct.rows.size() == 2);
    CHECK(ct.rows[1][1] == "Total");
    CHECK(control_json(c)["total"]["overdue"] == 1);
    CHECK(control_json(c)["units"][0]["unit"] == "ДК");
  }

  TEST_CASE("plan templates as text and JSON") {
    PlanTemplateCatalog cat({testing::source_path("examples", "plans")});
    const auto list = cat.list();
    const std::string t = templates_text(list);
    CHECK(t.find("quarterly (quarterly): План работы Администрации города Омска {period}") != std::string::npos);
    CHECK(t.find("  1. meetings — Вопросы для рассмотрения на совещаниях у Мэра города Омска") != std::string::npos);
    const auto j = templates_json(list);
    CHECK(j.size() == 4);
    CHECK(j[0]["sections"].size() > 0);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
