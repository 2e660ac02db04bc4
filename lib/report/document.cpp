#include "report/document.hpp"
#include "core/russian.hpp"

#include "core/money.hpp"
#include "core/text.hpp"
#include "core/date.hpp"
#include "render/table.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace omskplan::report {

namespace {

render::Table as_table(const DataTable& t) {
  render::Table out;
  for (const auto& c : t.columns) {
    out.columns.push_back({c.key, c.header, c.number(), 200});
  }
  for (const auto& r : t.rows) {
    out.add(r);
  }
  if (t.totals) {
    out.add(*t.totals);
  }
  return out;
}

const char* type_name(Type t) {
  switch (t) {
    case Type::count:
      return "integer";
    case Type::money:
      return "money";
    case Type::decimal:
      return "number";
    case Type::date:
      return "date";
    case Type::text:
      break;
  }
  return "text";
}

}  // namespace

ColumnLayout column_layout(const DataTable& t, double line_chars) {
  const auto longest_word = [](const std::string& s) {
    std::size_t best = 0;
    for (const auto& line : text::split(s, '\n')) {
      for (const auto& w : text::split(line, ' ')) {
        best = std::max(best, text::display_width(w));
      }
    }
    return static_cast<double>(best);
  };
  constexpr double kPadding = 1.5;  // a cell's padding and border, in characters
  std::vector<double> least, want;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const Column& col = t.columns[c];
    // Headers are bold: wider; a character of a cell is counted a little wider than the average too.
    double l = longest_word(col.header) * 1.35;
    double sum = 0;
    for (const auto& row : t.rows) {
      const std::string& cell = c < row.size() ? row[c] : std::string();
      l = std::max(l, 1.15 * (col.type == Type::text ? std::min(longest_word(cell), 14.0)
                                                     : static_cast<double>(text::display_width(cell))));
      sum += static_cast<double>(text::display_width(cell));
    }
    if (t.totals && c < t.totals->size() && col.type != Type::text) {
      l = std::max(l, static_cast<double>(text::display_width((*t.totals)[c])) * 1.1);
    }
    double w = l;
    if (col.weight > 0) {
      w = col.weight * 6.0;
    } else if (col.type == Type::text && !t.rows.empty()) {
      w = std::min(40.0, sum / static_cast<double>(t.rows.size()) * 0.6);
    }
    least.push_back(std::max(l, 1.0) + kPadding);
    want.push_back(std::max(w + kPadding, least.back()));
  }
  ColumnLayout out;
  double need = 0, extra_wanted = 0;
  for (std::size_t c = 0; c < least.size(); ++c) {
    need += least[c];
    extra_wanted += want[c] - least[c];
  }
  if (need <= 0) {
    return out;
  }
  std::vector<double> width = least;
  if (need > line_chars) {
    out.font_scale = std::max(0.7, line_chars / need);
  } else if (extra_wanted > 0) {
    const double spare = line_chars - need;
    for (std::size_t c = 0; c < width.size(); ++c) {
      width[c] += spare * (want[c] - least[c]) / extra_wanted;
    }
  }
  double total = 0;
  for (double w : width) {
    total += w;
  }
  for (double w : width) {
    out.shares.push_back(w / total);
  }
  return out;
}

std::optional<double> cell_value(const DataTable& t, std::size_t r, std::size_t c) {
  if (c >= t.columns.size() || t.columns[c].type == Type::text) {
    return std::nullopt;
  }
  const std::vector<double>* values = r < t.rows.size() ? (r < t.values.size() ? &t.values[r] : nullptr)
                                      : r == t.rows.size() && t.totals ? &t.total_values
                                                                       : nullptr;
  if (!values || c >= values->size() || std::isnan((*values)[c])) {
    return std::nullopt;
  }
  return (*values)[c];
}

