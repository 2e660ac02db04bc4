// XLSX output through Debian's libxlsxwriter, loaded with dlopen only when a
// spreadsheet is asked for: linking it would load libcrypto and minizip into
// every run of omskplan (~1 ms of start-up) for the one command that needs it.
#pragma once

#include "report/document.hpp"

#include <string>

namespace omskplan::report {

// Writes one worksheet per section with a table (headers bold, numbers as
// numbers, a totals row). Throws Error when the library is missing or the
// file cannot be written.
void write_xlsx(const Document& d, const std::string& path);

}  // namespace omskplan::report
