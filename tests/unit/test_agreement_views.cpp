#include "agreement/json.hpp"
#include "agreement/views.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::agreement;

namespace {

Organization builder() {
  Organization o;
  o.id = 3;
  o.name = "ООО «Сибирский строитель»";
  o.inn = "5504945804";
  o.ogrn = "1045573021570";
  return o;
}

Agreement sport() {
  Agreement a;
  a.id = 12;
  a.number = "12-С/2023";
  a.title = "О сотрудничестве в сфере развития детского спорта";
  a.org_id = 3;
  a.sphere = "sport";
  a.status = Status::active;
  a.signed_on = time::make_date(2023, 6, 1);
  a.valid_to = time::make_date(2026, 5, 31);
  a.value = 250'000'000;
  return a;
}

}  // namespace

TEST_SUITE("agreement::views") {
  TEST_CASE("the register names the organization and shows the status of the day and the value in roubles") {
    const auto t = agreements_table({sport()}, {{3, "ООО «Сибирский строитель»"}}, time::make_date(2026, 6, 1));
    REQUIRE(t.rows.size() == 1);
    const std::string text = render::to_text(t, false);
    CHECK(text.find("ООО «Сибирский строитель»") != std::string::npos);
    CHECK(text.find("expired") != std::string::npos);  // past valid_to on that day
    CHECK(text.find("2\u00a0500\u00a0000,00") != std::string::npos);  // no-break spaces between groups
    CHECK(t.rows[0][t.id_column] == "12");
  }

  TEST_CASE("cards and JSON: the organization with its agreements") {
    const auto o = builder();
    const std::string card = org_card(o, {sport()}, time::make_date(2024, 1, 1));
    CHECK(card.rfind("#3 ООО «Сибирский строитель»\n", 0) == 0);
    CHECK(card.find("5504945804") != std::string::npos);
    CHECK(card.find("12-С/2023") != std::string::npos);
    const std::string ac = agreement_card(sport(), o, time::make_date(2024, 1, 1));
    CHECK(ac.find("1 июня 2023\u00a0г.") != std::string::npos);
    const auto j = org_card_json({o, {sport()}}, time::make_date(2024, 1, 1));
    CHECK(j["inn"] == "5504945804");
    REQUIRE(j["agreements"].size() == 1);
    CHECK(j["agreements"][0]["number"] == "12-С/2023");
    const auto unknown = to_json(sport(), nullptr, time::make_date(2024, 1, 1));  // its organization unknown
    CHECK(unknown["number"] == "12-С/2023");
  }

  TEST_CASE("awards and badges: the register and its JSON name each holder") {
    AwardList aw{{Award{1, 2024, 3, "Меценат года", time::make_date(2024, 11, 20), ""}}, {{3, "ООО «Сибирский строитель»"}}};
    const auto j = awards_json(aw);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["org"] == "ООО «Сибирский строитель»");
    CHECK(j[0]["decided_on"] == "2024-11-20");
    BadgeList bl{{Badge{1, 2024, 1, 3, time::make_date(2024, 11, 20)}}, {{3, "ООО «Сибирский строитель»"}}};
    CHECK(badges_json(bl)[0]["number"] == 1);
    const auto t = badges_table(bl.badges, bl.org_names);
    CHECK(t.rows[0][t.id_column] == "1");
    CHECK(render::to_text(awards_table(aw.awards, aw.org_names), false).find("Меценат года") != std::string::npos);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