std::string plain_value(Type t, double v) {
  switch (t) {
    case Type::count:
      return fmt::format("{}", static_cast<long long>(std::llround(v)));
    case Type::money:
      return money::format_plain(static_cast<money::Kopecks>(std::llround(v)));
    case Type::date:
      return time::format_date(time::Date{std::chrono::days{static_cast<int>(std::lround(v))}});
    case Type::decimal:
      return fmt::format("{:g}", v);
    case Type::text:
      break;
  }
  return {};
}

std::vector<std::string> approval_lines(const Approval& a) {
  std::vector<std::string> out{a.word};
  for (const auto& line : text::split(a.title, '\n')) {
    out.push_back(line);
  }
  out.push_back(a.signature);
  out.push_back(a.date);
  if (!a.act.empty()) {
    out.push_back(a.act);
  }
  return out;
}

Approval blank_approval(const Signatures& s) {
  Approval a;
  a.title = s.approver.empty() ? "Мэр города Омска" : s.approver;
  a.signature = "_______________ " + (s.approver_name.empty() ? std::string("И. О. Фамилия") : s.approver_name);
  a.date = "«___» _______________ 20___\u00a0г.";
  return a;
}

std::string executor_line(const Signatures& s) {
  if (s.executor.empty()) {
    return {};
  }
  return "Исполнитель: " + s.executor + (s.executor_phone.empty() ? "" : ", тел. " + s.executor_phone);
}

Document typeset(Document d) {
  if (d.lang != "ru") {
    return d;
  }
  const auto set = [](std::string& s) { s = russian::typeset(s); };
  set(d.title);
  set(d.subtitle);
  set(d.executor);
  if (d.approval) {
    for (std::string* s : {&d.approval->title, &d.approval->signature, &d.approval->date, &d.approval->act}) {
      set(*s);
    }
  }
  for (auto& sec : d.sections) {
    set(sec.heading);
    for (auto& p : sec.paragraphs) {
      set(p);
    }
    if (sec.table) {
      for (auto& c : sec.table->columns) {
        set(c.header);
      }
      for (auto& row : sec.table->rows) {
        for (auto& cell : row) {
          set(cell);
        }
      }
      if (sec.table->totals) {
        for (auto& cell : *sec.table->totals) {
          set(cell);
        }
      }
    }
    if (sec.chart) {
      set(sec.chart->title);
      for (auto& l : sec.chart->labels) {
        set(l);
      }
    }
  }
  return d;
}

std::string to_text(const Document& d) {
  std::string out;
  if (d.approval) {
    for (const auto& line : approval_lines(*d.approval)) {
      out += std::string(40, ' ') + line + "\n";
    }
    out += "\n";
  }
  out += d.title + "\n";
  if (!d.subtitle.empty()) {
    out += d.subtitle + "\n";
  }
  for (const auto& s : d.sections) {
    out += "\n";
    if (!s.heading.empty()) {
      out += s.heading + "\n\n";
    }
    for (const auto& p : s.paragraphs) {
      out += p + "\n\n";
    }
    if (s.table) {
      out += render::to_text(as_table(*s.table), false);
    }
  }
  if (!d.executor.empty()) {
    out += "\n" + d.executor + "\n";
  }
  return out;
}

std::string to_markdown(const Document& d) {
  std::string out;
  if (d.approval) {
    const auto lines = approval_lines(*d.approval);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string line = render::markdown_text(lines[i]);
      out += "> " + (i == 0 ? "**" + line + "**" : line) + (i + 1 < lines.size() ? "  \n" : "\n\n");
    }
  }
  out += "# " + render::markdown_text(d.title) + "\n\n";
  if (!d.subtitle.empty()) {
    out += "*" + render::markdown_text(d.subtitle) + "*\n\n";
  }
  for (const auto& s : d.sections) {
    if (!s.heading.empty()) {
      out += "## " + render::markdown_text(s.heading) + "\n\n";
    }
    for (const auto& p : s.paragraphs) {
      // A line break inside a paragraph stays one (two spaces before it).
      std::string text = render::markdown_text(p);
      for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 3)) {
        text.insert(at, "  ");
      }
      out += text + "\n\n";
    }
    if (s.table) {
      out += render::to_markdown(as_table(*s.table)) + "\n";
    }
  }
  if (!d.executor.empty()) {
    out += render::markdown_text(d.executor) + "\n";
  }
  return out;
}

