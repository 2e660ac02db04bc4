#include "agreement/model.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace omskplan::agreement {

namespace {

template <class E, std::size_t N>
E parse_enum(const std::array<std::string_view, N>& names, std::string_view s, std::string_view what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  std::string list;
  for (std::size_t i = 0; i < N; ++i) {
    list += (i ? ", " : "") + std::string(names[i]);
  }
  throw InputError(fmt::format("invalid {} '{}'; expected one of: {}", what, s, list));
}

}  // namespace

std::string_view to_string(OrgKind v) { return kOrgKindNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Status v) { return kStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Party v) { return kPartyNames.at(static_cast<std::size_t>(v)); }
OrgKind parse_org_kind(std::string_view s) { return parse_enum<OrgKind>(kOrgKindNames, s, "organization kind"); }
Status parse_status(std::string_view s) { return parse_enum<Status>(kStatusNames, s, "agreement status"); }
Party parse_party(std::string_view s) { return parse_enum<Party>(kPartyNames, s, "party"); }

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

}  // namespace omskplan::agreement
