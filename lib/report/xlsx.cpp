#include "report/xlsx.hpp"

#include "core/words.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace omskplan::report {

namespace {

// The libxlsxwriter functions used, typed from <xlsxwriter.h> (libxlsxwriter-dev)
// and looked up in the runtime library (libxlsxwriter4, a Depends of the .deb).
struct Lib {
  void* handle = nullptr;
#define OMSKPLAN_XLSX_FUNCTIONS(X)                                                                        \
  X(workbook_new) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_close)                       \
  X(workbook_set_properties) X(format_set_bold) X(format_set_italic) X(format_set_font_size)               \
  X(format_set_font_name) X(format_set_text_wrap) X(format_set_num_format) X(format_set_align)             \
  X(format_set_border) X(format_set_bg_color) X(worksheet_write_string) X(worksheet_write_number)          \
  X(worksheet_write_formula_num) X(worksheet_write_blank) X(worksheet_merge_range) X(worksheet_set_column) \
  X(worksheet_set_row) X(worksheet_freeze_panes) X(worksheet_autofilter) X(worksheet_set_landscape)        \
  X(worksheet_set_paper) X(worksheet_fit_to_pages) X(worksheet_repeat_rows) X(worksheet_set_margins)       \
  X(worksheet_set_footer)
#define OMSKPLAN_XLSX_MEMBER(name) decltype(&::name) name = nullptr;
  OMSKPLAN_XLSX_FUNCTIONS(OMSKPLAN_XLSX_MEMBER)
#undef OMSKPLAN_XLSX_MEMBER

  Lib() {
    for (const char* name : {"libxlsxwriter.so.4", "libxlsxwriter.so.5", "libxlsxwriter.so"}) {
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
      if (handle) {
        break;
      }
    }
    if (!handle) {
      throw Error(tr("XLSX output needs libxlsxwriter: apt-get install libxlsxwriter4"));
    }
#define OMSKPLAN_XLSX_LOAD(name) load(name, #name);
    OMSKPLAN_XLSX_FUNCTIONS(OMSKPLAN_XLSX_LOAD)
#undef OMSKPLAN_XLSX_LOAD
  }
  ~Lib() {
    if (handle) {
      dlclose(handle);
    }
  }
  Lib(const Lib&) = delete;
  Lib& operator=(const Lib&) = delete;

  template <class F>
  void load(F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(handle, name));
    if (!f) {
      throw Error(fmt::format("libxlsxwriter has no {}: an incompatible version", name));
    }
  }
};
#undef OMSKPLAN_XLSX_FUNCTIONS

// Number formats in OOXML's locale-neutral codes: the reader's locale shows its
// own group and decimal separators (4 000 000,00 in Russian Calc, 4,000,000.00 in
// English Excel).
constexpr const char* kMoneyFormat = "#,##0.00";
constexpr const char* kCountFormat = "0";
constexpr const char* kDecimalFormat = "0.0";
constexpr const char* kDateFormat = "dd.mm.yyyy";
// Excel's day number of 1970-01-01 (its epoch is 1899-12-30).
constexpr double kExcelEpochShift = 25569;

struct Formats {
  lxw_format* title;
  lxw_format* subtitle;
  lxw_format* heading;
  lxw_format* paragraph;
  lxw_format* approval;
  lxw_format* approval_word;
  lxw_format* header;
  lxw_format* text;
  lxw_format* total_text;
  lxw_format* executor;
  // By column type (count, money, decimal, date) and for the totals row.
  lxw_format* typed[5];
  lxw_format* total_typed[5];
};

lxw_format* cell_format(Lib& x, lxw_workbook* wb, const char* num, bool bold) {
  lxw_format* f = x.workbook_add_format(wb);
  x.format_set_border(f, LXW_BORDER_THIN);
  x.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (num) {
    x.format_set_num_format(f, num);
  } else {
    x.format_set_text_wrap(f);
  }
  if (bold) {
    x.format_set_bold(f);
  }
  return f;
}

