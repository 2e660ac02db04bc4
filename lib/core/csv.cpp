#include "core/csv.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace omskplan::csv {

namespace {

constexpr std::size_t kChunk = 1 << 16;

}  // namespace

Reader::Reader(std::istream& in) : in_(in) {
  // The header line whole in the buffer: its delimiters choose the file's.
  while (buf_.find('\n') == std::string::npos && fill()) {
  }
  if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    pos_ = 3;
  }
  const std::string_view first = std::string_view(buf_).substr(pos_, buf_.find('\n', pos_) - pos_);
  delimiter_ = std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',') ? ';' : ',';
  Row h;
  if (!next(h)) {
    throw InputError(tr("the file is empty: expected a header line"));
  }
  header_ = std::move(h.cells);
}

bool Reader::fill() {
  if (!in_) {
    return false;
  }
  buf_.erase(0, pos_);
  pos_ = 0;
  const std::size_t had = buf_.size();
  buf_.resize(had + kChunk);
  in_.read(buf_.data() + had, static_cast<std::streamsize>(kChunk));
  buf_.resize(had + static_cast<std::size_t>(in_.gcount()));
  return buf_.size() > had;
}

int Reader::get() {
  if (pos_ >= buf_.size() && !fill()) {
    return -1;
  }
  return static_cast<unsigned char>(buf_[pos_++]);
}

int Reader::peek() {
  if (pos_ >= buf_.size() && !fill()) {
    return -1;
  }
  return static_cast<unsigned char>(buf_[pos_]);
}

bool Reader::read_row(Row& row) {
  row.line = line_;
  row.cells.clear();
  if (peek() < 0) {
    return false;
  }
  std::string cell;
  bool quoted = false;
  bool was_quoted = false;
  const auto end_cell = [&] {
    row.cells.push_back(was_quoted ? cell : text::trim(cell));
    cell.clear();
    was_quoted = false;
  };
  for (int c = get(); c >= 0; c = get()) {
    if (quoted) {
      if (c == '"') {
        if (peek() == '"') {
          cell += '"';
          get();
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') {
          ++line_;
        }
        cell += static_cast<char>(c);
      }
      continue;
    }
    if (c == '"' && text::trim(cell).empty()) {
      cell.clear();
      quoted = was_quoted = true;
    } else if (c == delimiter_) {
      end_cell();
    } else if (c == '\r' && peek() == '\n') {
      // CRLF: the \n ends the row
    } else if (c == '\n') {
      ++line_;
      end_cell();
      return true;
    } else {
      cell += static_cast<char>(c);
    }
  }
  if (quoted) {
    throw InputError(trf("line {}: a quoted field is never closed", row.line));
  }
  end_cell();
  return true;
}

bool Reader::next(Row& row) {
  while (read_row(row)) {
    if (row.cells.size() == 1 && row.cells[0].empty()) {
      continue;  // a blank line
    }
    for (const auto& c : row.cells) {
      if (!text::is_valid_utf8(c)) {
        throw InputError(trf("line {}: not valid UTF-8 (save the file as UTF-8)", row.line));
      }
    }
    return true;
  }
  return false;
}

Table parse(std::string_view text) {
  std::istringstream in{std::string(text)};
  Reader r(in);
  Table t;
  t.delimiter = r.delimiter();
  t.header = r.header();
  Row row;
  while (r.next(row)) {
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace omskplan::csv
