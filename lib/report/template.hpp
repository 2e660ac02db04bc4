// Report templates in TOML (docs/reports.md): a title pattern, parameters with
// types and defaults, and sections of text (Mustache) and data from named
// queries. Errors are "file:line:col: what".
#pragma once

#include "core/catalog.hpp"

#include "report/document.hpp"
#include "report/queries.hpp"
#include "store/db.hpp"
#include "time/expr.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::report {

enum class ParamType { month, week, year, date, plan, period, quarter, kind, years, event };

struct ParamSpec {
  std::string name;  // what the command line calls it: --month, --week, --year, --as-of, --plan, --period, --quarter, --event
  ParamType type = ParamType::month;
  std::string default_value;  // an expression: "next", "this", "today", "2023-08"
};

struct SectionSpec {
  std::string heading;
  std::string text;               // Mustache
  std::optional<std::string> query;
  std::vector<std::string> columns;  // of the query; empty: all
  bool chart = false;             // draw the query's chart (HTML)
  std::string sheet;              // XLSX: this section starts a sheet of this name («Реестр»)
  Filter filter;                  // which rows of the query: filter = { kind = "concert", status = "held" }
};

struct ReportTemplate {
  std::string id, name, title, subtitle;
  bool landscape = false;  // A4 landscape: wide tables
  // The document's language: its words (statuses, kinds, «Итого») are said in
  // it whatever the interface's. "ru" (the shipped templates) or "en".
  std::string lang = "ru";
  bool approval = false;   // a document to approve: the «УТВЕРЖДАЮ» block (config [document])
  std::vector<ParamSpec> params;
  std::vector<SectionSpec> sections;
  std::string origin;
};

ReportTemplate parse_report_template(std::string_view toml_text, const std::string& origin);
ReportTemplate load_report_template(const std::string& path);

class ReportCatalog {
public:
  using Warn = catalog::Warn;
  ReportCatalog(std::vector<std::string> dirs, Warn warn = {});
  std::vector<ReportTemplate> list() const;
  ReportTemplate get(const std::string& id) const;  // NotFound with a suggestion

private:
  catalog::Catalog<ReportTemplate> catalog_;
};

struct RunOptions {
  std::map<std::string, std::string> params;  // name → value as typed
  std::optional<std::string> narrative_path;  // TOML with achievements, tasks, help, topics
  std::optional<std::string> narrative_text;  // …or its text (from standard input), named by narrative_path
  std::vector<std::string> plan_dirs;         // plan templates (the approver of a work plan)
  Signatures signatures;                      // the approver and the executor (config [document])
  std::vector<std::string> template_dirs;     // event templates (a kind's checklist and run of show)
  std::string precedence_file;                // the user's order of precedence (guest lists)
};

// Resolves the parameters (unknown ones are errors), runs the queries and
// renders the texts.
Document run_report(const ReportTemplate& t, const RunOptions& o, store::Db& db, const time::Context& ctx);

}  // namespace omskplan::report
