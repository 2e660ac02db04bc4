#include "report/docx.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace omskplan::report {

namespace {

// The few libzip functions used, with their C signatures (zip.h).
struct Zip {
  void* handle = nullptr;
  zip_t* (*open)(const char*, int, int*) = nullptr;
  zip_source_t* (*source_buffer)(zip_t*, const void*, zip_uint64_t, int) = nullptr;
  zip_int64_t (*file_add)(zip_t*, const char*, zip_source_t*, zip_flags_t) = nullptr;
  void (*source_free)(zip_source_t*) = nullptr;
  int (*close)(zip_t*) = nullptr;
  void (*discard)(zip_t*) = nullptr;
  const char* (*strerror)(zip_t*) = nullptr;
  zip_int64_t (*get_num_entries)(zip_t*, zip_flags_t) = nullptr;
  const char* (*get_name)(zip_t*, zip_uint64_t, zip_flags_t) = nullptr;
  int (*stat_index)(zip_t*, zip_uint64_t, zip_flags_t, zip_stat_t*) = nullptr;
  zip_file_t* (*fopen_index)(zip_t*, zip_uint64_t, zip_flags_t) = nullptr;
  zip_int64_t (*fread)(zip_file_t*, void*, zip_uint64_t) = nullptr;
  int (*fclose)(zip_file_t*) = nullptr;

