#include "shell/completion.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

namespace {

shell::CommandSpec tree() {
  shell::CommandSpec root;
  root.name = "omskplan";
  shell::OptionSpec format;
  format.names = {"--format", "-f"};
  format.takes_value = true;
  format.choices = {"table", "json"};
  format.help = "output";
  root.options.push_back(format);
  shell::CommandSpec event;
  event.name = "event";
  event.help = "Events";
  shell::CommandSpec show;
  show.name = "show";
  show.help = "Show one";
  shell::OptionSpec json;
  json.names = {"--json"};
  json.help = "as JSON";
  show.options.push_back(json);
  show.positional_kind = "event";
  show.positionals.push_back({"id", "the event", true, true});
  event.subcommands.push_back(show);
  root.subcommands.push_back(event);
  return root;
}

}  // namespace

TEST_SUITE("shell::completion") {
  TEST_CASE("the scripts carry every path, option and value from the tree") {
    const auto bash = shell::bash_script(tree());
    CHECK(bash.find("'') echo 'event' ;;") != std::string::npos);
    CHECK(bash.find("'event show') echo '--json' ;;") != std::string::npos);
    CHECK(bash.find("'|--format'|'|-f') echo 'choices:table json' ;;") != std::string::npos);
    CHECK(bash.find("'event show') echo 'event' ;;") != std::string::npos);
    CHECK(bash.find("complete -F _omskplan omskplan") != std::string::npos);
    const auto zsh = shell::zsh_script(tree());
    CHECK(zsh.rfind("#compdef omskplan\n", 0) == 0);
    CHECK(zsh.find("compdef _omskplan omskplan") != std::string::npos);
    CHECK(zsh.find("_omskplan_candidates") != std::string::npos);
    const auto fish = shell::fish_script(tree());
    CHECK(fish.find("complete -c omskplan -n '__omskplan_is \"event\"' -a show -d 'Show one'") != std::string::npos);
    CHECK(fish.find("complete -c omskplan -l format -s f -x -a 'table json' -d 'output'") != std::string::npos);
    CHECK(fish.find("-a '(__omskplan_ids event)'") != std::string::npos);
  }

  TEST_CASE("an unknown shell is refused by name; a name that would need quoting is a bug") {
    CHECK_THROWS_WITH_AS(shell::script(tree(), "tcsh"), "shell 'tcsh' is not one of bash, zsh, fish", InputError);
    auto bad = tree();
    shell::CommandSpec rm;
    rm.name = "rm -rf";
    bad.subcommands.push_back(rm);
    CHECK_THROWS_AS(shell::bash_script(bad), std::logic_error);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
