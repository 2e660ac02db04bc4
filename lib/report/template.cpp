#include "report/template.hpp"
#include "event/planner.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"
#include "core/toml_input.hpp"
#include "event/model.hpp"
#include "plan/period.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace omskplan::report {

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

// Variables a template's texts may use, besides stats.* and narrative.*.
const std::set<std::string>& known_vars() {
  static const std::set<std::string> v{"month",   "month_name", "month_lower", "month_genitive", "year", "next_year",
                                       "week",    "week_from",  "week_to", "week_span",     "as_of",          "today", "period_from",
                                       "period_to", "period", "quarter", "quarter_phrase", "kind", "kind_genitive", "years", "years_phrase",
                                       "event_title", "event_date", "event_time", "event_venue"};
  return v;
}

// Sections nested deeper than this are refused before the Mustache parser
// sees them (its memory grows with the depth: 30 000 levels took 7.9 GB).
constexpr int kMaxSectionDepth = 16;

// The deepest nesting of {{#…}}/{{^…}} sections, or an error for a delimiter
// change (which would hide the sections from this count).
std::string check_nesting(const std::string& text) {
  int depth = 0;
  std::size_t i = 0;
  while ((i = text.find("{{", i)) != std::string::npos) {
    std::size_t j = i + 2;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) {
      ++j;
    }
    const char c = j < text.size() ? text[j] : '\0';
    if (c == '=') {
      return tr("changing the Mustache delimiters ({{=…=}}) is not supported");
    }
    if (c == '#' || c == '^') {
      if (++depth > kMaxSectionDepth) {
        return trf("sections nested deeper than {} levels", kMaxSectionDepth);
      }
    } else if (c == '/') {
      --depth;
    }
    i = j;
  }
  return {};
}

// Checks Mustache syntax and that every variable is known.
std::string check_text(const std::string& text) {
  if (auto problem = check_nesting(text); !problem.empty()) {
    return problem;
  }
  kainjow::mustache::mustache m{text};
  if (!m.is_valid()) {
    return "invalid Mustache: " + m.error_message();
  }
  std::size_t i = 0;
  std::vector<std::string> sections;
  while ((i = text.find("{{", i)) != std::string::npos) {
    const auto e = text.find("}}", i);
    std::string tag = text::trim(text.substr(i + 2, e - i - 2));
    i = e + 2;
    if (tag.empty() || tag[0] == '!' || tag[0] == '=') {
      continue;
    }
    if (tag[0] == '#' || tag[0] == '^' || tag[0] == '/' || tag[0] == '&' || tag[0] == '{') {
      tag = text::trim(tag.substr(1));
      if (!tag.empty() && tag.back() == '}') {
        tag.pop_back();
      }
    }
    if (tag == "." || tag.rfind("stats.", 0) == 0 || tag.rfind("narrative.", 0) == 0 || known_vars().count(tag)) {
      continue;
    }
    return trf("unknown placeholder '{{{{{}}}}}'", tag);
  }
  return {};
}

}  // namespace

