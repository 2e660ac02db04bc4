#include "store/audit.hpp"

#include "core/words.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <iterator>
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

namespace {

// One of four statements, by the filters given (both, the entity, the id,
// none): a text of its own each, so that SQLite picks the index for each —
// "(?1 IS NULL OR a.entity = ?1)" defeats it (a scan of all the audit).
Statement& for_filters(Db& db, const std::optional<std::string>& entity, const std::optional<std::int64_t>& entity_id,
                       const std::array<std::string, 4>& sql) {
  return db.cached(entity && entity_id ? sql[0] : entity ? sql[1] : entity_id ? sql[2] : sql[3]);
}

}  // namespace

std::vector<AuditEntry> history(Db& db, const std::optional<std::string>& entity,
                                const std::optional<std::int64_t>& entity_id, long limit) {
  static constexpr const char* kHistoryColumns =
      "a.id, a.command_id, c.at_utc, c.os_user, c.argv, a.entity, a.entity_id, a.action, a.before, a.after, "
      "c.undone_by, c.undo_of";
  const std::string st_both =
      fmt::format("SELECT {} FROM audit a JOIN command c ON c.id = a.command_id WHERE a.entity = ?1 AND "
                  "a.entity_id = ?2 ORDER BY a.id DESC LIMIT ?3",
                  kHistoryColumns);
  const std::string st_by_entity =
      fmt::format("SELECT {} FROM audit a JOIN command c ON c.id = a.command_id WHERE a.entity = ?1 ORDER BY a.id "
                  "DESC LIMIT ?3",
                  kHistoryColumns);
  const std::string st_by_id =
      fmt::format("SELECT {} FROM audit a JOIN command c ON c.id = a.command_id WHERE a.entity_id = ?2 ORDER BY "
                  "a.id DESC LIMIT ?3",
                  kHistoryColumns);
  const std::string st_all =
      fmt::format("SELECT {} FROM audit a JOIN command c ON c.id = a.command_id ORDER BY a.id DESC LIMIT ?3",
                  kHistoryColumns);
  auto& st = for_filters(db, entity, entity_id, {st_both, st_by_entity, st_by_id, st_all});
  st.bind(1, entity);
  st.bind(2, entity_id);
  st.bind(3, static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3), st.get_text(4), st.get_text(5),
                   st.get_int(6), st.get_text(7), st.get_opt_text(8), st.get_opt_text(9), st.get_opt_int(10),
                   st.get_opt_int(11)});
  }
  // The records created whole (store::NewRecord): ranges of ids in
  // command_insert, no audit row each. Ids are never used twice, so one
  // range at most holds a given id of a table: the last that starts at or
  // before it.
  static constexpr const char* kInsertColumns =
      "ci.command_id, c.at_utc, c.os_user, c.argv, ci.entity, ci.first_id, ci.last_id, c.undone_by, c.undo_of";
  const std::string ranges_both =
      fmt::format("SELECT {} FROM command_insert ci JOIN command c ON c.id = ci.command_id WHERE ci.entity = ?1 "
                  "AND ci.first_id <= ?2 ORDER BY ci.first_id DESC LIMIT 1",
                  kInsertColumns);
  const std::string ranges_by_entity =
      fmt::format("SELECT {} FROM command_insert ci JOIN command c ON c.id = ci.command_id WHERE ci.entity = ?1 "
                  "ORDER BY ci.command_id DESC, ci.first_id DESC",
                  kInsertColumns);
  const std::string ranges_by_id =
      fmt::format("SELECT {} FROM command_insert ci JOIN command c ON c.id = ci.command_id WHERE ci.first_id <= ?2 "
                  "AND ci.last_id >= ?2 ORDER BY ci.command_id DESC",
                  kInsertColumns);
  const std::string ranges_all =
      fmt::format("SELECT {} FROM command_insert ci JOIN command c ON c.id = ci.command_id ORDER BY ci.command_id "
                  "DESC, ci.first_id DESC",
                  kInsertColumns);
  auto& ranges = for_filters(db, entity, entity_id, {ranges_both, ranges_by_entity, ranges_by_id, ranges_all});
  if (entity) {
    ranges.bind(1, *entity);
  }
  if (entity_id) {
    ranges.bind(2, *entity_id);
  }
  std::vector<AuditEntry> created;
  while (static_cast<long>(created.size()) < limit && ranges.step()) {
    const std::int64_t first = ranges.get_int(5), last = ranges.get_int(6);
    if (entity_id && (*entity_id < first || *entity_id > last)) {
      continue;
    }
    const std::int64_t from = entity_id ? *entity_id : last;
    const std::int64_t to = entity_id ? *entity_id : first;
    for (std::int64_t id = from; id >= to && static_cast<long>(created.size()) < limit; --id) {
      created.push_back({0, ranges.get_int(0), ranges.get_text(1), ranges.get_text(2), ranges.get_text(3),
                         ranges.get_text(4), id, "insert", std::nullopt, std::nullopt, ranges.get_opt_int(7),
                         ranges.get_opt_int(8)});
    }
  }
  ranges.reset();
  if (!created.empty()) {
    // Newest command first; in one command, its changes after its creations.
    std::vector<AuditEntry> merged;
    merged.reserve(out.size() + created.size());
    std::merge(out.begin(), out.end(), created.begin(), created.end(), std::back_inserter(merged),
               [](const AuditEntry& a, const AuditEntry& b) {
                 return a.command_id != b.command_id ? a.command_id > b.command_id : a.id > b.id;
               });
    if (static_cast<long>(merged.size()) > limit) {
      merged.resize(static_cast<std::size_t>(limit));
    }
    out = std::move(merged);
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

namespace {

// The words of the audit's names (history, undo): its actions, the kinds of
// record and their fields, as people read them (core/words.hpp).
constexpr std::array<std::string_view, 3> kActionNames{"insert", "update", "delete"};
constexpr std::array<Word, 3> kActionWords{NC_("audit action", "created"), NC_("audit action", "changed"),
                                           NC_("audit action", "deleted")};
constexpr std::array<std::string_view, 19> kEntityNames{"agency", "agency_member", "agreement", "award", "badge", "command", "delegation", "event", "finding", "guest", "guest_list", "organization", "plan", "plan_amendment", "plan_item", "site", "unit", "venue", "visit"};
constexpr std::array<Word, 19> kEntityWords{
    NC_("record", "agency"),
    NC_("record", "agency representative"),
    NC_("record", "agreement"),
    NC_("record", "title awarded"),
    NC_("record", "badge"),
    NC_("record", "command"),
    NC_("record", "delegation"),
    NC_("record", "event"),
    NC_("record", "finding"),
    NC_("record", "guest"),
    NC_("record", "guest list"),
    NC_("record", "organization"),
    NC_("record", "plan"),
    NC_("record", "plan amendment"),
    NC_("record", "plan item"),
    NC_("record", "site"),
    NC_("record", "unit"),
    NC_("record", "venue"),
    NC_("record", "visit")};
constexpr std::array<std::string_view, 124> kFieldNames{"active", "address", "agencies", "agency_id", "agreement_id", "aliases", "all_day", "anniversary_base", "approved_act", "approved_by", "approved_on", "arrive", "arrive_by", "attendees", "basis", "capacity", "city", "closed_on", "co_units", "code", "consent", "contact", "contractor_id", "country", "created", "customer_id", "day", "deadline", "deadline_days_off", "decided_on", "depart", "depart_by", "drop_act", "drop_reason", "dropped_on", "due", "email", "end", "escort", "event_id", "events", "files", "form", "former", "from", "guests", "head", "held_on", "hotel", "id", "inn", "issued_on", "kind", "lat", "lessons", "level", "lon", "members", "name", "next_item_no", "no", "notes", "number", "obligations", "ogrn", "ordinal", "org", "org_id", "organizer", "origin_id", "owner", "owner_unit_id", "parent_id", "part_of", "part_of_uuid", "participants", "period", "person", "phone", "plan_id", "points", "position", "program", "progress", "rank", "repeat", "requires_at", "responsible_org", "responsible_person", "risk", "section", "sections", "seq", "sequence", "severity", "short_name", "signed_at_event", "signed_on", "site_id", "sphere", "start", "status", "tags", "tasks", "template", "template_id", "terminated_on", "termination_reason", "text", "title", "title_pattern", "undone_by", "unit_id", "updated", "uuid", "valid_from", "valid_to", "value_kop", "venue", "venue_id", "visit_id", "week", "work", "year"};
constexpr std::array<Word, 124> kFieldWords{
    NC_("field", "active"),
    NC_("field", "address"),
    NC_("field", "agencies"),
    NC_("field", "agency"),
    NC_("field", "agreement"),
    NC_("field", "aliases"),
    NC_("field", "all day"),
    NC_("field", "anniversary base year"),
    NC_("field", "approval act"),
    NC_("field", "approved by"),
    NC_("field", "approved on"),
    NC_("field", "arrival"),
    NC_("field", "arrives by"),
    NC_("field", "attendees"),
    NC_("field", "basis"),
    NC_("field", "capacity"),
    NC_("field", "city"),
    NC_("field", "closed on"),
    NC_("field", "co-executors"),
    NC_("field", "code"),
    NC_("field", "consent to data processing"),
    NC_("field", "contact person"),
    NC_("field", "contractor"),
    NC_("field", "country"),
    NC_("field", "created"),
    NC_("field", "customer"),
    NC_("field", "day"),
    NC_("field", "deadline"),
    NC_("field", "deadlines on days off"),
    NC_("field", "decided on"),
    NC_("field", "departure"),
    NC_("field", "leaves by"),
    NC_("field", "drop act"),
    NC_("field", "drop reason"),
    NC_("field", "dropped on"),
    NC_("field", "due"),
    NC_("field", "e-mail"),
    NC_("field", "end"),
    NC_("field", "escort"),
    NC_("field", "event"),
    NC_("field", "events"),
    NC_("field", "files"),
    NC_("field", "form of completion"),
    NC_("field", "former names"),
    NC_("field", "from"),
    NC_("field", "guests"),
    NC_("field", "head"),
    NC_("field", "held on"),
    NC_("field", "hotel"),
    NC_("field", "id"),
    NC_("field", "INN"),
    NC_("field", "issued on"),
    NC_("field", "kind"),
    NC_("field", "latitude"),
    NC_("field", "lessons"),
    NC_("field", "level"),
    NC_("field", "longitude"),
    NC_("field", "members"),
    NC_("field", "name"),
    NC_("field", "next item number"),
    NC_("field", "number"),
    NC_("field", "notes"),
    NC_("field", "number"),
    NC_("field", "obligations"),
    NC_("field", "OGRN"),
    NC_("field", "anniversary"),
    NC_("field", "organization"),
    NC_("field", "organization"),
    NC_("field", "organizer"),
    NC_("field", "origin"),
    NC_("field", "owner"),
    NC_("field", "owner unit"),
    NC_("field", "parent"),
    NC_("field", "part of"),
    NC_("field", "part of"),
    NC_("field", "participants"),
    NC_("field", "period"),
    NC_("field", "person responsible"),
    NC_("field", "phone"),
    NC_("field", "plan"),
    NC_("field", "control points"),
    NC_("field", "position"),
    NC_("field", "programme"),
    NC_("field", "progress"),
    NC_("field", "rank"),
    NC_("field", "repetition"),
    NC_("field", "required at"),
    NC_("field", "responsible organization"),
    NC_("field", "responsible person"),
    NC_("field", "risk"),
    NC_("field", "section"),
    NC_("field", "sections"),
    NC_("field", "order"),
    NC_("field", "sequence"),
    NC_("field", "severity"),
    NC_("field", "short name"),
    NC_("field", "signed at event"),
    NC_("field", "signed on"),
    NC_("field", "site"),
    NC_("field", "sphere"),
    NC_("field", "start"),
    NC_("field", "status"),
    NC_("field", "tags"),
    NC_("field", "tasks"),
    NC_("field", "template"),
    NC_("field", "template"),
    NC_("field", "terminated on"),
    NC_("field", "termination reason"),
    NC_("field", "text"),
    NC_("field", "title"),
    NC_("field", "title pattern"),
    NC_("field", "undone by"),
    NC_("field", "unit"),
    NC_("field", "updated"),
    NC_("field", "UUID"),
    NC_("field", "valid from"),
    NC_("field", "valid to"),
    NC_("field", "amount"),
    NC_("field", "venue"),
    NC_("field", "venue"),
    NC_("field", "visit"),
    NC_("field", "week"),
    NC_("field", "kind of work"),
    NC_("field", "year")};

}  // namespace

std::string say_action(std::string_view name) { return say_name(kActionNames, kActionWords, name); }
std::string say_entity(std::string_view name) { return say_name(kEntityNames, kEntityWords, name); }
std::string say_field(std::string_view name) { return say_name(kFieldNames, kFieldWords, name); }

std::string say_fields(std::string_view names) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= names.size() && !names.empty()) {
    const std::size_t comma = names.find(", ", pos);
    const std::string_view one = names.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    out += (out.empty() ? "" : ", ") + say_field(one);
    if (comma == std::string_view::npos) {
      break;
    }
    pos = comma + 2;
  }
  return out;
}

}  // namespace omskplan::store
