#include "store/maintenance.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "store/migrations.hpp"

#include <fcntl.h>
#include <grp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace omskplan::store {

namespace fs = std::filesystem;

CheckResult check(Db& db) {
  CheckResult r;
  r.schema_version = db.user_version();
  {
    Statement st = db.prepare("PRAGMA page_count");
    st.step();
    r.pages = st.get_int(0);
  }
  {
    Statement st = db.prepare("PRAGMA integrity_check");
    while (st.step()) {
      const std::string line = st.get_text(0);
      if (line != "ok") {
        r.problems.push_back("integrity: " + line);
      }
    }
  }
  {
    Statement st = db.prepare("PRAGMA foreign_key_check");
    while (st.step()) {
      r.problems.push_back(trf("foreign key: {} row {} refers to a missing {} row", st.get_text(0),
                                       st.get_text(1), st.get_text(2)));
    }
  }
  if (r.schema_version > schema_version()) {
    r.problems.push_back(trf("schema version {} is newer than this omskplan knows ({})", r.schema_version,
                                     schema_version()));
  }
  return r;
}

void backup(Db& db, const std::string& dest) {
  // VACUUM INTO a private temporary directory beside `dest` (files.hpp): a
  // consistent copy, 0600, never over an existing file, never through a symlink.
  files::write_atomically_with(
      dest,
      [&](const std::string& tmp) {
        Statement st = db.prepare("VACUUM INTO ?");
        st.bind(1, tmp);
        st.run();
      },
      files::WriteOptions{false, 0600});
}

namespace {

// Plain SQLite handles for files that are not opened as omskplan databases
// (a backup being checked, the live file being kept): closed however the
// function is left.
struct CloseConnection {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using Connection = std::unique_ptr<sqlite3, CloseConnection>;
using RawStatement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// Opens `path` with `flags`; an empty handle when it cannot be opened.
Connection open_raw(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection c(raw);  // closed even when the open failed
  return rc == SQLITE_OK ? std::move(c) : Connection{};
}

RawStatement prepare_raw(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  return RawStatement(st);
}

// Opens `path` read-only and checks that it is an omskplan database.
void verify_backup(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw InputError(trf("{}: no such file", path));
  }
  const Connection db = open_raw(path, SQLITE_OPEN_READONLY);
  if (!db) {
    throw InputError(trf("{}: cannot be opened as a database", path));
  }
  auto scalar = [&](const char* sql) -> std::optional<std::string> {
    const RawStatement st = prepare_raw(db.get(), sql);
    if (!st || sqlite3_step(st.get()) != SQLITE_ROW) {
      return std::nullopt;
    }
    const auto* t = sqlite3_column_text(st.get(), 0);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
  };
  const auto version = scalar("PRAGMA user_version");
  if (!version) {
    throw StorageError(trf("{} is damaged or not an omskplan database: {}", path, sqlite3_errmsg(db.get())));
  }
  const int v = std::stoi(*version);
  if (v < 1) {
    throw InputError(trf("{} is not an omskplan database (no schema version)", path));
  }
  if (v > schema_version()) {
    throw InputError(trf("{} has schema version {}, newer than this omskplan knows ({})", path, v,
                                 schema_version()));
  }
  const auto tables =
      scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('event', 'command', 'audit')");
  if (!tables || *tables != "3") {
    throw InputError(trf("{} is not an omskplan database (its tables are missing)", path));
  }
  const auto integrity = scalar("PRAGMA quick_check");
  if (integrity != std::optional<std::string>("ok")) {
    throw InputError(trf("{} is damaged: {}", path, integrity.value_or("unreadable")));
  }
}

}  // namespace

