// Events as the row/record model of render/: tables for lists, a card for one
// event, iCalendar entries, JSON for conflicts and the agenda.
#pragma once

#include "event/conflicts.hpp"
#include "event/model.hpp"
#include "event/planner.hpp"
#include "event/template.hpp"
#include "render/ics.hpp"
#include "render/table.hpp"
#include "time/zone.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace omskplan::event {

// The list's table: its columns and a row per event (streamed: cmd's RecordPrinter), or all at once.
render::Table events_columns();
render::Row event_row(const Event& e, const time::TimeZone& zone);
render::Table events_table(const std::vector<Event>& events, const time::TimeZone& zone);
render::Table tasks_table(const Event& e, time::Date today);
render::Table program_table(const Event& e, const time::TimeZone& zone);
// An umbrella event's parts (`e.parts`): time, title, venue, VIPs, status.
render::Table parts_table(const Event& e, const time::TimeZone& zone);
// The tasks by due date (then number), as lists and documents show them.
std::vector<const Task*> tasks_by_due(const Event& e);
render::Table agenda_table(const Agenda& a, time::Date today, const time::TimeZone& zone);
render::Table conflicts_table(const std::vector<Conflict>& cs, const time::TimeZone& zone);

nlohmann::ordered_json agenda_json(const Agenda& a, time::Date today, const time::TimeZone& zone);
nlohmann::ordered_json conflicts_json(const std::vector<Conflict>& cs, const time::TimeZone& zone);

// A person-readable card of one event; `markdown` for a Markdown document.
std::string event_card(const Event& e, const time::TimeZone& zone, time::Date today, bool markdown);

render::IcsEvent to_ics(const Event& e, const time::TimeZone& zone);
// A series as one VEVENT with RRULE and EXDATE (cancelled days, days off it
// skips), a VEVENT with RECURRENCE-ID for each occurrence moved off a day off
// or changed on its own.
std::vector<render::IcsEvent> series_to_ics(const SeriesExport& x, const time::TimeZone& zone);
// A series' occurrences: the day held, the day the rule makes, start, state, its own event.
render::Table occurrences_table(const std::vector<OccurrenceRow>& rows, const time::TimeZone& zone);
nlohmann::ordered_json occurrences_json(const std::vector<OccurrenceRow>& rows, const time::TimeZone& zone);

// "2023-08-05 10:00–18:00" or "2023-08-05 10:00 – 2023-08-06 23:00"; all-day: "2023-08-05" / "2023-08-05 – 06".
std::string format_span(const Event& e, const time::TimeZone& zone);

// An event's lessons: number, day added, where each was learned.
render::Table lessons_table(const std::vector<LessonRow>& rows, const time::TimeZone& zone);

// Event templates: what `template show --json` and `template list` print.
nlohmann::ordered_json template_json(const EventTemplate& t);
nlohmann::ordered_json templates_json(const std::vector<CatalogEntry>& entries);
render::Table templates_table(const std::vector<CatalogEntry>& entries);

}  // namespace omskplan::event
