#include "render/table.hpp"

#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace omskplan::render {

void Table::add(std::vector<std::string> row, Tone tone) {
  row.resize(columns.size());
  rows.push_back(std::move(row));
  tones.push_back(tone);
}

namespace {

// Cells are one line in a table: newlines and tabs become spaces.
std::string one_line(const std::string& s) {
  std::string out = s;
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

const char* tone_code(Tone t) {
  switch (t) {
    case Tone::good:
      return "\x1b[32m";
    case Tone::warn:
      return "\x1b[33m";
    case Tone::bad:
      return "\x1b[31m";
    case Tone::dim:
      return "\x1b[2m";
    case Tone::plain:
      break;
  }
  return "";
}

}  // namespace

std::string to_text(const Table& t, bool color) {
  const std::size_t n = t.columns.size();
  // Each cell's text and width are computed once.
  std::vector<std::vector<std::pair<std::string, std::size_t>>> cells;
  cells.reserve(t.rows.size());
  std::vector<std::size_t> width(n, 0);
  std::vector<std::pair<std::string, std::size_t>> header(n);
  for (std::size_t c = 0; c < n; ++c) {
    const std::string h = tr(t.columns[c].header);  // headers are marked N_() where the columns are defined
    header[c] = {h, text::display_width(h)};
    width[c] = header[c].second;
  }
  for (const auto& row : t.rows) {
    std::vector<std::pair<std::string, std::size_t>> line(n);
    for (std::size_t c = 0; c < n; ++c) {
      std::string cell = text::truncate(one_line(t.columns[c].shown(row[c])), t.columns[c].max_width);
      const std::size_t w = text::display_width(cell);
      width[c] = std::max(width[c], w);
      line[c] = {std::move(cell), w};
    }
    cells.push_back(std::move(line));
  }
  std::string out;
  auto emit = [&](const std::vector<std::pair<std::string, std::size_t>>& line) {
    const std::size_t begin = out.size();
    for (std::size_t c = 0; c < n; ++c) {
      const bool last = c + 1 == n;
      const auto& [cell, w] = line[c];
      const std::size_t fill = width[c] > w ? width[c] - w : 0;
      if (t.columns[c].right) {
        out.append(fill, ' ');
        out += cell;
      } else {
        out += cell;
        if (!last) {
          out.append(fill, ' ');
        }
      }
      if (!last) {
        out += "  ";
      }
    }
    while (out.size() > begin && out.back() == ' ') {
      out.pop_back();
    }
  };
  if (color) {
    out += "\x1b[1m";
  }
  emit(header);
  if (color) {
    out += "\x1b[0m";
  }
  out += '\n';
  for (std::size_t r = 0; r < cells.size(); ++r) {
    const Tone tone = r < t.tones.size() ? t.tones[r] : Tone::plain;
    const bool colored = color && tone != Tone::plain;
    if (colored) {
      out += tone_code(tone);
    }
    emit(cells[r]);
    if (colored) {
      out += "\x1b[0m";
    }
    out += '\n';
  }
  return out;
}

CsvDialect parse_csv_dialect(std::string_view s, std::string_view what) {
  const std::string v = text::fold(text::trim(s));
  if (v == "rfc" || v == "rfc4180") {
    return CsvDialect::rfc;
  }
  if (v == "excel") {
    return CsvDialect::excel;
  }
  throw InputError(trf("invalid {} '{}': expected rfc or excel", what, text::for_terminal(s, 40)));
}

std::string_view csv_start(CsvDialect dialect) { return dialect == CsvDialect::excel ? "\xEF\xBB\xBF" : ""; }

char csv_separator(CsvDialect dialect) { return dialect == CsvDialect::excel ? ';' : ','; }

namespace {

// 12, -3, 2500000.50: what a number column holds when it holds a number.
bool reads_as_number(std::string_view s) {
  std::size_t i = s.size() > 1 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::string csv_field(const std::string& s, CsvDialect dialect, bool number) {
  std::string v = s;
  if (dialect == CsvDialect::excel) {
    if (number && reads_as_number(v)) {
      std::replace(v.begin(), v.end(), '.', ',');
    } else if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos) {
      v.insert(v.begin(), '\'');
    }
  }
  const char sep = csv_separator(dialect);
  if (v.find_first_of(std::string(1, sep) + "\"\r\n") == std::string::npos) {
    return v;
  }
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') {
      out += "\"\"";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string csv_header(const Table& t, CsvDialect dialect) {
  std::string out(csv_start(dialect));
  const char sep = csv_separator(dialect);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (c) {
      out += sep;
    }
    out += csv_field(t.columns[c].key, dialect);
  }
  out += "\r\n";
  return out;
}

std::string csv_row(const Table& t, const std::vector<std::string>& row, CsvDialect dialect) {
  std::string out;
  const char sep = csv_separator(dialect);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (c) {
      out += sep;
    }
    out += csv_field(c < row.size() ? row[c] : std::string(), dialect, t.columns[c].right);
  }
  out += "\r\n";
  return out;
}

std::string to_csv(const Table& t, CsvDialect dialect) {
  std::string out = csv_header(t, dialect);
  for (const auto& row : t.rows) {
    out += csv_row(t, row, dialect);
  }
  return out;
}

std::string markdown_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string to_markdown(const Table& t) {
  auto cell = [](const std::string& s) {
    std::string out;
    for (char c : markdown_text(one_line(s))) {
      if (c == '|') {
        out += "\\|";
      } else {
        out += c;
      }
    }
    return out;
  };
  std::string out = "|";
  for (const auto& c : t.columns) {
    out += " " + cell(tr(c.header)) + " |";
  }
  out += "\n|";
  for (const auto& c : t.columns) {
    out += c.right ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      out += " " + cell(t.columns[c].shown(row[c])) + " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace omskplan::render
