#include "venue/repository.hpp"

#include "store/audit.hpp"
#include "store/values.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace omskplan::venue::repo {

using store::Db;
using store::Statement;

namespace {

constexpr const char* kVenueColumns = "id, uuid, name, address, lat, lon, capacity, owner, notes, created_utc, updated_utc";

nlohmann::ordered_json opt(const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nullptr; }

std::string snapshot(const Venue& v) {
  nlohmann::ordered_json j{{"id", v.id},         {"uuid", v.uuid},     {"name", v.name},
                           {"aliases", v.aliases}, {"address", v.address}, {"lat", opt(v.lat)},
                           {"lon", opt(v.lon)},
                           {"capacity", v.capacity ? nlohmann::ordered_json(*v.capacity) : nullptr},
                           {"owner", v.owner},     {"notes", v.notes}};
  return j.dump();
}

Venue read(const Statement& st) {
  Venue v;
  v.id = st.get_int(0);
  v.uuid = st.get_text(1);
  v.name = st.get_text(2);
  v.address = st.get_text(3);
  if (!st.is_null(4) && !st.is_null(5)) {
    v.lat = std::stod(st.get_text(4));
    v.lon = std::stod(st.get_text(5));
  }
  if (auto c = st.get_opt_int(6)) {
    v.capacity = static_cast<int>(*c);
  }
  v.owner = st.get_text(7);
  v.notes = st.get_text(8);
  v.created = store::to_instant(st.get_text(9));
  v.updated = store::to_instant(st.get_text(10));
  return v;
}

void load_aliases(Db& db, Venue& v) {
  auto& st = db.cached("SELECT alias FROM venue_alias WHERE venue_id = ? ORDER BY rowid");
  st.bind(1, v.id);
  v.aliases.clear();
  while (st.step()) {
    v.aliases.push_back(st.get_text(0));
  }
}

void write_aliases(Db& db, const Venue& v) {
  auto& del = db.cached("DELETE FROM venue_alias WHERE venue_id = ?");
  del.bind(1, v.id);
  del.run();
  auto& ins = db.cached("INSERT INTO venue_alias(venue_id, alias, alias_key) VALUES (?, ?, ?)");
  for (const auto& a : v.aliases) {
    ins.reset();
    ins.bind_all(v.id, a, key(a));
    ins.run();
  }
}

// SQLite stores REAL; text bound into a REAL column of a STRICT table is cast.
std::optional<std::string> coordinate(const std::optional<double>& v) {
  return v ? std::optional<std::string>(fmt::format("{:.7f}", *v)) : std::nullopt;
}

std::optional<std::int64_t> capacity_value(const Venue& v) {
  return v.capacity ? std::optional<std::int64_t>(*v.capacity) : std::nullopt;
}

}  // namespace

void insert(Db& db, Venue& v) {
  auto& st = db.cached(
      "INSERT INTO venue(uuid, name, name_key, address, lat, lon, capacity, owner, notes, created_utc, updated_utc) "
      "VALUES (?, ?, ?, ?, CAST(?5 AS REAL), CAST(?6 AS REAL), ?, ?, ?, ?, ?)");
  st.bind_all(v.uuid, v.name, key(v.name), v.address, coordinate(v.lat), coordinate(v.lon), capacity_value(v), v.owner, v.notes,
              time::format_utc(v.created), time::format_utc(v.updated));
  st.run();
  v.id = db.last_insert_id();
  write_aliases(db, v);
  store::audit(db, "venue", v.id, store::AuditAction::insert, std::nullopt, snapshot(v));
}

void update(Db& db, const Venue& before, const Venue& after) {
  auto& st = db.cached(
      "UPDATE venue SET name = ?, name_key = ?, address = ?, lat = CAST(?4 AS REAL), lon = CAST(?5 AS REAL), "
      "capacity = ?, owner = ?, notes = ?, updated_utc = ? WHERE id = ?");
  st.bind_all(after.name, key(after.name), after.address, coordinate(after.lat), coordinate(after.lon), capacity_value(after), after.owner,
              after.notes, time::format_utc(after.updated), after.id);
  st.run();
  if (before.aliases != after.aliases) {
    write_aliases(db, after);
  }
  store::audit(db, "venue", after.id, store::AuditAction::update, snapshot(before), snapshot(after));
}

void remove(Db& db, const Venue& v) {
  auto& del = db.cached("DELETE FROM venue_alias WHERE venue_id = ?");
  del.bind(1, v.id);
  del.run();
  auto& st = db.cached("DELETE FROM venue WHERE id = ?");
  st.bind(1, v.id);
  st.run();
  store::audit(db, "venue", v.id, store::AuditAction::remove, snapshot(v), std::nullopt);
}

std::optional<Venue> load(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM venue WHERE id = ?", kVenueColumns));
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  Venue v = read(st);
  st.reset();
  load_aliases(db, v);
  return v;
}

std::optional<std::int64_t> find_by_key(Db& db, const std::string& k) {
  auto& st = db.cached(
      "SELECT id FROM venue WHERE name_key = ? UNION ALL SELECT venue_id FROM venue_alias WHERE alias_key = ? LIMIT 1");
  st.bind_all(k, k);
  if (!st.step()) {
    return std::nullopt;
  }
  const std::int64_t id = st.get_int(0);
  st.reset();
  return id;
}

std::vector<Venue> list(Db& db) {
  auto& st = db.cached(fmt::format("SELECT {} FROM venue ORDER BY name_key, id", kVenueColumns));
  std::vector<Venue> out;
  while (st.step()) {
    out.push_back(read(st));
  }
  for (auto& v : out) {
    load_aliases(db, v);
  }
  return out;
}

bool empty(Db& db) {
  auto& st = db.cached("SELECT NOT EXISTS (SELECT 1 FROM venue)");
  st.step();
  const bool e = st.get_int(0) != 0;
  st.reset();
  return e;
}

}  // namespace omskplan::venue::repo
