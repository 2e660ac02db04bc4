#include "core/json_output.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::json_output;

namespace {

// A record with every kind of value, empty and nested containers, to any writer.
template <class W>
void write_sample(W& w, const std::string& text) {
  w.begin_object();
  w.key("id");
  w.value(std::int64_t{-9007199254740993});
  w.key("n");
  w.value(0);
  w.key("text");
  w.value(text);
  w.key("absent");
  w.value(std::optional<std::string>{});
  w.key("present");
  w.value(std::optional<int>{7});
  w.key("yes");
  w.value(true);
  w.key("no");
  w.value(false);
  w.key("empty_list");
  w.begin_array();
  w.end_array();
  w.key("empty_object");
  w.begin_object();
  w.end_object();
  w.key("list");
  w.begin_array();
  w.value("a");
  w.begin_object();
  w.key("inner");
  w.begin_array();
  w.value(nullptr);
  w.end_array();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.end_object();
}

}  // namespace

TEST_SUITE("core::json_output") {
  TEST_CASE("the text writer prints what nlohmann's dump prints for the value writer's value") {
    for (const std::string& text : {std::string("Омск, «День города» — 307"), std::string("\"q\" \\ / \b\f\n\r\t"),
                                   std::string("\x01\x1f\x7f ё"), std::string("\xF0\x9F\x8E\x89"), std::string()}) {
      ValueWriter v;
      write_sample(v, text);
      const auto value = v.take();
      for (const int indent : {0, 2, 4}) {
        for (const int depth : {0, 1, 3}) {
          std::string out = "prefix";
          TextWriter t(out, indent, depth);
          write_sample(t, text);
          // At depth d, the value's text is the dump with d more levels on every line but the first.
          std::string expected = value.dump(indent);
          std::string shifted;
          for (const char c : expected) {
            shifted += c;
            if (c == '\n') {
              shifted.append(static_cast<std::size_t>(indent * depth), ' ');
            }
          }
          CHECK(out == "prefix" + shifted);
        }
      }
      CHECK(value["list"][1]["inner"][0].is_null());
      CHECK(value["absent"].is_null());
      CHECK(value["present"] == 7);
    }
  }

  TEST_CASE("elements appended one by one at depth 1 are the array's dump") {
    ValueWriter v;
    write_sample(v, "строка \"в кавычках\"\nс переводом строки\t");
    const nlohmann::ordered_json element = v.take();
    const nlohmann::ordered_json elements[] = {element, nlohmann::ordered_json::object(), 3.25,
                                                nlohmann::ordered_json::array({1, "a"}), "x"};
    for (const int indent : {2, 4}) {
      auto arr = nlohmann::ordered_json::array();
      std::string streamed = "[";
      for (const auto& e : elements) {
        arr.push_back(e);
        streamed += arr.size() == 1 ? "\n" : ",\n";
        streamed += std::string(static_cast<std::size_t>(indent), ' ');
        append_dump(streamed, e, indent, 1);
      }
      streamed += "\n]";
      CHECK(streamed == arr.dump(indent));
    }
    std::string deeper;
    append_dump(deeper, nlohmann::ordered_json{{"a", {1, 2}}}, 2, 2);
    CHECK(deeper == "{\n      \"a\": [\n        1,\n        2\n      ]\n    }");
  }

  TEST_CASE("a string that is not UTF-8 is refused as nlohmann refuses it") {
    std::string out;
    TextWriter t(out, 2);
    CHECK_THROWS_AS(t.value(std::string("a\xFF")), nlohmann::json::type_error);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
