#include "shell/manpage.hpp"

#include "config/config.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace omskplan::shell {

std::string roff_escape(const std::string& s) {
  std::string out;
  bool line_start = true;
  for (char c : s) {
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";  // a real minus: options copy and paste, search with /--db works
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

namespace {

std::string bold(const std::string& s) { return "\\fB" + roff_escape(s) + "\\fR"; }
std::string italic(const std::string& s) { return "\\fI" + roff_escape(s) + "\\fR"; }

// CLI11 writes the first help line as the summary; the rest of a multi-line
// description becomes its own paragraphs.
std::string paragraphs(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto nl = text.find('\n', start);
    const std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty()) {
      out += roff_escape(line) + "\n";
    }
    if (nl == std::string::npos) {
      break;
    }
    start = nl + 1;
  }
  return out;
}

std::string option_head(const OptionSpec& o) {
  std::string head;
  for (const auto& n : o.names) {
    head += (head.empty() ? "" : ", ") + bold(n);
  }
  if (o.takes_value) {
    std::string value = o.value_name;
    if (!o.choices.empty() && o.choices.size() <= 4) {
      value.clear();
      for (const auto& c : o.choices) {
        value += (value.empty() ? "" : "|") + c;
      }
    }
    head += " " + italic(value.empty() ? "VALUE" : value);
  }
  return head;
}

std::string synopsis_args(const CommandSpec& c) {
  std::string out;
  for (const auto& p : c.positionals) {
    std::string arg = italic(p.name) + (p.many ? "\\&..." : "");
    out += " " + (p.required ? arg : "[" + arg + "]");
  }
  return out;
}

void options(std::string& out, const CommandSpec& c) {
  for (const OptionSpec& o : c.options) {
    if (o.names.front() == "--help") {
      continue;  // every command has it; said once under GLOBAL OPTIONS
    }
    out += ".TP\n" + option_head(o) + "\n";
    out += roff_escape(o.help.empty() ? tr("(no description)") : o.help);
    if (o.repeatable) {
      out += roff_escape(tr(" (may be repeated)"));
    }
    out += "\n";
  }
}

void command(std::string& out, const CommandSpec& c, const std::string& path, const std::string& root_footer) {
  const bool leaf = c.subcommands.empty();
  if (!path.empty()) {
    out += ".SS \"" + roff_escape("omskplan " + path) + (leaf ? synopsis_args(c) : "") + "\"\n";
    out += paragraphs(c.help);
    for (const auto& p : c.positionals) {
      out += ".TP\n" + italic(p.name) + "\n" + roff_escape(p.help.empty() ? p.name : p.help) + "\n";
    }
    options(out, c);
    if (!c.footer.empty() && c.footer != root_footer) {
      out += ".PP\n" + paragraphs(c.footer);
    }
  }
  for (const CommandSpec& s : c.subcommands) {
    command(out, s, path.empty() ? s.name : path + " " + s.name, root_footer);
  }
}

// Descriptions are marked N_() and translated where printed: `omskplan --lang ru manpage` is the Russian page.
constexpr const char* kExitStatus[][2] = {
    {"0", N_("done")},
    {"1", N_("operational error: bad input (a date, an offset, an enum value, a template, a JSON or iCalendar file), "
             "an unknown id or template; nothing was written")},
    {"2", N_("usage error: the command line itself (an unknown command or option, a missing argument)")},
    {"3", N_("alert: the command worked and found something to act on (--fail-on-overdue, --fail-if-any)")},
    {"4", N_("refused because of a scheduling conflict (--strict)")},
    {"5", N_("database or disk: no database at the path, a damaged file, a schema newer than the binary or older "
             "(until db migrate), a full disk, a read-only file or directory, locked longer than 10 s; "
             "db check found a problem")},
};

constexpr const char* kFiles[][2] = {
    {"$XDG_DATA_HOME/omskplan/omskplan.db", N_("the database (mode 0600) and its -wal and -shm files")},
    {"$XDG_CONFIG_HOME/omskplan/config.toml", N_("settings; omskplan config init writes a commented one")},
    {"$XDG_CONFIG_HOME/omskplan/templates/*.toml",
     N_("your event templates; one with the id of a shipped template replaces it")},
    {"$XDG_CONFIG_HOME/omskplan/reports/*.toml", N_("your report templates")},
    {"$XDG_CONFIG_HOME/omskplan/calendar/YYYY.toml", N_("a production calendar year of your own")},
    {"<prefix>/share/omskplan/", N_("the shipped templates, reports and production calendars, found relative to "
                                    "the binary")},
};

constexpr const char* kExamples[][2] = {
    {"omskplan event new \\-\\-template city\\-day \\-\\-date 2024\\-08\\-03",
     N_("plan City Day from its template: the checklist counted back from the day, the run of show")},
    {"omskplan event clone 2 \\-\\-date 2025\\-08\\-02", N_("next year's event from this year's, with its lessons")},
    {"omskplan event agenda \\-\\-days 14 \\-\\-fail\\-on\\-overdue", N_("what is due; exit 3 when a task is overdue")},
    {"omskplan event list \\-\\-year 2024 \\-f ics > plan.ics", N_("the year's events for a shared calendar")},
    {"omskplan inspection schedule \\-\\-week next", N_("the weekly inspection schedule (cron, every Friday)")},
    {"omskplan agreement due \\-\\-within 30d \\-\\-fail\\-if\\-any", N_("obligations and expiries of the month")},
    {"omskplan report run monthly\\-plan \\-\\-month 2024\\-03 \\-f html \\-o plan.html",
     N_("the monthly plan of main events")},
    {"omskplan db backup /srv/backup/omskplan\\-$(date +%F).db", N_("a consistent copy, while others write")},
    {"omskplan \\-\\-quiet event list \\-\\-kind concert | xargs \\-n1 omskplan event show", N_("ids for pipes")},
};

std::string section(const std::string& t) {  // a heading, already translated
  return t.find(' ') == std::string::npos ? ".SH " + t + "\n" : ".SH \"" + t + "\"\n";
}

}  // namespace