Formats make_formats(Lib& x, lxw_workbook* wb) {
  Formats f{};
  const auto make = [&](bool bold, bool italic, double size, bool wrap, lxw_format_alignments align) {
    lxw_format* g = x.workbook_add_format(wb);
    if (bold) {
      x.format_set_bold(g);
    }
    if (italic) {
      x.format_set_italic(g);
    }
    if (size > 0) {
      x.format_set_font_size(g, size);
    }
    if (wrap) {
      x.format_set_text_wrap(g);
    }
    x.format_set_align(g, align);
    x.format_set_align(g, LXW_ALIGN_VERTICAL_TOP);
    return g;
  };
  f.title = make(true, false, 14, true, LXW_ALIGN_CENTER);
  f.subtitle = make(false, true, 0, true, LXW_ALIGN_CENTER);
  f.heading = make(true, false, 12, true, LXW_ALIGN_LEFT);
  f.paragraph = make(false, false, 0, true, LXW_ALIGN_JUSTIFY);
  f.approval = make(false, false, 0, true, LXW_ALIGN_LEFT);
  f.approval_word = make(true, false, 0, false, LXW_ALIGN_LEFT);
  f.executor = make(false, false, 9, true, LXW_ALIGN_LEFT);
  f.header = cell_format(x, wb, nullptr, true);
  x.format_set_align(f.header, LXW_ALIGN_CENTER);
  x.format_set_bg_color(f.header, 0xEEEEEE);
  f.text = cell_format(x, wb, nullptr, false);
  f.total_text = cell_format(x, wb, nullptr, true);
  const char* nums[5] = {nullptr, kCountFormat, kMoneyFormat, kDecimalFormat, kDateFormat};
  for (int t = 1; t < 5; ++t) {
    f.typed[t] = cell_format(x, wb, nums[t], false);
    f.total_typed[t] = cell_format(x, wb, nums[t], true);
  }
  if (f.typed[static_cast<int>(Type::date)]) {
    x.format_set_align(f.typed[static_cast<int>(Type::date)], LXW_ALIGN_CENTER);
  }
  f.typed[0] = f.text;
  f.total_typed[0] = f.total_text;
  return f;
}

// How wide a cell's text is, in characters of the default font: the longest line.
double text_width(const std::string& s) {
  std::size_t widest = 0;
  for (const auto& line : text::split(s, '\n')) {
    widest = std::max(widest, text::display_width(line));
  }
  return static_cast<double>(widest);
}

// The rows a text takes in a merged range `width` characters wide (14 pt lines for 11 pt text).
double wrapped_height(const std::string& s, double width, double line_pt = 15) {
  double lines = 0;
  for (const auto& line : text::split(s, '\n')) {
    lines += std::max(1.0, std::ceil(static_cast<double>(text::display_width(line)) * 1.1 / std::max(width, 1.0)));
  }
  return std::max(1.0, lines) * line_pt;
}

// A sheet's name as Excel takes it: at most 31 characters, none of []:*?/\,
// unique in the workbook (case-insensitively).
std::string sheet_name(std::string name, std::set<std::string>& taken, std::size_t n) {
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
      c = ' ';
    }
  }
  name = text::trim(name);
  // «1. Наиболее значимое в 2023 году» → «Наиболее значимое в 2023 году»: a number is no name.
  const auto first = name.find_first_not_of("0123456789. ");
  if (first != std::string::npos && first > 0) {
    name = name.substr(first);
  }
  if (name.empty() || name.front() == '\'') {
    name = fmt::format(fmt::runtime(say(NC_("document", "Table {}"))), n);
  }
  const auto cut = [](const std::string& s, std::size_t chars) {
    std::string out;
    std::size_t pos = 0, count = 0;
    while (pos < s.size() && count < chars) {
      const std::size_t start = pos;
      text::decode_utf8(s, pos);
      out.append(s, start, pos - start);
      ++count;
    }
    return text::trim(out);
  };
  std::string candidate = cut(name, 31);
  for (int k = 2; taken.count(text::fold(candidate)); ++k) {
    const std::string suffix = fmt::format(" ({})", k);
    candidate = cut(name, 31 - suffix.size()) + suffix;
  }
  taken.insert(text::fold(candidate));
  return candidate;
}

