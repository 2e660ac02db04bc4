#include "config/config.hpp"

#include "agreement/service.hpp"
#include "inspection/schedule.hpp"
#include "inspection/settings.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
namespace fs = std::filesystem;

namespace {

config::EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    if (it == vars.end()) {
      return std::nullopt;
    }
    return it->second;
  };
}

// A temporary XDG_CONFIG_HOME (and HOME) with an omskplan directory, removed afterwards.
struct ConfigHome {
  fs::path home;
  explicit ConfigHome(const std::string& name) : home(fs::temp_directory_path() / name) {
    fs::remove_all(home);
    fs::create_directories(home / "omskplan");
  }
  ~ConfigHome() { fs::remove_all(home); }
  config::EnvLookup env(std::map<std::string, std::string> more = {}) const {
    more.emplace("HOME", home.string());
    more.emplace("XDG_CONFIG_HOME", home.string());
    return fake_env(std::move(more));
  }
};

}  // namespace

TEST_SUITE("config") {
  TEST_CASE("XDG paths and layers: default < file < environment") {
    const fs::path home = fs::temp_directory_path() / "omskplan-config-test";
    fs::remove_all(home);
    fs::create_directories(home / "cfg" / "omskplan");
    auto env = fake_env({{"HOME", home.string()}, {"XDG_CONFIG_HOME", (home / "cfg").string()}});
    auto paths = config::resolve_paths(env, "");
    CHECK(paths.default_db == home.string() + "/.local/share/omskplan/omskplan.db");
    CHECK(paths.template_dirs.front() == (home / "cfg" / "omskplan" / "templates").string());

    auto s = config::load_settings(paths, env);
    CHECK(s.timezone.value == "Asia/Omsk");
    CHECK(s.timezone.origin == "default");
    CHECK(s.travel_buffer_min.value == 30);

    std::ofstream(paths.config_file) << "timezone = \"Asia/Novosibirsk\"\n[event]\ntravel_buffer = \"45m\"\n"
                                        "[anniversary_base]\ncity-day = 1628\n";
    s = config::load_settings(paths, env);
    CHECK(s.timezone.value == "Asia/Novosibirsk");
    CHECK(s.timezone.origin == paths.config_file + ":1");
    CHECK(s.travel_buffer_min.value == 45);
    CHECK(s.anniversary_base.at("city-day").value == 1628);

    auto env2 = fake_env({{"HOME", home.string()}, {"XDG_CONFIG_HOME", (home / "cfg").string()},
                          {"OMSKPLAN_TZ", "UTC"}, {"OMSKPLAN_DB", "/tmp/x.db"}});
    s = config::load_settings(paths, env2);
    CHECK(s.timezone.value == "UTC");
    CHECK(s.timezone.origin == "OMSKPLAN_TZ");
    CHECK(s.database.value == "/tmp/x.db");

    std::ofstream(paths.config_file) << "timezone = \"UTC\"\ncolour = true\n";
    CHECK_THROWS_WITH(config::load_settings(paths, env), (paths.config_file + ":2:1: unknown key 'colour', did you mean 'color'?").c_str());
    std::ofstream(paths.config_file) << "[event]\ntravel_buffer = \"soon\"\n";
    CHECK_THROWS_WITH(config::load_settings(paths, env),
                      (paths.config_file +
                       ":2:17: invalid duration 'soon': expected e.g. 90m, 6h, 1h30m, 2d")
                          .c_str());
    fs::remove_all(home);
  }

  TEST_CASE("every layer with its origin: file < environment < command line, keys of tables too") {
    const ConfigHome dir("omskplan-config-layers");
    auto env = dir.env({{"OMSKPLAN_INSPECTION_VISIT_DAYS", "wed, thu"},
                      {"OMSKPLAN_INSPECTION_START_POINT", "55.0,73.3"},
                      {"NO_COLOR", "1"}});
    const auto paths = config::resolve_paths(env, "");
    std::ofstream(paths.config_file) << "timezone = \"Asia/Novosibirsk\"\n"
                                        "[inspection]\nday_start = \"08:30\"\nvisit_days = [\"mon\"]\n"
                                        "[inspection.max_interval_days]\nhigh = 10\n"
                                        "[agreement.titles_per_year]\n2030 = 5\n";
    const auto s = config::load_settings(
        paths, env, {config::parse_set("inspection.day_start=10:00"), {"timezone", "UTC", "--tz"}});
    CHECK(s.timezone.value == "UTC");
    CHECK(s.timezone.origin == "--tz");
    CHECK(s.inspection.day_start == "10:00");
    CHECK(s.inspection.visit_days == std::vector<std::string>{"wed", "thu"});
    CHECK(s.inspection.max_interval_days.at("high") == 10);
    CHECK(s.titles_per_year.at(2030) == 5);
    CHECK(s.color.value == "never");

    std::map<std::string, std::pair<std::string, std::string>> shown;
    for (const auto& row : config::show(s, paths)) {
      CHECK(shown.count(row.key) == 0);
      shown[row.key] = {row.value, row.origin};
    }
    CHECK(shown.at("timezone") == std::pair<std::string, std::string>{"UTC", "--tz"});
    CHECK(shown.at("inspection.day_start") == std::pair<std::string, std::string>{"10:00", "--set"});
    CHECK(shown.at("inspection.day_end") == std::pair<std::string, std::string>{"17:00", "default"});
    CHECK(shown.at("inspection.visit_days") ==
          std::pair<std::string, std::string>{"wed,thu", "OMSKPLAN_INSPECTION_VISIT_DAYS"});
    CHECK(shown.at("inspection.start_point").first == "55,73.3");
    CHECK(shown.at("inspection.max_interval_days.high") ==
          std::pair<std::string, std::string>{"10", paths.config_file + ":6"});
    CHECK(shown.at("inspection.max_interval_days.low") == std::pair<std::string, std::string>{"91", "default"});
    CHECK(shown.at("agreement.titles_per_year.2030").first == "5");
    CHECK(shown.at("agreement.titles_per_year.2025") == std::pair<std::string, std::string>{"3", "default"});
    CHECK(shown.at("color") == std::pair<std::string, std::string>{"never", "NO_COLOR"});
    CHECK(shown.at("database").first == paths.default_db);
  }

  TEST_CASE("the file `config init` writes: commented it sets nothing, uncommented it is the defaults") {
    const ConfigHome dir("omskplan-config-init");
    auto env = dir.env();
    const auto paths = config::resolve_paths(env, "");
    const auto defaults = config::load_settings(paths, env);
    CHECK(defaults.set_keys.empty());

    std::ofstream(paths.config_file) << config::default_file(paths);
    CHECK(config::load_settings(paths, env).set_keys.empty());

    std::ofstream(paths.config_file) << config::default_file(paths, false);
    const auto s = config::load_settings(paths, env);
    const auto a = config::show(defaults, paths);
    const auto b = config::show(s, paths);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].key == b[i].key);
      CHECK_MESSAGE(a[i].value == b[i].value, a[i].key);
      // Every setting is in the file; those empty by default ("now", the executor) are left commented out.
      if (!a[i].value.empty()) {
        CHECK_MESSAGE(b[i].origin.rfind(paths.config_file + ":", 0) == 0, a[i].key);
      }
    }
    // The defaults the table shows are the ones the modules use.
    const auto from_file = inspection::schedule_settings(s.inspection);
    const inspection::ScheduleSettings built_in;
    CHECK(from_file.visit_weekdays == built_in.visit_weekdays);
    CHECK(from_file.day_start == built_in.day_start);
    CHECK(from_file.day_end == built_in.day_end);
    CHECK(from_file.start_point.lat == built_in.start_point.lat);
    CHECK(from_file.start_point.lon == built_in.start_point.lon);
    CHECK(from_file.service == built_in.service);
    CHECK(from_file.speed_kmh == built_in.speed_kmh);
    CHECK(from_file.detour == built_in.detour);
    CHECK(from_file.max_sites == built_in.max_sites);
    CHECK(from_file.max_interval_days == built_in.max_interval_days);
    const agreement::Settings agreement_defaults;
    CHECK(s.agreement_spheres.value == agreement_defaults.spheres);
    CHECK(s.titles_per_year == agreement_defaults.titles_per_year);
    CHECK(s.travel_buffer_min.value == 30);
  }

  TEST_CASE("every key is one table entry, in the enum's order, and each one's default applies") {
    REQUIRE(config::keys().size() == config::kKeyCount);
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < config::keys().size(); ++i) {
      const auto& k = config::keys()[i];
      CHECK(static_cast<std::size_t>(k.id) == i);
      CHECK(names.insert(k.key).second);
    }
    // Each key with a default takes it from --set too: apply() handles every key.
    const ConfigHome dir("omskplan-config-all-keys");
    const auto paths = config::resolve_paths(dir.env(), "/usr/bin");
    std::vector<config::Override> all;
    for (const auto& k : config::keys()) {
      std::string key(k.key);
      std::string value(k.fallback);
      if (key.ends_with(".*")) {
        key = key.substr(0, key.size() - 1) + (k.id == config::Key::agreement_titles_per_year ? "2030"
                                               : k.id == config::Key::anniversary_base        ? "city-day"
                                                                                               : "high");
        value = k.id == config::Key::anniversary_base ? "1716" : "7";
      } else if (value.empty()) {
        value = k.id == config::Key::now ? "2024-05-08 09:00" : "/tmp/plan.db";
      }
      all.push_back(config::parse_set(key + "=" + value));
    }
    const auto s = config::load_settings(paths, dir.env(), all);
    CHECK(s.set_keys.size() == config::keys().size());
  }

  TEST_CASE("each key has one environment variable named after it") {
    std::set<std::string> seen;
    for (const auto& k : config::keys()) {
      if (k.env.empty()) {
        CHECK(std::string(k.key).find(".*") != std::string::npos);  // only tables have none
        continue;
      }
      CHECK(seen.insert(std::string(k.env)).second);
      std::string expected = "OMSKPLAN_";
      for (char c : k.key) {
        expected += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      if (k.key != "database" && k.key != "timezone") {  // OMSKPLAN_DB and OMSKPLAN_TZ, short and older
        CHECK(k.env == expected);
      }
    }
  }

  TEST_CASE("bad values name the layer, the key and what is wrong") {
    const ConfigHome dir("omskplan-config-bad");
    const fs::path& home = dir.home;
    auto env = dir.env();
    const auto paths = config::resolve_paths(env, "");
    auto file_error = [&](const std::string& text) {
      std::ofstream(paths.config_file) << text;
      try {
        config::load_settings(paths, env);
      } catch (const InputError& e) {
        return std::string(e.what()).substr(paths.config_file.size());
      }
      return std::string("no error");
    };
    CHECK(file_error("[inspection]\nmax_sites = \"8\"\n") == ":2:13: inspection.max_sites must be a whole number");
    CHECK(file_error("[inspection]\nday_strat = \"08:00\"\n") ==
          ":2:1: unknown key 'inspection.day_strat', did you mean 'inspection.day_start'?");
    CHECK(file_error("lang = \"de\"\n") == ":1:8: lang must be one of auto, ru, en, not 'de'");
    CHECK(file_error("inspection = 5\n") == ":1:14: 'inspection' must be a table");
    CHECK(file_error("[inspection]\nstart_point = { lat = 1 }\n") ==
          ":2:15: inspection.start_point must be { lat = …, lon = … }");
    CHECK(file_error("timezone = \n") .find(":1:12:") == 0);  // the parser's own message, positioned
    CHECK(file_error("[anniversary_base]\ncity-day = 17\n") == ":2:12: anniversary_base.city-day must be a year");
    CHECK(file_error("") == "no error");

    auto env_bad = dir.env({{"OMSKPLAN_INSPECTION_SPEED_KMH", "fast"}});
    CHECK_THROWS_WITH(config::load_settings(paths, env_bad),
                      "OMSKPLAN_INSPECTION_SPEED_KMH: inspection.speed_kmh must be a number, not 'fast'");
    CHECK_THROWS_WITH(config::parse_set("timezone"), "--set 'timezone': expected KEY=VALUE, e.g. inspection.day_start=10:00");
    CHECK_THROWS_WITH(config::parse_set("colour=never"), "--set 'colour=never': unknown key 'colour', did you mean 'color'?");
    CHECK_THROWS_WITH(config::parse_set("foo=1"), "--set 'foo=1': unknown key 'foo'");
    CHECK_THROWS_WITH(config::load_settings(paths, env, {config::parse_set("inspection.day_end=5pm")}),
                      "--set inspection.day_end: inspection.day_end '5pm' is not a time HH:MM");

    auto missing = paths;
    missing.config_file = (home / "nope.toml").string();
    missing.config_origin = "--config";
    CHECK_THROWS_WITH(config::load_settings(missing, env),
                      ("--config '" + missing.config_file + "': no such config file").c_str());
  }

  TEST_CASE("the language: a setting, else the locale as gettext reads it") {
    CHECK(config::resolve_lang("ru", fake_env({})) == "ru");
    CHECK(config::resolve_lang("en", fake_env({{"LANG", "ru_RU.UTF-8"}})) == "en");
    CHECK(config::resolve_lang("auto", fake_env({})) == "en");
    CHECK(config::resolve_lang("auto", fake_env({{"LANG", "ru_RU.UTF-8"}})) == "ru");
    CHECK(config::resolve_lang("auto", fake_env({{"LANG", "ru_RU.UTF-8"}, {"LC_MESSAGES", "C"}})) == "en");
    CHECK(config::resolve_lang("auto", fake_env({{"LANG", "en_US.UTF-8"}, {"LC_ALL", "ru_RU.UTF-8"}})) == "ru");
    CHECK(config::resolve_lang("auto", fake_env({{"LANG", "de_DE.UTF-8"}, {"LANGUAGE", "ru:en"}})) == "ru");
    CHECK(config::resolve_lang("auto", fake_env({{"LANG", "C.UTF-8"}, {"LANGUAGE", "ru"}})) == "en");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
