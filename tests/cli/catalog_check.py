#!/usr/bin/env python3
"""tests/cli/catalog_check.py POT: one message, one meaning.

A one-word message (a status, a field, a label) said in more than one source
file without a msgctxt gets one Russian word for every use: «изменено» for an
agreement and «изменён» for a plan item, «номер» for a record id and an
agreement's official number. Each such word must either carry a msgctxt where
it is said (NC_ / trc) or be listed below, with the one meaning it has in every
file that says it. A new use of a listed word in another sense needs a context.
Fails (exit 1) naming each word and its files.
"""
import re
import sys

# word → the one meaning it has wherever it is said without a context (why one Russian word fits all).
REVIEWED = {
    # states said of one gender of thing everywhere
    "terminated": "an agreement («расторгнуто»): the command and the card",
    "updated": "an agreement or an event, both neuter («изменено»)",
    "added": "a programme item or a plan item, both «пункт» («добавлен»)",
    "changed": "a programme item or a plan item («изменён»)",
    "dropped": "a plan item («снят с контроля»)",
    "active": "a yes/no field and a unit's state: «действует»",
    "missing": "a required field: «отсутствует»",
    "empty": "an input value: «пусто»",
    "progress": "a site's construction progress, % («готовность»): its card and its import",
    # nouns that name the same thing in every file
    "error": "the «ошибка:» of a message",
    "address": "a postal address", "kind": "a kind of record", "status": "a record's status",
    "today": "the day", "uuid": "an identifier", "yes": "yes", "no": "no",
    "Participants": "a card's heading", "Notes": "a card's heading", "Status": "a card's heading",
}


def entries(text):
    for block in text.split("\n\n"):
        if block.startswith("#~"):
            continue
        refs = set()
        for line in block.split("\n"):
            if line.startswith("#: "):
                # "(command-line help)" is the help of options the code defines: not another place.
                refs.update(r.split(":")[0] for r in line[3:].split() if r not in ("(command-line", "help)"))
        ctx = re.search(r'^msgctxt "', block, re.M) is not None
        m = re.search(r'^msgid "(.*)"$', block, re.M)
        if m and m.group(1):
            yield m.group(1), ctx, refs


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    bad = []
    checked = 0
    for msgid, ctx, refs in entries(text):
        if ctx or not re.fullmatch(r"[A-Za-z][a-z-]*", msgid):
            continue  # a header in capitals is checked by the unit test (no two share a word)
        checked += 1
        if len(refs) > 1 and msgid not in REVIEWED:
            bad.append(f"'{msgid}' is said in {len(refs)} files without a msgctxt: {', '.join(sorted(refs))} "
                       "(give each use a context with NC_/trc, or list it in tests/cli/catalog_check.py)")
    said = {m for m, ctx, refs in entries(text) if not ctx and len(refs) > 1}
    for w in sorted(set(REVIEWED) - said):
        bad.append(f"'{w}' is listed as reviewed but no longer said in two files: take it off the list")
    for b in bad:
        print(b)
    print(f"catalog check: {checked} one-word messages, {len(bad)} said in two places without a context")
    return 1 if bad or checked < 100 else 0


if __name__ == "__main__":
    sys.exit(main())