// What goes on one sheet: the sections from one that starts a sheet to the next.
struct Sheet {
  std::string name;
  std::vector<const Section*> sections;
  const DataTable* table() const {
    for (const auto* s : sections) {
      if (s->table && !s->table->columns.empty()) {
        return &*s->table;
      }
    }
    return nullptr;
  }
};

// A section starts a sheet when it names one, or when it has a table and the
// sheet so far has one; text follows on the sheet before it.
std::vector<Sheet> plan_sheets(const Document& d) {
  std::vector<Sheet> sheets;
  std::set<std::string> taken;
  for (const auto& s : d.sections) {
    const bool has_table = s.table && !s.table->columns.empty();
    if (sheets.empty() || !s.sheet.empty() || (has_table && sheets.back().table())) {
      sheets.push_back({s.sheet, {}});
    }
    sheets.back().sections.push_back(&s);
  }
  if (sheets.empty()) {
    sheets.push_back({});
  }
  std::size_t n = 0;
  for (auto& sh : sheets) {
    ++n;
    std::string name = sh.name;
    if (name.empty()) {
      for (const auto* s : sh.sections) {
        if (!s->heading.empty()) {
          name = s->heading;
          break;
        }
      }
    }
    if (name.empty() && sheets.size() == 1) {
      name = d.title;
    }
    sh.name = sheet_name(name, taken, n);
  }
  return sheets;
}

class SheetWriter {
public:
  SheetWriter(Lib& x, const Formats& f, lxw_worksheet* ws, const Document& d) : x_(x), f_(f), ws_(ws), d_(d) {}

