#include "report/xlsx.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace omskplan;
using namespace omskplan::report;

namespace {

Document register_doc() {
  Document d;
  d.title = "Реестр соглашений";
  Section s;
  s.heading = "Соглашения";
  DataTable t;
  t.columns = {{"number", "Номер"}, {"value", "Сумма, ₽", true}};
  t.rows = {{"12-С/2023", "2 500 000,00 ₽"}};
  t.values = {{std::numeric_limits<double>::quiet_NaN(), 2500000.0}};
  t.totals = std::vector<std::string>{"Итого", "2 500 000,00 ₽"};
  s.table = t;
  d.sections.push_back(s);
  return d;
}

}  // namespace

TEST_SUITE("report::xlsx") {
  TEST_CASE("a workbook with a sheet per table section (libxlsxwriter4 is a declared dependency)") {
    testing::TempDir tmp;
    const std::string path = tmp.file("r.xlsx");
    write_xlsx(register_doc(), path);
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.rfind("PK\x03\x04", 0) == 0);  // a ZIP archive: names are stored as they are
    CHECK(bytes.find("xl/worksheets/sheet1.xml") != std::string::npos);
    CHECK(bytes.find("xl/styles.xml") != std::string::npos);
    CHECK(bytes.find("xl/worksheets/sheet2.xml") == std::string::npos);
  }

  TEST_CASE("a place it cannot write is an error naming the file") {
    CHECK_THROWS_WITH_AS(write_xlsx(register_doc(), "/nonexistent-dir/r.xlsx"),
                         doctest::Contains("/nonexistent-dir/r.xlsx"), Error);
  }
}
