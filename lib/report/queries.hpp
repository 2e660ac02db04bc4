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
};

struct QueryResult {
  DataTable table;
  std::optional<Chart> chart;
};

// Known query names, in a stable order.
const std::vector<std::string>& query_names();
// The columns `query` offers: key → Russian header.
const std::vector<Column>& query_columns(const std::string& query);
// Runs `query`; figures go into `stats` (e.g. stats["events_count"] = "12").
QueryResult run_query(const std::string& query, QueryContext& q, std::map<std::string, std::string>& stats);

}  // namespace omskplan::report
