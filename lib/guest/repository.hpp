// SQL for guests, guest lists and delegations. Every function runs inside the
// caller's transaction; writes are audited. The audit keeps a guest's personal
// data only in the guest's own rows (entity "guest"); a guest list and a
// delegation name guests by id, so `forget` has one place to erase.
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "guest/model.hpp"
#include "store/db.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::guest::repo {

// Guests.
void insert(store::Db& db, Guest& g);
void update(store::Db& db, const Guest& before, const Guest& after);
std::optional<Guest> load(store::Db& db, std::int64_t id);
// The guest with this full name in this organization (keys: model `key`).
std::optional<std::int64_t> find(store::Db& db, const std::string& name_key, const std::string& org_key);
// Guests whose name, position, organization or city holds every word of
// `words` (keys), by name; all when empty.
std::vector<Guest> list(store::Db& db, const std::vector<std::string>& words, const std::string& rank,
                        std::optional<long> limit);
std::vector<Guest> load_many(store::Db& db, const std::vector<std::int64_t>& ids);
// Erases guest `g`: their row, invitations and delegation places; the audit
// rows of the guest are replaced by `{"id": N}`; `typed` (the name and its
// short forms, the phone, the e-mail) becomes «***» wherever the audit or a
// command line holds it, and so does any word of a command line that holds a
// word of the name; the commands that wrote the guest's row or one of `typed`
// lose their undo changes (they held the data) and count as undone by this
// one. Returns those commands' ids.
std::vector<std::int64_t> erase(store::Db& db, const Guest& g, const std::vector<std::string>& typed);

// Guest lists.
std::vector<Invitation> invitations(store::Db& db, std::int64_t event_id);
std::vector<std::pair<Invitation, std::string>> invitations_of(store::Db& db, std::int64_t guest_id);
// Writes the changed invitations of one event: `before` the ones that were
// (removed when not in `after`), `after` the ones that are now.
void write_invitations(store::Db& db, std::int64_t event_id, const std::vector<Invitation>& before,
                       const std::vector<Invitation>& after);

// Delegations.
void insert(store::Db& db, Delegation& d);
void update(store::Db& db, const Delegation& before, const Delegation& after);
void remove(store::Db& db, const Delegation& d);
std::optional<Delegation> load_delegation(store::Db& db, std::int64_t id);
// Every delegation, or those with `event_id` in their programme; by arrival.
std::vector<Delegation> delegations(store::Db& db, std::optional<std::int64_t> event_id);
// The delegations a guest heads or belongs to.
std::vector<std::int64_t> delegations_of(store::Db& db, std::int64_t guest_id);

}  // namespace omskplan::guest::repo
