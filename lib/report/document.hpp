// A report as a document: a title and sections, each with a heading, text
// paragraphs, an optional table and an optional bar chart. Written as plain
// text, Markdown, self-contained printable HTML (inline CSS, A4, inline SVG),
// CSV, JSON and XLSX.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace omskplan::report {

struct Column {
  std::string key;     // machine name (CSV, JSON)
  std::string header;  // Russian header
  bool number = false; // right-aligned; written as a number in XLSX
  int weight = 0;      // relative width in print (0: 1 for a number, 3 for text)
};

struct DataTable {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<double>> values;  // per row, per column: the number behind a number cell
  std::optional<std::vector<std::string>> totals;  // a last row "Итого"
};

struct Chart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<std::string> series;             // names, one per bar in a group
  std::vector<std::vector<double>> values;     // [label][series]
};

struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::optional<DataTable> table;
  std::optional<Chart> chart;
};

// The approval block at the top right of a document to be approved (ГОСТ Р
// 7.0.97-2016): «УТВЕРЖДАЮ», the approver's title, a signature line with the
// initials and surname, the date — filled in once it is approved.
struct Approval {
  std::string word = "УТВЕРЖДАЮ";
  std::string title;      // «Мэр города Омска»
  std::string signature;  // «__________ И. О. Фамилия»
  std::string date;       // ««28» марта 2024 г.» or ««___» __________ 20__ г.»
  std::string act;        // «(распоряжение от 28.03.2024 № 45-р)», when approved
};

struct Document {
  std::string id;
  std::string title;
  std::string subtitle;  // e.g. "по состоянию на 1 января 2024 г."
  std::optional<Approval> approval;
  bool landscape = false;  // wide tables: A4 landscape in print, DOCX and HTML
  std::vector<Section> sections;
};

// Each column's share of the table's width (they add up to 1): its weight, or 1
// for a number and 3 for text. One rule for every writer that sets widths.
std::vector<double> column_shares(const DataTable& t);

// The block's lines, top to bottom (for the writers).
std::vector<std::string> approval_lines(const Approval& a);

std::string to_text(const Document& d);
std::string to_markdown(const Document& d);
std::string to_html(const Document& d);
std::string to_csv(const Document& d);   // the tables, one after another, with their section as a first column
std::string to_json(const Document& d);
// An inline SVG bar chart.
std::string chart_svg(const Chart& c);
// HTML-escapes text.
std::string escape_html(std::string_view s);

}  // namespace omskplan::report
