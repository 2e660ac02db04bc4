#include "store/undo.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "store/audit.hpp"

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace omskplan::store {

namespace {

std::string value_text(sqlite3_value* v) {
  if (!v) {
    return "?";
  }
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      return std::to_string(sqlite3_value_int64(v));
    case SQLITE_NULL:
      return "NULL";
    case SQLITE_FLOAT:
      return fmt::format("{}", sqlite3_value_double(v));
    default: {
      const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(v));
      return t ? std::string(t, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string();
    }
  }
}

// One row of a changeset: its table, its primary key, the operation recorded
// and, for an update, which columns (by index) it changed.
struct Row {
  std::string table;
  std::string key;
  int op = 0;
  std::vector<int> changed;
};

std::string row_id(const std::string& table, const std::string& key) { return table + '\x1f' + key; }

Row read_row(sqlite3_changeset_iter* it) {
  const char* table = nullptr;
  int columns = 0, op = 0, indirect = 0;
  sqlite3changeset_op(it, &table, &columns, &op, &indirect);
  unsigned char* pk = nullptr;
  int pk_columns = 0;
  sqlite3changeset_pk(it, &pk, &pk_columns);
  Row r;
  r.table = table ? table : "";
  r.op = op;
  for (int c = 0; c < columns; ++c) {
    sqlite3_value* v = nullptr;
    if (op == SQLITE_INSERT) {
      sqlite3changeset_new(it, c, &v);
    } else {
      sqlite3changeset_old(it, c, &v);
    }
    if (pk && pk[c]) {
      r.key += (r.key.empty() ? "" : "/") + value_text(v);
    }
    if (op == SQLITE_UPDATE) {
      sqlite3_value* nv = nullptr;
      sqlite3changeset_new(it, c, &nv);
      if (nv && !(pk && pk[c])) {
        r.changed.push_back(c);
      }
    }
  }
  return r;
}

// Calls `f` for each row of a changeset blob.
void for_each_row(const std::string& blob, std::int64_t command_id, const std::function<void(const Row&)>& f) {
  sqlite3_changeset_iter* it = nullptr;
  if (sqlite3changeset_start(&it, static_cast<int>(blob.size()), const_cast<char*>(blob.data())) != SQLITE_OK) {
    throw StorageError(trf("the changes of command {} cannot be read", command_id));
  }
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    f(read_row(it));
  }
  sqlite3changeset_finalize(it);
}

// A key that is one integer (the rowid of most tables).
std::optional<std::int64_t> int_key(const std::string& key) {
  if (key.empty() || key.size() > 18) {  // 18 digits cannot overflow
    return std::nullopt;
  }
  std::int64_t v = 0;
  std::size_t i = key[0] == '-' ? 1 : 0;
  if (i == key.size()) {
    return std::nullopt;
  }
  for (; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') {
      return std::nullopt;
    }
    v = v * 10 + (key[i] - '0');
  }
  return key[0] == '-' ? -v : v;
}

// Rows by table and key: those of a changeset one by one, the records a
// command created whole (NewRecord) as ranges of ids.
class RowSet {
public:
  void add(const std::string& table, const std::string& key) {
    if (const auto id = int_key(key)) {
      ids_[table].insert(*id);
    } else {
      keys_.insert(row_id(table, key));
    }
  }
  void add_range(const std::string& table, std::int64_t first, std::int64_t last) {
    ranges_[table].emplace_back(first, last);
  }
  bool contains(const std::string& table, const std::string& key) const {
    const auto id = int_key(key);
    if (!id) {
      return keys_.count(row_id(table, key)) > 0;
    }
    return overlaps(table, *id, *id);
  }
  bool overlaps(const std::string& table, std::int64_t first, std::int64_t last) const {
    if (const auto t = ids_.find(table); t != ids_.end()) {
      const auto it = t->second.lower_bound(first);
      if (it != t->second.end() && *it <= last) {
        return true;
      }
    }
    if (const auto t = ranges_.find(table); t != ranges_.end()) {
      for (const auto& [a, b] : t->second) {
        if (a <= last && first <= b) {
          return true;
        }
      }
    }
    return false;
  }
  bool empty() const { return keys_.empty() && ids_.empty() && ranges_.empty(); }
  std::size_t size() const {
    std::size_t n = keys_.size();
    for (const auto& [t, ids] : ids_) {
      n += ids.size();
    }
    return n;
  }

private:
  std::unordered_set<std::string> keys_;
  std::map<std::string, std::set<std::int64_t>> ids_;
  std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> ranges_;
};

