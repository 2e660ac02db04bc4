#!/usr/bin/python3
"""Reads omskplan's documents back as an official's software would, for tests/cli/documents.sh.

  documents_check.py xlsx FILE.xlsx REPORT.json   every number cell a number in its format, every date a date,
                                                   every heading and paragraph of the document in the workbook
  documents_check.py docx FILE.docx REPORT.json   the title, headings, paragraphs and table headers as Word reads them
  documents_check.py words FILE.txt REPORT.json    every word of every column header in the text (of a printed PDF)

REPORT.json is the same report as `--format json` prints it: what the document must hold.
Prints one line per problem and exits 1 when there is any.
"""
import json
import re
import sys

problems = []


def problem(msg):
    problems.append(msg)


def texts_of(report):
    """Every text of the document a reader must find: title, subtitle, headings, paragraphs' lines."""
    out = [report["title"]]
    if report.get("subtitle"):
        out.append(report["subtitle"])
    for s in report["sections"]:
        if s.get("heading"):
            out.append(s["heading"])
        for p in s.get("paragraphs", []):
            out.extend(line for line in p.split("\n") if line.strip())
    if report.get("executor"):
        out.append(report["executor"])
    return out


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def check_xlsx(path, report):
    import openpyxl

    wb = openpyxl.load_workbook(path)  # formulas as written
    wb_values = openpyxl.load_workbook(path, data_only=True)
    all_text = []
    for ws in wb.worksheets:
        if re.fullmatch(r"(Раздел|Sheet|Лист)\s*\d+", ws.title):
            problem(f"sheet named '{ws.title}': a person would give it a name")
        if ws.page_setup.paperSize not in (9, "9"):
            problem(f"sheet '{ws.title}': paper is not A4")
        if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
            problem(f"sheet '{ws.title}': not fit to the page's width")
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    all_text.append(c.value)
    joined = norm("\n".join(all_text))
    for t in texts_of(report):
        if norm(t) not in joined:
            problem(f"not in the workbook: {t[:80]}")
    # Every typed column: its cells are numbers (or dates) in the column's format.
    formats = {"integer": "0", "money": "#,##0.00", "number": "0.0", "date": "dd.mm.yyyy"}
    tables = [s for s in report["sections"] if s.get("columns")]
    sheets = {ws.title: ws for ws in wb.worksheets}
    for s in tables:
        headers = [c["header"] for c in s["columns"]]
        found = None
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                if [c.value for c in row[: len(headers)]] == headers:
                    found = (ws, row[0].row)
                    break
            if found:
                break
        if not found:
            problem(f"no table with the headers {headers}")
            continue
        ws, header_row = found
        if ws.freeze_panes is None:
            problem(f"sheet '{ws.title}': the header row is not frozen")
        if ws.print_title_rows is None:
            problem(f"sheet '{ws.title}': the header row does not repeat on printed pages")
        for i, col in enumerate(s["columns"]):
            if col["type"] == "text":
                continue
            for r, data in enumerate(s["rows"]):
                cell = ws.cell(row=header_row + 1 + r, column=i + 1)
                value = data[col["key"]]
                if value is None:
                    continue
                if col["type"] == "date":
                    import datetime

                    if not isinstance(cell.value, datetime.datetime) or cell.number_format != "dd.mm.yyyy":
                        problem(f"{ws.title}!{cell.coordinate}: {cell.value!r} ({cell.number_format}) is not a date cell")
                    elif cell.value.date().isoformat() != value:
                        problem(f"{ws.title}!{cell.coordinate}: {cell.value} != {value}")
                elif not isinstance(cell.value, (int, float)) or cell.number_format != formats[col["type"]]:
                    problem(f"{ws.title}!{cell.coordinate}: {cell.value!r} ({cell.number_format}) is not a "
                            f"{col['type']} cell in {formats[col['type']]}")
                elif col["type"] == "money" and abs(cell.value - float(value)) > 0.001:
                    problem(f"{ws.title}!{cell.coordinate}: {cell.value} != {value}")
            if s.get("totals") is not None and isinstance(s["totals"].get(col["key"]), (int, str)) and \
                    col["type"] in ("integer", "money") and s["totals"][col["key"]] not in ("Итого",):
                cell = wb_values[ws.title].cell(row=header_row + 1 + len(s["rows"]), column=i + 1)
                formula = ws.cell(row=header_row + 1 + len(s["rows"]), column=i + 1).value
                if not isinstance(cell.value, (int, float)):
                    problem(f"{ws.title}!{cell.coordinate}: the total {cell.value!r} is not a number")
                elif not (isinstance(formula, str) and formula.startswith("=SUM(")) and len(s["rows"]) > 1:
                    problem(f"{ws.title}!{cell.coordinate}: the total is not a SUM over its column")
    del sheets


def check_docx(path, report):
    import docx

    d = docx.Document(path)
    paras = [p.text for p in d.paragraphs]
    cells = []
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                cells.append(c.text)
    joined = norm("\n".join(paras + cells))
    for t in texts_of(report):
        if norm(t) not in joined:
            problem(f"not in the DOCX: {t[:80]}")
    styles = {p.style.name for p in d.paragraphs}
    if "Title" not in styles:
        problem("the title is not in the Title style")
    if any(s.get("heading") for s in report["sections"]) and "Heading 1" not in styles and "Heading 2" not in styles:
        problem("headings are not in heading styles")
    tables = [s for s in report["sections"] if s.get("columns")]
    if len(d.tables) != len(tables):
        problem(f"{len(d.tables)} tables in the DOCX, {len(tables)} in the report")
    for s, t in zip(tables, d.tables):
        headers = [c.text for c in t.rows[0].cells]
        want = [c["header"] for c in s["columns"]]
        if headers != want:
            problem(f"table headers {headers} != {want}")
        if len(t.rows) != 1 + len(s["rows"]) + (1 if s.get("totals") is not None else 0):
            problem(f"table '{want[0]}…' has {len(t.rows)} rows")
    for sec in d.sections:
        if abs(sec.page_width.mm - 210) > 1 and abs(sec.page_width.mm - 297) > 1:
            problem(f"the page is not A4: {sec.page_width.mm:.0f} mm wide")


def check_words(path, report):
    text = open(path, encoding="utf-8").read()
    words = set(re.findall(r"[\w№/«»,.%()-]+", norm(text)))
    flat = norm(text)
    for s in report["sections"]:
        for c in s.get("columns", []):
            for w in c["header"].split():
                if w not in words and w not in flat:
                    problem(f"column header word '{w}' ({c['header']}) is not in the printed text")


def main():
    kind, path, report_path = sys.argv[1:4]
    report = json.load(open(report_path, encoding="utf-8"))
    {"xlsx": check_xlsx, "docx": check_docx, "words": check_words}[kind](path, report)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
