#include "store/db.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/russian.hpp"
#include "store/migrations.hpp"

#include <fcntl.h>
#include <fmt/format.h>
// The session extension (Debian builds SQLite with it) records each command's
// changes so that `undo` can apply their inverse.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <cstring>
#include <filesystem>

namespace omskplan::store {

namespace {

// ru_sort_key(text): russian::sort_key as a blob, for ORDER BY in Russian
// alphabetical order inside SQLite (its sorter spills to disk: a list of any
// length sorts in bounded memory). NULL for NULL.
void ru_sort_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  try {
    const std::string key =
        russian::sort_key(std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
    sqlite3_result_blob64(ctx, key.data(), key.size(), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {  // never through SQLite's C frames
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

void register_functions(sqlite3* db) {
  sqlite3_create_function_v2(db, "ru_sort_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                             &ru_sort_key, nullptr, nullptr, nullptr);
}


// The WAL: checkpointed by SQLite past this many pages (1 MiB), and on close
// past this size (store/db.cpp, Db::open).
constexpr int kAutoCheckpointPages = 256;
constexpr long kCheckpointOnCloseBytes = 1 << 20;

std::string directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// SQLITE_READONLY says what SQLite could not do; say why.
std::string read_only_message(const std::string& path, const std::string& msg) {
  if (::access(path.c_str(), W_OK) != 0 && errno == EACCES) {
    return trf("database {} is read-only (no permission to write the file)", path);
  }
  const std::string dir = directory_of(path);
  if (::access(dir.c_str(), W_OK) != 0) {
    const std::string file = std::filesystem::path(path).filename().string();
    return trf("database {}: its directory {} is not writable (SQLite must create {}-wal and {}-shm in it)",
                       path, dir, file, file);
  }
  return trf("database {} is read-only: {}", path, msg);
}

// The file a connection has open ("" for an in-memory database).
std::string file_of(sqlite3* db) {
  const char* f = sqlite3_db_filename(db, "main");
  return f ? f : "";
}

[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view what, const std::string& path) {
  const int ext = db ? sqlite3_extended_errcode(db) : rc;
  const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StorageError(trf("database {} is locked by another process; try again ({})", path, what));
    case SQLITE_FULL:
      throw StorageError(trf("database {}: the disk is full; nothing was written", path));
    case SQLITE_READONLY:
      throw StorageError(read_only_message(path, msg));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw StorageError(trf("database {} is damaged or not an omskplan database: {}", path, msg));
    case SQLITE_IOERR:
      if (ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_TRUNCATE || ext == SQLITE_IOERR_SHMSIZE ||
          ext == SQLITE_IOERR_FSYNC) {
        throw StorageError(fmt::format(
            "database {}: cannot write to the disk (it is full, or a file-size limit); nothing was written", path));
      }
      throw StorageError(trf("database {}: {} ({})", path, msg, what));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      throw StorageError(trf("database {}: {} ({})", path, msg, what));
    case SQLITE_CONSTRAINT:
      throw InputError(fmt::format("{}: {}", what, msg));
    default:
      throw StorageError(trf("database {}: {} (code {}, {})", path, msg, ext, what));
  }
}

}  // namespace

// ---- Statement ----

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    throw_sqlite(db, rc, trf("preparing {}", sql.substr(0, 60)), file_of(db));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }

// A value that could not be bound (a wrong index, a text too big for SQLite,
// no memory) is an error, never a silently NULL parameter.
void Statement::check_bind(int rc, int index) {
  if (rc != SQLITE_OK) {
    const char* sql = sqlite3_sql(stmt_);
    throw_sqlite(db_, rc, trf("binding parameter {} of {}", index, std::string_view(sql ? sql : "").substr(0, 60)),
                 file_of(db_));
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  check_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
  return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
  check_bind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
  check_bind(sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_STATIC), index);
  return *this;
}

std::string Statement::get_blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string{};
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
  sqlite3_reset(stmt_);
  throw_sqlite(db_, rc, trf("running {}", sql.substr(0, 60)), file_of(db_));
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::int64_t Statement::get_int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string Statement::get_text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string{};
}

std::optional<std::string> Statement::get_opt_text(int col) const {
  if (is_null(col)) {
    return std::nullopt;
  }
  return get_text(col);
}

std::optional<std::int64_t> Statement::get_opt_int(int col) const {
  if (is_null(col)) {
    return std::nullopt;
  }
  return get_int(col);
}

// ---- Db ----

Db::~Db() {
  cache_.clear();
  // SQLite's advice for short-lived connections: keep the query planner's
  // statistics fresh, bounded in cost. Only after a write (a reading command
  // leaves the file as it was), and only after a bulk one or every 64th
  // command: one more event does not move the statistics, and the pass costs
  // ~0.3 ms of `event add`'s 5 ms budget at 100k events.
  if (db_ && wrote_ && (sqlite3_total_changes64(db_) >= 200 || last_command_id_ % 64 == 0)) {
    sqlite3_exec(db_, "PRAGMA analysis_limit = 400; PRAGMA optimize;", nullptr, nullptr, nullptr);
  }
  if (db_ && wrote_ && !path_.empty() && path_ != ":memory:") {
    // A bulk command, or a WAL grown past its limit: into the database file
    // with it, and the WAL back to nothing (the next command would replay it all).
    struct stat st {};
    if (sqlite3_total_changes64(db_) >= 200 ||
        (::stat((path_ + "-wal").c_str(), &st) == 0 && st.st_size > kCheckpointOnCloseBytes)) {
      sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
  }
  if (db_) {
    sqlite3_close_v2(db_);
  }
}

Db::Db(Db&& o) noexcept
    : db_(o.db_),
      path_(std::move(o.path_)),
      command_(std::move(o.command_)),
      command_id_(o.command_id_),
      open_tx_(o.open_tx_),
      depth_(o.depth_),
      undo_part_budget_(o.undo_part_budget_),
      wrote_(o.wrote_),
      temp_in_memory_(o.temp_in_memory_),
      last_command_id_(o.last_command_id_),
      cache_(std::move(o.cache_)),
      busy_(std::move(o.busy_)) {
  o.db_ = nullptr;
}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    cache_.clear();
    if (db_) {
      sqlite3_close_v2(db_);
    }
    db_ = o.db_;
    path_ = std::move(o.path_);
    command_ = std::move(o.command_);
    command_id_ = o.command_id_;
    open_tx_ = o.open_tx_;
    depth_ = o.depth_;
    undo_part_budget_ = o.undo_part_budget_;
    wrote_ = o.wrote_;
    temp_in_memory_ = o.temp_in_memory_;
    last_command_id_ = o.last_command_id_;
    cache_ = std::move(o.cache_);
    busy_ = std::move(o.busy_);
    o.db_ = nullptr;
  }
  return *this;
}

Db Db::open(const std::string& path, OpenMode mode, CommandInfo command) {
  namespace fs = std::filesystem;
  // Memory statistics take a mutex on every allocation; nothing here reads them.
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
  const bool memory = path == ":memory:";
  if (!memory) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (fs::is_directory(st)) {
      throw StorageError(trf("database {} is a directory, not a file", path));
    }
    if (fs::exists(st) && !fs::is_regular_file(st)) {
      throw StorageError(trf("database {} is not a regular file (a device, a pipe or a socket)", path));
    }
    // An empty file is no database: a reading command says so and leaves it
    // alone (SQLite would write a whole schema into it).
    if (fs::exists(st) && mode != OpenMode::create && fs::file_size(path, ec) == 0 && !ec) {
      throw StorageError(trf("database {} is an empty file, not an omskplan database; create one with 'omskplan db init'",
                             path));
    }
    if (!fs::exists(st)) {
      if (mode != OpenMode::create) {
        throw StorageError(trf("no database at {}; create it with 'omskplan db init'", path));
      }
      // Private data: directories 0700, the file 0600, whatever the umask.
      files::create_private_directories(fs::path(path).parent_path().string());
      const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST) {
        throw StorageError(trf("cannot create database {}: {}", path, files::say_errno(errno)));
      }
      if (fd >= 0) {
        ::fchmod(fd, 0600);
        ::close(fd);
      }
    }
  }
  Db db;
  db.path_ = path;
  db.command_ = std::move(command);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  std::string name = path;
  // A reading command on a database in a directory it cannot write (a
  // read-only mount, a backup on a shared folder): WAL needs the -shm file
  // there even to read. With no -wal file nothing is writing the database now,
  // so it is read as it is, immutable.
  const bool reading = mode == OpenMode::existing || mode == OpenMode::raw;
  const bool read_as_is =
      !memory && reading && ::access(directory_of(path).c_str(), W_OK) != 0 && !fs::exists(path + "-wal");
  if (read_as_is) {
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    name = "file:";
    for (const char c : fs::absolute(path).string()) {
      if (c == '%' || c == '?' || c == '#') {
        name += fmt::format("%{:02X}", static_cast<unsigned char>(c));
      } else {
        name += c;
      }
    }
    name += "?immutable=1";
  }
  const int rc = sqlite3_open_v2(name.c_str(), &db.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    throw_sqlite(db.db_, rc, "opening", path);
  }
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_handler(db.db_, &Db::busy, db.busy_.get());
  register_functions(db.db_);
  db.exec("PRAGMA foreign_keys = ON");
  if (!memory) {
    // Reading the header first gives a clear error for a file that is not a database.
    std::string mode_now;
    {
      Statement jm(db.db_, "PRAGMA journal_mode");
      jm.step();
      mode_now = jm.get_text(0);
    }
    // Only a writing command switches the file to WAL: a reading one leaves it as it was.
    if (mode_now != "wal" && (mode == OpenMode::create || mode == OpenMode::upgrade)) {
      Statement set(db.db_, "PRAGMA journal_mode = WAL");
      set.step();
    }
  }
  // WAL with synchronous=FULL: a commit is on the disk when it returns (one
  // sync of the WAL; SQLite syncs the directory too, on the first sync of a
  // process). The WAL is kept between runs and not checkpointed on close:
  // each command is a short process, and a checkpoint at every exit cost two
  // more syncs of every write (the WAL, then the database file). It is
  // checkpointed by SQLite as it passes kAutoCheckpointPages, and on close
  // after a bulk command or once it is larger than kCheckpointOnCloseBytes
  // (~Db), so a process opening it never replays more than about a megabyte.
  if (!read_as_is) {
    db.exec("PRAGMA synchronous = FULL");
  }
  if (!memory && !read_as_is) {
    int persist = 1;
    sqlite3_file_control(db.db_, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    sqlite3_db_config(db.db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    db.exec(fmt::format("PRAGMA wal_autocheckpoint = {}; PRAGMA journal_size_limit = {}", kAutoCheckpointPages,
                        kCheckpointOnCloseBytes));
  }
  if (mode != OpenMode::raw) {
    migrate(db, mode == OpenMode::upgrade);
  }
  return db;
}

Db Db::open_snapshot(const std::string& path, const std::string& scratch, CommandInfo command) {
  std::error_code ec;
  if (path == ":memory:" || !std::filesystem::exists(path, ec)) {
    return open(":memory:", OpenMode::create, std::move(command));
  }
  {
    Db live = open(path, OpenMode::existing);  // checks the schema; writes nothing
    sqlite3* copy = nullptr;
    if (sqlite3_open_v2(scratch.c_str(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      sqlite3_close(copy);
      throw StorageError(trf("cannot make a copy of {} for the dry run in {}", path, scratch));
    }
    sqlite3_backup* b = sqlite3_backup_init(copy, "main", live.db_, "main");
    const int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    sqlite3_backup_finish(b);
    const std::string msg = sqlite3_errmsg(copy);
    sqlite3_close(copy);
    if (rc != SQLITE_DONE) {
      throw StorageError(trf("cannot make a copy of {} for the dry run: {}", path, msg));
    }
  }
  Db db = open(scratch, OpenMode::existing, std::move(command));
  // A scratch copy: nothing in it has to survive a crash.
  db.exec("PRAGMA journal_mode = MEMORY");
  db.exec("PRAGMA synchronous = OFF");
  return db;
}

int Db::busy(void* state, int count) {
  // SQLite's own schedule (as sqlite3_busy_timeout), and a notice after a second.
  static constexpr int kDelays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  Busy& b = *static_cast<Busy*>(state);
  if (count == 0) {
    b.waited_ms = 0;
  }
  if (b.waited_ms >= kBusyTimeoutMs) {
    return 0;
  }
  const int delay = count < 12 ? kDelays[count] : 100;
  ::usleep(static_cast<useconds_t>(delay) * 1000);
  const int before = b.waited_ms;
  b.waited_ms += delay;
  if (before < 1000 && b.waited_ms >= 1000 && b.notice) {
    b.notice();
  }
  return 1;
}

void Db::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    throw_sqlite(db_, rc, trf("running {}", s.substr(0, 60)), path_);
  }
}

Statement& Db::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
  }
  it->second->reset();
  return *it->second;
}

