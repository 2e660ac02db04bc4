#include "report/document.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <limits>

#include <string>
#include <vector>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

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
    t.columns = {{"name", "Название"}, {"n", "Количество", Type::count}};
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

  TEST_CASE("a chart with many labels shows those that fit, every bar still drawn") {
    Chart c;
    c.title = "По неделям";
    c.series = {"Выявлено"};
    for (int w = 1; w <= 53; ++w) {
      c.labels.push_back(fmt::format("{:02}.01", w % 28 + 1));
      c.values.push_back({static_cast<double>(w)});
    }
    const std::string svg = chart_svg(c);
    std::size_t labels = 0, bars = 0;
    for (std::size_t at = svg.find("text-anchor=\"middle\""); at != std::string::npos;
         at = svg.find("text-anchor=\"middle\"", at + 1)) {
      ++labels;
    }
    for (std::size_t at = svg.find("<rect x="); at != std::string::npos; at = svg.find("<rect x=", at + 1)) {
      ++bars;
    }
    CHECK(bars == 53);
    CHECK(labels < 53 / 2);
    CHECK(labels > 5);
  }

  TEST_CASE("typed cells: JSON integers, money as decimal strings, ISO dates; CSV in both dialects") {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    Document d;
    d.title = "Реестр";
    Section s;
    DataTable t;
    t.columns = {{"no", "№", Type::count}, {"org", "Партнёр"}, {"signed", "Подписано", Type::date},
                 {"value", "Сумма, руб.", Type::money}, {"pct", "%", Type::decimal}};
    t.rows = {{"1", "=SUM(A1)", "20.04.2023", "4 000 000,50", "93,5"}, {"2", "ООО «Б»", "", "", "—"}};
    t.values = {{1, kNaN, 19467, 400000050, 93.5}, {2, kNaN, kNaN, kNaN, kNaN}};
    t.totals = std::vector<std::string>{"Итого", "", "", "4 000 000,50", ""};
    t.total_values = {kNaN, kNaN, kNaN, 400000050, kNaN};
    s.table = t;
    d.sections.push_back(s);
    const auto j = nlohmann::json::parse(to_json(d));
    const auto& row = j["sections"][0]["rows"][0];
    CHECK(row["no"].is_number_integer());
    CHECK(row["no"] == 1);
    CHECK(row["value"] == "4000000.50");
    CHECK(row["signed"] == "2023-04-20");
    CHECK(row["pct"] == 93.5);
    CHECK(j["sections"][0]["rows"][1]["signed"].is_null());
    CHECK(j["sections"][0]["rows"][1]["pct"].is_null());
    CHECK(j["sections"][0]["totals"]["value"] == "4000000.50");
    CHECK(j["sections"][0]["totals"]["no"] == "Итого");
    CHECK(j["sections"][0]["columns"][3]["type"] == "money");
    CHECK(to_csv(d) == "section,no,org,signed,value,pct\r\n,1,=SUM(A1),2023-04-20,4000000.50,93.5\r\n,2,ООО «Б»,,,\r\n");
    CHECK(to_csv(d, render::CsvDialect::excel) ==
          "\xEF\xBB\xBFsection;no;org;signed;value;pct\r\n;1;'=SUM(A1);20.04.2023;4000000,50;93,5\r\n;2;ООО «Б»;;;\r\n");
  }

  TEST_CASE("Markdown never passes data through as HTML") {
    Document d;
    d.title = "<b>План</b>";
    Section s;
    s.heading = "A & B";
    s.paragraphs = {"<script>alert(1)</script>"};
    DataTable t;
    t.columns = {{"t", "Мероприятие"}};
    t.rows = {{"<img src=x onerror=alert(1)>"}};
    t.values = {{0}};
    s.table = t;
    d.sections.push_back(s);
    const std::string md = to_markdown(d);
    CHECK(md.find('<') == std::string::npos);
    CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(md.find("## A &amp; B") != std::string::npos);
  }

  TEST_CASE("column layout: headers' words and whole dates fit; too many columns make the font smaller") {
    DataTable t;
    t.columns = {{"no", "№\u00A0п/п", Type::count}, {"title", "Предмет соглашения"}, {"signed", "Подписано", Type::date},
                 {"overdue", "Просрочено", Type::count}};
    t.rows = {{"1", "О благоустройстве сквера у Омского завода металлоконструкций", "12.04.2023", "0"}};
    const auto wide = column_layout(t, 155);
    REQUIRE(wide.shares.size() == 4);
    CHECK(wide.font_scale == 1);
    double sum = 0;
    for (double x : wide.shares) {
      sum += x;
    }
    CHECK(sum == doctest::Approx(1));
    CHECK(wide.shares[1] > wide.shares[2]);          // the text wants more than the date
    CHECK(wide.shares[3] * 155 >= 10 * 1.35);         // «Просрочено» whole
    const auto narrow = column_layout(t, 30);
    CHECK(narrow.font_scale < 1);
    CHECK(narrow.font_scale >= 0.7);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
