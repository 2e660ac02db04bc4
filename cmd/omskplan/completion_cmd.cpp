// `omskplan completion bash|zsh|fish`: scripts generated from the CLI
// definition itself; `omskplan completion ids KIND`: what they ask for ids.
#include "commands.hpp"
#include "core/i18n.hpp"
#include "core/error.hpp"
#include "event/model.hpp"
#include "event/planner.hpp"
#include "inspection/service.hpp"
#include "report/template.hpp"
#include "shell/completion.hpp"
#include "shell/manpage.hpp"
#include "event/template.hpp"
#include "guest/service.hpp"
#include "plan/service.hpp"
#include "unit/service.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace omskplan::cli {

namespace {

template <std::size_t N>
std::vector<std::string> names(const std::array<std::string_view, N>& a) {
  return {a.begin(), a.end()};
}

// What an option's value is, by its name and where it is: enums get their
// values, files complete as files, references as ids of existing things.
void describe_value(const std::string& path, const std::string& name, shell::OptionSpec& o) {
  const bool in_guests = path.rfind("event guests", 0) == 0 || path.rfind("guest", 0) == 0 ||
                         path.rfind("delegation", 0) == 0;
  if (in_guests && name == "--status") {
    o.choices = names(guest::kStatusNames);
    return;
  }
  if (in_guests && name == "--order") {
    o.choices = {"precedence", "name", "status", "group"};
    return;
  }
  if (in_guests && name == "--rank") {
    for (const auto& k : guest::builtin_precedence().ranks) {
      o.choices.push_back(k.id);
    }
    return;
  }
  if (in_guests && (name == "--head" || name == "--member" || name == "--add-member" || name == "--remove-member")) {
    o.value_kind = "guest";
    return;
  }
  if (path.rfind("delegation", 0) == 0 && (name == "--add-event" || name == "--remove-event")) {
    o.value_kind = "event";
    return;
  }
  const bool in_event = path.rfind("event", 0) == 0;
  const bool in_plan = path.rfind("plan", 0) == 0;
  if (name == "--format") {
    o.choices = {"table", "json", "csv", "md", "ics", "html", "xlsx", "docx"};
  } else if (name == "--lang") {
    o.choices = {"ru", "en", "auto"};
  } else if (in_event && name == "--kind") {
    o.choices = names(event::kKindNames);
  } else if (in_event && name == "--level") {
    o.choices = names(event::kLevelNames);
  } else if (in_event && name == "--status") {
    o.choices = names(event::kStatusNames);
  } else if (in_plan && name == "--kind") {
    o.choices = names(plan::kKindNames);
  } else if (in_plan && name == "--status") {
    o.choices = names(plan::kStatusNames);
  } else if (in_plan && name == "--recurring") {
    o.choices = {"monthly", "weekly", "quarterly"};
  } else if (name == "--template" && in_event) {
    o.value_kind = "template";
  } else if (name == "--unit" || name == "--owner" || name == "--parent") {
    o.value_kind = "unit";
  } else if (in_plan && (name == "--plan" || name == "--into")) {
    o.value_kind = "plan";
  } else if (name == "--event") {
    o.value_kind = "event";
  } else if (name == "--site") {
    o.value_kind = "site";
  } else if (name == "--db" || name == "--output" || name == "-o" || name == "--file" || name == "--narrative") {
    o.value_kind = "file";
  }
}

std::string positional_kind(const std::string& path, const std::string& name) {
  if (name == "file") {
    return "file";
  }
  if (name == "site") {
    return "site";
  }
  if (name == "unit") {
    return "unit";
  }
  if (name == "guest" || name == "guests") {
    return "guest";
  }
  if (name == "id" && path.rfind("delegation", 0) == 0) {
    return "delegation";
  }
  if (name == "plan") {
    return "plan";
  }
  if (name == "key" && path == "config get") {
    return "setting";
  }
  if (name == "id") {
    if (path.rfind("template", 0) == 0) {
      return "template";
    }
    if (path.rfind("report", 0) == 0) {
      return "report";
    }
    if (path.rfind("event", 0) == 0 && path.find("lesson") == std::string::npos) {
      return "event";
    }
  }
  return {};
}

// The value's name in the manual: FILE for files, else CLI11's type name
// (TEXT, INT, KEY=VALUE) without its validators' notes.
std::string value_name(const CLI::Option& opt, const shell::OptionSpec& o) {
  if (o.value_kind == "file") {
    return "FILE";
  }
  if (!o.value_kind.empty()) {
    return "ID";
  }
  if (!o.choices.empty()) {  // the manual lists a few; a long list is in the help text
    std::string name = o.names.front().substr(2);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::toupper(ch); });
    return name;
  }
  std::string t = opt.get_type_name();
  if (const auto colon = t.find(':'); colon != std::string::npos) {
    t = t.substr(0, colon);
  }
  if (t.size() > 2 && t.front() == '[' && t.back() == ']') {
    t = t.substr(1, t.size() - 2);
  }
  return say_value_kind(t.empty() ? "VALUE" : t);
}

shell::CommandSpec describe(const CLI::App& app, const std::string& path) {
  shell::CommandSpec c;
  c.name = app.get_name();
  c.help = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional()) {
      shell::OptionSpec o;
      for (const std::string& l : opt->get_lnames()) {
        o.names.push_back("--" + l);
      }
      for (const std::string& s : opt->get_snames()) {
        o.names.push_back("-" + s);
      }
      o.takes_value = opt->get_type_size_max() > 0 && opt->get_items_expected_max() > 0;  // not a flag
      o.help = opt->get_description();
      if (o.takes_value) {
        describe_value(path, o.names.front(), o);
        o.value_name = value_name(*opt, o);
        o.repeatable = opt->get_expected_max() > 1 || opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
      }
      c.options.push_back(std::move(o));
    } else {
      if (c.positional_kind.empty()) {
        c.positional_kind = positional_kind(path, opt->get_name());
      }
      c.positionals.push_back({opt->get_name(), opt->get_description(), opt->get_required(),
                               opt->get_expected_max() > 1});
    }
  }
  c.footer = app.get_footer();
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) {
      continue;  // hidden
    }
    c.subcommands.push_back(describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
  }
  return c;
}

