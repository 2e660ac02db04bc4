#include "inspection/model.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::inspection;

TEST_SUITE("inspection::model") {
  TEST_CASE("enum names round-trip; unknown ones are refused") {
    for (auto w : {Work::construction, Work::reconstruction, Work::capital_repair}) {
      CHECK(parse_work(to_string(w)) == w);
    }
    CHECK(to_string(Work::capital_repair) == "capital-repair");
    for (auto k : {AgencyKind::regional, AgencyKind::oversight, AgencyKind::municipal, AgencyKind::federal,
                   AgencyKind::other}) {
      CHECK(parse_agency_kind(to_string(k)) == k);
    }
    for (auto v : {VisitStatus::planned, VisitStatus::held, VisitStatus::cancelled}) {
      CHECK(parse_visit_status(to_string(v)) == v);
    }
    for (auto s : {Severity::critical, Severity::major, Severity::minor}) {
      CHECK(parse_severity(to_string(s)) == s);
    }
    CHECK_THROWS_AS(parse_work("demolition"), InputError);
    CHECK_THROWS_AS(parse_severity("fatal"), InputError);
  }

  TEST_CASE("a finding moves open → in-progress → resolved → verified; a resolved one may be reopened") {
    CHECK(transition_allowed(FindingStatus::open, FindingStatus::in_progress));
    CHECK(transition_allowed(FindingStatus::open, FindingStatus::resolved));
    CHECK(transition_allowed(FindingStatus::in_progress, FindingStatus::resolved));
    CHECK(transition_allowed(FindingStatus::resolved, FindingStatus::verified));
    CHECK(transition_allowed(FindingStatus::resolved, FindingStatus::in_progress));
    CHECK_FALSE(transition_allowed(FindingStatus::verified, FindingStatus::in_progress));
    CHECK_FALSE(transition_allowed(FindingStatus::open, FindingStatus::verified));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
