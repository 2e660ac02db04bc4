// libFuzzer: the recurrence-rule parser never crashes; what it accepts
// formats to a canonical text that parses to the same rule; expanding it
// from any day ends, each day after the last, COUNT and UNTIL obeyed; and
// rule_makes agrees with the expansion.
#include "core/error.hpp"
#include "time/rrule.hpp"

#include <cstdint>
#include <optional>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) {
    return 0;
  }
  // The first two bytes pick the first day (within 2000–2089).
  const time::Date first = time::make_date(2000, 1, 1) + std::chrono::days{(data[0] << 8 | data[1]) % 32768};
  const std::string s(reinterpret_cast<const char*>(data + 2), size - 2);
  time::Recurrence r;
  try {
    r = time::parse_recurrence(s);
  } catch (const InputError&) {
    return 0;
  }
  const std::string canon = time::format_recurrence(r);
  if (!(time::parse_recurrence(canon) == r) || time::format_recurrence(time::parse_recurrence(canon)) != canon) {
    __builtin_trap();
  }
  int n = 0;
  std::optional<time::Date> prev;
  time::for_each_day(r, first, first + std::chrono::days{800}, [&](time::Date d) {
    if ((prev && d <= *prev) || (r.until && d > *r.until && d != first) || d < first) {
      __builtin_trap();
    }
    if (d != first && !time::rule_makes(r, first, d)) {
      __builtin_trap();
    }
    prev = d;
    ++n;
    return n < 2000;
  });
  if (r.count && n > *r.count) {
    __builtin_trap();
  }
  return 0;
}
