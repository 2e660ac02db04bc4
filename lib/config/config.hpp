// Where things live and the settings that change behaviour, in layers:
// defaults < config file < environment (OMSKPLAN_*) < command line. Each value
// remembers where it came from.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::config {

// Reads an environment variable; injected so tests control the environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup process_env();

struct Paths {
  std::string config_file;                  // $XDG_CONFIG_HOME/omskplan/config.toml
  std::string user_dir;                     // $XDG_CONFIG_HOME/omskplan
  std::string default_db;                   // $XDG_DATA_HOME/omskplan/omskplan.db
  std::vector<std::string> template_dirs;   // user's first, then shipped
  std::vector<std::string> report_dirs;     // user's first, then shipped
  std::vector<std::string> calendar_dirs;   // user's first (built-in data follows in code)
};

// `exe_dir` is the directory of the running binary (shipped data is found
// relative to it: <prefix>/bin → <prefix>/share/omskplan).
Paths resolve_paths(const EnvLookup& env, const std::string& exe_dir);

template <class T>
struct Setting {
  T value;
  std::string origin = "default";
};

struct Settings {
  Setting<std::string> timezone{"Asia/Omsk"};
  Setting<std::string> database;
  Setting<long> travel_buffer_min{30};
  Setting<std::string> now;  // frozen "now" (OMSKPLAN_NOW), empty = the clock
  // Anniversary base year per template id, overriding the template's own.
  std::map<std::string, Setting<int>> anniversary_base;
  // [agreement]: the spheres of agreements (empty: the built-in list) and how
  // many "Меценат года" titles a year may have, from a year on.
  Setting<std::vector<std::string>> agreement_spheres;
  std::map<int, int> titles_per_year;
  // [inspection]: the weekly schedule. Unset values keep the built-in defaults.
  struct Inspection {
    std::vector<std::string> visit_days;  // "thu", "wed"
    std::optional<std::string> day_start, day_end;  // "09:00"
    std::optional<double> start_lat, start_lon;
    std::optional<long> service_min, max_sites;
    std::optional<double> speed_kmh, detour;
    std::map<std::string, long> max_interval_days;  // risk class → days
    std::string origin = "default";
  } inspection;
};

// Loads `paths.config_file` if present (errors are "file:line:col: what"),
// then the environment. The command line is applied by the caller.
Settings load_settings(const Paths& paths, const EnvLookup& env);

}  // namespace omskplan::config
