#include "shell/completion.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <functional>
#include <stdexcept>

namespace omskplan::shell {

namespace {

// Names and values go into the scripts unquoted inside single quotes or case
// patterns: only characters that need no quoting anywhere are accepted.
const std::string& word(const std::string& w) {
  for (const char c : w) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    if (!ok) {
      throw std::logic_error("completion: not a plain word: " + w);
    }
  }
  return w;
}

// Help text inside single quotes (fish descriptions).
std::string single_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c == '\n' ? ' ' : c;
  }
  return out + "'";
}

std::string join_words(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& w : v) {
    out += (out.empty() ? "" : " ") + word(w);
  }
  return out;
}

struct Flat {
  std::string path;  // "" for the root, "event task add"
  const CommandSpec* spec;
};

void flatten(const CommandSpec& c, const std::string& path, std::vector<Flat>& out) {
  out.push_back({path, &c});
  for (const CommandSpec& s : c.subcommands) {
    flatten(s, path.empty() ? word(s.name) : path + " " + word(s.name), out);
  }
}

std::vector<Flat> flat(const CommandSpec& root) {
  std::vector<Flat> out;
  flatten(root, "", out);
  return out;
}

std::vector<std::string> sub_names(const CommandSpec& c) {
  std::vector<std::string> out;
  for (const CommandSpec& s : c.subcommands) {
    out.push_back(s.name);
  }
  return out;
}

std::vector<std::string> option_names(const CommandSpec& c) {
  std::vector<std::string> out;
  for (const OptionSpec& o : c.options) {
    for (const std::string& n : o.names) {
      out.push_back(n);
    }
  }
  return out;
}

// What completes the value of an option: "choices:a b", "kind:file", "kind:" (free text).
std::string value_spec(const OptionSpec& o) {
  if (!o.choices.empty()) {
    return "choices:" + join_words(o.choices);
  }
  return "kind:" + (o.value_kind.empty() ? std::string() : word(o.value_kind));
}

}  // namespace

const std::vector<std::string>& id_kinds() {
  static const std::vector<std::string> kinds{"event", "site", "unit", "plan", "template", "report", "setting", "guest", "delegation"};
  return kinds;
}

