#include "store/query.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;

TEST_SUITE("store::query") {
  TEST_CASE("what a user types becomes quoted prefix terms, ё folded: never FTS syntax") {
    CHECK(store::fts_query("Парад Победы") == R"("Парад"* "Победы"*)");
    CHECK(store::fts_query("ёлка") == R"("елка"*)");
    CHECK(store::fts_query("a OR b NEAR(c)") == R"("a"* "OR"* "b"* "NEAR"* "c"*)");
    CHECK(store::fts_query("\"*)(").empty());
  }

  TEST_CASE("conditions are bound values, in order; a limit applies") {
    auto db = testing::memory_db();
    db.exec("CREATE TEMP TABLE t(x INTEGER, s TEXT)");
    db.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'b'), (4, 'x''; DROP TABLE t; --')");
    store::Query q("SELECT x FROM t WHERE 1");
    q.where("s = ?", {"b"});
    q.where("x >= ?", {"2"});
    auto st = q.prepare(db, "x DESC", 1);
    REQUIRE(st.step());
    CHECK(st.get_int(0) == 3);
    CHECK_FALSE(st.step());
    store::Query evil("SELECT count(*) FROM t WHERE 1");
    evil.where("s = ?", {"x'; DROP TABLE t; --"});
    auto st2 = evil.prepare(db, "1", std::nullopt);
    REQUIRE(st2.step());
    CHECK(st2.get_int(0) == 1);  // a value, not SQL: it finds the row that has it
    CHECK(testing::count(db, "SELECT count(*) FROM t") == 4);
  }

  TEST_CASE("a search with nothing to look for is refused") {
    store::Query q("SELECT 1 WHERE 1");
    CHECK_THROWS_AS(q.search("1 IN (SELECT 1)", "«» — ..."), InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
