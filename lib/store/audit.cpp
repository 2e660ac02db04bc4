#include "store/audit.hpp"

#include <nlohmann/json.hpp>

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
  db.after_change();
}

std::vector<AuditEntry> history(Db& db, const std::optional<std::string>& entity,
                                const std::optional<std::int64_t>& entity_id, long limit) {
  auto& st = db.cached(
      "SELECT a.id, a.command_id, c.at_utc, c.os_user, c.argv, a.entity, a.entity_id, a.action, a.before, a.after, "
      "c.undone_by, c.undo_of "
      "FROM audit a JOIN command c ON c.id = a.command_id "
      "WHERE (?1 IS NULL OR a.entity = ?1) AND (?2 IS NULL OR a.entity_id = ?2) "
      "ORDER BY a.id DESC LIMIT ?3");
  st.bind(1, entity);
  st.bind(2, entity_id);
  st.bind(3, static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3), st.get_text(4), st.get_text(5),
                   st.get_int(6), st.get_text(7), st.get_opt_text(8), st.get_opt_text(9), st.get_opt_int(10),
                   st.get_opt_int(11)});
  }
  return out;
}

std::vector<std::string> changed_fields(const std::optional<std::string>& before,
                                        const std::optional<std::string>& after) {
  std::vector<std::string> out;
  if (!before || !after) {
    return out;
  }
  const auto b = nlohmann::ordered_json::parse(*before, nullptr, false);
  const auto a = nlohmann::ordered_json::parse(*after, nullptr, false);
  if (!a.is_object() || !b.is_object()) {
    return out;
  }
  for (auto it = a.begin(); it != a.end(); ++it) {
    if (it.key() == "updated" || it.key() == "sequence") {
      continue;
    }
    if (!b.contains(it.key()) || b.at(it.key()) != it.value()) {
      out.push_back(it.key());
    }
  }
  return out;
}

}  // namespace omskplan::store
