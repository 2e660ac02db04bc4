#include "agreement/repository.hpp"
#include "core/uuid.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::agreement;
using namespace omskplan::agreement::repo;

namespace {

Organization org(const char* name, const char* inn, const time::Context& ctx) {
  Organization o;
  o.uuid = new_uuid();
  o.name = name;
  o.inn = inn;
  o.created = o.updated = ctx.now;
  return o;
}

Agreement make_agreement(std::int64_t org_id, const char* number, Status st, const time::Context& ctx) {
  Agreement a;
  a.uuid = new_uuid();
  a.number = number;
  a.title = "О сотрудничестве";
  a.org_id = org_id;
  a.sphere = "sport";
  a.status = st;
  a.signed_on = time::make_date(2023, 6, 1);
  a.valid_to = time::make_date(2026, 5, 31);
  a.value = 250'000'000;
  a.created = a.updated = ctx.now;
  return a;
}

}  // namespace

TEST_SUITE("agreement::repository") {
  TEST_CASE("organizations by id, INN, uuid and words; agreements by number with their obligations") {
    const testing::Frozen f("2024-11-25 09:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    auto o = org("ООО «Сибирский строитель»", "5504945804", f.ctx);
    insert(db, o);
    auto bank = org("ПАО «Ёлочка-Банк»", "7707083893", f.ctx);
    insert(db, bank);
    CHECK(load_org(db, o.id)->name == o.name);
    CHECK(find_org_by_inn(db, "7707083893")->id == bank.id);
    CHECK(find_org_by_uuid(db, o.uuid) == o.id);
    OrgFilter words;
    words.search = "елочка";
    REQUIRE(list_orgs(db, words).size() == 1);
    CHECK(list_orgs(db, {}).size() == 2);

    auto a = make_agreement(o.id, "12-С/2023", Status::active, f.ctx);
    a.obligations.push_back({1, Party::partner, "Передать инвентарь", time::make_date(2024, 3, 1), 100'000, std::nullopt});
    insert(db, a);
    CHECK(find_by_number(db, "12-С/2023") == a.id);
    CHECK(find_by_uuid(db, a.uuid) == a.id);
    const auto back = load(db, a.id);
    REQUIRE(back);
    CHECK(back->value == 250'000'000);
    CHECK(back->obligations == a.obligations);
    CHECK_FALSE(update(db, *back, *back));
    auto done = *back;
    done.obligations[0].done_on = time::make_date(2024, 2, 20);
    CHECK(update(db, *back, done));
    const auto contributions = fulfilled_by_partner(db, time::make_date(2024, 1, 1), time::make_date(2024, 12, 31));
    REQUIRE(contributions.size() == 1);
    CHECK(contributions[0].value == 100'000);
    tx.commit();
  }

  TEST_CASE("list filters: stored statuses, validity window, organization; open obligations due") {
    const testing::Frozen f("2024-11-25 09:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    auto o = org("ООО «Сибирский строитель»", "5504945804", f.ctx);
    insert(db, o);
    auto a1 = make_agreement(o.id, "1", Status::active, f.ctx);
    a1.obligations.push_back({1, Party::partner, "Отчёт", time::make_date(2024, 12, 1), std::nullopt, std::nullopt});
    insert(db, a1);
    auto a2 = make_agreement(o.id, "2", Status::draft, f.ctx);
    a2.valid_to = time::make_date(2025, 1, 31);
    insert(db, a2);
    Filter active;
    active.stored_statuses = {Status::active};
    REQUIRE(list(db, active, false).size() == 1);
    Filter window;
    window.valid_to_until = time::make_date(2025, 12, 31);
    REQUIRE(list(db, window, false).size() == 1);
    CHECK(list(db, window, false)[0].number == "2");
    const auto due = open_obligations_until(db, time::make_date(2024, 12, 31));
    REQUIRE(due.size() == 1);
    CHECK(due[0].number == "1");
    CHECK(due[0].org_name == "ООО «Сибирский строитель»");
    CHECK(open_obligations_until(db, time::make_date(2024, 11, 30)).empty());
    tx.commit();
  }

  TEST_CASE("awards and badges by year and organization; badge numbers run within a year") {
    const testing::Frozen f("2024-11-25 09:00");
    auto db = testing::memory_db();
    store::WriteTransaction tx(db);
    auto o = org("ООО «Сибирский строитель»", "5504945804", f.ctx);
    insert(db, o);
    CHECK(next_badge_number(db, 2024) == 1);
    Badge b{0, 2024, 1, o.id, time::make_date(2024, 11, 20)};
    insert(db, b);
    CHECK(next_badge_number(db, 2024) == 2);
    CHECK(next_badge_number(db, 2025) == 1);
    Award w{0, 2024, o.id, "Меценат года", time::make_date(2024, 11, 20), ""};
    insert(db, w);
    CHECK(awards(db, 2024, std::nullopt).size() == 1);
    CHECK(awards(db, 2023, std::nullopt).empty());
    CHECK(badges(db, std::nullopt, o.id).size() == 1);
    tx.commit();
  }
}

}  // namespace OMSKPLAN_TEST_FILE
