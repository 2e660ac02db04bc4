#!/usr/bin/env bash
# Every program the tests and CI call is installed on a bare Debian 12 by
# .ci/install-deps: it comes from a package of priority "required" (what any
# Debian system has), git or sudo (what a clone needs), a package in
# .ci/packages or one they depend on, or nodejs/npm (installed by
# install-deps). A tool missing from .ci/packages made a fresh machine fail
# cli_install once ("file utility is not available"); this finds such a gap
# on any machine that has the tool, before CI's clean one does.
set -u
root=${OMSKPLAN_SRC:?}
cd "$root" || exit 1
if ! command -v dpkg-query >/dev/null; then
  echo "tools lint: not a Debian system (dpkg-query missing)"
  echo "tools lint: 0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The packages a bare machine has or install-deps brings: required ones,
# git, sudo, .ci/packages, nodejs, npm, and everything those depend on.
dpkg-query -W -f='${Package} ${Priority}\n' | awk '$2 == "required" {print $1}' >"$tmp/allowed"
{ grep -v '^#' .ci/packages; echo git; echo sudo; echo nodejs; echo npm; } >"$tmp/queue"
while [ -s "$tmp/queue" ]; do
  sort -u "$tmp/queue" | comm -23 - <(sort -u "$tmp/allowed") >"$tmp/new"
  cat "$tmp/new" >>"$tmp/allowed"
  : >"$tmp/queue"
  while read -r p; do
    dpkg-query -W -f='${Depends}, ${Pre-Depends}\n' "$p" 2>/dev/null |
      tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/:any//; s/^ +//; s/ +$//' | grep -v '^$' >>"$tmp/queue"
  done <"$tmp/new"
done
sort -u -o "$tmp/allowed" "$tmp/allowed"

# Words in command position in the test suites and CI scripts (comments dropped).
scripts=$(ls tests/cli/*.sh tests/reliability/*.sh tests/lint/*.sh tests/fuzz/*.sh tests/unit/*.sh \
  po/*.sh examples/*.sh .ci/run .ci/install-deps 2>/dev/null)   # not bench/: it documents its own tools
# (Single-quoted text dropped: data, not commands; assignments are not commands.)
sed -E "s/(^|[[:space:]])#.*\$//; s/'[^']*'//g" $scripts |
  grep -oE '(^|[;&|(!]|\{ |\$\(|\b(then|do|else|time|xargs|exec|command -v|need))[[:space:]]*[a-z][a-z0-9+_.-]*($|[^=a-z0-9+_.-])' |
  sed -E 's/[^a-z0-9+_.-]$//; s/.*[^a-z0-9+_.-]([a-z][a-z0-9+_.-]*)$/\1/' >"$tmp/words"
# Every tool a suite says it needs ("need cpack dpkg-shlibdeps file").
sed -E 's/(^|[[:space:]])#.*$//' $scripts | grep -oE '\bneed( [a-z][a-z0-9+_.-]*)+' | cut -d' ' -f2- | tr ' ' '\n' >>"$tmp/words"
sort -u -o "$tmp/words" "$tmp/words"

# The package of a program: dpkg knows /bin/cat where usrmerge made it /usr/bin/cat.
package_of() {
  local p
  for p in "$1" "$(readlink -f "$1")" "/bin/$2" "/usr/bin/$2" "/sbin/$2" "/usr/sbin/$2"; do
    dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1 | grep . && return 0
  done
  return 1
}

bad=0
checked=0
while read -r w; do
  [ "$(type -t "$w")" = file ] || continue   # builtins, keywords, functions, or not a program here
  # mailcap's print and see: the words of awk and Python programs and of messages («…; see FILE»)
  # that the pattern takes for commands; no test runs them.
  case $w in print | see) continue ;; esac
  path=$(command -v "$w")
  pkg=$(package_of "$path" "$w")
  if [ -z "$pkg" ]; then
    # Not from a Debian package (node from another repository, a local install).
    case $w in node | npm) continue ;; esac
    echo "lint: '$w' ($path) is from no Debian package; install-deps cannot install it"
    bad=$((bad + 1))
    continue
  fi
  checked=$((checked + 1))
  for p in ${pkg//,/ }; do
    if grep -qxF "$p" "$tmp/allowed"; then continue 2; fi
  done
  echo "lint: the tests call '$w' ($pkg), which a bare Debian 12 lacks: add $pkg to .ci/packages"
  bad=$((bad + 1))
done <"$tmp/words"
if [ "$bad" -eq 0 ]; then
  echo "tools lint: $checked programs, each installed by .ci/install-deps"
  echo "tools lint: 1 passed, 0 failed"
else
  echo "tools lint: 0 passed, 1 failed ($bad programs)"
  exit 1
fi
