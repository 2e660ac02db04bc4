#include "store/audit.hpp"

#include <stdexcept>

namespace omskplan::store {

void audit(Db& db, std::string_view entity, std::int64_t entity_id, AuditAction action,
           const std::optional<std::string>& before, const std::optional<std::string>& after) {
  if (db.command_id() == 0) {
    throw std::logic_error("audit outside a write transaction");
  }
  const char* name = action == AuditAction::insert ? "insert" : action == AuditAction::update ? "update" : "delete";
  auto& st = db.cached(
      "INSERT INTO audit(command_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind_all(db.command_id(), entity, entity_id, name, before, after);
  st.run();
}

}  // namespace omskplan::store
