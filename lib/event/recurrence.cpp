#include "event/recurrence.hpp"
#include "core/i18n.hpp"

#include "time/expr.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace omskplan::event {

using std::chrono::days;
using time::Date;
using time::Instant;
using time::LocalTime;

namespace {

// How far an occurrence may move off its day: past the longest run of days off.
constexpr days kMoveSlack{14};

LocalTime local_day(Date d) { return LocalTime{d.time_since_epoch()}; }

// "first", "last"… for a weekday's name; in Russian the word agrees with the
// name's gender (понедельник, среда, воскресенье). "" beyond them.
std::string ordinal(int nth, int wd) {
  if (wd == 3 || wd == 5 || wd == 6) {
    switch (nth) {
      case 1: return trc("weekday f", "first");
      case 2: return trc("weekday f", "second");
      case 3: return trc("weekday f", "third");
      case 4: return trc("weekday f", "fourth");
      case 5: return trc("weekday f", "fifth");
      case -1: return trc("weekday f", "last");
      default: return "";
    }
  }
  if (wd == 7) {
    switch (nth) {
      case 1: return trc("weekday n", "first");
      case 2: return trc("weekday n", "second");
      case 3: return trc("weekday n", "third");
      case 4: return trc("weekday n", "fourth");
      case 5: return trc("weekday n", "fifth");
      case -1: return trc("weekday n", "last");
      default: return "";
    }
  }
  switch (nth) {
    case 1: return trc("weekday m", "first");
    case 2: return trc("weekday m", "second");
    case 3: return trc("weekday m", "third");
    case 4: return trc("weekday m", "fourth");
    case 5: return trc("weekday m", "fifth");
    case -1: return trc("weekday m", "last");
    default: return "";
  }
}

}  // namespace

namespace {
constexpr std::array<std::string_view, 5> kOccurrenceNames{"held", "moved", "skipped", "cancelled", "changed"};
constexpr std::array<Word, 5> kOccurrenceWords{NC_("occurrence", "held"), NC_("occurrence", "moved (day off)"),
                                               NC_("occurrence", "skipped (day off)"), NC_("occurrence", "cancelled"),
                                               NC_("occurrence", "changed")};
}  // namespace

std::string_view to_string(OccurrenceState s) { return kOccurrenceNames.at(static_cast<std::size_t>(s)); }
std::string_view word(OccurrenceState s) { return say(kOccurrenceWords, s); }
std::string say_occurrence_state(std::string_view name) {
  return say_name(kOccurrenceNames, kOccurrenceWords, name);
}

const time::TimeZone& series_zone(const Event& series, const time::TimeZone& configured) {
  if (!series.repeat || series.repeat->zone.empty() || series.repeat->zone == configured.name()) {
    return configured;
  }
  // Loaded once a process: zones are few, and the references handed out stay valid.
  static std::map<std::string, time::TimeZone> loaded;
  auto it = loaded.find(series.repeat->zone);
  if (it == loaded.end()) {
    it = loaded.emplace(series.repeat->zone, time::TimeZone::load(series.repeat->zone)).first;
  }
  return it->second;
}

time::Recurrence rule_of(const Event& series) {
  return time::parse_recurrence(series.repeat ? series.repeat->rule : std::string{}, "rule");
}

std::vector<OccurrenceDay> occurrence_days(const Event& series, Date from, Date to, const time::ProductionCalendar& cal,
                                           const time::TimeZone& configured) {
  const time::TimeZone& zone = series_zone(series, configured);
  std::vector<OccurrenceDay> out;
  if (!series.repeat || to < from) {
    return out;
  }
  const auto rule = rule_of(series);
  const Date first = time::local_date(zone.to_local(series.start));
  const std::set<Date> cancelled(series.repeat->cancelled.begin(), series.repeat->cancelled.end());
  const std::set<Date> changed(series.changed_days.begin(), series.changed_days.end());
  // Every nominal day near the window; a moved one must not land on another's day.
  std::vector<OccurrenceDay> near;
  time::for_each_day(rule, first, to + kMoveSlack, [&](Date d) {
    if (d >= from - kMoveSlack) {
      near.push_back({d, d, OccurrenceState::held});
    }
    return true;
  });
  std::set<Date> taken;
  for (auto& o : near) {
    if (cal.is_working(o.nominal) || series.repeat->days_off == RepeatDaysOff::keep) {
      taken.insert(o.nominal);
    }
  }
  for (auto& o : near) {
    if (cancelled.count(o.nominal)) {
      o.state = OccurrenceState::cancelled;
    } else if (changed.count(o.nominal)) {
      o.state = OccurrenceState::changed;
    } else if (series.repeat->days_off != RepeatDaysOff::keep && !cal.is_working(o.nominal)) {
      if (series.repeat->days_off == RepeatDaysOff::skip) {
        o.state = OccurrenceState::skipped;
      } else {
        const Date moved = time::working_day(o.nominal,
                                             series.repeat->days_off == RepeatDaysOff::previous
                                                 ? time::DayOffRule::previous
                                                 : time::DayOffRule::next,
                                             cal);
        if (taken.count(moved)) {
          o.state = OccurrenceState::skipped;
        } else {
          taken.insert(moved);
          o.day = moved;
          o.state = OccurrenceState::moved;
        }
      }
    }
    if (o.day >= from && o.day <= to) {
      out.push_back(o);
    }
  }
  return out;
}