struct Range {
  std::string table;
  std::int64_t first = 0, last = 0;
};

// The records a command created whole (NewRecord).
std::vector<Range> created_by(Db& db, std::int64_t command_id) {
  std::vector<Range> out;
  auto& st = db.cached("SELECT entity, first_id, last_id FROM command_insert WHERE command_id = ? ORDER BY first_id");
  st.bind(1, command_id);
  while (st.step()) {
    out.push_back({st.get_text(0), st.get_int(1), st.get_int(2)});
  }
  return out;
}

std::vector<std::int64_t> parts_of(Db& db, std::int64_t command_id) {
  std::vector<std::int64_t> parts;
  auto& st = db.cached("SELECT part FROM command_change WHERE command_id = ? ORDER BY part DESC");
  st.bind(1, command_id);
  while (st.step()) {
    parts.push_back(st.get_int(0));
  }
  return parts;
}

std::string part_blob(Db& db, std::int64_t command_id, std::int64_t part) {
  auto& st = db.cached("SELECT changeset FROM command_change WHERE command_id = ? AND part = ?");
  st.bind_all(command_id, part);
  st.step();
  return st.get_blob(0);
}

UndoConflict load_command(Db& db, std::int64_t id) {
  auto& st = db.cached("SELECT id, os_user, argv, at_utc FROM command WHERE id = ?");
  st.bind(1, id);
  UndoConflict c;
  if (st.step()) {
    c = {st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3)};
  }
  return c;
}

// The later commands (still in force) that changed a row of `rows` or created
// one, oldest first; with `first_only`, stops at the first one.
std::vector<std::int64_t> later_commands_touching(Db& db, std::int64_t after, std::int64_t before, const RowSet& rows,
                                                   bool first_only) {
  std::vector<std::int64_t> later;
  {
    auto& st = db.cached(
        "SELECT id FROM command c WHERE id > ? AND id != ? AND undone_by IS NULL AND undo_of IS NULL "
        "AND (EXISTS (SELECT 1 FROM command_change WHERE command_id = c.id) "
        "OR EXISTS (SELECT 1 FROM command_insert WHERE command_id = c.id)) ORDER BY id");
    st.bind_all(after, before);
    while (st.step()) {
      later.push_back(st.get_int(0));
    }
  }
  std::vector<std::int64_t> found;
  for (const std::int64_t id : later) {
    bool touches = false;
    for (const auto& r : created_by(db, id)) {
      touches = touches || rows.overlaps(r.table, r.first, r.last);
    }
    for (const std::int64_t part : parts_of(db, id)) {
      if (touches) {
        break;
      }
      for_each_row(part_blob(db, id, part), id, [&](const Row& r) {
        touches = touches || rows.contains(r.table, r.key);
      });
    }
    if (touches) {
      found.push_back(id);
      if (first_only) {
        break;
      }
    }
  }
  return found;
}

[[noreturn]] void refuse(Db& db, const UndoResult& r, std::int64_t later_id) {
  const UndoConflict l = load_command(db, later_id);
  throw InputError(trf("cannot undo command {} ({}): command {} of {} at {} ({}) changed the same rows since; "
                       "undo that first, or use --force",
                       r.command_id, r.argv, l.command_id, l.os_user, l.at_utc, l.argv));
}

struct ApplyState {
  bool force = false;
  bool conflict = false;
  std::string conflict_row;  // row_id of the row that stopped it
};

