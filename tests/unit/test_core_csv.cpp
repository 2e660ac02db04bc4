#include "core/csv.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <sstream>

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

  TEST_CASE("a stream is read a row at a time, the same across its reads of 64 KiB") {
    // Rows of every length, so that quotes, doubled quotes, CRLF and a quoted
    // line break fall on the boundaries of the reader's chunks.
    std::string text = "code;name\r\n";
    std::vector<std::string> names;
    for (int i = 0; text.size() < 300000; ++i) {
      std::string name = std::string(static_cast<std::size_t>(i % 97), 'x') + "\"q\"\nОмск";
      names.push_back(name);
      std::string quoted;
      for (const char c : name) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      }
      text += "OB-" + std::to_string(i) + ";\"" + quoted + "\"\r\n";
    }
    std::istringstream in(text);
    csv::Reader r(in);
    CHECK(r.delimiter() == ';');
    CHECK(r.header() == std::vector<std::string>{"code", "name"});
    csv::Row row;
    std::size_t n = 0;
    int bad = 0;
    while (r.next(row)) {
      bad += row.cells.size() != 2 || row.cells[0] != "OB-" + std::to_string(n) || row.cells[1] != names[n] ||
             row.line != 2 + 2 * n;
      ++n;
    }
    CHECK(n == names.size());
    CHECK(bad == 0);
    CHECK(csv::parse(text).rows.size() == names.size());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
