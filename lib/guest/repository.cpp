#include "guest/repository.hpp"

#include "store/audit.hpp"
#include "store/values.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace omskplan::guest::repo {

using store::Db;
using store::Statement;
using json = nlohmann::ordered_json;

namespace {

constexpr const char* kGuestColumns =
    "id, uuid, name, position, org, city, country, rank, phone, email, notes, consent_on, created_utc, updated_utc";

std::string search_key(const Guest& g) { return key(g.name + " " + g.position + " " + g.org + " " + g.city + " " + g.country); }

std::string snapshot(const Guest& g) {
  const json j{{"id", g.id},         {"uuid", g.uuid},   {"name", g.name},        {"position", g.position},
               {"org", g.org},       {"city", g.city},   {"country", g.country},  {"rank", g.rank},
               {"phone", g.phone},   {"email", g.email}, {"notes", g.notes},      {"consent", store::date_json(g.consent)}};
  return j.dump();
}

Guest read(const Statement& st) {
  Guest g;
  g.id = st.get_int(0);
  g.uuid = st.get_text(1);
  g.name = st.get_text(2);
  g.position = st.get_text(3);
  g.org = st.get_text(4);
  g.city = st.get_text(5);
  g.country = st.get_text(6);
  g.rank = st.get_text(7);
  g.phone = st.get_text(8);
  g.email = st.get_text(9);
  g.notes = st.get_text(10);
  g.consent = store::opt_date(st, 11);
  g.created = store::to_instant(st.get_text(12));
  g.updated = store::to_instant(st.get_text(13));
  return g;
}

json invitation_json(const Invitation& i) {
  return json{{"id", i.guest_id},
              {"group", i.group},
              {"status", to_string(i.status)},
              {"invited_on", time::format_date(i.invited_on)},
              {"status_on", time::format_date(i.status_on)},
              {"speaks", i.speaks},
              {"note", i.note}};
}

Invitation read_invitation(const Statement& st) {
  Invitation i;
  i.event_id = st.get_int(0);
  i.guest_id = st.get_int(1);
  i.group = st.get_text(2);
  i.status = parse_status(st.get_text(3));
  i.invited_on = store::to_date(st.get_text(4));
  i.status_on = store::to_date(st.get_text(5));
  i.speaks = st.get_int(6) != 0;
  i.note = st.get_text(7);
  return i;
}

constexpr const char* kInvitationColumns = "event_id, guest_id, grp, status, invited_on, status_on, speaks, note";

std::optional<std::string> instant_text(const std::optional<time::Instant>& t) {
  return t ? std::optional<std::string>(time::format_utc(*t)) : std::nullopt;
}

json instant_json(const std::optional<time::Instant>& t) { return t ? json(time::format_utc(*t)) : json(nullptr); }

std::string snapshot(const Delegation& d) {
  const json j{{"id", d.id},
               {"uuid", d.uuid},
               {"from", d.from},
               {"head", d.head ? json(*d.head) : json(nullptr)},
               {"members", d.members},
               {"arrive", instant_json(d.arrive)},
               {"arrive_by", d.arrive_by},
               {"depart", instant_json(d.depart)},
               {"depart_by", d.depart_by},
               {"hotel", d.hotel},
               {"escort", d.escort},
               {"notes", d.notes},
               {"events", d.events}};
  return j.dump();
}

constexpr const char* kDelegationColumns =
    "id, uuid, from_place, head_id, arrive_utc, arrive_by, depart_utc, depart_by, hotel, escort, notes, created_utc, "
    "updated_utc";

Delegation read_delegation(const Statement& st) {
  Delegation d;
  d.id = st.get_int(0);
  d.uuid = st.get_text(1);
  d.from = st.get_text(2);
  d.head = st.get_opt_int(3);
  if (auto t = st.get_opt_text(4)) {
    d.arrive = store::to_instant(*t);
  }
  d.arrive_by = st.get_text(5);
  if (auto t = st.get_opt_text(6)) {
    d.depart = store::to_instant(*t);
  }
  d.depart_by = st.get_text(7);
  d.hotel = st.get_text(8);
  d.escort = st.get_text(9);
  d.notes = st.get_text(10);
  d.created = store::to_instant(st.get_text(11));
  d.updated = store::to_instant(st.get_text(12));
  return d;
}

void load_children(Db& db, Delegation& d) {
  auto& m = db.cached("SELECT guest_id FROM delegation_member WHERE delegation_id = ? ORDER BY no");
  m.bind(1, d.id);
  d.members.clear();
  while (m.step()) {
    d.members.push_back(m.get_int(0));
  }
  auto& e = db.cached("SELECT event_id FROM delegation_event WHERE delegation_id = ? ORDER BY no");
  e.bind(1, d.id);
  d.events.clear();
  while (e.step()) {
    d.events.push_back(e.get_int(0));
  }
}

void write_children(Db& db, const Delegation& d) {
  auto& dm = db.cached("DELETE FROM delegation_member WHERE delegation_id = ?");
  dm.bind(1, d.id);
  dm.run();
  auto& im = db.cached("INSERT INTO delegation_member(delegation_id, guest_id, no) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < d.members.size(); ++i) {
    im.reset();
    im.bind_all(d.id, d.members[i], static_cast<std::int64_t>(i + 1));
    im.run();
  }
  auto& de = db.cached("DELETE FROM delegation_event WHERE delegation_id = ?");
  de.bind(1, d.id);
  de.run();
  auto& ie = db.cached("INSERT INTO delegation_event(delegation_id, event_id, no) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < d.events.size(); ++i) {
    ie.reset();
    ie.bind_all(d.id, d.events[i], static_cast<std::int64_t>(i + 1));
    ie.run();
  }
}

}  // namespace

