// Reading CSV as people export it: RFC 4180 quoting, comma or semicolon
// (Excel in a Russian locale writes ';' with decimal commas), a UTF-8 BOM.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::csv {

struct Row {
  std::size_t line = 0;  // where the row starts in the file, from 1
  std::vector<std::string> cells;
};

struct Table {
  char delimiter = ',';
  std::vector<std::string> header;
  std::vector<Row> rows;
};

// Rows one at a time from a stream, so memory does not grow with the file.
// The delimiter is the one of ',' and ';' the header line has more of; blank
// lines are skipped; a cell is trimmed unless it was quoted. Throws
// InputError "line N: …" for an unclosed quote or invalid UTF-8, and for a
// file without a header line.
class Reader {
 public:
  explicit Reader(std::istream& in);
  char delimiter() const { return delimiter_; }
  const std::vector<std::string>& header() const { return header_; }
  // The next row; false at the end of the file.
  bool next(Row& row);

 private:
  bool fill();  // more of the stream into buf_; false at its end
  int get();    // the next byte, or -1 at the end
  int peek();
  bool read_row(Row& row);  // a row, blank or not; false at the end
  std::istream& in_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  char delimiter_ = ',';
  std::vector<std::string> header_;
};

// The whole text at once (small files: guest lists, plan items).
Table parse(std::string_view text);

}  // namespace omskplan::csv