std::string chart_svg(const Chart& c) {
  const double width = 640;
  const double height = 240;
  const double left = 40, bottom = 40, top = 30;
  double max = 0;
  for (const auto& g : c.values) {
    for (double v : g) {
      max = std::max(max, v);
    }
  }
  if (max <= 0) {
    max = 1;
  }
  const std::size_t groups = std::max<std::size_t>(c.labels.size(), 1);
  const std::size_t per = std::max<std::size_t>(c.series.size(), 1);
  const double slot = (width - left - 10) / static_cast<double>(groups);
  const double bar = std::max(2.0, slot * 0.8 / static_cast<double>(per));
  static const char* kColors[] = {"#2f5597", "#c55a11", "#548235", "#7f6000"};
  // Labels that fit: every k-th when a label (about 6 px a character at 10 px) is wider than its slot.
  std::size_t widest = 1;
  for (const auto& l : c.labels) {
    widest = std::max(widest, text::display_width(l));
  }
  const auto step = static_cast<std::size_t>(std::ceil((static_cast<double>(widest) * 6.0 + 4) / slot));
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\">\n<title>{2}</title>\n",
      width, height, escape_html(c.title));
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000\"/>\n", left,
                     height - bottom, width - 10);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>\n", 2, top - 8, escape_html(fmt::format("{:g}", max)));
  for (std::size_t g = 0; g < c.labels.size(); ++g) {
    const double x0 = left + slot * static_cast<double>(g) + slot * 0.1;
    for (std::size_t k = 0; k < per && g < c.values.size() && k < c.values[g].size(); ++k) {
      const double v = c.values[g][k];
      const double h = (height - bottom - top) * v / max;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}: {:g}</title></rect>\n",
          x0 + bar * static_cast<double>(k), height - bottom - h, bar - 1, h, kColors[k % 4],
          escape_html(c.labels[g] + (c.series.size() > 1 ? ", " + c.series[k] : "")), v);
    }
    if (g % std::max<std::size_t>(step, 1) == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n",
                         x0 + slot * 0.4, height - bottom + 14, escape_html(c.labels[g]));
    }
  }
  for (std::size_t k = 0; k < c.series.size() && c.series.size() > 1; ++k) {
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" "
                       "font-size=\"11\">{}</text>\n",
                       left + 160 * static_cast<double>(k), height - 14, kColors[k % 4],
                       left + 160 * static_cast<double>(k) + 14, height - 5, escape_html(c.series[k]));
  }
  return svg + "</svg>\n";
}

