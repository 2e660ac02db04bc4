// What a protocol officer does: the people invited to events (guests), each
// event's guest list in the order of precedence, and delegations. Each write
// is one transaction; everything a user typed is parsed here.
#pragma once

#include "event/planner.hpp"
#include "guest/model.hpp"
#include "guest/precedence.hpp"
#include "guest/seating.hpp"
#include "store/db.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::guest {

struct Services {
  event::Services& events;
  const Precedence& precedence;
  store::Db& db() { return events.db; }
  const time::Context& ctx() { return events.ctx; }
};

// ---- People ----------------------------------------------------------------

struct GuestInput {
  std::string name, position, org, city, country, rank, phone, email, notes;
  std::string consent;  // a date expression: the day consent to processing was given; "" none
};
// The same full name in the same organization is the same person: refused, naming them.
Guest add(Services& s, const GuestInput& in);

struct GuestChanges {
  std::optional<std::string> name, position, org, city, country, rank, phone, email, notes, consent;  // consent "none"
};
Guest edit(Services& s, const std::string& ref, const GuestChanges& c);
// The guest with this full name in this organization, or a new one from `in`.
Guest ensure(Services& s, const GuestInput& in);

// `ref`: an id ("12", "#12"), or words of a name that find exactly one guest
// (NotFound or InputError listing who they find otherwise).
Guest resolve(Services& s, const std::string& ref);
// `search`: words found in the name, position, organization or city (case and ё aside).
std::vector<Guest> list(Services& s, const std::string& search, const std::string& rank, std::optional<long> limit);

struct GuestCard {
  Guest guest;
  std::vector<std::pair<Invitation, event::Event>> invitations;
  std::vector<Delegation> delegations;
};
GuestCard card(Services& s, const std::string& ref);

// Erases a person (152-ФЗ): their record, their places on guest lists and in
// delegations; the history keeps that guest N existed and nothing of them; the
// commands that wrote their record can no longer be undone. Not undoable itself.
struct ForgetResult {
  Guest guest;
  int invitations = 0;
  int delegations = 0;
  std::vector<std::int64_t> commands;  // whose undo is gone
};
ForgetResult forget(Services& s, const std::string& ref);

// CSV (a header row: name, position, org, city, country, rank, phone, email,
// notes, consent) or JSON (an array of objects with those keys, as `guest list
// --json` prints). A row with the full name and organization of a guest updates
// them; the same row twice in the file is refused, naming both lines.
struct ImportResult {
  int created = 0, updated = 0, unchanged = 0;
};
ImportResult import_guests(Services& s, const std::string& text, const std::string& origin, bool json);

// ---- Guest lists -----------------------------------------------------------

// Invites guests to an event (in `group`); those invited already keep their
// standing (their group changes when one is given).
struct InviteResult {
  std::vector<Guest> invited, already;
};
InviteResult invite(Services& s, std::int64_t event_id, const std::vector<std::string>& refs, const std::string& group);
// Sets the standing of the guests named: attended and absent only once the
// event has begun; a transition the model does not allow is refused.
std::vector<Guest> set_status(Services& s, std::int64_t event_id, const std::vector<std::string>& refs,
                              const std::string& status);
struct InvitationChanges {
  std::optional<std::string> group, note;
  std::optional<bool> speaks;
};
std::vector<Guest> edit_invitations(Services& s, std::int64_t event_id, const std::vector<std::string>& refs,
                                    const InvitationChanges& c);
std::vector<Guest> uninvite(Services& s, std::int64_t event_id, const std::vector<std::string>& refs);

enum class Order { precedence, name, status, group };
Order parse_order(std::string_view s);

struct ListRow {
  int no = 0;  // place in the order of precedence (1, 2, …)
  Guest guest;
  Invitation invitation;
  bool host = false;
  std::vector<std::int64_t> delegations;
};
struct GuestList {
  event::Event event;
  std::vector<ListRow> rows;
  std::array<int, 5> counts{};  // per Status
  // Participants the event's template names («Мэр города Омска») and the guest
  // whose position they are, if one is on the list.
  std::vector<std::pair<event::Participant, std::optional<std::int64_t>>> participants;
};
// `statuses`: only these (empty: all). Numbers follow the order of precedence
// whatever `order` the rows are in.
GuestList guest_list(Services& s, std::int64_t event_id, Order order, const std::vector<Status>& statuses = {});

// Where the guests who are coming (invited, confirmed, attended) sit: `layout`
// as parse_layout reads it; the list's rows are those guests by precedence.
struct SeatingView {
  GuestList list;
  SeatingPlan plan;  // `who` indexes list.rows
};
SeatingView seating(Services& s, std::int64_t event_id, const std::string& layout);

// The speakers' order: the guests given the floor (speaks), by precedence.
std::vector<ListRow> speakers(Services& s, std::int64_t event_id);
// Writes the speakers' order into the event's run of show: one item each,
// `minutes` long, from `at` (a clock time or an offset from the start, as
// `event program add --at`), «Выступление: П. П. Петров, Глава города
// Новосибирска». An item already there with that title is left as it is.
struct SpeakersWritten {
  std::vector<event::ProgramItem> added;
  int kept = 0;
};
SpeakersWritten write_speakers(Services& s, std::int64_t event_id, const std::string& at, int minutes);

// ---- Delegations -----------------------------------------------------------

struct DelegationInput {
  std::string from;
  std::string head;                  // a guest
  std::vector<std::string> members;  // guests
  std::vector<std::int64_t> events;  // the programme of the visit
  std::string arrive, arrive_by, depart, depart_by, hotel, escort, notes;
};
// Invites the head and members to the events of the programme (group
// «делегация: FROM»). Returns the delegation and what is wrong with its timing.
struct DelegationResult {
  Delegation delegation;
  std::vector<std::string> conflicts;
};
DelegationResult add_delegation(Services& s, const DelegationInput& in);
struct DelegationChanges {
  std::optional<std::string> from, head, arrive, arrive_by, depart, depart_by, hotel, escort, notes;
  std::vector<std::string> add_members, remove_members;
  std::vector<std::int64_t> add_events, remove_events;
};
DelegationResult edit_delegation(Services& s, std::int64_t id, const DelegationChanges& c);
Delegation remove_delegation(Services& s, std::int64_t id);

struct DelegationView {
  Delegation delegation;
  std::optional<Guest> head;
  std::vector<Guest> members;
  std::vector<event::Event> programme;  // by start
  std::vector<std::string> conflicts;
};
DelegationView delegation(Services& s, std::int64_t id);
// Every delegation, or those coming to `event_id`; by arrival.
std::vector<DelegationView> delegations(Services& s, std::optional<std::int64_t> event_id);

// What is wrong with a delegation's timing: it arrives after its first event
// begins or leaves before its last one ends; two events of its programme at once.
std::vector<std::string> timing_conflicts(const Delegation& d, const std::vector<event::Event>& programme,
                                          const time::TimeZone& zone);

}  // namespace omskplan::guest
