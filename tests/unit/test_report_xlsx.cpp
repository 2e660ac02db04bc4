#include "report/xlsx.hpp"

#include "core/error.hpp"
#include "report/docx.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <limits>
#include <regex>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::report;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A register as the agreements query gives it: text, a date, money, counts, a totals row.
Document register_doc() {
  Document d;
  d.title = "Реестр соглашений о сотрудничестве Администрации города Омска с длинным заголовком, который переносится";
  d.subtitle = "по состоянию на 31 декабря 2023\u00a0г.";
  d.executor = "Исполнитель: Иванова А. П., тел. 8 (3812) 78-78-78";
  Section s;
  s.sheet = "Реестр";
  s.paragraphs = {"В реестре 2 соглашения на общую сумму 6 850 000,50 ₽."};
  DataTable t;
  t.columns = {{"no", "№ п/п", Type::count, 1},   {"number", "Номер"},          {"signed", "Подписано", Type::date},
               {"value", "Сумма, руб.", Type::money}, {"count", "Исполнено", Type::count}};
  t.rows = {{"1", "12-С/2023", "20.04.2023", "4 000 000,00 ₽", "3"}, {"2", "13-С/2023", "", "2 850 000,50 ₽", "1"}};
  t.values = {{1, kNaN, 19467, 400000000, 3}, {2, kNaN, kNaN, 285000050, 1}};
  t.totals = std::vector<std::string>{"Итого", "", "", "6 850 000,50 ₽", "4"};
  t.total_values = {kNaN, kNaN, kNaN, 685000050, 4};
  s.table = t;
  d.sections.push_back(s);
  Section questions;
  questions.heading = "2. Задачи на 2024 год";
  questions.paragraphs = {"— подготовка к празднованию 308-летия города Омска;"};
  d.sections.push_back(questions);
  return d;
}

std::map<std::string, std::string> written(const Document& d) {
  testing::TempDir tmp;
  const std::string path = tmp.file("r.xlsx");
  write_xlsx(d, path);
  return read_zip(path);
}

}  // namespace

TEST_SUITE("report::xlsx") {
  TEST_CASE("numbers in locale-neutral formats, dates as dates, totals as SUM formulas") {
    const auto parts = written(register_doc());
    const std::string& styles = parts.at("xl/styles.xml");
    CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
    CHECK(styles.find("formatCode=\"dd.mm.yyyy\"") != std::string::npos);
    CHECK(styles.find("# ##0.00") == std::string::npos);  // a literal space is no grouping
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    // Money is a number (no t="s"), the date a number (Excel's day 45036 is 2023-04-20).
    CHECK(sheet.find("<v>4000000</v>") != std::string::npos);
    CHECK(sheet.find("<v>45036</v>") != std::string::npos);
    CHECK(sheet.find("<f>SUM(D") != std::string::npos);
    CHECK(sheet.find("<f>SUM(E") != std::string::npos);
    CHECK(sheet.find("<v>6850000.5</v>") != std::string::npos);
  }

  TEST_CASE("every text of the document is in the workbook: title, subtitle, paragraphs, later sections, executor") {
    const auto parts = written(register_doc());
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    for (const char* s : {"Реестр соглашений о сотрудничестве", "по состоянию на 31 декабря 2023\u00a0г.",
                          "В реестре 2 соглашения", "2. Задачи на 2024 год", "308-летия",
                          "Исполнитель: Иванова А. П."}) {
      CAPTURE(s);
      CHECK(strings.find(s) != std::string::npos);
    }
    CHECK(strings.find("Итого") != std::string::npos);
    CHECK(strings.find("<t>6 850 000,50 ₽</t>") == std::string::npos);  // the total is a number, not text
  }

  TEST_CASE("a sheet a person would name, frozen header, filter, A4 fit to width, header rows repeated") {
    const auto parts = written(register_doc());
    CHECK(parts.at("xl/workbook.xml").find("name=\"Реестр\"") != std::string::npos);
    CHECK(parts.at("xl/workbook.xml").find("_xlnm.Print_Titles") != std::string::npos);
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<pane ySplit=") != std::string::npos);
    CHECK(sheet.find("<autoFilter ref=") != std::string::npos);
    CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
    CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(sheet.find("<mergeCell ") != std::string::npos);  // the title across the table
    CHECK(parts.count("xl/worksheets/sheet2.xml") == 0);    // the text after the table stays on its sheet
  }

  TEST_CASE("a wrapped title gets a row tall enough for its lines") {
    const auto parts = written(register_doc());
    const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
    std::smatch m;
    REQUIRE(std::regex_search(sheet, m, std::regex("<row r=\"1\"[^>]* ht=\"([0-9.]+)\"")));
    CHECK(std::stod(m[1]) > 20);  // more than one line of 14 pt
  }

  TEST_CASE("sections with tables each get a sheet, named from their headings, unique") {
    Document d;
    d.title = "Отчёт";
    for (const char* h : {"1. Наиболее значимое в 2023 году", "Соглашения о сотрудничестве", "Соглашения о сотрудничестве"}) {
      Section s;
      s.heading = h;
      DataTable t;
      t.columns = {{"k", "Вид"}, {"n", "Количество", Type::count}};
      t.rows = {{"Концерты", "2"}};
      t.values = {{kNaN, 2}};
      s.table = t;
      d.sections.push_back(s);
    }
    const auto parts = written(d);
    const std::string& wb = parts.at("xl/workbook.xml");
    CHECK(wb.find("name=\"Наиболее значимое в 2023 году\"") != std::string::npos);
    CHECK(wb.find("name=\"Соглашения о сотрудничестве\"") != std::string::npos);
    CHECK(wb.find("name=\"Соглашения о сотрудничестве (2)\"") != std::string::npos);
    CHECK(parts.at("xl/styles.xml").find("formatCode=\"0\"") != std::string::npos);  // counts as «0»
  }

  TEST_CASE("a place it cannot write is an error naming the file") {
    CHECK_THROWS_WITH_AS(write_xlsx(register_doc(), "/nonexistent-dir/r.xlsx"),
                         doctest::Contains("/nonexistent-dir/r.xlsx"), Error);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
