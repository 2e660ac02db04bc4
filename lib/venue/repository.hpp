// SQL for the register of venues. Every function runs inside the caller's
// transaction; writes are audited.
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "store/db.hpp"
#include "venue/model.hpp"

#include <optional>
#include <vector>

namespace omskplan::venue::repo {

// Inserts `v` with its aliases; sets v.id.
void insert(store::Db& db, Venue& v);
void update(store::Db& db, const Venue& before, const Venue& after);
// Deletes `v` and its aliases.
void remove(store::Db& db, const Venue& v);
std::optional<Venue> load(store::Db& db, std::int64_t id);
// The venue whose name or alias has this key (model `key`).
std::optional<std::int64_t> find_by_key(store::Db& db, const std::string& key);
// Every venue by name.
std::vector<Venue> list(store::Db& db);
bool empty(store::Db& db);

}  // namespace omskplan::venue::repo
