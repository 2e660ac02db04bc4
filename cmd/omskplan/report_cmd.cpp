// omskplan report …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "report/template.hpp"
#include "report/docx.hpp"
#include "report/xlsx.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <filesystem>
#include <limits>
#include <sstream>

namespace omskplan::cli {

namespace {

report::ReportCatalog report_catalog(Runtime& rt) {
  return report::ReportCatalog(rt.paths().report_dirs, [&rt](const std::string& m) { rt.warn(m); });
}

struct RunOptions {
  std::string id, template_file, narrative, output;
  std::string month, week, year, as_of, plan, period, quarter, kind, years, event;
};

void run_report(Runtime& rt, const RunOptions& o) {
  const Format f =
      rt.format({Format::table, Format::md, Format::html, Format::csv, Format::json, Format::xlsx, Format::docx});
  const report::ReportTemplate t = o.template_file.empty() ? report_catalog(rt).get(o.id)
                                   : o.template_file == "-"
                                       ? report::parse_report_template(read_input("-", files::kTextLimit), files::input_name("-"))
                                       : report::load_report_template(o.template_file);
  if (!o.template_file.empty() && !o.id.empty() && o.id != t.id) {
    throw InputError(trf("{} is report '{}', not '{}'", o.template_file, t.id, o.id));
  }
  report::RunOptions ro;
  if (!o.month.empty()) {
    ro.params["month"] = o.month;
  }
  if (!o.week.empty()) {
    ro.params["week"] = o.week;
  }
  if (!o.year.empty()) {
    ro.params["year"] = o.year;
  }
  if (!o.as_of.empty()) {
    ro.params["as-of"] = o.as_of;
  }
  if (!o.plan.empty()) {
    ro.params["plan"] = o.plan;
  }
  if (!o.period.empty()) {
    ro.params["period"] = o.period;
  }
  if (!o.quarter.empty()) {
    ro.params["quarter"] = o.quarter;
  }
  if (!o.kind.empty()) {
    ro.params["kind"] = o.kind;
  }
  if (!o.years.empty()) {
    ro.params["years"] = o.years;
  }
  if (!o.event.empty()) {
    ro.params["event"] = o.event;
  }
  ro.precedence_file = rt.paths().user_dir + "/precedence.toml";
  ro.template_dirs = rt.paths().template_dirs;
  ro.plan_dirs = rt.paths().plan_dirs;
  ro.signatures = document_signatures(rt);
  if (o.narrative == "-") {
    ro.narrative_path = files::input_name("-");
    ro.narrative_text = read_input("-", files::kTextLimit);
  } else if (!o.narrative.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.narrative, ec)) {
      throw InputError(trf("{}: no such narrative file", o.narrative));
    }
    ro.narrative_path = o.narrative;
  }
  check_output(o.output);
  const auto doc = report::run_report(t, ro, rt.db(store::OpenMode::existing), rt.ctx());
  emit_document(rt, doc, f, o.output);
}

}  // namespace

report::Signatures document_signatures(const Runtime& rt) {
  const auto& d = rt.settings().document;
  return {d.approver, d.approver_name, d.executor, d.executor_phone};
}

void check_output(const std::string& output) {
  const bool to_stdout = output.empty() || output == "-";
  if (!to_stdout) {
    // Fail before the work if the output cannot go there.
    const auto dir = std::filesystem::path(output).parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
      throw InputError(trf("cannot write {}: directory {} does not exist", output, dir.string()));
    }
  }
}

void emit_document(Runtime& rt, const report::Document& data, Format f, const std::string& output) {
  // Print formats get the document's typography; CSV and JSON its data as it is.
  const report::Document doc = f == Format::csv || f == Format::json ? data : report::typeset(data);
  if (f == Format::xlsx || f == Format::docx) {
    // Binary formats are written to a file by their library: to -o FILE atomically, or through a
    // private temporary directory to standard output (-o -).
    const auto write = [&](const std::string& path) {
      if (f == Format::xlsx) {
        report::write_xlsx(doc, path);
      } else {
        report::write_docx(doc, path);
      }
    };
    if (output.empty()) {
      throw InputError(trf("{} is binary: give the file with -o FILE", f == Format::xlsx ? "XLSX" : "DOCX"));
    }
    if (output == "-") {
      const files::PrivateTempDir dir;  // never a predictable name in a shared /tmp
      const std::string tmp = dir.path() + (f == Format::xlsx ? "/report.xlsx" : "/report.docx");
      write(tmp);
      rt.print(files::read(tmp, std::numeric_limits<std::size_t>::max()));
      return;
    }
    files::write_atomically_with(output, write);
    rt.info(trf("wrote {}", output));
    return;
  }
  std::string out;
  switch (f) {
    case Format::md:
      out = report::to_markdown(doc);
      break;
    case Format::html:
      out = report::to_html(doc);
      break;
    case Format::csv:
      out = report::to_csv(doc, rt.csv_dialect());
      break;
    case Format::json:
      out = report::to_json(doc);
      break;
    default:
      out = report::to_text(doc);
  }
  emit_text(rt, out, output);
}

