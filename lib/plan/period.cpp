#include "plan/period.hpp"

#include "core/enums.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace omskplan::plan {

using time::Date;
using std::chrono::days;

std::string_view to_string(Kind k) { return kKindNames.at(static_cast<std::size_t>(k)); }
Kind parse_kind(std::string_view s) { return parse_enum<Kind>(kKindNames, kKindWords, s, tr("plan kind")); }
std::string_view word(Kind k) { return say(kKindWords, k); }
std::string say_kind(std::string_view name) { return say_name(kKindNames, kKindWords, name); }

namespace {

int quarter_of(Date d) { return (time::month_of(d) - 1) / 3 + 1; }
Date first_of_month(Date d) { return time::make_date(time::year_of(d), time::month_of(d), 1); }
Date quarter_first(int y, int q) { return time::make_date(y, 3 * q - 2, 1); }
Date quarter_last(int y, int q) { return time::last_day_of_month(time::make_date(y, 3 * q, 1)); }
Date monday_of(Date d) { return d - days{time::iso_weekday(d) - 1}; }

std::string dd_mm_yyyy(Date d) {
  return fmt::format("{:02}.{:02}.{}", time::day_of(d), time::month_of(d), time::year_of(d));
}

std::string_view month_lower(int m) {
  static const std::array<std::string_view, 12> names{"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                                                      "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
  return names.at(static_cast<std::size_t>(m - 1));
}

// "апрель", "апреля", "апреле", "april", "apr" → 4; 0 when not a month.
int month_from_word(std::string_view w) {
  static const std::array<std::array<std::string_view, 5>, 12> forms{{
      {"январь", "января", "январе", "january", "jan"},
      {"февраль", "февраля", "феврале", "february", "feb"},
      {"март", "марта", "марте", "march", "mar"},
      {"апрель", "апреля", "апреле", "april", "apr"},
      {"май", "мая", "мае", "may", "may"},
      {"июнь", "июня", "июне", "june", "jun"},
      {"июль", "июля", "июле", "july", "jul"},
      {"август", "августа", "августе", "august", "aug"},
      {"сентябрь", "сентября", "сентябре", "september", "sep"},
      {"октябрь", "октября", "октябре", "october", "oct"},
      {"ноябрь", "ноября", "ноябре", "november", "nov"},
      {"декабрь", "декабря", "декабре", "december", "dec"},
  }};
  for (std::size_t m = 0; m < forms.size(); ++m) {
    for (auto f : forms[m]) {
      if (w == f) {
        return static_cast<int>(m) + 1;
      }
    }
  }
  return 0;
}

// "ii", "2", "q2" → 2; 0 when not a quarter number.
int quarter_from_word(std::string_view w) {
  static const std::array<std::string_view, 4> romans{"i", "ii", "iii", "iv"};
  for (std::size_t i = 0; i < romans.size(); ++i) {
    if (w == romans[i] || w == std::to_string(i + 1) || w == fmt::format("q{}", i + 1) ||
        w == fmt::format("{}-й", i + 1)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::optional<int> year_word(std::string_view w) {
  int y = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), y);
  if (ec != std::errc{} || p != w.data() + w.size() || w.size() != 4 || y < 1900 || y > 2200) {
    return std::nullopt;
  }
  return y;
}

// The year of month `m` (or quarter) that falls within the plan's period; the
// period's first year when none does (the caller then says it is outside).
int year_within(const Period& plan, int first_month, int last_month) {
  for (int y = time::year_of(plan.first); y <= time::year_of(plan.last); ++y) {
    const Date a = time::make_date(y, first_month, 1);
    const Date b = time::last_day_of_month(time::make_date(y, last_month, 1));
    if (a <= plan.last && b >= plan.first) {
      return y;
    }
  }
  return time::year_of(plan.first);
}

std::string_view kind_unit_genitive(Kind k) {
  switch (k) {
    case Kind::annual:
      return "года";
    case Kind::quarterly:
      return "квартала";
    case Kind::monthly:
      return "месяца";
    case Kind::weekly:
      return "недели";
  }
  return "периода";
}

std::string_view recurrence_name(Recurrence r) {
  switch (r) {
    case Recurrence::weekly:
      return "weekly";
    case Recurrence::monthly:
      return "monthly";
    case Recurrence::quarterly:
      return "quarterly";
    case Recurrence::none:
      break;
  }
  return "";
}

std::optional<Recurrence> recurrence_from_word(std::string_view w) {
  if (w.empty() || w == "none" || w == "нет") {
    return Recurrence::none;
  }
  if (w == "monthly" || w == "ежемесячно" || w == "month") {
    return Recurrence::monthly;
  }
  if (w == "weekly" || w == "еженедельно" || w == "week") {
    return Recurrence::weekly;
  }
  if (w == "quarterly" || w == "ежеквартально" || w == "quarter") {
    return Recurrence::quarterly;
  }
  return std::nullopt;
}

// Words of a folded text, with the punctuation people put around them dropped.
std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> out;
  for (auto& w : text::split(folded, ' ')) {
    std::string t = text::trim(w);
    while (!t.empty() && (t.back() == ',' || t.back() == '.')) {
      t.pop_back();
    }
    if (!t.empty()) {
      out.push_back(t);
    }
  }
  return out;
}

Due classify(const time::DateSpan& span) {
  Due d;
  d.first = span.first;
  d.last = span.last;
  const int y = time::year_of(span.first);
  if (span.first == span.last) {
    d.base = DueBase::date;
  } else if (span.first == time::make_date(y, 1, 1) && span.last == time::make_date(y, 12, 31)) {
    d.base = DueBase::year;
  } else if (time::day_of(span.first) == 1 && (time::month_of(span.first) - 1) % 3 == 0 &&
             span.last == quarter_last(y, quarter_of(span.first))) {
    d.base = DueBase::quarter;
  } else if (time::day_of(span.first) == 1 && span.last == time::last_day_of_month(span.first)) {
    d.base = DueBase::month;
  } else if (time::iso_weekday(span.first) == 1 && span.last == span.first + days{6}) {
    d.base = DueBase::week;
  } else {
    d.base = DueBase::period;  // not reached: the parser gives only these spans
  }
  return d;
}

}  // namespace

std::string roman(int n) {
  static const std::array<std::pair<int, std::string_view>, 4> parts{{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}}};
  std::string out;
  for (const auto& [v, r] : parts) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  out.append(static_cast<std::size_t>(std::max(n, 0)), 'I');
  return out;
}

