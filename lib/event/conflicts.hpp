// Scheduling conflicts: two events at the same venue whose times overlap, or
// one VIP in two events that overlap or, at different venues, lie closer than
// a travel buffer.
// Cancelled events never conflict, nor does an umbrella event with its own parts.
#pragma once

#include "event/model.hpp"
#include "time/zone.hpp"

#include <string>
#include <vector>

namespace omskplan::event {

struct Conflict {
  enum class Type { venue, vip };
  Type type;
  std::int64_t first_id;   // the earlier-starting event
  std::string first_title;
  time::Instant first_start, first_end;
  std::int64_t second_id;
  std::string second_title;
  time::Instant second_start, second_end;
  std::string subject;     // the venue or the VIP
  long gap_minutes;        // negative: the events overlap by that much
};

std::string_view to_string(Conflict::Type t);
// The word of a conflict's type in a table cell («место проведения», «VIP»).
std::string say_conflict_type(std::string_view name);

// Conflicts between `a` and `b` (participants must be loaded).
std::vector<Conflict> conflicts_between(const Event& a, const Event& b, time::Minutes buffer);
// All conflicts among `events`, ordered by the first event's start.
std::vector<Conflict> find_conflicts(std::vector<Event> events, time::Minutes buffer);
// One line: "venue 'Концертный зал': #3 «…» 10:00–16:00 overlaps #5 «…» 12:00–14:00".
std::string describe(const Conflict& c, const time::TimeZone& zone);

}  // namespace omskplan::event