namespace {

// The tables and the logic bash and zsh share.
std::string shared_functions(const CommandSpec& root) {
  const auto all = flat(root);
  std::string s;
  s += "_omskplan_subcommands() {\n  case \"$1\" in\n";
  for (const Flat& f : all) {
    if (!f.spec->subcommands.empty()) {
      s += fmt::format("    '{}') echo '{}' ;;\n", f.path, join_words(sub_names(*f.spec)));
    }
  }
  s += "  esac\n}\n\n_omskplan_options() {\n  case \"$1\" in\n";
  for (const Flat& f : all) {
    if (!f.spec->options.empty()) {
      s += fmt::format("    '{}') echo '{}' ;;\n", f.path, join_words(option_names(*f.spec)));
    }
  }
  s += "  esac\n}\n\n# PATH OPTION: how its value completes; fails for a flag.\n"
       "_omskplan_value() {\n  case \"$1|$2\" in\n";
  for (const Flat& f : all) {
    for (const OptionSpec& o : f.spec->options) {
      if (!o.takes_value) {
        continue;
      }
      std::string pattern;
      for (const std::string& n : o.names) {
        pattern += (pattern.empty() ? "" : "|") + fmt::format("'{}|{}'", f.path, word(n));
      }
      s += fmt::format("    {}) echo '{}' ;;\n", pattern, value_spec(o));
    }
  }
  s += "    *) return 1 ;;\n  esac\n}\n\n_omskplan_positional() {\n  case \"$1\" in\n";
  for (const Flat& f : all) {
    if (!f.spec->positional_kind.empty()) {
      s += fmt::format("    '{}') echo '{}' ;;\n", f.path, word(f.spec->positional_kind));
    }
  }
  s += R"sh(  esac
}

# Shared by bash and zsh (arrays from 0, words split as in sh).
# CWORD WORD…: the candidates for word CWORD, one a line; "::file" or "::dir"
# ask for file or directory names.
_omskplan_candidates() {
  [ -n "${ZSH_VERSION-}" ] && setopt localoptions ksharrays shwordsplit
  local cword=$1
  shift
  local -a w
  w=("$@")
  local cur=${w[cword]} cmdpath="" i=1 x spec subs
  while [ "$i" -lt "$cword" ]; do
    x=${w[i]}
    if [[ $x == -* ]]; then
      if [[ $x != *=* ]] && { _omskplan_value "$cmdpath" "$x" >/dev/null || _omskplan_value "" "$x" >/dev/null; }; then
        i=$((i + 1))
      fi
    else
      subs=$(_omskplan_subcommands "$cmdpath")
      [[ " $subs " == *" $x "* ]] && cmdpath=${cmdpath:+$cmdpath }$x
    fi
    i=$((i + 1))
  done
  x=${w[cword - 1]}
  if [ "$cword" -gt 1 ] && [[ $x == -* ]] && spec=$(_omskplan_value "$cmdpath" "$x" || _omskplan_value "" "$x"); then
    _omskplan_spec "$spec" "$cur" "${w[@]}"
    return
  fi
  if [[ $cur == -* ]]; then
    _omskplan_words "$(_omskplan_options "$cmdpath") ${cmdpath:+$(_omskplan_options "")}" "$cur"
    return
  fi
  subs=$(_omskplan_subcommands "$cmdpath")
  if [ -n "$subs" ]; then
    _omskplan_words "$subs" "$cur"
    return
  fi
  _omskplan_spec "kind:$(_omskplan_positional "$cmdpath")" "$cur" "${w[@]}"
}

_omskplan_words() { # WORDS PREFIX: those of the words that start with PREFIX
  [ -n "${ZSH_VERSION-}" ] && setopt localoptions shwordsplit
  local x
  for x in $1; do
    [[ $x == "$2"* ]] && printf '%s\n' "$x"
  done
  return 0
}

_omskplan_spec() { # SPEC CUR WORD…: candidates for a value spec
  local spec=$1 cur=$2
  shift 2
  case $spec in
    choices:*) _omskplan_words "${spec#choices:}" "$cur" ;;
    kind:file) echo ::file ;;
    kind:dir) echo ::dir ;;
    kind:?*) _omskplan_words "$(_omskplan_ids "${spec#kind:}" "$@")" "$cur" ;;
  esac
}

# KIND WORD…: ids of existing things, from the database named by --db if given.
_omskplan_ids() {
  [ -n "${ZSH_VERSION-}" ] && setopt localoptions ksharrays
  local kind=$1 prog=$2
  local -a db
  db=()
  shift
  while [ $# -gt 1 ]; do
    [ "$1" = --db ] && db=(--db "$2")
    shift
  done
  "$prog" "${db[@]}" completion ids "$kind" 2>/dev/null
}
)sh";
  return s;
}

const char* kBashEntry = R"sh(
_omskplan() {
  local line
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
      ::file) mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "${COMP_WORDS[COMP_CWORD]}") ;;
      ::dir) mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "${COMP_WORDS[COMP_CWORD]}") ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done < <(_omskplan_candidates "$COMP_CWORD" "${COMP_WORDS[@]}")
}

complete -F _omskplan omskplan
)sh";

const char* kZshEntry = R"sh(
_omskplan() {
  local -a cands
  cands=("${(@f)$(_omskplan_candidates $((CURRENT - 1)) "${words[@]}")}")
  cands=(${cands:#})
  case ${cands[1]-} in
    ::file) _files ;;
    ::dir) _directories ;;
    *) compadd -a cands ;;
  esac
}

if [ "${funcstack[1]-}" = _omskplan ]; then
  _omskplan "$@"
else
  compdef _omskplan omskplan
fi
)sh";

}  // namespace

std::string bash_script(const CommandSpec& root) {
  return "# bash completion for omskplan. Generated by `omskplan completion bash`; do not edit.\n"
         "# Install: omskplan completion bash > ~/.local/share/bash-completion/completions/omskplan\n\n" +
         shared_functions(root) + kBashEntry;
}

std::string zsh_script(const CommandSpec& root) {
  return "#compdef omskplan\n"
         "# zsh completion for omskplan. Generated by `omskplan completion zsh`; do not edit.\n"
         "# Install: omskplan completion zsh > ~/.zsh/completions/_omskplan (a directory in $fpath),\n"
         "# or source it from ~/.zshrc after compinit.\n\n" +
         shared_functions(root) + kZshEntry;
}

