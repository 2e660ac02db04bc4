#include "report/queries.hpp"

#include "agreement/service.hpp"
#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace omskplan;
using namespace omskplan::report;

namespace {

event::Event concert(const time::Context& ctx, const char* title, const char* start, event::Status st) {
  event::Event e;
  e.title = title;
  e.kind = event::Kind::concert;
  e.start = time::parse_datetime(start, ctx).instant;
  e.end = e.start + std::chrono::hours{2};
  e.status = st;
  return e;
}

}  // namespace

TEST_SUITE("report::queries") {
  TEST_CASE("every query has its columns; an unknown one is refused") {
    for (const auto& q : query_names()) {
      CAPTURE(q);
      CHECK_FALSE(query_columns(q).empty());
    }
    CHECK_THROWS_AS(query_columns("nothing"), InputError);
  }

  TEST_CASE("the events of a period, without cancelled ones, with their figures") {
    const testing::Frozen f("2023-07-01 10:00");
    auto db = testing::memory_db();
    event::Services es{db, f.ctx};
    event::create(es, concert(f.ctx, "Концерт", "2023-08-05 18:00", event::Status::planned), event::ConflictPolicy::warn);
    event::create(es, concert(f.ctx, "Отменён", "2023-08-06 18:00", event::Status::cancelled), event::ConflictPolicy::warn);
    event::create(es, concert(f.ctx, "Сентябрь", "2023-09-01 18:00", event::Status::planned), event::ConflictPolicy::warn);
    QueryContext q{db, f.ctx, {time::make_date(2023, 8, 1), time::make_date(2023, 8, 31)}, f.ctx.today(), 2023};
    std::map<std::string, std::string> stats;
    const auto r = run_query("events", q, stats);
    REQUIRE(r.table.rows.size() == 1);
    CHECK(stats.at("events_count") == "1");
  }

  TEST_CASE("the agreements register: the status as of its day, sums in roubles, checked") {
    const testing::Frozen f("2025-02-01 10:00");
    auto db = testing::memory_db();
    agreement::Settings settings;
    agreement::Services s{db, f.ctx, settings};
    agreement::OrgInput oi;
    oi.name = "ООО «Сибирский строитель»";
    oi.inn = "5504945804";
    const auto o = agreement::add_org(s, oi);
    agreement::AgreementInput in;
    in.org = std::to_string(o.id);
    in.title = "О спорте";
    in.number = "1";
    in.sphere = "sport";
    in.signed_on = "2023-06-01";
    in.status = "active";
    in.value = "10 000 000 000 000";  // 10^13 roubles, the most one amount may be
    const auto a = agreement::add(s, in);
    agreement::terminate(s, a.id, "2025-01-15", "По соглашению сторон");
    std::map<std::string, std::string> stats;
    QueryContext before{db, f.ctx, {time::make_date(2024, 1, 1), time::make_date(2024, 12, 31)},
                        time::make_date(2024, 12, 31), 2024};
    const auto r = run_query("agreements", before, stats);
    REQUIRE(r.table.rows.size() == 1);
    CHECK(r.table.rows[0][6] == "действует");  // terminated only after that day
    QueryContext after = before;
    after.as_of = time::make_date(2025, 1, 31);
    CHECK(run_query("agreements", after, stats).table.rows[0][6] == "расторгнуто");

    for (int i = 2; i <= 100; ++i) {
      in.number = std::to_string(i);
      agreement::add(s, in);
    }
    const auto all = run_query("agreements", after, stats);
    REQUIRE(all.table.totals);
    CHECK((*all.table.totals)[7] == money::format_roubles(100 * 1'000'000'000'000'000));  // 10^15 roubles
  }
}
