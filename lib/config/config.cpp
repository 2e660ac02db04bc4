#include "config/config.hpp"

#include "core/error.hpp"
#include "time/expr.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>

namespace omskplan::config {

namespace fs = std::filesystem;

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v || !*v) {
      return std::nullopt;
    }
    return std::string(v);
  };
}

#ifndef OMSKPLAN_SOURCE_DIR
#define OMSKPLAN_SOURCE_DIR ""
#endif

Paths resolve_paths(const EnvLookup& env, const std::string& exe_dir) {
  Paths p;
  const std::string home = env("HOME").value_or("/tmp");
  const std::string config_home = env("XDG_CONFIG_HOME").value_or(home + "/.config");
  const std::string data_home = env("XDG_DATA_HOME").value_or(home + "/.local/share");
  p.user_dir = config_home + "/omskplan";
  p.config_file = p.user_dir + "/config.toml";
  p.default_db = data_home + "/omskplan/omskplan.db";
  p.template_dirs.push_back(p.user_dir + "/templates");
  p.report_dirs.push_back(p.user_dir + "/reports");
  p.calendar_dirs.push_back(p.user_dir + "/calendar");
  if (auto d = env("OMSKPLAN_DATA_DIR")) {
    p.template_dirs.push_back(*d + "/templates");
    p.report_dirs.push_back(*d + "/reports");
    p.calendar_dirs.push_back(*d + "/calendar");
  }
  if (!exe_dir.empty()) {
    const fs::path share = fs::path(exe_dir).parent_path() / "share" / "omskplan";
    std::error_code ec;
    if (fs::is_directory(share / "templates", ec)) {
      p.template_dirs.push_back((share / "templates").string());
    }
    if (fs::is_directory(share / "reports", ec)) {
      p.report_dirs.push_back((share / "reports").string());
    }
  }
  // Running from the build tree: the shipped templates are in the sources.
  const std::string src = OMSKPLAN_SOURCE_DIR;
  if (!src.empty()) {
    std::error_code ec;
    if (fs::is_directory(src + "/examples/templates", ec)) {
      p.template_dirs.push_back(src + "/examples/templates");
    }
    if (fs::is_directory(src + "/examples/reports", ec)) {
      p.report_dirs.push_back(src + "/examples/reports");
    }
  }
  return p;
}

namespace {

std::string at(const std::string& file, const toml::source_region& r) {
  return fmt::format("{}:{}:{}", file, r.begin.line, r.begin.column);
}

std::string string_value(const toml::node& n, const std::string& file, std::string_view key) {
  if (auto v = n.value<std::string>()) {
    return *v;
  }
  throw InputError(fmt::format("{}: '{}' must be a string", at(file, n.source()), key));
}

}  // namespace

