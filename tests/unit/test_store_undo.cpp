#include "store/undo.hpp"

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
}

}  // namespace OMSKPLAN_TEST_FILE
