// Keeping the database safe: consistent backups of a live database, integrity
// checks, restoring from a backup, explicit migrations with a backup first.
#pragma once

#include "store/db.hpp"

#include <string>
#include <vector>

namespace omskplan::store {

struct CheckResult {
  int schema_version = 0;
  std::int64_t pages = 0;
  std::vector<std::string> problems;  // empty: all is well
};

// PRAGMA integrity_check and foreign_key_check, and the schema version.
CheckResult check(Db& db);

// A consistent copy of a live database (VACUUM INTO), written to a temporary
// file beside `dest` with mode 0600, fsynced and renamed. Refuses to overwrite.
void backup(Db& db, const std::string& dest);

// Refuses a file that is not an omskplan database (no schema version, a newer
// one, missing tables, failing integrity check); otherwise copies it over the
// database at `db_path` with the online backup API, in one step.
void restore(const std::string& backup_file, const std::string& db_path, CommandInfo command);

// Backs the database up to "<path>.v<N>.bak" and brings it to the newest
// schema. Returns the backup's path ("" when nothing needed migrating).
std::string migrate_with_backup(const std::string& path, CommandInfo command);

}  // namespace omskplan::store
