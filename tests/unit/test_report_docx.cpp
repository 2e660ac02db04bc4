#include "report/docx.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <regex>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::report;

namespace {

Document sample(bool landscape) {
  Document d;
  d.id = "work-plan";
  d.title = "План работы Администрации города Омска на II квартал 2024 года";
  d.landscape = landscape;
  Approval a;
  a.title = "Мэр города Омска";
  a.signature = "_______________ И. О. Фамилия";
  a.date = "«28» марта 2024\u00a0г.";
  a.act = "(распоряжение № 45-р)";
  d.approval = a;
  Section s;
  s.heading = "1. Вопросы для рассмотрения на совещаниях у Мэра города Омска";
  s.paragraphs = {"Текст & <разметка> \"в кавычках\"\x01 с управляющим символом"};
  DataTable t;
  t.columns = {{"number", "№ п/п", Type::text, 1}, {"text", "Наименование мероприятия", Type::text, 6}, {"n", "Кол-во", Type::count}};
  t.rows = {{"1.1.", "О ходе подготовки\nк празднованию", "3"}};
  t.totals = std::vector<std::string>{"Итого", "", "3"};
  s.table = t;
  d.sections.push_back(s);
  return d;
}

}  // namespace

TEST_SUITE("report/docx") {
  TEST_CASE("the package: every part its content type, every relationship's target a part") {
    const auto parts = docx_parts(sample(false));
    REQUIRE(parts.count("[Content_Types].xml"));
    const std::string& types = parts.at("[Content_Types].xml");
    for (const auto& part : parts) {  // no structured binding: clang 14 cannot capture one in CHECK
      const std::string& name = part.first;
      const std::string& data = part.second;
      CHECK(data.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0) == 0);
      if (name.size() > 4 && name.substr(name.size() - 4) == ".xml" && name != "[Content_Types].xml") {
        CHECK_MESSAGE(types.find("PartName=\"/" + name + "\"") != std::string::npos, name);
      }
    }
    CHECK(types.find("Extension=\"rels\"") != std::string::npos);
    const std::regex target("Target=\"([^\"]+)\"");
    for (const auto& rb : std::vector<std::pair<std::string, std::string>>{{"_rels/.rels", ""},
                                                                          {"word/_rels/document.xml.rels", "word/"}}) {
      const std::string& base = rb.second;
      const std::string& r = parts.at(rb.first);
      for (std::sregex_iterator it(r.begin(), r.end(), target), end; it != end; ++it) {
        CHECK_MESSAGE(parts.count(base + (*it)[1].str()), (*it)[1].str());
      }
    }
  }

  TEST_CASE("the document: approval block, title, heading in its style, a table with a repeated header") {
    const auto doc = docx_parts(sample(false)).at("word/document.xml");
    CHECK(doc.find("<w:pStyle w:val=\"Heading1\"/>") != std::string::npos);
    CHECK(doc.find("<w:tblHeader/>") != std::string::npos);
    CHECK(doc.find("&amp; &lt;разметка&gt; &quot;в кавычках&quot;") != std::string::npos);
    CHECK(doc.find('\x01') == std::string::npos);
    CHECK(doc.find("w:orient") == std::string::npos);
    CHECK(doc.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos);
    const std::string text = docx_text(doc);
    CHECK(text.rfind("УТВЕРЖДАЮ\nМэр города Омска\n_______________ И. О. Фамилия\n«28» марта 2024\u00a0г.\n", 0) == 0);
    CHECK(text.find("1.1.\tО ходе подготовки\nк празднованию\t3\t\n") != std::string::npos);
    CHECK(text.find("Итого\t\t3\t") != std::string::npos);
    const auto wide = docx_parts(sample(true)).at("word/document.xml");
    CHECK(wide.find("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>") != std::string::npos);
  }

  TEST_CASE("written by libzip and read back: the same parts") {
    testing::TempDir dir;
    const std::string path = dir.file("plan.docx");
    write_docx(sample(true), path);
    const auto back = read_zip(path);
    CHECK(back == docx_parts(sample(true)));
    CHECK_THROWS_AS(read_zip(dir.file("missing.docx")), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
