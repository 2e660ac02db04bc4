// The occurrences of a repeating event: the days its rule makes (RFC 5545),
// moved or left out on days off of the production calendar as the event
// says, less the days cancelled and those changed on their own (events of
// their own). Computed, never stored; pure, given the calendar and the zone.
#pragma once

#include "event/model.hpp"
#include "time/calendar.hpp"
#include "time/rrule.hpp"
#include "time/zone.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::event {

enum class OccurrenceState {
  held,       // on the day the rule makes
  moved,      // a day off: held on the working day before or after
  skipped,    // a day off: not held (skip), or moved onto another occurrence's day
  cancelled,  // cancelled by hand (`event occurrence cancel`)
  changed     // an event of its own (`event occurrence edit`)
};
std::string_view to_string(OccurrenceState s);
// The word people read (in the user's language), and that of a machine name.
std::string_view word(OccurrenceState s);
std::string say_occurrence_state(std::string_view name);

struct OccurrenceDay {
  time::Date nominal;  // the day the rule makes (iCalendar's RECURRENCE-ID)
  time::Date day;      // the day it is held (the nominal one unless moved)
  OccurrenceState state = OccurrenceState::held;
};

// The zone whose clock a series repeats: its own (an imported rule), else `configured`.
const time::TimeZone& series_zone(const Event& series, const time::TimeZone& configured);

// The series' rule; InputError when it is not a valid one.
time::Recurrence rule_of(const Event& series);

// Each day the rule makes whose held (or, when not held, nominal) day lies in
// [from, to], by nominal day, with its state.
std::vector<OccurrenceDay> occurrence_days(const Event& series, time::Date from, time::Date to,
                                           const time::ProductionCalendar& cal, const time::TimeZone& zone);

// The occurrence of `series` on `d`: the series with the start moved to
// that day at the same clock time (the run of show with it), `occurrence`
// set to the nominal day and `series_start` to the series' own start.
Event occurrence_event(const Event& series, const OccurrenceDay& d, const time::TimeZone& zone);

// The occurrences held (not skipped, cancelled or changed) that overlap [from, to).
std::vector<Event> occurrences_between(const Event& series, time::Instant from, time::Instant to,
                                       const time::ProductionCalendar& cal, const time::TimeZone& zone);

// The end of the series' last occurrence, none when it never ends.
std::optional<time::Instant> series_until(const Event& series, const time::ProductionCalendar& cal,
                                          const time::TimeZone& zone);

// The day the series is held first when it starts on `first`: `first` when its
// rule makes it, else the rule's next day.
time::Date first_rule_day(const time::Recurrence& r, time::Date first);

// A rule to show to a person: "еженедельно: пн", "ежемесячно: последняя пт".
std::string describe_rule(const time::Recurrence& r);

}  // namespace omskplan::event
