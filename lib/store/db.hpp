// SQLite access: an owned connection, prepared statements with bound
// parameters, and the write transaction every change goes through.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_session;

namespace omskplan::store {

class Statement {
public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullptr_t);
  // Not copied: `data` must stay valid until the statement has run (rebind after).
  Statement& bind_blob(int index, const void* data, std::size_t size);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, nullptr);
  }
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  // Advances; true while there is a row.
  bool step();
  // Runs to completion (for writes).
  void run();
  // Clears bindings and rewinds, for reuse.
  void reset();

  bool is_null(int col) const;
  std::int64_t get_int(int col) const;
  std::string get_text(int col) const;
  std::optional<std::string> get_opt_text(int col) const;
  std::optional<std::int64_t> get_opt_int(int col) const;
  std::string get_blob(int col) const;

private:
  void check_bind(int rc, int index);

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

enum class OpenMode {
  existing,  // the file must exist (reading commands)
  create,    // create it (mode 0600) when missing
  upgrade,   // the file must exist; an older schema is migrated (db migrate, after its backup)
  raw,       // the file must exist; no schema check at all (db check, db backup of anything)
};

// Who runs the command, recorded with every change in the audit log.
struct CommandInfo {
  std::string os_user;
  std::string argv;
  std::string at_utc;  // "now" of the run, ISO UTC
};

class WriteTransaction;

class Db {
public:
  // Opens `path` (":memory:" for tests). A new database gets the whole
  // schema; an older one is refused (run `db migrate`) unless `upgrade`.
  static Db open(const std::string& path, OpenMode mode, CommandInfo command = {});
  // For a dry run: a private copy of the database at `path` as it is now, made
  // at `scratch` (a new file in a private directory) inside one read
  // transaction — the live database's write lock is never taken, and the
  // command runs exactly as it would, on the copy. A missing database gives an
  // empty in-memory one.
  static Db open_snapshot(const std::string& path, const std::string& scratch, CommandInfo command = {});

  // How long a command waits for another one's write lock before it gives up.
  static constexpr int kBusyTimeoutMs = 60000;
  // Called once when a command has waited a second for the write lock (the
  // CLI says "waiting for …" on a terminal).
  void on_wait(std::function<void()> notice) { busy_->notice = std::move(notice); }
  ~Db();
  Db(Db&&) noexcept;
  Db& operator=(Db&&) noexcept;
  Db(const Db&) = delete;

  void exec(std::string_view sql);
  // A prepared statement kept for the life of the connection (reset before return).
  Statement& cached(const std::string& sql);
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  int user_version();
  const std::string& path() const { return path_; }
  const CommandInfo& command() const { return command_; }
  // The command row of the open write transaction; 0 outside one.
  std::int64_t command_id() const { return command_id_; }
  sqlite3* handle() { return db_; }

  // How much the undo session may hold before a bulk command's changes so far
  // are stored as a part (see WriteTransaction); small in tests.
  void set_undo_part_budget(std::int64_t bytes) { undo_part_budget_ = bytes; }
  // Called after each change (by audit): directly inside the outer write
  // transaction — no savepoint open that could roll back past it — the undo
  // session is stored as a part once it is over budget.
  void after_change();

  // Throws the error of the last failed call, prefixed with `what`.
  [[noreturn]] void fail(std::string_view what) const;

  // Writes the full-text rows deferred in the open write transaction
  // (NewRecord): before a search inside it, and at commit.
  void index_deferred();

private:
  // The records created whole (NewRecord) by the open write transaction: per
  // table, ranges of ids, stored in command_insert at commit.
  struct Created {
    std::string table;
    std::int64_t first = 0, last = 0;
  };
  std::vector<Created> created_;
  int new_records_open_ = 0;               // NewRecord scopes open: the undo session is off
  void session_state();
  friend class NewRecord;
  Db() = default;
  sqlite3* db_ = nullptr;
  std::string path_;
  CommandInfo command_;
  std::int64_t command_id_ = 0;
  WriteTransaction* open_tx_ = nullptr;  // the outermost open write transaction
  int depth_ = 0;                        // savepoints open inside it
  std::int64_t undo_part_budget_ = 1 << 20;  // 1 MiB of session: about 1250 imported events
  bool wrote_ = false;  // a write transaction committed: refresh the planner's statistics on close
  bool temp_in_memory_ = false;  // temp_store = MEMORY set (before the first write transaction)
  std::int64_t last_command_id_ = 0;
  std::map<std::string, std::unique_ptr<Statement>> cache_;
  struct Busy {
    int waited_ms = 0;
    std::function<void()> notice;
  };
  std::unique_ptr<Busy> busy_ = std::make_unique<Busy>();  // a stable address for the busy handler
  friend class WriteTransaction;
  static int busy(void* state, int count);
};

