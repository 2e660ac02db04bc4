#include "report/document.hpp"
#include "report/template.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <vector>

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

// A small XML well-formedness check: every tag closed in order, attributes quoted.
bool well_formed(const std::string& s) {
  std::vector<std::string> stack;
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string::npos) {
    const auto e = s.find('>', i);
    if (e == std::string::npos) {
      return false;
    }
    std::string tag = s.substr(i + 1, e - i - 1);
    i = e + 1;
    if (tag.empty() || tag[0] == '!' || tag[0] == '?') {
      continue;
    }
    if (tag.back() == '/') {
      continue;
    }
    if (tag[0] == '/') {
      if (stack.empty() || stack.back() != tag.substr(1)) {
        return false;
      }
      stack.pop_back();
      continue;
    }
    stack.push_back(tag.substr(0, tag.find_first_of(" \n")));
  }
  return stack.empty();
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("the shipped report templates load") {
    ReportCatalog cat({testing::source_dir() + "/examples/reports"});
    std::vector<std::string> ids;
    for (const auto& t : cat.list()) {
      ids.push_back(t.id);
    }
    CHECK(ids == std::vector<std::string>{"agreements-register", "annual", "monthly-plan", "patrons",
                                          "weekly-inspections"});
    CHECK_THROWS_WITH(cat.get("montly-plan"), "unknown report 'montly-plan'; did you mean 'monthly-plan'?");
  }

  TEST_CASE("template errors point at file:line:col") {
    const std::string head = "id = \"r\"\nname = \"R\"\ntitle = \"T\"\n";
    CHECK(error_of(head) == "r.toml:1:1: a report needs at least one [[section]]");
    CHECK(error_of(head + "colour = 1\n") ==
          "r.toml:4:1: unknown key 'colour'; expected one of: id, name, param, section, subtitle, title");
    CHECK(error_of(head + "[[section]]\nquery = \"nothing\"\n") ==
          "r.toml:5:9: unknown query 'nothing'; expected one of: agreements, events, events_by_kind, "
          "events_per_month, findings_by_site, findings_per_week, patrons, visits");
    CHECK(error_of(head + "[[section]]\ntext = \"{{weather}}\"\n") == "r.toml:5:8: unknown placeholder '{{weather}}'");
    CHECK(error_of(head + "[[section]]\ntext = \"{{#narrative.tasks}}x\"\n").find("r.toml:5:8: invalid Mustache") == 0);
    CHECK(error_of(head + "[[param]]\nname = \"day\"\ntype = \"date\"\n[[section]]\ntext = \"x\"\n") ==
          "r.toml:5:8: unknown parameter 'day'; expected one of: month, week, year, as-of");
    CHECK(error_of(head + "[[param]]\nname = \"month\"\ntype = \"decade\"\n[[section]]\ntext = \"x\"\n") ==
          "r.toml:6:8: invalid type 'decade'; expected one of: month, week, year, date");
    CHECK(error_of(head + "[[section]]\ntext = \"x\"\ncolumns = [\"a\"]\n") ==
          "r.toml:4:1: 'columns' and 'chart' need a 'query'");
  }

  TEST_CASE("HTML is escaped, well-formed, self-contained, with an SVG chart") {
    Document d;
    d.title = "План <мероприятий> & «события»";
    Section s;
    s.heading = "Раздел";
    s.paragraphs = {"Строка 1\nСтрока 2", "a < b"};
    DataTable t;
    t.columns = {{"name", "Название"}, {"n", "Количество", true}};
    t.rows = {{"Концерт \"Осень\"", "3"}};
    t.values = {{0, 3}};
    t.totals = std::vector<std::string>{"Итого", "3"};
    s.table = t;
    Chart c;
    c.title = "По месяцам";
    c.labels = {"Янв", "Фев"};
    c.series = {"Мероприятий"};
    c.values = {{1}, {4}};
    s.chart = c;
    d.sections.push_back(s);
    const std::string html = to_html(d);
    CHECK(well_formed(html));
    CHECK(html.find("План &lt;мероприятий&gt; &amp; «события»") != std::string::npos);
    CHECK(html.find("Строка 1<br/>Строка 2") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<tr class=\"total\">") != std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // the only URL is the SVG namespace
    CHECK(to_csv(d) == "section,name,n\r\nРаздел,\"Концерт \"\"Осень\"\"\",3\r\n");
    CHECK(to_markdown(d).find("| Итого | 3 |") != std::string::npos);
  }
}
