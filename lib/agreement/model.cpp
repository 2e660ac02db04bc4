#include "agreement/model.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"

#include <fmt/format.h>

namespace omskplan::agreement {


std::string_view to_string(OrgKind v) { return kOrgKindNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Status v) { return kStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Party v) { return kPartyNames.at(static_cast<std::size_t>(v)); }
std::string_view word(OrgKind v) { return say(kOrgKindWords, v); }
std::string_view word(Status v) { return say(kStatusWords, v); }
std::string_view word(Party v) { return say(kPartyWords, v); }
std::string say_org_kind(std::string_view name) { return say_name(kOrgKindNames, kOrgKindWords, name); }
std::string say_status(std::string_view name) { return say_name(kStatusNames, kStatusWords, name); }
std::string say_party(std::string_view name) { return say_name(kPartyNames, kPartyWords, name); }

std::string say_sphere(std::string_view name) {
  // The shipped list (config: agreement.spheres); a sphere added in the settings is shown as it is.
  static constexpr std::array<std::string_view, 9> kNames{"culture", "sport",   "education", "improvement", "social",
                                                          "health",  "youth",   "economy",   "other"};
  static constexpr std::array<Word, 9> kWords{
      NC_("sphere", "culture"), NC_("sphere", "sport"),  NC_("sphere", "education"),
      NC_("sphere", "improvement"), NC_("sphere", "social support"), NC_("sphere", "health care"),
      NC_("sphere", "youth policy"), NC_("sphere", "economy"), NC_("sphere", "other")};
  return say_name(kNames, kWords, name);
}

OrgKind parse_org_kind(std::string_view s) {
  return parse_enum<OrgKind>(kOrgKindNames, kOrgKindWords, s, tr("organization kind"));
}
Status parse_status(std::string_view s) {
  return parse_enum<Status>(kStatusNames, kStatusWords, s, tr("agreement status"));
}
Party parse_party(std::string_view s) { return parse_enum<Party>(kPartyNames, kPartyWords, s, tr("party")); }

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
