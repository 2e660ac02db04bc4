// A SELECT assembled from optional filters: each condition carries its bound
// value, so the SQL text never contains user input. Shared by the list
// commands of every repository.
#pragma once

#include "store/db.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::store {

// The FTS5 query for what a user typed: every word as a prefix, ё folded to е.
std::string fts_query(std::string_view typed);

class Query {
 public:
  // `select` ends in "WHERE 1"; conditions are appended with AND.
  explicit Query(std::string select) : sql_(std::move(select)) {}

  // Appends " AND <condition>"; its `?`s take `values` in order.
  void where(std::string_view condition, std::vector<std::string> values);
  // Appends " AND <column> IN (?, …)" with `values` (no value: nothing matches).
  void where_in(std::string_view column, std::vector<std::string> values);
  // Appends " AND <condition>" whose `?` takes the FTS5 query for what the user
  // typed; an InputError when it has no words to look for.
  void search(std::string_view condition, std::string_view typed);
  // ORDER BY and an optional LIMIT, then the prepared, bound statement.
  Statement prepare(Db& db, std::string_view order_by, std::optional<long> limit);

 private:
  std::string sql_;
  std::vector<std::string> binds_;
  bool searches_ = false;  // reads a full-text index: its deferred rows first
};

}  // namespace omskplan::store
