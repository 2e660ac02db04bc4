#include "core/money.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::money;

TEST_SUITE("core::money") {
  TEST_CASE("Russian ways of writing roubles") {
    CHECK(parse_roubles("2500000") == 250000000);
    CHECK(parse_roubles("2 500 000,50") == 250000050);
    CHECK(parse_roubles("2500000.50") == 250000050);
    CHECK(parse_roubles("2500000.5") == 250000050);
    CHECK(parse_roubles("2\xC2\xA0" "500\xC2\xA0" "000,00 ₽") == 250000000);
    CHECK(parse_roubles("1 000 руб.") == 100000);
    CHECK(parse_roubles("0") == 0);
    CHECK(parse_roubles(" 15,05 ") == 1505);
  }

  TEST_CASE("refused: negative, too many decimals, overflow, junk") {
    CHECK_THROWS_WITH(parse_roubles("-100"), "invalid amount '-100': must not be negative");
    CHECK_THROWS_WITH(parse_roubles("1,005"), "invalid amount '1,005': at most two digits after the decimal separator");
    CHECK_THROWS_WITH(parse_roubles("99999999999999999999"), "invalid amount '99999999999999999999': too large");
    CHECK_THROWS_AS(parse_roubles("12abc"), InputError);
    CHECK_THROWS_AS(parse_roubles(""), InputError);
    CHECK_THROWS_AS(parse_roubles("1,000,000"), InputError);
    CHECK_THROWS_AS(parse_roubles(",5"), InputError);
    CHECK_THROWS_AS(parse_roubles("₽"), InputError);
  }

  TEST_CASE("formatting") {
    CHECK(format_roubles(250000000) == "2\xC2\xA0" "500\xC2\xA0" "000,00\xC2\xA0₽");
    CHECK(format_roubles(5) == "0,05\xC2\xA0₽");
    CHECK(format_roubles(100000) == "1\xC2\xA0" "000,00\xC2\xA0₽");
    CHECK(format_plain(250000050) == "2500000.50");
    CHECK(parse_roubles(format_roubles(123456789)) == 123456789);
  }

  TEST_CASE("sums are checked: a register adds up thousands of amounts of up to 10^13 roubles") {
    const money::Kopecks max_amount = 1'000'000'000'000'000;  // 10^13 roubles
    money::Kopecks sum = 0;
    for (int i = 0; i < 9000; ++i) {
      sum = money::add(sum, max_amount);
    }
    CHECK(sum == 9000 * max_amount);
    CHECK_THROWS_AS(
        [&] {
          for (int i = 0; i < 300; ++i) {
            sum = money::add(sum, max_amount);
          }
        }(),
        InputError);
    CHECK(money::add(0, 0) == 0);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
