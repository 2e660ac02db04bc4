#!/usr/bin/env python3
"""tests/cli/russian_check.py DIR [ALLOW [TYPED]]: what omskplan printed with --lang ru reads as
Russian. DIR holds N.txt, one command's output each (its first line, "# LABEL",
names the command), and written documents N.docx, N.xlsx, N.html, N.md with
their labels in N.label (the text a person reads is taken out of each: Word's
paragraphs, the spreadsheet's cells and sheet names, the page's text). Fails
(exit 1, one line per finding) on:
  - a Latin word outside an allow-list: ids, codes, INN, file names, options,
    commands and what the user typed (both in typewriter quotes '…'), and the
    names of formats and standards (XLSX, iCalendar, RFC);
  - «№» followed by a digit (it takes a space: «№ 1»), and «#58» for a number;
  - a plain space where Russian typography wants a no-break one: «№ 1», «2023 г.», «2 500 000,00»;
    a hyphen in a range of times or dates (10:00–12:00 takes an en dash);
  - a decimal point (66.7, 3.0×: Russian writes 66,7; not in dates, item numbers 1.2. or coordinates);
  - quotes inside quotes as «ёлочки» again («ДК «Кристалл»»: the inner ones are „лапки“);
  - a value in ASCII quotes: Russian text in '…' or "…" (values go in «ёлочки»;
    typewriter quotes are for what is typed: commands, keys, input).
"""
import html
import os
import re
import sys
import zipfile

