#include "core/i18n.hpp"

#include <doctest/doctest.h>
#include <fmt/args.h>

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
    CHECK(trf("no event with id {}", 7) == "нет мероприятия с номером 7");
    CHECK(trnf("{} open finding", "{} open findings", 1, 1) == "1 открытое замечание");
    CHECK(trnf("{} open finding", "{} open findings", 3, 3) == "3 открытых замечания");
    CHECK(trnf("{} open finding", "{} open findings", 11, 11) == "11 открытых замечаний");
    CHECK(trnf("{} open finding", "{} open findings", 21, 21) == "21 открытое замечание");
    CHECK(std::string(tr("a message nobody translated")) == "a message nobody translated");
    i18n::use("en");
    CHECK(i18n::language() == "en");
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
