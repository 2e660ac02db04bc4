// Reading CSV as people export it: RFC 4180 quoting, comma or semicolon
// (Excel in a Russian locale writes ';' with decimal commas), a UTF-8 BOM.
#pragma once

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

// The delimiter is the one of ',' and ';' the header line has more of.
// Throws InputError "line N: …" for an unclosed quote or invalid UTF-8.
Table parse(std::string_view text);

}  // namespace omskplan::csv
