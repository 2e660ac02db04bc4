#include "core/text.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

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
    CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));  // a surrogate
    CHECK_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK(text::is_valid_utf8("\xF0\x9F\x8E\x89"));
  }

  TEST_CASE("utf-8 validation agrees with decoding on every sequence of up to three bytes") {
    // The reference: valid when decode_utf8 reads every character without a
    // replacement (a literal U+FFFD is valid).
    const auto decodes = [](std::string_view s) {
      std::size_t pos = 0;
      while (pos < s.size()) {
        const std::size_t before = pos;
        if (text::decode_utf8(s, pos) == 0xFFFD && s.substr(before, pos - before) != "\xEF\xBF\xBD") {
          return false;
        }
      }
      return true;
    };
    std::string s;
    int disagree = 0;
    for (int a = 0; a < 256; ++a) {
      for (int b = 0; b < 256; ++b) {
        s.assign({static_cast<char>(a), static_cast<char>(b)});
        disagree += text::is_valid_utf8(s) != decodes(s);
        for (const int c : {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xD0, 0xFF}) {
          s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
          disagree += text::is_valid_utf8(s) != decodes(s);
          s += '\x80';
          disagree += text::is_valid_utf8(s) != decodes(s);
        }
      }
    }
    CHECK(disagree == 0);
  }

  TEST_CASE("edit distance and shell quoting") {
    CHECK(text::edit_distance("evnt", "event") == 1);
    CHECK(text::edit_distance("", "abc") == 3);
    CHECK(text::edit_distance("lsit", "list") == 1);  // a swap is one edit
    CHECK(text::edit_distance("evnet", "event") == 1);
    CHECK(text::edit_distance("ab", "ba") == 1);
    CHECK(text::edit_distance("abc", "ca") == 3);
    // "did you mean": one rule for commands, keys and ids
    const std::vector<std::string> cmds{"event", "agreement", "inspection", "report", "template", "undo"};
    CHECK(text::closest("evnet", cmds) == "event");
    CHECK(text::closest("lsit", {"list", "show"}) == "list");
    CHECK(text::closest("foo", {"now", "tz", "db"}).empty());  // two edits in three letters: another word
    CHECK(text::closest("insp", cmds) == "inspection");      // nothing near: the one it begins
    CHECK(text::closest("agrement", cmds) == "agreement");
    CHECK(text::closest("", cmds).empty());
    CHECK(text::shell_quote("list") == "list");
    CHECK(text::shell_quote("День города") == "'День города'");
    CHECK(text::shell_quote("it's") == "'it'\\''s'");
  }

  TEST_CASE("trim takes no-break, zero-width and other invisible spaces off both ends") {
    CHECK(text::trim("\u00A0\u200B\uFEFF").empty());
    CHECK(text::trim("\u2060 \u202F\u3000").empty());
    CHECK(text::trim("\u00A0День города\u200B ") == "День города");
    CHECK(text::trim("2\u00A0500") == "2\u00A0500");  // inside: kept
    CHECK(text::trim("  a\t") == "a");
    CHECK(text::trim("") == "");
  }

  TEST_CASE("check_field refuses C1 controls and bidirectional overrides") {
    CHECK_THROWS_WITH(text::check_field("the title", "abc\u202Edef", 100, true),
                      "the title contains an invisible control character (U+202E)");
    CHECK_THROWS_WITH(text::check_field("the title", "a\u0085b", 100, true),
                      "the title contains an invisible control character (U+0085)");
    CHECK_THROWS_WITH(text::check_field("the title", "a\x1b]0;x\x07", 100, true),
                      "the title contains a control character (0x1B)");
    CHECK_NOTHROW(text::check_field("the title", "Концерт «Омск» — 2023", 100, true));
  }

  TEST_CASE("for_terminal escapes what a terminal would act on and cuts long text") {
    CHECK(text::for_terminal("invalid kind '\x1b]0;PWNED\x07\x1b[2J'") == "invalid kind '\\x1B]0;PWNED\\x07\\x1B[2J'");
    CHECK(text::for_terminal("a\u202Eb") == "a\\u{202E}b");
    CHECK(text::for_terminal("a\u0085b") == "a\\x85b");
    CHECK(text::for_terminal("line\nnext") == "line\\nnext");
    CHECK(text::for_terminal("bad \xff byte") == "bad \\xFF byte");
    CHECK(text::for_terminal("Концерт «Омск»") == "Концерт «Омск»");
    const std::string longer(120000, 'x');
    const std::string cut = text::for_terminal(longer, 1000);
    CHECK(cut.size() < 1100);
    CHECK(cut.find("… (119000 bytes more)") != std::string::npos);
  }

  TEST_CASE("capitalize: the first letter only, Cyrillic and Latin") {
    CHECK(text::capitalize("департамент культуры") == "Департамент культуры");
    CHECK(text::capitalize("ёлка") == "Ёлка");
    CHECK(text::capitalize("omsk") == "Omsk");
    CHECK(text::capitalize("«Меценат»") == "«Меценат»");
    CHECK(text::capitalize("") == "");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
