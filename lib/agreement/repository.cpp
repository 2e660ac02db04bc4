#include "agreement/repository.hpp"

#include "core/error.hpp"
#include "core/russian.hpp"
#include "store/audit.hpp"
#include "store/query.hpp"
#include "store/values.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace omskplan::agreement::repo {

using store::Db;
using store::Statement;
using time::format_date;
using time::format_utc;
using store::opt_date;

namespace {




std::optional<std::string> opt_text(const std::string& s) {
  if (s.empty()) {
    return std::nullopt;
  }
  return s;
}


// Audit snapshots.
std::string snapshot(const Organization& o) {
  nlohmann::ordered_json j{{"id", o.id},           {"uuid", o.uuid},       {"name", o.name},
                           {"kind", to_string(o.kind)}, {"inn", o.inn},   {"ogrn", o.ogrn},
                           {"contact", o.contact}, {"phone", o.phone},     {"email", o.email},
                           {"address", o.address}, {"notes", o.notes}};
  return j.dump();
}

std::string snapshot(const Agreement& a) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["uuid"] = a.uuid;
  j["number"] = a.number;
  j["title"] = a.title;
  j["org_id"] = a.org_id;
  j["sphere"] = a.sphere;
  j["signed_on"] = store::date_json(a.signed_on);
  j["valid_from"] = store::date_json(a.valid_from);
  j["valid_to"] = store::date_json(a.valid_to);
  j["value_kop"] = a.value;
  j["status"] = to_string(a.status);
  j["terminated_on"] = store::date_json(a.terminated_on);
  j["termination_reason"] = a.termination_reason;
  j["signed_at_event"] = a.signed_at_event ? nlohmann::ordered_json(*a.signed_at_event) : nullptr;
  j["notes"] = a.notes;
  j["files"] = a.files;
  j["obligations"] = nlohmann::ordered_json::array();
  for (const auto& o : a.obligations) {
    j["obligations"].push_back({{"no", o.no},
                                {"party", to_string(o.party)},
                                {"text", o.text},
                                {"due", store::date_json(o.due)},
                                {"value_kop", o.value ? nlohmann::ordered_json(*o.value) : nullptr},
                                {"done_on", store::date_json(o.done_on)}});
  }
  return j.dump();
}

const char* kOrgColumns =
    "id, uuid, name, kind, coalesce(inn, ''), coalesce(ogrn, ''), contact, phone, email, address, notes, "
    "created_utc, updated_utc";

Organization read_org(const Statement& st) {
  Organization o;
  o.id = st.get_int(0);
  o.uuid = st.get_text(1);
  o.name = st.get_text(2);
  o.kind = parse_org_kind(st.get_text(3));
  o.inn = st.get_text(4);
  o.ogrn = st.get_text(5);
  o.contact = st.get_text(6);
  o.phone = st.get_text(7);
  o.email = st.get_text(8);
  o.address = st.get_text(9);
  o.notes = st.get_text(10);
  o.created = store::to_instant(st.get_text(11));
  o.updated = store::to_instant(st.get_text(12));
  return o;
}

void bind_org(Statement& st, const Organization& o) {
  st.bind_all(o.uuid, o.name, std::string(to_string(o.kind)), opt_text(o.inn), opt_text(o.ogrn), o.contact, o.phone,
              o.email, o.address, o.notes, format_utc(o.created), format_utc(o.updated));
}

const char* kAgreementColumns =
    "id, uuid, number, title, org_id, sphere, signed_on, valid_from, valid_to, value_kop, status, terminated_on, "
    "termination_reason, signed_at_event, notes, files, created_utc, updated_utc";

Agreement read_agreement(const Statement& st) {
  Agreement a;
  a.id = st.get_int(0);
  a.uuid = st.get_text(1);
  a.number = st.get_text(2);
  a.title = st.get_text(3);
  a.org_id = st.get_int(4);
  a.sphere = st.get_text(5);
  a.signed_on = opt_date(st, 6);
  a.valid_from = opt_date(st, 7);
  a.valid_to = opt_date(st, 8);
  a.value = st.get_int(9);
  a.status = parse_status(st.get_text(10));
  a.terminated_on = opt_date(st, 11);
  a.termination_reason = st.get_text(12);
  a.signed_at_event = st.get_opt_int(13);
  a.notes = st.get_text(14);
  a.files = nlohmann::json::parse(st.get_text(15)).get<std::vector<std::string>>();
  a.created = store::to_instant(st.get_text(16));
  a.updated = store::to_instant(st.get_text(17));
  return a;
}

