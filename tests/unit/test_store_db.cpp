#include "store/db.hpp"

#include "core/error.hpp"
#include "core/russian.hpp"
#include "store/audit.hpp"
#include "store/undo.hpp"
#include "helpers.hpp"
#include "store/migrations.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::store;
using testing::count;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Undo the last command of the test's user ("unknown": the databases here are opened without a CommandInfo).
UndoOptions mine(std::string user = "unknown") {
  UndoOptions o;
  o.os_user = std::move(user);
  return o;
}

}  // namespace

TEST_SUITE("store::Db") {
  TEST_CASE("a new database is 0600, WAL, migrated to the newest version") {
    TempDir tmp;
    const std::string path = (tmp.path / "sub" / "plan.db").string();
    Db db = Db::open(path, OpenMode::create);
    CHECK(db.user_version() == schema_version());
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto jm = db.prepare("PRAGMA journal_mode");
    jm.step();
    CHECK(jm.get_text(0) == "wal");
    auto fk = db.prepare("PRAGMA foreign_keys");
    fk.step();
    CHECK(fk.get_int(0) == 1);
  }

  TEST_CASE("ru_sort_key orders names in SQL as russian::collate_less does") {
    Db db = Db::open(":memory:", OpenMode::create);
    db.exec("CREATE TABLE n(id INTEGER PRIMARY KEY, name TEXT)");
    const std::vector<std::string> names = {"ёлка", "Ель", "Яблоко", "zebra", "Apple", "2 ключа", "ежевика",
                                            "Ёж",   "ель", "",       "Жук",   "а"};
    for (const auto& n : names) {
      auto st = db.prepare("INSERT INTO n(name) VALUES (?)");
      st.bind(1, n);
      st.run();
    }
    auto st = db.prepare("SELECT name FROM n ORDER BY ru_sort_key(name), id");
    std::vector<std::string> sorted;
    while (st.step()) {
      sorted.push_back(st.get_text(0));
    }
    auto expected = names;
    std::stable_sort(expected.begin(), expected.end(), russian::collate_less);
    CHECK(sorted == expected);
    auto null = db.prepare("SELECT ru_sort_key(NULL) IS NULL");
    REQUIRE(null.step());
    CHECK(null.get_int(0) == 1);
  }

  TEST_CASE("reading commands do not create a database") {
    TempDir tmp;
    const std::string path = (tmp.path / "missing.db").string();
    CHECK_THROWS_WITH(Db::open(path, OpenMode::existing),
                      ("no database at " + path + "; create it with 'omskplan db init'").c_str());
    CHECK_FALSE(fs::exists(path));
  }

  TEST_CASE("a database newer than the binary is refused") {
    TempDir tmp;
    const std::string path = (tmp.path / "new.db").string();
    {
      Db db = Db::open(path, OpenMode::create);
      db.exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(Db::open(path, OpenMode::existing),
                      ("database " + path + " has schema version 99, newer than this omskplan knows (" +
                       std::to_string(schema_version()) + "); upgrade omskplan")
                          .c_str());
  }

  TEST_CASE("a file that is not a database, and a directory, are refused clearly") {
    TempDir tmp;
    const std::string junk = (tmp.path / "junk.db").string();
    std::ofstream(junk) << "this is not a database, just some text that is long enough to have a header........";
    try {
      Db::open(junk, OpenMode::existing);
      FAIL("opened junk");
    } catch (const StorageError& e) {
      CHECK(std::string(e.what()).find("is damaged or not an omskplan database") != std::string::npos);
    }
    CHECK_THROWS_WITH(Db::open(tmp.path.string(), OpenMode::create),
                      ("database " + tmp.path.string() + " is a directory, not a file").c_str());
  }

  TEST_CASE("a write transaction records the command and the audit trail; rollback leaves nothing") {
    Db db = Db::open(":memory:", OpenMode::create, {"ivanov", "omskplan event add", "2024-01-01T00:00:00Z"});
    CHECK_THROWS_AS(audit(db, "event", 1, AuditAction::insert, std::nullopt, "{}"), std::logic_error);
    {
      WriteTransaction tx(db);
      CHECK(db.command_id() == tx.command_id());
      audit(db, "event", 7, AuditAction::insert, std::nullopt, R"({"title": "Концерт"})");
      tx.commit();
    }
    CHECK(db.command_id() == 0);
    CHECK(count(db, "SELECT count(*) FROM command WHERE os_user = 'ivanov' AND argv = 'omskplan event add'") == 1);
    CHECK(count(db, "SELECT count(*) FROM audit WHERE entity = 'event' AND entity_id = 7 AND action = 'insert' AND "
                    "json_extract(after, '$.title') = 'Концерт' AND command_id = 1") == 1);
    {
      WriteTransaction tx(db);
      audit(db, "event", 7, AuditAction::update, "{}", "{}");
      // not committed
    }
    CHECK(count(db, "SELECT count(*) FROM audit") == 1);
    CHECK(count(db, "SELECT count(*) FROM command") == 1);
  }

  TEST_CASE("CHECK constraints guard the enums") {
    Db db = Db::open(":memory:", OpenMode::create);
    WriteTransaction tx(db);
    CHECK_THROWS_AS(db.exec("INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, "
                            "updated_utc) VALUES ('u', 't', 'party', 'municipal', 'a', 'b', 'c', 'd')"),
                    InputError);
  }

  TEST_CASE("the search index folds ё into е") {
    Db db = Db::open(":memory:", OpenMode::create);
    WriteTransaction tx(db);
    db.exec("INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) VALUES "
            "('u1', 'Открытие главной ёлки ОМСКА', 'opening', 'municipal', '2024-12-25T10:00:00Z', "
            "'2024-12-25T12:00:00Z', 'x', 'x')");
    CHECK(count(db, "SELECT count(*) FROM event_fts WHERE event_fts MATCH '\"елки\"'") == 1);
    CHECK(count(db, "SELECT count(*) FROM event_fts WHERE event_fts MATCH '\"омска\"'") == 1);
  }

  TEST_CASE("a bulk command's changes are stored in parts and undone last part first") {
    Db db = Db::open(":memory:", OpenMode::create, {"ivanov", "omskplan event import", "2024-01-01T00:00:00Z"});
    db.set_undo_part_budget(16 << 10);
    const auto insert = [&](int i) {
      WriteTransaction unit(db);
      auto st = db.prepare(
          "INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) VALUES "
          "(?, ?, 'concert', 'municipal', '2024-12-25T10:00:00Z', '2024-12-25T12:00:00Z', 'x', 'x')");
      st.bind_all("u" + std::to_string(i), "Концерт " + std::to_string(i));
      st.run();
      unit.commit();
    };
    {
      WriteTransaction tx(db);
      for (int i = 0; i < 2000; ++i) {
        insert(i);
      }
      // The first event changed again after its own part was stored: undo
      // must revert this change before it can delete the row.
      WriteTransaction unit(db);
      db.exec("UPDATE event SET title = 'Переименован' WHERE uuid = 'u0'");
      unit.commit();
      tx.commit();
    }
    const std::int64_t parts = count(db, "SELECT count(*) FROM command_change WHERE command_id = 1");
    CHECK(parts > 2);
    CHECK(count(db, "SELECT count(DISTINCT part) FROM command_change") == parts);
    CHECK(count(db, "SELECT count(*) FROM event") == 2000);
    const UndoResult r = undo(db, mine("ivanov"));
    CHECK(r.command_id == 1);
    CHECK(r.changes == 2000);  // rows: u0, inserted and changed again in a later part, counts once
    CHECK(count(db, "SELECT count(*) FROM event") == 0);
    CHECK(count(db, "SELECT count(*) FROM event_fts") == 0);
    CHECK_THROWS_AS(undo(db, mine("ivanov")), NotFound);
  }

  TEST_CASE("a part stored inside a rolled-back savepoint goes with it") {
    Db db = Db::open(":memory:", OpenMode::create);
    db.set_undo_part_budget(1);
    {
      WriteTransaction tx(db);
      db.exec("INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) VALUES "
              "('a', 'Первое', 'concert', 'municipal', '2024-12-25T10:00:00Z', '2024-12-25T12:00:00Z', 'x', 'x')");
      {
        WriteTransaction outer_unit(db);
        {
          WriteTransaction inner(db);  // not directly in the outer transaction: no part here
          db.exec("INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) "
                  "VALUES ('b', 'Второе', 'concert', 'municipal', '2024-12-25T10:00:00Z', '2024-12-25T12:00:00Z', "
                  "'x', 'x')");
          inner.commit();
        }
        CHECK(count(db, "SELECT count(*) FROM command_change") == 0);
        // outer_unit is rolled back
      }
      CHECK(count(db, "SELECT count(*) FROM event") == 1);
      tx.commit();
    }
    CHECK(count(db, "SELECT count(*) FROM command_change") == 1);
    CHECK(undo(db, mine()).changes == 1);
    CHECK(count(db, "SELECT count(*) FROM event") == 0);
  }

  TEST_CASE("every foreign key's child column has an index (deleting a parent must not scan)") {
    Db db = Db::open(":memory:", OpenMode::create);
    auto tables = db.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'");
    int checked = 0;
    while (tables.step()) {
      const std::string table = tables.get_text(0);
      auto fks = db.prepare("SELECT \"from\" FROM pragma_foreign_key_list(?)");
      fks.bind(1, table);
      while (fks.step()) {
        const std::string column = fks.get_text(0);
        // Commands are never deleted: their self-references need no index.
        if (table == "command") {
          continue;
        }
        auto idx = db.prepare(
            "SELECT count(*) FROM pragma_index_list(?1) l JOIN pragma_index_info(l.name) i "
            "WHERE i.seqno = 0 AND i.name = ?2");
        idx.bind_all(table, column);
        idx.step();
        auto pk = db.prepare("SELECT count(*) FROM pragma_table_info(?1) WHERE pk = 1 AND name = ?2");
        pk.bind_all(table, column);
        pk.step();
        INFO(table, ".", column);
        CHECK(idx.get_int(0) + pk.get_int(0) > 0);
        ++checked;
      }
    }
    CHECK(checked > 15);
  }

}

}  // namespace OMSKPLAN_TEST_FILE
