// libFuzzer: the CSV reader and the money and tax-id parsers on arbitrary bytes.
#include "agreement/tax_ids.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

#include <cstdint>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string s(reinterpret_cast<const char*>(data), size);
  try {
    const auto t = csv::parse(s);
    for (const auto& r : t.rows) {
      if (r.line == 0) {
        __builtin_trap();
      }
    }
  } catch (const InputError&) {
  }
  try {
    const auto k = money::parse_roubles(s);
    if (k < 0 || money::parse_roubles(money::format_roubles(k)) != k) {
      __builtin_trap();
    }
  } catch (const InputError&) {
  }
  agreement::check_inn(s);
  agreement::check_ogrn(s);
  return 0;
}
