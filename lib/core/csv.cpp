#include "core/csv.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace omskplan::csv {

Table parse(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  Table t;
  const auto first_line = text.substr(0, text.find('\n'));
  t.delimiter = std::count(first_line.begin(), first_line.end(), ';') >
                        std::count(first_line.begin(), first_line.end(), ',')
                    ? ';'
                    : ',';
  std::vector<Row> rows;
  Row row;
  std::string cell;
  std::size_t line = 1;
  row.line = 1;
  bool quoted = false;
  bool was_quoted = false;
  auto end_cell = [&] {
    row.cells.push_back(was_quoted ? cell : text::trim(cell));
    cell.clear();
    was_quoted = false;
  };
  auto end_row = [&] {
    end_cell();
    const bool blank = row.cells.size() == 1 && row.cells[0].empty();
    if (!blank) {
      rows.push_back(std::move(row));
    }
    row = Row{};
    row.line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') {
          ++line;
        }
        cell += c;
      }
      continue;
    }
    if (c == '"' && text::trim(cell).empty()) {
      cell.clear();
      quoted = was_quoted = true;
    } else if (c == t.delimiter) {
      end_cell();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CRLF: the \n ends the row
    } else if (c == '\n') {
      ++line;
      end_row();
    } else {
      cell += c;
    }
  }
  if (quoted) {
    throw InputError(trf("line {}: a quoted field is never closed", row.line));
  }
  if (!cell.empty() || !row.cells.empty()) {
    end_row();
  }
  if (rows.empty()) {
    throw InputError(tr("the file is empty: expected a header line"));
  }
  for (const auto& r : rows) {
    for (const auto& c : r.cells) {
      if (!text::is_valid_utf8(c)) {
        throw InputError(trf("line {}: not valid UTF-8 (save the file as UTF-8)", r.line));
      }
    }
  }
  t.header = std::move(rows.front().cells);
  rows.erase(rows.begin());
  t.rows = std::move(rows);
  return t;
}

}  // namespace omskplan::csv