ReportTemplate parse_report_template(std::string_view toml_text, const std::string& origin) {
  const toml_input::Reader r(origin);
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
  // toml++ says what is wrong in English; "{0}: {1}" reads the same in English and says "TOML syntax" in Russian.
    r.fail(e.source(), trf("{0}", e.description()));
  }
  const toml::source_region top{{1, 1}, {1, 1}, {}};
  r.check_keys(root, {"id", "name", "title", "subtitle", "lang", "landscape", "approval", "param", "section"}, "");
  ReportTemplate t;
  t.origin = origin;
  t.id = r.req_string(root, "id", top);
  t.name = r.req_string(root, "name", top);
  t.title = r.req_string(root, "title", top);
  t.subtitle = r.opt_string(root, "subtitle").value_or("");
  if (const toml::node* n = root.get("lang")) {
    auto l = n->value<std::string>();
    if (!l || (*l != "ru" && *l != "en")) {
      r.fail(n->source(), tr("'lang' must be \"ru\" or \"en\""));
    }
    t.lang = *l;
  }
  if (const toml::node* n = root.get("landscape")) {
    auto b = n->value<bool>();
    if (!b) {
      r.fail(n->source(), tr("'landscape' must be true or false"));
    }
    t.landscape = *b;
  }
  if (const toml::node* n = root.get("approval")) {
    auto b = n->value<bool>();
    if (!b) {
      r.fail(n->source(), tr("'approval' must be true or false"));
    }
    t.approval = *b;
  }
  for (const char* key : {"title", "subtitle"}) {
    if (const toml::node* n = root.get(key)) {
      if (auto problem = check_text(*n->value<std::string>()); !problem.empty()) {
        r.fail(n->source(), problem);
      }
    }
  }
  std::set<std::string> names;
  r.each_table(root, "param", [&](const toml::table& param) {
    const toml::table* p = &param;
    r.check_keys(*p, {"name", "type", "default"}, "param");
    ParamSpec spec;
    spec.name = r.req_string(*p, "name", p->source());
    const std::string type = r.req_string(*p, "type", p->source());
    if (type == "month") {
      spec.type = ParamType::month;
    } else if (type == "week") {
      spec.type = ParamType::week;
    } else if (type == "year") {
      spec.type = ParamType::year;
    } else if (type == "date") {
      spec.type = ParamType::date;
    } else if (type == "plan") {
      spec.type = ParamType::plan;
    } else if (type == "period") {
      spec.type = ParamType::period;
    } else if (type == "quarter") {
      spec.type = ParamType::quarter;
    } else if (type == "kind") {
      spec.type = ParamType::kind;
    } else if (type == "years") {
      spec.type = ParamType::years;
    } else if (type == "event") {
      spec.type = ParamType::event;
    } else {
      r.fail(p->get("type")->source(),
           trf("invalid type '{}'; expected one of: month, week, year, date, plan, period, quarter, kind, years, event", type));
    }
    static const std::set<std::string> allowed_names{"month",  "week",    "year", "as-of", "plan",
                                                     "period", "quarter", "kind", "years", "event"};
    if (!allowed_names.count(spec.name)) {
      r.fail(p->get("name")->source(),
           trf("unknown parameter '{}'; expected one of: month, week, year, as-of, plan, period, quarter, kind, years, event",
               spec.name));
    }
    if (!names.insert(spec.name).second) {
      r.fail(p->get("name")->source(), trf("parameter '{}' is given twice", spec.name));
    }
    spec.default_value = r.opt_string(*p, "default").value_or("");
    t.params.push_back(std::move(spec));
  });
  if (!root.get("section")) {
    r.fail(top, tr("a report needs at least one [[section]]"));
  }
  r.each_table(root, "section", [&](const toml::table& section) {
    const toml::table* s = &section;
    r.check_keys(*s, {"heading", "text", "query", "columns", "chart", "sheet", "filter"}, "section");
    SectionSpec spec;
    spec.heading = r.opt_string(*s, "heading").value_or("");
    spec.sheet = r.opt_string(*s, "sheet").value_or("");
    if (const toml::node* n = s->get("sheet")) {
      // Excel's rules for a sheet's name: 1–31 characters, none of []:*?/\ .
      if (spec.sheet.empty() || text::display_width(spec.sheet) > 31 ||
          spec.sheet.find_first_of("[]:*?/\\") != std::string::npos || spec.sheet.front() == '\'') {
        r.fail(n->source(), tr("'sheet' must be 1 to 31 characters, none of []:*?/\\ and not starting with '"));
      }
    }
    spec.text = r.opt_string(*s, "text").value_or("");
    for (const char* key : {"heading", "text"}) {
      if (const toml::node* n = s->get(key)) {
        if (auto problem = check_text(*n->value<std::string>()); !problem.empty()) {
          r.fail(n->source(), problem);
        }
      }
    }
    if (const toml::node* q = s->get("query")) {
      const std::string name = r.opt_string(*s, "query").value_or("");
      const auto& known = query_names();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        r.fail(q->source(), trf("unknown query '{}'; expected one of: {}", name, typed_list(known)));
      }
      spec.query = name;
      if (const toml::node* cs = s->get("columns")) {
        const toml::array* carr = cs->as_array();
        if (!carr) {
          r.fail(cs->source(), tr("'columns' must be an array of column names"));
        }
        const auto& cols = query_columns(name);
        for (const toml::node& c : *carr) {
          auto v = c.value<std::string>();
          if (!v) {
            r.fail(c.source(), tr("'columns' must hold column names"));
          }
          if (std::none_of(cols.begin(), cols.end(), [&](const Column& k) { return k.key == *v; })) {
            std::vector<std::string_view> keys;
            for (const auto& k : cols) {
              keys.push_back(k.key);
            }
            r.fail(c.source(), trf("query '{}' has no column '{}'; it has: {}", name, *v, typed_list(keys)));
          }
          spec.columns.push_back(*v);
        }
      }
      if (const toml::node* ch = s->get("chart")) {
        auto b = ch->value<bool>();
        if (!b) {
          r.fail(ch->source(), tr("'chart' must be true or false"));
        }
        spec.chart = *b;
      }
      if (const toml::node* fn = s->get("filter")) {
        const toml::table* ft = fn->as_table();
        if (!ft) {
          r.fail(fn->source(), tr("'filter' must be a table: filter = { kind = \"concert\", status = \"held\" }"));
        }
        const auto keys = filter_keys(name);
        for (auto&& [k, v] : *ft) {
          const std::string key(k.str());
          if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            r.fail(v.source(), keys.empty() ? trf("query '{}' takes no filter", name)
                                            : trf("query '{}' has no filter '{}'; it has: {}", name, key,
                                                  typed_list(keys)));
          }
          auto value = v.value<std::string>();
          if (!value || text::trim(*value).empty()) {
            r.fail(v.source(), trf("filter '{}' must be a non-empty string", key));
          }
          try {
            check_filter(name, key, *value);
          } catch (const InputError& e) {
            r.fail(v.source(), e.what());
          }
          (key == "kind" ? spec.filter.kind : key == "level" ? spec.filter.level
                                            : key == "status" ? spec.filter.status
                                                              : spec.filter.unit) = text::trim(*value);
        }
      }
    } else if (s->get("columns") || s->get("chart") || s->get("filter")) {
      r.fail(s->source(), tr("'columns', 'chart' and 'filter' need a 'query'"));
    }
    if (spec.text.empty() && !spec.query && spec.heading.empty()) {
      r.fail(s->source(), tr("an empty section: give it a heading, a text or a query"));
    }
    t.sections.push_back(std::move(spec));
  });
  return t;
}

