// libFuzzer: the TZif reader never crashes on a damaged or hostile zone file
// (it either refuses it with InputError or gives a zone), and a zone it
// accepts answers every question without undefined behaviour: local time is
// the instant plus the offset in force, transitions come in order.
#include "core/error.hpp"
#include "time/zone.hpp"

#include <cstdint>
#include <optional>
#include <string>

using namespace omskplan;
using namespace std::chrono;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::optional<time::TimeZone> z;
  try {
    z = time::TimeZone::parse("fuzz", bytes);
  } catch (const InputError&) {
    return 0;
  }
  // From 1800 to 2200, about once a year.
  for (time::Instant t = time::Instant{seconds{-5'364'662'400}}; t < time::Instant{seconds{7'258'118'400}};
       t += hours{24 * 397 + 5}) {
    const auto info = z->info_at(t);
    // Local time is the instant shifted by the offset in force.
    if (z->to_local(t).time_since_epoch() != t.time_since_epoch() + info.offset) {
      __builtin_trap();
    }
    (void)z->to_instant(z->to_local(t));
  }
  const auto ts = z->transitions(time::Instant{seconds{0}}, time::Instant{seconds{4'102'444'800}});
  for (std::size_t i = 1; i < ts.size(); ++i) {
    if (ts[i].at < ts[i - 1].at) {
      __builtin_trap();
    }
  }
  return 0;
}
