#include "store/audit.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <tuple>

namespace omskplan::store {

namespace {

using Json = nlohmann::ordered_json;

// The key of an element of an array of records: its "id", else its "no".
std::optional<std::string> element_key(const Json& e) {
  if (!e.is_object()) {
    return std::nullopt;
  }
  for (const char* k : {"id", "no"}) {
    if (auto it = e.find(k); it != e.end() && (it->is_number() || it->is_string())) {
      return it->dump();
    }
  }
  return std::nullopt;
}

// An array of records: the elements removed or changed (old) and added or
// changed (new), each whole; other arrays: the whole arrays.
void diff_array(const Json& b, const Json& a, Json& old_out, Json& new_out) {
  std::map<std::string, const Json*> before, after;
  bool keyed = true;
  for (const auto& e : b) {
    auto k = element_key(e);
    keyed = keyed && k;
    if (k) {
      before[*k] = &e;
    }
  }
  for (const auto& e : a) {
    auto k = element_key(e);
    keyed = keyed && k;
    if (k) {
      after[*k] = &e;
    }
  }
  if (!keyed) {
    old_out = b;
    new_out = a;
    return;
  }
  old_out = Json::array();
  new_out = Json::array();
  for (const auto& e : b) {
    auto it = after.find(*element_key(e));
    if (it == after.end() || *it->second != e) {
      old_out.push_back(e);
    }
  }
  for (const auto& e : a) {
    auto it = before.find(*element_key(e));
    if (it == before.end() || *it->second != e) {
      new_out.push_back(e);
    }
  }
}

// What an update changed: the top-level fields that differ (and "id"), each
// array of records reduced to the records that differ. A child added to an
// agreement with a thousand obligations stores one obligation, not two
// thousand.
std::pair<std::string, std::string> reduce(const Json& b, const Json& a) {
  Json ob = Json::object();
  Json oa = Json::object();
  if (a.contains("id")) {
    ob["id"] = b.value("id", a["id"]);
    oa["id"] = a["id"];
  }
  for (auto it = a.begin(); it != a.end(); ++it) {
    if (it.key() == "id") {
      continue;
    }
    const auto bt = b.find(it.key());
    if (bt == b.end()) {
      oa[it.key()] = it.value();
    } else if (*bt != it.value()) {
      if (bt->is_array() && it.value().is_array()) {
        diff_array(*bt, it.value(), ob[it.key()], oa[it.key()]);
      } else {
        ob[it.key()] = *bt;
        oa[it.key()] = it.value();
      }
    }
  }
  for (auto it = b.begin(); it != b.end(); ++it) {
    if (!a.contains(it.key())) {
      ob[it.key()] = it.value();
    }
  }
  return {ob.dump(), oa.dump()};
}

}  // namespace

void audit(Db& db, std::string_view entity, std::int64_t entity_id, AuditAction action,
           const std::optional<std::string>& before_in, const std::optional<std::string>& after_in) {
  if (db.command_id() == 0) {
    throw std::logic_error("audit outside a write transaction");
  }
  std::optional<std::string> before = before_in;
  std::optional<std::string> after = after_in;
  if (action == AuditAction::update && before && after) {
    const auto b = Json::parse(*before, nullptr, false);
    const auto a = Json::parse(*after, nullptr, false);
    if (b.is_object() && a.is_object()) {
      std::tie(before, after) = reduce(b, a);
    }
  }
  const char* name = action == AuditAction::insert ? "insert" : action == AuditAction::update ? "update" : "delete";
  auto& st = db.cached(
      "INSERT INTO audit(command_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind_all(db.command_id(), entity, entity_id, name, before, after);
  st.run();
  db.after_change();
}

void audit_update(Db& db, std::string_view entity, std::int64_t entity_id, const nlohmann::ordered_json& before,
                  const nlohmann::ordered_json& after) {
  if (!before.is_object() || !after.is_object()) {
    audit(db, entity, entity_id, AuditAction::update, before.dump(), after.dump());
    return;
  }
  const auto [b, a] = reduce(before, after);
  // Already reduced: the text form is stored as it is.
  if (db.command_id() == 0) {
    throw std::logic_error("audit outside a write transaction");
  }
  auto& st = db.cached(
      "INSERT INTO audit(command_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind_all(db.command_id(), entity, entity_id, "update", b, a);
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
