#include "agreement/tax_ids.hpp"

#include <doctest/doctest.h>

#include <random>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan::agreement;

TEST_SUITE("agreement::tax_ids") {
  TEST_CASE("the vectors of FACTS.md") {
    for (const char* ok : {"1234567894", "7707083893", "123456789047"}) {
      CHECK_MESSAGE(check_inn(ok).empty(), ok);
    }
    for (const char* ok : {"1022200525819", "1037739010891", "385768585948949", "309565808600188"}) {
      CHECK_MESSAGE(check_ogrn(ok).empty(), ok);
    }
    CHECK(check_inn("1234567895") == "INN 1234567895: the check digit does not match");
    CHECK(check_inn("123456789037") == "INN 123456789037: the check digits do not match");
    CHECK(check_ogrn("1022500001328") == "OGRN 1022500001328: the check digit does not match");
  }

  TEST_CASE("all-zero numbers pass the check digits but are no one's") {
    CHECK(check_inn("0000000000") == "INN 0000000000: it starts with 00, which is no region's code");
    CHECK(check_inn("000000000000") == "INN 000000000000: it starts with 00, which is no region's code");
    CHECK(check_ogrn("0000000000000") == "OGRN 0000000000000: it must start with 1 or 5");
    CHECK(check_ogrn("000000000000000") == "OGRNIP 000000000000000: it must start with 3");
  }

  TEST_CASE("the issue's examples") {
    CHECK(check_inn("5504945804").empty());
    CHECK(check_ogrn("1045573021570").empty());
    CHECK(check_inn("550100000001") == "INN 550100000001: the check digits do not match");
  }

  TEST_CASE("shape errors") {
    CHECK(check_inn("12345") == "INN '12345' must be 10 digits (organization) or 12 digits (person, sole trader)");
    CHECK_FALSE(check_inn("12345678901").empty());
    CHECK_FALSE(check_inn("55049458O4").empty());
    CHECK_FALSE(check_inn("").empty());
    CHECK(check_ogrn("123") == "OGRN '123' must be 13 digits (OGRN) or 15 digits (OGRNIP)");
    CHECK_FALSE(check_ogrn("10455730215701").empty());
  }

  TEST_CASE("generated identifiers: completed ones pass, every single-digit change fails") {
    std::mt19937 rng(1716);
    auto body = [&](int n) {
      std::string s;
      for (int i = 0; i < n; ++i) {
        s += static_cast<char>('0' + rng() % 10);
      }
      return s;
    };
    int checked = 0;
    for (int round = 0; round < 500; ++round) {
      // Real numbers: a region code (not 00) first; an OGRN starts with 1 or 5, an OGRNIP with 3.
      const std::string inn10 = complete_tax_id(TaxIdKind::inn_org, "55" + body(7));
      const std::string inn12 = complete_tax_id(TaxIdKind::inn_person, "72" + body(8));
      const std::string ogrn = complete_tax_id(TaxIdKind::ogrn, (round % 2 ? "1" : "5") + body(11));
      const std::string ogrnip = complete_tax_id(TaxIdKind::ogrnip, "3" + body(13));
      REQUIRE(check_inn(inn10).empty());
      REQUIRE(check_inn(inn12).empty());
      REQUIRE(check_ogrn(ogrn).empty());
      REQUIRE(check_ogrn(ogrnip).empty());
      // Changing the last digit always breaks the check.
      for (const std::string* id : {&inn10, &inn12, &ogrn, &ogrnip}) {
        std::string bad = *id;
        bad.back() = static_cast<char>('0' + (bad.back() - '0' + 1 + rng() % 9) % 10);
        const bool inn = id == &inn10 || id == &inn12;
        CHECK_FALSE((inn ? check_inn(bad) : check_ogrn(bad)).empty());
        ++checked;
      }
    }
    CHECK(checked == 2000);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
