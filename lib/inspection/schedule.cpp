#include "inspection/schedule.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace omskplan::inspection {

using namespace std::chrono;

std::string_view to_string(Risk r) { return kRiskNames.at(static_cast<std::size_t>(r)); }
Risk parse_risk(std::string_view s) { return parse_enum<Risk>(kRiskNames, kRiskWords, s, tr("risk class")); }
std::string_view word(Risk r) { return say(kRiskWords, r); }
std::string say_risk(std::string_view name) { return say_name(kRiskNames, kRiskWords, name); }

std::optional<time::Date> visit_day(time::Date monday, int weekday, const time::ProductionCalendar& cal) {
  const time::Date wanted = monday + days{weekday - 1};
  if (cal.is_working(wanted)) {
    return wanted;
  }
  for (time::Date d = wanted + days{1}; d <= monday + days{6}; d += days{1}) {
    if (cal.is_working(d)) {
      return d;
    }
  }
  for (time::Date d = wanted - days{1}; d >= monday; d -= days{1}) {
    if (cal.is_working(d)) {
      return d;
    }
  }
  return std::nullopt;
}

std::optional<time::Date> next_visit_day(time::Date monday, const std::vector<int>& weekdays,
                                         const time::ProductionCalendar& cal) {
  for (int week = 1; week <= 53; ++week) {
    std::optional<time::Date> first;
    for (int wd : weekdays) {
      if (const auto d = visit_day(monday + days{7 * week}, wd, cal); d && (!first || *d < *first)) {
        first = d;
      }
    }
    if (first) {
      return first;
    }
  }
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 4> kTierNames{"none", "interval", "findings", "risk"};
}  // namespace

std::string_view to_string(Tier t) { return kTierNames.at(static_cast<std::size_t>(t)); }

namespace {

std::string day_count(int n) { return trnf("{} day", "{} days", n, n); }

int days_between(time::Date from, time::Date to) { return static_cast<int>((to - from).count()); }

}  // namespace

double Priority::total() const {
  const double risk_rank = 5 - static_cast<int>(risk);  // extreme 5 … low 0
  double within = 0;
  switch (tier) {
    case Tier::risk:
    case Tier::interval:
      within = risk_rank * 100 + (!last_visit ? 99 : std::min(98.0, 10.0 * wait / interval));
      break;
    case Tier::findings:
      within = std::min(999.0, 10 * (findings_score() + 10 * lag));
      break;
    case Tier::none:
      within = last_visit ? std::min(999.0, 10.0 * since / interval) : 0;
      break;
  }
  return 1000.0 * static_cast<int>(tier) + within;
}

std::string Priority::why() const {
  std::vector<std::string> parts;
  if (!last_visit) {
    parts.push_back(tr("not visited yet"));
  } else if (since > interval) {
    parts.push_back(trf("last visited on {}; by this week's visit day, {}, {} will have passed; the limit is {}",
                        russian::say_date(*last_visit), russian::say_date(day), day_count(since), day_count(interval)));
  } else if (!next_day) {
    parts.push_back(trf("last visited on {}; no later visit day is known; the limit is {}",
                        russian::say_date(*last_visit), day_count(interval)));
  } else if (by_interval) {
    parts.push_back(trf("last visited on {}; by the next visit day, {}, {} would have passed; the limit is {}",
                        russian::say_date(*last_visit), russian::say_date(*next_day), day_count(wait),
                        day_count(interval)));
  } else {
    parts.push_back(trf("last visited on {}; the next visit day, {}, is in time: {} of the {} allowed",
                        russian::say_date(*last_visit), russian::say_date(*next_day), day_count(wait), interval));
  }
  if (open_findings > 0) {
    std::string f = trnf("{} open finding", "{} open findings", open_findings, open_findings);
    if (overdue_findings > 0) {
      f += trf(", {} overdue", overdue_findings);
    }
    if (critical_findings > 0) {
      f += trf(", {} critical", critical_findings);
    }
    parts.push_back(f);
  }
  if (deadline_passed()) {
    parts.push_back(trf("the deadline passed on {}, {}% done", russian::say_date(*deadline), progress));
  } else if (deadline && lag > 0) {
    parts.push_back(trf("the deadline is {}, in {}, {}% done", russian::say_date(*deadline),
                        day_count(days_between(day, *deadline)), progress));
  }
  return text::join(parts, "; ");
}

