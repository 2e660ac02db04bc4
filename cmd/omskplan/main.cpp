// omskplan: the command-line front end. Parses, runs one library operation
// per command, maps errors to exit codes (docs/exit-codes.md).
#include "commands.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>

namespace omskplan::cli {

std::unique_ptr<std::istream> open_input(const std::string& path, std::size_t limit) { return files::open(path, limit); }

std::string read_input(const std::string& path, std::size_t limit) { return files::read(path, limit); }

// One line on standard error; whatever the message quotes from the input is
// made safe for the terminal and cut when long.
void print_error(std::string_view msg) {
  fmt::print(stderr, "omskplan: {}: {}\n", tr("error"), text::for_terminal(msg, 1000));
}

namespace {

// `tok` is an option of `app` or an ancestor that takes a value (so the next
// argument is that value): what the argv pre-scans below need to skip.
bool takes_value(CLI::App& app, const std::string& tok) {
  for (CLI::App* a = &app; a; a = a->get_parent()) {
    if (const CLI::Option* opt = a->get_option_no_throw(tok)) {
      return opt->get_type_size_max() > 0 && opt->get_items_expected_max() > 0;
    }
  }
  return false;
}

// CLI11 2.1 answers an unknown subcommand with "A subcommand is required" or
// "arguments were not expected"; walk argv first and name the nearest one.
std::optional<std::string> unknown_subcommand(CLI::App& app, int argc, char** argv) {
  CLI::App* cur = &app;
  std::string path = "omskplan";
  for (int i = 1; i < argc; ++i) {
    const std::string tok = argv[i];
    if (tok == "--") {
      return std::nullopt;
    }
    if (tok.size() > 1 && tok[0] == '-') {
      if (tok.find('=') != std::string::npos) {
        continue;
      }
      if (takes_value(*cur, tok)) {
        ++i;  // its value is not a command
      }
      continue;
    }
    const auto subs = cur->get_subcommands({});
    const auto positionals = cur->get_options([](const CLI::Option* o) { return o->get_positional(); });
    if (subs.empty() || !positionals.empty()) {
      return std::nullopt;  // positional arguments from here on (or a word that may be one)
    }
    CLI::App* next = nullptr;
    for (CLI::App* s : subs) {
      if (s->check_name(tok)) {
        next = s;
      }
    }
    if (next) {
      cur = next;
      path += " " + tok;
      continue;
    }
    std::vector<std::string> candidates;
    for (const CLI::App* s : subs) {
      candidates.push_back(s->get_name());
    }
    const std::string best = text::closest(tok, candidates);
    return best.empty() ? trf("unknown command '{}' for '{}'; expected one of: {}", tok, path, typed_list(candidates))
                        : trf("unknown command '{}' for '{}', did you mean '{}'?", tok, path, best);
  }
  return std::nullopt;
}

// The language, before the command line is built (its help is translated):
// --lang, then the settings' layers (OMSKPLAN_LANG, config.toml's lang), then
// the locale. A broken config file is reported later, by the command.
void choose_language(int argc, char** argv) {
  GlobalOptions g;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    for (auto [name, target] : {std::pair{std::string_view("--lang"), &g.lang}, {"--config", &g.config}}) {
      if (a == name && i + 1 < argc) {
        *target = argv[i + 1];
      } else if (a.size() > name.size() + 1 && a.substr(0, name.size()) == name && a[name.size()] == '=') {
        *target = std::string(a.substr(name.size() + 1));
      }
    }
  }
  // Cheapest first: this runs before every command (`event add` has a 5 ms budget).
  const auto env = config::process_env();
  std::string setting = g.lang == "ru" || g.lang == "en" || g.lang == "auto" ? g.lang : "";
  if (setting.empty()) {
    setting = env("OMSKPLAN_LANG").value_or("");
  }
  if (setting.empty()) {
    try {
      setting = config::file_language(config::resolve_paths(env, "").config_file, g.config);
    } catch (const std::exception&) {
      // A broken config file is reported by the command, in the locale's language.
    }
  }
  i18n::use(config::resolve_lang(setting.empty() ? "auto" : setting, env));
}

// Help texts, footers and group names, translated once the tree is built:
// the definitions stay plain English literals (po/update.sh extracts them
// from the binary with `omskplan completion strings`).
void translate_cli(CLI::App& app) {
  app.description(tr(app.get_description()));
  app.footer(tr(app.get_footer()));
  if (!app.get_group().empty()) {
    app.group(tr(app.get_group()));
  }
  for (CLI::Option* opt : app.get_options()) {
    opt->description(tr(opt->get_description()));
    if (!opt->get_group().empty()) {
      opt->group(tr(opt->get_group()));
    }
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    translate_cli(*sub);
  }
}

// CLI11 converts an integer that does not fit to the largest one (an id of
// 10^20 became 9223372036854775807, a real id to look up): every whole-number
// option refuses what does not fit, naming it.
void check_integer_ranges(CLI::App& app) {
  static const CLI::Validator fits(
      [](std::string& value) -> std::string {
        std::string_view v = value;
        if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
          v.remove_prefix(1);
        }
        if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          return {};  // not digits: CLI11's own conversion says what is wrong
        }
        long long n = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc::result_out_of_range) {
          return trf("{} is too large for a whole number (at most {})", value, std::numeric_limits<long long>::max());
        }
        return {};
      },
      "", "integer range");
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_type_name() == "INT" || opt->get_type_name() == "UINT") {
      opt->check(fits);
    }
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    check_integer_ranges(*sub);
  }
}

