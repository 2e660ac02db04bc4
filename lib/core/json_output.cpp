#include "core/json_output.hpp"

#include "core/text.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace omskplan::json_output {

// ---- ValueWriter ----

void ValueWriter::open(nlohmann::ordered_json v) {
  stack_.push_back({std::move(v), std::move(key_)});
  key_.clear();
}

void ValueWriter::close() {
  Open top = std::move(stack_.back());
  stack_.pop_back();
  key_ = std::move(top.key);
  attach(std::move(top.value));
}

void ValueWriter::attach(nlohmann::ordered_json v) {
  if (stack_.empty()) {
    result_ = std::move(v);
    return;
  }
  auto& parent = stack_.back().value;
  if (parent.is_array()) {
    parent.get_ref<nlohmann::ordered_json::array_t&>().push_back(std::move(v));
  } else {
    // Appended, not looked up: the keys a writer gives are distinct.
    parent.get_ref<nlohmann::ordered_json::object_t&>().emplace_back(std::move(key_), std::move(v));
  }
  key_.clear();
}

// ---- TextWriter ----

void TextWriter::member() {
  if (keyed_) {
    keyed_ = false;
    return;
  }
  if (empty_.empty()) {
    return;  // the outermost value
  }
  out_ += empty_.back() ? "\n" : ",\n";
  empty_.back() = false;
  out_.append(static_cast<std::size_t>(indent_ * (depth_ + static_cast<int>(empty_.size()))), ' ');
}

void TextWriter::open(char c) {
  member();
  out_ += c;
  empty_.push_back(true);
}

void TextWriter::close(char c) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_ * (depth_ + static_cast<int>(empty_.size()))), ' ');
  }
  out_ += c;
}

void append_dump(std::string& out, const nlohmann::ordered_json& v, int indent, int depth) {
  // dump() breaks lines only between members (a newline in a string is
  // escaped): each break takes the depth's indentation too.
  const std::string text = v.dump(indent);
  const std::string pad(static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth), ' ');
  out.reserve(out.size() + text.size());
  for (const char c : text) {
    out += c;
    if (c == '\n') {
      out += pad;
    }
  }
}

void TextWriter::value(std::int64_t n) {
  member();
  fmt::format_to(std::back_inserter(out_), FMT_COMPILE("{}"), n);
}

void TextWriter::string(std::string_view s) {
  if (!text::is_valid_utf8(s)) {
    // nlohmann's own serializer, for its own error (dump refuses invalid UTF-8).
    nlohmann::detail::serializer<nlohmann::ordered_json> ser(nlohmann::detail::output_adapter<char>(out_), ' ');
    ser.dump(nlohmann::ordered_json(std::string(s)), false, false, 0, 0);
    return;
  }
  out_ += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    out_.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out_), FMT_COMPILE("\\u{:04x}"), c); break;
    }
  }
  out_.append(s.data() + plain, s.size() - plain);
  out_ += '"';
}

}  // namespace omskplan::json_output