Period period_of(Kind kind, Date day) {
  Period p;
  p.kind = kind;
  const int y = time::year_of(day);
  switch (kind) {
    case Kind::annual:
      p.first = time::make_date(y, 1, 1);
      p.last = time::make_date(y, 12, 31);
      p.text = std::to_string(y);
      break;
    case Kind::quarterly: {
      const int q = quarter_of(day);
      p.first = quarter_first(y, q);
      p.last = quarter_last(y, q);
      p.text = fmt::format("{}-Q{}", y, q);
      break;
    }
    case Kind::monthly:
      p.first = first_of_month(day);
      p.last = time::last_day_of_month(day);
      p.text = fmt::format("{}-{:02}", y, time::month_of(day));
      break;
    case Kind::weekly: {
      p.first = monday_of(day);
      p.last = p.first + days{6};
      const auto [wy, w] = time::iso_week_of(day);
      p.text = fmt::format("{}-W{:02}", wy, w);
      break;
    }
  }
  return p;
}

Period parse_period(Kind kind, std::string_view s, const time::Context& ctx) {
  switch (kind) {
    case Kind::annual:
      return period_of(kind, time::make_date(time::parse_year(s, ctx, "--period"), 1, 1));
    case Kind::quarterly:
      return period_of(kind, time::parse_quarter(s, ctx, "--period"));
    case Kind::monthly:
      return period_of(kind, time::parse_month(s, ctx, "--period"));
    case Kind::weekly:
      return period_of(kind, time::parse_week(s, ctx, "--period"));
  }
  throw InputError(trf("invalid --period '{}'", s));
}

Period previous(const Period& p) { return period_of(p.kind, p.first - days{1}); }
Period next(const Period& p) { return period_of(p.kind, p.last + days{1}); }

std::string period_phrase(const Period& p) {
  const int y = time::year_of(p.first);
  switch (p.kind) {
    case Kind::annual:
      return fmt::format("на {} год", y);
    case Kind::quarterly:
      return fmt::format("на {} квартал {} года", roman(quarter_of(p.first)), y);
    case Kind::monthly:
      return fmt::format("на {} {} года", month_lower(time::month_of(p.first)), y);
    case Kind::weekly:
      return "на неделю " + russian::span_phrase(p.first, p.last);
  }
  return p.text;
}

