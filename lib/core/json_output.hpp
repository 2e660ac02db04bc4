// Writing JSON: one description of a record's fields, written either as a
// nlohmann value (to edit or embed) or straight as text (to stream a million
// records: no value is built). The text is byte for byte what nlohmann's
// dump(indent) prints for the same value, so both ways print the same.
//
// A writer takes: begin_object(), end_object(), begin_array(), end_array(),
// key(k) before each member of an object, and value(v) for a string, an
// integer, a bool, nullptr or an optional of one of them (absent: null).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::json_output {

// An optional value of any writer: the value, or null when absent.
template <class Writer, class T>
void write_optional(Writer& w, const std::optional<T>& v) {
  if (v) {
    w.value(*v);
  } else {
    w.value(nullptr);
  }
}

// Appends `v` as dump(indent) prints it `depth` levels deep: an element of
// an array streamed element by element is at depth 1, and the elements so
// appended are byte for byte the array's dump(indent).
void append_dump(std::string& out, const nlohmann::ordered_json& v, int indent, int depth);

// Builds a nlohmann::ordered_json, members in the order they are written.
class ValueWriter {
 public:
  void begin_object() { open(nlohmann::ordered_json::object()); }
  void begin_array() { open(nlohmann::ordered_json::array()); }
  void end_object() { close(); }
  void end_array() { close(); }
  void key(std::string_view k) { key_.assign(k); }
  void value(std::string_view s) { attach(nlohmann::ordered_json(s)); }
  void value(const std::string& s) { attach(nlohmann::ordered_json(s)); }
  void value(const char* s) { attach(nlohmann::ordered_json(s)); }
  void value(bool b) { attach(nlohmann::ordered_json(b)); }
  void value(std::int64_t n) { attach(nlohmann::ordered_json(n)); }
  void value(int n) { attach(nlohmann::ordered_json(n)); }
  void value(std::nullptr_t) { attach(nlohmann::ordered_json(nullptr)); }
  template <class T>
  void value(const std::optional<T>& v) {
    write_optional(*this, v);
  }
  // The value written (after the outermost end_*).
  nlohmann::ordered_json take() { return std::move(result_); }

 private:
  struct Open {
    nlohmann::ordered_json value;
    std::string key;  // of this container in its parent object
  };
  void open(nlohmann::ordered_json v);
  void close();
  void attach(nlohmann::ordered_json v);
  std::vector<Open> stack_;
  std::string key_;
  nlohmann::ordered_json result_;
};

// Appends the text nlohmann's dump(indent) prints, starting at `depth` levels
// of indentation (an element of an array being streamed is at depth 1).
class TextWriter {
 public:
  TextWriter(std::string& out, int indent, int depth = 0) : out_(out), indent_(indent), depth_(depth) {}
  void begin_object() { open('{'); }
  void begin_array() { open('['); }
  void end_object() { close('}'); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    member();
    string(k);
    out_ += ": ";
    keyed_ = true;
  }
  void value(std::string_view s) {
    member();
    string(s);
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) {
    member();
    out_ += b ? "true" : "false";
  }
  void value(std::int64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(std::nullptr_t) {
    member();
    out_ += "null";
  }
  template <class T>
  void value(const std::optional<T>& v) {
    write_optional(*this, v);
  }

 private:
  void open(char c);
  void close(char c);
  // Before a member of an object (its key) or an element of an array: the
  // comma and the line break; nothing before a value that follows its key.
  void member();
  void string(std::string_view s);
  std::string& out_;
  int indent_;
  int depth_;
  bool keyed_ = false;     // a key was written, its value not yet
  std::vector<bool> empty_;  // per open container: nothing in it yet
};

}  // namespace omskplan::json_output