// Applies the inverse of one part.
void revert(Db& db, const std::string& changes, std::int64_t command_id, ApplyState& state) {
  int size = 0;
  void* inverse = nullptr;
  if (sqlite3changeset_invert(static_cast<int>(changes.size()), changes.data(), &size, &inverse) != SQLITE_OK) {
    sqlite3_free(inverse);
    throw StorageError(trf("the changes of command {} cannot be read", command_id));
  }
  const int rc = sqlite3changeset_apply(
      db.handle(), size, inverse, nullptr,
      [](void* ctx, int kind, sqlite3_changeset_iter* it) {
        auto* s = static_cast<ApplyState*>(ctx);
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        // Deleting a row that is gone already: a foreign key cascade from its
        // parent, deleted first, took it. That is the state wanted.
        if (kind == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE) {
          return SQLITE_CHANGESET_OMIT;
        }
        // A row another still refers to: the records the command created
        // whole go after the changes (their children first), and what is
        // left unresolved is found at the end (undo: DEFERRED_FKS).
        if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
          return SQLITE_CHANGESET_OMIT;
        }
        if (s->force) {
          if (kind == SQLITE_CHANGESET_DATA || kind == SQLITE_CHANGESET_CONFLICT) {
            return SQLITE_CHANGESET_REPLACE;
          }
          if (kind == SQLITE_CHANGESET_NOTFOUND) {
            return SQLITE_CHANGESET_OMIT;
          }
        }
        s->conflict = true;
        if (kind != SQLITE_CHANGESET_FOREIGN_KEY && s->conflict_row.empty()) {
          const Row r = read_row(it);
          s->conflict_row = row_id(r.table, r.key);
        }
        return SQLITE_CHANGESET_ABORT;
      },
      &state);
  sqlite3_free(inverse);
  if (rc != SQLITE_OK && !state.conflict) {
    db.fail(trf("undoing command {}", command_id));
  }
}

std::vector<std::string> column_names(Db& db, const std::string& table) {
  std::vector<std::string> names;
  auto& st = db.cached("SELECT name FROM pragma_table_info(?) ORDER BY cid");
  st.bind(1, table);
  while (st.step()) {
    names.push_back(st.get_text(0));
  }
  return names;
}

// Records what a revert really changed (cascades included), to compare with
// the rows of the command undone.
class Watch {
public:
  explicit Watch(Db& db) {
    if (sqlite3session_create(db.handle(), "main", &s_) != SQLITE_OK) {
      throw StorageError(tr("cannot watch the changes of undo"));
    }
    sqlite3session_table_filter(
        s_, [](void*, const char* t) { return recorded_for_undo(t) ? 1 : 0; }, nullptr);
    sqlite3session_attach(s_, nullptr);
  }
  ~Watch() { sqlite3session_delete(s_); }
  Watch(const Watch&) = delete;
  std::string changes() {
    int size = 0;
    void* p = nullptr;
    if (sqlite3session_changeset(s_, &size, &p) != SQLITE_OK) {
      sqlite3_free(p);
      throw StorageError(tr("cannot watch the changes of undo"));
    }
    std::string out(static_cast<const char*>(p), static_cast<std::size_t>(size));
    sqlite3_free(p);
    return out;
  }

private:
  sqlite3_session* s_ = nullptr;
};

// A row the revert changed, with the values it had before (a deleted row's
// foreign keys).
struct WatchedRow {
  Row row;
  std::vector<std::string> old;
};

std::vector<WatchedRow> watched_rows(const std::string& blob, std::int64_t command_id) {
  std::vector<WatchedRow> out;
  sqlite3_changeset_iter* it = nullptr;
  if (sqlite3changeset_start(&it, static_cast<int>(blob.size()), const_cast<char*>(blob.data())) != SQLITE_OK) {
    throw StorageError(trf("the changes of command {} cannot be read", command_id));
  }
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    WatchedRow w{read_row(it), {}};
    if (w.row.op == SQLITE_DELETE) {
      const char* table = nullptr;
      int columns = 0, op = 0, indirect = 0;
      sqlite3changeset_op(it, &table, &columns, &op, &indirect);
      for (int c = 0; c < columns; ++c) {
        sqlite3_value* v = nullptr;
        sqlite3changeset_old(it, c, &v);
        w.old.push_back(value_text(v));
      }
    }
    out.push_back(std::move(w));
  }
  sqlite3changeset_finalize(it);
  return out;
}

