#include "store/audit.hpp"

#include "store/db.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::store;

TEST_SUITE("store::audit") {
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

}  // namespace OMSKPLAN_TEST_FILE
