#include "runtime.hpp"

#include "core/json_output.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "inspection/settings.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace omskplan::cli {

namespace {

std::string exe_dir() {
  std::error_code ec;
  const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string{} : p.parent_path().string();
}

std::string os_user() {
  if (const passwd* pw = getpwuid(geteuid())) {
    return pw->pw_name;
  }
  const char* u = std::getenv("USER");
  return u ? u : fmt::format("uid {}", geteuid());
}

}  // namespace

std::string say_value_kind(const std::string& type) {
  static constexpr std::array<std::string_view, 6> kKinds{"TEXT", "INT", "UINT", "FLOAT", "KEY=VALUE", "VALUE"};
  static constexpr std::array<Word, 6> kKindWords{NC_("option value", "TEXT"),  NC_("option value", "INT"),
                                                  NC_("option value", "UINT"),  NC_("option value", "FLOAT"),
                                                  NC_("option value", "KEY=VALUE"), NC_("option value", "VALUE")};
  return say_name(kKinds, kKindWords, type);
}

std::string due_summary(const std::string& due, long overdue) {
  return due + "; " +
         (overdue == 0 ? std::string(tr("none overdue"))
                       : trnf("{} of them overdue", "{} of them overdue", overdue, overdue));
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::table:
      return "table";
    case Format::json:
      return "json";
    case Format::csv:
      return "csv";
    case Format::md:
      return "md";
    case Format::ics:
      return "ics";
    case Format::html:
      return "html";
    case Format::xlsx:
      return "xlsx";
    case Format::docx:
      return "docx";
  }
  return "table";
}

Layers load_layers(const GlobalOptions& g) {
  const auto env = config::process_env();
  Layers l;
  l.paths = config::resolve_paths(env, exe_dir());
  if (!g.config.empty()) {
    l.paths.config_file = g.config;
    l.paths.config_origin = "--config";
  }
  std::vector<config::Override> cli;
  for (const auto& s : g.sets) {
    cli.push_back(config::parse_set(s));
  }
  if (!g.db.empty()) {
    cli.push_back({"database", g.db, "--db"});
  }
  if (!g.tz.empty()) {
    cli.push_back({"timezone", g.tz, "--tz"});
  }
  if (!g.lang.empty()) {
    cli.push_back({"lang", g.lang, "--lang"});
  }
  if (g.no_color) {
    cli.push_back({"color", "never", "--no-color"});
  }
  if (!g.csv.empty()) {
    cli.push_back({"csv", g.csv, "--csv"});
  }
  l.settings = config::load_settings(l.paths, env, cli);
  return l;
}

Runtime::Runtime(const GlobalOptions& g) : opts_(g) {
  Layers layers = load_layers(g);
  paths_ = std::move(layers.paths);
  settings_ = std::move(layers.settings);
  zone_ = std::make_unique<time::TimeZone>(time::TimeZone::load(settings_.timezone.value));
  calendar_ = std::make_unique<time::ProductionCalendar>(
      paths_.calendar_dirs, [this](const std::string& msg) { warn(msg); });
  ctx_.zone = zone_.get();
  ctx_.calendar = calendar_.get();
  ctx_.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (!settings_.now.value.empty()) {
    try {
      ctx_.now = time::parse_datetime(settings_.now.value, ctx_).instant;
    } catch (const InputError& e) {
      throw InputError(fmt::format("{} '{}': {}", settings_.now.origin, settings_.now.value, e.what()));
    }
  }
  color_ = use_color(settings_);
  if (!settings_.agreement_spheres.value.empty()) {
    agreement_settings_.spheres = settings_.agreement_spheres.value;
  }
  for (const auto& [year, n] : settings_.titles_per_year) {
    agreement_settings_.titles_per_year[year] = n;
  }
  schedule_settings_ = inspection::schedule_settings(settings_.inspection);
}

std::optional<int> Runtime::anniversary_base(const std::string& template_id) const {
  auto it = settings_.anniversary_base.find(template_id);
  if (it == settings_.anniversary_base.end()) {
    return std::nullopt;
  }
  return it->second.value;
}

store::Db& Runtime::db(store::OpenMode mode) {
  if (!db_) {
    // The command as the user would type it again: "omskplan event add …".
    std::string argv = "omskplan";
    for (std::size_t i = 1; i < opts_.argv.size(); ++i) {
      argv += " " + text::shell_quote(opts_.argv[i]);
    }
    store::CommandInfo info{os_user(), argv, time::format_utc(ctx_.now)};
    if (dry_run_) {
      scratch_ = std::make_unique<files::PrivateTempDir>();
      db_.emplace(store::Db::open_snapshot(settings_.database.value, scratch_->path() + "/dry-run.db", info));
    } else {
      db_.emplace(store::Db::open(settings_.database.value, mode, info));
    }
    if (stderr_is_terminal()) {
      db_->on_wait([path = settings_.database.value] {
        fmt::print(stderr, "omskplan: {}\n",
                   trf("waiting for another command to finish writing {} (up to {} s)…", path,
                       store::Db::kBusyTimeoutMs / 1000));
        std::fflush(stderr);
      });
    }
  }
  return *db_;
}

