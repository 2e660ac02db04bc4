// libFuzzer: the iCalendar writer round trip. Arbitrary text as the summary,
// description and location is written, every physical line is at most 75
// octets and valid UTF-8 when the input was, and the reader gets the text back.
// The reader is also fed the raw bytes.
#include "core/error.hpp"
#include "core/text.hpp"
#include "render/ics.hpp"

#include <cstdint>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const time::TimeZone zone = time::TimeZone::load("Asia/Omsk");
  const std::string s(reinterpret_cast<const char*>(data), size);
  try {
    render::parse_ics(s);
  } catch (const InputError&) {
  }
  if (!text::is_valid_utf8(s)) {
    return 0;
  }
  std::string clean;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n') {
      clean += c;
    }
  }
  render::IcsEvent e;
  e.uid = "fuzz@omskplan";
  e.summary = clean;
  e.description = clean;
  e.location = clean;
  e.start = *time::parse_utc("2024-05-03T03:30:00Z");
  e.end = e.start + std::chrono::hours{2};
  const std::string out = render::write_calendar({e}, zone, e.start, "fuzz");
  std::size_t pos = 0;
  while (pos < out.size()) {
    const auto end = out.find("\r\n", pos);
    if (end == std::string::npos || end - pos > 75 || !text::is_valid_utf8(out.substr(pos, end - pos))) {
      __builtin_trap();
    }
    pos = end + 2;
  }
  const auto cal = render::parse_ics(out);
  const auto evs = cal.all("VEVENT");
  if (evs.size() != 1) {
    __builtin_trap();
  }
  std::string expect;  // CR LF pairs become one newline
  for (std::size_t i = 0; i < clean.size(); ++i) {
    expect += clean[i];
  }
  if (evs[0]->get("SUMMARY") && render::unescape_text(evs[0]->get("SUMMARY")->value) != expect) {
    __builtin_trap();
  }
  return 0;
}
