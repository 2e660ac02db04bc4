// One row/column model, several writers: an aligned terminal table (by
// display width, so Cyrillic lines up), CSV (RFC 4180) and Markdown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace omskplan::render {

enum class Tone { plain, good, warn, bad, dim };

struct Column {
  std::string key;     // machine name (CSV header)
  std::string header;  // what a person reads
  bool right = false;  // right-aligned (numbers)
  std::size_t max_width = 60;  // longer cells are cut with … in the terminal table
  // The word people read for a cell that holds an enum's machine name
  // (event::say_status): the terminal table and Markdown say it; CSV (either
  // dialect: a file to import back, too) keeps the name. None: the cell as it is.
  std::string (*say)(std::string_view name) = nullptr;
  // The cell as a person reads it.
  std::string shown(const std::string& cell) const { return say ? say(cell) : cell; }
};

// One row of a table: its cells (one per column) and its tone.
struct Row {
  std::vector<std::string> cells;
  Tone tone = Tone::plain;
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<Tone> tones;  // per row; empty = all plain
  std::size_t id_column = 0;  // what --quiet prints, one per line: the id you would pipe on

  void add(std::vector<std::string> row, Tone tone = Tone::plain);
  void add(Row row) { add(std::move(row.cells), row.tone); }
};

// How CSV is written. rfc: RFC 4180, UTF-8, "," — what scripts and imports read.
// excel: for Excel on Russian Windows — a UTF-8 BOM, ";", a decimal comma in
// numbers, and a text cell that Excel would take for a formula (it starts with
// =, +, -, @, a tab or CR) prefixed with ' (OWASP's CSV injection advice).
enum class CsvDialect { rfc, excel };
// "rfc" or "excel"; InputError naming `what` otherwise.
CsvDialect parse_csv_dialect(std::string_view s, std::string_view what);

// `color`: ANSI colors for tones and a bold header (only on a terminal, never with NO_COLOR).
std::string to_text(const Table& t, bool color);
// Numbers are the cells of right-aligned columns that read as one (12, -3, 2500000.50).
std::string to_csv(const Table& t, CsvDialect dialect = CsvDialect::rfc);
// to_csv a line at a time (a list streamed): the start of the file with the
// header line of `t`'s columns, then a row of cells for those columns.
std::string csv_header(const Table& t, CsvDialect dialect = CsvDialect::rfc);
std::string csv_row(const Table& t, const std::vector<std::string>& row, CsvDialect dialect = CsvDialect::rfc);
std::string to_markdown(const Table& t);

// One CSV field: quoted per RFC 4180 when needed (for the dialect's separator);
// in the excel dialect a `number` gets a decimal comma and a text that could
// start a formula gets a leading '.
std::string csv_field(const std::string& s, CsvDialect dialect = CsvDialect::rfc, bool number = false);
// What starts a CSV file of the dialect (the BOM for excel) and separates its fields.
std::string_view csv_start(CsvDialect dialect);
char csv_separator(CsvDialect dialect);
// Text for Markdown: characters that would be read as HTML (<, >, &) escaped as
// entities, so data never passes through as markup.
std::string markdown_text(std::string_view s);

}  // namespace omskplan::render
