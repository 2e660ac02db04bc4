// Reading JSON that people and other programs write: fields named in errors
// ("field 'tasks[0].due': invalid date …"), unknown keys refused, and arrays of
// records streamed one record at a time so memory does not grow with the file.
#pragma once

#include "core/error.hpp"
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace omskplan::json_input {

// One JSON object's fields; `prefix` ("tasks[0].") names where it is.
struct Fields {
  const nlohmann::json& j;
  std::string prefix;

  [[noreturn]] void fail(std::string_view key, const std::string& what) const;
  // Refuses a non-object and keys outside `allowed`.
  void only(const std::set<std::string>& allowed) const;
  bool has(std::string_view key) const;  // present and not null
  // A string ("" when absent); `required` also refuses an empty one.
  std::string str(std::string_view key, bool required = false) const;
  std::optional<std::string> opt_str(std::string_view key) const;
  std::optional<long long> opt_int(std::string_view key) const;
  bool boolean(std::string_view key) const;
  const nlohmann::json* array(std::string_view key) const;
  // YYYY-MM-DD or absent.
  std::optional<time::Date> date(std::string_view key) const;
  // Runs `f`; an Error it throws is reported as this field's.
  template <class F>
  auto parsed(std::string_view key, F&& f) const {
    try {
      return f();
    } catch (const Error& e) {
      fail(key, e.what());
    }
  }
};

// Calls `each(record)` for every object of a top-level array, or of the array
// under `key` in a top-level object, as soon as it is parsed. Errors are
// prefixed "record N: "; malformed JSON is "not valid JSON: …". Returns the count.
std::size_t stream_records(std::istream& in, std::string_view key,
                           const std::function<void(const nlohmann::json&)>& each);

}  // namespace omskplan::json_input
