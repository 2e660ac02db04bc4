// One row/column model, several writers: an aligned terminal table (by
// display width, so Cyrillic lines up), CSV (RFC 4180) and Markdown.
#pragma once

#include <string>
#include <vector>

namespace omskplan::render {

enum class Tone { plain, good, warn, bad, dim };

struct Column {
  std::string key;     // machine name (CSV header)
  std::string header;  // what a person reads
  bool right = false;  // right-aligned (numbers)
  std::size_t max_width = 60;  // longer cells are cut with … in the terminal table
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<Tone> tones;  // per row; empty = all plain
  std::size_t id_column = 0;  // what --quiet prints, one per line: the id you would pipe on

  void add(std::vector<std::string> row, Tone tone = Tone::plain);
};

// `color`: ANSI colors for tones and a bold header (only on a terminal, never with NO_COLOR).
std::string to_text(const Table& t, bool color);
std::string to_csv(const Table& t);
std::string to_markdown(const Table& t);

// CSV field quoting per RFC 4180.
std::string csv_field(const std::string& s);

}  // namespace omskplan::render