void insert(Db& db, Guest& g) {
  auto& st = db.cached(
      "INSERT INTO guest(uuid, name, name_key, position, org, org_key, city, country, rank, phone, email, notes, "
      "consent_on, search_key, created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind_all(g.uuid, g.name, key(g.name), g.position, g.org, key(g.org), g.city, g.country, g.rank, g.phone, g.email,
              g.notes, store::date_text(g.consent), search_key(g), time::format_utc(g.created),
              time::format_utc(g.updated));
  st.run();
  g.id = db.last_insert_id();
  store::audit(db, "guest", g.id, store::AuditAction::insert, std::nullopt, snapshot(g));
}

void update(Db& db, const Guest& before, const Guest& after) {
  auto& st = db.cached(
      "UPDATE guest SET name = ?, name_key = ?, position = ?, org = ?, org_key = ?, city = ?, country = ?, rank = ?, "
      "phone = ?, email = ?, notes = ?, consent_on = ?, search_key = ?, updated_utc = ? WHERE id = ?");
  st.bind_all(after.name, key(after.name), after.position, after.org, key(after.org), after.city, after.country,
              after.rank, after.phone, after.email, after.notes, store::date_text(after.consent), search_key(after),
              time::format_utc(after.updated), after.id);
  st.run();
  store::audit(db, "guest", after.id, store::AuditAction::update, snapshot(before), snapshot(after));
}

std::optional<Guest> load(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM guest WHERE id = ?", kGuestColumns));
  st.bind(1, id);
  auto g = store::first(st, read);
  st.reset();
  return g;
}

std::optional<std::int64_t> find(Db& db, const std::string& name_key, const std::string& org_key) {
  auto& st = db.cached("SELECT id FROM guest WHERE name_key = ? AND org_key = ?");
  st.bind_all(name_key, org_key);
  std::optional<std::int64_t> id;
  if (st.step()) {
    id = st.get_int(0);
  }
  st.reset();
  return id;
}

std::vector<Guest> list(Db& db, const std::vector<std::string>& words, const std::string& rank,
                        std::optional<long> limit) {
  // Every word in the search key: the words as one JSON array, so the statement is one.
  auto& st = db.cached(fmt::format(
      "SELECT {} FROM guest WHERE (?1 = '' OR rank = ?1) AND NOT EXISTS "
      "(SELECT 1 FROM json_each(?3) w WHERE instr(search_key, w.value) = 0) ORDER BY name_key, id LIMIT ?2",
      kGuestColumns));
  st.bind(1, rank);
  st.bind(2, static_cast<std::int64_t>(limit.value_or(-1)));
  st.bind(3, json(words).dump());
  std::vector<Guest> out;
  while (st.step()) {
    out.push_back(read(st));
  }
  return out;
}

std::vector<Guest> load_many(Db& db, const std::vector<std::int64_t>& ids) {
  std::vector<Guest> out;
  for (auto id : ids) {
    if (auto g = load(db, id)) {
      out.push_back(std::move(*g));
    }
  }
  return out;
}

