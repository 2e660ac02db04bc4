#include "store/undo.hpp"

#include "store/audit.hpp"

#include "core/error.hpp"
#include "helpers.hpp"
#include "store/db.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::store;
using testing::count;
using testing::TempDir;

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

// One command of `user` creating events whole (NewRecord), each with `tasks` tasks.
void create_whole(const std::string& path, const std::string& user, const std::vector<std::string>& uuids, int tasks) {
  Db db = Db::open(path, OpenMode::create, {user, "omskplan event import", "2024-01-01T00:00:00Z"});
  WriteTransaction tx(db);
  for (const auto& u : uuids) {
    NewRecord rec(db, "event");
    db.exec(event_sql(u));
    const std::int64_t id = db.last_insert_id();
    for (int i = 1; i <= tasks; ++i) {
      db.exec(fmt::format("INSERT INTO task(event_id, no, title, due) VALUES ({}, {}, 'Звук', '2024-12-01')", id, i));
    }
    rec.created(id);
  }
  tx.commit();
}

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

  TEST_CASE("records created whole: kept as a range of ids, undone with their children, named by history") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    as(path, "ivanov", event_sql("before"));
    create_whole(path, "ivanov", {"a", "b", "c"}, 4);
    CHECK(count_in(path, "SELECT count(*) FROM task") == 12);
    // No undo changes and no audit snapshot for them: one range.
    CHECK(count_in(path, "SELECT count(*) FROM command_change WHERE command_id = 2") == 0);
    CHECK(count_in(path, "SELECT count(*) FROM audit WHERE command_id = 2") == 0);
    CHECK(count_in(path, "SELECT count(*) FROM command_insert WHERE command_id = 2 AND entity = 'event' "
                         "AND first_id = 2 AND last_id = 4") == 1);
    // Indexed for search at commit.
    CHECK(count_in(path, "SELECT count(*) FROM event_fts WHERE event_fts MATCH 'b'") == 1);
    CHECK(count_in(path, "SELECT count(*) FROM fts_deferred") == 0);
    {
      Db db = Db::open(path, OpenMode::existing);
      const auto h = history(db, std::string("event"), std::int64_t{3}, 10);
      REQUIRE(h.size() == 1);
      CHECK(h[0].command_id == 2);
      CHECK(h[0].action == "insert");
      CHECK(h[0].entity_id == 3);
      CHECK(history(db, std::nullopt, std::nullopt, 2).size() == 2);
      CHECK(history(db, std::nullopt, std::nullopt, 2)[0].entity_id == 4);  // newest first
      const auto cmds = commands(db, std::nullopt, 10);
      REQUIRE(cmds.size() == 2);
      CHECK(cmds[0].rows == 3);
    }
    UndoOptions dry;
    dry.dry_run = true;
    const UndoResult would = undo_as(path, "ivanov", dry);
    CHECK(would.changes == 15);  // 3 events, 12 tasks
    CHECK(would.rows.size() == 15);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 4);
    const UndoResult r = undo_as(path, "ivanov");
    CHECK(r.command_id == 2);
    CHECK(r.changes == 15);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 1);
    CHECK(count_in(path, "SELECT count(*) FROM task") == 0);
    CHECK(count_in(path, "SELECT count(*) FROM event_fts WHERE event_fts MATCH 'b'") == 0);
  }

  TEST_CASE("records created whole: a later command's change to a child or a new child stops undo") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    create_whole(path, "ivanov", {"a", "b"}, 2);
    as(path, "petrov", "UPDATE task SET status = 'done' WHERE event_id = 2 AND no = 2");
    bool named = false;
    try {
      undo_as(path, "ivanov");
    } catch (const InputError& e) {
      named = std::string(e.what()).find("command 2 of petrov") != std::string::npos;
    }
    CHECK(named);
    CHECK(count_in(path, "SELECT count(*) FROM task") == 4);
    UndoOptions petrov;
    petrov.command_id = 2;
    undo_as(path, "petrov", petrov);
    as(path, "sidorov", "INSERT INTO task(event_id, no, title, due) VALUES (1, 3, 'Свет', '2024-12-01')");
    CHECK_THROWS_AS(undo_as(path, "ivanov"), InputError);
    CHECK(count_in(path, "SELECT count(*) FROM task") == 5);
    UndoOptions force;
    force.force = true;
    undo_as(path, "ivanov", force);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 0);
    CHECK(count_in(path, "SELECT count(*) FROM task") == 0);
  }

  TEST_CASE("records created whole: a rolled-back savepoint forgets them; a search inside the command finds them") {
    TempDir tmp;
    const std::string path = (tmp.path / "plan.db").string();
    {
      Db db = Db::open(path, OpenMode::create, {"ivanov", "omskplan event import", "2024-01-01T00:00:00Z"});
      WriteTransaction tx(db);
      auto create = [&](const std::string& uuid) {
        NewRecord rec(db, "event");
        db.exec(event_sql(uuid));
        rec.created(db.last_insert_id());
      };
      create("first");
      {
        WriteTransaction inner(db);
        create("second");
      }  // rolled back
      create("third");
      db.index_deferred();  // as a search inside the command does (store::Query)
      CHECK(count(db, "SELECT count(*) FROM event_fts WHERE event_fts MATCH 'third'") == 1);
      // Changed again by the same command: indexed once, with its new title.
      db.exec("UPDATE event SET title = 'fourth' WHERE uuid = 'first'");
      create("fifth");
      tx.commit();
    }
    CHECK(count_in(path, "SELECT count(*) FROM event") == 3);
    CHECK(count_in(path, "SELECT count(*) FROM event_fts") == 3);
    CHECK(count_in(path, "SELECT count(*) FROM event_fts WHERE event_fts MATCH 'fourth OR fifth OR third'") == 3);
    // The id of the one rolled back is given again (the savepoint took the
    // counter back too): one range, 1 … 3.
    CHECK(count_in(path, "SELECT count(*) FROM command_insert") == 1);
    CHECK(count_in(path, "SELECT count(*) FROM command_insert WHERE first_id = 1 AND last_id = 3") == 1);
    const UndoResult r = undo_as(path, "ivanov");
    CHECK(r.changes == 3);
    CHECK(count_in(path, "SELECT count(*) FROM event") == 0);
    CHECK(count_in(path, "SELECT count(*) FROM event_fts") == 0);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
