#include "report/document.hpp"

#include "core/text.hpp"
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
    out.columns.push_back({c.key, c.header, c.number, 200});
  }
  for (const auto& r : t.rows) {
    out.add(r);
  }
  if (t.totals) {
    out.add(*t.totals);
  }
  return out;
}

}  // namespace

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<double> column_shares(const DataTable& t) {
  std::vector<double> out;
  double total = 0;
  for (const auto& c : t.columns) {
    const double w = c.weight > 0 ? c.weight : (c.number ? 1 : 3);
    out.push_back(w);
    total += w;
  }
  for (auto& w : out) {
    w /= total;
  }
  return out;
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
  return out;
}

std::string to_markdown(const Document& d) {
  std::string out;
  if (d.approval) {
    const auto lines = approval_lines(*d.approval);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += "> " + (i == 0 ? "**" + lines[i] + "**" : lines[i]) + (i + 1 < lines.size() ? "  \n" : "\n\n");
    }
  }
  out += "# " + d.title + "\n\n";
  if (!d.subtitle.empty()) {
    out += "*" + d.subtitle + "*\n\n";
  }
  for (const auto& s : d.sections) {
    if (!s.heading.empty()) {
      out += "## " + s.heading + "\n\n";
    }
    for (const auto& p : s.paragraphs) {
      out += p + "\n\n";
    }
    if (s.table) {
      out += render::to_markdown(as_table(*s.table)) + "\n";
    }
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
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n",
                       x0 + slot * 0.4, height - bottom + 14, escape_html(c.labels[g]));
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
  std::string out = R"(<!DOCTYPE html>
<html lang="ru">
<head>
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
      out += "<table>\n<colgroup>";
      for (double share : column_shares(*s.table)) {
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
          out += s.table->columns[i].number ? "<td class=\"num\">" : "<td>";
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
  return out + "</body>\n</html>\n";
}

std::string to_csv(const Document& d) {
  std::string out;
  for (const auto& s : d.sections) {
    if (!s.table) {
      continue;
    }
    out += render::csv_field("section");
    for (const auto& c : s.table->columns) {
      out += "," + render::csv_field(c.key);
    }
    out += "\r\n";
    auto row = [&](const std::vector<std::string>& r) {
      out += render::csv_field(s.heading);
      for (std::size_t i = 0; i < s.table->columns.size(); ++i) {
        out += "," + render::csv_field(i < r.size() ? r[i] : "");
      }
      out += "\r\n";
    };
    for (const auto& r : s.table->rows) {
      row(r);
    }
  }
  return out;
}

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
          const auto& col = s.table->columns[c];
          if (col.number && r < s.table->values.size() && c < s.table->values[r].size() &&
              !std::isnan(s.table->values[r][c])) {
            row[col.key] = s.table->values[r][c];
          } else {
            row[col.key] = s.table->rows[r][c];
          }
        }
        rows.push_back(std::move(row));
      }
      sj["rows"] = std::move(rows);
    }
    if (s.chart) {
      sj["chart"] = {{"title", s.chart->title}, {"labels", s.chart->labels}, {"series", s.chart->series},
                     {"values", s.chart->values}};
    }
    j["sections"].push_back(std::move(sj));
  }
  return j.dump(2) + "\n";
}

}  // namespace omskplan::report