void bind_agreement(Statement& st, const Agreement& a) {
  st.bind_all(a.uuid, a.number, a.title, a.org_id, a.sphere, store::date_text(a.signed_on), store::date_text(a.valid_from),
              store::date_text(a.valid_to), a.value, std::string(to_string(a.status)), store::date_text(a.terminated_on),
              a.termination_reason, a.signed_at_event, a.notes, nlohmann::json(a.files).dump(), format_utc(a.created),
              format_utc(a.updated));
}

Obligation read_obligation(const Statement& st, int c) {
  Obligation o;
  o.no = static_cast<int>(st.get_int(c));
  o.party = parse_party(st.get_text(c + 1));
  o.text = st.get_text(c + 2);
  o.due = opt_date(st, c + 3);
  o.value = st.get_opt_int(c + 4);
  o.done_on = opt_date(st, c + 5);
  return o;
}

void load_obligations(Db& db, Agreement& a) {
  auto& st = db.cached(
      "SELECT no, party, text, due, value_kop, done_on FROM obligation WHERE agreement_id = ? ORDER BY no");
  st.bind(1, a.id);
  a.obligations.clear();
  while (st.step()) {
    a.obligations.push_back(read_obligation(st, 0));
  }
}

void write_obligations(Db& db, const Agreement& a) {
  auto& del = db.cached("DELETE FROM obligation WHERE agreement_id = ?");
  del.bind(1, a.id);
  del.run();
  auto& ins = db.cached(
      "INSERT INTO obligation(agreement_id, no, party, text, due, value_kop, done_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& o : a.obligations) {
    ins.reset();
    ins.bind_all(a.id, o.no, std::string(to_string(o.party)), o.text, store::date_text(o.due), o.value,
                 store::date_text(o.done_on));
    ins.run();
  }
}

// An agreement's obligations from `before` to `after`, row by row: only the
// obligations removed, changed or added are written (an obligation added to
// an agreement with a thousand was a thousand rows deleted and written again,
// each in the command's undo changes: 171 MB for 1 110 adds).
void write_obligation_changes(Db& db, const Agreement& before, const Agreement& after) {
  std::map<int, const Obligation*> old_by_no, new_by_no;
  for (const auto& o : before.obligations) {
    old_by_no[o.no] = &o;
  }
  for (const auto& o : after.obligations) {
    new_by_no[o.no] = &o;
  }
  auto& del = db.cached("DELETE FROM obligation WHERE agreement_id = ? AND no = ?");
  for (const auto& [no, o] : old_by_no) {
    if (!new_by_no.count(no)) {
      del.reset();
      del.bind_all(after.id, no);
      del.run();
    }
  }
  auto& upd = db.cached(
      "UPDATE obligation SET party = ?, text = ?, due = ?, value_kop = ?, done_on = ? WHERE agreement_id = ? AND no = ?");
  auto& ins = db.cached(
      "INSERT INTO obligation(agreement_id, no, party, text, due, value_kop, done_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& [no, o] : new_by_no) {
    const auto was = old_by_no.find(no);
    if (was == old_by_no.end()) {
      ins.reset();
      ins.bind_all(after.id, o->no, std::string(to_string(o->party)), o->text, store::date_text(o->due), o->value,
                   store::date_text(o->done_on));
      ins.run();
    } else if (!(*was->second == *o)) {
      upd.reset();
      upd.bind_all(std::string(to_string(o->party)), o->text, store::date_text(o->due), o->value,
                   store::date_text(o->done_on), after.id, o->no);
      upd.run();
    }
  }
}

}  // namespace

// ---- organizations ----

