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
# One dpkg-query for every installed package (one per package took seconds).
dpkg-query -W -f='${Package}\t${Priority}\t${Depends}, ${Pre-Depends}\n' >"$tmp/installed"
{ grep -v '^#' .ci/packages; echo git; echo sudo; echo nodejs; echo npm; } >"$tmp/wanted"
awk -F'\t' '
  NR == FNR { deps[$1] = $3; if ($2 == "required") { allowed[$1] = 1; seen[$1] = 1 } next }
  { queue[++n] = $1 }
  END {
    for (i = 1; i <= n; ++i) {
      p = queue[i]
      if (p in seen) continue
      seen[p] = 1
      allowed[p] = 1
      m = split(deps[p], d, ",")
      for (j = 1; j <= m; ++j) {
        q = d[j]; sub(/\|.*/, "", q); sub(/\(.*\)/, "", q); sub(/:any/, "", q); gsub(/^ +| +$/, "", q)
        if (q != "" && !(q in seen)) queue[++n] = q
      }
    }
    for (p in allowed) print p
  }' "$tmp/installed" "$tmp/wanted" >"$tmp/allowed"
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

# The package of a program: dpkg knows /bin/cat where usrmerge made it
# /usr/bin/cat. Read from dpkg's own file lists once (a `dpkg -S` per path
# took most of a minute), the programs' directories only.
declare -A owner
while read -r path pkg; do
  owner[$path]=${owner[$path]:+${owner[$path]},}$pkg
done < <(awk '$0 ~ /\/s?bin\/[^\/]+$/ {n = FILENAME; sub(/.*\//, "", n); sub(/\.list$/, "", n); sub(/:.*/, "", n); print $0, n}' \
  /var/lib/dpkg/info/*.list)
package_of() {
  local p
  for p in "$1" "$(readlink -f "$1")" "/bin/$2" "/usr/bin/$2" "/sbin/$2" "/usr/sbin/$2"; do
    if [ -n "${owner[$p]:-}" ]; then
      echo "${owner[$p]}"
      return 0
    fi
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