std::string to_html(const Document& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + d.lang + "\">\n" + R"(<head>
<meta charset="utf-8"/>
<title>)" + escape_html(d.title) + R"(</title>
<style>
@page { size: A4)" + std::string(d.landscape ? " landscape" : "") + R"(; margin: 20mm 10mm 20mm 20mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; color: #000; max-width: )" +
                    std::string(d.landscape ? "267mm" : "180mm") + R"(; margin: 0 auto; }
div.approval { margin: 0 0 16pt auto; width: 85mm; text-align: left; }
div.approval p { margin: 0; text-align: left; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }
p.subtitle { text-align: center; font-style: italic; margin-top: 0; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; page-break-after: avoid; }
p { text-align: justify; margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10pt; margin: 6pt 0; }
th, td { overflow-wrap: break-word; }
* { box-sizing: border-box; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.date { text-align: center; white-space: nowrap; }
tr { page-break-inside: avoid; }
tr.total td { font-weight: bold; }
figure { margin: 8pt 0; page-break-inside: avoid; }
figcaption { font-size: 10pt; text-align: center; }
@media print { h2 { page-break-after: avoid; } }
</style>
</head>
<body>
)";
  if (d.approval) {
    out += "<div class=\"approval\">\n";
    for (const auto& line : approval_lines(*d.approval)) {
      out += "<p>" + escape_html(line) + "</p>\n";
    }
    out += "</div>\n";
  }
  out += "<h1>" + escape_html(d.title) + "</h1>\n";
  if (!d.subtitle.empty()) {
    out += "<p class=\"subtitle\">" + escape_html(d.subtitle) + "</p>\n";
  }
  for (const auto& s : d.sections) {
    out += "<section>\n";
    if (!s.heading.empty()) {
      out += "<h2>" + escape_html(s.heading) + "</h2>\n";
    }
    for (const auto& p : s.paragraphs) {
      std::string para = escape_html(p);
      std::string with_breaks;
      for (char c : para) {
        with_breaks += c == '\n' ? std::string("<br/>") : std::string(1, c);
      }
      out += "<p>" + with_breaks + "</p>\n";
    }
    if (s.chart) {
      out += "<figure>\n" + chart_svg(*s.chart) + "<figcaption>" + escape_html(s.chart->title) +
             "</figcaption>\n</figure>\n";
    }
    if (s.table) {
      const auto layout = column_layout(*s.table, a4_line_chars(d.landscape));
      out += layout.font_scale < 1 ? fmt::format("<table style=\"font-size: {:.1f}pt\">\n<colgroup>", 10 * layout.font_scale)
                                   : std::string("<table>\n<colgroup>");
      for (double share : layout.shares) {
        out += fmt::format("<col style=\"width: {:.1f}%\"/>", share * 100);
      }
      out += "</colgroup>\n<thead><tr>";
      for (const auto& c : s.table->columns) {
        out += "<th>" + escape_html(c.header) + "</th>";
      }
      out += "</tr></thead>\n<tbody>\n";
      auto row = [&](const std::vector<std::string>& r, bool total) {
        out += total ? "<tr class=\"total\">" : "<tr>";
        for (std::size_t i = 0; i < s.table->columns.size(); ++i) {
          const std::string cell = i < r.size() ? r[i] : "";
          const Type type = s.table->columns[i].type;
          out += type == Type::text ? "<td>" : type == Type::date ? "<td class=\"date\">" : "<td class=\"num\">";
          out += escape_html(cell) + "</td>";
        }
        out += "</tr>\n";
      };
      for (const auto& r : s.table->rows) {
        row(r, false);
      }
      if (s.table->totals) {
        row(*s.table->totals, true);
      }
      out += "</tbody>\n</table>\n";
    }
    out += "</section>\n";
  }
  if (!d.executor.empty()) {
    out += "<p class=\"executor\">" + escape_html(d.executor) + "</p>\n";
  }
  return out + "</body>\n</html>\n";
}

std::string to_csv(const Document& d, render::CsvDialect dialect) {
  std::string out(render::csv_start(dialect));
  const char sep = render::csv_separator(dialect);
  for (const auto& s : d.sections) {
    if (!s.table) {
      continue;
    }
    const DataTable& t = *s.table;
    out += render::csv_field("section", dialect);
    for (const auto& c : t.columns) {
      out += sep + render::csv_field(c.key, dialect);
    }
    out += "\r\n";
    // A typed cell as its value (2500000.50, 2024-05-06; in Excel's dialect 2500000,50 and 06.05.2024).
    const auto cell = [&](std::size_t r, std::size_t c) {
      const auto v = cell_value(t, r, c);
      if (!v) {
        const std::string& text = c < t.rows[r].size() ? t.rows[r][c] : std::string();
        // A typed cell without a value is empty (not «—»): a number column holds numbers only.
        return render::csv_field(t.columns[c].type != Type::text && text == "—" ? std::string() : text, dialect);
      }
      if (dialect == render::CsvDialect::excel && t.columns[c].type == Type::date) {
        const time::Date day{std::chrono::days{static_cast<int>(std::lround(*v))}};
        return fmt::format("{:02}.{:02}.{}", time::day_of(day), time::month_of(day), time::year_of(day));
      }
      return render::csv_field(plain_value(t.columns[c].type, *v), dialect, true);
    };
    // The rows only: a totals row in data would be counted twice by whoever sums the column.
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      out += render::csv_field(s.heading, dialect);
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        out += sep + cell(r, c);
      }
      out += "\r\n";
    }
  }
  return out;
}

