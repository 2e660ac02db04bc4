#!/usr/bin/env bash
# Every relative link in README.md and docs/*.md points at a file that exists,
# and every #anchor at a heading of that file (GitHub's anchor rules, roughly).
set -u
root=${OMSKPLAN_SRC:?}
cd "$root" || exit 1
bad=0
anchor() {  # a heading as GitHub makes its anchor: lower case, spaces to -, punctuation dropped
  LC_ALL=C.UTF-8 sed -E 's/^#+ +//; s/.*/\L&/; s/[^[:alnum:] _-]//g; s/ /-/g'
}
for doc in README.md docs/*.md; do
  dir=$(dirname "$doc")
  while IFS= read -r link; do
    target=${link%%#*}
    frag=""
    [ "$target" != "$link" ] && frag=${link#*#}
    case "$target" in http*://* | mailto:*) continue ;; esac
    file="$doc"
    if [ -n "$target" ]; then
      file="$dir/$target"
      if [ ! -e "$file" ]; then
        echo "lint: $doc: link to a missing file: $link"
        bad=$((bad + 1))
        continue
      fi
    fi
    if [ -n "$frag" ] && [ -f "$file" ]; then
      if ! grep -E '^#+ ' "$file" | anchor | grep -qxF -- "$frag"; then
        echo "lint: $doc: no heading for #$frag in $file"
        bad=$((bad + 1))
      fi
    fi
  done < <(grep -oE '\]\([^)]+\)' "$doc" | sed -E 's/^\]\(//; s/\)$//')
done
[ "$bad" -eq 0 ] && echo "docs: every link resolves"
[ "$bad" -eq 0 ]
