// The audit log: who changed what and when. Each changed record gets one row
// with JSON snapshots before and after, tied to the command (time, OS user,
// argv) of the write transaction. A public administration must be able to say
// who changed what; `undo` and `history` read it.
#pragma once

#include "store/db.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace omskplan::store {

enum class AuditAction { insert, update, remove };

// Must run inside a WriteTransaction.
void audit(Db& db, std::string_view entity, std::int64_t entity_id, AuditAction action,
           const std::optional<std::string>& before, const std::optional<std::string>& after);

}  // namespace omskplan::store