ReportTemplate load_report_template(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw InputError(trf("{}: is a directory, not a report template", path));
  }
  const std::string data = files::read(path, files::kTextLimit);
  if (!text::is_valid_utf8(data)) {
    throw InputError(trf("{}: not valid UTF-8", path));
  }
  return parse_report_template(data, path);
}

ReportCatalog::ReportCatalog(std::vector<std::string> dirs, Warn warn)
    : catalog_(std::move(dirs), load_report_template,
               {[](const std::string& e) { return trf("skipping report {}", e); },
                [](const std::string& id, const std::string& near) {
                  return trf("unknown report '{}'{}", id,
                             near.empty() ? tr(" (see 'omskplan report list')") : trf("; did you mean '{}'?", near));
                }},
               std::move(warn)) {}

std::vector<ReportTemplate> ReportCatalog::list() const {
  std::vector<ReportTemplate> out;
  for (auto& e : catalog_.list()) {
    out.push_back(std::move(e.item));
  }
  return out;
}

ReportTemplate ReportCatalog::get(const std::string& id) const { return catalog_.get(id); }

namespace {

struct Resolved {
  std::optional<Period> period;
  std::optional<time::Date> as_of;
  std::optional<int> year;
  std::optional<std::int64_t> plan_id;
  std::optional<std::int64_t> event_id;
  std::string plan_period;
  std::string kind;
  kainjow::mustache::data vars{kainjow::mustache::data::type::object};
};

void resolve_param(const ParamSpec& p, const std::string& value, const time::Context& ctx, Resolved& r) {
  switch (p.type) {
    case ParamType::month: {
      const time::Date first = time::parse_month(value, ctx, "--" + p.name);
      r.period = Period{first, time::last_day_of_month(first)};
      const int m = time::month_of(first);
      r.vars.set("month", fmt::format("{:04}-{:02}", time::year_of(first), m));
      r.vars.set("month_name", std::string(russian::month_nominative(m)));
      r.vars.set("month_lower", text::fold(russian::month_nominative(m)));
      r.vars.set("month_genitive", std::string(russian::month_genitive(m)));
      r.year = time::year_of(first);
      break;
    }
    case ParamType::week: {
      const time::Date monday = time::parse_week(value, ctx, "--" + p.name);
      r.period = Period{monday, monday + days{6}};
      const auto [y, w] = time::iso_week_of(monday);
      r.vars.set("week", fmt::format("{}-W{:02}", y, w));
      r.vars.set("week_from", russian::format_date(monday));
      r.vars.set("week_to", russian::format_date(monday + days{6}));
      r.vars.set("week_span", russian::span_phrase(monday, monday + days{6}));
      r.year = y;
      break;
    }
    case ParamType::year: {
      const int y = time::parse_year(value, ctx, "--" + p.name);
      r.year = y;
      r.period = Period{time::make_date(y, 1, 1), time::make_date(y, 12, 31)};
      break;
    }
    case ParamType::date: {
      r.as_of = time::parse_date(value, ctx);
      r.vars.set("as_of", russian::format_date(*r.as_of));
      break;
    }
    case ParamType::plan: {
      const std::string t = text::trim(value);
      if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos) {
        throw InputError(trf("invalid --{} '{}': expected a plan's number (omskplan plan list shows them)", p.name,
                             text::for_terminal(value, 40)));
      }
      r.plan_id = std::stoll(t);
      break;
    }
    case ParamType::period: {
      r.plan_period = text::trim(value);
      r.vars.set("period", r.plan_period);
      break;
    }
    case ParamType::quarter: {
      const time::Date first = time::parse_quarter(value, ctx, "--" + p.name);
      const int q = (time::month_of(first) - 1) / 3 + 1;
      const int y = time::year_of(first);
      r.period = Period{first, time::last_day_of_month(first + days{62})};
      r.year = y;
      // The plans of the quarter too: `plan_execution` reads this.
      r.plan_period = fmt::format("{}-Q{}", y, q);
      r.vars.set("quarter", r.plan_period);
      r.vars.set("quarter_phrase", fmt::format("{} квартал {} года", plan::roman(q), y));
      break;
    }
    case ParamType::kind: {
      r.kind = std::string(event::to_string(event::parse_kind(text::trim(value))));
      r.vars.set("kind", r.kind);
      r.vars.set("kind_genitive", kind_genitive(r.kind));
      break;
    }
    case ParamType::event: {
      const std::string t = text::trim(value);
      if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos) {
        throw InputError(trf("invalid --{} '{}': expected an event's id (omskplan event list shows them)", p.name,
                             text::for_terminal(value, 40)));
      }
      r.event_id = std::stoll(t);
      break;
    }
    case ParamType::years: {
      // 2023, or 2022-2024: whole years.
      const std::string v = text::trim(value);
      const auto dash = v.find('-');
      const int from = time::parse_year(v.substr(0, dash), ctx, "--" + p.name);
      const int to = dash == std::string::npos ? from : time::parse_year(v.substr(dash + 1), ctx, "--" + p.name);
      if (to < from || to - from > 50) {
        throw InputError(trf("invalid --{} '{}': expected a year or years such as 2022-2024", p.name,
                             text::for_terminal(value, 40)));
      }
      r.year = to;
      r.period = Period{time::make_date(from, 1, 1), time::make_date(to, 12, 31)};
      r.vars.set("years", from == to ? std::to_string(from) : fmt::format("{}–{}", from, to));
      r.vars.set("years_phrase", from == to ? fmt::format("{} год", from) : fmt::format("{}–{} годы", from, to));
      break;
    }
  }
}

