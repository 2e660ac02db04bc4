// DOCX: a document as WordprocessingML (ECMA-376) that Word and LibreOffice
// open without repair — [Content_Types].xml, the package and document
// relationships, word/document.xml, word/styles.xml, docProps/core.xml —
// zipped by libzip (loaded when first needed, like libxlsxwriter). Officials
// edit these in a word processor before signing: real paragraphs, headings in
// styles, tables with a repeated header row, the approval block, A4 portrait
// or landscape with the margins of ГОСТ Р 7.0.97-2016.
#pragma once

#include "report/document.hpp"

#include <map>
#include <string>

namespace omskplan::report {

// The parts of the package, by name (what write_docx zips).
std::map<std::string, std::string> docx_parts(const Document& d);
// Writes the package to `path` (a new file).
void write_docx(const Document& d, const std::string& path);
// Every entry of a zip file, by name: for reading a package back.
std::map<std::string, std::string> read_zip(const std::string& path);
// The text of word/document.xml's paragraphs, one per line (tables cell by cell, tab-separated).
std::string docx_text(const std::string& document_xml);

}  // namespace omskplan::report
