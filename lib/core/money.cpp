#include "core/money.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace omskplan::money {

namespace {

constexpr Kopecks kMaxRoubles = 10'000'000'000'000;  // 10^13 roubles

[[noreturn]] void bad(std::string_view s, std::string_view why) {
  throw InputError(trf("invalid amount '{}': {}", s, why));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Kopecks parse_roubles(std::string_view input) {
  std::string_view s = input;
  auto trim = [&] {  // spaces, tabs and no-break spaces at both ends
    while (true) {
      if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
      } else if (s.substr(0, 2) == "\xC2\xA0") {
        s.remove_prefix(2);
      } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
      } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
        s.remove_suffix(2);
      } else {
        break;
      }
    }
  };
  trim();
  for (std::string_view unit : {"₽", "руб.", "руб", "р."}) {
    if (ends_with(s, unit)) {
      s.remove_suffix(unit.size());
      trim();
      break;
    }
  }
  if (s.empty()) {
    bad(input, tr("empty"));
  }
  if (s.front() == '-') {
    bad(input, tr("must not be negative"));
  }
  if (s.front() == '+') {
    s.remove_prefix(1);
  }
  Kopecks roubles = 0;
  Kopecks kop = 0;
  int decimals = -1;  // -1: before the decimal separator
  bool any_digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (decimals < 0) {
        roubles = roubles * 10 + (c - '0');
        if (roubles > kMaxRoubles) {
          bad(input, tr("too large"));
        }
      } else {
        if (++decimals > 2) {
          bad(input, tr("at most two digits after the decimal separator"));
        }
        kop = kop * 10 + (c - '0');
      }
    } else if ((c == ',' || c == '.') && decimals < 0 && any_digit) {
      decimals = 0;
    } else if (c == ' ' && decimals < 0) {
      // digit group separator
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0' && decimals < 0) {
      ++i;  // no-break space as a group separator
    } else if (c == '\xE2' && s.substr(i, 3) == "\xE2\x80\xAF" && decimals < 0) {
      i += 2;  // narrow no-break space
    } else {
      bad(input, tr("expected a number of roubles such as 2500000, 2 500 000,50 or 2500000.50"));
    }
  }
  if (!any_digit) {
    bad(input, tr("no digits"));
  }
  if (decimals == 1) {
    kop *= 10;
  }
  return roubles * 100 + kop;
}

std::string format_roubles(Kopecks k) { return format_amount(k) + "\xC2\xA0₽"; }

std::string format_amount(Kopecks k) {
  const bool neg = k < 0;
  const Kopecks a = neg ? -k : k;
  const std::string digits = std::to_string(a / 100);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      grouped += "\xC2\xA0";
    }
    grouped += digits[i];
  }
  return fmt::format("{}{},{:02}", neg ? "-" : "", grouped, a % 100);
}

std::string format_plain(Kopecks k) {
  const bool neg = k < 0;
  const Kopecks a = neg ? -k : k;
  return fmt::format("{}{}.{:02}", neg ? "-" : "", a / 100, a % 100);
}

Kopecks add(Kopecks a, Kopecks b) {
  Kopecks sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) {
    throw InputError(trf("the amounts add up to more than {}: too much to count", format_roubles(INT64_MAX)));
  }
  return sum;
}

}  // namespace omskplan::money
