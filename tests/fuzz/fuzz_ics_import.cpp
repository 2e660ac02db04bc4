// libFuzzer: the iCalendar importer's reader on arbitrary bytes. It may refuse
// (InputError) but must not crash, hang or read out of bounds, whatever the
// zones, rules, overrides and dates; and what it returns is sane.
#include "core/error.hpp"
#include "event/ics_import.hpp"
#include "time/calendar.hpp"
#include "time/zone.hpp"

#include <cstdint>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const time::TimeZone zone = time::TimeZone::load("Asia/Omsk");
  static const time::ProductionCalendar calendar;
  static const time::Context ctx = [] {
    time::Context c;
    c.zone = &zone;
    c.calendar = &calendar;
    c.now = *time::parse_utc("2024-03-01T03:00:00Z");
    return c;
  }();
  const std::string s(reinterpret_cast<const char*>(data), size);
  for (bool skip : {false, true}) {
    event::IcsImportOptions opt;
    opt.skip_unsupported = skip;
    opt.from = "2024-01-01";  // a narrow window keeps every input fast
    opt.to = "2024-03-01";
    std::vector<std::string> warnings;
    try {
      for (const auto& it : event::read_ics_events(s, ctx, opt, warnings)) {
        if (it.uuid.empty() || (it.all_day && it.end <= it.start) || it.end < it.start) {
          __builtin_trap();
        }
      }
    } catch (const InputError&) {
    }
  }
  return 0;
}
