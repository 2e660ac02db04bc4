// The named data a report template can show: each query returns a table with
// every column it knows (the template picks and orders them) and adds its
// figures to the report's statistics (for the text).
#pragma once

#include "report/document.hpp"
#include "store/db.hpp"
#include "time/expr.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::report {

struct Period {
  time::Date from;  // inclusive
  time::Date to;    // inclusive
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
};

struct QueryResult {
  DataTable table;
  std::optional<Chart> chart;
  std::vector<Section> sections;     // a query that gives whole sections (a plan's): these, not `table`
  std::optional<Approval> approval;  // the document's approval block
};

// Known query names, in a stable order.
const std::vector<std::string>& query_names();
// The columns `query` offers: key → Russian header.
const std::vector<Column>& query_columns(const std::string& query);
// Runs `query`; figures go into `stats` (e.g. stats["events_count"] = "12").
QueryResult run_query(const std::string& query, QueryContext& q, std::map<std::string, std::string>& stats);

}  // namespace omskplan::report