namespace {

nlohmann::json date_json(const std::optional<time::Date>& d) {
  return d ? nlohmann::json(time::format_date(*d)) : nlohmann::json();
}

std::optional<time::Date> json_date(const nlohmann::json& j) {
  return j.is_string() ? time::parse_iso_date(j.get<std::string>()) : std::nullopt;
}

}  // namespace

std::string Priority::facts() const {
  return nlohmann::json{{"tier", to_string(tier)},
                        {"risk", to_string(risk)},
                        {"interval", interval},
                        {"last_visit", date_json(last_visit)},
                        {"day", time::format_date(day)},
                        {"next_day", date_json(next_day)},
                        {"since", since},
                        {"wait", wait},
                        {"by_interval", by_interval},
                        {"open", open_findings},
                        {"overdue", overdue_findings},
                        {"critical", critical_findings},
                        {"deadline", date_json(deadline)},
                        {"progress", progress},
                        {"lag", lag}}
      .dump();
}

std::optional<Priority> Priority::from_facts(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object() || !j.contains("tier") || !j.contains("day")) {
    return std::nullopt;  // a plain text explanation (written before schema 11)
  }
  try {
    Priority p;
    const auto tier = j.at("tier").get<std::string>();
    const auto it = std::find(kTierNames.begin(), kTierNames.end(), tier);
    if (it == kTierNames.end()) {
      return std::nullopt;
    }
    p.tier = static_cast<Tier>(it - kTierNames.begin());
    p.risk = parse_risk(j.at("risk").get<std::string>());
    p.interval = j.at("interval").get<int>();
    p.last_visit = json_date(j.at("last_visit"));
    p.day = *json_date(j.at("day"));
    p.next_day = json_date(j.at("next_day"));
    p.since = j.at("since").get<int>();
    p.wait = j.at("wait").get<int>();
    p.by_interval = j.at("by_interval").get<bool>();
    p.open_findings = j.at("open").get<int>();
    p.overdue_findings = j.at("overdue").get<int>();
    p.critical_findings = j.at("critical").get<int>();
    p.deadline = json_date(j.at("deadline"));
    p.progress = j.at("progress").get<int>();
    p.lag = j.at("lag").get<double>();
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Priority priority(const SiteFacts& s, time::Date day, std::optional<time::Date> next_day, const ScheduleSettings& cfg) {
  Priority p;
  p.risk = s.risk;
  p.interval = cfg.max_interval_days.at(static_cast<std::size_t>(s.risk));
  p.last_visit = s.last_visit;
  p.day = day;
  p.next_day = next_day;
  p.open_findings = s.open_findings;
  p.overdue_findings = s.overdue_findings;
  p.critical_findings = s.critical_findings;
  if (s.deadline && s.progress < 100) {
    p.deadline = s.deadline;
    p.progress = s.progress;
    const double left = days_between(day, *s.deadline);
    if (left < 90) {
      const double work_left = 1.0 - s.progress / 100.0;
      p.lag = work_left * std::clamp(1.0 - left / 90.0, 0.0, 1.5);  // a passed deadline counts more
    }
  }
  bool due_by_interval = true;  // never visited
  if (s.last_visit) {
    p.since = std::max(0, days_between(*s.last_visit, day));
    p.wait = next_day ? std::max(0, days_between(*s.last_visit, *next_day)) : p.since;
    // Due when waiting for the next visit day would exceed the interval: a
    // holiday week must not stretch the gap past the limit.
    p.by_interval = p.since > p.interval || !next_day || p.wait > p.interval;
    due_by_interval = p.by_interval;
  }
  if (due_by_interval && (s.risk == Risk::extreme || s.risk == Risk::high)) {
    p.tier = Tier::risk;
  } else if (p.findings_score() >= 3 || p.deadline_passed() || p.lag >= 0.3) {
    p.tier = Tier::findings;
  } else if (due_by_interval) {
    p.tier = Tier::interval;
  }
  return p;
}

bool goes_before(const Priority& a, const SiteFacts& sa, const Priority& b, const SiteFacts& sb) {
  if (a.total() != b.total()) {
    return a.total() > b.total();
  }
  if (a.risk != b.risk) {
    return a.risk < b.risk;
  }
  return sa.code < sb.code;
}

double minutes_alone(const SiteFacts& s, const ScheduleSettings& cfg) {
  const double one_way = distance_km(cfg.start_point, s.where) * cfg.detour / cfg.speed_kmh * 60.0;
  return 2 * one_way + static_cast<double>(cfg.service.count());
}

double km_from_area_center(GeoPoint p, const ScheduleSettings& cfg) { return distance_km(cfg.area_center, p); }

bool in_service_area(GeoPoint p, const ScheduleSettings& cfg) { return km_from_area_center(p, cfg) <= cfg.area_radius_km; }

bool fits_alone(const SiteFacts& s, const ScheduleSettings& cfg) {
  const double alone = minutes_alone(s, cfg);
  // Rounded as plan_day rounds the times it prints.
  return std::isfinite(alone) && std::lround(alone) <= (cfg.day_end - cfg.day_start).count();
}

namespace {

// The day along `order` (nodes 1…n of `m`, node k is site ids[k-1]).
DayPlan timed(time::Date day, const std::vector<std::size_t>& ids, const Matrix& m,
              const std::vector<std::size_t>& order, const ScheduleSettings& cfg) {
  DayPlan plan;
  plan.day = day;
  const time::LocalTime start{day.time_since_epoch() + cfg.day_start};
  double t = 0;  // minutes after the start
  std::size_t at = 0;
  for (std::size_t k : order) {
    t += m[at][k];
    const auto arrive = start + minutes{std::lround(t)};
    t += static_cast<double>(cfg.service.count());
    plan.stops.push_back({ids[k - 1], arrive, start + minutes{std::lround(t)}});
    at = k;
  }
  t += m[at][0];
  plan.back = start + minutes{std::lround(t)};
  plan.travel_minutes = route_minutes(m, order);
  return plan;
}

Matrix day_matrix(const std::vector<SiteFacts>& sites, const std::vector<std::size_t>& ids,
                  const ScheduleSettings& cfg) {
  std::vector<GeoPoint> pts{cfg.start_point};
  for (std::size_t i : ids) {
    pts.push_back(sites[i].where);
  }
  return travel_minutes(pts, cfg.detour, cfg.speed_kmh);
}

}  // namespace

DayPlan plan_day(time::Date day, const std::vector<SiteFacts>& sites, std::vector<std::size_t> chosen,
                 const ScheduleSettings& cfg) {
  const time::LocalTime end{day.time_since_epoch() + cfg.day_end};
  // More sites than the day has time for on site alone can never fit, whatever
  // the route: the lowest go before any routing.
  std::vector<std::size_t> dropped;
  const auto window = (cfg.day_end - cfg.day_start).count();
  while (!chosen.empty() && static_cast<long>(chosen.size()) * cfg.service.count() > window) {
    dropped.push_back(chosen.back());
    chosen.pop_back();
  }
  const Matrix m = day_matrix(sites, chosen, cfg);
  // Nodes 1…n in priority order; the route is solved once, and each site
  // dropped for time leaves the route by its own removal and a local repair.
  std::vector<std::size_t> order = solve(m).order;
  std::size_t lowest = chosen.size();  // node of the lowest priority still in the route
  while (true) {
    DayPlan plan = timed(day, chosen, m, order, cfg);
    if (plan.back <= end || order.empty()) {
      plan.dropped = std::move(dropped);
      return plan;
    }
    order.erase(std::find(order.begin(), order.end(), lowest));
    dropped.push_back(chosen[lowest - 1]);
    --lowest;
    order = improve(m, std::move(order));
  }
}

bool try_insert(DayPlan& plan, const std::vector<SiteFacts>& sites, std::size_t candidate,
                const ScheduleSettings& cfg) {
  std::vector<std::size_t> ids;
  for (const auto& st : plan.stops) {
    ids.push_back(st.site);
  }
  ids.push_back(candidate);
  const Matrix m = day_matrix(sites, ids, cfg);
  std::vector<std::size_t> order(ids.size() - 1);
  std::iota(order.begin(), order.end(), std::size_t{1});
  const std::size_t node = ids.size();
  std::size_t best_pos = 0;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t pos = 0; pos <= order.size(); ++pos) {
    const std::size_t a = pos == 0 ? 0 : order[pos - 1];
    const std::size_t b = pos == order.size() ? 0 : order[pos];
    const double added = m[a][node] + m[node][b] - m[a][b];
    if (added < best) {
      best = added;
      best_pos = pos;
    }
  }
  order.insert(order.begin() + static_cast<long>(best_pos), node);
  order = improve(m, std::move(order));
  DayPlan next = timed(plan.day, ids, m, order, cfg);
  if (next.back > time::LocalTime{plan.day.time_since_epoch() + cfg.day_end}) {
    return false;
  }
  next.dropped = std::move(plan.dropped);
  plan = std::move(next);
  return true;
}

}  // namespace omskplan::inspection
