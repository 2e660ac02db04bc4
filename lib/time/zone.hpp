// A time zone read from the system's compiled tz database (TZif files under
// /usr/share/zoneinfo or $TZDIR). A small reader of our own instead of
// date::tzdb: that one scans the whole database at start-up (~2.5 ms per
// process, half the budget of `event add`), this one reads one file.
#pragma once

#include "core/date.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace omskplan::time {

struct ZoneInfo {
  std::chrono::seconds offset{0};  // east of UTC
  bool is_dst = false;
  std::string abbrev;              // "+06", "CEST"
};

struct ZoneTransition {
  Instant at;
  ZoneInfo before;
  ZoneInfo after;
};

class TimeZone {
public:
  // Loads `name` ("Asia/Omsk", "UTC"); throws InputError for an unknown zone.
  static TimeZone load(const std::string& name);
  // The zone a TZif file's bytes describe (versions 1 to 4, with the POSIX
  // rule for times past the last transition); InputError naming `name` for
  // anything malformed.
  static TimeZone parse(const std::string& name, const std::string& data);
  // A fixed offset zone, for tests.
  static TimeZone fixed(const std::string& name, std::chrono::seconds offset, const std::string& abbrev);

  const std::string& name() const { return name_; }
  ZoneInfo info_at(Instant t) const;
  LocalTime to_local(Instant t) const;
  // Local wall time to an instant: an ambiguous time takes the earlier instant,
  // a time in a gap is moved forward by the gap.
  Instant to_instant(LocalTime t) const;
  // Offset changes in [from, to).
  std::vector<ZoneTransition> transitions(Instant from, Instant to) const;

private:
  struct Type {
    ZoneInfo info;
  };
  struct RuleDate {
    char kind = 'M';  // 'M' month/week/day, 'J' julian 1..365 no leap, 'N' zero-based day
    int month = 0, week = 0, wday = 0, day = 0;
    int time = 7200;  // seconds after local midnight
  };
  struct PosixRule {
    bool valid = false;
    ZoneInfo std_info;
    bool has_dst = false;
    ZoneInfo dst_info;
    RuleDate start, end;
  };

  static PosixRule parse_posix(const std::string& tz);
  Instant rule_instant(const RuleDate& rd, int year, std::chrono::seconds offset_before) const;
  void rule_transitions_for_year(int year, std::vector<ZoneTransition>& out) const;

  std::string name_;
  std::vector<Instant> times_;
  std::vector<int> type_of_;  // index into types_ per transition
  std::vector<Type> types_;
  int initial_type_ = 0;
  PosixRule rule_;
};

}  // namespace omskplan::time
