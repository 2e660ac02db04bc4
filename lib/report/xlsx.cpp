#include "report/xlsx.hpp"

#include "core/error.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdint>

namespace omskplan::report {

namespace {

// The few libxlsxwriter functions used, with their C signatures.
struct Lib {
  void* handle = nullptr;
  void* (*workbook_new)(const char*) = nullptr;
  void* (*workbook_add_worksheet)(void*, const char*) = nullptr;
  void* (*workbook_add_format)(void*) = nullptr;
  int (*workbook_close)(void*) = nullptr;
  void (*format_set_bold)(void*) = nullptr;
  void (*format_set_text_wrap)(void*) = nullptr;
  void (*format_set_num_format)(void*, const char*) = nullptr;
  int (*worksheet_write_string)(void*, std::uint32_t, std::uint16_t, const char*, void*) = nullptr;
  int (*worksheet_write_number)(void*, std::uint32_t, std::uint16_t, double, void*) = nullptr;
  int (*worksheet_set_column)(void*, std::uint16_t, std::uint16_t, double, void*) = nullptr;

  Lib() {
    for (const char* name : {"libxlsxwriter.so.4", "libxlsxwriter.so.5", "libxlsxwriter.so"}) {
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
      if (handle) {
        break;
      }
    }
    if (!handle) {
      throw Error("XLSX output needs libxlsxwriter: apt-get install libxlsxwriter4");
    }
    load(workbook_new, "workbook_new");
    load(workbook_add_worksheet, "workbook_add_worksheet");
    load(workbook_add_format, "workbook_add_format");
    load(workbook_close, "workbook_close");
    load(format_set_bold, "format_set_bold");
    load(format_set_text_wrap, "format_set_text_wrap");
    load(format_set_num_format, "format_set_num_format");
    load(worksheet_write_string, "worksheet_write_string");
    load(worksheet_write_number, "worksheet_write_number");
    load(worksheet_set_column, "worksheet_set_column");
  }
  ~Lib() {
    if (handle) {
      dlclose(handle);
    }
  }
  Lib(const Lib&) = delete;

  template <class F>
  void load(F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(handle, name));
    if (!f) {
      throw Error(fmt::format("libxlsxwriter has no {}: an incompatible version", name));
    }
  }
};

}  // namespace

void write_xlsx(const Document& d, const std::string& path) {
  Lib x;
  void* wb = x.workbook_new(path.c_str());
  if (!wb) {
    throw Error(fmt::format("cannot create the spreadsheet {}", path));
  }
  void* bold = x.workbook_add_format(wb);
  x.format_set_bold(bold);
  x.format_set_text_wrap(bold);
  void* money = x.workbook_add_format(wb);
  x.format_set_num_format(money, "# ##0.00");
  void* bold_money = x.workbook_add_format(wb);
  x.format_set_bold(bold_money);
  x.format_set_num_format(bold_money, "# ##0.00");
  int sheet_no = 0;
  for (const auto& s : d.sections) {
    if (!s.table) {
      continue;
    }
    const auto& t = *s.table;
    void* ws = x.workbook_add_worksheet(wb, fmt::format("Раздел {}", ++sheet_no).c_str());
    std::uint32_t row = 0;
    x.worksheet_write_string(ws, row++, 0, d.title.c_str(), bold);
    x.worksheet_write_string(ws, row++, 0, s.heading.c_str(), bold);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      x.worksheet_write_string(ws, row, static_cast<std::uint16_t>(c), t.columns[c].header.c_str(), bold);
      x.worksheet_set_column(ws, static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c),
                             t.columns[c].number ? 16 : 30, nullptr);
    }
    ++row;
    auto write_row = [&](const std::vector<std::string>& cells, const std::vector<double>* values, bool total) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const bool number = t.columns[c].number && values && c < values->size() && !std::isnan((*values)[c]);
        if (number) {
          x.worksheet_write_number(ws, row, static_cast<std::uint16_t>(c), (*values)[c], total ? bold_money : money);
        } else {
          x.worksheet_write_string(ws, row, static_cast<std::uint16_t>(c), c < cells.size() ? cells[c].c_str() : "",
                                   total ? bold : nullptr);
        }
      }
      ++row;
    };
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      write_row(t.rows[r], r < t.values.size() ? &t.values[r] : nullptr, false);
    }
    if (t.totals) {
      write_row(*t.totals, nullptr, true);
    }
  }
  if (x.workbook_close(wb) != 0) {
    throw Error(fmt::format("cannot write the spreadsheet {}", path));
  }
}

}  // namespace omskplan::report
