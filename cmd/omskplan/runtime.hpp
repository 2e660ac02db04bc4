// What every subcommand needs, built once from the global options, the
// config file and the environment: paths, settings, zone, calendar, "now",
// the database (opened on first use) and the output settings.
#pragma once

#include "agreement/service.hpp"
#include "config/config.hpp"
#include "core/files.hpp"
#include "inspection/schedule.hpp"
#include "render/table.hpp"
#include "store/db.hpp"
#include "time/calendar.hpp"
#include "time/expr.hpp"
#include "time/zone.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::cli {

enum class Format { table, json, csv, md, ics, html, xlsx, docx };

struct GlobalOptions {
  std::string db;
  std::string tz;
  std::string format;
  bool json = false;
  bool quiet = false;
  bool no_color = false;
  std::string config;                  // --config FILE
  std::string lang;                    // --lang ru|en|auto
  std::string csv;                     // --csv rfc|excel
  std::vector<std::string> sets;       // --set KEY=VALUE, in order
  std::vector<std::string> argv;
};

// The settings of every layer (defaults < config file < environment < the
// command line), without acting on them: what `config show` prints and what
// Runtime starts from.
struct Layers {
  config::Paths paths;
  config::Settings settings;
};
Layers load_layers(const GlobalOptions& g);

class Runtime {
public:
  explicit Runtime(const GlobalOptions& g);

  const config::Paths& paths() const { return paths_; }
  const config::Settings& settings() const { return settings_; }
  const time::TimeZone& zone() const { return *zone_; }
  const time::ProductionCalendar& calendar() const { return *calendar_; }
  const time::Context& ctx() const { return ctx_; }
  time::Minutes travel_buffer() const { return time::Minutes{settings_.travel_buffer_min.value}; }
  time::DayOffRule deadline_days_off() const { return time::parse_day_off_rule(settings_.deadline_days_off.value); }
  std::optional<int> anniversary_base(const std::string& template_id) const;
  const agreement::Settings& agreement_settings() const { return agreement_settings_; }
  const inspection::ScheduleSettings& schedule_settings() const { return schedule_settings_; }

  // Opens the database: `create` for commands that write.
  store::Db& db(store::OpenMode mode);
  // From now on db() is a private copy of the database (a dry run): the
  // command runs as it would, writes nothing and never takes the write lock.
  void dry_run() { dry_run_ = true; }
  const std::string& db_path() const { return settings_.database.value; }

  // The output format chosen for a command that offers `allowed`; table by default.
  Format format(std::initializer_list<Format> allowed) const;
  bool quiet() const { return opts_.quiet; }
  // The CSV dialect the settings ask for (csv = rfc|excel, --csv).
  render::CsvDialect csv_dialect() const;
  bool color() const { return color_; }
  bool stderr_is_terminal() const;

  void print(std::string_view s) const;
  void warn(std::string_view s) const;
  void info(std::string_view s) const;  // progress and confirmations, to stderr
  void print_table(const render::Table& t, Format f) const;
  // What a command that shows records prints: with --quiet the table's id
  // column, in the JSON format `json()` (pretty), otherwise `table()` in `f`.
  template <class MakeJson, class MakeTable>
  void print_records(Format f, MakeJson&& json, MakeTable&& table) const {
    if (f == Format::json && !quiet()) {
      print(json().dump(2) + "\n");
    } else {
      print_table(table(), f);
    }
  }

private:
  GlobalOptions opts_;
  config::Paths paths_;
  config::Settings settings_;
  std::unique_ptr<time::TimeZone> zone_;
  std::unique_ptr<time::ProductionCalendar> calendar_;
  time::Context ctx_;
  bool dry_run_ = false;
  std::unique_ptr<files::PrivateTempDir> scratch_;  // the dry run's copy: declared before db_, so it outlives it
  std::optional<store::Db> db_;
  agreement::Settings agreement_settings_;
  inspection::ScheduleSettings schedule_settings_;
  bool color_ = false;
};

// A list printed as it is read, record by record, in the format a command
// chose: JSON (the elements of one array, as its dump(2)), CSV and --quiet
// ids are written at once, so a list of any length takes constant memory; a
// terminal or Markdown table, whose column widths need every row, is kept
// and written by finish(). `shape` is the table's columns (no rows).
class RecordPrinter {
 public:
  RecordPrinter(const Runtime& rt, Format f, render::Table shape);
  // Whether the records are wanted as JSON (add_json) rather than rows.
  bool json() const { return json_; }
  void add_json(const nlohmann::ordered_json& element);
  // An element written as text at depth 1 (json_output's writers).
  void add_json_text(std::string_view element);
  void add_row(render::Row row);
  // Closes the array or writes the kept table; call once, after the last record.
  void finish();

 private:
  void element_start();
  const Runtime& rt_;
  Format format_;
  bool json_;
  bool streamed_;  // rows written as they come (CSV, --quiet ids)
  render::Table table_;
  std::size_t count_ = 0;
  std::string last_id_;
  std::string buf_;
};

std::string_view format_name(Format f);
// Colors on standard output, as the color setting says: always, never, or auto (a terminal).
bool use_color(const config::Settings& s);
// A table in format `f`; with `quiet` (and the table format) only its id column, each id once.
std::string render_table(const render::Table& t, Format f, bool color, bool quiet,
                         render::CsvDialect csv = render::CsvDialect::rfc);
// The output format the global options ask for, among `allowed` (InputError otherwise).
Format choose_format(const GlobalOptions& g, std::initializer_list<Format> allowed);
// The kind of value an option takes, as help and the man page name it: TEXT, INT, FLOAT,
// KEY=VALUE («ТЕКСТ», «ЦЕЛОЕ», «ЧИСЛО», «КЛЮЧ=ЗНАЧЕНИЕ»); another name as it is.
std::string say_value_kind(const std::string& type);
// The closing line of a due list (agenda, agreement due, plan due): what falls due, then how
// many of it are overdue («…; из них просрочено 8» or «…; просроченных нет»).
std::string due_summary(const std::string& due, long overdue);

}  // namespace omskplan::cli