std::string man_page(const CommandSpec& root, const std::string& date, const std::string& version) {
  std::string out;
  out += ".\\\" -*- coding: UTF-8 -*-\n";  // man-db and preconv read it: the page is UTF-8 in any locale
  out += ".\\\" Generated by omskplan from its command-line definition; do not edit.\n";
  out += fmt::format(".TH OMSKPLAN 1 \"{}\" \"{}\" \"{}\"\n", date, roff_escape(version), tr("User Commands"));
  out += section(trc("man", "NAME"));
  out += "omskplan \\- " +
         roff_escape(tr("plans the events, agreements and inspections of the organizational department of the Omsk "
                        "City Administration")) +
         "\n";
  out += section(trc("man", "SYNOPSIS"));
  out += fmt::format(".B omskplan\n[\\fI{}\\fR] \\fI{}\\fR [\\fI{}\\fR] [\\fI{}\\fR] [\\fI{}\\fR]\n",
                     roff_escape(tr("global options")), roff_escape(tr("command")), roff_escape(tr("subcommand")),
                     roff_escape(tr("options")), roff_escape(tr("arguments")));
  out += section(trc("man", "DESCRIPTION")) + paragraphs(root.help);
  out += ".PP\n" + roff_escape(tr("Commands:")) + "\n";
  for (const CommandSpec& s : root.subcommands) {
    out += ".TP\n" + bold(s.name) + "\n" + paragraphs(s.help);
  }
  out += ".PP\n" +
         roff_escape(trf("Results go to standard output and nothing else does; errors are one line on standard error, "
                         "\"omskplan: {}: …\", naming the input and what is wrong. Nothing is written when a "
                         "command fails: every change is one SQLite transaction. No command ever prompts.",
                         tr("error"))) +
         "\n";
  out += section(trc("man", "GLOBAL OPTIONS")) + roff_escape(tr("These go before the command.")) + "\n";
  options(out, root);
  out += ".TP\n\\fB\\-\\-help\\fR, \\fB\\-h\\fR\n" + roff_escape(tr("help for any command, e.g.")) +
         " omskplan event add \\-\\-help\n";
  out += section(trc("man", "COMMANDS"));
  command(out, root, "", root.footer);  // the root's footer is EXIT STATUS and ENVIRONMENT below
  out += section(trc("man", "EXIT STATUS"));
  for (const auto& [code, what] : kExitStatus) {
    out += fmt::format(".TP\n.B {}\n{}\n", code, roff_escape(tr(what)));
  }
  out += section(trc("man", "ENVIRONMENT"));
  out += roff_escape(tr("Every setting can be set in config.toml, in the environment and on the command line "
                        "(--set KEY=VALUE), each overriding the one before; omskplan config show prints each "
                        "setting with where it came from.")) +
         "\n";
  for (const config::KeyInfo& k : config::keys()) {
    if (k.env.empty()) {
      continue;
    }
    const std::string fallback =
        k.fallback.empty() ? "" : roff_escape(trf(", default {}", std::string(k.fallback)));
    out += fmt::format(".TP\n.B {}\n{} ({} \\fB{}\\fR{})\n", roff_escape(std::string(k.env)),
                       roff_escape(tr(std::string(k.help))), roff_escape(tr("setting")),
                       roff_escape(std::string(k.key)), fallback);
  }
  out += ".TP\n.B OMSKPLAN_CONFIG\n" + roff_escape(tr("another config file; it must exist")) + "\n";
  out += ".TP\n.B OMSKPLAN_DATA_DIR\n" +
         roff_escape(tr("an extra directory with templates/, reports/ and calendar/")) + "\n";
  out += ".TP\n.B NO_COLOR\n" + roff_escape(tr("no colors, even on a terminal")) + "\n";
  out += ".TP\n.BR LC_ALL \", \" LC_MESSAGES \", \" LANG \", \" LANGUAGE\n" +
         roff_escape(tr("the language of messages when the lang setting is auto: Russian for ru_*, English otherwise")) +
         "\n";
  out += section(trc("man", "FILES"));
  for (const auto& [path, what] : kFiles) {
    out += fmt::format(".TP\n.I {}\n{}\n", roff_escape(path), roff_escape(tr(what)));
  }
  out += section(trc("man", "EXAMPLES"));
  for (const auto& [cmd, what] : kExamples) {
    out += fmt::format(".TP\n.B {}\n{}\n", cmd, roff_escape(tr(what)));
  }
  out += section(trc("man", "SEE ALSO"));
  out += ".BR sqlite3 (1),\n.BR crontab (5).\n" +
         roff_escape(tr("The user guide: /usr/share/doc/omskplan/ and docs/ in the sources.")) + "\n";
  return out;
}

}  // namespace omskplan::shell
