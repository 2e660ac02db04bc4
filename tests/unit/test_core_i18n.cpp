#include "core/i18n.hpp"

#include <doctest/doctest.h>
#include <fmt/args.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

namespace {

// The fmt replacement fields of a format string ("{}", "{0}", "{:02}"), escapes skipped.
std::vector<std::string> fields(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '{') {
      ++i;
    } else if (s[i] == '}' && i + 1 < s.size() && s[i + 1] == '}') {
      ++i;
    } else if (s[i] == '{') {
      const auto close = s.find('}', i);
      out.emplace_back(s.substr(i + 1, close - i - 1));
      i = close;
    }
  }
  return out;
}

bool is_format_field(const std::string& f) { return std::regex_match(f, std::regex(R"(\d*(:[^{}]*)?)")); }

std::string_view part(std::string_view s, int n) {
  for (int i = 0; i < n; ++i) {
    s.remove_prefix(s.find('\0') + 1);
  }
  return s.substr(0, s.find('\0'));
}

}  // namespace

TEST_SUITE("core::i18n") {
  TEST_CASE("without a catalog a message is its msgid; with Russian, its translation") {
    i18n::use("en");
    CHECK(std::string(tr("the title is empty")) == "the title is empty");
    CHECK(trf("no event with id {}", 7) == "no event with id 7");
    CHECK(trnf("{} open finding", "{} open findings", 1, 1) == "1 open finding");
    CHECK(trnf("{} open finding", "{} open findings", 2, 2) == "2 open findings");
    i18n::use("ru");
    CHECK(i18n::language() == "ru");
    CHECK(std::string(tr("the title is empty")) == "название пусто");
    CHECK(trf("no event with id {}", 7) == "нет мероприятия с ид. 7");
    CHECK(trnf("{} open finding", "{} open findings", 1, 1) == "1 открытое замечание");
    CHECK(trnf("{} open finding", "{} open findings", 3, 3) == "3 открытых замечания");
    CHECK(trnf("{} open finding", "{} open findings", 11, 11) == "11 открытых замечаний");
    CHECK(trnf("{} open finding", "{} open findings", 21, 21) == "21 открытое замечание");
    CHECK(std::string(tr("a message nobody translated")) == "a message nobody translated");
    i18n::use("en");
    CHECK(i18n::language() == "en");
  }

  TEST_CASE("quotes inside «ёлочки» become „лапки“; unpaired ones are left alone") {
    CHECK(i18n::nest_quotes("«ДК «Кристалл»»") == "«ДК „Кристалл“»");
    CHECK(i18n::nest_quotes("АНО «Центр «Радуга»» и «Меценат года»") == "АНО «Центр „Радуга“» и «Меценат года»");
    CHECK(i18n::nest_quotes("«a «b «c»» d»") == "«a „b „c““ d»");
    CHECK(i18n::nest_quotes("«Меценат год… и «x»") == "«Меценат год… и «x»");  // a cell cut short
    CHECK(i18n::nest_quotes("x» «y") == "x» «y");
    CHECK(i18n::nest_quotes("no quotes") == "no quotes");
    i18n::use("en");
    CHECK(trf("organization {} «{}» already has «{}» for {}", 1, "ООО «Ромашка»", "Меценат года", 2024) ==
          "organization 1 «ООО „Ромашка“» already has «Меценат года» for 2024");
  }

  TEST_CASE("a document's language for a scope, the interface's restored after it") {
    i18n::use("en");
    {
      const i18n::Scope russian("ru");
      CHECK(i18n::words_language() == "ru");
      CHECK(i18n::language() == "en");  // messages, errors among them, stay in the interface's
      CHECK(std::string(i18n::translate_word("event status", "held")) == "проведено");
      CHECK(trf("no event with id {}", 7) == "no event with id 7");
    }
    CHECK(i18n::words_language() == "en");
    CHECK(std::string(i18n::translate_word("event status", "held")) == "held");
  }

  TEST_CASE("no two column headers share one Russian word (ID and NO were both «№»)") {
    std::map<std::string, std::string> by_word;
    for (const auto& e : i18n::entries("ru")) {
      const std::string id(e.msgid);
      // A header: capitals, no context, no plural (ID, AMOUNT, LEARNED AT).
      if (id.empty() || id.find('\4') != std::string::npos || id.find('\0') != std::string::npos ||
          !std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' '; }) ||
          id.size() < 2) {
        continue;
      }
      const std::string word(e.msgstr);
      const auto added = by_word.emplace(word, id);  // (not a structured binding: clang 14 cannot capture those)
      const std::string other = added.first->second;
      CHECK_MESSAGE(added.second, "«" << word << "» translates both " << other << " and " << id);
    }
    CHECK(by_word.size() > 100);
  }

  TEST_CASE("Russian messages keep «№» and «г.» with their numbers: a no-break space, never a plain one") {
    int checked = 0;
    for (const auto& e : i18n::entries("ru")) {
      const bool plural = e.msgid.find('\0') != std::string_view::npos;
      for (int form = 0; form < (plural ? 3 : 1); ++form) {
        ++checked;
        // (What is typed, in "…" or '…', is as one types it: --act "распоряжение № 45-р".)
        const std::string s = std::regex_replace(std::string(part(e.msgstr, form)), std::regex("\"[^\"]*\"|'[^']*'"), "");
        CHECK_MESSAGE(!std::regex_search(s, std::regex("№ (\\{|[0-9])")), s);   // «№ {}»: «№\u00a0{}»
        CHECK_MESSAGE(!std::regex_search(s, std::regex("(\\}|[0-9]) гг?\\.")), s);  // «{} г.»: «{}\u00a0г.»
        CHECK_MESSAGE(!std::regex_search(s, std::regex("№[0-9{]")), s);           // «№1»
      }
    }
    CHECK(checked > 800);
  }

  TEST_CASE("Russian plural forms as ru.po's Plural-Forms says") {
    const std::pair<long, int> cases[] = {{0, 2},   {1, 0},   {2, 1},   {4, 1},   {5, 2},    {11, 2},  {12, 2},
                                          {14, 2},  {21, 0},  {22, 1},  {25, 2},  {101, 0},  {111, 2}, {112, 2},
                                          {1001, 0}, {1002, 1}, {1011, 2}};
    for (const auto& c : cases) {
      CHECK_MESSAGE(i18n::russian_plural_index(c.first) == c.second, c.first);
    }
  }

  TEST_CASE("every Russian message keeps its msgid's fmt fields, so formatting never throws") {
    const auto entries = i18n::entries("ru");
    REQUIRE(entries.size() > 800);
    int checked = 0;
    for (const auto& e : entries) {
      const bool plural = e.msgid.find('\0') != std::string_view::npos;
      const std::string_view id = part(e.msgid, 0);
      auto want = fields(id);
      if (!std::all_of(want.begin(), want.end(), is_format_field)) {
        continue;  // a tr() message with literal braces ("{ lat = …, lon = … }"), not a format
      }
      for (int form = 0; form < (plural ? 3 : 1); ++form) {
        const std::string_view str = part(e.msgstr, form);
        CHECK_MESSAGE(!str.empty(), id);
        auto got = fields(str);
        REQUIRE_MESSAGE(got.size() == want.size(), id, " → ", str);
        // Automatic fields keep their order and specs; numbered ones name each argument once.
        std::multiset<std::string> specs_want, specs_got;
        for (std::size_t i = 0; i < want.size(); ++i) {
          const auto colon = got[i].find(':');
          const std::string index = got[i].substr(0, colon);
          const std::string spec = colon == std::string::npos ? "" : got[i].substr(colon);
          const std::size_t arg = index.empty() ? i : std::stoul(index);
          REQUIRE_MESSAGE(arg < want.size(), id);
          const auto wcolon = want[arg].find(':');
          CHECK_MESSAGE(spec == (wcolon == std::string::npos ? "" : want[arg].substr(wcolon)), id, " → ", str);
        }
        // And fmt accepts it with as many string/number arguments.
        fmt::dynamic_format_arg_store<fmt::format_context> args;
        for (const auto& f : want) {
          if (f.find(':') != std::string::npos) {
            args.push_back(1.5);  // "{:02}", "{:.2f}", "{:02X}"
          } else {
            args.push_back(std::string("x"));
          }
        }
        bool integer_spec = false;
        for (const auto& f : want) {
          // Integer presentations ({:02}, {:04X}) refuse the double stand-in.
          integer_spec = integer_spec || f.find(":02") != std::string::npos || f.find(":04") != std::string::npos ||
                         (f.size() > 2 && f.find(':') != std::string::npos && (f.back() == 'X' || f.back() == 'd'));
        }
        if (!integer_spec) {
          CHECK_NOTHROW(fmt::vformat(str, args));
        }
        ++checked;
      }
    }
    CHECK(checked > 800);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