std::vector<std::int64_t> erase(Db& db, const Guest& g, const std::vector<std::string>& typed) {
  std::vector<std::string> texts;
  for (const auto& t : typed) {
    if (t.size() >= 3 && std::find(texts.begin(), texts.end(), t) == texts.end()) {
      texts.push_back(t);
    }
  }
  // The commands that wrote the guest's row, or the person's name into another
  // record (a speech in a run of show), held it in their undo changes.
  std::set<std::int64_t> commands;
  {
    auto& st = db.cached("SELECT DISTINCT command_id FROM audit WHERE entity = 'guest' AND entity_id = ? AND command_id <> ?");
    st.bind_all(g.id, db.command_id());
    while (st.step()) {
      commands.insert(st.get_int(0));
    }
  }
  for (const auto& t : texts) {
    auto& st = db.cached(
        "SELECT DISTINCT command_id FROM audit WHERE (instr(before, ?1) > 0 OR instr(after, ?1) > 0) AND command_id <> ?2");
    st.bind_all(t, db.command_id());
    while (st.step()) {
      commands.insert(st.get_int(0));
    }
  }
  for (const char* sql : {"DELETE FROM event_guest WHERE guest_id = ?", "DELETE FROM delegation_member WHERE guest_id = ?",
                          "UPDATE delegation SET head_id = NULL WHERE head_id = ?", "DELETE FROM guest WHERE id = ?"}) {
    auto& st = db.cached(sql);
    st.bind(1, g.id);
    st.run();
  }
  auto& anon = db.cached(
      "UPDATE audit SET before = CASE WHEN before IS NULL THEN NULL ELSE ?1 END, "
      "after = CASE WHEN after IS NULL THEN NULL ELSE ?1 END WHERE entity = 'guest' AND entity_id = ?2");
  anon.bind_all(json{{"id", g.id}}.dump(), g.id);
  anon.run();
  for (const auto& t : texts) {
    auto& scrub = db.cached(
        "UPDATE audit SET before = replace(before, ?1, '***'), after = replace(after, ?1, '***') "
        "WHERE instr(before, ?1) > 0 OR instr(after, ?1) > 0");
    scrub.bind(1, t);
    scrub.run();
  }
  for (auto c : commands) {
    auto& del = db.cached("DELETE FROM command_change WHERE command_id = ?");
    del.bind(1, c);
    del.run();
    auto& mark = db.cached("UPDATE command SET undone_by = coalesce(undone_by, ?) WHERE id = ?");
    mark.bind_all(db.command_id(), c);
    mark.run();
  }
  // The command lines: the name as typed (any words of it, in any case), the phone, the e-mail.
  const auto words = name_words(g.name);
  std::vector<std::pair<std::int64_t, std::string>> masked;
  {
    auto& st = db.cached("SELECT id, argv FROM command");
    while (st.step()) {
      std::string argv = st.get_text(1);
      std::string m = mask_words(argv, words);
      for (const auto& t : texts) {
        for (std::size_t p = m.find(t); p != std::string::npos; p = m.find(t, p + 3)) {
          m.replace(p, t.size(), "***");
        }
      }
      if (m != argv) {
        masked.emplace_back(st.get_int(0), std::move(m));
      }
    }
  }
  for (const auto& [id, argv] : masked) {
    auto& up = db.cached("UPDATE command SET argv = ? WHERE id = ?");
    up.bind_all(argv, id);
    up.run();
  }
  store::audit(db, "guest", g.id, store::AuditAction::remove, json{{"id", g.id}}.dump(), std::nullopt);
  return {commands.begin(), commands.end()};
}

std::vector<Invitation> invitations(Db& db, std::int64_t event_id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM event_guest WHERE event_id = ? ORDER BY guest_id", kInvitationColumns));
  st.bind(1, event_id);
  std::vector<Invitation> out;
  while (st.step()) {
    out.push_back(read_invitation(st));
  }
  return out;
}

std::vector<std::pair<Invitation, std::string>> invitations_of(Db& db, std::int64_t guest_id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM event_guest WHERE guest_id = ? ORDER BY event_id", kInvitationColumns));
  st.bind(1, guest_id);
  std::vector<std::pair<Invitation, std::string>> out;
  while (st.step()) {
    out.emplace_back(read_invitation(st), "");
  }
  return out;
}

