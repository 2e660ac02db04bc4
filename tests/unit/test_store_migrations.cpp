#include "store/migrations.hpp"

#include "core/error.hpp"
#include "helpers.hpp"
#include "store/db.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::store;

namespace {

// A database left at schema `version` by an old omskplan: the migrations up
// to it applied with plain SQLite, and one event in it.
void old_database(const std::string& path, int version) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  for (const auto& m : migrations()) {
    if (m.version > version) {
      break;
    }
    CAPTURE(m.version);
    const int rc = sqlite3_exec(raw, m.sql.c_str(), nullptr, nullptr, nullptr);
    INFO(std::string(sqlite3_errmsg(raw)));
    REQUIRE(rc == SQLITE_OK);
    if (m.edits_schema) {
      // The definitions were edited in place: a new connection reads them (migrate() bumps the cookie).
      sqlite3_close(raw);
      REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    }
  }
  const std::string v = "PRAGMA user_version = " + std::to_string(version);
  REQUIRE(sqlite3_exec(raw, v.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw,
                       "INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) "
                       "VALUES ('u1', 'День города', 'city-day', 'municipal', '2023-08-05T04:00:00Z', "
                       "'2023-08-05T16:00:00Z', '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z')",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
}

}  // namespace

TEST_SUITE("store::migrations") {
  TEST_CASE("versions run 1, 2, … without gaps, each described; the newest is the schema version") {
    const auto& ms = migrations();
    REQUIRE_FALSE(ms.empty());
    for (std::size_t i = 0; i < ms.size(); ++i) {
      CHECK(ms[i].version == static_cast<int>(i) + 1);
      CHECK_FALSE(ms[i].description.empty());
      CHECK_FALSE(ms[i].sql.empty());
    }
    CHECK(ms.back().version == schema_version());
  }

  TEST_CASE("a database of every older version is refused without 'db migrate', then migrated keeping its data") {
    for (int version = 1; version < schema_version(); ++version) {
      CAPTURE(version);
      testing::TempDir tmp;
      const std::string path = tmp.file("old.db");
      old_database(path, version);
      CHECK_THROWS_AS(Db::open(path, OpenMode::existing), StorageError);
      Db db = Db::open(path, OpenMode::upgrade);
      CHECK(db.user_version() == schema_version());
      CHECK(testing::count(db, "SELECT count(*) FROM event WHERE title = 'День города'") == 1);
      auto ic = db.prepare("PRAGMA integrity_check");
      REQUIRE(ic.step());
      CHECK(ic.get_text(0) == "ok");
      auto fk = db.prepare("PRAGMA foreign_key_check");
      CHECK_FALSE(fk.step());
      migrate(db, false);  // at the newest version: nothing to do
      CHECK(db.user_version() == schema_version());
    }
  }
}

}  // namespace OMSKPLAN_TEST_FILE