Format Runtime::format(std::initializer_list<Format> allowed) const { return choose_format(opts_, allowed); }

Format choose_format(const GlobalOptions& g, std::initializer_list<Format> allowed) {
  Format f = Format::table;
  if (g.json) {
    f = Format::json;
  } else if (!g.format.empty()) {
    const std::string& s = g.format;
    if (s == "table") {
      f = Format::table;
    } else if (s == "json") {
      f = Format::json;
    } else if (s == "csv") {
      f = Format::csv;
    } else if (s == "md" || s == "markdown") {
      f = Format::md;
    } else if (s == "ics") {
      f = Format::ics;
    } else if (s == "html") {
      f = Format::html;
    } else if (s == "xlsx") {
      f = Format::xlsx;
    } else if (s == "docx") {
      f = Format::docx;
    } else if (s == "text") {
      f = Format::table;
    } else {
      throw InputError(
          trf("invalid --format '{}'; expected one of: table, text, json, csv, md, ics, html, xlsx, docx", s));
    }
  }
  for (Format a : allowed) {
    if (a == f) {
      return f;
    }
  }
  std::vector<std::string_view> names;
  for (Format a : allowed) {
    names.push_back(format_name(a));
  }
  throw InputError(trf("--format {} is not available here; use one of: {}", format_name(f), typed_list(names)));
}

bool Runtime::stderr_is_terminal() const { return isatty(STDERR_FILENO); }

void Runtime::print(std::string_view s) const { std::fwrite(s.data(), 1, s.size(), stdout); }

void Runtime::warn(std::string_view s) const {
  fmt::print(stderr, "omskplan: {}: {}\n", tr("warning"), text::for_terminal(s, 1000));
}

void Runtime::info(std::string_view s) const {
  std::fflush(stdout);  // after the results it follows, even when stdout is a pipe
  fmt::print(stderr, "{}\n", s);
}

namespace {

// What --quiet prints of a row: its id column ("№12" as 12).
std::string quiet_id(const render::Table& t, const std::vector<std::string>& row) {
  std::string id = t.id_column < row.size() ? row[t.id_column] : "";
  if (id.rfind("№", 0) == 0) {
    id = id.substr(std::string_view("№").size());
  }
  return id;
}

}  // namespace

std::string render_table(const render::Table& t, Format f, bool color, bool quiet, render::CsvDialect csv) {
  if (quiet && f == Format::table) {
    // Only the ids, once each, in order.
    std::string out, last;
    for (const auto& row : t.rows) {
      std::string id = quiet_id(t, row);
      if (!id.empty() && id != last) {
        out += id + "\n";
      }
      last = std::move(id);
    }
    return out;
  }
  switch (f) {
    case Format::csv:
      return render::to_csv(t, csv);
    case Format::md:
      return render::to_markdown(t);
    default:
      return render::to_text(t, color);
  }
}

RecordPrinter::RecordPrinter(const Runtime& rt, Format f, render::Table shape)
    : rt_(rt),
      format_(f),
      json_(f == Format::json && !rt.quiet()),
      streamed_(!json_ && (f == Format::csv || (f == Format::table && rt.quiet()))),
      table_(std::move(shape)) {
  if (streamed_ && f == Format::csv) {
    rt_.print(render::csv_header(table_, rt_.csv_dialect()));
  }
}

void RecordPrinter::element_start() {
  buf_ = count_ == 0 ? "[\n  " : ",\n  ";
  ++count_;
}

void RecordPrinter::add_json(const nlohmann::ordered_json& element) {
  element_start();
  json_output::append_dump(buf_, element, 2, 1);
  rt_.print(buf_);
}

void RecordPrinter::add_json_text(std::string_view element) {
  element_start();
  buf_ += element;
  rt_.print(buf_);
}

void RecordPrinter::add_row(render::Row row) {
  ++count_;
  if (!streamed_) {
    table_.add(std::move(row));
  } else if (format_ == Format::csv) {
    rt_.print(render::csv_row(table_, row.cells, rt_.csv_dialect()));
  } else {
    std::string id = quiet_id(table_, row.cells);
    if (!id.empty() && id != last_id_) {
      rt_.print(id + "\n");
    }
    last_id_ = std::move(id);
  }
}

void RecordPrinter::finish() {
  if (json_) {
    rt_.print(count_ == 0 ? "[]\n" : "\n]\n");
  } else if (!streamed_) {
    rt_.print_table(table_, format_);
  }
}

bool use_color(const config::Settings& s) {
  return s.color.value == "always" || (s.color.value == "auto" && isatty(STDOUT_FILENO));
}

void Runtime::print_table(const render::Table& t, Format f) const {
  print(render_table(t, f, color_, opts_.quiet, csv_dialect()));
}

render::CsvDialect Runtime::csv_dialect() const { return render::parse_csv_dialect(settings_.csv.value, "csv"); }

}  // namespace omskplan::cli
