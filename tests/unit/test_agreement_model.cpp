#include "agreement/model.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::agreement;
using time::make_date;

TEST_SUITE("agreement::model") {
  TEST_CASE("enum names round-trip; unknown ones are refused naming the choices") {
    for (auto k : {OrgKind::company, OrgKind::entrepreneur, OrgKind::ngo, OrgKind::other}) {
      CHECK(parse_org_kind(to_string(k)) == k);
    }
    for (auto s : {Status::draft, Status::signed_, Status::active, Status::fulfilled, Status::terminated,
                   Status::expired}) {
      CHECK(parse_status(to_string(s)) == s);
    }
    CHECK(parse_party(to_string(Party::partner)) == Party::partner);
    CHECK_THROWS_AS(parse_org_kind("corporation"), InputError);
    CHECK_THROWS_AS(parse_status("closed"), InputError);
  }

  TEST_CASE("the lifecycle: drafts are signed, signed ones become active, active ones end") {
    CHECK(transition_allowed(Status::draft, Status::signed_));
    CHECK(transition_allowed(Status::signed_, Status::active));
    CHECK(transition_allowed(Status::active, Status::terminated));
    CHECK(transition_allowed(Status::active, Status::fulfilled));
    CHECK(transition_allowed(Status::expired, Status::active));  // renewed
    CHECK_FALSE(transition_allowed(Status::terminated, Status::active));
    CHECK_FALSE(transition_allowed(Status::fulfilled, Status::draft));
    CHECK_FALSE(transition_allowed(Status::draft, Status::active));
  }

  TEST_CASE("the status today and the status a register shows as of a day") {
    Agreement a;
    a.status = Status::active;
    a.signed_on = make_date(2023, 6, 1);
    a.valid_to = make_date(2026, 5, 31);
    CHECK(effective_status(a, make_date(2026, 5, 31)) == Status::active);
    CHECK(effective_status(a, make_date(2026, 6, 1)) == Status::expired);
    CHECK(status_on(a, make_date(2026, 6, 1)) == Status::expired);
    a.status = Status::draft;
    CHECK(effective_status(a, make_date(2030, 1, 1)) == Status::draft);  // a draft never expires

    a.status = Status::terminated;
    a.terminated_on = make_date(2025, 1, 15);
    // The lifecycle counts the decision: terminated is terminated.
    CHECK(effective_status(a, make_date(2024, 12, 1)) == Status::terminated);
    // A register as of a day before the termination shows it in force.
    CHECK(status_on(a, make_date(2024, 12, 1)) == Status::active);
    CHECK(status_on(a, make_date(2025, 1, 15)) == Status::terminated);
    a.valid_to = make_date(2024, 6, 30);
    CHECK(status_on(a, make_date(2024, 12, 1)) == Status::expired);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