void write_invitations(Db& db, std::int64_t event_id, const std::vector<Invitation>& before,
                       const std::vector<Invitation>& after) {
  json b = json::array();
  json a = json::array();
  std::set<std::int64_t> now;
  for (const auto& i : after) {
    now.insert(i.guest_id);
  }
  for (const auto& i : before) {
    if (!now.contains(i.guest_id)) {
      auto& del = db.cached("DELETE FROM event_guest WHERE event_id = ? AND guest_id = ?");
      del.bind_all(event_id, i.guest_id);
      del.run();
      b.push_back(invitation_json(i));
    }
  }
  for (const auto& i : after) {
    const auto was = std::find_if(before.begin(), before.end(), [&](const Invitation& x) { return x.guest_id == i.guest_id; });
    if (was != before.end() && *was == i) {
      continue;
    }
    auto& up = db.cached(
        "INSERT INTO event_guest(event_id, guest_id, grp, status, invited_on, status_on, speaks, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, guest_id) DO UPDATE SET grp = excluded.grp, "
        "status = excluded.status, invited_on = excluded.invited_on, status_on = excluded.status_on, "
        "speaks = excluded.speaks, note = excluded.note");
    up.bind_all(event_id, i.guest_id, i.group, std::string(to_string(i.status)), time::format_date(i.invited_on),
                time::format_date(i.status_on), static_cast<std::int64_t>(i.speaks), i.note);
    up.run();
    if (was != before.end()) {
      b.push_back(invitation_json(*was));
    }
    a.push_back(invitation_json(i));
  }
  if (b.empty() && a.empty()) {
    return;
  }
  const auto action = b.empty() ? store::AuditAction::insert : store::AuditAction::update;
  store::audit(db, "guest_list", event_id, action, b.empty() ? std::nullopt : std::optional<std::string>(json{{"guests", b}}.dump()),
               json{{"guests", a}}.dump());
}

void insert(Db& db, Delegation& d) {
  auto& st = db.cached(
      "INSERT INTO delegation(uuid, from_place, head_id, arrive_utc, arrive_by, depart_utc, depart_by, hotel, escort, "
      "notes, created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind_all(d.uuid, d.from, d.head, instant_text(d.arrive), d.arrive_by, instant_text(d.depart), d.depart_by, d.hotel,
              d.escort, d.notes, time::format_utc(d.created), time::format_utc(d.updated));
  st.run();
  d.id = db.last_insert_id();
  write_children(db, d);
  store::audit(db, "delegation", d.id, store::AuditAction::insert, std::nullopt, snapshot(d));
}

void update(Db& db, const Delegation& before, const Delegation& after) {
  auto& st = db.cached(
      "UPDATE delegation SET from_place = ?, head_id = ?, arrive_utc = ?, arrive_by = ?, depart_utc = ?, depart_by = ?, "
      "hotel = ?, escort = ?, notes = ?, updated_utc = ? WHERE id = ?");
  st.bind_all(after.from, after.head, instant_text(after.arrive), after.arrive_by, instant_text(after.depart),
              after.depart_by, after.hotel, after.escort, after.notes, time::format_utc(after.updated), after.id);
  st.run();
  if (before.members != after.members || before.events != after.events) {
    write_children(db, after);
  }
  store::audit(db, "delegation", after.id, store::AuditAction::update, snapshot(before), snapshot(after));
}

void remove(Db& db, const Delegation& d) {
  for (const char* sql : {"DELETE FROM delegation_member WHERE delegation_id = ?",
                          "DELETE FROM delegation_event WHERE delegation_id = ?", "DELETE FROM delegation WHERE id = ?"}) {
    auto& st = db.cached(sql);
    st.bind(1, d.id);
    st.run();
  }
  store::audit(db, "delegation", d.id, store::AuditAction::remove, snapshot(d), std::nullopt);
}

std::optional<Delegation> load_delegation(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM delegation WHERE id = ?", kDelegationColumns));
  st.bind(1, id);
  auto d = store::first(st, read_delegation);
  st.reset();
  if (d) {
    load_children(db, *d);
  }
  return d;
}

std::vector<Delegation> delegations(Db& db, std::optional<std::int64_t> event_id) {
  auto& st = db.cached(fmt::format(
      "SELECT {} FROM delegation WHERE ?1 IS NULL OR id IN (SELECT delegation_id FROM delegation_event WHERE event_id = ?1) "
      "ORDER BY arrive_utc IS NULL, arrive_utc, id",
      kDelegationColumns));
  st.bind(1, event_id);
  std::vector<Delegation> out;
  while (st.step()) {
    out.push_back(read_delegation(st));
  }
  st.reset();
  for (auto& d : out) {
    load_children(db, d);
  }
  return out;
}

std::vector<std::int64_t> delegations_of(Db& db, std::int64_t guest_id) {
  auto& st = db.cached(
      "SELECT id FROM delegation WHERE head_id = ?1 UNION SELECT delegation_id FROM delegation_member WHERE guest_id = ?1 "
      "ORDER BY 1");
  st.bind(1, guest_id);
  std::vector<std::int64_t> out;
  while (st.step()) {
    out.push_back(st.get_int(0));
  }
  return out;
}

}  // namespace omskplan::guest::repo
