#!/usr/bin/env python3
"""po/set.py FILE.po < pairs: sets translations. Input: "msgid<TAB>msgstr" lines (for a plural
entry: msgstr forms separated by " ||| "; for an entry with a msgctxt: "@context@msgid");
clears the fuzzy flag of each."""
import re
import sys


def quote(s):
    return '"' + s + '"'


def main():
    path = sys.argv[1]
    pairs = {}
    for line in sys.stdin.read().split("\n"):
        if "\t" in line:
            k, v = line.split("\t", 1)
            pairs[k] = v
    text = open(path, encoding="utf-8").read()
    blocks = text.split("\n\n")
    done = set()
    for i, b in enumerate(blocks):
        m = re.search(r'^msgid "(.*)"$', b, re.M)
        c = re.search(r'^msgctxt "(.*)"$', b, re.M)
        key = (f"@{c.group(1)}@" if c else "") + (m.group(1) if m else "")
        if not m or key not in pairs:
            continue
        v = pairs[key]
        lines, in_msgstr = [], False
        for l in b.split("\n"):  # drop the old msgstr and its continuation lines, keep the rest
            if l.startswith("msgstr"):
                in_msgstr = True
            elif not l.startswith('"'):
                in_msgstr = False
            if not in_msgstr:
                lines.append(l)
        lines = [re.sub(r"^#, fuzzy, ", "#, ", l) for l in lines if l != "#, fuzzy" and not l.startswith("#| ")]
        if any(l.startswith("msgid_plural") for l in lines):
            forms = v.split(" ||| ")
            lines += [f"msgstr[{n}] {quote(f)}" for n, f in enumerate(forms)]
        else:
            lines.append(f"msgstr {quote(v)}")
        blocks[i] = "\n".join(lines)
        done.add(key)
    missing = set(pairs) - done
    if missing:
        sys.exit(f"not in {path}: {sorted(missing)}")
    open(path, "w", encoding="utf-8").write("\n\n".join(blocks))


main()
