#include "agreement/tax_ids.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace omskplan::agreement {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <std::size_t N>
int weighted(std::string_view d, const std::array<int, N>& w) {
  int sum = 0;
  for (std::size_t i = 0; i < N; ++i) {
    sum += w[i] * (d[i] - '0');
  }
  return sum % 11 % 10;
}

constexpr std::array<int, 9> kInn10{2, 4, 10, 3, 5, 9, 4, 6, 8};
constexpr std::array<int, 10> kInn11{7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
constexpr std::array<int, 11> kInn12{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

// (the number formed by `d`) mod `m`, digit by digit: 14 digits overflow nothing, but stay general.
int mod_of(std::string_view d, int m) {
  int r = 0;
  for (char c : d) {
    r = (r * 10 + (c - '0')) % m;
  }
  return r;
}

}  // namespace

std::string check_inn(std::string_view id) {
  if (!digits(id) || (id.size() != 10 && id.size() != 12)) {
    return trf("INN '{}' must be 10 digits (organization) or 12 digits (person, sole trader)", id);
  }
  // The first two digits are the code of the tax office's region: 00 is none
  // (and an all-zero INN passes every check digit).
  if (id.substr(0, 2) == "00") {
    return trf("INN {}: it starts with 00, which is no region's code", id);
  }
  if (id.size() == 10) {
    if (weighted(id, kInn10) != id[9] - '0') {
      return trf("INN {}: the check digit does not match", id);
    }
    return {};
  }
  if (weighted(id, kInn11) != id[10] - '0' || weighted(id, kInn12) != id[11] - '0') {
    return trf("INN {}: the check digits do not match", id);
  }
  return {};
}

std::string check_ogrn(std::string_view id) {
  if (!digits(id) || (id.size() != 13 && id.size() != 15)) {
    return trf("OGRN '{}' must be 13 digits (OGRN) or 15 digits (OGRNIP)", id);
  }
  const bool ip = id.size() == 15;
  // The first digit is the kind of record: 1 or 5 for an organization's OGRN,
  // 3 for a sole trader's OGRNIP (an all-zero number passes the check digit).
  if (ip ? id[0] != '3' : (id[0] != '1' && id[0] != '5')) {
    return ip ? trf("OGRNIP {}: it must start with 3", id) : trf("OGRN {}: it must start with 1 or 5", id);
  }
  const int check = mod_of(id.substr(0, id.size() - 1), ip ? 13 : 11) % 10;
  if (check != id.back() - '0') {
    return ip ? trf("OGRNIP {}: the check digit does not match", id) : trf("OGRN {}: the check digit does not match", id);
  }
  return {};
}

std::string complete_tax_id(TaxIdKind kind, std::string_view body) {
  std::string s(body);
  switch (kind) {
    case TaxIdKind::inn_org:
      s += static_cast<char>('0' + weighted(s, kInn10));
      break;
    case TaxIdKind::inn_person:
      s += static_cast<char>('0' + weighted(s, kInn11));
      s += static_cast<char>('0' + weighted(s, kInn12));
      break;
    case TaxIdKind::ogrn:
      s += static_cast<char>('0' + mod_of(s, 11) % 10);
      break;
    case TaxIdKind::ogrnip:
      s += static_cast<char>('0' + mod_of(s, 13) % 10);
      break;
  }
  return s;
}

}  // namespace omskplan::agreement