Due parse_due(std::string_view s, std::string_view recurring, const Period& plan, const time::Context& ctx) {
  const std::string typed = text::trim(s);
  const std::string folded = text::fold(typed);
  const auto fail = [&](const std::string& why) -> Due {
    throw InputError(trf("invalid due '{}': {}", text::for_terminal(typed, 80), why));
  };
  if (folded.empty()) {
    fail(tr("empty"));
  }
  // The stored form "2024-04/monthly" (what `plan show --json` prints) reads back as typed.
  std::string rec_typed = text::fold(text::trim(recurring));
  std::string base_typed = folded;
  if (const auto slash = folded.find('/'); slash != std::string::npos) {
    const std::string after = folded.substr(slash + 1);
    if (rec_typed.empty() || rec_typed == after) {
      rec_typed = after;
      base_typed = folded.substr(0, slash);
    }
  }
  auto every = recurrence_from_word(rec_typed);
  if (!every) {
    throw InputError(trf("invalid --recurring '{}'; expected monthly, weekly or quarterly",
                         text::for_terminal(recurring, 40)));
  }
  std::vector<std::string> w = words_of(base_typed);
  // Leading prepositions: «в апреле», «во II квартале», «до 25.04.2024».
  while (!w.empty() && (w.front() == "в" || w.front() == "во" || w.front() == "до" || w.front() == "by" ||
                        w.front() == "in")) {
    w.erase(w.begin());
  }
  // «в течение года» and its kin: the whole period of the plan.
  Due d;
  bool parsed = false;
  if (!w.empty() && (w.front() == "течение" || w.front() == "during" || w.front() == "throughout")) {
    const std::string unit = w.size() > 1 ? w.back() : "";
    static const std::array<std::string_view, 4> english{"year", "quarter", "month", "week"};
    const bool matches = unit == kind_unit_genitive(plan.kind) || unit == "периода" || unit == "period" ||
                         unit == english.at(static_cast<std::size_t>(plan.kind));
    if (!matches) {
      fail(trf("this plan is {}; its whole period is «в течение {}»", word(plan.kind),
               kind_unit_genitive(plan.kind)));
    }
    d.base = DueBase::period;
    parsed = true;
  } else if (w.size() == 1 && (w[0] == "period" || w[0] == "постоянно" || w[0] == "весь" || w[0] == "always")) {
    d.base = DueBase::period;
    parsed = true;
  } else if (w.size() == 1 && recurrence_from_word(w[0]) && *recurrence_from_word(w[0]) != Recurrence::none) {
    const Recurrence r = *recurrence_from_word(w[0]);
    if (*every != Recurrence::none && *every != r) {
      fail(tr("it recurs otherwise than --recurring says"));
    }
    every = r;
    d.base = DueBase::period;
    parsed = true;
  } else if (!w.empty() && month_from_word(w[0]) && w.size() <= 3) {
    // «апрель», «апрель 2024», «апреля 2024 года»
    const int m = month_from_word(w[0]);
    std::optional<int> y;
    if (w.size() >= 2) {
      y = year_word(w[1]);
      if (!y || (w.size() == 3 && w[2] != "года" && w[2] != "г" && w[2] != "г.")) {
        fail(tr("expected a month and perhaps a year, such as «апрель 2024»"));
      }
    }
    const int year = y ? *y : year_within(plan, m, m);
    d.base = DueBase::month;
    d.first = time::make_date(year, m, 1);
    d.last = time::last_day_of_month(d.first);
    parsed = true;
  } else if (w.size() >= 1 && w.size() <= 4 &&
             (quarter_from_word(w[0]) && (w.size() == 1 ? w[0][0] == 'q' : (w[1] == "квартал" || w[1] == "квартале" || w[1] == "quarter")))) {
    // «II квартал», «2 квартал 2024 года», Q2
    const int q = quarter_from_word(w[0]);
    std::optional<int> y;
    if (w.size() >= 3) {
      y = year_word(w[2]);
      if (!y || (w.size() == 4 && w[3] != "года" && w[3] != "г" && w[3] != "г.")) {
        fail(tr("expected a quarter and perhaps a year, such as «II квартал 2024 года»"));
      }
    }
    const int year = y ? *y : year_within(plan, 3 * q - 2, 3 * q);
    d.base = DueBase::quarter;
    d.first = quarter_first(year, q);
    d.last = quarter_last(year, q);
    parsed = true;
  }
  if (!parsed) {
    // Dates as everywhere else: 2024-04-25, 25.04.2024, 2024-04, 2024-Q2, 2024-W17, +5wd, …
    std::string expr = text::join(w, " ");
    // 25.04.2024 (as plans write dates)
    if (expr.size() == 10 && expr[2] == '.' && expr[5] == '.') {
      expr = expr.substr(6, 4) + "-" + expr.substr(3, 2) + "-" + expr.substr(0, 2);
    }
    time::DateSpan span;
    try {
      span = time::parse_date_span(expr, ctx);
    } catch (const InputError&) {
      fail(tr("expected a date (2024-04-25, 25.04.2024), a month (2024-04, «апрель»), a quarter (2024-Q2, «II "
              "квартал»), a week (2024-W17), «в течение квартала» or «ежемесячно»"));
    }
    d = classify(span);
  }
  d.every = *every;
  if (d.base == DueBase::period) {
    d.first = plan.first;
    d.last = plan.last;
  }
  if (d.first < plan.first || d.last > plan.last) {
    fail(trf("it is outside the plan's period {} ({} – {})", plan.text, time::format_date(plan.first),
             time::format_date(plan.last)));
  }
  if (d.first == plan.first && d.last == plan.last && d.base != DueBase::date) {
    d.base = DueBase::period;
  }
  // «ежемесячно, начиная с апреля» in a plan that starts in April is «ежемесячно».
  if (d.every != Recurrence::none && d.base != DueBase::date && d.first == plan.first) {
    d.base = DueBase::period;
    d.last = plan.last;
  }
  if (d.every != Recurrence::none) {
    const bool too_short = (d.every == Recurrence::quarterly && (plan.kind == Kind::monthly || plan.kind == Kind::weekly)) ||
                           (d.every == Recurrence::monthly && plan.kind == Kind::weekly);
    if (too_short) {
      fail(trf("a {} plan has no {} recurrence", word(plan.kind), recurrence_name(d.every)));
    }
  }
  if (control_dates(d, plan, *ctx.calendar).empty()) {
    fail(tr("it has no working day within the plan's period"));
  }
  return d;
}

