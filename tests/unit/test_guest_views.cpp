#include "guest/views.hpp"

#include "guest_fixture.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::guest;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

struct Listed : testing::ProtocolFixture {
  std::int64_t e = event("Открытие памятника", "2023-08-05 12:00", 2);
  Listed() {
    person("Петров Пётр Петрович", "Глава города Новосибирска", "Мэрия города Новосибирска", "intercity-head");
    person("Шелест Сергей Николаевич", "Мэр города Омска", "Администрация", "mayor");
    person("Хоценко Виталий Павлович", "Губернатор Омской области", "Правительство", "governor");
    person("Smith & <Jones>", "", "", "other");
    invite(s, e, {"1", "2", "3", "4"}, "гости");
    set_status(s, e, {"1"}, "confirmed");
  }
};

}  // namespace

TEST_SUITE("guest::views") {
  TEST_CASE("the guest list: a table numbered by precedence, the badges CSV, JSON, counts") {
    Listed x;
    const auto gl = guest_list(x.s, x.e, Order::precedence);
    const auto t = guest_list_table(gl);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0][2] == "Хоценко Виталий Павлович");
    CHECK(t.rows[1][2] == "Шелест Сергей Николаевич *");  // the host marked
    const std::string csv = render::to_csv(badges_table(gl, x.s.precedence));
    CHECK(has(csv, "no,id,name,short_name,initials_first,position,org,city,country,rank,rank_name,group,status,speaks,note"));
    CHECK(has(csv, "Петров П.\u00a0П.,П.\u00a0П.\u00a0Петров,Глава города Новосибирска"));
    const auto j = guest_list_json(gl, x.s.precedence);
    CHECK(j["counts"]["invited"] == 3);
    CHECK(j["counts"]["confirmed"] == 1);
    CHECK(j["guests"][0]["guest"]["rank"] == "governor");
    CHECK(has(status_counts(gl), "4"));
  }

  TEST_CASE("place cards and the seating plan are HTML with the data escaped") {
    Listed x;
    const auto gl = guest_list(x.s, x.e, Order::precedence);
    const std::string cards = place_cards_html(gl);
    CHECK(has(cards, "<!DOCTYPE html>"));
    CHECK(has(cards, "@page { size: A4"));
    CHECK(has(cards, "Хоценко В.\u00a0П."));
    CHECK(has(cards, "Smith &amp;."));
    CHECK_FALSE(has(cards, "<J"));
    const auto v = seating(x.s, x.e, "presidium:1x3,hall:2x4");
    const std::string html = seating_html(v, x.f.ctx.zone[0]);
    CHECK(has(html, "<svg"));
    CHECK(has(html, "A4 landscape"));
    CHECK(has(html, ">Шелест</text>"));
    CHECK_FALSE(has(html, "<Jones>"));
    const auto t = seating_table(v);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[1][5] == "2");  // the host: the presidium's seat 2 of 3
    const auto j = seating_json(v);
    CHECK(j["seats"].size() == 4);
    CHECK(j["unseated"].empty());
  }

  TEST_CASE("guests, delegations: tables, cards, JSON") {
    Listed x;
    const auto all = list(x.s, "", "", std::nullopt);
    CHECK(guests_table(all, x.s.precedence).rows.size() == 4);
    CHECK(guest_json(resolve(x.s, "1"), x.s.precedence)["rank_name"] == "Главы других городов");
    DelegationInput in;
    in.from = "г. Новосибирск";
    in.head = "1";
    in.events = {x.e};
    in.arrive = "2023-08-05 12:30";
    in.hotel = "Ибис Сибирь";
    add_delegation(x.s, in);
    const auto ds = delegations(x.s, std::nullopt);
    const auto t = delegations_table(ds, x.f.ctx.zone[0]);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][1] == "г. Новосибирск");
    CHECK(t.rows[0][3] == "1");
    CHECK(t.tones[0] == render::Tone::warn);  // it arrives late
    const std::string card = delegation_card(ds[0], x.f.ctx.zone[0]);
    CHECK(has(card, "Ибис Сибирь"));
    CHECK(has(card, "Открытие памятника"));
    CHECK(delegation_json(ds[0], x.f.ctx.zone[0])["arrive"] == "2023-08-05 12:30");
    CHECK(ranks_table(x.s.precedence).rows.size() == x.s.precedence.ranks.size());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
