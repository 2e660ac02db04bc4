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

// A consistent copy of a live database (VACUUM INTO), written in a private
// temporary directory beside `dest` with mode 0600, fsynced and linked into
// place (files.hpp). Refuses to overwrite.
void backup(Db& db, const std::string& dest);

// Refuses a file that is not an omskplan database (no schema version, a newer
// one, missing tables, failing integrity check) before touching anything;
// otherwise keeps the live file (whatever its state or schema) aside as
// "<db>.before-restore[.N].bak" with its WAL, and renames a copy of the backup
// over `db_path`. Returns the kept file ("" when there was no database).
std::string restore(const std::string& backup_file, const std::string& db_path);

// A database shared by a team on one server: the file (and its -wal and
// -shm) owned by `group` with mode 0660, its directory the group's with mode
// 2770 (setgid: the files SQLite creates there belong to the group too; SQLite
// gives them the database file's mode). InputError for an unknown group.
void share(const std::string& db_path, const std::string& group);
// InputError unless `group` exists (checked before anything is created).
void check_group(const std::string& group);

// Backs the database up to "<path>.v<N>.bak" and brings it to the newest
// schema. Returns the backup's path ("" when nothing needed migrating).
std::string migrate_with_backup(const std::string& path, CommandInfo command);

}  // namespace omskplan::store
