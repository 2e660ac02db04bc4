#include "core/toml_input.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace omskplan::toml_input {

void Reader::fail(const toml::source_region& where, const std::string& what) const {
  throw InputError(fmt::format("{}:{}:{}: {}", origin_, where.begin.line, where.begin.column, what));
}

void Reader::check_keys(const toml::table& t, const std::set<std::string>& allowed, std::string_view section) const {
  for (auto&& [k, v] : t) {
    if (!allowed.count(std::string(k.str()))) {
      std::string list;
      for (const auto& a : allowed) {
        list += (list.empty() ? "" : ", ") + a;
      }
      fail(k.source(), trf("unknown key '{}'{}; expected one of: {}", k.str(),
                           section.empty() ? "" : trf(" in [[{}]]", section), list));
    }
  }
}

std::optional<std::string> Reader::opt_string(const toml::table& t, std::string_view key) const {
  const toml::node* n = t.get(key);
  if (!n) {
    return std::nullopt;
  }
  const auto v = n->value<std::string>();
  if (!v) {
    fail(n->source(), trf("'{}' must be a string", key));
  }
  return *v;
}

std::string Reader::req_string(const toml::table& t, std::string_view key, const toml::source_region& where) const {
  auto v = opt_string(t, key);
  if (!v || text::trim(*v).empty()) {
    fail(where, trf("missing required key '{}'", key));
  }
  return *v;
}

void Reader::not_tables(const toml::source_region& where, std::string_view key) const {
  fail(where, trf("'{}' must be an array of tables: write [[{}]]", key, key));
}

void Reader::not_a_table(const toml::source_region& where, std::string_view key) const {
  fail(where, trf("each '{}' must be a table", key));
}

}  // namespace omskplan::toml_input
