#include "plan/template.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;

TEST_SUITE("plan/template") {
  TEST_CASE("the shipped templates load, one per kind") {
    PlanTemplateCatalog cat({testing::source_path("examples", "plans")});
    const auto all = cat.list();
    CHECK(all.size() == 4);
    const auto q = cat.get("quarterly");
    CHECK(q.kind == Kind::quarterly);
    CHECK(q.approver == "Мэр города Омска");
    CHECK(q.sections.front().key == "meetings");
    CHECK(q.sections.front().no == 1);
    testing::Frozen f("2024-03-01 10:00");
    CHECK(plan_title(q, parse_period(Kind::quarterly, "2024-Q2", f.ctx)) ==
          "План работы Администрации города Омска на II квартал 2024 года");
    CHECK_THROWS_WITH_AS(cat.get("quartrly"), doctest::Contains("did you mean 'quarterly'"), NotFound);
  }

  TEST_CASE("a broken template says where: file:line:col") {
    CHECK_THROWS_WITH_AS(parse_plan_template("id = \"x\"\nkind = \"yearly\"\ntitle = \"План {period}\"\n", "t.toml"),
                         doctest::Contains("t.toml:2:"), InputError);
    CHECK_THROWS_WITH_AS(parse_plan_template("id = \"x\"\nkind = \"annual\"\ntitle = \"План\"\n[[section]]\nkey = "
                                             "\"a\"\ntitle = \"A\"\n",
                                             "t.toml"),
                         doctest::Contains("{period}"), InputError);
    CHECK_THROWS_WITH_AS(parse_plan_template("id = \"x\"\nkind = \"annual\"\ntitle = \"План {period}\"\n", "t.toml"),
                         doctest::Contains("[[section]]"), InputError);
    CHECK_THROWS_WITH_AS(
        parse_plan_template("id = \"x\"\nkind = \"annual\"\ntitle = \"П {period}\"\n[[section]]\nkey = \"a\"\ntitle = "
                            "\"A\"\n[[section]]\nkey = \"a\"\ntitle = \"B\"\n",
                            "t.toml"),
        doctest::Contains("t.toml:8:"), InputError);
    CHECK_THROWS_WITH_AS(parse_plan_template("id = \"x\"\nkind = \"annual\"\ntitle = \"П {period}\"\nextra = 1\n", "t.toml"),
                         doctest::Contains("extra"), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
