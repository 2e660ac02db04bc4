#include "store/maintenance.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "store/migrations.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
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
  std::error_code ec;
  if (fs::exists(dest, ec)) {
    throw InputError(trf("{} exists already; remove it or choose another name", dest));
  }
  const fs::path p(dest);
  const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  if (!fs::is_directory(dir, ec)) {
    throw InputError(trf("cannot write {}: directory {} does not exist", dest, dir.string()));
  }
  const std::string tmp = (dir / fmt::format(".{}.tmp-{}", p.filename().string(), ::getpid())).string();
  // An empty 0600 file first: VACUUM INTO fills it, and the copy is never readable by others.
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw StorageError(trf("cannot write {}: {}", dest, std::strerror(errno)));
  }
  ::close(fd);
  try {
    Statement st = db.prepare("VACUUM INTO ?");
    st.bind(1, tmp);
    st.run();
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  const int rfd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (rfd >= 0) {
    ::fsync(rfd);
    ::close(rfd);
  }
  ::chmod(tmp.c_str(), 0600);
  if (std::rename(tmp.c_str(), dest.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw StorageError(trf("cannot write {}: {}", dest, std::strerror(err)));
  }
}

namespace {

// Opens `path` read-only and checks that it is an omskplan database.
void verify_backup(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw InputError(trf("{}: no such file", path));
  }
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    throw InputError(trf("{}: cannot be opened as a database", path));
  }
  auto close = [&] { sqlite3_close(raw); };
  auto scalar = [&](const char* sql) -> std::optional<std::string> {
    sqlite3_stmt* st = nullptr;
    std::optional<std::string> out;
    if (sqlite3_prepare_v2(raw, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      out = t ? std::string(t) : std::string();
    }
    sqlite3_finalize(st);
    return out;
  };
  const auto version = scalar("PRAGMA user_version");
  if (!version) {
    close();
    throw InputError(trf("{} is not an omskplan database (not SQLite)", path));
  }
  const int v = std::stoi(*version);
  if (v < 1) {
    close();
    throw InputError(trf("{} is not an omskplan database (no schema version)", path));
  }
  if (v > schema_version()) {
    close();
    throw InputError(trf("{} has schema version {}, newer than this omskplan knows ({})", path, v,
                                 schema_version()));
  }
  const auto tables =
      scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('event', 'command', 'audit')");
  if (!tables || *tables != "3") {
    close();
    throw InputError(trf("{} is not an omskplan database (its tables are missing)", path));
  }
  const auto integrity = scalar("PRAGMA quick_check");
  close();
  if (integrity != std::optional<std::string>("ok")) {
    throw InputError(trf("{} is damaged: {}", path, integrity.value_or("unreadable")));
  }
}

}  // namespace

void restore(const std::string& backup_file, const std::string& db_path, CommandInfo command) {
  verify_backup(backup_file);
  // The target may be older, newer or missing: open it raw, then copy every page.
  Db target = Db::open(db_path, OpenMode::create, std::move(command));
  sqlite3* src = nullptr;
  if (sqlite3_open_v2(backup_file.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(src);
    throw InputError(trf("{}: cannot be opened", backup_file));
  }
  sqlite3_backup* b = sqlite3_backup_init(target.handle(), "main", src, "main");
  if (!b) {
    sqlite3_close(src);
    target.fail(tr("restoring"));
  }
  const int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  sqlite3_close(src);
  if (rc != SQLITE_DONE) {
    target.fail(trf("restoring from {}", backup_file));
  }
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