// Every text of the command-line definition, as a .pot for po/update.sh.
void collect_strings(const CLI::App& app, std::vector<std::string>& out) {
  out.push_back(app.get_description());
  out.push_back(app.get_footer());
  out.push_back(app.get_group());
  for (const CLI::Option* opt : app.get_options()) {
    out.push_back(opt->get_description());
    out.push_back(opt->get_group());
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    collect_strings(*sub, out);
  }
}

std::string po_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void print_ids(Runtime& rt, const std::string& kind) {
  const auto quiet_warn = [](const std::string&) {};
  if (kind == "template") {
    for (const auto& e : event::TemplateCatalog(rt.paths().template_dirs, quiet_warn).list()) {
      rt.print(e.tmpl.id + "\n");
    }
  } else if (kind == "report") {
    for (const auto& t : report::ReportCatalog(rt.paths().report_dirs, quiet_warn).list()) {
      rt.print(t.id + "\n");
    }
  } else if (kind == "event") {
    // The newest first, bounded: a completion menu of 100 000 ids helps nobody.
    event::Services s{rt.db(store::OpenMode::existing), rt.ctx(), rt.travel_buffer()};
    for (const std::int64_t id : event::newest_event_ids(s, 500)) {
      rt.print(fmt::format("{}\n", id));
    }
  } else if (kind == "unit") {
    unit::Services s{rt.db(store::OpenMode::existing), rt.ctx()};
    for (const auto& u : unit::list(s, false)) {
      rt.print(u.code + "\n");
    }
  } else if (kind == "plan") {
    plan::Services s{rt.db(store::OpenMode::existing), rt.ctx(), rt.paths().plan_dirs};
    for (const auto& row : plan::list(s, {})) {
      rt.print(fmt::format("{}\n", row.plan.id));
    }
  } else if (kind == "guest" || kind == "delegation") {
    event::Services es{rt.db(store::OpenMode::existing), rt.ctx(), rt.travel_buffer()};
    const auto prec = guest::builtin_precedence();
    guest::Services gs{es, prec};
    if (kind == "guest") {
      for (const auto& g : guest::list(gs, "", "", 2000)) {
        rt.print(fmt::format("{}\n", g.id));
      }
    } else {
      for (const auto& d : guest::delegations(gs, std::nullopt)) {
        rt.print(fmt::format("{}\n", d.delegation.id));
      }
    }
  } else if (kind == "setting") {
    for (const auto& s : config::show(rt.settings(), rt.paths())) {
      rt.print(s.key + "\n");
    }
  } else if (kind == "site") {
    inspection::Services s{rt.db(store::OpenMode::existing), rt.ctx(), rt.schedule_settings(), rt.agreement_settings()};
    for (const auto& code : inspection::site_codes(s)) {
      rt.print(code + "\n");
    }
  } else {
    std::string all;
    for (const std::string& k : shell::id_kinds()) {
      all += (all.empty() ? "" : ", ") + k;
    }
    throw InputError(trf("id kind '{}' is not one of {}", kind, all));
  }
}

}  // namespace

void setup_completion(CLI::App& app, Runner& r) {
  auto* c = app.add_subcommand("completion", "Shell completion: omskplan completion bash|zsh|fish");
  auto shell = std::make_shared<std::string>();
  c->add_option("shell", *shell, "bash, zsh or fish");
  auto* ids = c->add_subcommand("ids", "Ids of existing things, for the completion scripts");
  c->callback([&app, shell, c] {
    if (!c->get_subcommands().empty()) {
      return;  // `completion ids` or `completion strings`
    }
    if (shell->empty()) {
      throw InputError(tr("which shell? omskplan completion bash|zsh|fish"));
    }
    // No Runtime: the build generates the scripts, and neither the builder's
    // config nor a database has anything to do with them.
    fmt::print("{}", shell::script(describe(app, ""), *shell));
  });
  ids->group("");

  auto* strings = c->add_subcommand("strings", "The texts of the command line, as a .pot (po/update.sh)");
  strings->group("");
  strings->callback([&app] {
    std::vector<std::string> all;
    collect_strings(app, all);
    std::set<std::string> seen;
    std::string out = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    for (const auto& str : all) {
      if (!str.empty() && seen.insert(str).second) {
        out += "#: cmd/omskplan (command-line help)\nmsgid " + po_quote(str) + "\nmsgstr \"\"\n\n";
      }
    }
    fmt::print("{}", out);
  });

  // The manual page, generated at build time from this same tree.
  auto* man = app.add_subcommand("manpage", "omskplan(1) in man(7) format, for the build");
  man->group("");
  auto date = std::make_shared<std::string>();
  man->add_option("--date", *date, "the page's date, YYYY-MM-DD")->required();
  man->callback([&app, date] {
    fmt::print("{}", shell::man_page(describe(app, ""), *date, kVersion));
  });
  auto kind = std::make_shared<std::string>();
  ids->add_option("kind", *kind, "event, site, unit, plan, template or report")->required();
  ids->callback([&r, kind] { print_ids(r.rt(), *kind); });
}

}  // namespace omskplan::cli
