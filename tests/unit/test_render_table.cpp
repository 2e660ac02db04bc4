#include "render/table.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan::render;

TEST_SUITE("render::table") {
  Table sample() {
    Table t;
    t.columns = {{"id", "ID", true}, {"title", "НАЗВАНИЕ"}, {"venue", "МЕСТО"}};
    t.add({"1", "День города", "Соборная площадь"});
    t.add({"12", "Concert, \"big\"", "Зал | 2"});
    return t;
  }

  TEST_CASE("the terminal table aligns Cyrillic by display width") {
    const std::string out = to_text(sample(), false);
    CHECK(out ==
          "ID  НАЗВАНИЕ        МЕСТО\n"
          " 1  День города     Соборная площадь\n"
          "12  Concert, \"big\"  Зал | 2\n");
  }

  TEST_CASE("CSV follows RFC 4180") {
    CHECK(to_csv(sample()) ==
          "id,title,venue\r\n1,День города,Соборная площадь\r\n12,\"Concert, \"\"big\"\"\",Зал | 2\r\n");
    CHECK(csv_field("a\nb") == "\"a\nb\"");
  }

  TEST_CASE("CSV a line at a time is to_csv, in either dialect") {
    const Table t = sample();
    for (const auto dialect : {CsvDialect::rfc, CsvDialect::excel}) {
      std::string lines = csv_header(t, dialect);
      for (const auto& row : t.rows) {
        lines += csv_row(t, row, dialect);
      }
      CHECK(lines == to_csv(t, dialect));
    }
    CHECK(csv_header(t, CsvDialect::excel).rfind("\xEF\xBB\xBFid;title;venue\r\n", 0) == 0);
    CHECK(csv_row(t, {"7"}) == "7,,\r\n");  // missing cells are empty
  }

  TEST_CASE("Markdown escapes pipes") {
    CHECK(to_markdown(sample()) ==
          "| ID | НАЗВАНИЕ | МЕСТО |\n| ---: | --- | --- |\n| 1 | День города | Соборная площадь |\n"
          "| 12 | Concert, \"big\" | Зал \\| 2 |\n");
  }

  TEST_CASE("colors only when asked") {
    Table t = sample();
    t.tones[0] = Tone::bad;
    CHECK(to_text(t, true).find("\x1b[31m") != std::string::npos);
    CHECK(to_text(t, false).find('\x1b') == std::string::npos);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
