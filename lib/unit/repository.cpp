#include "unit/repository.hpp"

#include "store/audit.hpp"
#include "store/values.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

namespace omskplan::unit::repo {

using store::Db;
using store::Statement;

namespace {

std::string snapshot(const Unit& u) {
  nlohmann::ordered_json j{{"id", u.id},
                           {"uuid", u.uuid},
                           {"code", u.code},
                           {"name", u.name},
                           {"short_name", u.short_name},
                           {"head", u.head},
                           {"parent_id", u.parent_id ? nlohmann::ordered_json(*u.parent_id) : nullptr},
                           {"closed_on", store::date_json(u.closed_on)},
                           {"notes", u.notes}};
  j["former"] = nlohmann::ordered_json::array();
  for (const auto& f : u.former) {
    j["former"].push_back({{"code", f.code},
                           {"name", f.name},
                           {"short_name", f.short_name},
                           {"until", time::format_date(f.until)},
                           {"act", f.act}});
  }
  return j.dump();
}

constexpr const char* kUnitColumns =
    "id, uuid, code, name, short_name, head, parent_id, closed_on, notes, created_utc, updated_utc";

Unit read_unit(const Statement& st) {
  Unit u;
  u.id = st.get_int(0);
  u.uuid = st.get_text(1);
  u.code = st.get_text(2);
  u.name = st.get_text(3);
  u.short_name = st.get_text(4);
  u.head = st.get_text(5);
  u.parent_id = st.get_opt_int(6);
  u.closed_on = store::opt_date(st, 7);
  u.notes = st.get_text(8);
  u.created = store::to_instant(st.get_text(9));
  u.updated = store::to_instant(st.get_text(10));
  return u;
}

void bind_unit(Statement& st, const Unit& u) {
  st.bind_all(u.uuid, u.code, code_key(u.code), u.name, u.short_name, u.head, u.parent_id,
              store::date_text(u.closed_on), u.notes, time::format_utc(u.created), time::format_utc(u.updated));
}

FormerName read_former(const Statement& st) {
  return FormerName{st.get_text(0), st.get_text(1), st.get_text(2), store::to_date(st.get_text(3)), st.get_text(4)};
}

void load_former(Db& db, Unit& u) {
  auto& st = db.cached("SELECT code, name, short_name, until, act FROM unit_name WHERE unit_id = ? ORDER BY until, id");
  u.former = store::all(st.bind(1, u.id), read_former);
}

std::optional<Unit> with_former(Db& db, std::optional<Unit> u) {
  if (u) {
    load_former(db, *u);
  }
  return u;
}

}  // namespace

void insert(Db& db, Unit& u) {
  auto& st = db.cached(
      "INSERT INTO unit(uuid, code, code_key, name, short_name, head, parent_id, closed_on, notes, created_utc, "
      "updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_unit(st, u);
  st.run();
  u.id = db.last_insert_id();
  auto& names = db.cached("INSERT INTO unit_name(unit_id, code, name, short_name, until, act) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& f : u.former) {
    names.reset();
    names.bind_all(u.id, f.code, f.name, f.short_name, time::format_date(f.until), f.act);
    names.run();
  }
  store::audit(db, "unit", u.id, store::AuditAction::insert, std::nullopt, snapshot(u));
}

bool update(Db& db, const Unit& before, const Unit& after) {
  const std::string b = snapshot(before);
  const std::string a = snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE unit SET uuid = ?, code = ?, code_key = ?, name = ?, short_name = ?, head = ?, parent_id = ?, "
      "closed_on = ?, notes = ?, created_utc = ?, updated_utc = ? WHERE id = ?");
  bind_unit(st, after);
  st.bind(12, after.id);
  st.run();
  // Former names are only ever added.
  auto& names = db.cached("INSERT INTO unit_name(unit_id, code, name, short_name, until, act) VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = before.former.size(); i < after.former.size(); ++i) {
    const auto& f = after.former[i];
    names.reset();
    names.bind_all(after.id, f.code, f.name, f.short_name, time::format_date(f.until), f.act);
    names.run();
  }
  store::audit(db, "unit", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Unit> load(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM unit WHERE id = ?", kUnitColumns));
  return with_former(db, store::first(st.bind(1, id), read_unit));
}

std::optional<Unit> find_by_code(Db& db, const std::string& key) {
  auto& st = db.cached(fmt::format("SELECT {} FROM unit WHERE code_key = ?", kUnitColumns));
  return with_former(db, store::first(st.bind(1, key), read_unit));
}

std::optional<Unit> find_by_uuid(Db& db, const std::string& uuid) {
  auto& st = db.cached(fmt::format("SELECT {} FROM unit WHERE uuid = ?", kUnitColumns));
  return with_former(db, store::first(st.bind(1, uuid), read_unit));
}

std::vector<Unit> all(Db& db) {
  auto& st = db.cached(fmt::format("SELECT {} FROM unit ORDER BY id", kUnitColumns));
  auto units = store::all(st, read_unit);
  std::map<std::int64_t, Unit*> by_id;
  for (auto& u : units) {
    by_id[u.id] = &u;
  }
  auto& names = db.cached("SELECT code, name, short_name, until, act, unit_id FROM unit_name ORDER BY until, id");
  while (names.step()) {
    if (auto it = by_id.find(names.get_int(5)); it != by_id.end()) {
      it->second->former.push_back(read_former(names));
    }
  }
  return units;
}

std::vector<std::string> codes(Db& db) {
  auto& st = db.cached("SELECT code FROM unit ORDER BY code");
  return store::all(st, [](const Statement& s) { return s.get_text(0); });
}

}  // namespace omskplan::unit::repo
