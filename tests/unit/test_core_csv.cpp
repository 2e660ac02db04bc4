#include "core/csv.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

TEST_SUITE("core::csv") {
  TEST_CASE("comma-separated with RFC 4180 quotes, CRLF and a BOM") {
    const auto t = csv::parse("\xEF\xBB\xBF" "code,name\r\nOB-1,\"Дом \"\"культуры\"\", ул. Ленина\"\r\nOB-2,\"две\nстроки\"\r\n");
    CHECK(t.delimiter == ',');
    CHECK(t.header == std::vector<std::string>{"code", "name"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[1] == "Дом \"культуры\", ул. Ленина");
    CHECK(t.rows[1].cells[1] == "две\nстроки");
    CHECK(t.rows[1].line == 3);
  }

  TEST_CASE("semicolons as Excel in a Russian locale writes them; blank lines skipped") {
    const auto t = csv::parse("code;lat;lon\nOB-1;55,0312;73,2644\n\nOB-2;54,99;73,31");
    CHECK(t.delimiter == ';');
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[1] == "55,0312");
    CHECK(t.rows[1].line == 4);
  }

  TEST_CASE("errors") {
    CHECK_THROWS_WITH(csv::parse("a,b\n1,\"2\n"), "line 2: a quoted field is never closed");
    CHECK_THROWS_WITH(csv::parse(""), "the file is empty: expected a header line");
    CHECK_THROWS_WITH(csv::parse("a\n\xff\n"), "line 2: not valid UTF-8 (save the file as UTF-8)");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