namespace {

// A cell in JSON: an integer as an integer, money as the decimal string `agreement
// list --json` gives ("350000.50"), a date as ISO, a fraction as a number; a
// typed cell without a value is null; text as it is.
nlohmann::ordered_json json_cell(const DataTable& t, std::size_t r, std::size_t c) {
  const auto v = cell_value(t, r, c);
  const Type type = t.columns[c].type;
  if (!v) {
    if (type != Type::text) {
      const auto& cells = r < t.rows.size() ? t.rows[r] : *t.totals;
      // A label in a typed column (the totals row's «Итого») stays text; an empty cell is null.
      if (c < cells.size() && !cells[c].empty() && cells[c] != "—") {
        return cells[c];
      }
      return nullptr;
    }
    const auto& cells = r < t.rows.size() ? t.rows[r] : *t.totals;
    return c < cells.size() ? cells[c] : std::string();
  }
  switch (type) {
    case Type::count:
      return static_cast<long long>(std::llround(*v));
    case Type::decimal:
      return *v;
    default:
      return plain_value(type, *v);
  }
}

}  // namespace

std::string to_json(const Document& d) {
  nlohmann::ordered_json j;
  j["report"] = d.id;
  j["title"] = d.title;
  j["subtitle"] = d.subtitle;
  if (d.approval) {
    j["approval"] = {{"word", d.approval->word},
                     {"title", d.approval->title},
                     {"signature", d.approval->signature},
                     {"date", d.approval->date},
                     {"act", d.approval->act}};
  }
  j["sections"] = nlohmann::ordered_json::array();
  for (const auto& s : d.sections) {
    nlohmann::ordered_json sj;
    sj["heading"] = s.heading;
    sj["paragraphs"] = s.paragraphs;
    if (s.table) {
      auto rows = nlohmann::ordered_json::array();
      for (std::size_t r = 0; r < s.table->rows.size(); ++r) {
        nlohmann::ordered_json row;
        for (std::size_t c = 0; c < s.table->columns.size(); ++c) {
          row[s.table->columns[c].key] = json_cell(*s.table, r, c);
        }
        rows.push_back(std::move(row));
      }
      sj["columns"] = nlohmann::ordered_json::array();
      for (const auto& c : s.table->columns) {
        sj["columns"].push_back({{"key", c.key}, {"header", c.header}, {"type", type_name(c.type)}});
      }
      sj["rows"] = std::move(rows);
      if (s.table->totals) {
        nlohmann::ordered_json totals;
        for (std::size_t c = 0; c < s.table->columns.size(); ++c) {
          totals[s.table->columns[c].key] = json_cell(*s.table, s.table->rows.size(), c);
        }
        sj["totals"] = std::move(totals);
      }
    }
    if (s.chart) {
      sj["chart"] = {{"title", s.chart->title}, {"labels", s.chart->labels}, {"series", s.chart->series},
                     {"values", s.chart->values}};
    }
    j["sections"].push_back(std::move(sj));
  }
  if (!d.executor.empty()) {
    j["executor"] = d.executor;
  }
  return j.dump(2) + "\n";
}

}  // namespace omskplan::report
