// The audit log: who changed what and when. Each changed record gets one row
// with JSON snapshots before and after, tied to the command (time, OS user,
// argv) of the write transaction. A public administration must be able to say
// who changed what; `undo` and `history` read it.
#pragma once

#include "store/db.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::store {

enum class AuditAction { insert, update, remove };

// Must run inside a WriteTransaction. An update stores what changed: the
// fields that differ (and "id"); in an array of records (with "id" or "no"),
// only the records removed, added or changed.
void audit(Db& db, std::string_view entity, std::int64_t entity_id, AuditAction action,
           const std::optional<std::string>& before, const std::optional<std::string>& after);

// The same for an update whose snapshots are JSON objects already (an event
// with tens of thousands of tasks: no text round trip).
void audit_update(Db& db, std::string_view entity, std::int64_t entity_id, const nlohmann::ordered_json& before,
                  const nlohmann::ordered_json& after);

struct AuditEntry {
  std::int64_t id = 0;  // the audit row; 0 for a record created whole (NewRecord: no row, no snapshot)
  std::int64_t command_id = 0;
  std::string at_utc;
  std::string os_user;
  std::string argv;
  std::string entity;
  std::int64_t entity_id = 0;
  std::string action;  // insert, update, delete
  std::optional<std::string> before;
  std::optional<std::string> after;
  std::optional<std::int64_t> undone_by;  // the command that undid this one
  std::optional<std::int64_t> undo_of;    // this command undid that one
};

// The newest changes first; `entity` and `entity_id` narrow it down. The
// records created whole (store::NewRecord) are there as "insert" entries of
// the command that created them, without a snapshot: what they were is what
// the later entries changed back from.
std::vector<AuditEntry> history(Db& db, const std::optional<std::string>& entity,
                                const std::optional<std::int64_t>& entity_id, long limit);
// The top-level fields whose values differ between two JSON snapshots, in the
// order of `after` ("title, tasks").
std::vector<std::string> changed_fields(const std::optional<std::string>& before,
                                        const std::optional<std::string>& after);

// The words people read (render::Column::say) for an action (insert, update,
// delete), a kind of record (plan_item) and its fields ("title, tasks").
std::string say_action(std::string_view name);
std::string say_entity(std::string_view name);
std::string say_field(std::string_view name);
std::string say_fields(std::string_view names);

}  // namespace omskplan::store
