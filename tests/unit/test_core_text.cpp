#include "core/text.hpp"

#include <doctest/doctest.h>

using namespace omskplan;

TEST_SUITE("core::text") {
  TEST_CASE("display width counts Cyrillic as one column and CJK as two") {
    CHECK(text::display_width("Омск") == 4);
    CHECK(text::display_width("abc") == 3);
    CHECK(text::display_width("城市") == 4);
    CHECK(text::display_width("е\xCC\x81") == 1);  // е + combining acute
    CHECK(text::pad("Омск", 6) == "Омск  ");
    CHECK(text::pad("7", 3, true) == "  7");
  }

  TEST_CASE("truncate cuts by columns, never inside a character") {
    CHECK(text::truncate("Администрация", 6) == "Админ…");
    CHECK(text::truncate("Омск", 10) == "Омск");
  }

  TEST_CASE("fold lower-cases Cyrillic and Latin and folds ё to е") {
    CHECK(text::fold("ОМСК") == "омск");
    CHECK(text::fold("Ёлка") == "елка");
    CHECK(text::fold("ёЛКА") == text::fold("ЕЛКА"));
    CHECK(text::fold("Concert HALL") == "concert hall");
    CHECK(text::yo_to_ye("Ёлка ёжик") == "Елка ежик");
  }

  TEST_CASE("utf-8 validation") {
    CHECK(text::is_valid_utf8("Омск"));
    CHECK(text::is_valid_utf8("\xEF\xBF\xBD"));
    CHECK_FALSE(text::is_valid_utf8("\xD0"));
    CHECK_FALSE(text::is_valid_utf8("a\xFF"));
    CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));  // overlong
  }

  TEST_CASE("edit distance and shell quoting") {
    CHECK(text::edit_distance("evnt", "event") == 1);
    CHECK(text::edit_distance("", "abc") == 3);
    CHECK(text::shell_quote("list") == "list");
    CHECK(text::shell_quote("День города") == "'День города'");
    CHECK(text::shell_quote("it's") == "'it'\\''s'");
  }
}
