#include "guest/repository.hpp"

#include "core/error.hpp"
#include "guest_fixture.hpp"
#include "store/undo.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::guest;

TEST_SUITE("guest::repository") {
  TEST_CASE("a guest round-trips; search by words of name, position, organization, city") {
    testing::ProtocolFixture x;
    Guest g;
    g.uuid = "u-1";
    g.name = "Петров Пётр Петрович";
    g.position = "Глава города Новосибирска";
    g.org = "Мэрия города Новосибирска";
    g.city = "Новосибирск";
    g.rank = "intercity-head";
    g.phone = "+7 383 222-22-22";
    g.consent = time::make_date(2023, 7, 1);
    {
      store::WriteTransaction tx(x.db);
      repo::insert(x.db, g);
      tx.commit();
    }
    CHECK(g.id == 1);
    const auto back = repo::load(x.db, g.id);
    REQUIRE(back);
    CHECK(back->name == g.name);
    CHECK(back->consent == g.consent);
    CHECK(repo::find(x.db, key("петров  петр петрович"), key("МЭРИЯ ГОРОДА НОВОСИБИРСКА")) == g.id);
    CHECK_FALSE(repo::find(x.db, key(g.name), key("другая")));
    CHECK(repo::list(x.db, {"новосиб", "глава"}, "", std::nullopt).size() == 1);
    CHECK(repo::list(x.db, {"омск"}, "", std::nullopt).empty());
    CHECK(repo::list(x.db, {}, "intercity-head", std::nullopt).size() == 1);
    CHECK(repo::list(x.db, {}, "mayor", std::nullopt).empty());
  }

  TEST_CASE("invitations are written as changes and audited per event") {
    testing::ProtocolFixture x;
    const auto e = x.event("Открытие аллеи", "2023-08-05 12:00", 1);
    const auto a = x.person("Петров Пётр Петрович", "", "", "other").id;
    const auto b = x.person("Сидоров Иван Ильич", "", "", "other").id;
    Invitation i{e, a, "гости", Status::invited, time::make_date(2023, 7, 20), time::make_date(2023, 7, 20), false, ""};
    Invitation j = i;
    j.guest_id = b;
    {
      store::WriteTransaction tx(x.db);
      repo::write_invitations(x.db, e, {}, {i, j});
      tx.commit();
    }
    CHECK(repo::invitations(x.db, e).size() == 2);
    CHECK(testing::count(x.db, "SELECT count(*) FROM audit WHERE entity = 'guest_list'") == 1);
    Invitation i2 = i;
    i2.status = Status::confirmed;
    {
      store::WriteTransaction tx(x.db);
      repo::write_invitations(x.db, e, {i, j}, {i2});  // b is taken off
      tx.commit();
    }
    const auto now = repo::invitations(x.db, e);
    REQUIRE(now.size() == 1);
    CHECK(now[0].status == Status::confirmed);
    CHECK(repo::invitations_of(x.db, a).size() == 1);
    CHECK(repo::invitations_of(x.db, b).empty());
  }

  TEST_CASE("erase: no trace of the person but the id, in the tables and the history") {
    testing::ProtocolFixture x;
    const auto e = x.event("Открытие аллеи", "2023-08-05 12:00", 1);
    const Guest g = x.person("Петров Пётр Петрович", "Глава", "Мэрия", "other");
    guest::invite(x.s, e, {"1"}, "");
    std::vector<std::int64_t> undone;
    {
      store::WriteTransaction tx(x.db);
      undone = repo::erase(x.db, g, {g.name});
      tx.forget_changes();
      tx.commit();
    }
    CHECK_FALSE(repo::load(x.db, g.id));
    CHECK(repo::invitations(x.db, e).empty());
    CHECK(testing::count(x.db, "SELECT count(*) FROM audit WHERE coalesce(before, '') || coalesce(after, '') "
                               "LIKE '%Петров%'") == 0);
    CHECK(testing::count(x.db, "SELECT count(*) FROM command WHERE argv LIKE '%Петров%'") == 0);
    CHECK_FALSE(undone.empty());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
