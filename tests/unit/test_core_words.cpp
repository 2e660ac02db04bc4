#include "core/words.hpp"

#include "agreement/model.hpp"
#include "core/enums.hpp"
#include "core/error.hpp"
#include "event/model.hpp"
#include "inspection/model.hpp"
#include "inspection/schedule.hpp"
#include "plan/model.hpp"
#include "plan/period.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

namespace {

enum class Colour { red, light_blue };
constexpr std::array<std::string_view, 2> kColourNames{"red", "light-blue"};
constexpr std::array<Word, 2> kColourWords{NC_("event status", "held"), NC_("test colour", "light blue")};

// Every word of an enum is translated, and no two words of one enum read the same.
template <std::size_t N>
void check_translated(const std::array<Word, N>& words, const char* what) {
  const i18n::Scope russian("ru");
  std::set<std::string> seen;
  for (const auto& w : words) {
    const std::string ru(say(w));
    CHECK_MESSAGE(ru != w.msgid, what << ": «" << w.msgid << "» has no Russian word");
    CHECK_MESSAGE(seen.insert(ru).second, what << ": «" << ru << "» said twice");
  }
}

}  // namespace

TEST_SUITE("core::words") {
  TEST_CASE("a machine name is said as its word, in the language in use") {
    i18n::use("en");
    CHECK(say_name(kColourNames, kColourWords, "red") == "held");
    CHECK(say_name(kColourNames, kColourWords, "mauve") == "mauve");  // not one of them: as it is
    CHECK(say(kColourWords, Colour::light_blue) == "light blue");
    {
      const i18n::Scope russian("ru");
      CHECK(say_name(kColourNames, kColourWords, "red") == "проведено");
      CHECK(say_name(kColourNames, kColourWords, "light-blue") == "light blue");  // no translation: the msgid
    }
    CHECK(say_yes_no("yes") == "yes");
    i18n::use("ru");
    CHECK(say_yes_no("yes") == "да");
    CHECK(say_yes_no("no") == "нет");
    CHECK(say_yes_no("maybe") == "maybe");
    i18n::use("en");
  }

  TEST_CASE("the values one may type: names in English, names with their words in Russian") {
    i18n::use("en");
    CHECK(choices(agreement::kStatusNames, agreement::kStatusWords) ==
          "draft, signed, active, fulfilled, expired, terminated");
    CHECK_THROWS_WITH(agreement::parse_status("activ"),
                      "invalid agreement status 'activ'; expected one of: draft, signed, active, fulfilled, expired, "
                      "terminated");
    i18n::use("ru");
    CHECK(choices(event::kLevelNames, event::kLevelWords) ==
          "'municipal' («муниципальный»), 'regional' («региональный»), 'intercity' («межмуниципальный»), "
          "'international' («международный»)");
    CHECK_THROWS_WITH(event::parse_level("city"),
                      "уровень: недопустимое значение «city»; допустимые: 'municipal' («муниципальный»), 'regional' "
                      "(«региональный»), 'intercity' («межмуниципальный»), 'international' («международный»)");
    i18n::use("en");
  }

  TEST_CASE("a record by its id and a card's first line") {
    i18n::use("en");
    CHECK(record_ref(12) == "#12");
    CHECK(card_heading(12, "День города") == "#12 День города");
    i18n::use("ru");
    CHECK(record_ref(12) == "ид. 12");
    CHECK(card_heading(12, "День города") == "День города (ид. 12)");
    i18n::use("en");
  }

  TEST_CASE("every enum's words are translated, each once") {
    check_translated(event::kKindWords, "event kind");
    check_translated(event::kKindHeadings, "event kinds");
    check_translated(event::kLevelWords, "event level");
    check_translated(event::kStatusWords, "event status");
    check_translated(event::kTaskStatusWords, "task status");
    check_translated(event::kRepeatDaysOffWords, "days off");
    check_translated(agreement::kOrgKindWords, "organization kind");
    check_translated(agreement::kStatusWords, "agreement status");
    check_translated(agreement::kPartyWords, "party");
    check_translated(inspection::kWorkWords, "work");
    check_translated(inspection::kAgencyKindWords, "agency kind");
    check_translated(inspection::kVisitStatusWords, "visit status");
    check_translated(inspection::kSeverityWords, "severity");
    check_translated(inspection::kFindingStatusWords, "finding status");
    check_translated(inspection::kRiskWords, "risk");
    check_translated(plan::kStatusWords, "plan status");
    check_translated(plan::kPointStateWords, "point state");
    check_translated(plan::kStandingWords, "standing");
    check_translated(plan::kAmendmentKindWords, "amendment");
    check_translated(plan::kKindWords, "plan kind");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