std::string fish_script(const CommandSpec& root) {
  const auto all = flat(root);
  std::string s =
      "# fish completion for omskplan. Generated by `omskplan completion fish`; do not edit.\n"
      "# Install: omskplan completion fish > ~/.config/fish/completions/omskplan.fish\n\n"
      "complete -c omskplan -f\n\n";
  // Options that take a value, so that the path walker skips their values.
  std::vector<std::string> valued;
  for (const Flat& f : all) {
    for (const OptionSpec& o : f.spec->options) {
      if (o.takes_value) {
        for (const std::string& n : o.names) {
          valued.push_back(word(n));
        }
      }
    }
  }
  std::vector<std::string> paths;
  for (const Flat& f : all) {
    if (!f.path.empty()) {
      paths.push_back(f.path);
    }
  }
  s += "function __omskplan_path --description 'the subcommand path typed so far'\n"
       "    set -l valued " + join_words(valued) + "\n"
       "    set -l paths";
  for (const std::string& p : paths) {
    s += " '" + p + "'";
  }
  s += "\n"
       "    set -l tokens (commandline -opc)\n"
       "    set -l path ''\n"
       "    set -l skip 0\n"
       "    for t in $tokens[2..-1]\n"
       "        if test $skip = 1\n"
       "            set skip 0\n"
       "            continue\n"
       "        end\n"
       "        if string match -q -- '-*' $t\n"
       "            contains -- $t $valued; and set skip 1\n"
       "            continue\n"
       "        end\n"
       "        set -l next (string trim -- \"$path $t\")\n"
       "        contains -- $next $paths; and set path $next\n"
       "    end\n"
       "    echo $path\n"
       "end\n\n"
       "function __omskplan_is --argument-names p\n"
       "    test (__omskplan_path) = \"$p\"\n"
       "end\n\n"
       "function __omskplan_ids --argument-names kind\n"
       "    set -l tokens (commandline -opc)\n"
       "    set -l db\n"
       "    set -l i (contains -i -- --db $tokens)\n"
       "    and set db --db $tokens[(math $i + 1)]\n"
       "    $tokens[1] $db completion ids $kind 2>/dev/null\n"
       "end\n\n";
  for (const Flat& f : all) {
    const std::string cond = fmt::format("-n '__omskplan_is \"{}\"'", f.path);
    for (const CommandSpec& sub : f.spec->subcommands) {
      s += fmt::format("complete -c omskplan {} -a {} -d {}\n", cond, word(sub.name), single_quoted(sub.help));
    }
    // Global options (the root's) are offered everywhere.
    const std::string opt_cond = f.path.empty() ? std::string() : cond + " ";
    for (const OptionSpec& o : f.spec->options) {
      std::string names;
      for (const std::string& n : o.names) {
        names += n.rfind("--", 0) == 0 ? " -l " + word(n.substr(2)) : " -s " + word(n.substr(1));
      }
      std::string value;
      if (o.takes_value) {
        if (!o.choices.empty()) {
          value = " -x -a '" + join_words(o.choices) + "'";
        } else if (o.value_kind == "file" || o.value_kind == "dir") {
          value = " -r -F";
        } else if (!o.value_kind.empty()) {
          value = " -x -a '(__omskplan_ids " + word(o.value_kind) + ")'";
        } else {
          value = " -x";
        }
      }
      s += fmt::format("complete -c omskplan {}{}{} -d {}\n", opt_cond, names.substr(1), value, single_quoted(o.help));
    }
    if (f.spec->positional_kind == "file") {
      s += fmt::format("complete -c omskplan {} -F\n", cond);
    } else if (!f.spec->positional_kind.empty()) {
      s += fmt::format("complete -c omskplan {} -a '(__omskplan_ids {})'\n", cond, word(f.spec->positional_kind));
    }
  }
  return s;
}

std::string script(const CommandSpec& root, const std::string& shell) {
  if (shell == "bash") {
    return bash_script(root);
  }
  if (shell == "zsh") {
    return zsh_script(root);
  }
  if (shell == "fish") {
    return fish_script(root);
  }
  throw InputError(trf("shell '{}' is not one of bash, zsh, fish", shell));
}

}  // namespace omskplan::shell