kainjow::mustache::data narrative_data(const std::string& path, const std::optional<std::string>& text) {
  toml::table t;
  try {
    t = toml::parse(text ? *text : files::read(path, files::kTextLimit), path);
  } catch (const toml::parse_error& e) {
  // toml++ says what is wrong in English; "{0}: {1}" reads the same in English and says "TOML syntax" in Russian.
    throw InputError(trf("{0}: {1}", fmt::format("{}:{}:{}", path, e.source().begin.line, e.source().begin.column),
                         e.description()));
  }
  const toml_input::Reader r(path);
  r.check_keys(t, {"achievements", "tasks", "help", "topics"}, "");
  kainjow::mustache::data out{kainjow::mustache::data::type::object};
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    if (auto s = v.value<std::string>()) {
      out.set(key, *s);
    } else if (const toml::array* arr = v.as_array()) {
      kainjow::mustache::data list{kainjow::mustache::data::type::list};
      for (const toml::node& el : *arr) {
        auto s2 = el.value<std::string>();
        if (!s2) {
          r.fail(el.source(), trf("'{}' must hold strings", key));
        }
        list.push_back(*s2);
      }
      out.set(key, list);
    } else {
      r.fail(v.source(), trf("'{}' must be a string or an array of strings", key));
    }
  }
  return out;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (const auto& line : text::split(text, '\n')) {
    if (text::trim(line).empty()) {
      if (!text::trim(cur).empty()) {
        out.push_back(text::trim(cur));
      }
      cur.clear();
    } else {
      cur += (cur.empty() ? "" : "\n") + line;
    }
  }
  if (!text::trim(cur).empty()) {
    out.push_back(text::trim(cur));
  }
  return out;
}

