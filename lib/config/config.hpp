// Where things live and the settings that change behaviour, in layers:
// defaults < config file < environment (OMSKPLAN_*) < command line. Each value
// remembers where it came from. Every setting is described once, in a table
// (keys()), which drives the file reader, the environment, `--set`,
// `config show` and the commented file `config init` writes.
#pragma once

#include <functional>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::config {

// Reads an environment variable; injected so tests control the environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup process_env();

struct Paths {
  std::string config_file;                  // $OMSKPLAN_CONFIG, else $XDG_CONFIG_HOME/omskplan/config.toml
  std::string config_origin = "default";    // "default", "OMSKPLAN_CONFIG" or "--config"
  std::string user_dir;                     // $XDG_CONFIG_HOME/omskplan
  std::string default_db;                   // $XDG_DATA_HOME/omskplan/omskplan.db
  std::vector<std::string> template_dirs;   // user's first, then shipped
  std::vector<std::string> report_dirs;     // user's first, then shipped
  std::vector<std::string> plan_dirs;       // plan templates: user's first, then shipped
  std::vector<std::string> calendar_dirs;   // user's first (built-in data follows in code)
  std::string share_dir;                    // the installed share/omskplan, when found
};

// `exe_dir` is the directory of the running binary (shipped data is found
// relative to it: <prefix>/bin → <prefix>/share/omskplan).
Paths resolve_paths(const EnvLookup& env, const std::string& exe_dir);
// $HOME when it is absolute, else the account's home from the password database.
std::string home_directory(const EnvLookup& env);

template <class T>
struct Setting {
  T value;
  std::string origin = "default";
};

struct Settings {
  Setting<std::string> timezone{"Asia/Omsk"};
  Setting<std::string> database;
  Setting<std::string> lang{"auto"};   // auto (from LC_ALL/LC_MESSAGES/LANG), ru, en
  Setting<std::string> color{"auto"};  // auto (on a terminal), always, never
  Setting<long> travel_buffer_min{30};
  Setting<std::string> deadline_days_off{"previous"};  // previous, next, keep
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
    std::optional<double> area_lat, area_lon, area_radius_km;  // the service area: sites outside it warn
    std::optional<std::string> start_venue;  // a registered venue: its point is the start point
    std::optional<long> service_min, max_sites;
    std::optional<double> speed_kmh, detour;
    std::map<std::string, long> max_interval_days;  // risk class → days
    std::string origin = "default";                 // of the last inspection key set
  } inspection;

  // Every key set by a layer (a key of a table such as "anniversary_base.city-day"
  // included): its value as text and where it came from.
  struct Origin {
    std::string text;
    std::string origin;
  };
  std::map<std::string, Origin> set_keys;

  // How CSV is written: rfc (RFC 4180) or excel (Excel on Russian Windows).
  Setting<std::string> csv{"rfc"};
  // [document]: who approves and who prepared the documents omskplan prints.
  struct Document {
    std::string approver = "Мэр города Омска";  // the approval block's title
    std::string approver_name;                  // «С. Г. Шелест»: initials and surname
    std::string executor;                       // «Иванова Анна Петровна»
    std::string executor_phone;                 // «8 (3812) 78-78-78»
  } document;
};

// One setting as the user sees it: `key` is dotted ("inspection.day_start");
// a key ending in ".*" is a table whose keys the user names
// ("anniversary_base.*": a template id = a year).
enum class Kind { string, duration, clock, number, integer, list, point, choice };
// Every setting, once: the table keys() describes them in this order, and the
// code that applies a value switches over this enum with no default, so a key
// added here and not handled there does not compile (-Wswitch, an error in CI).
enum class Key {
  database,
  timezone,
  lang,
  color,
  now,
  csv,
  event_travel_buffer,
  event_deadline_days_off,
  anniversary_base,
  agreement_spheres,
  agreement_titles_per_year,
  inspection_visit_days,
  inspection_day_start,
  inspection_day_end,
  inspection_start_point,
  inspection_start_venue,
  inspection_service_minutes,
  inspection_max_sites,
  inspection_speed_kmh,
  inspection_detour,
  inspection_service_area_center,
  inspection_service_area_radius_km,
  inspection_max_interval_days,
  document_approver,
  document_approver_name,
  document_executor,
  document_executor_phone,
};
inline constexpr std::size_t kKeyCount = static_cast<std::size_t>(Key::document_executor_phone) + 1;
struct KeyInfo {
  Key id;
  std::string_view key;
  Kind kind;
  std::string_view env;       // the environment variable, empty when none
  std::string_view fallback;  // the default as text; for a table "k=v,k=v"; empty: none
  std::string_view help;
  std::string_view choices;   // for Kind::choice: "auto|ru|en"
  std::string_view option;    // a dedicated command-line option ("--tz"); every key also has --set
};
const std::array<KeyInfo, kKeyCount>& keys();

// A command-line value: `--set key=value` or a dedicated option (--tz).
struct Override {
  std::string key;
  std::string value;
  std::string origin;  // "--set", "--tz", …
};
// "key=value" → Override; throws InputError naming the argument.
Override parse_set(std::string_view arg);

// Loads `paths.config_file` if present (errors are "file:line:col: what";
// unknown keys are errors, with the nearest known key suggested), then the
// environment, then `overrides` in order.
Settings load_settings(const Paths& paths, const EnvLookup& env, const std::vector<Override>& overrides = {});

struct Shown {
  std::string key;
  std::string value;
  std::string origin;
  std::string help;
};
// Every setting with its value and origin, in the order of keys(); tables list
// each of their keys.
std::vector<Shown> show(const Settings& s, const Paths& paths);

// A config.toml with every setting commented out at its default, each with
// its help: what `config init` writes. Uncommented it loads to the defaults.
std::string default_file(const Paths& paths, bool commented = true);

// The `lang` of a config file — `explicit_file` (--config) if given, else
// `default_file` — without loading the rest: "" when the file or the key is
// missing. Throws on a file that does not parse.
std::string file_language(const std::string& default_file, const std::string& explicit_file);

// The language of messages: `setting` ("auto", "ru", "en"), where auto reads
// LANGUAGE, LC_ALL, LC_MESSAGES and LANG like gettext does. "ru" or "en".
std::string resolve_lang(const std::string& setting, const EnvLookup& env);

// Where a setting came from, as people read it: "default" is «по умолчанию»;
// a file, a variable or an option as it is.
std::string say_origin(std::string_view origin);

}  // namespace omskplan::config
