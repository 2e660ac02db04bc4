// Reading events from iCalendar files (RFC 5545) as Thunderbird, Outlook,
// Google Calendar and omskplan itself write them: VTIMEZONE (also Outlook's
// Windows zone names and zones defined only in the file), TZID, UTC, floating
// and all-day times, DURATION, folded lines, TEXT escapes, repeating events
// (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides). Imports are idempotent by
// UID: an event exported by omskplan (UID "<uuid>@omskplan") comes back as
// itself, and export → import → export is stable.
#pragma once

#include "event/planner.hpp"
#include "time/expr.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace omskplan::event {

struct IcsImportOptions {
  // A VEVENT using a recurrence rule part omskplan does not expand (BYSETPOS,
  // BYWEEKNO, HOURLY…) is an error; with this it is skipped with a warning.
  bool skip_unsupported = false;
  // The window in which a repeating event that cannot be kept as a series
  // (a rule in a zone with daylight saving, several RRULEs, RDATE…) is
  // expanded occurrence by occurrence: given (--from/--to), it bounds every
  // such event; else a rule without an end is expanded from `back_days` before
  // today to `horizon_days` after it, and a finite one whole.
  std::string from, to;  // date expressions as typed ("2024-01-01", "2024", "2024-Q3"); empty: not given
  int back_days = 366;
  int horizon_days = 731;
};

// One VEVENT in omskplan's terms: a single event, a repeating one whose rule
// omskplan repeats to the same instants (a series), one occurrence of a rule
// it cannot (a DTSTART zone whose offset changes, RDATE…), or a changed
// occurrence of a series.
struct IcsItem {
  std::string uuid;  // the UID ("…@omskplan" stripped); for an occurrence of a rule "UID/20240105T040000Z"
  std::string title;
  std::string notes;
  std::string venue;
  time::Instant start;
  time::Instant end;
  bool all_day = false;
  std::string status;                  // TENTATIVE, CONFIRMED, CANCELLED or empty
  std::vector<std::string> categories;
  int sequence = 0;                    // SEQUENCE: how many times it was revised
  std::string parent;                  // RELATED-TO: the UID of the event it is a part of ("@omskplan" stripped)
  // A repeating event kept as a series: its rule (UNTIL as a day in the
  // configured zone), what a day off does (X-OMSKPLAN-DAYS-OFF, "" when the
  // file does not say) and its EXDATEs as the days the rule makes.
  std::string rule;
  std::string zone;  // the zone whose clock the rule keeps, when not the configured one (Europe/Berlin)
  std::string days_off;
  std::vector<time::Date> cancelled;
  // An occurrence changed on its own (RECURRENCE-ID): its series' UID and the day the rule makes for it.
  std::string occurrence_of;
  std::optional<time::Date> occurrence;
};

// Every occurrence of every VEVENT, in file order. Throws InputError
// "line N: what" (or "UID x: what") on a malformed or unsupported event.
std::vector<IcsItem> read_ics_events(std::string_view text, const time::Context& ctx, const IcsImportOptions& opt,
                                     std::vector<std::string>& warnings);

struct IcsImportResult {
  ImportResult counts;
  std::vector<std::string> warnings;
};
// All or nothing, in one transaction: creates new events, updates changed
// ones (matched by UID), counts unchanged ones. Fields iCalendar does not
// carry (tasks, run of show, participants, level, organizer) are kept.
IcsImportResult import_ics(Services& s, std::string_view text, const IcsImportOptions& opt, bool dry_run = false);

}  // namespace omskplan::event
