#include "inspection/model.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"

namespace omskplan::inspection {

std::string_view to_string(Work v) { return kWorkNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(AgencyKind v) { return kAgencyKindNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(VisitStatus v) { return kVisitStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Severity v) { return kSeverityNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(FindingStatus v) { return kFindingStatusNames.at(static_cast<std::size_t>(v)); }
Work parse_work(std::string_view s) { return parse_enum<Work>(kWorkNames, s, tr("kind of work")); }
AgencyKind parse_agency_kind(std::string_view s) { return parse_enum<AgencyKind>(kAgencyKindNames, s, tr("agency kind")); }
VisitStatus parse_visit_status(std::string_view s) {
  return parse_enum<VisitStatus>(kVisitStatusNames, s, tr("visit status"));
}
Severity parse_severity(std::string_view s) { return parse_enum<Severity>(kSeverityNames, s, tr("severity")); }
FindingStatus parse_finding_status(std::string_view s) {
  return parse_enum<FindingStatus>(kFindingStatusNames, s, tr("finding status"));
}

bool transition_allowed(FindingStatus from, FindingStatus to) {
  switch (from) {
    case FindingStatus::open:
      return to == FindingStatus::in_progress || to == FindingStatus::resolved;
    case FindingStatus::in_progress:
      return to == FindingStatus::resolved;
    case FindingStatus::resolved:
      return to == FindingStatus::verified || to == FindingStatus::in_progress;
    case FindingStatus::verified:
      return false;
  }
  return false;
}

}  // namespace omskplan::inspection
