// A database with events and the shipped order of precedence, for the guest tests.
#pragma once

#include "guest/service.hpp"
#include "helpers.hpp"

namespace omskplan::testing {

struct ProtocolFixture {
  Frozen f{"2023-07-20 10:00"};
  store::Db db = memory_db();
  event::Services es{db, f.ctx, time::Minutes{30}};
  guest::Services s{es, guest::builtin_precedence()};

  std::int64_t event(const char* title, const char* start, int hours, std::optional<std::int64_t> part_of = {}) {
    event::Event e;
    e.title = title;
    e.kind = event::Kind::ceremony;
    e.start = time::parse_datetime(start, f.ctx).instant;
    e.end = e.start + std::chrono::hours{hours};
    e.part_of = part_of;
    return event::create(es, e, event::ConflictPolicy::warn).event.id;
  }
  guest::Guest person(const char* name, const char* position, const char* org, const char* rank) {
    guest::GuestInput in;
    in.name = name;
    in.position = position;
    in.org = org;
    in.rank = rank;
    return guest::add(s, in);
  }
};

}  // namespace omskplan::testing