std::string restore(const std::string& backup_file, const std::string& db_path) {
  verify_backup(backup_file);
  std::error_code ec;
  const auto st = fs::symlink_status(db_path, ec);
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    throw StorageError(trf("database {} is not a regular file; nothing was restored", db_path));
  }
  const bool live = fs::exists(st);
  std::string kept;
  if (live) {
    kept = fmt::format("{}.before-restore.bak", db_path);
    for (int n = 2; fs::exists(fs::symlink_status(kept, ec)); ++n) {
      kept = fmt::format("{}.before-restore.{}.bak", db_path, n);
    }
  }
  // The backup copied (VACUUM INTO: whatever its page size or journal mode)
  // into a private temporary directory beside the database, then renamed over
  // it: a reader sees the old database or the new one, never a mix. The live
  // file is never opened as an omskplan database (it may be damaged, older or
  // newer); it is kept aside by a hard link, with its WAL.
  files::write_atomically_with(
      db_path,
      [&](const std::string& tmp) {
        {
          const Connection src = open_raw(backup_file, SQLITE_OPEN_READONLY);
          if (!src) {
            throw InputError(trf("{}: cannot be opened", backup_file));
          }
          const RawStatement vac = prepare_raw(src.get(), "VACUUM INTO ?");
          int rc = vac ? sqlite3_bind_text(vac.get(), 1, tmp.c_str(), -1, SQLITE_TRANSIENT) : SQLITE_ERROR;
          if (rc == SQLITE_OK) {
            rc = sqlite3_step(vac.get());
          }
          if (rc != SQLITE_DONE) {
            throw StorageError(trf("cannot restore from {}: {}", backup_file, sqlite3_errmsg(src.get())));
          }
        }
        if (!live) {
          return;
        }
        // The live database's last commits into its main file where it can be
        // read at all; a damaged one is kept with its WAL as it is.
        if (const Connection cur = open_raw(db_path, SQLITE_OPEN_READWRITE)) {
          sqlite3_busy_timeout(cur.get(), 10000);
          sqlite3_exec(cur.get(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        }
        if (::link(db_path.c_str(), kept.c_str()) != 0) {
          throw StorageError(trf("cannot keep the current database as {}: {}; nothing was restored", kept,
                                 files::say_errno(errno)));
        }
        const std::string wal = db_path + "-wal";
        struct stat ws {};
        if (::lstat(wal.c_str(), &ws) == 0 && S_ISREG(ws.st_mode)) {
          if (ws.st_size > 0 ? ::rename(wal.c_str(), (kept + "-wal").c_str()) != 0 : ::unlink(wal.c_str()) != 0) {
            const int err = errno;
            ::unlink(kept.c_str());
            throw StorageError(trf("cannot move {} aside: {}; nothing was restored", wal, files::say_errno(err)));
          }
        }
        ::unlink((db_path + "-shm").c_str());
      },
      files::WriteOptions{true, 0600});
  return kept;
}

void check_group(const std::string& group) {
  if (!::getgrnam(group.c_str())) {
    throw InputError(trf("--shared '{}': no such group", group));
  }
}

void share(const std::string& db_path, const std::string& group) {
  check_group(group);
  const gid_t gid = ::getgrnam(group.c_str())->gr_gid;
  auto apply = [&](const std::string& path, mode_t mode, bool required) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      if (required) {
        throw StorageError(fmt::format("{}: {}", path, files::say_errno(errno)));
      }
      return;
    }
    if (S_ISLNK(st.st_mode)) {
      throw StorageError(trf("{} is a symbolic link; not changing its group", path));
    }
    if (::chown(path.c_str(), static_cast<uid_t>(-1), gid) != 0 || ::chmod(path.c_str(), mode) != 0) {
      throw StorageError(trf("cannot give {} to group {}: {}", path, group, files::say_errno(errno)));
    }
  };
  const fs::path p(db_path);
  const std::string dir = p.parent_path().empty() ? std::string(".") : p.parent_path().string();
  apply(dir, 02770, true);
  apply(db_path, 0660, true);
  apply(db_path + "-wal", 0660, false);
  apply(db_path + "-shm", 0660, false);
}

std::string migrate_with_backup(const std::string& path, CommandInfo command) {
  Db db = Db::open(path, OpenMode::raw, command);
  const int current = db.user_version();
  if (current >= schema_version()) {
    if (current > schema_version()) {
      throw StorageError(trf("database {} has schema version {}, newer than this omskplan knows ({})", path,
                                     current, schema_version()));
    }
    return {};
  }
  std::string dest = fmt::format("{}.v{}.bak", path, current);
  for (int n = 2; fs::exists(dest); ++n) {
    dest = fmt::format("{}.v{}.{}.bak", path, current, n);
  }
  backup(db, dest);
  migrate(db, true);
  return dest;
}

}  // namespace omskplan::store
