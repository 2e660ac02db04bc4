// Shell completion scripts (bash, zsh, fish) generated from one description of
// the command tree, which the front end builds from its CLI definition: the
// scripts cannot drift from the commands. Ids of existing things (events,
// sites, templates, reports) are asked of omskplan itself when completing
// (`omskplan completion ids KIND`), so they are always current.
#pragma once

#include <string>
#include <vector>

namespace omskplan::shell {

struct OptionSpec {
  std::vector<std::string> names;    // "--format", "-f"
  bool takes_value = false;
  std::vector<std::string> choices;  // fixed values (enums), if any
  std::string value_kind;            // "file", "dir", or an id kind: "event", "site", "template", "report"
  std::string help;
  std::string value_name;            // what the manual writes after the option: FILE, INT, KEY=VALUE
  bool repeatable = false;
};

struct PositionalSpec {
  std::string name;  // "file", "id"
  std::string help;
  bool required = false;
  bool many = false;  // takes several
};

struct CommandSpec {
  std::string name;
  std::string help;
  std::vector<OptionSpec> options;
  std::vector<CommandSpec> subcommands;
  std::string positional_kind;  // what the positional arguments are: an id kind, "file", or ""
  std::vector<PositionalSpec> positionals;
  std::string footer;           // the help's footer, if any
};

// The id kinds `completion ids` answers.
const std::vector<std::string>& id_kinds();

std::string bash_script(const CommandSpec& root);
std::string zsh_script(const CommandSpec& root);
std::string fish_script(const CommandSpec& root);

// "bash", "zsh" or "fish"; throws InputError naming the shell otherwise.
std::string script(const CommandSpec& root, const std::string& shell);

}  // namespace omskplan::shell
