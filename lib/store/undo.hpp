// Undo: the last command that changed data (and was not undone, and is not an
// undo itself) is reverted as a whole — every row it inserted, changed or
// deleted, in one transaction — by applying the inverse of the changeset the
// session extension recorded for it.
#pragma once

#include "store/db.hpp"

#include <optional>
#include <string>

namespace omskplan::store {

struct UndoResult {
  std::int64_t command_id = 0;  // the command undone
  std::string argv;
  std::string at_utc;
  int changes = 0;  // rows reverted
};

// Throws NotFound when there is nothing to undo, InputError when the rows were
// changed since by other means. `dry_run` finds and reports without writing.
UndoResult undo(Db& db, bool dry_run);

}  // namespace omskplan::store
