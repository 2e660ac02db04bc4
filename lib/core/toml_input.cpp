#include "core/toml_input.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace omskplan::toml_input {

void Reader::fail(const toml::source_region& where, const std::string& what) const {
  throw InputError(fmt::format("{}:{}:{}: {}", origin_, where.begin.line, where.begin.column, what));
}

void Reader::check_keys(const toml::table& t, const std::set<std::string>& allowed, std::string_view section) const {
  for (auto&& [k, v] : t) {
    if (!allowed.count(std::string(k.str()))) {
      fail(k.source(), trf("unknown key '{}'{}; expected one of: {}", k.str(),
                           section.empty() ? "" : trf(" in [[{}]]", section), typed_list(allowed)));
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

namespace omskplan::toml_input {

namespace {

std::string iso_date(const toml::date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }
std::string iso_time(const toml::time& t) { return fmt::format("{:02}:{:02}:{:02}", t.hour, t.minute, t.second); }

nlohmann::json node_json(const toml::node& n) {
  if (const auto* t = n.as_table()) {
    nlohmann::json j = nlohmann::json::object();
    for (auto&& [k, v] : *t) {
      j[std::string(k.str())] = node_json(v);
    }
    return j;
  }
  if (const auto* a = n.as_array()) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& el : *a) {
      j.push_back(node_json(el));
    }
    return j;
  }
  if (auto v = n.value_exact<std::string>()) {
    return *v;
  }
  if (auto v = n.value_exact<std::int64_t>()) {
    return *v;
  }
  if (auto v = n.value_exact<double>()) {
    return *v;
  }
  if (auto v = n.value_exact<bool>()) {
    return *v;
  }
  if (auto v = n.value_exact<toml::date>()) {
    return iso_date(*v);
  }
  if (auto v = n.value_exact<toml::time>()) {
    return iso_time(*v);
  }
  const auto dt = *n.value_exact<toml::date_time>();
  std::string s = iso_date(dt.date) + "T" + iso_time(dt.time);
  if (dt.offset) {
    const int m = dt.offset->minutes;
    s += m == 0 ? std::string("Z") : fmt::format("{}{:02}:{:02}", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60);
  }
  return s;
}

}  // namespace

nlohmann::json to_json(std::string_view toml_text, const std::string& origin) {
  try {
    return node_json(toml::parse(toml_text, origin));
  } catch (const toml::parse_error& e) {
    throw InputError(trf("{0}: {1}", fmt::format("{}:{}:{}", origin, e.source().begin.line, e.source().begin.column),
                         e.description()));
  }
}

}  // namespace omskplan::toml_input
