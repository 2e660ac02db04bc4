// The schema: ordered migrations embedded in the binary, applied by
// PRAGMA user_version, each in its own transaction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace omskplan::store {

class Db;

struct Migration {
  int version;
  std::string description;
  std::string sql;
  bool edits_schema = false;  // edits table definitions in place: bump the schema cookie after it
};

const std::vector<Migration>& migrations();

// The statement that writes the full-text rows of `table` deferred by
// fts_deferred (records created whole: store::NewRecord); empty when the
// table has no full-text index.
std::string fts_fill_sql(std::string_view table);

// Brings `db` to the newest version; refuses a database newer than this
// binary, and an older non-empty one unless `allow_upgrade`.
void migrate(Db& db, bool allow_upgrade);

}  // namespace omskplan::store