// The columns a template names, in its order (and the totals row with them).
DataTable pick(const DataTable& t, const std::vector<std::string>& columns) {
  DataTable picked;
  std::vector<std::size_t> idx;
  for (const auto& c : columns) {
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      if (t.columns[k].key == c) {
        idx.push_back(k);
        picked.columns.push_back(t.columns[k]);
      }
    }
  }
  for (std::size_t row = 0; row < t.rows.size(); ++row) {
    std::vector<std::string> cells;
    std::vector<double> values;
    for (auto k : idx) {
      cells.push_back(t.rows[row][k]);
      values.push_back(row < t.values.size() && k < t.values[row].size() ? t.values[row][k]
                                                                         : kNoValue);
    }
    picked.rows.push_back(std::move(cells));
    picked.values.push_back(std::move(values));
  }
  if (t.totals) {
    std::vector<std::string> totals;
    for (auto k : idx) {
      totals.push_back((*t.totals)[k]);
    }
    for (auto k : idx) {
      picked.total_values.push_back(k < t.total_values.size() ? t.total_values[k]
                                                              : kNoValue);
    }
    // «Итого» stays in the first column, whichever the template shows first.
    for (std::size_t k = 1; k < totals.size() && totals[0].empty(); ++k) {
      if (totals[k] == say(NC_("document", "Total"))) {
        totals[k].clear();
      }
    }
    if (!totals.empty() && totals[0].empty()) {
      totals[0] = say(NC_("document", "Total"));
      picked.total_values[0] = kNoValue;
    }
    // A totals row with nothing to total among the columns shown is left out.
    if (std::any_of(totals.begin() + (totals.empty() ? 0 : 1), totals.end(), [](const std::string& c) { return !c.empty(); })) {
      picked.totals = std::move(totals);
    } else {
      picked.total_values.clear();
    }
  }
  return picked;
}

}  // namespace

