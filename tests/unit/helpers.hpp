// Shared fixtures: a frozen clock in Omsk, the shipped calendar, an in-memory database.
#pragma once

#include "event/planner.hpp"
#include "store/db.hpp"
#include "time/calendar.hpp"
#include "time/expr.hpp"
#include "time/zone.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

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
// A file or directory of the source tree: source_path("examples", "templates").
// (Joined as paths: GCC 12 warns falsely about string + literal at -O2.)
inline std::string source_path(std::string_view dir, std::string_view name = {}) {
  auto p = std::filesystem::path(OMSKPLAN_SOURCE_DIR) / dir;
  if (!name.empty()) {
    p /= name;
  }
  return p.string();
}

// The first column of the first row of `sql`.
inline std::int64_t count(store::Db& db, const char* sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.get_int(0);
}

// A fresh directory under the system's temporary one, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("omskplan-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace omskplan::testing
