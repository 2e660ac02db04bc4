#include "report/template.hpp"

#include "core/i18n.hpp"
#include "event/planner.hpp"
#include "time/expr.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <vector>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::report;

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_report_template(text, "r.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_SUITE("report::template") {
  TEST_CASE("the shipped report templates load") {
    ReportCatalog cat({testing::source_path("examples/reports")});
    std::vector<std::string> ids;
    for (const auto& t : cat.list()) {
      ids.push_back(t.id);
    }
    CHECK(ids == std::vector<std::string>{"agreements-register", "annual", "delegations", "experience", "guest-list", "monthly-plan",
                                          "patrons", "plan-execution", "weekly-inspections", "weekly-plan", "work-plan"});
    CHECK_THROWS_WITH(cat.get("montly-plan"), "unknown report 'montly-plan'; did you mean 'monthly-plan'?");
  }

  TEST_CASE("template errors point at file:line:col") {
    const std::string head = "id = \"r\"\nname = \"R\"\ntitle = \"T\"\n";
    CHECK(error_of(head) == "r.toml:1:1: a report needs at least one [[section]]");
    CHECK(error_of(head + "colour = 1\n") ==
          "r.toml:4:1: unknown key 'colour'; expected one of: approval, id, landscape, lang, name, param, section, subtitle, title");
    CHECK(error_of(head + "[[section]]\nquery = \"nothing\"\n") ==
          "r.toml:5:9: unknown query 'nothing'; expected one of: agreements, arrivals_by_day, delegations, events, events_by_kind, "
          "events_per_month, experience_checklist, experience_events, experience_lessons, experience_program, findings_by_site, findings_per_month, findings_per_week, guest_list, patrons, plan_execution, plan_problems, plan_sections, "
                "visits, week_plan");
    CHECK(error_of(head + "[[section]]\ntext = \"{{weather}}\"\n") == "r.toml:5:8: unknown placeholder '{{weather}}'");
    CHECK(error_of(head + "lang = \"de\"\n[[section]]\ntext = \"x\"\n") == "r.toml:4:8: 'lang' must be \"ru\" or \"en\"");
    CHECK(error_of(head + "[[section]]\ntext = \"{{#narrative.tasks}}x\"\n").find("r.toml:5:8: invalid Mustache") == 0);
    CHECK(error_of(head + "[[param]]\nname = \"day\"\ntype = \"date\"\n[[section]]\ntext = \"x\"\n") ==
          "r.toml:5:8: unknown parameter 'day'; expected one of: month, week, year, as-of, plan, period, quarter, kind, years, event");
    CHECK(error_of(head + "[[param]]\nname = \"month\"\ntype = \"decade\"\n[[section]]\ntext = \"x\"\n") ==
          "r.toml:6:8: invalid type 'decade'; expected one of: month, week, year, date, plan, period, quarter, kind, years, event");
    CHECK(error_of(head + "[[section]]\ntext = \"x\"\ncolumns = [\"a\"]\n") ==
          "r.toml:4:1: 'columns', 'chart' and 'filter' need a 'query'");
    CHECK(error_of(head + "[[section]]\nquery = \"events\"\nfilter = { level = \"galactic\" }\n") ==
          "r.toml:6:20: invalid level 'galactic'; expected one of: municipal, regional, intercity, international");
    CHECK(error_of(head + "[[section]]\nquery = \"agreements\"\nfilter = { kind = \"concert\" }\n") ==
          "r.toml:6:19: query 'agreements' has no filter 'kind'; it has: status");
    CHECK(error_of(head + "[[section]]\nquery = \"events\"\nfilter = \"concert\"\n").find("'filter' must be a table") !=
          std::string::npos);
    CHECK(error_of(head + "[[section]]\nquery = \"events\"\nsheet = \"a/b\"\n").find("'sheet' must be") !=
          std::string::npos);
  }

  TEST_CASE("a quarter parameter: its days, its words, the plans' period") {
    const testing::Frozen f("2024-05-08 09:00");
    auto db = testing::memory_db();
    const auto t = parse_report_template(
        "id = \"q\"\nname = \"Q\"\ntitle = \"За {{quarter_phrase}} ({{quarter}})\"\n[[param]]\nname = \"quarter\"\n"
        "type = \"quarter\"\ndefault = \"this\"\n[[section]]\ntext = \"с {{period_from}} по {{period_to}}\"\n",
        "q.toml");
    RunOptions o;
    auto d = run_report(t, o, db, f.ctx);
    CHECK(d.title == "За II квартал 2024 года (2024-Q2)");
    CHECK(d.sections.at(0).paragraphs.at(0) == "с 1 апреля 2024\u00a0г. по 30 июня 2024\u00a0г.");
    o.params["quarter"] = "2024-Q5";
    CHECK_THROWS_AS(run_report(t, o, db, f.ctx), InputError);
  }

  TEST_CASE("a document says its words in its own language; its errors stay in the interface's") {
    const testing::Frozen f("2024-05-08 09:00");
    auto db = testing::memory_db();
    const std::string body =
        "name = \"E\"\ntitle = \"Events\"\n[[param]]\nname = \"year\"\ntype = \"year\"\ndefault = \"this\"\n"
        "[[section]]\nquery = \"events_by_kind\"\n";
    event::Services es{db, f.ctx};
    event::Event held;
    held.title = "Концерт";
    held.kind = event::Kind::concert;
    held.start = time::parse_datetime("2024-03-08 18:00", f.ctx).instant;
    held.end = held.start + std::chrono::hours{2};
    held.status = event::Status::held;
    event::create(es, held, event::ConflictPolicy::warn);
    i18n::use("en");
    RunOptions o;
    const auto ru = run_report(parse_report_template("id = \"e\"\n" + body, "e.toml"), o, db, f.ctx);
    REQUIRE(ru.sections.at(0).table);
    REQUIRE(ru.sections.at(0).table->totals);
    CHECK(ru.lang == "ru");
    CHECK(ru.sections.at(0).table->totals->at(0) == "Итого");  // a Russian document in an English session
    CHECK(ru.sections.at(0).table->rows.at(0).at(0) == "Концерты");
    const auto en = run_report(parse_report_template("id = \"e\"\nlang = \"en\"\n" + body, "e.toml"), o, db, f.ctx);
    CHECK(en.sections.at(0).table->totals->at(0) == "Total");
    CHECK(en.sections.at(0).table->rows.at(0).at(0) == "Concerts");
    o.params["year"] = "someday";
    CHECK_THROWS_WITH(run_report(parse_report_template("id = \"e\"\n" + body, "e.toml"), o, db, f.ctx),
                      doctest::Contains("invalid"));  // the error in English, the interface's language
    CHECK(i18n::words_language() == "en");                // restored after the document
  }

  TEST_CASE("a report runs on its parameters: the one week parser, unknown parameters refused") {
    const testing::Frozen f("2024-05-08 09:00");
    auto db = testing::memory_db();
    ReportCatalog cat({testing::source_path("examples/reports")});
    const auto t = cat.get("weekly-inspections");
    RunOptions o;
    o.params["week"] = "current";
    const auto d = run_report(t, o, db, f.ctx);
    CHECK(d.subtitle == "на неделю с 6 по 12 мая 2024\u00a0г.");
    o.params["week"] = "2024-05";
    CHECK_THROWS_WITH(run_report(t, o, db, f.ctx),
                      "invalid --week '2024-05': expected a week such as 2024-W19, this, next or last");
    RunOptions unknown;
    unknown.params["colour"] = "red";
    CHECK_THROWS_AS(run_report(t, unknown, db, f.ctx), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
