#include "inspection/model.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"

namespace omskplan::inspection {

std::string_view to_string(Work v) { return kWorkNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(AgencyKind v) { return kAgencyKindNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(VisitStatus v) { return kVisitStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Severity v) { return kSeverityNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(FindingStatus v) { return kFindingStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view word(Work v) { return say(kWorkWords, v); }
std::string_view word(AgencyKind v) { return say(kAgencyKindWords, v); }
std::string_view word(VisitStatus v) { return say(kVisitStatusWords, v); }
std::string_view word(Severity v) { return say(kSeverityWords, v); }
std::string_view word(FindingStatus v) { return say(kFindingStatusWords, v); }
std::string say_work(std::string_view name) { return say_name(kWorkNames, kWorkWords, name); }
std::string say_agency_kind(std::string_view name) { return say_name(kAgencyKindNames, kAgencyKindWords, name); }
std::string say_visit_status(std::string_view name) { return say_name(kVisitStatusNames, kVisitStatusWords, name); }
std::string say_severity(std::string_view name) { return say_name(kSeverityNames, kSeverityWords, name); }
std::string say_finding_status(std::string_view name) {
  return say_name(kFindingStatusNames, kFindingStatusWords, name);
}
Work parse_work(std::string_view s) { return parse_enum<Work>(kWorkNames, kWorkWords, s, tr("kind of work")); }
AgencyKind parse_agency_kind(std::string_view s) { return parse_enum<AgencyKind>(kAgencyKindNames, kAgencyKindWords, s, tr("agency kind")); }
VisitStatus parse_visit_status(std::string_view s) {
  return parse_enum<VisitStatus>(kVisitStatusNames, kVisitStatusWords, s, tr("visit status"));
}
Severity parse_severity(std::string_view s) { return parse_enum<Severity>(kSeverityNames, kSeverityWords, s, tr("severity")); }
FindingStatus parse_finding_status(std::string_view s) {
  return parse_enum<FindingStatus>(kFindingStatusNames, kFindingStatusWords, s, tr("finding status"));
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
