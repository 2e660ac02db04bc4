#include "store/undo.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "store/audit.hpp"

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace omskplan::store {

namespace {

int count_changes(const std::string& blob) {
  sqlite3_changeset_iter* it = nullptr;
  if (sqlite3changeset_start(&it, static_cast<int>(blob.size()), const_cast<char*>(blob.data())) != SQLITE_OK) {
    return 0;
  }
  int n = 0;
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    ++n;
  }
  sqlite3changeset_finalize(it);
  return n;
}

// Applies the inverse of one part; false when a row has changed since.
bool revert(Db& db, const std::string& changes, std::int64_t command_id) {
  int size = 0;
  void* inverse = nullptr;
  if (sqlite3changeset_invert(static_cast<int>(changes.size()), changes.data(), &size, &inverse) != SQLITE_OK) {
    sqlite3_free(inverse);
    throw StorageError(trf("the changes of command {} cannot be read", command_id));
  }
  bool conflict = false;
  const int rc = sqlite3changeset_apply(
      db.handle(), size, inverse, nullptr,
      [](void* ctx, int kind, sqlite3_changeset_iter* it) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        // Deleting a row that is gone already: a foreign key cascade from its
        // parent, deleted first, took it. That is the state wanted.
        if (kind == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE) {
          return SQLITE_CHANGESET_OMIT;
        }
        *static_cast<bool*>(ctx) = true;
        return SQLITE_CHANGESET_ABORT;
      },
      &conflict);
  sqlite3_free(inverse);
  return !conflict && rc == SQLITE_OK;
}

}  // namespace

UndoResult undo(Db& db, bool dry_run) {
  WriteTransaction tx(db);
  tx.forget_changes();
  UndoResult r;
  {
    auto& st = db.cached(
        "SELECT id, argv, at_utc FROM command c WHERE undone_by IS NULL AND undo_of IS NULL AND id != ? "
        "AND EXISTS (SELECT 1 FROM command_change WHERE command_id = c.id) ORDER BY id DESC LIMIT 1");
    st.bind(1, tx.command_id());
    if (!st.step()) {
      throw NotFound(tr("nothing to undo"));
    }
    r.command_id = st.get_int(0);
    r.argv = st.get_text(1);
    r.at_utc = st.get_text(2);
  }
  // The parts last to first: a row a later part changed again is restored to
  // what the earlier part left before that part itself is reverted. One part
  // in memory at a time.
  std::vector<std::int64_t> parts;
  {
    auto& st = db.cached("SELECT part FROM command_change WHERE command_id = ? ORDER BY part DESC");
    st.bind(1, r.command_id);
    while (st.step()) {
      parts.push_back(st.get_int(0));
    }
  }
  for (const std::int64_t part : parts) {
    std::string changes;
    {
      auto& st = db.cached("SELECT changeset FROM command_change WHERE command_id = ? AND part = ?");
      st.bind_all(r.command_id, part);
      st.step();
      changes = st.get_blob(0);
    }
    r.changes += count_changes(changes);
    if (!dry_run && !revert(db, changes, r.command_id)) {
      throw InputError(trf("cannot undo command {} ({}): its rows have been changed since", r.command_id,
                                   r.argv));
    }
  }
  if (dry_run) {
    return r;
  }
  auto& mark = db.cached("UPDATE command SET undone_by = ? WHERE id = ?");
  mark.bind_all(tx.command_id(), r.command_id);
  mark.run();
  auto& self = db.cached("UPDATE command SET undo_of = ? WHERE id = ?");
  self.bind_all(r.command_id, tx.command_id());
  self.run();
  audit(db, "command", r.command_id, AuditAction::update, nlohmann::json{{"argv", r.argv}}.dump(),
        nlohmann::json{{"undone_by", tx.command_id()}}.dump());
  tx.commit();
  return r;
}

}  // namespace omskplan::store