// Leaves in `rows` only those that are not the children of the command's own
// rows: deleted with them by ON DELETE CASCADE, their foreign key naming one
// of them (or a child already found: a grandchild).
void own_children(Db& db, RowSet& own, std::vector<const WatchedRow*>& rows) {
  struct Fk {
    std::size_t column;
    std::string parent;
  };
  std::map<std::string, std::vector<Fk>> fks;
  auto keys_of = [&](const std::string& table) -> const std::vector<Fk>& {
    auto it = fks.find(table);
    if (it == fks.end()) {
      const auto names = column_names(db, table);
      std::vector<Fk> list;
      auto& st = db.cached("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?) WHERE on_delete = 'CASCADE'");
      st.bind(1, table);
      while (st.step()) {
        const std::string from = st.get_text(1);
        const auto c = std::find(names.begin(), names.end(), from);
        if (c != names.end()) {
          list.push_back({static_cast<std::size_t>(c - names.begin()), st.get_text(0)});
        }
      }
      it = fks.emplace(table, std::move(list)).first;
    }
    return it->second;
  };
  for (bool found = true; found && !rows.empty();) {
    found = false;
    std::vector<const WatchedRow*> left;
    for (const WatchedRow* w : rows) {
      bool child = false;
      if (w->row.op == SQLITE_DELETE) {
        for (const auto& fk : keys_of(w->row.table)) {
          child = child || (fk.column < w->old.size() && own.contains(fk.parent, w->old[fk.column]));
        }
      }
      if (child) {
        own.add(w->row.table, w->row.key);
        found = true;
      } else {
        left.push_back(w);
      }
    }
    rows = std::move(left);
  }
}

// Foreign keys left unresolved in the transaction (undo defers them to its end).
int deferred_foreign_keys(Db& db) {
  int current = 0, highest = 0;
  sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0);
  return current;
}

}  // namespace