# Words that are Russian office usage or names of things, not untranslated English.
ALLOWED = {
    # formats, standards, programs
    "XLSX", "DOCX", "HTML", "PDF", "CSV", "JSON", "TOML", "ICS", "iCalendar", "UTF", "BOM", "RFC", "ISO",
    "SQLite", "WAL", "Mustache", "Excel", "Word", "LibreOffice", "Outlook", "Thunderbird", "Google", "Chromium",
    "libxlsxwriter", "libzip", "libxlsxwriter4", "libzip4", "apt", "get", "omskplan", "SVG", "XML", "URL", "IANA",
    "bash", "zsh", "fish", "cron", "crontab", "man", "gettext", "sudo", "TZif", "tzdata", "XDG", "Debian",
    # iCalendar and recurrence rules (RFC 5545 names, typed as they are)
    "UID", "RRULE", "EXDATE", "RDATE", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "VEVENT", "VCALENDAR",
    "VTIMEZONE", "VALARM", "BEGIN", "END", "TZID", "FREQ", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "COUNT",
    "UNTIL", "INTERVAL", "WKST", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "RECURRENCE", "ID", "SUMMARY",
    "LAST", "MODIFIED", "STATUS", "CANCELLED", "CATEGORIES", "LOCATION", "DESCRIPTION",
    "MO", "TU", "WE", "TH", "FR", "SA", "SU",
    # accepted in Russian official text
    "VIP", "UUID", "UTC",
}

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def strip_allowed(line):
    """The line with what may be Latin removed: typed things, paths, options, codes."""
    s = line
    s = re.sub(r"англ\.: .*", " ", s)  # a library's own words (TOML, JSON, SQLite), marked as English
    s = re.sub(r"https?://\S+", " ", s)
    s = re.sub(r"U\+[0-9A-F]{4,6}", " ", s)  # a character's code point
    s = re.sub(r"omskplan(?: (?! )\S+)*", " ", s)  # a command as typed (up to a table's column gap)
    s = re.sub(r"\{[a-z_]+\}", " ", s)  # a template's placeholder: {ordinal}
    s = re.sub(r"\b[IVXLC]+\b", " ", s)  # Roman numerals: II квартал
    s = re.sub(r"\S+@\S+\.\w+", " ", s)  # e-mail
    s = re.sub(r"'[^'\n]*'", " ", s)  # typewriter quotes: commands, keys, what was typed
    s = re.sub(r'"[^"\n]*"', " ", s)
    s = re.sub(r"`[^`\n]*`", " ", s)
    s = re.sub(r"(?<!\w)--?[a-z][a-z0-9-]*(=\S*)?", " ", s)  # options
    s = re.sub(r"\S*/\S*", " ", s)  # paths, zones (Asia/Omsk), fractions
    s = re.sub(r"\S+\.(docx|xlsx|html|md|csv|json|ics|toml|db|pdf|txt|sh|po)\b", " ", s)
    s = re.sub(r"\$\{?[A-Z_]+\}?", " ", s)  # environment variables
    s = re.sub(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", " ", s)  # OMSKPLAN_DB
    s = re.sub(r"\b[a-z]+(\.[a-z_*]+)+\b", " ", s)  # setting keys: inspection.visit_days
    s = re.sub(r"\b[a-z]+_[a-z_]+\b", " ", s)  # snake_case keys, column names
    s = re.sub(r"(?<![\w-])[a-z]+(-[a-z]+)+(?![\w-])", " ", s)  # ids people type: city-day, work-plan
    # Codes: a word with digits or glued to Cyrillic/digits by - (OB-007, 2024-W19, 12-С/2023, +06)
    s = re.sub(r"[\w-]*\d[\w-]*", " ", s)
    return s


def check_line(label, line, out, allowed=frozenset(), typed=(), printed=False):
    # What was typed comes back as typed (a site named Дом "культуры"), and so
    # does a command line, shell quotes and all (history, undo).
    line = re.sub(r"omskplan (?:[^ ]|(?<! ) (?! ))*", " ", line)
    if not printed:
        for t in typed:
            if t in line:
                line = line.replace(t, " ")
    # A printed document sets even what was typed (russian::typeset); a terminal shows it as typed.
    for m in re.finditer(r"№ \d", line if printed else ""):
        out.append(f"{label}: «№» and its number with a plain space (a no-break one: «№\u00a01»): {line.strip()[:160]}")
    for m in re.finditer(r"\d г\.", line if printed else ""):
        out.append(f"{label}: a plain space before «г.» (a no-break one): {line.strip()[:160]}")
    for m in re.finditer(r"(?<![\d\u00a0 ])\d{1,3}(?: \d{3})+,\d{2}(?!\d)", line):
        out.append(f"{label}: a sum with plain spaces between its digit groups (no-break ones): {line.strip()[:160]}")
    for m in re.finditer(r"(?<![\d:])\d{1,2}:\d{2}-\d{1,2}:\d{2}(?![\d:])|\d{4}-\d{2}-\d{2} - \d{4}-\d{2}-\d{2}", line):
        out.append(f"{label}: a range with a hyphen (an en dash: 10:00–12:00): {line.strip()[:160]}")
    for m in re.finditer(r"№(\d)", line):
        out.append(f"{label}: «№» without a space before {m.group(1)}: {line.strip()[:160]}")
    for m in re.finditer(r"(?<![\w&])#\d+", line):
        if re.search(re.escape(m.group(0)) + r"(?!\d)", label):
            continue  # a venue typed as #4 comes back as typed
        out.append(f"{label}: «{m.group(0)}» for a number (Russian: «№ …»): {line.strip()[:160]}")
    # (Not a date 28.03.2024, an item number 1.2., coordinates 54.98512 or a version 2.4.9.)
    # Nor what was typed (--lat 55.9, item 1.x), a row's number at the line's start (1.1), a
    # point's coordinates (55.9, 73.37: people paste them into maps) or a setting (TOML's 1.4).
    nums = re.sub(r"'[^'\n]*'", " ", line)  # what is typed, as typed
    nums = re.sub(r"^\W*\d+(\.\d+)+", " ", nums)
    nums = re.sub(r"\d+\.\d+, \d+\.\d+", " ", nums)
    for m in re.finditer(r"(?<![\w.,])[+-]?\d+\.\d{1,3}(?![\w.])", "" if "config " in label else nums):
        if m.group(0).lstrip("+-") in label:
            continue
        out.append(f"{label}: a decimal point in Russian text (a comma: {m.group(0).replace('.', ',')}): {line.strip()[:160]}")
    if "««" in line or "»»" in line or re.search(r"«[^»…]*«", line):
        out.append(f"{label}: nested «ёлочки» (inner quotes are „лапки“): {line.strip()[:160]}")
    # (A value in «» that holds quotes itself — input echoed back — is not typewriter quoting.)
    line = re.sub(r"«[^«»]*['\"][^«»]*»", "«…»", line)
    for q in re.findall(r"'([^'\n]*)'|\"([^\"\n]*)\"", line):
        text = q[0] or q[1]
        if CYRILLIC.search(text):
            out.append(f"{label}: a value in ASCII quotes (use «…»): {text[:80]!r} in {line.strip()[:160]}")
    rest = strip_allowed(line)
    bad = [w for w in LATIN_WORD.findall(rest) if w not in ALLOWED and w not in allowed]
    if bad:
        out.append(f"{label}: Latin {', '.join(sorted(set(bad)))}: {line.strip()[:200]}")


def xml_text(xml, para):
    """The text of an XML part, a line per `para` element (w:p, si, …)."""
    xml = re.sub(r"</(%s)>" % para, "\n", xml)
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def document_lines(path):
    ext = path.rsplit(".", 1)[1]
    if ext == "docx":
        with zipfile.ZipFile(path) as z:
            parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
            return "\n".join(xml_text(z.read(n).decode(), "w:p") for n in parts).split("\n")
    if ext == "xlsx":
        with zipfile.ZipFile(path) as z:
            out = xml_text(z.read("xl/sharedStrings.xml").decode(), "si") if "xl/sharedStrings.xml" in z.namelist() else ""
            out += "\n".join(re.findall(r'<sheet [^>]*name="([^"]*)"', z.read("xl/workbook.xml").decode()))
            for n in z.namelist():
                if re.match(r"xl/worksheets/sheet\d+\.xml$", n):
                    out += "\n" + xml_text("".join(re.findall(r"<is>.*?</is>", z.read(n).decode())), "is")
            return html.unescape(out).split("\n")
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if ext == "html":
        text = re.sub(r"(?s)<(style|script)[^>]*>.*?</\1>", "", text)
        text = re.sub(r"(?s)<svg.*?</svg>", lambda m: "\n".join(re.findall(r"<text[^>]*>([^<]*)</text>", m.group(0))), text)
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text.split("\n")


def input_strings(path):
    """The strings of an input file as they may come back: CSV fields, JSON strings, the
    quoted strings of TOML and shell."""
    import csv
    import json
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return []
    if path.endswith(".csv"):
        delim = ";" if text.count(";") > text.count(",") else ","
        return [c for row in csv.reader(text.splitlines(), delimiter=delim) for c in row]
    if path.endswith(".json"):
        out = []

        def walk(v):
            if isinstance(v, str):
                out.append(v)
            elif isinstance(v, dict):
                for x in v.values():
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)
        try:
            walk(json.loads(text))
        except ValueError:
            pass
        return out
    return re.findall(r'"((?:[^"\\\n]|\\.)*)"', text) + re.findall(r"'([^'\n]*)'", text)