  void write(const Sheet& sh, bool first, bool last) {
    const DataTable* t = sh.table();
    // The columns: the table's, sized from their content; a sheet of text gets one wide column.
    if (t) {
      for (std::size_t c = 0; c < t->columns.size(); ++c) {
        widths_.push_back(column_width(*t, c));
      }
    } else {
      widths_ = {100};
    }
    span_ = 0;
    for (double w : widths_) {
      span_ += w;
    }
    // Text spans at least ~90 characters: past a narrow table's last column if need be.
    while (span_ < 90) {
      widths_.push_back(std::min(12.0, 90 - span_ + 1));
      span_ += widths_.back();
    }
    for (std::size_t c = 0; c < widths_.size(); ++c) {
      x_.worksheet_set_column(ws_, col(c), col(c), widths_[c], nullptr);
    }
    if (first && d_.approval) {
      approval(*d_.approval);
    }
    line(d_.title, f_.title, 14 * 1.35);
    if (!d_.subtitle.empty()) {
      line(d_.subtitle, f_.subtitle);
    }
    ++row_;  // a blank line before the body
    bool wide = d_.landscape;
    for (const auto* s : sh.sections) {
      if (!s->heading.empty()) {
        line(s->heading, f_.heading, 12 * 1.35);
      }
      for (const auto& p : s->paragraphs) {
        line(p, f_.paragraph);
      }
      if (s->table && !s->table->columns.empty()) {
        table(*s->table);
        wide = wide || s->table->columns.size() > 7;
      }
    }
    if (last && !d_.executor.empty()) {
      ++row_;
      line(d_.executor, f_.executor, 12);
    }
    // Print: A4, fit to the page's width, landscape where wide, the table's header on every page.
    x_.worksheet_set_paper(ws_, 9);
    if (wide) {
      x_.worksheet_set_landscape(ws_);
    }
    x_.worksheet_fit_to_pages(ws_, 1, 0);
    x_.worksheet_set_margins(ws_, 0.79, 0.39, 0.79, 0.79);  // 20, 10, 20, 20 mm
    x_.worksheet_set_footer(ws_, "&CСтраница &P из &N");
  }

private:
  static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }
  lxw_col_t last_col() const { return static_cast<lxw_col_t>(widths_.size() - 1); }

  // A line of text across the sheet's columns, as tall as its wrapped text.
  void line(const std::string& s, lxw_format* f, double line_pt = 15) {
    if (widths_.size() > 1) {
      x_.worksheet_merge_range(ws_, row_, 0, row_, last_col(), s.c_str(), f);
    } else {
      x_.worksheet_write_string(ws_, row_, 0, s.c_str(), f);
    }
    x_.worksheet_set_row(ws_, row_, wrapped_height(s, span_, line_pt), nullptr);
    ++row_;
  }

  // «УТВЕРЖДАЮ» and its lines in the right part of the sheet (about 45 characters wide).
  void approval(const Approval& a) {
    std::size_t from = widths_.size();
    double w = 0;
    while (from > 0 && w < 45) {
      --from;
      w += widths_[from];
    }
    const auto lines = approval_lines(a);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      lxw_format* f = i == 0 ? f_.approval_word : f_.approval;
      if (from < last_col()) {
        x_.worksheet_merge_range(ws_, row_, col(from), row_, last_col(), lines[i].c_str(), f);
      } else {
        x_.worksheet_write_string(ws_, row_, col(from), lines[i].c_str(), f);
      }
      x_.worksheet_set_row(ws_, row_, wrapped_height(lines[i], w), nullptr);
      ++row_;
    }
    ++row_;
  }

  void table(const DataTable& t) {
    const lxw_row_t header = row_;
    double header_h = 15;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      x_.worksheet_write_string(ws_, row_, col(c), t.columns[c].header.c_str(), f_.header);
      header_h = std::max(header_h, wrapped_height(t.columns[c].header, widths_[c]));
    }
    x_.worksheet_set_row(ws_, row_, header_h, nullptr);
    ++row_;
    const lxw_row_t first_data = row_;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      data_row(t, r, t.rows[r], false, first_data);
    }
    const lxw_row_t last_data = row_ == first_data ? first_data : row_ - 1;
    if (t.totals) {
      data_row(t, t.rows.size(), *t.totals, true, first_data);
    }
    if (!frozen_) {
      x_.worksheet_freeze_panes(ws_, header + 1, 0);
      x_.worksheet_repeat_rows(ws_, header, header);
      frozen_ = true;
    }
    // A filter on the header of a register (one per sheet: the first table's).
    if (!filtered_ && t.rows.size() > 1) {
      x_.worksheet_autofilter(ws_, header, 0, last_data, col(t.columns.size() - 1));
      filtered_ = true;
    }
    ++row_;
  }

  void data_row(const DataTable& t, std::size_t r, const std::vector<std::string>& cells, bool total,
                lxw_row_t first_data) {
    double height = 15;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Type type = t.columns[c].type;
      const int ti = static_cast<int>(type);
      const auto v = cell_value(t, r, c);
      const std::string& s = c < cells.size() ? cells[c] : empty_;
      if (v) {
        double value = *v;
        if (type == Type::money) {
          value /= 100.0;
        } else if (type == Type::date) {
          value += kExcelEpochShift;
        }
        if (total && (type == Type::count || type == Type::money) && sums_to(t, c, *v) && r > 0) {
          // The total as a formula over the column, with its value for readers that do not calculate.
          const std::string formula = fmt::format("=SUM({}{}:{}{})", column_letters(c), first_data + 1,
                                                  column_letters(c), first_data + r);
          x_.worksheet_write_formula_num(ws_, row_, col(c), formula.c_str(), f_.total_typed[ti], value);
        } else {
          x_.worksheet_write_number(ws_, row_, col(c), value, total ? f_.total_typed[ti] : f_.typed[ti]);
        }
      } else if (s.empty() || (type != Type::text && s == "—")) {
        x_.worksheet_write_blank(ws_, row_, col(c), total ? f_.total_text : f_.text);
      } else {
        x_.worksheet_write_string(ws_, row_, col(c), s.c_str(), total ? f_.total_text : f_.text);
        height = std::max(height, wrapped_height(s, widths_[c]));
      }
    }
    x_.worksheet_set_row(ws_, row_, std::min(height, 409.0), nullptr);
    ++row_;
  }

  // Whether `total` is the sum of the column's values (then it is written as SUM()).
  static bool sums_to(const DataTable& t, std::size_t c, double total) {
    double sum = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      sum += cell_value(t, r, c).value_or(0);
    }
    return std::fabs(sum - total) < 0.5;
  }

  static std::string column_letters(std::size_t c) {
    std::string out;
    for (std::size_t n = c + 1; n > 0; n = (n - 1) / 26) {
      out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return out;
  }

  // A column's width from its content: the longest cell (or the header's longest word),
  // between 6 and 50 characters for text; a number as wide as it is formatted.
  static double column_width(const DataTable& t, std::size_t c) {
    double w = 0;
    for (const auto& word : text::split(t.columns[c].header, ' ')) {
      w = std::max(w, text_width(word));
    }
    const Type type = t.columns[c].type;
    const std::size_t rows = t.rows.size() + (t.totals ? 1 : 0);
    for (std::size_t r = 0; r < rows; ++r) {
      const auto v = cell_value(t, r, c);
      if (type == Type::date && v) {
        w = std::max(w, 10.0);
      } else if (type == Type::money && v) {
        w = std::max(w, std::floor(std::log10(std::max(1.0, std::fabs(*v / 100.0)))) * 4.0 / 3.0 + 5);
      } else if (v) {
        w = std::max(w, static_cast<double>(fmt::format("{:g}", *v).size()));
      } else {
        const auto& cells = r < t.rows.size() ? t.rows[r] : *t.totals;
        if (c < cells.size()) {
          w = std::max(w, text_width(cells[c]));
        }
      }
    }
    return std::clamp(w + 2, 6.0, type == Type::text ? 50.0 : 20.0);
  }

  Lib& x_;
  const Formats& f_;
  lxw_worksheet* ws_;
  const Document& d_;
  std::vector<double> widths_;
  double span_ = 0;
  lxw_row_t row_ = 0;
  bool frozen_ = false;
  bool filtered_ = false;
  const std::string empty_;
};

}  // namespace

void write_xlsx(const Document& d, const std::string& path) {
  const i18n::Scope words(d.lang);
  Lib x;
  lxw_workbook* wb = x.workbook_new(path.c_str());
  if (!wb) {
    throw Error(trf("cannot create the spreadsheet {}", path));
  }
  lxw_doc_properties props{};
  std::string title = d.title, subject = d.subtitle;  // the library's fields are char*
  props.title = title.data();
  props.subject = subject.data();
  x.workbook_set_properties(wb, &props);
  const Formats f = make_formats(x, wb);
  const auto sheets = plan_sheets(d);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    lxw_worksheet* ws = x.workbook_add_worksheet(wb, sheets[i].name.c_str());
    if (!ws) {
      x.workbook_close(wb);
      throw Error(trf("cannot add the sheet '{}' to {}", sheets[i].name, path));
    }
    SheetWriter(x, f, ws, d).write(sheets[i], i == 0, i + 1 == sheets.size());
  }
  if (x.workbook_close(wb) != LXW_NO_ERROR) {
    throw Error(trf("cannot write the spreadsheet {}", path));
  }
}

}  // namespace omskplan::report
