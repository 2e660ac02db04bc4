// The yearly award ceremony: an event from the patron-ceremony template with
// the year's "Меценат года" holders and "Меценат" badge holders invited.
#pragma once

#include "agreement/service.hpp"
#include "event/planner.hpp"
#include "event/template.hpp"

namespace omskplan::agreement {

// One transaction: refuses a year with no awards or badges, or whose ceremony exists already.
event::WriteResult create_ceremony(Services& s, event::Services& es, const event::EventTemplate& tmpl, int year,
                                   time::Date date, std::optional<time::Minutes> start, event::ConflictPolicy policy);

}  // namespace omskplan::agreement