void insert(Db& db, Organization& o) {
  store::NewRecord rec(db, "organization");
  auto& st = db.cached(
      "INSERT INTO organization(uuid, name, kind, inn, ogrn, contact, phone, email, address, notes, created_utc, "
      "updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_org(st, o);
  st.run();
  o.id = db.last_insert_id();
  rec.created(o.id);
}

// Writes nothing when the snapshots (everything but the timestamps) are equal.
bool update(Db& db, const Organization& before, const Organization& after) {
  const std::string b = snapshot(before);
  const std::string a = snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE organization SET uuid = ?, name = ?, kind = ?, inn = ?, ogrn = ?, contact = ?, phone = ?, email = ?, "
      "address = ?, notes = ?, created_utc = ?, updated_utc = ? WHERE id = ?");
  bind_org(st, after);
  st.bind(13, after.id);
  st.run();
  store::audit(db, "organization", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Organization> load_org(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM organization WHERE id = ?", kOrgColumns));
  return store::first(st.bind(1, id), read_org);
}

std::optional<Organization> find_org_by_inn(Db& db, const std::string& inn) {
  auto& st = db.cached(fmt::format("SELECT {} FROM organization WHERE inn = ?", kOrgColumns));
  return store::first(st.bind(1, inn), read_org);
}

std::optional<std::int64_t> find_org_by_uuid(Db& db, const std::string& uuid) {
  auto& st = db.cached("SELECT id FROM organization WHERE uuid = ?");
  st.bind(1, uuid);
  if (!st.step()) {
    return std::nullopt;
  }
  return st.get_int(0);
}

void for_each_org(Db& db, const OrgFilter& f, const std::function<void(Organization&&)>& each) {
  store::Query q(fmt::format("SELECT {} FROM organization WHERE 1", kOrgColumns));
  if (f.kind) {
    q.where("kind = ?", {std::string(to_string(*f.kind))});
  }
  if (f.search) {
    q.search("id IN (SELECT rowid FROM organization_fts WHERE organization_fts MATCH ?)", *f.search);
  }
  // In Russian alphabetical order (SQLite's NOCASE knows only ASCII), sorted
  // by SQLite: in bounded memory at any number of organizations.
  Statement st = q.prepare(db, "ru_sort_key(name), id", f.limit);
  while (st.step()) {
    each(read_org(st));
  }
}

std::vector<Organization> list_orgs(Db& db, const OrgFilter& f) {
  std::vector<Organization> out;
  for_each_org(db, f, [&](Organization&& o) { out.push_back(std::move(o)); });
  return out;
}

// ---- agreements ----

void insert(Db& db, Agreement& a) {
  // With its obligations (ON DELETE CASCADE), recorded as its id.
  store::NewRecord rec(db, "agreement");
  auto& st = db.cached(
      "INSERT INTO agreement(uuid, number, title, org_id, sphere, signed_on, valid_from, valid_to, value_kop, status, "
      "terminated_on, termination_reason, signed_at_event, notes, files, created_utc, updated_utc) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_agreement(st, a);
  st.run();
  a.id = db.last_insert_id();
  write_obligations(db, a);
  rec.created(a.id);
}

bool update(Db& db, const Agreement& before, const Agreement& after) {
  const std::string b = snapshot(before);
  const std::string a = snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE agreement SET uuid = ?, number = ?, title = ?, org_id = ?, sphere = ?, signed_on = ?, valid_from = ?, "
      "valid_to = ?, value_kop = ?, status = ?, terminated_on = ?, termination_reason = ?, signed_at_event = ?, "
      "notes = ?, files = ?, created_utc = ?, updated_utc = ? WHERE id = ?");
  bind_agreement(st, after);
  st.bind(18, after.id);
  st.run();
  if (before.obligations != after.obligations) {
    write_obligation_changes(db, before, after);
  }
  store::audit(db, "agreement", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Agreement> load(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM agreement WHERE id = ?", kAgreementColumns));
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  Agreement a = read_agreement(st);
  st.reset();
  load_obligations(db, a);
  return a;
}

std::optional<std::int64_t> find_by_number(Db& db, const std::string& number) {
  auto& st = db.cached("SELECT id FROM agreement WHERE number = ?");
  st.bind(1, number);
  if (!st.step()) {
    return std::nullopt;
  }
  return st.get_int(0);
}

std::optional<std::int64_t> find_by_uuid(Db& db, const std::string& uuid) {
  auto& st = db.cached("SELECT id FROM agreement WHERE uuid = ?");
  st.bind(1, uuid);
  if (!st.step()) {
    return std::nullopt;
  }
  return st.get_int(0);
}

void for_each(Db& db, const Filter& f, bool with_obligations, const std::function<void(Agreement&&)>& each) {
  store::Query q(fmt::format("SELECT {} FROM agreement WHERE 1", kAgreementColumns));
  if (f.org_id) {
    q.where("org_id = ?", {std::to_string(*f.org_id)});
  }
  if (f.sphere) {
    q.where("sphere = ?", {*f.sphere});
  }
  if (!f.stored_statuses.empty()) {
    // With a search, the full-text match is the selective term: "+status" keeps
    // the planner from walking the status index over most of the table instead.
    std::string cond = f.search ? "+status IN (" : "status IN (";
    std::vector<std::string> values;
    for (std::size_t i = 0; i < f.stored_statuses.size(); ++i) {
      cond += i ? ", ?" : "?";
      values.emplace_back(to_string(f.stored_statuses[i]));
    }
    q.where(cond + ")", std::move(values));
  }
  if (f.valid_to_from) {
    q.where("valid_to >= ?", {format_date(*f.valid_to_from)});
  }
  if (f.valid_to_until) {
    q.where("valid_to <= ?", {format_date(*f.valid_to_until)});
  }
  if (f.search) {
    q.search("id IN (SELECT rowid FROM agreement_fts WHERE agreement_fts MATCH ?)", *f.search);
  }
  Statement st = q.prepare(db, "signed_on, id", f.limit);
  while (st.step()) {
    Agreement a = read_agreement(st);
    if (with_obligations) {
      load_obligations(db, a);
    }
    each(std::move(a));
  }
}

std::vector<Agreement> list(Db& db, const Filter& f, bool with_obligations) {
  std::vector<Agreement> out;
  for_each(db, f, with_obligations, [&](Agreement&& a) { out.push_back(std::move(a)); });
  return out;
}

std::vector<DueObligation> open_obligations_until(Db& db, time::Date until) {
  auto& st = db.cached(
      "SELECT a.id, a.number, o.name, b.no, b.party, b.text, b.due, b.value_kop, b.done_on "
      "FROM obligation b JOIN agreement a ON a.id = b.agreement_id JOIN organization o ON o.id = a.org_id "
      "WHERE b.done_on IS NULL AND b.due <= ? AND a.status NOT IN ('terminated', 'fulfilled') "
      "ORDER BY b.due, a.id, b.no");
  st.bind(1, format_date(until));
  std::vector<DueObligation> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), read_obligation(st, 3)});
  }
  return out;
}

