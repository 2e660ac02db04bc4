#include "inspection/settings.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "time/expr.hpp"

#include <fmt/format.h>

namespace omskplan::inspection {

ScheduleSettings schedule_settings(const config::Settings::Inspection& in) {
  ScheduleSettings cfg;
  auto bad = [&](const std::string& what) {
    throw InputError(trf("{}: inspection.{}", in.origin, what));
  };
  if (!in.visit_days.empty()) {
    cfg.visit_weekdays.clear();
    for (const auto& d : in.visit_days) {
      const auto wd = time::parse_weekday(d);
      if (!wd || *wd > 5) {
        bad(trf("visit_days: '{}' is not a weekday mon…fri", d));
      }
      cfg.visit_weekdays.push_back(*wd);
    }
  }
  if (in.day_start) {
    cfg.day_start = *time::parse_clock(*in.day_start);
  }
  if (in.day_end) {
    cfg.day_end = *time::parse_clock(*in.day_end);
  }
  if (cfg.day_end <= cfg.day_start) {
    bad(tr("day_end must be after day_start"));
  }
  if (in.start_lat) {
    if (!(*in.start_lat >= -90 && *in.start_lat <= 90 && *in.start_lon >= -180 && *in.start_lon <= 180)) {
      bad(tr("start_point is not a point on Earth"));
    }
    cfg.start_point = {*in.start_lat, *in.start_lon};
  }
  if (in.area_lat) {
    if (!(*in.area_lat >= -90 && *in.area_lat <= 90 && *in.area_lon >= -180 && *in.area_lon <= 180)) {
      bad(tr("service_area_center is not a point on Earth"));
    }
    cfg.area_center = {*in.area_lat, *in.area_lon};
  }
  if (in.area_radius_km) {
    if (!(*in.area_radius_km >= 1 && *in.area_radius_km <= 20000)) {
      bad(tr("service_area_radius_km must be 1…20000"));
    }
    cfg.area_radius_km = *in.area_radius_km;
  }
  if (in.start_venue) {
    cfg.start_venue = *in.start_venue;
  }
  if (in.service_min) {
    if (*in.service_min < 1 || *in.service_min > 600) {
      bad(tr("service_minutes must be 1…600"));
    }
    cfg.service = time::Minutes{*in.service_min};
  }
  if (in.max_sites) {
    if (*in.max_sites < 1 || *in.max_sites > 50) {
      bad(tr("max_sites must be 1…50"));
    }
    cfg.max_sites = static_cast<int>(*in.max_sites);
  }
  if (in.speed_kmh) {
    if (!(*in.speed_kmh >= 1 && *in.speed_kmh <= 150)) {
      bad(tr("speed_kmh must be 1…150"));
    }
    cfg.speed_kmh = *in.speed_kmh;
  }
  if (in.detour) {
    if (!(*in.detour >= 1 && *in.detour <= 5)) {
      bad(tr("detour must be 1…5"));
    }
    cfg.detour = *in.detour;
  }
  for (const auto& [risk, days] : in.max_interval_days) {
    try {
      const auto r = parse_risk(risk);
      if (days < 1 || days > 3660) {
        bad(trf("max_interval_days.{} must be 1…3660", risk));
      }
      cfg.max_interval_days[static_cast<std::size_t>(r)] = static_cast<int>(days);
    } catch (const InputError& e) {
      if (std::string(e.what()).find("invalid risk") != std::string::npos) {
        bad(trf("max_interval_days: {}", e.what()));
      }
      throw;
    }
  }
  return cfg;
}

}  // namespace omskplan::inspection
