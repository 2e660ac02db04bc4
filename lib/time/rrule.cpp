#include "time/rrule.hpp"
#include "core/i18n.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <set>

namespace omskplan::time {

using std::chrono::days;

namespace {

constexpr std::array<std::string_view, 7> kDays{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
constexpr int kLastYear = 2200;

int weekday_of(std::string_view s) {
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (kDays[i] == s) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::optional<Date> rule_date(std::string_view v) {
  if (v.size() == 10) {
    return parse_iso_date(v);
  }
  if (v.size() == 8 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return parse_iso_date(fmt::format("{}-{}-{}", v.substr(0, 4), v.substr(4, 2), v.substr(6, 2)));
  }
  return std::nullopt;
}

// The days of one month that BYMONTHDAY/BYDAY pick, or `day` when it has neither.
std::vector<Date> month_days(int year, int month, const Recurrence& r, int day) {
  const Date first = make_date(year, month, 1);
  const Date last = last_day_of_month(first);
  const int len = static_cast<int>((last - first).count()) + 1;
  std::vector<Date> out;
  if (r.bymonthday.empty() && r.byday.empty()) {
    if (day <= len) {
      out.push_back(first + days{day - 1});
    }
    return out;
  }
  std::set<Date> by_md;
  for (int md : r.bymonthday) {
    const int d = md > 0 ? md : len + md + 1;
    if (d >= 1 && d <= len) {
      by_md.insert(first + days{d - 1});
    }
  }
  std::set<Date> by_wd;
  for (const auto& [nth, wd] : r.byday) {
    if (nth == 0) {
      for (Date d = first; d <= last; d += days{1}) {
        if (iso_weekday(d) == wd) {
          by_wd.insert(d);
        }
      }
    } else {
      const Date d = nth_weekday(year, month, nth, wd);
      if (d >= first && d <= last) {
        by_wd.insert(d);
      }
    }
  }
  if (r.bymonthday.empty()) {
    return {by_wd.begin(), by_wd.end()};
  }
  if (r.byday.empty()) {
    return {by_md.begin(), by_md.end()};
  }
  for (Date d : by_md) {
    if (by_wd.count(d)) {
      out.push_back(d);
    }
  }
  return out;
}

// The days of the rule's period `k` from `start`, sorted, BYSETPOS applied.
std::vector<Date> period_days(const Recurrence& r, Date start, long k) {
  const int sy = year_of(start), sm = month_of(start), sd = day_of(start);
  std::vector<Date> out;
  auto month_ok = [&](Date d) {
    return r.bymonth.empty() || std::find(r.bymonth.begin(), r.bymonth.end(), month_of(d)) != r.bymonth.end();
  };
  switch (r.freq) {
    case Recurrence::Freq::daily: {
      const Date d = start + days{k * r.interval};
      bool ok = month_ok(d);
      if (ok && !r.byday.empty()) {
        ok = std::any_of(r.byday.begin(), r.byday.end(), [&](auto p) { return p.second == iso_weekday(d); });
      }
      if (ok && !r.bymonthday.empty()) {
        const int len = day_of(last_day_of_month(d));
        ok = std::any_of(r.bymonthday.begin(), r.bymonthday.end(),
                         [&](int md) { return (md > 0 ? md : len + md + 1) == day_of(d); });
      }
      if (ok) {
        out.push_back(d);
      }
      break;
    }
    case Recurrence::Freq::weekly: {
      const Date week = start - days{(iso_weekday(start) - r.wkst + 7) % 7} + days{7 * k * r.interval};
      if (r.byday.empty()) {
        out.push_back(week + days{(iso_weekday(start) - r.wkst + 7) % 7});
      }
      for (const auto& [nth, wd] : r.byday) {
        out.push_back(week + days{(wd - r.wkst + 7) % 7});
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      std::erase_if(out, [&](Date d) { return !month_ok(d); });
      break;
    }
    case Recurrence::Freq::monthly: {
      const long m0 = sy * 12L + (sm - 1) + k * r.interval;
      const int y = static_cast<int>(m0 / 12), m = static_cast<int>(m0 % 12) + 1;
      if (y > kLastYear) {
        break;
      }
      for (Date d : month_days(y, m, r, sd)) {
        if (month_ok(d)) {
          out.push_back(d);
        }
      }
      break;
    }
    case Recurrence::Freq::yearly: {
      const long y = sy + k * r.interval;
      if (y > kLastYear) {
        break;
      }
      std::vector<int> months = r.bymonth;
      if (months.empty()) {
        months = !r.byday.empty() && r.bymonthday.empty() ? std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
                                                          : std::vector<int>{sm};
      }
      std::sort(months.begin(), months.end());
      for (int m : months) {
        for (Date d : month_days(static_cast<int>(y), m, r, sd)) {
          out.push_back(d);
        }
      }
      break;
    }
  }
  if (!r.bysetpos.empty() && !out.empty()) {
    std::set<Date> picked;
    const long n = static_cast<long>(out.size());
    for (int p : r.bysetpos) {
      const long i = p > 0 ? p - 1 : n + p;
      if (i >= 0 && i < n) {
        picked.insert(out[static_cast<std::size_t>(i)]);
      }
    }
    out.assign(picked.begin(), picked.end());
  }
  return out;
}

long period_length(Recurrence::Freq f) {
  switch (f) {
    case Recurrence::Freq::daily: return 1;
    case Recurrence::Freq::weekly: return 7;
    case Recurrence::Freq::monthly: return 28;
    case Recurrence::Freq::yearly: return 365;
  }
  return 1;
}

}  // namespace

Date nth_weekday(int year, int month, int nth, int wday) {
  const Date first = make_date(year, month, 1);
  if (nth > 0) {
    const int delta = (wday - iso_weekday(first) + 7) % 7;
    return first + days{delta + 7 * (nth - 1)};
  }
  const Date last = last_day_of_month(first);
  const int delta = (iso_weekday(last) - wday + 7) % 7;
  return last - days{delta + 7 * (-nth - 1)};
}

Recurrence parse_recurrence(std::string_view typed, std::string_view what,
                            const std::function<Date(std::string_view)>& until_datetime) {
  std::string value = text::trim(typed);
  for (char& c : value) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
  if (value.starts_with("RRULE:")) {
    value.erase(0, 6);
  }
  auto bad = [&](const std::string& why) { return InputError(trf("invalid {} '{}': {}", what, typed, why)); };
  auto unsupported = [&](const std::string& why) {
    return RuleUnsupported(trf("invalid {} '{}': {}", what, typed, why));
  };
  if (value == "DAILY" || value == "WEEKLY" || value == "MONTHLY" || value == "YEARLY") {
    value = "FREQ=" + value;
  }
  if (value.empty()) {
    throw bad(tr("expected a rule such as FREQ=WEEKLY;BYDAY=MO"));
  }
  Recurrence r;
  bool has_freq = false;
  std::set<std::string> seen;
  for (const auto& part : text::split(value, ';')) {
    if (part.empty()) {
      continue;
    }
    const auto eq = part.find('=');
    if (eq == std::string::npos) {
      throw bad(trf("part '{}' is not NAME=VALUE", part));
    }
    const std::string k = part.substr(0, eq), v = part.substr(eq + 1);
    if (!seen.insert(k).second) {
      throw bad(trf("{} is given twice", k));
    }
    auto number = [&](const std::string& s, int lo, int hi) {
      const bool sign = !s.empty() && (s[0] == '-' || s[0] == '+');
      int n = 0;
      const char* b = s.data() + (sign ? 1 : 0);
      const auto [p, ec] = std::from_chars(b, s.data() + s.size(), n);
      const int signed_n = !s.empty() && s[0] == '-' ? -n : n;
      if (s.size() <= static_cast<std::size_t>(sign) || ec != std::errc{} || p != s.data() + s.size() || signed_n < lo ||
          signed_n > hi || signed_n == 0) {
        throw bad(trf("{}={}: '{}' is out of range {}…{}", k, v, s, lo, hi));
      }
      return signed_n;
    };
    if (k == "FREQ") {
      has_freq = true;
      if (v == "DAILY") {
        r.freq = Recurrence::Freq::daily;
      } else if (v == "WEEKLY") {
        r.freq = Recurrence::Freq::weekly;
      } else if (v == "MONTHLY") {
        r.freq = Recurrence::Freq::monthly;
      } else if (v == "YEARLY") {
        r.freq = Recurrence::Freq::yearly;
      } else if (v == "HOURLY" || v == "MINUTELY" || v == "SECONDLY") {
        throw unsupported(trf("FREQ={} is not supported (DAILY, WEEKLY, MONTHLY, YEARLY are)", v));
      } else {
        throw bad(trf("FREQ={} is not DAILY, WEEKLY, MONTHLY or YEARLY", v));
      }
    } else if (k == "INTERVAL") {
      r.interval = number(v, 1, 1000);
    } else if (k == "COUNT") {
      r.count = number(v, 1, 100000);
    } else if (k == "UNTIL") {
      if (auto d = rule_date(v)) {
        r.until = *d;
      } else if (until_datetime && v.size() >= 15) {
        r.until = until_datetime(v);
      } else {
        throw bad(trf("UNTIL={} is not a date such as 20241230", v));
      }
    } else if (k == "BYDAY") {
      for (const auto& d : text::split(v, ',')) {
        const std::string wd = d.size() >= 2 ? d.substr(d.size() - 2) : d;
        const int w = weekday_of(wd);
        if (w == 0) {
          throw bad(trf("BYDAY '{}' is not a weekday (MO, TU, WE, TH, FR, SA, SU, with a number: -1FR)", d));
        }
        const std::string n = d.substr(0, d.size() - 2);
        r.byday.emplace_back(n.empty() ? 0 : number(n, -53, 53), w);
      }
    } else if (k == "BYMONTHDAY") {
      for (const auto& d : text::split(v, ',')) {
        r.bymonthday.push_back(number(d, -31, 31));
      }
    } else if (k == "BYMONTH") {
      for (const auto& d : text::split(v, ',')) {
        r.bymonth.push_back(number(d, 1, 12));
      }
    } else if (k == "BYSETPOS") {
      for (const auto& d : text::split(v, ',')) {
        r.bysetpos.push_back(number(d, -366, 366));
      }
    } else if (k == "WKST") {
      r.wkst = weekday_of(v);
      if (r.wkst == 0) {
        throw bad(trf("WKST '{}' is not a weekday", v));
      }
    } else if (k == "BYWEEKNO" || k == "BYYEARDAY" || k == "BYHOUR" || k == "BYMINUTE" || k == "BYSECOND") {
      throw unsupported(trf("{} is not supported", k));
    } else {
      throw bad(trf("{} is not a part of a rule", k));
    }
  }
  if (!has_freq) {
    throw bad(tr("no FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)"));
  }
  if (r.count && r.until) {
    throw bad(tr("COUNT and UNTIL together; a rule ends one way"));
  }
  if (r.freq == Recurrence::Freq::weekly && !r.bymonthday.empty()) {
    throw bad(tr("BYMONTHDAY with FREQ=WEEKLY (RFC 5545 forbids it)"));
  }
  if (!r.bysetpos.empty() && r.byday.empty() && r.bymonthday.empty() && r.bymonth.empty()) {
    throw bad(tr("BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to pick from"));
  }
  for (const auto& [nth, wd] : r.byday) {
    if (nth != 0 && (r.freq == Recurrence::Freq::daily || r.freq == Recurrence::Freq::weekly)) {
      throw bad(tr("a numbered BYDAY (-1FR) needs FREQ=MONTHLY or YEARLY"));
    }
    if (nth != 0 && r.freq == Recurrence::Freq::yearly && r.bymonth.empty()) {
      throw unsupported(tr("FREQ=YEARLY with a numbered BYDAY and no BYMONTH is not supported"));
    }
    if (nth < -5 || nth > 5) {
      throw unsupported(tr("BYDAY beyond the 5th weekday of a month is not supported"));
    }
  }
  std::sort(r.bymonth.begin(), r.bymonth.end());
  r.bymonth.erase(std::unique(r.bymonth.begin(), r.bymonth.end()), r.bymonth.end());
  return r;
}

std::string format_recurrence(const Recurrence& r) {
  static constexpr std::array<std::string_view, 4> kFreq{"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
  std::string s = fmt::format("FREQ={}", kFreq[static_cast<std::size_t>(r.freq)]);
  auto list = [](const std::vector<int>& v) {
    std::string out;
    for (int n : v) {
      out += (out.empty() ? "" : ",") + std::to_string(n);
    }
    return out;
  };
  if (r.interval != 1) {
    s += fmt::format(";INTERVAL={}", r.interval);
  }
  if (!r.bymonth.empty()) {
    s += ";BYMONTH=" + list(r.bymonth);
  }
  if (!r.bymonthday.empty()) {
    s += ";BYMONTHDAY=" + list(r.bymonthday);
  }
  if (!r.byday.empty()) {
    std::string days_;
    for (const auto& [nth, wd] : r.byday) {
      days_ += (days_.empty() ? "" : ",") + (nth == 0 ? std::string{} : std::to_string(nth)) +
               std::string(kDays[static_cast<std::size_t>(wd - 1)]);
    }
    s += ";BYDAY=" + days_;
  }
  if (!r.bysetpos.empty()) {
    s += ";BYSETPOS=" + list(r.bysetpos);
  }
  if (r.wkst != 1) {
    s += fmt::format(";WKST={}", kDays[static_cast<std::size_t>(r.wkst - 1)]);
  }
  if (r.count) {
    s += fmt::format(";COUNT={}", *r.count);
  }
  if (r.until) {
    s += fmt::format(";UNTIL={:04}{:02}{:02}", year_of(*r.until), month_of(*r.until), day_of(*r.until));
  }
  return s;
}

void for_each_day(const Recurrence& r, Date first, Date last, const std::function<bool(Date)>& f) {
  if (r.until) {
    last = std::min(last, *r.until);
  }
  last = std::min(last, make_date(kLastYear, 12, 31));
  if (first > last) {
    return;
  }
  if (!f(first)) {
    return;
  }
  int n = 1;
  const long step = period_length(r.freq) * r.interval;
  for (long k = 0; first + days{(k - 1) * step} <= last; ++k) {
    for (Date d : period_days(r, first, k)) {
      if (d <= first) {
        continue;
      }
      if (d > last || (r.count && n >= *r.count)) {
        return;
      }
      ++n;
      if (!f(d)) {
        return;
      }
    }
  }
}

bool rule_makes(const Recurrence& r, Date first, Date d) {
  if (d < first) {
    return false;
  }
  Recurrence open = r;
  open.count.reset();
  open.until.reset();
  long k = 0;
  switch (r.freq) {
    case Recurrence::Freq::daily: k = (d - first).count(); break;
    case Recurrence::Freq::weekly:
      k = (d - (first - days{(iso_weekday(first) - r.wkst + 7) % 7})).count() / 7;
      break;
    case Recurrence::Freq::monthly: k = (year_of(d) * 12L + month_of(d)) - (year_of(first) * 12L + month_of(first)); break;
    case Recurrence::Freq::yearly: k = year_of(d) - year_of(first); break;
  }
  if (k % r.interval != 0) {
    return false;
  }
  const auto made = period_days(open, first, k / r.interval);
  return std::find(made.begin(), made.end(), d) != made.end();
}

}  // namespace omskplan::time