def main():
    findings = []
    files = 0
    d = sys.argv[1]
    # ALLOW file: "LABEL PART<TAB>word word …" — ids allowed in outputs whose label has PART
    # (template and report ids, section keys), and the OS user in history.
    allow = []
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            for line in f.read().split("\n"):
                if "\t" in line:
                    prefix, words = line.split("\t", 1)
                    allow.append((prefix, frozenset(re.findall(r"[A-Za-z][A-Za-z0-9]*", words))))
    # TYPED file: what was typed (it comes back verbatim: quotes, spaces and all); then the
    # input files the data came from (their fields and strings come back verbatim too).
    typed = set()
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8", errors="replace") as f:
            typed.update(f.read().split("\n"))
    for path in sys.argv[4:]:
        typed.update(input_strings(path))
    # (Only what holds Cyrillic or quotes: a Latin word typed is allowed as a word, not cut out of paths.)
    typed = sorted({t for t in typed if len(t) > 2 and re.search(r"[А-Яа-яЁё'\"]", t)}, key=len, reverse=True)
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        stem, ext = name.rsplit(".", 1)
        if ext == "label":
            continue
        files += 1
        if ext == "txt":
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            label = lines[0][2:] if lines and lines[0].startswith("# ") else name
            lines = lines[1:]
        else:
            with open(os.path.join(d, stem + ".label"), encoding="utf-8") as f:
                label = f.read().strip()
            lines = document_lines(path)
        # What the command line says may come back (the user's own input), and the ALLOW file's ids.
        allowed = frozenset(LATIN_WORD.findall(label)).union(*[w for p, w in allow if p in label])
        for line in lines:
            check_line(label, line, findings, allowed, typed, printed=ext != "txt")
    for f in findings:
        print(f)
    print(f"russian check: {files} outputs, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
