#include "core/uuid.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <random>

namespace omskplan {

namespace {

// Seeded once a process from the system's entropy (256 bits): a random_device
// per UUID was 8.9% of a bulk import's CPU.
std::mt19937_64& generator() {
  thread_local std::mt19937_64 gen = [] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }();
  return gen;
}

}  // namespace

std::string new_uuid() {
  std::array<unsigned char, 16> b{};
  auto& gen = generator();
  for (std::size_t i = 0; i < b.size(); i += 8) {
    const std::uint64_t v = gen();
    for (std::size_t k = 0; k < 8; ++k) {
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
