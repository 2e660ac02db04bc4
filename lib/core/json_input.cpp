#include "core/json_input.hpp"
#include "core/i18n.hpp"

#include "core/text.hpp"

#include <cstdio>
#include <fmt/format.h>

namespace omskplan::json_input {

using nlohmann::json;

void Fields::fail(std::string_view key, const std::string& what) const {
  throw InputError(trf("field '{}{}': {}", prefix, key, what));
}

void Fields::only(const std::set<std::string>& allowed) const {
  if (!j.is_object()) {
    throw InputError(prefix.empty() ? std::string("expected a JSON object")
                                    : trf("{}: expected a JSON object", prefix));
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!allowed.count(it.key())) {
      throw InputError(trf("unknown field '{}{}'", prefix, it.key()));
    }
  }
}

bool Fields::has(std::string_view key) const { return j.contains(key) && !j.at(std::string(key)).is_null(); }

std::string Fields::str(std::string_view key, bool required) const {
  if (!has(key)) {
    if (required) {
      fail(key, tr("missing"));
    }
    return {};
  }
  const json& v = j.at(std::string(key));
  if (!v.is_string()) {
    fail(key, tr("must be a string"));
  }
  const std::string s = v.get<std::string>();
  if (!text::is_valid_utf8(s)) {
    fail(key, tr("not valid UTF-8"));
  }
  if (required && text::trim(s).empty()) {
    fail(key, tr("must not be empty"));
  }
  return s;
}

std::optional<std::string> Fields::opt_str(std::string_view key) const {
  if (!has(key)) {
    return std::nullopt;
  }
  return str(key);
}

std::optional<long long> Fields::opt_int(std::string_view key) const {
  if (!has(key)) {
    return std::nullopt;
  }
  const json& v = j.at(std::string(key));
  if (!v.is_number_integer()) {
    fail(key, tr("must be an integer"));
  }
  return v.get<long long>();
}

bool Fields::boolean(std::string_view key) const {
  if (!has(key)) {
    return false;
  }
  const json& v = j.at(std::string(key));
  if (!v.is_boolean()) {
    fail(key, tr("must be true or false"));
  }
  return v.get<bool>();
}

const json* Fields::array(std::string_view key) const {
  if (!has(key)) {
    return nullptr;
  }
  const json& v = j.at(std::string(key));
  if (!v.is_array()) {
    fail(key, tr("must be an array"));
  }
  return &v;
}

std::optional<time::Date> Fields::date(std::string_view key) const {
  if (!has(key)) {
    return std::nullopt;
  }
  const std::string s = str(key);
  auto d = time::parse_iso_date(s);
  if (!d) {
    fail(key, trf("invalid date '{}': expected YYYY-MM-DD", s));
  }
  return d;
}

std::size_t stream_records(std::istream& in, std::string_view key,
                           const std::function<void(const json&)>& each) {
  using Ev = json::parse_event_t;
  std::size_t n = 0;
  int record_depth = -1;  // 1 for a top-level array, 2 for {"key": [...]}
  bool root_object = false;
  auto on_token = [&](int depth, Ev ev, json& parsed) -> bool {
    if (depth == 0 && (ev == Ev::array_start || ev == Ev::object_start)) {
      root_object = ev == Ev::object_start;
      record_depth = root_object ? -1 : 1;
      return true;
    }
    if (root_object && depth == 1 && ev == Ev::key) {
      if (parsed != key) {
        throw InputError(trf("unknown top-level key '{}'; expected an array or {{\"{}\": [...]}}",
                                     parsed.get<std::string>(), key));
      }
      return true;
    }
    if (root_object && depth == 1 && ev == Ev::array_start) {
      record_depth = 2;
      return true;
    }
    if (record_depth > 0 && depth == record_depth && (ev == Ev::value || ev == Ev::array_end)) {
      throw InputError(trf("record {}: expected a JSON object", n + 1));
    }
    if (record_depth > 0 && depth == record_depth && ev == Ev::object_end) {
      ++n;
      try {
        each(parsed);
      } catch (const NotFound& e) {
        throw NotFound(trf("record {}: {}", n, e.what()));
      } catch (const InputError& e) {
        throw InputError(trf("record {}: {}", n, e.what()));
      }
      return false;  // drop it from the document
    }
    return true;
  };
  json doc;
  try {
    doc = json::parse(in, on_token);
  } catch (const json::exception& e) {  // parse errors, and numbers out of range such as 55e550
    // nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
    // error while parsing value - …": the user gets "line 1, column 5: syntax error … - …".
    std::string what = e.what();
    if (const auto close = what.find("] "); what.rfind("[json.exception.", 0) == 0 && close != std::string::npos) {
      what = what.substr(close + 2);
    }
    if (what.rfind("parse error at ", 0) == 0) {
      what = what.substr(15);
    }
    // "line 1, column 5: syntax error …": the place in the user's language, the parser's words as they are.
    int line = 0, column = 0, used = 0;
    if (std::sscanf(what.c_str(), "line %d, column %d: %n", &line, &column, &used) == 2 && used > 0) {
      throw InputError(trf("not valid JSON: line {}, column {}: {}", line, column, what.substr(static_cast<std::size_t>(used))));
    }
    throw InputError(trf("not valid JSON: {}", what));
  }
  if (record_depth < 0 && !doc.is_null()) {
    throw InputError(trf("expected a JSON array (or {{\"{}\": [...]}})", key));
  }
  return n;
}

}  // namespace omskplan::json_input