std::string to_text(const Due& d) {
  std::string base;
  switch (d.base) {
    case DueBase::date:
      base = time::format_date(d.first);
      break;
    case DueBase::week: {
      const auto [y, w] = time::iso_week_of(d.first);
      base = fmt::format("{}-W{:02}", y, w);
      break;
    }
    case DueBase::month:
      base = fmt::format("{}-{:02}", time::year_of(d.first), time::month_of(d.first));
      break;
    case DueBase::quarter:
      base = fmt::format("{}-Q{}", time::year_of(d.first), quarter_of(d.first));
      break;
    case DueBase::year:
      base = std::to_string(time::year_of(d.first));
      break;
    case DueBase::period:
      base = "period";
      break;
  }
  if (d.every != Recurrence::none) {
    base += "/";
    base += recurrence_name(d.every);
  }
  return base;
}

Due due_from_text(std::string_view s, const Period& plan) {
  const auto slash = s.find('/');
  const std::string_view base = s.substr(0, slash);
  Due d;
  if (slash != std::string_view::npos) {
    const auto r = recurrence_from_word(s.substr(slash + 1));
    if (!r) {
      throw StorageError(fmt::format("stored due '{}' has an unknown recurrence", s));
    }
    d.every = *r;
  }
  if (base == "period") {
    d.base = DueBase::period;
    d.first = plan.first;
    d.last = plan.last;
    return d;
  }
  const auto bad = [&] { return StorageError(fmt::format("stored due '{}' is malformed", s)); };
  if (auto day = time::parse_iso_date(base)) {
    d.base = DueBase::date;
    d.first = d.last = *day;
    return d;
  }
  int y = 0;
  if (base.size() < 4 || std::from_chars(base.data(), base.data() + 4, y).ec != std::errc{}) {
    throw bad();
  }
  if (base.size() == 4) {
    d.base = DueBase::year;
    d.first = time::make_date(y, 1, 1);
    d.last = time::make_date(y, 12, 31);
  } else if (base.size() == 7 && base[5] == 'Q') {
    const int q = base[6] - '0';
    if (q < 1 || q > 4) {
      throw bad();
    }
    d.base = DueBase::quarter;
    d.first = quarter_first(y, q);
    d.last = quarter_last(y, q);
  } else if (base.size() == 8 && base[5] == 'W') {
    int w = 0;
    std::from_chars(base.data() + 6, base.data() + 8, w);
    const auto monday = time::iso_week_monday(y, w);
    if (!monday) {
      throw bad();
    }
    d.base = DueBase::week;
    d.first = *monday;
    d.last = *monday + days{6};
  } else if (base.size() == 7) {
    int m = 0;
    std::from_chars(base.data() + 5, base.data() + 7, m);
    if (m < 1 || m > 12) {
      throw bad();
    }
    d.base = DueBase::month;
    d.first = time::make_date(y, m, 1);
    d.last = time::last_day_of_month(d.first);
  } else {
    throw bad();
  }
  return d;
}

