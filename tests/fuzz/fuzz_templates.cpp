// libFuzzer: event templates, report templates and production-calendar files
// are either loaded or refused with InputError ("file:line:col: …"), never a crash.
#include "core/error.hpp"
#include "report/template.hpp"
#include "event/template.hpp"
#include "time/calendar.hpp"

#include <cstdint>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string s(reinterpret_cast<const char*>(data), size);
  try {
    const auto t = event::parse_event_template(s, "fuzz.toml");
    event::render_title(t.title, time::make_date(2024, 8, 3), t.anniversary_base.value_or(1716));
  } catch (const InputError& e) {
    if (std::string(e.what()).rfind("fuzz.toml", 0) != 0 && std::string(e.what()).find("ordinal") == std::string::npos) {
      __builtin_trap();  // every template error names the file
    }
  }
  try {
    report::parse_report_template(s, "fuzz.toml");
  } catch (const InputError&) {
  }
  try {
    time::ProductionCalendar::parse(s, "fuzz.toml");
  } catch (const InputError&) {
  }
  return 0;
}
