#include "core/uuid.hpp"

#include <fmt/format.h>

#include <array>
#include <random>

namespace omskplan {

std::string new_uuid() {
  std::random_device rd;
  std::array<unsigned char, 16> b{};
  for (std::size_t i = 0; i < b.size(); i += 4) {
    const unsigned v = rd();
    for (std::size_t k = 0; k < 4; ++k) {
      b[i + k] = static_cast<unsigned char>(v >> (8 * k));
    }
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  std::string s;
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) {
      s += '-';
    }
    s += fmt::format("{:02x}", b[i]);
  }
  return s;
}

}  // namespace omskplan