std::string due_phrase(const Due& d, const Period& plan) {
  const bool other_year = time::year_of(d.first) != time::year_of(plan.first) ||
                          time::year_of(d.last) != time::year_of(plan.last);
  std::string base;
  switch (d.base) {
    case DueBase::date:
      base = dd_mm_yyyy(d.first);
      break;
    case DueBase::week:
      base = fmt::format("{}–{}", dd_mm_yyyy(d.first).substr(0, 5), dd_mm_yyyy(d.last));
      break;
    case DueBase::month:
      base = std::string(month_lower(time::month_of(d.first))) +
             (other_year ? fmt::format(" {}\u00a0г.", time::year_of(d.first)) : "");
      break;
    case DueBase::quarter:
      base = fmt::format("{} квартал", roman(quarter_of(d.first))) +
             (other_year ? fmt::format(" {}\u00a0г.", time::year_of(d.first)) : "");
      break;
    case DueBase::year:
      base = fmt::format("{} год", time::year_of(d.first));
      break;
    case DueBase::period:
      base = fmt::format("в течение {}", kind_unit_genitive(plan.kind));
      break;
  }
  if (d.every == Recurrence::none) {
    return base;
  }
  const std::string every = d.every == Recurrence::monthly  ? "ежемесячно"
                            : d.every == Recurrence::weekly ? "еженедельно"
                                                            : "ежеквартально";
  switch (d.base) {
    case DueBase::period:
      return every;
    case DueBase::date:
      if (d.every == Recurrence::monthly) {
        return fmt::format("{}, до {} числа", every, time::day_of(d.first));
      }
      return fmt::format("{}, начиная с {}", every, dd_mm_yyyy(d.first));
    case DueBase::month:
      return fmt::format("{}, начиная с {}", every,
                         russian::month_genitive(time::month_of(d.first)));
    default:
      return fmt::format("{}, начиная с {}", every, dd_mm_yyyy(d.first));
  }
}

Date working_day_on_or_before(Date d, const time::ProductionCalendar& cal) { return cal.add_working_days(d, 0); }

std::vector<Date> control_dates(const Due& d, const Period& plan, const time::ProductionCalendar& cal) {
  std::vector<Date> out;
  // The last working day of [first, last], if it has one.
  const auto last_working = [&](Date first, Date last) -> std::optional<Date> {
    const Date w = working_day_on_or_before(last, cal);
    if (w < first) {
      return std::nullopt;
    }
    return w;
  };
  if (d.every == Recurrence::none) {
    if (d.base == DueBase::date) {
      return {d.first};
    }
    if (auto w = last_working(d.first, d.last)) {
      out.push_back(*w);
    } else {
      out.push_back(working_day_on_or_before(d.last, cal));  // a span of days off: the working day before it
    }
    return out;
  }
  // Recurring: from the due's start to the end of the plan's period.
  Date at = d.first;
  while (at <= plan.last) {
    Date span_first = at;
    Date span_last = at;
    switch (d.every) {
      case Recurrence::weekly:
        span_first = monday_of(at);
        span_last = span_first + days{6};
        break;
      case Recurrence::monthly:
        span_first = first_of_month(at);
        span_last = time::last_day_of_month(at);
        break;
      case Recurrence::quarterly:
        span_first = quarter_first(time::year_of(at), quarter_of(at));
        span_last = quarter_last(time::year_of(at), quarter_of(at));
        break;
      case Recurrence::none:
        break;
    }
    const Date lo = std::max(span_first, plan.first);
    const Date hi = std::min(span_last, plan.last);
    if (d.base == DueBase::date && d.every == Recurrence::monthly) {
      // «ежемесячно, до 10 числа»: that day of each month (the last day of a shorter month), the working day before.
      const int day = std::min(time::day_of(d.first), time::day_of(time::last_day_of_month(span_first)));
      const Date target = time::make_date(time::year_of(span_first), time::month_of(span_first), day);
      if (target >= lo && target <= hi) {
        if (auto w = last_working(lo, target)) {
          out.push_back(*w);
        }
      }
    } else if (auto w = last_working(lo, hi)) {
      out.push_back(*w);
    }
    at = span_last + days{1};
  }
  return out;
}

}  // namespace omskplan::plan