// BEGIN IMMEDIATE … COMMIT, rolled back unless committed. It records the
// command (who, when, argv) first, so the audit log can tie each change to it.
// Inside another WriteTransaction it is a SAVEPOINT of it: one command, one
// transaction, however the operations compose. A deferred transaction that reads and then writes fails with
// SQLITE_BUSY_SNAPSHOT under a concurrent writer; IMMEDIATE takes the write
// lock up front and waits for it (busy_timeout).
class WriteTransaction {
public:
  explicit WriteTransaction(Db& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  void commit();
  std::int64_t command_id() const { return command_id_; }
  // This command's changes are not kept for undo (undo itself: an undo is not
  // undone in turn, and a reverted bulk import would record every row again).
  void forget_changes();

private:
  // Stores what the session recorded as the next part of the command's
  // changes (table command_change). Where no savepoint is open that could
  // roll back past it — after a change directly inside the outer transaction
  // (Db::after_change) or when a savepoint directly inside it is released — this
  // happens once the session holds more than the undo part budget, and a new session
  // starts: memory stays bounded however many rows one command writes. Undo
  // reverts the parts last to first.
  void save_changes(bool final);
  void start_session();
  // The records created (NewRecord): their full-text rows, then their ranges in command_insert.
  void store_created();

  Db& db_;
  bool done_ = false;
  bool nested_ = false;
  std::int64_t command_id_ = 0;
  int parts_ = 0;
  std::size_t created_at_start_ = 0;  // nested: Db::created_ when it began (and its last range)
  std::optional<Db::Created> last_created_at_start_;
  sqlite3_session* session_ = nullptr;  // records the changes, for `undo`
  friend class Db;
};

// A new record written whole — its row and the rows of its children (ON DELETE
// CASCADE) — inside a write transaction, recorded for undo and history as its
// id alone: the command's records form ranges of ids (table command_insert),
// undo deletes them (their children go with them) and `history` names the
// command that created each. Its rows are not kept in the command's undo
// changes nor snapshotted in the audit log: a bulk import of a million events
// stores a few bytes for them, not the events again twice. The full-text
// index of such records is written once, at commit, for all of them.
//
//   store::NewRecord rec(db, "event");
//   … INSERT the event and its tasks …
//   rec.created(event_id);
//
// `table` is the root's table, one of new_record_tables().
class NewRecord {
public:
  NewRecord(Db& db, std::string_view table);
  ~NewRecord();
  NewRecord(const NewRecord&) = delete;
  void created(std::int64_t id);

private:
  Db& db_;
  std::string table_;
};

// The tables whose records are created as NewRecord, each with the statement
// that deletes a range of their ids (?1 … ?2): undo runs it.
struct NewRecordTable {
  std::string_view table;
  const char* delete_range;
};
const std::vector<NewRecordTable>& new_record_tables();

// What undo restores: the data tables, not the log of commands and changes,
// and not the full-text indexes (their triggers follow the data).
bool recorded_for_undo(std::string_view table);

// The record of the first row `st` gives, read by `read(st)`; nullopt when none.
template <class Read>
auto first(Statement& st, Read&& read) -> std::optional<decltype(read(st))> {
  if (!st.step()) {
    return std::nullopt;
  }
  return read(st);
}

// The records of every row, each read by `read(st)`.
template <class Read>
auto all(Statement& st, Read&& read) -> std::vector<decltype(read(st))> {
  std::vector<decltype(read(st))> out;
  while (st.step()) {
    out.push_back(read(st));
  }
  return out;
}

// BEGIN (deferred) … ROLLBACK: several reads that see one state of the
// database, taking no write lock (a dry run that writes nothing). Inside
// another transaction it is part of that one.
class ReadTransaction {
public:
  explicit ReadTransaction(Db& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
  Db& db_;
  bool outer_;  // it began the transaction (and ends it)
};

// The newest schema version this binary knows.
int schema_version();

}  // namespace omskplan::store
