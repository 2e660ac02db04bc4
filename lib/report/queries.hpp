// The named data a report template can show: each query returns a table with
// every column it knows (the template picks and orders them) and adds its
// figures to the report's statistics (for the text).
#pragma once

#include "report/document.hpp"
#include "event/model.hpp"
#include "store/db.hpp"
#include "time/expr.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::report {

struct Period {
  time::Date from;  // inclusive
  time::Date to;    // inclusive
};

// What a template's section keeps of a query's rows (docs/reports.md): events by
// kind, level, status and organizing unit; plans' items by unit; agreements by status.
struct Filter {
  std::string kind, level, status, unit;
  bool empty() const { return kind.empty() && level.empty() && status.empty() && unit.empty(); }
};

// The events a report's sections have read, by period, filter and what was
// loaded of them: the annual report's sections read the year once.
struct EventsRead {
  std::map<std::string, std::vector<event::Event>> by_key;
};

struct QueryContext {
  store::Db& db;
  const time::Context& ctx;
  Period period;       // the month, week or year of the report
  time::Date as_of;    // for registers: the state on this day
  int year = 0;        // for rankings
  std::optional<std::int64_t> plan_id;  // a work plan's document
  std::string plan_period;              // 2024-Q2, 2024, 2024-05, 2024-W19: plans' execution
  std::vector<std::string> plan_dirs;   // plan templates (the approver)
  Signatures signatures = {};           // the approver when a plan's template names none
  Filter filter = {};                   // the section's filter
  std::string kind = {};                // an event kind (the experience of its events)
  std::vector<std::string> template_dirs = {};  // event templates (the kind's checklist and run of show)
  std::optional<std::int64_t> event_id = {};    // an event's guest list, its delegations
  std::string precedence_file = {};             // the user's order of precedence (none: the shipped one)
  std::shared_ptr<EventsRead> events_read = std::make_shared<EventsRead>();  // shared by copies
};

// An event kind as a title says «по подготовке и проведению …»: «Дня города», «концертов».
std::string kind_genitive(std::string_view kind);
// An offset from an event as a checklist says it: «за 30 рабочих дней», «в день проведения».
std::string offset_phrase(const time::Offset& o);

// The filter keys `query` understands ("kind", "level", "status", "unit").
std::vector<std::string> filter_keys(const std::string& query);
// Checks a filter's value (an event kind, level or status, an agreement status; a unit is
// checked when the report runs): InputError naming the value and what is expected.
void check_filter(const std::string& query, const std::string& key, const std::string& value);

struct QueryResult {
  DataTable table;
  std::optional<Chart> chart;
  std::vector<Section> sections;     // a query that gives whole sections (a plan's): these, not `table`
  std::optional<Approval> approval;  // the document's approval block
  // «№ п/п» as the query numbers its rows ("1", "1.1" for a part of event 1);
  // empty: 1, 2, 3…
  std::vector<std::string> numbering;
};

// Known query names, in a stable order.
const std::vector<std::string>& query_names();
// The columns `query` offers: key → Russian header.
const std::vector<Column>& query_columns(const std::string& query);
// Runs `query`; figures go into `stats` (e.g. stats["events_count"] = "12").
QueryResult run_query(const std::string& query, QueryContext& q, std::map<std::string, std::string>& stats);

}  // namespace omskplan::report
