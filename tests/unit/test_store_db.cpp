#include "store/db.hpp"

#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/migrations.hpp"
#include "store/undo.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

using namespace omskplan;
using namespace omskplan::store;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("omskplan-store-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

// Undo the last command of the test's user ("unknown": the databases here are opened without a CommandInfo).
UndoOptions mine(std::string user = "unknown") {
  UndoOptions o;
  o.os_user = std::move(user);
  return o;
}

std::int64_t count(Db& db, const char* sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.get_int(0);
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

namespace {

// One command of `user` on the database at `path`: runs `sql` in its own write transaction.
void as(const std::string& path, const std::string& user, const std::string& sql) {
  Db db = Db::open(path, OpenMode::create, {user, "omskplan test: " + sql.substr(0, 40), "2024-01-01T00:00:00Z"});
  WriteTransaction tx(db);
  db.exec(sql);
  tx.commit();
}

UndoResult undo_as(const std::string& path, const std::string& user, UndoOptions o = {}) {
  Db db = Db::open(path, OpenMode::existing, {user, "omskplan undo", "2024-01-01T00:00:00Z"});
  if (o.os_user.empty() && !o.command_id) {
    o.os_user = user;
  }
  return undo(db, o);
}

std::int64_t count_in(const std::string& path, const char* sql) {
  Db db = Db::open(path, OpenMode::existing);
  return count(db, sql);
}

const char* kEvent =
    "INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) VALUES "
    "('{0}', '{0}', 'concert', 'municipal', '2024-12-25T10:00:00Z', '2024-12-25T12:00:00Z', 'x', 'x')";

std::string event_sql(const std::string& uuid) { return fmt::format(fmt::runtime(kEvent), uuid); }

}  // namespace

TEST_SUITE("store::undo") {
  TEST_CASE("a command that changed nothing is undone as itself, never the one before it") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("a"));
    as(path, "ivanov", "UPDATE event SET title = title WHERE 0");  // a replan that changed nothing
    const UndoResult first = undo_as(path, "ivanov");
    CHECK(first.command_id == 2);
    CHECK(first.changes == 0);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 1);  // the event is still there
    const UndoResult second = undo_as(path, "ivanov");
    CHECK(second.command_id == 1);
    CHECK(second.changes == 1);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 0);
  }

  TEST_CASE("undo takes the same user's last command, not whoever wrote last") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("typo"));
    as(path, "cron", event_sql("schedule"));
    const UndoResult r = undo_as(path, "ivanov");
    CHECK(r.command_id == 1);
    CHECK(r.os_user == "ivanov");
    CHECK(count_in(path, "SELECT count(*) FROM event WHERE uuid = 'schedule'") == 1);
    CHECK(count_in(path, "SELECT count(*) FROM event WHERE uuid = 'typo'") == 0);
    CHECK_THROWS_WITH_AS(undo_as(path, "petrov"), "nothing to undo: no command of petrov is left to undo", NotFound);
    // A named command, anyone's.
    UndoOptions o;
    o.command_id = 2;
    CHECK(undo_as(path, "petrov", o).os_user == "cron");
    CHECK_THROWS_AS(undo_as(path, "petrov", o), InputError);  // undone already
  }

  TEST_CASE("a later command on the same rows stops undo, naming it; --force goes through") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("a"));
    as(path, "petrov", "UPDATE event SET title = 'Исправлено' WHERE uuid = 'a'");
    bool named = false;
    try {
      undo_as(path, "ivanov");
    } catch (const InputError& e) {
      const std::string msg = e.what();
      named = msg.find("command 2 of petrov") != std::string::npos && msg.find("--force") != std::string::npos;
    }
    CHECK(named);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 1);
    UndoOptions dry;
    dry.dry_run = true;
    dry.force = true;
    const UndoResult would = undo_as(path, "ivanov", dry);
    REQUIRE(would.rows.size() == 1);
    CHECK(would.rows[0].op == "delete");
    CHECK(would.rows[0].table == "event");
    CHECK(would.overridden == std::vector<std::int64_t>{2});
    CHECK(count_in(path, "SELECT count(*) FROM event") == 1);  // a dry run
    UndoOptions force;
    force.force = true;
    CHECK(undo_as(path, "ivanov", force).changes == 1);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 0);
  }

  TEST_CASE("undo refuses to cascade into rows a later command added") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("a"));
    as(path, "petrov", "INSERT INTO task(event_id, no, title, due) SELECT id, 1, 'Звук', '2024-12-01' FROM event WHERE uuid = 'a'");
    CHECK_THROWS_AS(undo_as(path, "ivanov"), InputError);
    CHECK(count_in(path, "SELECT count(*) FROM task") == 1);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 1);
  }

  TEST_CASE("a dry run lists each row and the columns it would put back") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("a"));
    as(path, "ivanov", "UPDATE event SET title = 'Б', venue = 'Зал' WHERE uuid = 'a'");
    UndoOptions dry;
    dry.dry_run = true;
    const UndoResult r = undo_as(path, "ivanov", dry);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].op == "update");
    CHECK(r.rows[0].key == "1");
    CHECK(r.rows[0].columns == std::vector<std::string>{"title", "venue"});
    CHECK(count_in(path, "SELECT count(*) FROM event WHERE title = 'Б'") == 1);
  }

  TEST_CASE("ids are never used twice, after an undo or a delete") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("a"));
    as(path, "ivanov", event_sql("b"));
    undo_as(path, "ivanov");
    as(path, "ivanov", event_sql("c"));
    CHECK(count_in(path, "SELECT id FROM event WHERE uuid = 'c'") == 3);
    as(path, "ivanov", "DELETE FROM event WHERE uuid = 'c'");
    as(path, "ivanov", event_sql("d"));
    CHECK(count_in(path, "SELECT id FROM event WHERE uuid = 'd'") == 4);
  }

  TEST_CASE("the audit log keeps what an update changed, not the whole record twice") {
    Db db = Db::open(":memory:", OpenMode::create, {"ivanov", "omskplan test", "2024-01-01T00:00:00Z"});
    WriteTransaction tx(db);
    audit(db, "agreement", 7, AuditAction::update,
          R"({"id":7,"title":"A","value":1,"obligations":[{"id":1,"text":"x"},{"id":2,"text":"y"}]})",
          R"({"id":7,"title":"A","value":2,"obligations":[{"id":1,"text":"x"},{"id":2,"text":"y2"},{"id":3,"text":"z"}]})");
    tx.commit();
    auto st = db.prepare("SELECT before, after FROM audit");
    REQUIRE(st.step());
    CHECK(st.get_text(0) == R"({"id":7,"value":1,"obligations":[{"id":2,"text":"y"}]})");
    CHECK(st.get_text(1) == R"({"id":7,"value":2,"obligations":[{"id":2,"text":"y2"},{"id":3,"text":"z"}]})");
  }
}