Event occurrence_event(const Event& series, const OccurrenceDay& d, const time::TimeZone& configured) {
  const time::TimeZone& zone = series_zone(series, configured);
  Event e = series;
  const LocalTime local = zone.to_local(series.start);
  const auto clock = local - std::chrono::floor<days>(local);
  e.start = zone.to_instant(local_day(d.day) + clock);
  e.end = e.start + (series.end - series.start);
  const auto shift = e.start - series.start;
  for (auto& p : e.program) {
    p.at += shift;
  }
  e.occurrence = d.nominal;
  e.series_start = series.start;
  e.changed_days.clear();
  return e;
}

std::vector<Event> occurrences_between(const Event& series, Instant from, Instant to,
                                       const time::ProductionCalendar& cal, const time::TimeZone& configured) {
  const time::TimeZone& zone = series_zone(series, configured);
  std::vector<Event> out;
  const auto length = series.end - series.start;
  const Date first = time::local_date(zone.to_local(from - length)) - days{1};
  const Date last = time::local_date(zone.to_local(to)) + days{1};
  for (const auto& d : occurrence_days(series, first, last, cal, zone)) {
    if (d.state != OccurrenceState::held && d.state != OccurrenceState::moved) {
      continue;
    }
    Event e = occurrence_event(series, d, zone);
    if (e.start < to && (e.end > from || (e.end == e.start && e.start >= from))) {
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::optional<Instant> series_until(const Event& series, const time::ProductionCalendar& cal,
                                    const time::TimeZone& configured) {
  const time::TimeZone& zone = series_zone(series, configured);
  const auto rule = rule_of(series);
  if (!rule.count && !rule.until) {
    return std::nullopt;
  }
  const Date first = time::local_date(zone.to_local(series.start));
  Date last = first;
  time::for_each_day(rule, first, time::make_date(2200, 12, 31), [&](Date d) {
    last = d;
    return true;
  });
  // The last day may move forward on a day off.
  Date held = last;
  if (series.repeat && series.repeat->days_off == RepeatDaysOff::next) {
    held = time::working_day(last, time::DayOffRule::next, cal);
  }
  const LocalTime local = zone.to_local(series.start);
  const auto clock = local - std::chrono::floor<days>(local);
  return zone.to_instant(local_day(held) + clock) + (series.end - series.start);
}

Date first_rule_day(const time::Recurrence& r, Date first) {
  if (time::rule_makes(r, first, first)) {
    return first;
  }
  std::optional<Date> next;
  time::Recurrence open = r;
  open.count.reset();
  open.until.reset();
  time::for_each_day(open, first, time::make_date(2200, 12, 31), [&](Date d) {
    if (d > first) {
      next = d;
      return false;
    }
    return true;
  });
  return next.value_or(first);
}

std::string describe_rule(const time::Recurrence& r) {
  static constexpr std::array<const char*, 7> kWeekdays{N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                                       N_("Friday"), N_("Saturday"),  N_("Sunday")};
  static constexpr std::array<const char*, 12> kMonths{N_("January"), N_("February"), N_("March"),     N_("April"),
                                                      N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                                      N_("September"), N_("October"), N_("November"), N_("December")};
  std::string s;
  const long n = r.interval;
  switch (r.freq) {
    case time::Recurrence::Freq::daily:
      s = n == 1 ? tr("daily") : trnf("every {} day", "every {} days", n, n);
      break;
    case time::Recurrence::Freq::weekly:
      s = n == 1 ? tr("weekly") : trnf("every {} week", "every {} weeks", n, n);
      break;
    case time::Recurrence::Freq::monthly:
      s = n == 1 ? tr("monthly") : trnf("every {} month", "every {} months", n, n);
      break;
    case time::Recurrence::Freq::yearly:
      s = n == 1 ? tr("yearly") : trnf("every {} year", "every {} years", n, n);
      break;
  }
  std::vector<std::string> what;
  if (!r.bymonth.empty()) {
    std::string months;
    for (int m : r.bymonth) {
      months += (months.empty() ? "" : ", ") + std::string(tr(kMonths[static_cast<std::size_t>(m - 1)]));
    }
    what.push_back(months);
  }
  if (!r.bymonthday.empty()) {
    std::string list;
    for (int d : r.bymonthday) {
      list += (list.empty() ? "" : ", ") + (d > 0 ? std::to_string(d) : trf("{} from the end", -d));
    }
    what.push_back(trf("on day {}", list));
  }
  if (!r.byday.empty()) {
    std::string list;
    for (const auto& [nth, wd] : r.byday) {
      const std::string name = tr(kWeekdays[static_cast<std::size_t>(wd - 1)]);
      const std::string nth_word = ordinal(nth, wd);
      const std::string item = nth == 0 ? name : nth_word.empty() ? fmt::format("{} ({})", name, nth)
                                                                  : fmt::format("{} {}", nth_word, name);
      list += (list.empty() ? "" : ", ") + item;
    }
    what.push_back(list);
  }
  if (!r.bysetpos.empty()) {
    std::string list;
    for (int p : r.bysetpos) {
      list += (list.empty() ? "" : ", ") + std::to_string(p);
    }
    what.push_back(trf("the day number {} of those", list));
  }
  for (std::size_t i = 0; i < what.size(); ++i) {
    s += (i == 0 ? ": " : "; ") + what[i];
  }
  if (r.count) {
    s += ", " + trnf("{} time", "{} times", *r.count, *r.count);
  }
  if (r.until) {
    s += ", " + trf("until {}", time::format_date(*r.until));
  }
  return s;
}

}  // namespace omskplan::event