std::vector<Contribution> fulfilled_by_partner(Db& db, time::Date from, time::Date to) {
  auto& st = db.cached(
      "SELECT o.id, o.name, coalesce(o.inn, ''), sum(coalesce(b.value_kop, 0)), count(*) "
      "FROM obligation b JOIN agreement a ON a.id = b.agreement_id JOIN organization o ON o.id = a.org_id "
      "WHERE b.party = 'partner' AND b.done_on IS NOT NULL AND b.done_on BETWEEN ? AND ? "
      "GROUP BY o.id");
  st.bind_all(format_date(from), format_date(to));
  std::vector<Contribution> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), st.get_int(3), static_cast<int>(st.get_int(4))});
  }
  return out;
}

// ---- awards and badges ----

void insert(Db& db, Award& a) {
  auto& st = db.cached("INSERT INTO award(year, org_id, title, decided_on, notes) VALUES (?, ?, ?, ?, ?)");
  st.bind_all(a.year, a.org_id, a.title, store::date_text(a.decided_on), a.notes);
  st.run();
  a.id = db.last_insert_id();
  nlohmann::ordered_json j{{"id", a.id},       {"year", a.year},  {"org_id", a.org_id},
                           {"title", a.title}, {"decided_on", store::date_json(a.decided_on)}, {"notes", a.notes}};
  store::audit(db, "award", a.id, store::AuditAction::insert, std::nullopt, j.dump());
}

std::vector<Award> awards(Db& db, std::optional<int> year, std::optional<std::int64_t> org_id) {
  auto& st = db.cached(
      "SELECT id, year, org_id, title, decided_on, notes FROM award "
      "WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR org_id = ?2) ORDER BY year, id");
  st.bind(1, year ? std::optional<std::int64_t>(*year) : std::nullopt);
  st.bind(2, org_id);
  std::vector<Award> out;
  while (st.step()) {
    out.push_back({st.get_int(0), static_cast<int>(st.get_int(1)), st.get_int(2), st.get_text(3), opt_date(st, 4),
                   st.get_text(5)});
  }
  return out;
}

void insert(Db& db, Badge& b) {
  auto& st = db.cached("INSERT INTO badge(year, number, org_id, issued_on) VALUES (?, ?, ?, ?)");
  st.bind_all(b.year, b.number, b.org_id, format_date(b.issued_on));
  st.run();
  b.id = db.last_insert_id();
  nlohmann::ordered_json j{{"id", b.id},
                           {"year", b.year},
                           {"number", b.number},
                           {"org_id", b.org_id},
                           {"issued_on", format_date(b.issued_on)}};
  store::audit(db, "badge", b.id, store::AuditAction::insert, std::nullopt, j.dump());
}

std::vector<Badge> badges(Db& db, std::optional<int> year, std::optional<std::int64_t> org_id) {
  auto& st = db.cached(
      "SELECT id, year, number, org_id, issued_on FROM badge "
      "WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR org_id = ?2) ORDER BY year, number");
  st.bind(1, year ? std::optional<std::int64_t>(*year) : std::nullopt);
  st.bind(2, org_id);
  std::vector<Badge> out;
  while (st.step()) {
    out.push_back({st.get_int(0), static_cast<int>(st.get_int(1)), static_cast<int>(st.get_int(2)), st.get_int(3),
                   *opt_date(st, 4)});
  }
  return out;
}

int next_badge_number(Db& db, int year) {
  auto& st = db.cached("SELECT coalesce(max(number), 0) + 1 FROM badge WHERE year = ?");
  st.bind(1, year);
  st.step();
  return static_cast<int>(st.get_int(0));
}

}  // namespace omskplan::agreement::repo