UndoResult undo(Db& db, const UndoOptions& o) {
  WriteTransaction tx(db);
  tx.forget_changes();
  UndoResult r;
  if (o.command_id) {
    auto& st = db.cached("SELECT id, argv, at_utc, os_user, undone_by, undo_of FROM command WHERE id = ?");
    st.bind(1, *o.command_id);
    if (!st.step() || st.get_int(0) == tx.command_id()) {
      throw NotFound(trf("no command {}; see 'omskplan history --commands'", *o.command_id));
    }
    if (!st.is_null(4)) {
      throw InputError(trf("command {} ({}) was undone already by command {}", *o.command_id, st.get_text(1),
                           st.get_int(4)));
    }
    if (!st.is_null(5)) {
      throw InputError(trf("command {} is an undo itself (of command {}); an undo cannot be undone",
                           *o.command_id, st.get_int(5)));
    }
    r.command_id = st.get_int(0);
    r.argv = st.get_text(1);
    r.at_utc = st.get_text(2);
    r.os_user = st.get_text(3);
  } else {
    auto& st = db.cached(
        "SELECT id, argv, at_utc, os_user FROM command WHERE undone_by IS NULL AND undo_of IS NULL AND id != ? "
        "AND os_user = ? ORDER BY id DESC LIMIT 1");
    st.bind_all(tx.command_id(), o.os_user);
    if (!st.step()) {
      throw NotFound(trf("nothing to undo: no command of {} is left to undo", o.os_user));
    }
    r.command_id = st.get_int(0);
    r.argv = st.get_text(1);
    r.at_utc = st.get_text(2);
    r.os_user = st.get_text(3);
  }
  // The parts last to first: a row a later part changed again is restored to
  // what the earlier part left before that part itself is reverted. One part
  // in memory at a time. Then the records it created whole, by their ids.
  const std::vector<std::int64_t> parts = parts_of(db, r.command_id);
  const std::vector<Range> created = created_by(db, r.command_id);
  RowSet own;
  for (const std::int64_t part : parts) {
    for_each_row(part_blob(db, r.command_id, part), r.command_id,
                 [&](const Row& row) { own.add(row.table, row.key); });
  }
  for (const auto& c : created) {
    own.add_range(c.table, c.first, c.last);
  }
  // A later command that changed one of these rows: its work would be lost.
  const auto touching = later_commands_touching(db, r.command_id, tx.command_id(), own, !o.force);
  if (!touching.empty()) {
    if (!o.force) {
      refuse(db, r, touching.front());
    }
    r.overridden = touching;
  }
  {
    ApplyState state;
    state.force = o.force;
    db.exec("PRAGMA defer_foreign_keys = ON");
    Watch watch(db);
    for (const std::int64_t part : parts) {
      revert(db, part_blob(db, r.command_id, part), r.command_id, state);
      if (state.conflict) {
        break;
      }
    }
    if (state.conflict) {
      if (!state.conflict_row.empty()) {
        const auto bar = state.conflict_row.find('\x1f');
        RowSet one;
        one.add(state.conflict_row.substr(0, bar), state.conflict_row.substr(bar + 1));
        const auto who = later_commands_touching(db, r.command_id, tx.command_id(), one, true);
        if (!who.empty()) {
          refuse(db, r, who.front());
        }
      }
      throw InputError(trf("cannot undo command {} ({}): its rows have been changed since", r.command_id, r.argv));
    }
    for (const auto& c : created) {
      const auto& tables = new_record_tables();
      const auto t = std::find_if(tables.begin(), tables.end(), [&](const NewRecordTable& nt) { return nt.table == c.table; });
      if (t == tables.end()) {
        throw StorageError(trf("the changes of command {} cannot be read", r.command_id));
      }
      auto& del = db.cached(t->delete_range);
      del.bind_all(c.first, c.last);
      del.run();
    }
    // What the revert really changed, cascades included.
    const std::vector<WatchedRow> done = watched_rows(watch.changes(), r.command_id);
    // Rows it changed that the command had not written: a cascade into a
    // later command's rows (a task added to an event this command created),
    // or the children of the records it created whole (their tasks).
    RowSet extra;
    std::vector<const WatchedRow*> unexplained;
    for (const auto& w : done) {
      if (!own.contains(w.row.table, w.row.key)) {
        extra.add(w.row.table, w.row.key);
        unexplained.push_back(&w);
      }
    }
    if (!unexplained.empty() && !o.force) {
      const auto who = later_commands_touching(db, r.command_id, tx.command_id(), extra, true);
      if (!who.empty()) {
        refuse(db, r, who.front());
      }
      own_children(db, own, unexplained);
      if (!unexplained.empty()) {
        throw InputError(trf("cannot undo command {} ({}): it would also remove {} rows it did not write; "
                             "use --force to undo it anyway", r.command_id, r.argv, unexplained.size()));
      }
    }
    if (deferred_foreign_keys(db) > 0) {
      throw InputError(trf("cannot undo command {} ({}): other rows still refer to the rows it would remove",
                           r.command_id, r.argv));
    }
    r.changes = static_cast<int>(done.size());
    if (o.dry_run) {
      std::map<std::string, std::vector<std::string>> names;
      for (const auto& w : done) {
        RowRevert rv;
        rv.op = w.row.op == SQLITE_INSERT ? "insert" : w.row.op == SQLITE_DELETE ? "delete" : "update";
        rv.table = w.row.table;
        rv.key = w.row.key;
        auto n = names.find(w.row.table);
        if (n == names.end()) {
          n = names.emplace(w.row.table, column_names(db, w.row.table)).first;
        }
        for (const int c : w.row.changed) {
          rv.columns.push_back(static_cast<std::size_t>(c) < n->second.size() ? n->second[c] : std::to_string(c));
        }
        r.rows.push_back(std::move(rv));
      }
    }
  }
  if (o.dry_run) {
    return r;  // the transaction rolls back
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

std::vector<CommandRecord> commands(Db& db, const std::optional<std::string>& os_user, long limit) {
  std::vector<CommandRecord> out;
  auto& st = db.cached(
      "SELECT c.id, c.at_utc, c.os_user, c.argv, "
      "(SELECT count(*) FROM audit a WHERE a.command_id = c.id AND a.entity != 'command') + "
      "(SELECT coalesce(sum(i.last_id - i.first_id + 1), 0) FROM command_insert i WHERE i.command_id = c.id), "
      "c.undone_by, c.undo_of "
      "FROM command c WHERE (?1 IS NULL OR c.os_user = ?1) ORDER BY c.id DESC LIMIT ?2");
  st.bind(1, os_user);
  st.bind(2, static_cast<std::int64_t>(limit));
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3), st.get_int(4),
                   st.get_opt_int(5), st.get_opt_int(6)});
  }
  return out;
}

}  // namespace omskplan::store
