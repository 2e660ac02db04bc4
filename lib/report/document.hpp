// A report as a document: a title and sections, each with a heading, text
// paragraphs, an optional table and an optional bar chart. Written as plain
// text, Markdown, self-contained printable HTML (inline CSS, A4, inline SVG),
// CSV (RFC 4180 or for Russian Excel), JSON, XLSX and DOCX.
#pragma once

#include "core/text.hpp"

#include "render/table.hpp"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::report {

// What a column holds. A typed cell has a value behind its display text: that
// value is what a spreadsheet calculates with, what JSON and CSV carry; the
// text («2 500 000,00 ₽», «5 августа») is for the human formats.
enum class Type {
  text,
  count,    // an integer: «Количество», «Место»
  money,    // kopecks; shown in roubles with two decimals
  decimal,  // a fraction: a percentage, a trend
  date,     // days since 1970-01-01
};

struct Column {
  std::string key;     // machine name (CSV, JSON)
  std::string header;  // Russian header (with the unit: «Сумма, руб.»)
  Type type = Type::text;
  int weight = 0;      // relative width in print (0: 1 for a number or a date, 3 for text)
  bool number() const { return type == Type::count || type == Type::money || type == Type::decimal; }
};

// The value of a typed cell that has none (an empty cell, a text in a typed column).
inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct DataTable {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<double>> values;  // per row, per column: the value behind a typed cell (NaN: none)
  std::optional<std::vector<std::string>> totals;  // a last row "Итого"
  std::vector<double> total_values;                // the values behind the totals (NaN: none)
};

// The value behind a cell of row `r` (or of the totals row when r == rows.size()),
// when its column is typed and the cell has one.
std::optional<double> cell_value(const DataTable& t, std::size_t r, std::size_t c);

struct Chart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<std::string> series;             // names, one per bar in a group
  std::vector<std::vector<double>> values;     // [label][series]
};

struct Section {
  std::string heading;
  std::string sheet;  // XLSX: a section with a table or a sheet name starts a sheet («Реестр»); others follow on it
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

// Who signs and who prepared the documents (config.toml, [document]).
struct Signatures {
  std::string approver = "Мэр города Омска";  // the approval block's title
  std::string approver_name;                  // «С. Г. Шелест»; empty: «И. О. Фамилия» to fill in
  std::string executor;                       // «Иванова Анна Петровна»; empty: no «Исполнитель» line
  std::string executor_phone;
};

// A block to be signed: «УТВЕРЖДАЮ», the approver, a signature line, a date to fill in.
Approval blank_approval(const Signatures& s);
// «Исполнитель: Иванова Анна Петровна, тел. 8 (3812) 78-78-78», or empty.
std::string executor_line(const Signatures& s);

struct Document {
  std::string id;
  std::string title;
  std::string subtitle;  // e.g. "по состоянию на 1 января 2024 г."
  std::optional<Approval> approval;
  bool landscape = false;  // wide tables: A4 landscape in print, DOCX and HTML
  std::vector<Section> sections;
  std::string executor;    // «Исполнитель: …, тел. …» at the foot of the document (config)
  std::string lang = "ru"; // its language: the words the writers add («Итого», «Таблица 2») are said in it
};



// How a table is laid out on a line `line_chars` characters (of 10 pt text) wide:
// each column's share of the width (they add up to 1) and the font's scale.
// Every column first gets what must fit on a line — the header's longest word, a
// whole number or date (they never wrap), a text's long word — and the rest of
// the line goes to the columns that want more: text about two thirds of its
// average length, or the template's weight. When even the minimums do not fit,
// the font gets smaller (not below 7 pt). One rule for every writer (HTML, DOCX).
struct ColumnLayout {
  std::vector<double> shares;
  double font_scale = 1;
};
ColumnLayout column_layout(const DataTable& t, double line_chars);
// The characters of 10 pt text on a line of A4 between the margins of ГОСТ Р 7.0.97 (20 and 10 mm).
inline double a4_line_chars(bool landscape) { return landscape ? 155 : 104; }

// The block's lines, top to bottom (for the writers).
std::vector<std::string> approval_lines(const Approval& a);

// The document with Russian typography in all its text (russian::typeset: «№ 45-р», «2024 г.»
// with no-break spaces, user data included) when its language is Russian; the writers of
// print formats (text, Markdown, HTML, DOCX, XLSX) are given this. CSV and JSON are data.
Document typeset(Document d);

std::string to_text(const Document& d);
std::string to_markdown(const Document& d);
std::string to_html(const Document& d);
// The tables, one after another, with their section as a first column. RFC 4180
// carries the typed values as JSON has them (2500000.50, 2024-05-06); the Excel
// dialect writes them as Russian Excel reads them (2500000,50; 06.05.2024).
std::string to_csv(const Document& d, render::CsvDialect dialect = render::CsvDialect::rfc);
std::string to_json(const Document& d);
// An inline SVG bar chart.
std::string chart_svg(const Chart& c);
using text::escape_html;
// A typed value as JSON and RFC CSV carry it: 12, "2500000.50", "2024-05-06", 93.5.
std::string plain_value(Type t, double v);

}  // namespace omskplan::report