Settings load_settings(const Paths& paths, const EnvLookup& env) {
  Settings s;
  s.database = {paths.default_db, "default"};
  const std::string& file = paths.config_file;
  std::error_code ec;
  if (fs::exists(file, ec)) {
    toml::table t;
    try {
      t = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
      throw InputError(fmt::format("{}: {}", at(file, e.source()), e.description()));
    }
    for (auto&& [key, node] : t) {
      const std::string k(key.str());
      if (k == "timezone") {
        s.timezone = {string_value(node, file, k), file};
      } else if (k == "database") {
        s.database = {string_value(node, file, k), file};
      } else if (k == "event") {
        const toml::table* ev = node.as_table();
        if (!ev) {
          throw InputError(fmt::format("{}: 'event' must be a table", at(file, node.source())));
        }
        for (auto&& [ek, en] : *ev) {
          if (ek.str() == "travel_buffer") {
            const std::string v = string_value(en, file, "event.travel_buffer");
            try {
              s.travel_buffer_min = {time::parse_duration(v).count(), file};
            } catch (const InputError& e) {
              throw InputError(fmt::format("{}: {}", at(file, en.source()), e.what()));
            }
          } else {
            throw InputError(fmt::format("{}: unknown key 'event.{}'", at(file, ek.source()), ek.str()));
          }
        }
      } else if (k == "anniversary_base") {
        const toml::table* ab = node.as_table();
        if (!ab) {
          throw InputError(fmt::format("{}: 'anniversary_base' must be a table of template = year", at(file, node.source())));
        }
        for (auto&& [ak, an] : *ab) {
          const auto y = an.value<int64_t>();
          if (!y || *y < 1000 || *y > 2200) {
            throw InputError(fmt::format("{}: anniversary_base.{} must be a year", at(file, an.source()), ak.str()));
          }
          s.anniversary_base[std::string(ak.str())] = {static_cast<int>(*y), file};
        }
      } else if (k == "inspection") {
        const toml::table* it = node.as_table();
        if (!it) {
          throw InputError(fmt::format("{}: 'inspection' must be a table", at(file, node.source())));
        }
        auto& in = s.inspection;
        in.origin = file;
        auto number = [&](const toml::node& n, std::string_view key) {
          if (auto v = n.value<double>()) {
            return *v;
          }
          throw InputError(fmt::format("{}: inspection.{} must be a number", at(file, n.source()), key));
        };
        for (auto&& [ik, in_node] : *it) {
          const std::string key(ik.str());
          if (key == "visit_days") {
            const toml::array* arr = in_node.as_array();
            if (!arr || arr->empty()) {
              throw InputError(fmt::format("{}: inspection.visit_days must be a non-empty array such as [\"thu\"]",
                                           at(file, in_node.source())));
            }
            for (const toml::node& el : *arr) {
              in.visit_days.push_back(string_value(el, file, "inspection.visit_days"));
            }
          } else if (key == "day_start" || key == "day_end") {
            const std::string v = string_value(in_node, file, key);
            if (!time::parse_clock(v)) {
              throw InputError(fmt::format("{}: inspection.{} '{}' is not a time HH:MM", at(file, in_node.source()), key, v));
            }
            (key == "day_start" ? in.day_start : in.day_end) = v;
          } else if (key == "start_point") {
            const toml::table* sp = in_node.as_table();
            if (!sp || !sp->get("lat") || !sp->get("lon")) {
              throw InputError(fmt::format("{}: inspection.start_point must be {{ lat = …, lon = … }}",
                                           at(file, in_node.source())));
            }
            in.start_lat = number(*sp->get("lat"), "start_point.lat");
            in.start_lon = number(*sp->get("lon"), "start_point.lon");
          } else if (key == "service_minutes") {
            in.service_min = static_cast<long>(number(in_node, key));
          } else if (key == "max_sites") {
            in.max_sites = static_cast<long>(number(in_node, key));
          } else if (key == "speed_kmh") {
            in.speed_kmh = number(in_node, key);
          } else if (key == "detour") {
            in.detour = number(in_node, key);
          } else if (key == "max_interval_days") {
            const toml::table* mi = in_node.as_table();
            if (!mi) {
              throw InputError(fmt::format("{}: inspection.max_interval_days must be a table of risk = days",
                                           at(file, in_node.source())));
            }
            for (auto&& [rk, rn] : *mi) {
              in.max_interval_days[std::string(rk.str())] = static_cast<long>(number(rn, "max_interval_days"));
            }
          } else {
            throw InputError(fmt::format("{}: unknown key 'inspection.{}'", at(file, ik.source()), key));
          }
        }
      } else if (k == "agreement") {
        const toml::table* ag = node.as_table();
        if (!ag) {
          throw InputError(fmt::format("{}: 'agreement' must be a table", at(file, node.source())));
        }
        for (auto&& [ak, an] : *ag) {
          if (ak.str() == "spheres") {
            const toml::array* arr = an.as_array();
            if (!arr || arr->empty()) {
              throw InputError(fmt::format("{}: agreement.spheres must be a non-empty array of strings",
                                           at(file, an.source())));
            }
            std::vector<std::string> spheres;
            for (const toml::node& el : *arr) {
              spheres.push_back(string_value(el, file, "agreement.spheres"));
            }
            s.agreement_spheres = {spheres, file};
          } else if (ak.str() == "titles_per_year") {
            const toml::table* tp = an.as_table();
            if (!tp) {
              throw InputError(fmt::format("{}: agreement.titles_per_year must be a table of year = count",
                                           at(file, an.source())));
            }
            for (auto&& [yk, yn] : *tp) {
              const auto n = yn.value<int64_t>();
              int year = 0;
              try {
                year = std::stoi(std::string(yk.str()));
              } catch (...) {
              }
              if (year < 2000 || year > 2200 || !n || *n < 1 || *n > 100) {
                throw InputError(fmt::format("{}: agreement.titles_per_year needs year = count, e.g. 2025 = 3",
                                             at(file, yk.source())));
              }
              s.titles_per_year[year] = static_cast<int>(*n);
            }
          } else {
            throw InputError(fmt::format("{}: unknown key 'agreement.{}'", at(file, ak.source()), ak.str()));
          }
        }
      } else {
        throw InputError(fmt::format("{}: unknown key '{}'", at(file, key.source()), k));
      }
    }
  }
  if (auto v = env("OMSKPLAN_DB")) {
    s.database = {*v, "OMSKPLAN_DB"};
  }
  if (auto v = env("OMSKPLAN_TZ")) {
    s.timezone = {*v, "OMSKPLAN_TZ"};
  }
  if (auto v = env("OMSKPLAN_NOW")) {
    s.now = {*v, "OMSKPLAN_NOW"};
  }
  return s;
}

}  // namespace omskplan::config