  Zip() {
    for (const char* name : {"libzip.so.4", "libzip.so.5", "libzip.so"}) {
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
      if (handle) {
        break;
      }
    }
    if (!handle) {
      throw Error(tr("DOCX output needs libzip: apt-get install libzip4"));
    }
    load(open, "zip_open");
    load(source_buffer, "zip_source_buffer");
    load(file_add, "zip_file_add");
    load(source_free, "zip_source_free");
    load(close, "zip_close");
    load(discard, "zip_discard");
    load(strerror, "zip_strerror");
    load(get_num_entries, "zip_get_num_entries");
    load(get_name, "zip_get_name");
    load(stat_index, "zip_stat_index");
    load(fopen_index, "zip_fopen_index");
    load(fread, "zip_fread");
    load(fclose, "zip_fclose");
  }
  ~Zip() {
    if (handle) {
      dlclose(handle);
    }
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  template <class F>
  void load(F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(handle, name));
    if (!f) {
      throw Error(fmt::format("libzip has no {}: an incompatible version", name));
    }
  }
};

// Text for XML: escaped, and the characters XML 1.0 cannot hold dropped.
std::string xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t c = text::decode_utf8(s, pos);
    switch (c) {
      case U'&':
        out += "&amp;";
        break;
      case U'<':
        out += "&lt;";
        break;
      case U'>':
        out += "&gt;";
        break;
      case U'"':
        out += "&quot;";
        break;
      default:
        if ((c < 0x20 && c != U'\t' && c != U'\n') || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) {
          break;
        }
        out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Page geometry in twentieths of a point: A4, margins 20 mm (left, top, bottom) and 10 mm (right).
constexpr int kA4Short = 11906, kA4Long = 16838;
constexpr int kMarginLeft = 1134, kMarginRight = 567, kMarginTop = 1134, kMarginBottom = 1134;

// A run of text; newlines become line breaks.
// `half_points`: a font size other than the style's (in half-points), 0 for the style's.
std::string runs(std::string_view s, bool bold = false, bool italic = false, int half_points = 0) {
  std::string rpr;
  if (bold || italic || half_points > 0) {
    rpr = std::string("<w:rPr>") + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") +
          (half_points > 0 ? fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", half_points) : "") +
          "</w:rPr>";
  }
  std::string out;
  const auto lines = text::split(std::string(s), '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += "<w:r>" + rpr + (i > 0 ? "<w:br/>" : "") + "<w:t xml:space=\"preserve\">" + xml(lines[i]) + "</w:t></w:r>";
  }
  return out;
}

std::string paragraph(std::string_view s, const std::string& ppr = "", bool bold = false, bool italic = false,
                      int half_points = 0) {
  return "<w:p>" + (ppr.empty() ? std::string() : "<w:pPr>" + ppr + "</w:pPr>") + runs(s, bold, italic, half_points) +
         "</w:p>\n";
}

// `line_chars`: how many characters of 10 pt text the line holds (the table's text is 11 pt).
std::string table_xml(const DataTable& t, int content_width, double line_chars) {
  const std::size_t n = t.columns.size();
  if (n == 0) {
    return {};
  }
  std::vector<int> widths;
  const auto layout = column_layout(t, line_chars * 10 / 11);
  // The style's 11 pt, smaller when even the columns' minimums do not fit.
  const int size = layout.font_scale < 1 ? std::max(14, static_cast<int>(22 * layout.font_scale)) : 0;
  for (double share : layout.shares) {
    widths.push_back(static_cast<int>(content_width * share));
  }
  std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" +
                    std::to_string(content_width) + "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                    "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                    "w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) {
    out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  }
  out += "</w:tblGrid>\n";
  const auto cell = [&](std::size_t i, const std::string& value, bool header, bool bold) {
    std::string ppr = "<w:spacing w:after=\"0\"/>";
    if (header) {
      ppr += "<w:jc w:val=\"center\"/>";
    } else if (t.columns[i].number()) {
      ppr += "<w:jc w:val=\"right\"/>";
    }
    return "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[i]) + "\" w:type=\"dxa\"/></w:tcPr>" +
           paragraph(value, ppr, bold, false, size) + "</w:tc>";
  };
  // The header row repeats on every page; a row is never split across pages.
  out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
  for (std::size_t i = 0; i < n; ++i) {
    out += cell(i, t.columns[i].header, true, true);
  }
  out += "</w:tr>\n";
  const auto row = [&](const std::vector<std::string>& r, bool bold) {
    out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (std::size_t i = 0; i < n; ++i) {
      out += cell(i, i < r.size() ? r[i] : "", false, bold);
    }
    out += "</w:tr>\n";
  };
  for (const auto& r : t.rows) {
    row(r, false);
  }
  if (t.totals) {
    row(*t.totals, true);
  }
  return out + "</w:tbl>\n";
}

std::string document_xml(const Document& d) {
  const int page_w = d.landscape ? kA4Long : kA4Short;
  const int page_h = d.landscape ? kA4Short : kA4Long;
  const int content = page_w - kMarginLeft - kMarginRight;
  std::string body;
  if (d.approval) {
    // The block's left edge at about the middle of the line (90 mm from the right margin).
    const int indent = std::max(0, content - 5103);
    const std::string ppr = "<w:spacing w:after=\"0\"/><w:ind w:left=\"" + std::to_string(indent) + "\"/>";
    const auto lines = approval_lines(*d.approval);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      body += paragraph(lines[i], ppr + (i + 1 == lines.size() ? "<w:spacing w:after=\"240\"/>" : ""), i == 0);
    }
  }
  body += paragraph(d.title, "<w:pStyle w:val=\"Title\"/>");
  if (!d.subtitle.empty()) {
    body += paragraph(d.subtitle, "<w:pStyle w:val=\"Subtitle\"/>");
  }
  for (const auto& s : d.sections) {
    if (!s.heading.empty()) {
      body += paragraph(s.heading, "<w:pStyle w:val=\"Heading1\"/>");
    }
    for (const auto& p : s.paragraphs) {
      body += paragraph(p, "<w:jc w:val=\"both\"/><w:ind w:firstLine=\"709\"/>");
    }
    if (s.table) {
      body += table_xml(*s.table, content, a4_line_chars(d.landscape));
      body += paragraph("", "<w:spacing w:after=\"0\"/>");
    }
  }
  if (!d.executor.empty()) {
    // «Исполнитель» at the foot of the last page, in small print (ГОСТ Р 7.0.97: 10–12 pt).
    body += paragraph(d.executor, "<w:spacing w:before=\"480\"/>", false, false, 20);
  }
  const std::string orient = d.landscape ? " w:orient=\"landscape\"" : "";
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"{}\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\n<w:body>\n{}"
      "<w:sectPr><w:pgSz w:w=\"{}\" w:h=\"{}\"{}/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" "
      "w:left=\"{}\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>\n</w:body>\n</w:document>\n",
      kW, body, page_w, page_h, orient, kMarginTop, kMarginRight, kMarginBottom, kMarginLeft);
}

constexpr const char* kStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>
</w:styles>
)";

