// Cooperation agreements with entrepreneurs and organizations, their
// obligations, and the yearly "Patron of the Year" (Меценат года) awards and
// "Меценат" badges.
#pragma once

#include "core/money.hpp"
#include "core/words.hpp"
#include "core/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::agreement {

enum class OrgKind { company, entrepreneur, ngo, other };
// `expired` is never stored: a signed or active agreement past its valid_to is expired.
enum class Status { draft, signed_, active, fulfilled, expired, terminated };  // signed_: "signed" is a keyword
enum class Party { administration, partner };

inline constexpr std::array<std::string_view, 4> kOrgKindNames{"company", "entrepreneur", "ngo", "other"};
inline constexpr std::array<std::string_view, 6> kStatusNames{"draft",     "signed",  "active",
                                                              "fulfilled", "expired", "terminated"};
inline constexpr std::array<std::string_view, 2> kPartyNames{"administration", "partner"};
// The words people read for them (core/words.hpp), in the same order.
inline constexpr std::array<Word, 4> kOrgKindWords{NC_("organization kind", "company"),
                                                   NC_("organization kind", "entrepreneur"),
                                                   NC_("organization kind", "non-profit"), NC_("organization kind", "other")};
inline constexpr std::array<Word, 6> kStatusWords{
    NC_("agreement status", "draft"),     NC_("agreement status", "signed"),  NC_("agreement status", "active"),
    NC_("agreement status", "fulfilled"), NC_("agreement status", "expired"), NC_("agreement status", "terminated")};
inline constexpr std::array<Word, 2> kPartyWords{NC_("party", "Administration"), NC_("party", "partner")};

std::string_view to_string(OrgKind v);
std::string_view to_string(Status v);
std::string_view to_string(Party v);
// The word people read (in the user's language).
std::string_view word(OrgKind v);
std::string_view word(Status v);
std::string_view word(Party v);
// The word of a machine name in a table cell (render::Column::say).
std::string say_org_kind(std::string_view name);
std::string say_status(std::string_view name);
std::string say_party(std::string_view name);
// The word of a sphere of the settings' list (`culture`, `social`); a sphere
// the shipped list does not have, as it is.
std::string say_sphere(std::string_view name);
OrgKind parse_org_kind(std::string_view s);
Status parse_status(std::string_view s);
Party parse_party(std::string_view s);

// draft → signed → active → fulfilled; draft, signed, active → terminated.
// (expired is reached by the calendar; `renew` brings it back to active.)
bool transition_allowed(Status from, Status to);

struct Organization {
  std::int64_t id = 0;
  std::string uuid;
  std::string name;
  OrgKind kind = OrgKind::company;
  std::string inn;   // 10 or 12 digits, unique; may be empty only for kind "other"
  std::string ogrn;  // 13 (OGRN) or 15 (OGRNIP) digits, or empty
  std::string contact, phone, email, address, notes;
  time::Instant created, updated;
};

struct Obligation {
  int no = 0;
  Party party = Party::partner;
  std::string text;
  std::optional<time::Date> due;
  std::optional<money::Kopecks> value;
  std::optional<time::Date> done_on;
  bool operator==(const Obligation&) const = default;
};

struct Agreement {
  std::int64_t id = 0;
  std::string uuid;
  std::string number;  // "12-С/2023", unique
  std::string title;
  std::int64_t org_id = 0;
  std::string sphere;
  std::optional<time::Date> signed_on;
  std::optional<time::Date> valid_from;
  std::optional<time::Date> valid_to;
  money::Kopecks value = 0;
  Status status = Status::draft;  // as stored (never expired)
  std::optional<time::Date> terminated_on;
  std::string termination_reason;
  std::optional<std::int64_t> signed_at_event;
  std::string notes;
  std::vector<std::string> files;
  std::vector<Obligation> obligations;
  time::Instant created, updated;
};

// The two rules for an agreement's status (lists, cards, the lifecycle and the
// reports use only these). The status as of `today`, for the lifecycle: what
// was decided (a termination counts from the decision), signed or active past
// valid_to is expired.
Status effective_status(const Agreement& a, time::Date today);
// The status a register shows as of `day`: as above, but a termination
// counts from its day (terminated on a later day is still active then).
Status status_on(const Agreement& a, time::Date day);

struct Award {
  std::int64_t id = 0;
  int year = 0;
  std::int64_t org_id = 0;
  std::string title;  // "Меценат года"
  std::optional<time::Date> decided_on;
  std::string notes;
};

struct Badge {
  std::int64_t id = 0;
  int year = 0;
  int number = 0;  // running number within the year
  std::int64_t org_id = 0;
  time::Date issued_on;
};

// An open obligation with what the due list shows of its agreement.
struct DueObligation {
  std::int64_t agreement_id;
  std::string number;
  std::string org_name;
  Obligation obligation;
};

}  // namespace omskplan::agreement
