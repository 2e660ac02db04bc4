#!/usr/bin/env python3
"""Compares omskplan's occurrences (`--json event list`) with an oracle's lines
("start|end|summary": Unix seconds, or dates for all-day ones; sorted), in the
window [FROM, TO). Prints what differs, at most a few lines; exit 1 when they do.
Usage: ics_corpus_compare.py OURS.json ORACLE.txt FROM TO
       ics_corpus_compare.py --dump OURS.json FROM TO   (omskplan's lines, to review)"""
import datetime as dt
import json
import sys


def norm(title):
    title = " ".join((title or "").split())
    return "" if title == "(без названия)" else title


def ours(path, lo, hi):
    out = []
    for e in json.load(open(path, encoding="utf-8")):
        s, t = dt.datetime.fromisoformat(e["start"]), dt.datetime.fromisoformat(e["end"])
        if e["all_day"]:
            day = s.date()
            if not (lo <= day < hi):
                continue
            out.append(f"{day}|{t.date()}|{norm(e['title'])}")
        else:
            u = int(s.timestamp())
            if not (lo_ts(lo) <= u < lo_ts(hi)):
                continue
            out.append(f"{u}|{int(t.timestamp())}|{norm(e['title'])}")
    return sorted(out)


def lo_ts(d):
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp())


def oracle(path):
    lines = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            continue
        s, e, title = line.split("|", 2)
        lines.append(f"{s}|{e}|{norm(title)}")
    return sorted(lines)


def main():
    if sys.argv[1] == "--dump":
        lo, hi = dt.date.fromisoformat(sys.argv[3]), dt.date.fromisoformat(sys.argv[4])
        for line in ours(sys.argv[2], lo, hi):
            print(line)
        return 0
    mine_path, oracle_path, lo, hi = sys.argv[1:5]
    lo, hi = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    a, b = ours(mine_path, lo, hi), oracle(oracle_path)
    if a == b:
        print(len(a))
        return 0
    sa, sb = set(a), set(b)
    extra, missing = sorted(sa - sb), sorted(sb - sa)
    dup = len(a) - len(sa)
    msg = f"omskplan {len(a)}, oracle {len(b)}"
    if missing:
        msg += f"; missing {len(missing)}: " + ", ".join(missing[:3])
    if extra:
        msg += f"; extra {len(extra)}: " + ", ".join(extra[:3])
    if dup:
        msg += f"; {dup} duplicates"
    print(msg)
    return 1


sys.exit(main())
