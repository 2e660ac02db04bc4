#include "store/maintenance.hpp"

#include "core/error.hpp"
#include "helpers.hpp"
#include "store/db.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::store;
namespace fs = std::filesystem;

namespace {

void add_event(Db& db, const std::string& uuid) {
  WriteTransaction tx(db);
  db.exec("INSERT INTO event(uuid, title, kind, level, start_utc, end_utc, created_utc, updated_utc) VALUES ('" + uuid +
          "', 'Концерт', 'concert', 'municipal', '2024-12-25T10:00:00Z', '2024-12-25T12:00:00Z', 'x', 'x')");
  tx.commit();
}

}  // namespace

TEST_SUITE("store::maintenance") {
  TEST_CASE("a healthy database checks clean; a backup is a consistent 0600 copy that never overwrites") {
    testing::TempDir tmp;
    Db db = Db::open(tmp.file("plan.db"), OpenMode::create);
    add_event(db, "a");
    const auto c = check(db);
    CHECK(c.problems.empty());
    CHECK(c.schema_version == schema_version());
    CHECK(c.pages > 0);
    const std::string bak = tmp.file("plan.bak");
    backup(db, bak);
    CHECK((fs::status(bak).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK_THROWS_AS(backup(db, bak), InputError);
    Db copy = Db::open(bak, OpenMode::existing);
    CHECK(testing::count(copy, "SELECT count(*) FROM event") == 1);
  }

  TEST_CASE("restore keeps the live database aside and puts the backup in its place") {
    testing::TempDir tmp;
    const std::string live = tmp.file("plan.db");
    const std::string bak = tmp.file("plan.bak");
    {
      Db db = Db::open(live, OpenMode::create);
      add_event(db, "a");
      backup(db, bak);
      add_event(db, "b");  // after the backup
    }
    const std::string kept = restore(bak, live);
    REQUIRE_FALSE(kept.empty());
    {
      Db db = Db::open(live, OpenMode::existing);
      CHECK(testing::count(db, "SELECT count(*) FROM event") == 1);
      Db old = Db::open(kept, OpenMode::existing);
      CHECK(testing::count(old, "SELECT count(*) FROM event") == 2);  // nothing lost
    }
    std::ofstream(tmp.file("junk.bak")) << "not a database at all, but long enough to have a header ..........";
    CHECK_THROWS(restore(tmp.file("junk.bak"), live));
    Db db = Db::open(live, OpenMode::existing);
    CHECK(testing::count(db, "SELECT count(*) FROM event") == 1);  // refused before touching anything
  }

  TEST_CASE("sharing with a group that does not exist is refused before anything is made") {
    CHECK_THROWS_AS(check_group("no-such-group-omskplan"), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
