#include "core/russian.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace omskplan::russian {

namespace {
constexpr std::array<std::string_view, 12> kGenitive{"января", "февраля", "марта",    "апреля",
                                                     "мая",    "июня",    "июля",     "августа",
                                                     "сентября", "октября", "ноября", "декабря"};
constexpr std::array<std::string_view, 12> kNominative{"Январь", "Февраль", "Март",     "Апрель",
                                                       "Май",    "Июнь",    "Июль",     "Август",
                                                       "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
}  // namespace

std::string_view month_genitive(int month) { return kGenitive.at(month - 1); }
std::string_view month_nominative(int month) { return kNominative.at(month - 1); }

std::string format_date(time::Date d) {
  return fmt::format("{} {} {}\u00a0г.", time::day_of(d), month_genitive(time::month_of(d)), time::year_of(d));
}

std::string say_date(time::Date d) {
  return i18n::language() == "ru" ? format_date(d) : time::format_date(d);
}

std::string say_number(double v, int decimals, bool sign) {
  std::string out = sign ? fmt::format("{:+.{}f}", v, decimals) : fmt::format("{:.{}f}", v, decimals);
  if (i18n::words_language() == "ru") {
    std::replace(out.begin(), out.end(), '.', ',');
  }
  return out;
}

std::string typeset(std::string_view s) {
  static constexpr std::string_view kNo = "№", kNbsp = "\u00a0";
  const auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, kNo.size(), kNo) == 0) {
      // «№ 45», «№45», «№  45» → «№ 45» (no-break); «№ п/п» stays.
      std::size_t j = i + kNo.size();
      while (j < s.size() && s[j] == ' ') {
        ++j;
      }
      out += kNo;
      if (digit(j)) {
        out += kNbsp;
        i = j;
      } else {
        i += kNo.size();
      }
      continue;
    }
    if (s[i] == ' ' && i > 0 && digit(i - 1) &&
        (s.compare(i + 1, 3, "г.") == 0 || s.compare(i + 1, 5, "гг.") == 0)) {
      out += kNbsp;  // «2024 г.»
      ++i;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::string span_phrase(time::Date from, time::Date to) {
  const int fy = time::year_of(from), ty = time::year_of(to);
  const int fm = time::month_of(from), tm = time::month_of(to);
  if (fy != ty) {
    return fmt::format("с {} по {}", format_date(from), format_date(to));
  }
  if (fm != tm) {
    return fmt::format("с {} {} по {} {} {}\u00a0г.", time::day_of(from), month_genitive(fm), time::day_of(to),
                       month_genitive(tm), ty);
  }
  return fmt::format("с {} по {} {} {}\u00a0г.", time::day_of(from), time::day_of(to), month_genitive(tm), ty);
}

std::string quoted(std::string_view name) { return i18n::nest_quotes("«" + std::string(name) + "»"); }

std::string_view plural(long n, std::string_view one, std::string_view few, std::string_view many) {
  const long a = n < 0 ? -n : n;
  const long mod100 = a % 100;
  const long mod10 = a % 10;
  if (mod100 >= 11 && mod100 <= 14) {
    return many;
  }
  if (mod10 == 1) {
    return one;
  }
  if (mod10 >= 2 && mod10 <= 4) {
    return few;
  }
  return many;
}

std::string count(long n, std::string_view one, std::string_view few, std::string_view many) {
  return fmt::format("{} {}", n, plural(n, one, few, many));
}

std::string sort_key(std::string_view s) {
  // Two bytes a code point: a weight that puts ё (and Ё) right after е.
  std::string key;
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = text::decode_utf8(s, pos);
    if (cp >= U'A' && cp <= U'Z') {
      cp += 32;
    } else if (cp >= 0x0410 && cp <= 0x042F) {
      cp += 0x20;
    } else if (cp == 0x0401) {
      cp = 0x0451;
    }
    unsigned weight;
    if (cp >= U'0' && cp <= U'9') {
      weight = 0x100 + (cp - U'0');
    } else if (cp >= 0x0430 && cp <= 0x0435) {  // а … е
      weight = 0x200 + 2 * (cp - 0x0430);
    } else if (cp == 0x0451) {  // ё
      weight = 0x200 + 2 * 5 + 1;
    } else if (cp >= 0x0436 && cp <= 0x044F) {  // ж … я
      weight = 0x200 + 2 * (cp - 0x0430);
    } else if (cp >= U'a' && cp <= U'z') {
      weight = 0x300 + (cp - U'a');
    } else if (cp < 0x80) {
      weight = 0x10 + cp;  // spaces and punctuation first
    } else {
      weight = 0x400 + (cp & 0xBFFF);
    }
    key += static_cast<char>((weight >> 8) & 0xFF);
    key += static_cast<char>(weight & 0xFF);
  }
  return key;
}

bool collate_less(std::string_view a, std::string_view b) { return sort_key(a) < sort_key(b); }

}  // namespace omskplan::russian
