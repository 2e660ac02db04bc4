// iCalendar (RFC 5545): a writer that clients accept (CRLF, 75-octet folding
// that never splits a UTF-8 character, TEXT escaping, UID and DTSTAMP on every
// VEVENT, TZID with its VTIMEZONE, all-day as VALUE=DATE) and a reader for
// checking what was written and for importing.
#pragma once

#include "core/date.hpp"
#include "time/zone.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::render {

struct IcsEvent {
  std::string uid;
  std::string summary;
  std::string description;
  std::string location;
  time::Instant start;
  time::Instant end;
  bool all_day = false;  // then start/end dates are the local dates, end exclusive
  int sequence = 0;
  std::string status;    // TENTATIVE, CONFIRMED, CANCELLED or empty
  std::vector<std::string> categories;
  std::optional<time::Instant> last_modified;
  std::string related_to;  // the UID of the event this one is a part of (RELATED-TO;RELTYPE=PARENT)
  std::string rrule;                           // a repeating event's RRULE value
  std::vector<time::Instant> exdates;          // the starts its rule makes that are left out (EXDATE)
  std::vector<time::Instant> exdates_day_off;  // … left out on a day off (EXDATE;X-OMSKPLAN-REASON=DAY-OFF)
  std::string days_off;                        // X-OMSKPLAN-DAYS-OFF: what a day off does to the series
  bool moved_off_day_off = false;              // X-OMSKPLAN-REASON:DAY-OFF — an occurrence the rule's day off moved
  std::optional<time::Instant> recurrence_id;  // this VEVENT stands for the occurrence the rule starts then
  // The zone its times are written in (a series repeating on another zone's
  // clock), with a VTIMEZONE of its own; null: the calendar's zone.
  const time::TimeZone* zone = nullptr;
};

// A VCALENDAR with a VTIMEZONE for `zone` covering the events' span, and one
// for each other zone an event is written in (ten years on: its rule repeats).
std::string write_calendar(const std::vector<IcsEvent>& events, const time::TimeZone& zone, time::Instant dtstamp,
                           std::string_view calendar_name);

std::string escape_text(std::string_view s);
std::string unescape_text(std::string_view s);
// One content line folded to 75 octets, each physical line ending in CRLF.
std::string fold_line(std::string_view line);

struct IcsProperty {
  std::string name;
  std::map<std::string, std::string> params;
  std::string value;
  std::size_t line = 0;  // where it starts in the stream (parse_ics), for messages
};

struct IcsComponent {
  std::string name;
  std::vector<IcsProperty> props;
  std::vector<IcsComponent> children;
  std::size_t line = 0;  // its BEGIN line (parse_ics)

  const IcsProperty* get(std::string_view name) const;
  std::vector<const IcsComponent*> all(std::string_view name) const;
};

// Parses a whole stream; throws InputError "line N: what" on a malformed one.
IcsComponent parse_ics(std::string_view text);

}  // namespace omskplan::render
