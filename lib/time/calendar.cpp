#include "time/calendar.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>

namespace omskplan::time {

// Generated at configure time from lib/time/calendar/*.toml (see lib/CMakeLists.txt).
struct EmbeddedCalendar {
  int year;
  const char* text;
};
extern const EmbeddedCalendar kEmbeddedCalendars[];
extern const std::size_t kEmbeddedCalendarCount;

using namespace std::chrono;

ProductionCalendar::ProductionCalendar(std::vector<std::string> dirs, Warn warn)
    : dirs_(std::move(dirs)), warn_(std::move(warn)) {}

namespace {

std::string where(const std::string& origin, const toml::source_region& src) {
  return fmt::format("{}:{}:{}", origin, src.begin.line, src.begin.column);
}

std::set<Date> date_list(const toml::table& t, std::string_view key, const std::string& origin, int year) {
  std::set<Date> out;
  const toml::node* node = t.get(key);
  if (!node) {
    return out;
  }
  const toml::array* arr = node->as_array();
  if (!arr) {
    throw InputError(trf("{}: '{}' must be an array of dates", where(origin, node->source()), key));
  }
  for (const toml::node& el : *arr) {
    const auto* d = el.as_date();
    if (!d) {
      throw InputError(trf("{}: '{}' must hold dates like 2024-01-01", where(origin, el.source()), key));
    }
    const toml::date v = d->get();
    const year_month_day ymd{std::chrono::year{v.year}, month{v.month}, day{v.day}};
    if (!ymd.ok() || v.year != year) {
      throw InputError(trf("{}: {}-{:02}-{:02} is not a day of {}", where(origin, el.source()), v.year,
                                   v.month, v.day, year));
    }
    out.insert(sys_days{ymd});
  }
  return out;
}

}  // namespace

CalendarYear ProductionCalendar::parse(std::string_view text, const std::string& origin) {
  toml::table t;
  try {
    t = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
  // toml++ says what is wrong in English; "{0}: {1}" reads the same in English and says "TOML syntax" in Russian.
    throw InputError(trf("{0}: {1}", where(origin, e.source()), e.description()));
  }
  static const std::set<std::string> known{"year", "source", "days_off", "working_weekends", "shortened",
                                           "working_days", "transfers"};
  for (auto&& [k, v] : t) {
    if (!known.count(std::string(k.str()))) {
      throw InputError(trf("{}: unknown key '{}'", where(origin, k.source()), k.str()));
    }
  }
  CalendarYear cy;
  cy.origin = origin;
  const auto y = t["year"].value<int64_t>();
  if (!y || *y < 1900 || *y > 2200) {
    throw InputError(trf("{}:1:1: 'year' (an integer) is required", origin));
  }
  cy.year = static_cast<int>(*y);
  cy.source = t["source"].value_or(std::string{});
  cy.days_off = date_list(t, "days_off", origin, cy.year);
  cy.working_weekends = date_list(t, "working_weekends", origin, cy.year);
  cy.shortened = date_list(t, "shortened", origin, cy.year);
  for (Date d : cy.days_off) {
    if (iso_weekday(d) >= 6) {
      throw InputError(trf("{}: days_off lists {}, a weekend day; list only Mon–Fri days", origin,
                                   format_date(d)));
    }
  }
  for (Date d : cy.working_weekends) {
    if (iso_weekday(d) < 6) {
      throw InputError(trf("{}: working_weekends lists {}, which is not a Saturday or Sunday", origin,
                                   format_date(d)));
    }
  }
  int worked = 0;
  for (Date d = make_date(cy.year, 1, 1); d <= make_date(cy.year, 12, 31); d += days{1}) {
    const bool weekend = iso_weekday(d) >= 6;
    const bool works = weekend ? cy.working_weekends.count(d) > 0 : cy.days_off.count(d) == 0;
    worked += works ? 1 : 0;
  }
  for (Date d : cy.shortened) {
    const bool weekend = iso_weekday(d) >= 6;
    if (weekend ? !cy.working_weekends.count(d) : cy.days_off.count(d) > 0) {
      throw InputError(trf("{}: shortened lists {}, which is not a working day", origin, format_date(d)));
    }
  }
  if (const toml::node* tr = t.get("transfers")) {
    const toml::array* arr = tr->as_array();
    if (!arr) {
      throw InputError(trf("{}: 'transfers' must be an array of {{ from, to }} tables", where(origin, tr->source())));
    }
    for (const toml::node& el : *arr) {
      const toml::table* row = el.as_table();
      const auto* from = row ? row->get_as<toml::date>("from") : nullptr;
      const auto* to = row ? row->get_as<toml::date>("to") : nullptr;
      if (!from || !to) {
        throw InputError(trf("{}: a transfer needs dates 'from' and 'to'", where(origin, el.source())));
      }
      const toml::date v = to->get();
      const Date to_day = sys_days{year_month_day{std::chrono::year{v.year}, month{v.month}, day{v.day}}};
      if (!cy.days_off.count(to_day)) {
        throw InputError(trf("{}: transfer to {} which is not in days_off", where(origin, el.source()),
                                     format_date(to_day)));
      }
    }
  }
  if (const auto total = t["working_days"].value<int64_t>(); total && *total != worked) {
    throw InputError(trf("{}: working_days = {} but the dates give {} working days", origin, *total,
                                 worked));
  }
  return cy;
}

CalendarYear ProductionCalendar::fallback(int y) {
  // Labour Code art. 112: fixed non-working holidays. A holiday on a weekend
  // moves to the next working day, except the January ones.
  CalendarYear cy;
  cy.year = y;
  cy.source = "fallback: Mon–Fri and the fixed holidays of Labour Code art. 112";
  cy.origin = "built-in rules";
  cy.fallback = true;
  std::vector<Date> holidays;
  for (int d = 1; d <= 8; ++d) {
    holidays.push_back(make_date(y, 1, d));
  }
  for (auto [m, d] : {std::pair{2, 23}, {3, 8}, {5, 1}, {5, 9}, {6, 12}, {11, 4}}) {
    holidays.push_back(make_date(y, m, d));
  }
  std::set<Date> off;
  for (Date h : holidays) {
    if (iso_weekday(h) < 6) {
      off.insert(h);
    }
  }
  for (Date h : holidays) {
    if (month_of(h) == 1 || iso_weekday(h) < 6) {
      continue;
    }
    Date next = h + days{1};
    while (iso_weekday(next) >= 6 || off.count(next)) {
      next += days{1};
    }
    off.insert(next);
  }
  cy.days_off = off;
  for (Date h : holidays) {
    const Date before = h - days{1};
    if (month_of(h) != 1 && iso_weekday(before) < 6 && !off.count(before)) {
      cy.shortened.insert(before);
    }
  }
  return cy;
}

std::vector<int> ProductionCalendar::built_in_years() {
  std::vector<int> ys;
  for (std::size_t i = 0; i < kEmbeddedCalendarCount; ++i) {
    ys.push_back(kEmbeddedCalendars[i].year);
  }
  return ys;
}

const CalendarYear& ProductionCalendar::year(int y) const {
  if (auto it = years_.find(y); it != years_.end()) {
    return it->second;
  }
  for (const auto& dir : dirs_) {
    const std::filesystem::path p = std::filesystem::path(dir) / fmt::format("{}.toml", y);
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      continue;
    }
    CalendarYear cy = parse(files::read(p.string(), files::kTextLimit), p.string());
    if (cy.year != y) {
      throw InputError(trf("{}: says year = {} but its name says {}", p.string(), cy.year, y));
    }
    return years_.emplace(y, std::move(cy)).first->second;
  }
  for (std::size_t i = 0; i < kEmbeddedCalendarCount; ++i) {
    if (kEmbeddedCalendars[i].year == y) {
      CalendarYear cy = parse(kEmbeddedCalendars[i].text, fmt::format("built-in calendar/{}.toml", y));
      return years_.emplace(y, std::move(cy)).first->second;
    }
  }
  if (warn_) {
    warn_(trf("no production calendar for {}; using Mon–Fri and the fixed holidays of Labour Code "
                      "art. 112 (add {}.toml to the calendar directory)",
                      y, y));
  }
  return years_.emplace(y, fallback(y)).first->second;
}

bool ProductionCalendar::is_working(Date d) const {
  const CalendarYear& cy = year(year_of(d));
  if (iso_weekday(d) >= 6) {
    return cy.working_weekends.count(d) > 0;
  }
  return cy.days_off.count(d) == 0;
}

bool ProductionCalendar::is_shortened(Date d) const { return year(year_of(d)).shortened.count(d) > 0; }

Date ProductionCalendar::add_working_days(Date from, int n) const {
  if (n == 0) {
    Date d = from;
    for (int guard = 0; !is_working(d) && guard < 60; ++guard) {
      d -= days{1};
    }
    return d;
  }
  const int step = n > 0 ? 1 : -1;
  int left = n > 0 ? n : -n;
  Date d = from;
  while (left > 0) {
    d += days{step};
    if (is_working(d)) {
      --left;
    }
  }
  return d;
}

int ProductionCalendar::working_days_in_year(int y) const {
  int n = 0;
  for (Date d = make_date(y, 1, 1); d <= make_date(y, 12, 31); d += days{1}) {
    n += is_working(d);
  }
  return n;
}

}  // namespace omskplan::time