// CLI11 pads the option column by bytes; Russian (ОБЯЗ.) is two bytes a letter. The same
// layout, padded by display width.
class DisplayWidthFormatter : public CLI::Formatter {
public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string desc = make_option_desc(opt);
    const std::size_t wid = get_column_width();
    const std::size_t w = text::display_width(name);
    std::string out = name;
    if (!desc.empty()) {
      out += w >= wid ? "\n" + std::string(wid, ' ') : std::string(wid - w, ' ');
      for (const char c : desc) {
        out += c;
        if (c == '\n') {
          out += std::string(wid, ' ');
        }
      }
    } else if (w < wid) {
      out += std::string(wid - w, ' ');
    }
    return out + "\n";
  }
};

// CLI11's parse errors, in the user's language (the msgids are CLI11 2.1's own wording).
std::string parse_error_message(const std::string& what) {
  if (i18n::language() == "en") {
    return what;
  }
  static const std::pair<const char*, const char*> kPatterns[] = {
      {R"(^A subcommand is required$)", N_("A subcommand is required")},
      {R"(^(.+) is required$)", N_("{} is required")},
      {R"(^(\S+): (\d+) required (\S+) missing$)", N_("{}: {} required {} missing")},
      {R"(^Could not convert: (.+) = (.*)$)", N_("Could not convert: {} = {}")},
      {R"(^The following argument was not expected: (.*)$)", N_("The following argument was not expected: {}")},
      {R"(^The following arguments were not expected: (.*)$)", N_("The following arguments were not expected: {}")},
      {R"(^(\S+): (.*) not in \{(.*)\}$)", N_("{}: {} not in {{{}}}")},
      {R"(^(\S+): Value (.*) not in range (.*) to (.*)$)", N_("{}: Value {} not in range {} to {}")},
      {R"(^(.+) requires (.+)$)", N_("{} requires {}")},
      {R"(^(.+) excludes (.+)$)", N_("{} excludes {}")},
  };
  for (const auto& [pattern, msgid] : kPatterns) {
    std::smatch m;
    if (std::regex_match(what, m, std::regex(pattern))) {
      fmt::dynamic_format_arg_store<fmt::format_context> args;
      for (std::size_t i = 1; i < m.size(); ++i) {
        std::string a = m[i].str();
        // A positional argument is named as the usage line names it (ID), an option as typed.
        if (i == 1 && msgid == std::string_view("Could not convert: {} = {}") && !a.starts_with('-')) {
          for (auto& c : a) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          }
        }
        args.push_back(a);
      }
      return fmt::vformat(i18n::translate(msgid), args);
    }
  }
  return what;
}

struct CommandSetup {
  std::string_view name;
  void (*setup)(CLI::App&, Runner&);
};
constexpr CommandSetup kCommands[] = {
    {"event", setup_event},     {"agreement", setup_agreement}, {"inspection", setup_inspection},
    {"unit", setup_unit},       {"venue", setup_venue},       {"plan", setup_plan},
    {"guest", setup_guest},     {"delegation", setup_delegation},
    {"report", setup_report},   {"template", setup_template},   {"db", setup_db},
    {"history", setup_history}, {"undo", setup_undo},           {"config", setup_config},
    {"completion", setup_completion},  // also `manpage`; it describes the whole tree
};

// The top-level command argv names, when it is one that can be built alone; "" otherwise.
// The global options are defined already; the commands not yet.
std::string_view selected_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") {
      return "";
    }
    if (!a.empty() && a[0] == '-') {
      if (a.find('=') == std::string_view::npos && takes_value(app, std::string(a))) {
        ++i;
      }
      continue;
    }
    for (const auto& c : kCommands) {
      if (c.name == a && a != "completion") {
        return c.name;
      }
    }
    return "";
  }
  return "";
}