Statement Db::prepare(std::string_view sql) { return Statement(db_, sql); }

std::int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Db::changes() const { return sqlite3_changes(db_); }

int Db::user_version() {
  Statement st(db_, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.get_int(0));
}

void Db::fail(std::string_view what) const { throw_sqlite(db_, sqlite3_errcode(db_), what, path_); }

// ---- WriteTransaction ----

namespace {

int recorded_table(void*, const char* table) { return recorded_for_undo(table) ? 1 : 0; }

}  // namespace

bool recorded_for_undo(std::string_view t) {
  return !(t == "command" || t == "command_change" || t == "command_insert" || t == "fts_deferred" || t == "audit" ||
           t.rfind("sqlite_", 0) == 0 ||
           t.find("_fts") != std::string_view::npos);
}

WriteTransaction::WriteTransaction(Db& db) : db_(db) {
  if (db_.command_id_ != 0) {
    nested_ = true;
    command_id_ = db_.command_id_;
    created_at_start_ = db_.created_.size();
    if (!db_.created_.empty()) {
      last_created_at_start_ = db_.created_.back();
    }
    db_.exec("SAVEPOINT nested");
    ++db_.depth_;
    return;
  }
  if (!db_.temp_in_memory_) {
    // The journal of a statement that may fail halfway (an insert firing a
    // trigger) in memory, in small pieces: SQLite's default spilled it to a
    // temporary file at 64 KiB, early in an import, and every later statement
    // wrote there (a fifth of an event import's time); a larger spill size
    // is also its piece size (8 MiB allocated for each statement). Set
    // between transactions (SQLite refuses it in one), for writes only: a
    // reading command's sorts keep their temporary files.
    db_.exec("PRAGMA temp_store = MEMORY");
    db_.temp_in_memory_ = true;
  }
  db_.exec("BEGIN IMMEDIATE");
  try {
    auto& st = db_.cached("INSERT INTO command(at_utc, os_user, argv) VALUES (?, ?, ?)");
    const CommandInfo& c = db_.command();
    st.bind_all(c.at_utc.empty() ? std::string("1970-01-01T00:00:00Z") : c.at_utc,
                c.os_user.empty() ? std::string("unknown") : c.os_user, c.argv);
    st.run();
    command_id_ = db_.last_insert_id();
    db_.command_id_ = command_id_;
    db_.open_tx_ = this;
    db_.depth_ = 0;
    db_.created_.clear();
    db_.new_records_open_ = 0;
    start_session();
  } catch (...) {
    db_.command_id_ = 0;
    db_.open_tx_ = nullptr;
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

WriteTransaction::~WriteTransaction() {
  if (session_) {
    sqlite3session_delete(session_);
  }
  if (nested_) {
    --db_.depth_;
    if (!done_) {
      sqlite3_exec(db_.handle(), "ROLLBACK TO nested; RELEASE nested", nullptr, nullptr, nullptr);
      // The records it created are gone with it.
      db_.created_.resize(std::min(db_.created_.size(), created_at_start_));
      if (last_created_at_start_ && !db_.created_.empty()) {
        db_.created_.back() = *last_created_at_start_;
      }
    }
    return;
  }
  db_.command_id_ = 0;
  db_.open_tx_ = nullptr;
  db_.depth_ = 0;
  db_.created_.clear();
  if (!done_) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

ReadTransaction::ReadTransaction(Db& db) : db_(db), outer_(sqlite3_get_autocommit(db.handle()) != 0) {
  if (outer_) {
    db_.exec("BEGIN");
  }
}

ReadTransaction::~ReadTransaction() {
  if (outer_) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Db::after_change() {
  if (open_tx_ && depth_ == 0) {
    open_tx_->save_changes(false);
  }
}

void WriteTransaction::forget_changes() {
  WriteTransaction* outer = nested_ ? db_.open_tx_ : this;
  if (outer && outer->session_) {
    sqlite3session_delete(outer->session_);
    outer->session_ = nullptr;
  }
}

void WriteTransaction::start_session() {
  if (sqlite3session_create(db_.handle(), "main", &session_) == SQLITE_OK) {
    sqlite3session_table_filter(session_, recorded_table, nullptr);
    sqlite3session_attach(session_, nullptr);
    sqlite3session_enable(session_, db_.new_records_open_ == 0 ? 1 : 0);
  } else {
    session_ = nullptr;
  }
}

void Db::session_state() {
  if (open_tx_ && open_tx_->session_) {
    sqlite3session_enable(open_tx_->session_, new_records_open_ == 0 ? 1 : 0);
  }
}

void Db::index_deferred() {
  if (command_id_ == 0) {
    return;  // nothing is deferred outside a write transaction
  }
  std::vector<std::string> deferred;
  {
    auto& st = cached("SELECT tbl FROM fts_deferred");
    while (st.step()) {
      deferred.push_back(st.get_text(0));
    }
  }
  for (const auto& t : deferred) {
    if (const std::string fill = fts_fill_sql(t); !fill.empty()) {
      cached(fill).run();
    }
  }
  if (!deferred.empty()) {
    exec("DELETE FROM fts_deferred");
  }
}

void WriteTransaction::store_created() {
  // The full-text rows deferred (NewRecord), whatever became of the records.
  db_.index_deferred();
  auto& ins = db_.cached("INSERT INTO command_insert(command_id, entity, first_id, last_id) VALUES (?, ?, ?, ?)");
  for (const auto& c : db_.created_) {
    ins.reset();
    ins.bind_all(command_id_, c.table, c.first, c.last);
    ins.run();
  }
  db_.created_.clear();
}

// ---- NewRecord ----

const std::vector<NewRecordTable>& new_record_tables() {
  static const std::vector<NewRecordTable> tables{
      {"event", "DELETE FROM event WHERE id BETWEEN ?1 AND ?2"},
      {"organization", "DELETE FROM organization WHERE id BETWEEN ?1 AND ?2"},
      {"agreement", "DELETE FROM agreement WHERE id BETWEEN ?1 AND ?2"},
      {"site", "DELETE FROM site WHERE id BETWEEN ?1 AND ?2"},
  };
  return tables;
}

NewRecord::NewRecord(Db& db, std::string_view table) : db_(db), table_(table) {
  if (db_.command_id() == 0) {
    throw std::logic_error("a new record outside a write transaction");
  }
  const auto& known = new_record_tables();
  if (std::none_of(known.begin(), known.end(), [&](const NewRecordTable& t) { return t.table == table; })) {
    throw std::logic_error("a new record of a table undo cannot delete by id");
  }
  if (!fts_fill_sql(table).empty()) {
    // From the next id on (sqlite_sequence: AUTOINCREMENT), every row of the
    // table is indexed at commit.
    auto& st = db_.cached(
        "INSERT OR IGNORE INTO fts_deferred(tbl, first_id) "
        "SELECT ?1, coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?1), 0) + 1");
    st.bind(1, table);
    st.run();
  }
  ++db_.new_records_open_;
  db_.session_state();
}

NewRecord::~NewRecord() {
  --db_.new_records_open_;
  db_.session_state();
}

void NewRecord::created(std::int64_t id) {
  auto& c = db_.created_;
  if (!c.empty() && c.back().table == table_ && c.back().last + 1 == id) {
    c.back().last = id;
  } else {
    c.push_back({table_, id, id});
  }
}

void WriteTransaction::save_changes(bool final) {
  if (!session_ || (!final && sqlite3session_memory_used(session_) < db_.undo_part_budget_)) {
    return;
  }
  int size = 0;
  void* changes = nullptr;
  if (sqlite3session_changeset(session_, &size, &changes) != SQLITE_OK) {
    sqlite3_free(changes);
    throw StorageError(trf("database {}: cannot record the changes of this command for undo", db_.path()));
  }
  if (size > 0) {
    auto& st = db_.cached("INSERT INTO command_change(command_id, part, changeset) VALUES (?, ?, ?)");
    st.bind_all(command_id_, parts_);
    // Bound without a copy: it can be megabytes.
    st.bind_blob(3, changes, static_cast<std::size_t>(size));
    // Unbound (reset and cleared: a stepped statement refuses a new binding)
    // before the buffer is freed, whatever happens.
    try {
      st.run();
    } catch (...) {
      st.reset();
      sqlite3_free(changes);
      throw;
    }
    st.reset();
    ++parts_;
  }
  sqlite3_free(changes);
  if (!final) {
    sqlite3session_delete(session_);
    session_ = nullptr;
    start_session();
  }
}

void WriteTransaction::commit() {
  if (nested_) {
    db_.exec("RELEASE nested");
    done_ = true;
    // Back directly inside the outer transaction, between two whole units.
    if (db_.depth_ == 1 && db_.open_tx_) {
      db_.open_tx_->save_changes(false);
    }
    return;
  }
  save_changes(true);
  store_created();
  db_.exec("COMMIT");
  done_ = true;
  db_.command_id_ = 0;
  db_.open_tx_ = nullptr;
  db_.wrote_ = true;
  db_.last_command_id_ = command_id_;
}

}  // namespace omskplan::store
