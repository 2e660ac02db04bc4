// Shared fixtures: a frozen clock in Omsk, the shipped calendar, an in-memory database.
#pragma once

#include "event/planner.hpp"
#include "store/db.hpp"
#include "time/calendar.hpp"
#include "time/expr.hpp"
#include "time/zone.hpp"

#include <string>

namespace omskplan::testing {

inline const time::TimeZone& omsk() {
  static const time::TimeZone z = time::TimeZone::load("Asia/Omsk");
  return z;
}

inline const time::ProductionCalendar& calendar() {
  static const time::ProductionCalendar c;
  return c;
}

// A context frozen at `now` (Omsk local time, "YYYY-MM-DD HH:MM").
struct Frozen {
  time::Context ctx;
  explicit Frozen(const std::string& now) {
    ctx.zone = &omsk();
    ctx.calendar = &calendar();
    ctx.now = time::Instant{};
    ctx.now = time::parse_datetime(now, ctx).instant;
  }
};

inline store::Db memory_db() {
  return store::Db::open(":memory:", store::OpenMode::create, {"tester", "omskplan test", "2023-07-01T03:00:00Z"});
}

inline std::string source_dir() { return OMSKPLAN_SOURCE_DIR; }

}  // namespace omskplan::testing