int run(int argc, char** argv) {
  choose_language(argc, argv);
  // Never destroyed: tearing down ~400 options and ~80 subcommands was a third of the
  // start-up of every command, and the process ends right after. Reachable from a
  // static, so leak checkers do not report it.
  static CLI::App* const app_ptr =
      new CLI::App{"omskplan — planning for the organizational department of the Omsk City Administration:\n"
                   "events, their checklists and run of show, conflicts and calendars."};
  CLI::App& app = *app_ptr;
  app.formatter(std::make_shared<DisplayWidthFormatter>());  // before the subcommands: they share it
  app.name("omskplan");
  app.set_version_flag("--version", kVersion);
  app.fallthrough();
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 error, 2 usage, 3 something due/overdue (--fail-*), 4 conflict (--strict), "
             "5 database.\nEnvironment: OMSKPLAN_DB, OMSKPLAN_TZ, OMSKPLAN_NOW, OMSKPLAN_LANG, OMSKPLAN_CONFIG, "
             "OMSKPLAN_<SETTING>, NO_COLOR. Settings: omskplan config show. See docs/.");
  Runner r;
  r.globals.argv.assign(argv, argv + argc);
  app.add_option("--db", r.globals.db, "database file (default $OMSKPLAN_DB, then $XDG_DATA_HOME/omskplan/omskplan.db)");
  app.add_option("--tz", r.globals.tz, "time zone for input and display (default Asia/Omsk)");
  app.add_option("--format,-f", r.globals.format, "output: table, json, csv, md, ics, html, xlsx, docx (where it makes sense)");
  app.add_flag("--json", r.globals.json, "same as --format json");
  app.add_flag("--quiet,-q", r.globals.quiet, "print only ids, for pipes");
  app.add_flag("--no-color", r.globals.no_color, "no colors even on a terminal");
  app.add_option("--config", r.globals.config, "the config file (default $OMSKPLAN_CONFIG, then "
                                                "$XDG_CONFIG_HOME/omskplan/config.toml)");
  app.add_option("--csv", r.globals.csv, "CSV dialect: rfc (RFC 4180, the default) or excel (Excel on Russian Windows)")
      ->check(CLI::IsMember({"rfc", "excel"}));
  app.add_option("--lang", r.globals.lang, "language of messages: ru, en or auto (from LANG)")
      ->check(CLI::IsMember({"ru", "en", "auto"}));
  app.add_option("--set", r.globals.sets, "set a setting for this run: KEY=VALUE (see `omskplan config show`)")
      ->type_name("KEY=VALUE");
  // Only the command being run is built (the others cost start-up time, and `event add`
  // has 5 ms); everything for help, completion, the man page or an unknown command.
  const std::string_view only = selected_command(app, argc, argv);
  for (const auto& [name, setup] : kCommands) {
    if (only.empty() || only == name) {
      setup(app, r);
    }
  }
  check_integer_ranges(app);
  if (i18n::language() != "en") {
    translate_cli(app);
  }
  app.get_formatter()->label("Usage", tr("Usage"));
  app.get_formatter()->label("OPTIONS", tr("OPTIONS"));
  app.get_formatter()->label("SUBCOMMAND", tr("SUBCOMMAND"));
  app.get_formatter()->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
  app.get_formatter()->label("REQUIRED", tr("REQUIRED"));
  app.get_formatter()->label("Positionals", tr("Positionals"));
  app.get_formatter()->label("Needs", tr("Needs"));
  app.get_formatter()->label("Excludes", tr("Excludes"));
  // The kinds of value an option takes, as the help names them (--limit ЦЕЛОЕ).
  for (const char* kind : {"TEXT", "INT", "UINT", "FLOAT", "KEY=VALUE"}) {
    app.get_formatter()->label(kind, say_value_kind(kind));
  }

  if (auto msg = unknown_subcommand(app, argc, argv)) {
    print_error(*msg);
    return static_cast<int>(ExitCode::usage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(parse_error_message(e.what()));
    fmt::print(stderr, "{}\n", tr("Run with --help for more information."));
    return static_cast<int>(ExitCode::usage);
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    throw StorageError(trf("cannot write the output: {}", std::strerror(errno)));
  }
  return r.exit_code;
}

}  // namespace
}  // namespace omskplan::cli

int main(int argc, char** argv) {
  using omskplan::cli::print_error;
  using omskplan::tr;
  using omskplan::trf;
  try {
    return omskplan::cli::run(argc, argv);
  } catch (const omskplan::Error& e) {
    print_error(e.what());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    print_error(tr("out of memory; nothing was written"));
    return static_cast<int>(omskplan::ExitCode::error);
  } catch (const std::filesystem::filesystem_error& e) {
    // The path and the system's reason, not the library's wording.
    print_error(e.path1().empty() ? e.code().message()
                                  : fmt::format("{}: {}", e.path1().string(), e.code().message()));
    return static_cast<int>(omskplan::ExitCode::error);
  } catch (const std::exception&) {
    print_error(tr("internal error (a bug in omskplan; nothing was written); please report the command that caused it"));
    return static_cast<int>(omskplan::ExitCode::error);
  }
}
