#include "event/conflicts.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::event;

namespace {

Event ev(std::int64_t id, const char* start, const char* end, const char* venue, std::vector<Participant> ps = {}) {
  Event e;
  e.id = id;
  e.title = "e" + std::to_string(id);
  e.start = *time::parse_utc(start);
  e.end = *time::parse_utc(end);
  e.venue = venue;
  e.participants = std::move(ps);
  return e;
}

}  // namespace

TEST_SUITE("event::conflicts") {
  const time::Minutes buffer{30};

  TEST_CASE("the same venue overlapping, compared without case") {
    auto a = ev(1, "2024-03-14T04:00:00Z", "2024-03-14T10:00:00Z", "Концертный зал");
    auto b = ev(2, "2024-03-14T09:00:00Z", "2024-03-14T11:00:00Z", "концертный ЗАЛ ");
    auto cs = conflicts_between(b, a, buffer);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].type == Conflict::Type::venue);
    CHECK(cs[0].first_id == 1);
    CHECK(cs[0].gap_minutes == -60);
    auto c = ev(3, "2024-03-14T10:00:00Z", "2024-03-14T11:00:00Z", "Концертный зал");
    CHECK(conflicts_between(a, c, buffer).empty());  // back to back is fine for a hall
  }

  TEST_CASE("a VIP needs the travel buffer between events") {
    const Participant mayor{"Мэр города Омска", "", true};
    auto a = ev(1, "2024-03-14T04:00:00Z", "2024-03-14T10:00:00Z", "A", {mayor});
    auto b = ev(2, "2024-03-14T10:20:00Z", "2024-03-14T11:00:00Z", "B", {{"мэр города омска", "", true}});
    auto cs = conflicts_between(a, b, buffer);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].type == Conflict::Type::vip);
    CHECK(cs[0].gap_minutes == 20);
    auto c = ev(3, "2024-03-14T10:30:00Z", "2024-03-14T11:00:00Z", "C", {mayor});
    CHECK(conflicts_between(a, c, buffer).empty());  // exactly the buffer is enough
    auto d = ev(4, "2024-03-14T05:00:00Z", "2024-03-14T06:00:00Z", "D", {{"Мэр города Омска", "", false}});
    CHECK(conflicts_between(a, d, buffer).empty());  // not a VIP there
    b.status = Status::cancelled;
    CHECK(conflicts_between(a, b, buffer).empty());
  }

  TEST_CASE("at the same venue a VIP may go straight from one event to the next") {
    const Participant mayor{"Мэр города Омска", "", true};
    auto a = ev(1, "2024-03-14T04:00:00Z", "2024-03-14T05:00:00Z", "Соборная площадь", {mayor});
    auto b = ev(2, "2024-03-14T05:00:00Z", "2024-03-14T06:00:00Z", "соборная площадь", {mayor});
    CHECK(conflicts_between(a, b, buffer).empty());
    auto c = ev(3, "2024-03-14T04:30:00Z", "2024-03-14T06:00:00Z", "Соборная площадь", {mayor});
    CHECK(conflicts_between(a, c, buffer).size() == 2);  // overlapping: the square and the Mayor
  }

  TEST_CASE("an umbrella event never conflicts with its own parts; parts conflict with each other") {
    const Participant mayor{"Мэр города Омска", "", true};
    auto day = ev(1, "2023-08-05T04:00:00Z", "2023-08-05T17:00:00Z", "Соборная площадь", {mayor});
    auto concert = ev(2, "2023-08-05T14:00:00Z", "2023-08-05T16:00:00Z", "Соборная площадь", {mayor});
    auto unveil = ev(3, "2023-08-05T06:00:00Z", "2023-08-05T06:40:00Z", "Набережная Иртыша", {mayor});
    auto alley = ev(4, "2023-08-05T06:50:00Z", "2023-08-05T07:20:00Z", "Парк Победы", {mayor});
    concert.part_of = unveil.part_of = alley.part_of = 1;
    CHECK(conflicts_between(day, concert, buffer).empty());
    CHECK(conflicts_between(alley, day, buffer).empty());
    const auto cs = find_conflicts({day, concert, unveil, alley}, buffer);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].first_id == 3);
    CHECK(cs[0].second_id == 4);
    CHECK(cs[0].gap_minutes == 10);
    // Another umbrella's part is no part of this one.
    auto other = ev(5, "2023-08-05T14:00:00Z", "2023-08-05T15:00:00Z", "Соборная площадь", {mayor});
    other.part_of = 9;
    CHECK(conflicts_between(day, other, buffer).size() == 2);
  }

  TEST_CASE("a sweep over many events finds each pair once") {
    const Participant mayor{"Мэр", "", true};
    std::vector<Event> es{ev(1, "2024-03-14T04:00:00Z", "2024-03-14T10:00:00Z", "Зал", {mayor}),
                          ev(2, "2024-03-14T05:00:00Z", "2024-03-14T06:00:00Z", "Зал", {mayor}),
                          ev(3, "2024-03-14T12:00:00Z", "2024-03-14T13:00:00Z", "Зал"),
                          ev(4, "2024-03-15T04:00:00Z", "2024-03-15T05:00:00Z", "Площадь", {mayor})};
    auto cs = find_conflicts(es, buffer);
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].type == Conflict::Type::venue);
    CHECK(cs[1].type == Conflict::Type::vip);
    CHECK(describe(cs[1], testing::omsk()) ==
          "VIP «Мэр»: #1 «e1» 2024-03-14 10:00–16:00 overlaps by 60 min with #2 «e2» 2024-03-14 11:00–12:00");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
