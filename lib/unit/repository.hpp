// SQL for structural units and their former names. Every function runs
// inside the caller's transaction; writes are audited.
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "store/db.hpp"
#include "unit/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::unit::repo {

void insert(store::Db& db, Unit& u);
// Writes nothing when nothing but the timestamps differs; a former name added
// to `after` is stored.
bool update(store::Db& db, const Unit& before, const Unit& after);
std::optional<Unit> load(store::Db& db, std::int64_t id);
std::optional<Unit> find_by_code(store::Db& db, const std::string& code_key);
std::optional<Unit> find_by_uuid(store::Db& db, const std::string& uuid);
// Every unit (closed ones too), with former names.
std::vector<Unit> all(store::Db& db);
// The codes of every unit, for "did you mean".
std::vector<std::string> codes(store::Db& db);

}  // namespace omskplan::unit::repo