void emit_text(Runtime& rt, const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    rt.print(text);
  } else {
    files::write_atomically(output, text);
    rt.info(trf("wrote {}", output));
  }
}



void setup_report(CLI::App& app, Runner& r) {
  auto* rp = app.add_subcommand("report", "Documents: monthly plan, weekly inspections, agreements register, annual");
  rp->require_subcommand(1);
  rp->add_subcommand("list", "List the report templates")->callback([&r] {
    Runtime& rt = r.rt();
    const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
    const auto all = report_catalog(rt).list();
    if (f == Format::json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& t : all) {
        auto params = nlohmann::ordered_json::array();
        for (const auto& p : t.params) {
          params.push_back({{"name", p.name}, {"default", p.default_value}});
        }
        arr.push_back({{"id", t.id}, {"name", t.name}, {"params", params}, {"file", t.origin}});
      }
      rt.print(arr.dump(2) + "\n");
      return;
    }
    render::Table tb;
    tb.columns = {{"id", N_("ID")}, {"name", N_("NAME"), false, 60}, {"params", N_("PARAMETERS")}, {"file", N_("FILE"), false, 200}};
    for (const auto& t : all) {
      std::string params;
      for (const auto& p : t.params) {
        params += (params.empty() ? "" : " ") + (p.default_value.empty() ? "--" + p.name : fmt::format("--{}={}", p.name, p.default_value));
      }
      tb.add({t.id, t.name, params, t.origin});
    }
    rt.print_table(tb, f);
  });
  {
    auto o = std::make_shared<RunOptions>();
    auto* c = rp->add_subcommand("run", "Make a report");
    c->add_option("id", o->id, "report id (see 'report list')");
    c->add_option("--template", o->template_file, "a report template file instead of a shipped one");
    c->add_option("--month", o->month, "2023-08, this, next, last");
    c->add_option("--week", o->week, "2024-W19, this, next, last");
    c->add_option("--year", o->year, "2023, this, last");
    c->add_option("--quarter", o->quarter, "2024-Q2, this, next, last");
    c->add_option("--kind", o->kind, "an event kind: city-day, concert, … (experience)");
    c->add_option("--years", o->years, "2022-2024 or 2023 (experience)");
    c->add_option("--as-of", o->as_of, "the day of a register, of plans' execution");
    c->add_option("--plan", o->plan, "a work plan's number (work-plan)");
    c->add_option("--event", o->event, "an event's id (guest-list, delegations)");
    c->add_option("--period", o->period, "plans' period: 2024-Q2, 2024, 2024-05, 2024-W19 (plan-execution)");
    c->add_option("--narrative", o->narrative, "the annual report's texts (TOML)");
    c->add_option("-o,--output", o->output, "write to this file (atomically) instead of stdout");
    c->callback([&r, o] {
      if (o->id.empty() && o->template_file.empty()) {
        throw InputError(tr("give a report id or --template FILE"));
      }
      run_report(r.rt(), *o);
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = rp->add_subcommand("check", "Check a report template; errors are file:line:col");
    c->add_option("file", *file, "the TOML file")->required();
    c->callback([&r, file] {
      Runtime& rt = r.rt();
      const auto t = *file == "-" ? report::parse_report_template(read_input("-", files::kTextLimit), files::input_name("-"))
                                  : report::load_report_template(*file);
      rt.print(trnf("{}: ok: report '{}' ({}), {} section\n", "{}: ok: report '{}' ({}), {} sections\n",
                    static_cast<long>(t.sections.size()), *file, t.id, t.name, t.sections.size()));
    });
  }
}

}  // namespace omskplan::cli
