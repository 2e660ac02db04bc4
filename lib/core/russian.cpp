#include "core/russian.hpp"

#include <fmt/format.h>

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
  return fmt::format("{} {} {} г.", time::day_of(d), month_genitive(time::month_of(d)), time::year_of(d));
}

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

}  // namespace omskplan::russian