Document run_report(const ReportTemplate& t, const RunOptions& o, store::Db& db, const time::Context& ctx) {
  for (const auto& given : o.params) {
    const std::string& name = given.first;  // not a structured binding: clang 14 cannot capture those
    if (std::none_of(t.params.begin(), t.params.end(), [&](const ParamSpec& p) { return p.name == name; })) {
      std::string list;
      for (const auto& p : t.params) {
        list += (list.empty() ? "" : ", ") + ("--" + p.name);
      }
      throw InputError(trf("report '{}' takes no --{}{}", t.id, name,
                                   list.empty() ? "" : trf("; it takes: {}", list)));
    }
  }
  Resolved r;
  for (const auto& p : t.params) {
    auto it = o.params.find(p.name);
    const std::string value = it != o.params.end() ? it->second : p.default_value;
    if (value.empty()) {
      throw InputError(trf("report '{}' needs --{}", t.id, p.name));
    }
    resolve_param(p, value, ctx, r);
  }
  // The document's words in its own language from here on.
  const i18n::Scope document_language(t.lang);
  const time::Date today = ctx.today();
  QueryContext q{db, ctx, r.period.value_or(Period{today, today}), r.as_of.value_or(r.period ? r.period->to : today),
                 r.year.value_or(time::year_of(today)), r.plan_id, r.plan_period, o.plan_dirs, o.signatures, {}, r.kind, o.template_dirs,
                 r.event_id, o.precedence_file};
  r.vars.set("today", russian::format_date(today));
  if (r.event_id) {
    event::Services planner{db, ctx};
    const event::Event e = event::load_event(planner, *r.event_id);
    const auto start = ctx.zone->to_local(e.start);
    r.vars.set("event_title", e.title);
    r.vars.set("event_date", russian::format_date(time::local_date(start)));
    r.vars.set("event_time", e.all_day ? std::string() : time::format_clock(start));
    r.vars.set("event_venue", e.venue);
  }
  if (r.year) {
    r.vars.set("year", std::to_string(*r.year));
    r.vars.set("next_year", std::to_string(*r.year + 1));
  }
  if (r.period) {
    r.vars.set("period_from", russian::format_date(r.period->from));
    r.vars.set("period_to", russian::format_date(r.period->to));
  }
  if (o.narrative_path) {
    r.vars.set("narrative", narrative_data(*o.narrative_path, o.narrative_text));
  }
  // Data first, so that the texts can use the figures.
  std::map<std::string, std::string> stats;
  std::vector<std::optional<QueryResult>> results;
  for (const auto& s : t.sections) {
    q.filter = s.filter;
    results.push_back(s.query ? std::optional<QueryResult>(run_query(*s.query, q, stats)) : std::nullopt);
  }
  kainjow::mustache::data stats_data{kainjow::mustache::data::type::object};
  for (const auto& [k, v] : stats) {
    stats_data.set(k, v);
  }
  r.vars.set("stats", stats_data);
  auto render = [&](const std::string& text) {
    kainjow::mustache::mustache m{text};
    m.set_custom_escape([](const std::string& s) { return s; });  // plain text; HTML escaping is the writer's
    return m.render(r.vars);
  };
  Document d;
  d.id = t.id;
  d.title = render(t.title);
  d.subtitle = render(t.subtitle);
  d.landscape = t.landscape;
  d.lang = t.lang;
  d.executor = executor_line(o.signatures);
  if (t.approval) {
    d.approval = blank_approval(o.signatures);  // a query's own block (a plan's, once approved) replaces it
  }
  for (std::size_t i = 0; i < t.sections.size(); ++i) {
    const auto& spec = t.sections[i];
    if (results[i] && results[i]->approval) {
      d.approval = results[i]->approval;
    }
    // A query that gives whole sections (a plan's, one per its section): they follow the text.
    if (results[i] && !results[i]->sections.empty()) {
      Section intro;
      intro.heading = render(spec.heading);
      intro.sheet = spec.sheet;
      intro.paragraphs = paragraphs(render(spec.text));
      if (!intro.heading.empty() || !intro.paragraphs.empty()) {
        d.sections.push_back(std::move(intro));
      }
      for (auto& s : results[i]->sections) {
        if (s.table && !spec.columns.empty()) {
          s.table = pick(*s.table, spec.columns);
        }
        d.sections.push_back(std::move(s));
      }
      continue;
    }
    Section s;
    s.heading = render(spec.heading);
    s.sheet = spec.sheet;
    s.paragraphs = paragraphs(render(spec.text));
    if (results[i]) {
      QueryResult& res = *results[i];
      if (!spec.columns.empty()) {
        res.table = pick(res.table, spec.columns);
      }
      // A table with no rows is left out: the section's text says there is nothing.
      if (!res.table.rows.empty()) {
        s.table = std::move(res.table);
      }
      if (spec.chart) {
        s.chart = std::move(res.chart);
      }
    }
    d.sections.push_back(std::move(s));
  }
  return d;
}

}  // namespace omskplan::report
