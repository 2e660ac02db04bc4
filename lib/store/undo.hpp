// Undo: a command is reverted as a whole — every row it inserted, changed or
// deleted, in one transaction — by applying the inverse of the changeset the
// session extension recorded for it. By default the last command of the same
// OS user that was not undone (and is not an undo itself): never another
// user's work by accident. A command that changed nothing is undone as itself
// (and says so), never by falling through to an older one. When a later
// command changed the same rows, or reverting would cascade into rows a later
// command wrote, undo refuses and names it (unless forced).
#pragma once

#include "store/db.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::store {

struct UndoOptions {
  std::optional<std::int64_t> command_id;  // this command; else the user's last
  std::string os_user;                     // whose last command (required when no command_id)
  bool dry_run = false;                    // find, check and report; write nothing
  bool force = false;                      // revert even over later commands' changes
};

// One row the undo puts back: the operation that reverts it, the table, the key.
struct RowRevert {
  std::string op;     // "delete" (it was inserted), "insert" (it was deleted), "update"
  std::string table;
  std::string key;    // primary key values, "/"-joined
  std::vector<std::string> columns;  // for "update": the columns put back
};

struct UndoResult {
  std::int64_t command_id = 0;  // the command undone
  std::string argv;
  std::string at_utc;
  std::string os_user;
  int changes = 0;  // rows reverted (0: the command had changed nothing)
  std::vector<RowRevert> rows;           // filled for dry runs
  std::vector<std::int64_t> overridden;  // later commands whose rows --force reverted too
};

// A later command that stands in the way of undoing another.
struct UndoConflict {
  std::int64_t command_id = 0;
  std::string os_user, argv, at_utc;
};

// Throws NotFound when there is nothing to undo, InputError when a later
// command changed the same rows (naming it; not with `force`) or the command
// given cannot be undone.
UndoResult undo(Db& db, const UndoOptions& options);

// The commands, newest first: who, when, what, how many rows, undone or not.
struct CommandRecord {
  std::int64_t id = 0;
  std::string at_utc, os_user, argv;
  std::int64_t rows = 0;  // rows the audit log records for it
  std::optional<std::int64_t> undone_by, undo_of;
};
std::vector<CommandRecord> commands(Db& db, const std::optional<std::string>& os_user, long limit);

}  // namespace omskplan::store
