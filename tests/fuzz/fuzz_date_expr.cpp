// libFuzzer: the date-expression, offset, duration and clock parsers never
// crash, and what they accept formats back to something they accept again.
#include "core/error.hpp"
#include "time/expr.hpp"

#include <cstdint>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const time::TimeZone zone = time::TimeZone::load("Asia/Omsk");
  static const time::ProductionCalendar cal;
  time::Context ctx;
  ctx.zone = &zone;
  ctx.calendar = &cal;
  ctx.now = *time::parse_utc("2024-05-03T03:30:00Z");
  const std::string s(reinterpret_cast<const char*>(data), size);
  try {
    const auto span = time::parse_date_span(s, ctx);
    if (span.last < span.first) {
      __builtin_trap();
    }
    // An accepted day formats to an ISO date that parses to the same day.
    if (time::parse_date(time::format_date(span.first), ctx) != span.first) {
      __builtin_trap();
    }
  } catch (const InputError&) {
  }
  try {
    time::parse_datetime(s, ctx);
  } catch (const InputError&) {
  }
  if (const auto off = time::parse_offset(s)) {
    const auto again = time::parse_offset(off->text);
    if (!again || again->amount != off->amount || again->unit != off->unit) {
      __builtin_trap();
    }
    const time::LocalTime anchor{time::make_date(2024, 5, 13).time_since_epoch()};
    if (std::labs(off->amount) < 2000) {
      time::apply_offset_to_date(anchor, *off, cal);
    }
  }
  try {
    const auto d = time::parse_duration(s);
    if (time::parse_duration(time::format_duration(d)) != d) {
      __builtin_trap();
    }
  } catch (const InputError&) {
  }
  time::parse_clock(s);
  return 0;
}
