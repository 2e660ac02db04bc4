#include "config/config.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

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
    CHECK(s.timezone.origin == paths.config_file);
    CHECK(s.travel_buffer_min.value == 45);
    CHECK(s.anniversary_base.at("city-day").value == 1628);

    auto env2 = fake_env({{"HOME", home.string()}, {"XDG_CONFIG_HOME", (home / "cfg").string()},
                          {"OMSKPLAN_TZ", "UTC"}, {"OMSKPLAN_DB", "/tmp/x.db"}});
    s = config::load_settings(paths, env2);
    CHECK(s.timezone.value == "UTC");
    CHECK(s.timezone.origin == "OMSKPLAN_TZ");
    CHECK(s.database.value == "/tmp/x.db");

    std::ofstream(paths.config_file) << "timezone = \"UTC\"\ncolour = true\n";
    CHECK_THROWS_WITH(config::load_settings(paths, env), (paths.config_file + ":2:1: unknown key 'colour'").c_str());
    std::ofstream(paths.config_file) << "[event]\ntravel_buffer = \"soon\"\n";
    CHECK_THROWS_WITH(config::load_settings(paths, env),
                      (paths.config_file +
                       ":2:17: invalid duration 'soon': expected e.g. 90m, 6h, 1h30m, 2d")
                          .c_str());
    fs::remove_all(home);
  }
}
