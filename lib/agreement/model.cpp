#include "agreement/model.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"

#include <fmt/format.h>

namespace omskplan::agreement {


std::string_view to_string(OrgKind v) { return kOrgKindNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Status v) { return kStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Party v) { return kPartyNames.at(static_cast<std::size_t>(v)); }
OrgKind parse_org_kind(std::string_view s) { return parse_enum<OrgKind>(kOrgKindNames, s, tr("organization kind")); }
Status parse_status(std::string_view s) { return parse_enum<Status>(kStatusNames, s, tr("agreement status")); }
Party parse_party(std::string_view s) { return parse_enum<Party>(kPartyNames, s, tr("party")); }

bool transition_allowed(Status from, Status to) {
  switch (from) {
    case Status::draft:
      return to == Status::signed_ || to == Status::terminated;
    case Status::signed_:
      return to == Status::active || to == Status::terminated;
    case Status::active:
      return to == Status::fulfilled || to == Status::terminated;
    case Status::expired:
      return to == Status::active || to == Status::fulfilled;
    case Status::fulfilled:
    case Status::terminated:
      return false;
  }
  return false;
}

Status effective_status(const Agreement& a, time::Date today) {
  if ((a.status == Status::signed_ || a.status == Status::active) && a.valid_to && *a.valid_to < today) {
    return Status::expired;
  }
  return a.status;
}

Status status_on(const Agreement& a, time::Date day) {
  if (a.status == Status::terminated && a.terminated_on && *a.terminated_on > day) {
    return a.valid_to && *a.valid_to < day ? Status::expired : Status::active;  // terminated after that day
  }
  return effective_status(a, day);
}

}  // namespace omskplan::agreement
