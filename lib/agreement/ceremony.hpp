// The yearly award ceremony: an event from the patron-ceremony template with
// the year's "Меценат года" holders and "Меценат" badge holders invited.
#pragma once

#include "agreement/service.hpp"
#include "event/planner.hpp"
#include "event/template.hpp"
#include "guest/precedence.hpp"

namespace omskplan::agreement {

// One transaction: refuses a year with no awards or badges, or whose ceremony exists already.
// The awardees are the ceremony's guests (group «награждаемые», rank "business"): each
// organization's contact person, or the organization by name when it names none; the
// award in the invitation's note. `precedence` orders them on the guest list.
struct CeremonyResult {
  event::WriteResult written;
  std::vector<std::string> invited;         // the awardees' guests, by name
  std::vector<std::string> no_contact;      // organizations with no contact person
};
CeremonyResult create_ceremony(Services& s, event::Services& es, const guest::Precedence& precedence,
                               const event::EventTemplate& tmpl, int year, time::Date date,
                               std::optional<time::Minutes> start, event::ConflictPolicy policy);

}  // namespace omskplan::agreement
