// Protocol: the people invited to events (guests), the order of precedence
// they are seated and given the floor in, an event's guest list, and the
// delegations that come from other cities and countries.
//
// Personal data (152-ФЗ): a guest holds what protocol needs — the full name,
// position, organization, where from, the rank, contacts for the invitation,
// and the date the person consented to the processing; `forget` erases it.
#pragma once

#include "core/date.hpp"
#include "core/words.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::guest {

struct Guest {
  std::int64_t id = 0;
  std::string uuid;
  std::string name;      // ФИО in full: «Петров Пётр Петрович»
  std::string position;  // «Глава города Новосибирска»
  std::string org;       // «Мэрия города Новосибирска»
  std::string city;      // «Новосибирск»
  std::string country;   // empty: Russia
  std::string rank;      // an id of the order of precedence: «intercity-head»
  std::string phone, email, notes;
  std::optional<time::Date> consent;  // consent to the processing of personal data, given on
  time::Instant created, updated;
};

// The key of a name or an organization for search and for «the same person»:
// case and ё folded, spaces collapsed.
std::string key(std::string_view text);
// «Петров П. П.»: the surname and initials (a place card, a badge, the run of show).
std::string short_name(std::string_view full_name);
// «П. П. Петров»: the initials first (a speakers' order, an address line).
std::string initials_first(std::string_view full_name);

// `text` (a command line as typed) with every word that holds one of
// `name_words` (keys of a name's words, 3 letters or more) as «***», quotes kept:
// what `forget` leaves of «event guests 2 invite 'кудрявцев'».
std::string mask_words(std::string_view text, const std::vector<std::string>& name_words);
// The keys of the words of a full name that mask_words looks for.
std::vector<std::string> name_words(std::string_view full_name);

// An invited guest's standing at an event.
enum class Status { invited, confirmed, declined, attended, absent };
inline constexpr std::array<std::string_view, 5> kStatusNames{"invited", "confirmed", "declined", "attended", "absent"};
inline constexpr std::array<Word, 5> kStatusWords{NC_("guest status", "invited"), NC_("guest status", "confirmed"),
                                                  NC_("guest status", "declined"), NC_("guest status", "attended"),
                                                  NC_("guest status", "absent")};
std::string_view to_string(Status v);
std::string_view word(Status v);
std::string say_status(std::string_view name);
Status parse_status(std::string_view s);
// invited → confirmed, declined, attended, absent; confirmed → declined,
// attended, absent; declined → invited, confirmed; attended ↔ absent (a
// correction after the event).
bool status_transition_allowed(Status from, Status to);
// attended and absent are said of an event that has begun.
bool after_the_fact(Status s);

struct Invitation {
  std::int64_t event_id = 0;
  std::int64_t guest_id = 0;
  std::string group;  // «почётные гости», «делегация г. Новосибирск»
  Status status = Status::invited;
  time::Date invited_on;
  time::Date status_on;  // the day of the last change of status
  bool speaks = false;   // given the floor: in the speakers' order
  std::string note;
  bool operator==(const Invitation&) const = default;
};

struct Delegation {
  std::int64_t id = 0;
  std::string uuid;
  std::string from;  // «г. Новосибирск», «Республика Казахстан, г. Павлодар»
  std::optional<std::int64_t> head;  // a guest
  std::vector<std::int64_t> members;  // guests, the head not among them
  std::optional<time::Instant> arrive, depart;
  std::string arrive_by, depart_by;  // «поезд № 12», «рейс S7 2531»
  std::string hotel, escort, notes;
  std::vector<std::int64_t> events;  // the programme of the visit, by start
  time::Instant created, updated;
};

}  // namespace omskplan::guest
