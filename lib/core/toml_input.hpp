// Reading the TOML files people write (event templates, report templates,
// narratives): every error is "FILE:LINE:COL: what", unknown keys are refused
// naming the ones allowed. One reader for every TOML the program takes in.
#pragma once

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace omskplan::toml_input {

class Reader {
public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  const std::string& origin() const { return origin_; }
  [[noreturn]] void fail(const toml::source_region& where, const std::string& what) const;
  // Refuses keys outside `allowed`; `section` ("task") names the [[table]] they are in, "" at the top.
  void check_keys(const toml::table& t, const std::set<std::string>& allowed, std::string_view section) const;
  std::optional<std::string> opt_string(const toml::table& t, std::string_view key) const;
  // A string that must be there and not blank; `where` is the table's place, for the error.
  std::string req_string(const toml::table& t, std::string_view key, const toml::source_region& where) const;
  // The node of a key the caller knows is there.
  const toml::node& node(const toml::table& t, std::string_view key) const { return *t.get(key); }
  // Calls `f(table)` for each [[key]] table; refuses anything else under `key`.
  template <class F>
  void each_table(const toml::table& t, std::string_view key, F&& f) const {
    const toml::node* n = t.get(key);
    if (!n) {
      return;
    }
    const toml::array* arr = n->as_array();
    if (!arr) {
      not_tables(n->source(), key);
    }
    for (const toml::node& el : *arr) {
      const toml::table* tt = el.as_table();
      if (!tt) {
        not_a_table(el.source(), key);
      }
      f(*tt);
    }
  }

private:
  [[noreturn]] void not_tables(const toml::source_region& where, std::string_view key) const;
  [[noreturn]] void not_a_table(const toml::source_region& where, std::string_view key) const;

  std::string origin_;
};

// A TOML document as the JSON it stands for, so one JSON reader serves both
// (`event edit --from-file plan.toml`): dates, times and date-times become
// their ISO text. A syntax error is "origin:line:col: what".
nlohmann::json to_json(std::string_view toml_text, const std::string& origin);

}  // namespace omskplan::toml_input
