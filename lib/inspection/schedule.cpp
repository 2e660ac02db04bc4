#include "inspection/schedule.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace omskplan::inspection {

using namespace std::chrono;

std::string_view to_string(Risk r) { return kRiskNames.at(static_cast<std::size_t>(r)); }
Risk parse_risk(std::string_view s) { return parse_enum<Risk>(kRiskNames, s, tr("risk class")); }

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

std::string Priority::why() const {
  std::vector<std::string> parts;
  if (overdue > 0) {
    parts.push_back(fmt::format("{:.1f}× its interval since the last visit", overdue));
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
  if (deadline > 0) {
    parts.push_back(trf("deadline near, work lagging {:.2f}", deadline));
  }
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : "; ") + p;
  }
  return out;
}

Priority priority(const SiteFacts& s, time::Date day, const ScheduleSettings& cfg) {
  Priority p;
  const double interval = cfg.max_interval_days.at(static_cast<std::size_t>(s.risk));
  if (s.last_visit) {
    const double since = static_cast<double>((day - *s.last_visit).count());
    p.overdue = std::max(0.0, since / interval);
    p.age = since / 100.0;
  } else {
    // Never visited: the most overdue of all.
    p.overdue = 3.0;
    p.age = static_cast<double>((day - s.since).count()) / 100.0;
  }
  p.findings = s.open_findings + 3.0 * s.overdue_findings + 2.0 * s.critical_findings;
  p.open_findings = s.open_findings;
  p.overdue_findings = s.overdue_findings;
  p.critical_findings = s.critical_findings;
  if (s.deadline && s.progress < 100) {
    const double left = static_cast<double>((*s.deadline - day).count());
    if (left < 90) {
      const double lag = 1.0 - s.progress / 100.0;               // how much work remains
      const double nearness = std::clamp(1.0 - left / 90.0, 0.0, 1.5);  // past deadline counts more
      p.deadline = lag * nearness;
    }
  }
  return p;
}

DayPlan plan_day(time::Date day, const std::vector<SiteFacts>& sites, std::vector<std::size_t> chosen,
                 const ScheduleSettings& cfg) {
  DayPlan plan;
  plan.day = day;
  const time::LocalTime start{day.time_since_epoch() + cfg.day_start};
  const time::LocalTime end{day.time_since_epoch() + cfg.day_end};
  while (true) {
    std::vector<GeoPoint> pts{cfg.start_point};
    for (std::size_t i : chosen) {
      pts.push_back(sites[i].where);
    }
    const Matrix m = travel_minutes(pts, cfg.detour, cfg.speed_kmh);
    const Route r = solve(m);
    std::vector<Stop> stops;
    double t = 0;  // minutes after the start
    std::size_t at = 0;
    for (std::size_t k : r.order) {
      t += m[at][k];
      const auto arrive = start + minutes{static_cast<long>(std::lround(t))};
      t += static_cast<double>(cfg.service.count());
      stops.push_back({chosen[k - 1], arrive, start + minutes{static_cast<long>(std::lround(t))}});
      at = k;
    }
    t += m[at][0];
    const auto back = start + minutes{static_cast<long>(std::lround(t))};
    if (back <= end || chosen.empty()) {
      plan.stops = std::move(stops);
      plan.travel_minutes = r.minutes;
      plan.back = back;
      return plan;
    }
    plan.dropped.push_back(chosen.back());  // the lowest priority goes first
    chosen.pop_back();
  }
}

}  // namespace omskplan::inspection
