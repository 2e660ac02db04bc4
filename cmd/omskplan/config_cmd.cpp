// omskplan config: the settings of every layer and where each came from; a
// commented default config file.
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace omskplan::cli {

namespace {

// `config` never needs the database or a valid zone: it reads the layers only,
// so that it still works when a setting is wrong and shows which one.
void print_settings(const Layers& l, const GlobalOptions& g) {
  const auto rows = config::show(l.settings, l.paths);
  const Format f = choose_format(g, {Format::table, Format::json, Format::csv, Format::md});
  if (f == Format::json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& s : rows) {
      arr.push_back({{"key", s.key}, {"value", s.value}, {"origin", s.origin}, {"help", s.help}});
    }
    fmt::print("{}\n", arr.dump(2));
    return;
  }
  render::Table t;
  t.columns = {{"key", N_("KEY")}, {"value", N_("VALUE"), false, 50}, {"origin", N_("ORIGIN"), false, 60, config::say_origin}};
  if (f != Format::table) {
    t.columns.push_back({"help", N_("HELP"), false, 200});
  }
  for (const auto& s : rows) {
    std::vector<std::string> cells{s.key, s.value, s.origin};
    if (f != Format::table) {
      cells.push_back(s.help);  // a document or a sheet has room for it
    }
    t.add(std::move(cells));
  }
  fmt::print("{}", render_table(t, f, use_color(l.settings), g.quiet));  // --quiet: the keys
}

}  // namespace

void setup_config(CLI::App& app, Runner& r) {
  auto* c = app.add_subcommand("config", "Settings: every one with where it came from; a commented config file");
  c->require_subcommand(1);

  auto* show = c->add_subcommand("show", "Every setting, its value and its origin (default, file:line, OMSKPLAN_*, --option)");
  show->callback([&r] {
    print_settings(load_layers(r.globals), r.globals);
  });

  auto key = std::make_shared<std::string>();
  auto* get = c->add_subcommand("get", "The value of one setting, for scripts");
  get->add_option("key", *key, "a setting, as `config show` names it (inspection.day_start)")->required();
  get->callback([&r, key] {
    const Layers l = load_layers(r.globals);
    for (const auto& s : config::show(l.settings, l.paths)) {
      if (s.key == *key) {
        fmt::print("{}\n", s.value);
        return;
      }
    }
    throw InputError(trf("unknown setting '{}'; `omskplan config show` lists them", *key));
  });

  auto path = c->add_subcommand("path", "The config file this run reads (it need not exist)");
  path->callback([&r] {
    const Layers l = load_layers(r.globals);
    fmt::print("{}\n", l.paths.config_file);
  });

  auto force = std::make_shared<bool>(false);
  auto out = std::make_shared<std::string>();
  auto* init = c->add_subcommand("init", "Write a config file with every setting commented out at its default");
  init->add_option("--output,-o", *out, "where to write it, - for standard output (default: the config file)");
  init->add_flag("--force", *force, "replace an existing file");
  init->callback([&r, force, out] {
    const auto env = config::process_env();
    // The paths only: a broken existing file must not stop writing a fresh one with --force.
    config::Paths paths = config::resolve_paths(env, "");
    if (!r.globals.config.empty()) {
      paths.config_file = r.globals.config;
    }
    const std::string text = config::default_file(paths);
    const std::string target = out->empty() ? paths.config_file : *out;
    if (target == "-") {
      fmt::print("{}", text);
      return;
    }
    std::error_code ec;
    if (std::filesystem::exists(target, ec) && !*force) {
      throw InputError(trf("{}: already exists; --force replaces it", target));
    }
    const auto dir = std::filesystem::path(target).parent_path();
    if (!dir.empty()) {
      std::filesystem::create_directories(dir, ec);
      if (ec) {
        throw InputError(trf("{}: cannot create the directory: {}", dir.string(), ec.message()));
      }
    }
    files::write_atomically(target, text);
    if (!r.globals.quiet) {
      fmt::print(stderr, "omskplan: {}\n", trf("wrote {}", target));
    }
  });
}

}  // namespace omskplan::cli