constexpr const char* kContentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
)";

constexpr const char* kPackageRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
)";

constexpr const char* kDocumentRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
)";

std::string core_xml(const Document& d) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:title>" +
         xml(d.title) + "</dc:title>\n<dc:creator>omskplan</dc:creator>\n</cp:coreProperties>\n";
}

}  // namespace

std::map<std::string, std::string> docx_parts(const Document& d) {
  return {{"[Content_Types].xml", kContentTypes},
          {"_rels/.rels", kPackageRels},
          {"word/_rels/document.xml.rels", kDocumentRels},
          {"word/document.xml", document_xml(d)},
          {"word/styles.xml", kStyles},
          {"docProps/core.xml", core_xml(d)}};
}

void write_docx(const Document& d, const std::string& path) {
  Zip z;
  const auto parts = docx_parts(d);
  int err = 0;
  zip_t* za = z.open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) {
    throw Error(trf("cannot create the document {} (libzip error {})", path, err));
  }
  // [Content_Types].xml first, as Word writes it.
  std::vector<std::string> order{"[Content_Types].xml"};
  for (const auto& [name, data] : parts) {
    if (name != order.front()) {
      order.push_back(name);
    }
  }
  for (const auto& name : order) {
    const std::string& data = parts.at(name);
    zip_source_t* src = z.source_buffer(za, data.data(), data.size(), 0);  // `parts` outlives zip_close
    if (!src || z.file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (src) {
        z.source_free(src);
      }
      const std::string why = z.strerror(za);
      z.discard(za);
      throw Error(trf("cannot write the document {}: {}", path, why));
    }
  }
  if (z.close(za) != 0) {
    const std::string why = z.strerror(za);
    z.discard(za);
    throw Error(trf("cannot write the document {}: {}", path, why));
  }
}

std::map<std::string, std::string> read_zip(const std::string& path) {
  Zip z;
  int err = 0;
  zip_t* za = z.open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    throw InputError(trf("{} is not a zip file (libzip error {})", path, err));
  }
  std::map<std::string, std::string> out;
  const zip_int64_t n = z.get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto idx = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    if (z.stat_index(za, idx, 0, &st) != 0 || st.size > (64u << 20)) {
      z.discard(za);
      throw InputError(trf("{}: entry {} is unreadable or too large", path, i));
    }
    std::string data(st.size, '\0');
    zip_file_t* f = z.fopen_index(za, idx, 0);
    const zip_int64_t got = f ? z.fread(f, data.data(), st.size) : -1;
    if (f) {
      z.fclose(f);
    }
    if (got != static_cast<zip_int64_t>(st.size)) {
      z.discard(za);
      throw InputError(trf("{}: entry {} is damaged", path, st.name));
    }
    out[z.get_name(za, idx, 0)] = std::move(data);
  }
  z.discard(za);
  return out;
}

std::string docx_text(const std::string& doc) {
  std::string out;
  std::size_t pos = 0;
  bool in_cell = false;
  while (pos < doc.size()) {
    const auto lt = doc.find('<', pos);
    if (lt == std::string::npos) {
      break;
    }
    const auto gt = doc.find('>', lt);
    if (gt == std::string::npos) {
      break;
    }
    const std::string tag = doc.substr(lt + 1, gt - lt - 1);
    if (tag.rfind("w:t", 0) == 0 && (tag.size() == 3 || tag[3] == ' ')) {
      const auto end = doc.find("</w:t>", gt);
      std::string t = doc.substr(gt + 1, end - gt - 1);
      for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
               {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
        for (std::size_t at = t.find(from); at != std::string::npos; at = t.find(from, at + to.size())) {
          t.replace(at, from.size(), to);
        }
      }
      out += t;
      pos = end + 6;
      continue;
    }
    if (tag == "w:br/") {
      out += '\n';
    } else if (tag == "/w:p") {
      out += in_cell ? "" : "\n";
    } else if (tag.rfind("w:tc>", 0) == 0 || tag == "w:tc") {
      in_cell = true;
    } else if (tag == "/w:tc") {
      out += '\t';
    } else if (tag == "/w:tr") {
      out += '\n';
      in_cell = false;
    }
    pos = gt + 1;
  }
  return out;
}

}  // namespace omskplan::report
