#include "guest/service.hpp"

#include "core/error.hpp"
#include "guest_fixture.hpp"
#include "store/undo.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::guest;

namespace {

std::vector<std::string> names(const GuestList& gl) {
  std::vector<std::string> out;
  for (const auto& r : gl.rows) {
    out.push_back(r.guest.name);
  }
  return out;
}

}  // namespace

TEST_SUITE("guest::service") {
  TEST_CASE("people: add checks and dedupes; resolve by id or words; edit; ensure") {
    testing::ProtocolFixture x;
    GuestInput in;
    in.name = "  Петров Пётр Петрович ";
    in.org = "Мэрия города Новосибирска";
    in.rank = "Главы других городов";
    in.consent = "2023-07-01";
    const Guest g = add(x.s, in);
    CHECK(g.name == "Петров Пётр Петрович");
    CHECK(g.rank == "intercity-head");
    CHECK(g.consent == time::make_date(2023, 7, 1));
    in.name = "ПЕТРОВ Петр Петрович";
    CHECK_THROWS_WITH(add(x.s, in), doctest::Contains("is on the register already"));
    in.org = "Другая организация";
    CHECK(add(x.s, in).id == 2);  // a namesake elsewhere is another person
    CHECK_THROWS_WITH(resolve(x.s, "петров"), doctest::Contains("names more than one guest"));
    CHECK(resolve(x.s, "#1").id == 1);
    CHECK(resolve(x.s, "петров новосибирска").id == 1);
    CHECK_THROWS_AS(resolve(x.s, "#9"), NotFound);
    CHECK_THROWS_AS(resolve(x.s, "иванов"), NotFound);

    GuestInput bad;
    bad.name = "Иванов";
    bad.email = "not an address";
    CHECK_THROWS_WITH(add(x.s, bad), "--email 'not an address' is not an e-mail address");
    bad.email = "";
    bad.phone = "12";
    CHECK_THROWS_AS(add(x.s, bad), InputError);
    bad.phone = "";
    bad.consent = "2023-08-01";  // after "today"
    CHECK_THROWS_WITH(add(x.s, bad), doctest::Contains("in the future"));
    bad.consent = "";
    bad.rank = "kingg";
    CHECK_THROWS_AS(add(x.s, bad), InputError);
    CHECK(list(x.s, "", "", std::nullopt).size() == 2);  // nothing of the refused ones written

    GuestChanges c;
    c.position = "Глава города Новосибирска";
    c.consent = "none";
    const Guest e = edit(x.s, "1", c);
    CHECK(e.position == "Глава города Новосибирска");
    CHECK_FALSE(e.consent);
    GuestInput again;
    again.name = "петров пётр петрович";
    again.org = "Мэрия города Новосибирска";
    CHECK(ensure(x.s, again).id == 1);
  }

  TEST_CASE("import: CSV or JSON, the same person updated, a row twice refused, all or nothing") {
    testing::ProtocolFixture x;
    x.person("Петров Пётр Петрович", "", "Мэрия города Новосибирска", "other");
    const std::string csv =
        "name,position,org,city,rank,phone\n"
        "Петров Пётр Петрович,Глава города Новосибирска,Мэрия города Новосибирска,Новосибирск,intercity-head,\n"
        "Кляйн Иван Иванович,Мэр города Томска,Администрация Города Томска,Томск,intercity-head,+7 3822 000000\n";
    const auto r = import_guests(x.s, csv, "g.csv", false);
    CHECK(r.created == 1);
    CHECK(r.updated == 1);
    CHECK(resolve(x.s, "1").rank == "intercity-head");
    CHECK(import_guests(x.s, csv, "g.csv", false).unchanged == 2);
    CHECK_THROWS_WITH(import_guests(x.s, "name,age\nА,1\n", "g.csv", false), doctest::Contains("g.csv:1: unknown column 'age'"));
    CHECK_THROWS_WITH(import_guests(x.s, "name,org\nНовый Гость,А\nновый гость,а\n", "g.csv", false),
                      doctest::Contains("g.csv:3:"));
    CHECK(list(x.s, "новый", "", std::nullopt).empty());  // nothing of a refused file
    const auto j = import_guests(x.s, R"([{"name": "Ерлан Абилович", "org": "Акимат города Павлодара", "country": "Казахстан",
                                          "rank": "foreign-delegation"}])",
                                 "g.json", true);
    CHECK(j.created == 1);
    CHECK_THROWS_WITH(import_guests(x.s, R"([{"name": "А", "age": 1}])", "g.json", true), doctest::Contains("g.json: record 1:"));
  }

  TEST_CASE("guest lists: invite, statuses with their rules, precedence, counts, the template's participants") {
    testing::ProtocolFixture x;
    const auto e = x.event("Открытие аллеи", "2023-08-05 12:00", 1);
    x.person("Петров Пётр Петрович", "Глава города Новосибирска", "Мэрия", "intercity-head");
    x.person("Шелест Сергей Николаевич", "Мэр города Омска", "Администрация города Омска", "mayor");
    x.person("Хоценко Виталий Павлович", "Губернатор Омской области", "Правительство", "governor");
    const auto r = invite(x.s, e, {"1", "2", "хоценко"}, "почётные гости");
    CHECK(r.invited.size() == 3);
    CHECK(invite(x.s, e, {"1"}, "").already.size() == 1);
    auto gl = guest_list(x.s, e, Order::precedence);
    CHECK(names(gl) == std::vector<std::string>{"Хоценко Виталий Павлович", "Шелест Сергей Николаевич", "Петров Пётр Петрович"});
    CHECK(gl.rows[1].host);
    CHECK(gl.counts[static_cast<std::size_t>(Status::invited)] == 3);
    set_status(x.s, e, {"1", "2"}, "confirmed");
    set_status(x.s, e, {"3"}, "declined");
    CHECK_THROWS_WITH(set_status(x.s, e, {"1"}, "attended"), doctest::Contains("has not begun yet"));
    CHECK_THROWS_WITH(set_status(x.s, e, {"1"}, "invited"), doctest::Contains("cannot become"));
    gl = guest_list(x.s, e, Order::name);
    CHECK(names(gl).front() == "Петров Пётр Петрович");
    CHECK(gl.rows.front().no == 3);  // the number follows precedence in any order
    gl = guest_list(x.s, e, Order::precedence, {Status::confirmed});
    CHECK(gl.rows.size() == 2);
    CHECK(gl.counts[static_cast<std::size_t>(Status::declined)] == 1);
    x.f.ctx.now = time::parse_datetime("2023-08-05 13:30", x.f.ctx).instant;
    set_status(x.s, e, {"1"}, "attended");
    CHECK_THROWS_AS(set_status(x.s, e, {"#9"}, "attended"), NotFound);
    uninvite(x.s, e, {"3"});
    CHECK(guest_list(x.s, e, Order::precedence).rows.size() == 2);
    CHECK_THROWS_AS(uninvite(x.s, e, {"3"}), NotFound);
    CHECK_THROWS_AS(parse_order("age"), InputError);
  }

  TEST_CASE("seating and the speakers' order written into the run of show") {
    testing::ProtocolFixture x;
    const auto e = x.event("Открытие памятника", "2023-08-05 12:00", 2);
    x.person("Петров Пётр Петрович", "Глава города Новосибирска", "Мэрия", "intercity-head");
    x.person("Шелест Сергей Николаевич", "Мэр города Омска", "Администрация", "mayor");
    x.person("Хоценко Виталий Павлович", "Губернатор Омской области", "Правительство", "governor");
    x.person("Отказов Олег", "", "", "other");
    invite(x.s, e, {"1", "2", "3", "4"}, "");
    set_status(x.s, e, {"4"}, "declined");
    const auto v = seating(x.s, e, "presidium:1x3,hall:2x2");
    CHECK(v.list.rows.size() == 3);  // the declined one has no seat
    CHECK(v.list.rows[*v.plan.seats[1].who].guest.name == "Шелест Сергей Николаевич");  // the host, centre
    CHECK(v.list.rows[*v.plan.seats[0].who].guest.name == "Хоценко Виталий Павлович");  // to the host's right
    CHECK_THROWS_AS(seating(x.s, e, "presidium"), InputError);

    CHECK_THROWS_WITH(write_speakers(x.s, e, "12:05", 5), doctest::Contains("is given the floor"));
    InvitationChanges c;
    c.speaks = true;
    edit_invitations(x.s, e, {"1", "2", "3"}, c);
    CHECK(speakers(x.s, e).size() == 3);
    const auto w = write_speakers(x.s, e, "12:05", 5);
    REQUIRE(w.added.size() == 3);
    CHECK(w.added[0].title == "Выступление: В.\u00a0П.\u00a0Хоценко, Губернатор Омской области");
    CHECK(w.added[1].at == w.added[0].at + time::Minutes{5});
    CHECK(write_speakers(x.s, e, "12:05", 5).kept == 3);  // written once
    CHECK(event::load_event(x.es, e).program.size() == 3);
    CHECK_THROWS_AS(write_speakers(x.s, e, "12:05", 0), InputError);
  }

  TEST_CASE("delegations: invited to their programme, timing conflicts, edits, removal") {
    testing::ProtocolFixture x;
    const auto day = x.event("День города", "2023-08-05 10:00", 13);
    const auto flag = x.event("Поднятие флага", "2023-08-05 10:00", 1, day);
    const auto forum = x.event("Форум", "2023-08-05 10:30", 2);
    x.person("Петров Пётр Петрович", "Глава города Новосибирска", "Мэрия", "intercity-head");
    x.person("Сидоров Иван Ильич", "Заместитель", "Мэрия", "delegation-member");
    DelegationInput in;
    in.from = "г. Новосибирск";
    in.head = "петров";
    in.members = {"сидоров", "петров"};  // the head is not a member too
    in.events = {day, flag};
    in.arrive = "2023-08-04 15:40";
    in.arrive_by = "поезд № 12";
    in.depart = "2023-08-06 10:00";
    in.hotel = "Ибис Сибирь";
    const auto r = add_delegation(x.s, in);
    CHECK(r.delegation.members == std::vector<std::int64_t>{2});
    CHECK(r.conflicts.empty());  // a part within its umbrella is no clash
    CHECK(guest_list(x.s, flag, Order::precedence).rows.size() == 2);
    CHECK(guest_list(x.s, flag, Order::precedence).rows[0].invitation.group == "делегация: г. Новосибирск");

    DelegationChanges c;
    c.add_events = {forum};
    c.arrive = "2023-08-05 10:15";
    const auto e = edit_delegation(x.s, r.delegation.id, c);
    // Late for the first event; the flag and the forum at once (the umbrella day clashes with nothing).
    REQUIRE(e.conflicts.size() == 2);
    CHECK(e.conflicts[0].find("after event") != std::string::npos);
    CHECK(delegations(x.s, forum).size() == 1);
    CHECK(delegation(x.s, r.delegation.id).programme.size() == 3);

    DelegationInput bad = in;
    bad.depart = "2023-08-03 10:00";
    CHECK_THROWS_WITH(add_delegation(x.s, bad), "--depart is not after --arrive");
    bad = in;
    bad.arrive = "2023-08-04";
    CHECK_THROWS_AS(add_delegation(x.s, bad), InputError);
    bad = in;
    bad.events = {99};
    CHECK_THROWS_AS(add_delegation(x.s, bad), NotFound);
    bad = in;
    bad.head = "";
    bad.members = {};
    CHECK_THROWS_AS(add_delegation(x.s, bad), InputError);
    CHECK(delegations(x.s, std::nullopt).size() == 1);  // nothing of the refused ones

    remove_delegation(x.s, r.delegation.id);
    CHECK(delegations(x.s, std::nullopt).empty());
    CHECK_THROWS_AS(remove_delegation(x.s, r.delegation.id), NotFound);
  }

  TEST_CASE("forget: the person is gone, the undo of what wrote them too; the rest of the list stays") {
    testing::ProtocolFixture x;
    const auto e = x.event("Открытие аллеи", "2023-08-05 12:00", 1);
    x.person("Петров Пётр Петрович", "", "", "other");
    x.person("Сидоров Иван Ильич", "", "", "other");
    invite(x.s, e, {"1", "2"}, "");
    DelegationInput in;
    in.from = "г. Новосибирск";
    in.head = "1";
    in.members = {"2"};
    add_delegation(x.s, in);
    const auto r = forget(x.s, "петров");
    CHECK(r.invitations == 1);
    CHECK(r.delegations == 1);
    CHECK(list(x.s, "", "", std::nullopt).size() == 1);
    CHECK(guest_list(x.s, e, Order::precedence).rows.size() == 1);
    CHECK_FALSE(delegation(x.s, 1).delegation.head);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
