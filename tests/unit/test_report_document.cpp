#include "report/document.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace omskplan;
using namespace omskplan::report;

namespace {

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

TEST_SUITE("report::document") {
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

  TEST_CASE("text, JSON and the chart alone") {
    Document d;
    d.title = "Отчёт";
    Section s;
    s.heading = "Раздел";
    s.paragraphs = {"Абзац"};
    d.sections.push_back(s);
    CHECK(to_text(d).find("Отчёт") != std::string::npos);
    CHECK(to_json(d).find("\"Раздел\"") != std::string::npos);
    Chart c;
    c.labels = {"Янв"};
    c.series = {"Мероприятий"};
    c.values = {{2}};
    const std::string svg = chart_svg(c);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(well_formed(svg));
    CHECK(escape_html("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;");
  }
}
