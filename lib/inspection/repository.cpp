#include "inspection/repository.hpp"

#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/values.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace omskplan::inspection::repo {

using store::Db;
using store::Statement;
using time::format_date;
using time::format_utc;
using store::date_text;
using store::opt_date;

namespace {





template <class T>
nlohmann::ordered_json jopt(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

std::string snapshot(const Site& s) {
  nlohmann::ordered_json j{{"id", s.id},
                           {"uuid", s.uuid},
                           {"code", s.code},
                           {"name", s.name},
                           {"address", s.address},
                           {"lat", s.where ? nlohmann::ordered_json(s.where->lat) : nullptr},
                           {"lon", s.where ? nlohmann::ordered_json(s.where->lon) : nullptr},
                           {"program", s.program},
                           {"work", to_string(s.work)},
                           {"customer_id", jopt(s.customer_id)},
                           {"contractor_id", jopt(s.contractor_id)},
                           {"deadline", store::date_json(s.deadline)},
                           {"progress", s.progress},
                           {"risk", to_string(s.risk)},
                           {"active", s.active},
                           {"notes", s.notes}};
  return j.dump();
}

std::string snapshot(const Visit& v) {
  nlohmann::ordered_json j{{"id", v.id},
                           {"site_id", v.site_id},
                           {"week", v.week},
                           {"day", format_date(v.day)},
                           {"seq", v.seq},
                           {"arrive", v.arrive ? nlohmann::ordered_json(format_utc(*v.arrive)) : nullptr},
                           {"depart", v.depart ? nlohmann::ordered_json(format_utc(*v.depart)) : nullptr},
                           {"status", to_string(v.status)},
                           {"held_on", store::date_json(v.held_on)},
                           {"notes", v.notes},
                           {"agencies", v.agencies},
                           {"attendees", v.attendees}};
  return j.dump();
}

std::string snapshot(const Finding& f) {
  nlohmann::ordered_json j{{"id", f.id},
                           {"site_id", f.site_id},
                           {"visit_id", jopt(f.visit_id)},
                           {"text", f.text},
                           {"severity", to_string(f.severity)},
                           {"responsible_org", jopt(f.responsible_org)},
                           {"responsible_person", f.responsible_person},
                           {"due", store::date_json(f.due)},
                           {"status", to_string(f.status)}};
  return j.dump();
}

const char* kSiteColumns =
    "id, uuid, code, name, address, lat, lon, program, work, customer_id, contractor_id, deadline, progress, risk, "
    "active, notes, created_utc, updated_utc";

Site read_site(const Statement& st) {
  Site s;
  s.id = st.get_int(0);
  s.uuid = st.get_text(1);
  s.code = st.get_text(2);
  s.name = st.get_text(3);
  s.address = st.get_text(4);
  if (!st.is_null(5) && !st.is_null(6)) {
    s.where = GeoPoint{std::stod(st.get_text(5)), std::stod(st.get_text(6))};
  }
  s.program = st.get_text(7);
  s.work = parse_work(st.get_text(8));
  s.customer_id = st.get_opt_int(9);
  s.contractor_id = st.get_opt_int(10);
  s.deadline = opt_date(st, 11);
  s.progress = static_cast<int>(st.get_int(12));
  s.risk = parse_risk(st.get_text(13));
  s.active = st.get_int(14) != 0;
  s.notes = st.get_text(15);
  s.created = store::to_instant(st.get_text(16));
  s.updated = store::to_instant(st.get_text(17));
  return s;
}

void bind_site(Statement& st, const Site& s) {
  std::optional<std::string> lat, lon;
  if (s.where) {
    lat = fmt::format("{:.7f}", s.where->lat);
    lon = fmt::format("{:.7f}", s.where->lon);
  }
  st.bind_all(s.uuid, s.code, s.name, s.address, lat, lon, s.program, std::string(to_string(s.work)), s.customer_id,
              s.contractor_id, date_text(s.deadline), s.progress, std::string(to_string(s.risk)), s.active ? 1 : 0,
              s.notes, format_utc(s.created), format_utc(s.updated));
}

}  // namespace

// SQLite stores REAL; binding text into a REAL column of a STRICT table converts it.
void insert(Db& db, Site& s) {
  store::NewRecord rec(db, "site");
  auto& st = db.cached(
      "INSERT INTO site(uuid, code, name, address, lat, lon, program, work, customer_id, contractor_id, deadline, "
      "progress, risk, active, notes, created_utc, updated_utc) "
      "VALUES (?, ?, ?, ?, CAST(?5 AS REAL), CAST(?6 AS REAL), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_site(st, s);
  st.run();
  s.id = db.last_insert_id();
  rec.created(s.id);
}

bool update(Db& db, const Site& before, const Site& after) {
  const auto b = snapshot(before);
  const auto a = snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE site SET uuid = ?, code = ?, name = ?, address = ?, lat = CAST(?5 AS REAL), lon = CAST(?6 AS REAL), "
      "program = ?, work = ?, customer_id = ?, contractor_id = ?, deadline = ?, progress = ?, risk = ?, active = ?, "
      "notes = ?, created_utc = ?, updated_utc = ? WHERE id = ?18");
  bind_site(st, after);
  st.bind(18, after.id);
  st.run();
  store::audit(db, "site", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Site> load_site(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM site WHERE id = ?", kSiteColumns));
  return store::first(st.bind(1, id), read_site);
}

std::optional<Site> find_site_by_code(Db& db, const std::string& code) {
  auto& st = db.cached(fmt::format("SELECT {} FROM site WHERE code = ?", kSiteColumns));
  return store::first(st.bind(1, code), read_site);
}

void for_each_site(Db& db, const SiteFilter& f, const std::function<void(Site&&)>& each) {
  Statement st = db.prepare(fmt::format(
      "SELECT {} FROM site WHERE (?1 IS NULL OR program = ?1) AND (?2 IS NULL OR work = ?2) "
      "AND (?3 IS NULL OR risk = ?3) AND (?4 = 0 OR active = 1) ORDER BY code",
      kSiteColumns));
  st.bind(1, f.program);
  st.bind(2, f.work ? std::optional<std::string>(std::string(to_string(*f.work))) : std::nullopt);
  st.bind(3, f.risk ? std::optional<std::string>(std::string(to_string(*f.risk))) : std::nullopt);
  st.bind(4, f.active_only ? 1 : 0);
  while (st.step()) {
    each(read_site(st));
  }
}

std::vector<Site> list_sites(Db& db, const SiteFilter& f) {
  std::vector<Site> out;
  for_each_site(db, f, [&](Site&& site) { out.push_back(std::move(site)); });
  return out;
}

std::vector<SiteFacts> schedule_facts(Db& db, time::Date today) {
  auto& st = db.cached(
      "SELECT s.id, s.code, s.name, s.lat, s.lon, s.risk, substr(s.created_utc, 1, 10), s.deadline, s.progress, "
      "(SELECT max(held_on) FROM visit v WHERE v.site_id = s.id AND v.status = 'held'), "
      "(SELECT count(*) FROM finding f WHERE f.site_id = s.id AND f.status IN ('open', 'in-progress')), "
      "(SELECT count(*) FROM finding f WHERE f.site_id = s.id AND f.status IN ('open', 'in-progress') "
      "  AND f.due < ?1), "
      "(SELECT count(*) FROM finding f WHERE f.site_id = s.id AND f.status IN ('open', 'in-progress') "
      "  AND f.severity = 'critical') "
      "FROM site s WHERE s.active = 1 AND s.lat IS NOT NULL AND s.lon IS NOT NULL ORDER BY s.code");
  st.bind(1, format_date(today));
  std::vector<SiteFacts> out;
  while (st.step()) {
    SiteFacts f;
    f.id = st.get_int(0);
    f.code = st.get_text(1);
    f.name = st.get_text(2);
    f.where = {std::stod(st.get_text(3)), std::stod(st.get_text(4))};
    f.risk = parse_risk(st.get_text(5));
    f.since = *time::parse_iso_date(st.get_text(6));
    f.deadline = opt_date(st, 7);
    f.progress = static_cast<int>(st.get_int(8));
    f.last_visit = opt_date(st, 9);
    f.open_findings = static_cast<int>(st.get_int(10));
    f.overdue_findings = static_cast<int>(st.get_int(11));
    f.critical_findings = static_cast<int>(st.get_int(12));
    out.push_back(std::move(f));
  }
  return out;
}

void insert(Db& db, Agency& a) {
  auto& st = db.cached("INSERT INTO agency(name, kind, notes) VALUES (?, ?, ?)");
  st.bind_all(a.name, std::string(to_string(a.kind)), a.notes);
  st.run();
  a.id = db.last_insert_id();
  store::audit(db, "agency", a.id, store::AuditAction::insert, std::nullopt,
               nlohmann::ordered_json{{"id", a.id}, {"name", a.name}, {"kind", to_string(a.kind)}}.dump());
}

std::optional<Agency> load_agency(Db& db, std::int64_t id) {
  auto& st = db.cached("SELECT id, name, kind, notes FROM agency WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  return Agency{st.get_int(0), st.get_text(1), parse_agency_kind(st.get_text(2)), st.get_text(3)};
}

std::vector<Agency> list_agencies(Db& db) {
  auto& st = db.cached("SELECT id, name, kind, notes FROM agency ORDER BY id");
  std::vector<Agency> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_text(1), parse_agency_kind(st.get_text(2)), st.get_text(3)});
  }
  return out;
}

void insert(Db& db, Member& m) {
  auto& st = db.cached("INSERT INTO agency_member(agency_id, name, position, phone) VALUES (?, ?, ?, ?)");
  st.bind_all(m.agency_id, m.name, m.position, m.phone);
  st.run();
  m.id = db.last_insert_id();
  store::audit(db, "agency_member", m.id, store::AuditAction::insert, std::nullopt,
               nlohmann::ordered_json{{"id", m.id}, {"agency_id", m.agency_id}, {"name", m.name},
                                      {"position", m.position}}
                   .dump());
}

std::vector<Member> members(Db& db, std::optional<std::int64_t> agency_id) {
  auto& st = db.cached(
      "SELECT id, agency_id, name, position, phone FROM agency_member WHERE (?1 IS NULL OR agency_id = ?1) "
      "ORDER BY agency_id, id");
  st.bind(1, agency_id);
  std::vector<Member> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3), st.get_text(4)});
  }
  return out;
}

void add_requirement(Db& db, std::int64_t agency_id, const std::string& program, const std::string& work) {
  auto& st = db.cached("INSERT OR IGNORE INTO agency_requirement(agency_id, program, work) VALUES (?, ?, ?)");
  st.bind_all(agency_id, program, work);
  st.run();
  if (db.changes() > 0) {
    store::audit(db, "agency", agency_id, store::AuditAction::update, std::nullopt,
                 nlohmann::ordered_json{{"requires_at", {{"program", program}, {"work", work}}}}.dump());
  }
}

std::vector<std::int64_t> required_agencies(Db& db, const std::string& program, Work work) {
  auto& st = db.cached(
      "SELECT DISTINCT agency_id FROM agency_requirement WHERE (program = '' OR program = ?1) "
      "AND (work = '' OR work = ?2) ORDER BY agency_id");
  st.bind_all(program, std::string(to_string(work)));
  std::vector<std::int64_t> out;
  while (st.step()) {
    out.push_back(st.get_int(0));
  }
  return out;
}

namespace {

const char* kVisitColumns =
    "id, site_id, week, day, seq, arrive_utc, depart_utc, status, held_on, score, why, notes";

Visit read_visit(Db& db, const Statement& st) {
  Visit v;
  v.id = st.get_int(0);
  v.site_id = st.get_int(1);
  v.week = st.get_text(2);
  v.day = *time::parse_iso_date(st.get_text(3));
  v.seq = static_cast<int>(st.get_int(4));
  if (auto a = st.get_opt_text(5)) {
    v.arrive = store::to_instant(*a);
  }
  if (auto d = st.get_opt_text(6)) {
    v.depart = store::to_instant(*d);
  }
  v.status = parse_visit_status(st.get_text(7));
  v.held_on = opt_date(st, 8);
  v.score = std::stod(st.get_text(9));
  v.why = st.get_text(10);
  v.notes = st.get_text(11);
  (void)db;
  return v;
}

void load_links(Db& db, Visit& v) {
  {
    auto& st = db.cached("SELECT agency_id FROM visit_agency WHERE visit_id = ? ORDER BY agency_id");
    st.bind(1, v.id);
    while (st.step()) {
      v.agencies.push_back(st.get_int(0));
    }
  }
  auto& st = db.cached("SELECT member_id FROM visit_attendee WHERE visit_id = ? ORDER BY member_id");
  st.bind(1, v.id);
  while (st.step()) {
    v.attendees.push_back(st.get_int(0));
  }
}

void write_links(Db& db, const Visit& v) {
  for (const char* sql : {"DELETE FROM visit_agency WHERE visit_id = ?", "DELETE FROM visit_attendee WHERE visit_id = ?"}) {
    auto& del = db.cached(sql);
    del.bind(1, v.id);
    del.run();
  }
  auto& a = db.cached("INSERT INTO visit_agency(visit_id, agency_id) VALUES (?, ?)");
  for (auto id : v.agencies) {
    a.reset();
    a.bind_all(v.id, id);
    a.run();
  }
  auto& m = db.cached("INSERT INTO visit_attendee(visit_id, member_id) VALUES (?, ?)");
  for (auto id : v.attendees) {
    m.reset();
    m.bind_all(v.id, id);
    m.run();
  }
}

void bind_visit(Statement& st, const Visit& v) {
  std::optional<std::string> arrive, depart;
  if (v.arrive) {
    arrive = format_utc(*v.arrive);
  }
  if (v.depart) {
    depart = format_utc(*v.depart);
  }
  st.bind_all(v.site_id, v.week, format_date(v.day), v.seq, arrive, depart, std::string(to_string(v.status)),
              date_text(v.held_on), fmt::format("{:.4f}", v.score), v.why, v.notes);
}

}  // namespace

void insert(Db& db, Visit& v) {
  auto& st = db.cached(
      "INSERT INTO visit(site_id, week, day, seq, arrive_utc, depart_utc, status, held_on, score, why, notes, "
      "created_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(?9 AS REAL), ?, ?, ?)");
  bind_visit(st, v);
  st.bind(12, db.command().at_utc.empty() ? std::string("1970-01-01T00:00:00Z") : db.command().at_utc);
  st.run();
  v.id = db.last_insert_id();
  write_links(db, v);
  store::audit(db, "visit", v.id, store::AuditAction::insert, std::nullopt, snapshot(v));
}

bool update(Db& db, const Visit& before, const Visit& after) {
  const auto b = snapshot(before);
  const auto a = snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE visit SET site_id = ?, week = ?, day = ?, seq = ?, arrive_utc = ?, depart_utc = ?, status = ?, "
      "held_on = ?, score = CAST(?9 AS REAL), why = ?, notes = ? WHERE id = ?12");
  bind_visit(st, after);
  st.bind(12, after.id);
  st.run();
  write_links(db, after);
  store::audit(db, "visit", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Visit> load_visit(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM visit WHERE id = ?", kVisitColumns));
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  Visit v = read_visit(db, st);
  st.reset();
  load_links(db, v);
  return v;
}

std::vector<Visit> visits_of_week(Db& db, const std::string& week) {
  auto& st = db.cached(fmt::format(
      "SELECT {} FROM visit WHERE week = ? ORDER BY day, status = 'cancelled', seq, id", kVisitColumns));
  st.bind(1, week);
  std::vector<Visit> out;
  while (st.step()) {
    out.push_back(read_visit(db, st));
  }
  for (auto& v : out) {
    load_links(db, v);
  }
  return out;
}

std::vector<Visit> visits_of_site(Db& db, std::int64_t site_id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM visit WHERE site_id = ? ORDER BY day DESC, id DESC", kVisitColumns));
  st.bind(1, site_id);
  std::vector<Visit> out;
  while (st.step()) {
    out.push_back(read_visit(db, st));
  }
  return out;
}

void touch_day(Db& db, time::Date day, const std::string& week, time::Instant now) {
  auto& st = db.cached(
      "INSERT INTO inspection_day(day, week, sequence, modified_utc) VALUES (?1, ?2, 0, ?3) "
      "ON CONFLICT (day) DO UPDATE SET sequence = sequence + 1, modified_utc = ?3");
  st.bind_all(format_date(day), week, format_utc(now));
  st.run();
}

std::map<time::Date, DayRevision> day_revisions(Db& db, const std::string& week) {
  auto& st = db.cached("SELECT day, sequence, modified_utc FROM inspection_day WHERE week = ?");
  st.bind(1, week);
  std::map<time::Date, DayRevision> out;
  while (st.step()) {
    out[*time::parse_iso_date(st.get_text(0))] = {static_cast<int>(st.get_int(1)), store::to_instant(st.get_text(2))};
  }
  return out;
}

void remove(Db& db, const Visit& v) {
  auto& st = db.cached("DELETE FROM visit WHERE id = ?");
  st.bind(1, v.id);
  st.run();
  store::audit(db, "visit", v.id, store::AuditAction::remove, snapshot(v), std::nullopt);
}

namespace {

const char* kFindingColumns =
    "id, site_id, visit_id, text, severity, responsible_org, responsible_person, due, status, created_utc, "
    "updated_utc";

Finding read_finding(const Statement& st) {
  Finding f;
  f.id = st.get_int(0);
  f.site_id = st.get_int(1);
  f.visit_id = st.get_opt_int(2);
  f.text = st.get_text(3);
  f.severity = parse_severity(st.get_text(4));
  f.responsible_org = st.get_opt_int(5);
  f.responsible_person = st.get_text(6);
  f.due = opt_date(st, 7);
  f.status = parse_finding_status(st.get_text(8));
  f.created = store::to_instant(st.get_text(9));
  f.updated = store::to_instant(st.get_text(10));
  return f;
}

void bind_finding(Statement& st, const Finding& f) {
  st.bind_all(f.site_id, f.visit_id, f.text, std::string(to_string(f.severity)), f.responsible_org,
              f.responsible_person, date_text(f.due), std::string(to_string(f.status)), format_utc(f.created),
              format_utc(f.updated));
}

}  // namespace

void insert(Db& db, Finding& f) {
  auto& st = db.cached(
      "INSERT INTO finding(site_id, visit_id, text, severity, responsible_org, responsible_person, due, status, "
      "created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_finding(st, f);
  st.run();
  f.id = db.last_insert_id();
  store::audit(db, "finding", f.id, store::AuditAction::insert, std::nullopt, snapshot(f));
}

bool update(Db& db, const Finding& before, const Finding& after) {
  const auto b = snapshot(before);
  const auto a = snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE finding SET site_id = ?, visit_id = ?, text = ?, severity = ?, responsible_org = ?, "
      "responsible_person = ?, due = ?, status = ?, created_utc = ?, updated_utc = ? WHERE id = ?11");
  bind_finding(st, after);
  st.bind(11, after.id);
  st.run();
  store::audit(db, "finding", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Finding> load_finding(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM finding WHERE id = ?", kFindingColumns));
  return store::first(st.bind(1, id), read_finding);
}

std::vector<Finding> list_findings(Db& db, const FindingFilter& f) {
  auto& st = db.cached(fmt::format(
      "SELECT {} FROM finding WHERE (?1 IS NULL OR site_id = ?1) "
      "AND (?2 = 0 OR status IN ('open', 'in-progress')) "
      "AND (?3 IS NULL OR (status IN ('open', 'in-progress') AND due < ?3)) "
      "AND (?4 IS NULL OR visit_id = ?4) ORDER BY coalesce(due, '9999'), id",
      kFindingColumns));
  st.bind(1, f.site_id);
  st.bind(2, f.open_only ? 1 : 0);
  st.bind(3, date_text(f.overdue_on));
  st.bind(4, f.visit_id);
  return store::all(st, read_finding);
}

void add_change(Db& db, std::int64_t finding_id, const FindingChange& c) {
  auto& st = db.cached(
      "INSERT INTO finding_change(finding_id, at_utc, from_status, to_status, note) VALUES (?, ?, ?, ?, ?)");
  std::optional<std::string> from;
  if (c.from) {
    from = std::string(to_string(*c.from));
  }
  st.bind_all(finding_id, format_utc(c.at), from, std::string(to_string(c.to)), c.note);
  st.run();
}

std::vector<FindingChange> changes(Db& db, std::int64_t finding_id) {
  auto& st = db.cached(
      "SELECT at_utc, from_status, to_status, note FROM finding_change WHERE finding_id = ? ORDER BY id");
  st.bind(1, finding_id);
  std::vector<FindingChange> out;
  while (st.step()) {
    FindingChange c;
    c.at = store::to_instant(st.get_text(0));
    if (auto f = st.get_opt_text(1)) {
      c.from = parse_finding_status(*f);
    }
    c.to = parse_finding_status(st.get_text(2));
    c.note = st.get_text(3);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<SiteFindingCounts> finding_counts_by_site(Db& db, time::Date from, time::Date to,
                                                      time::Date overdue_before) {
  auto& st = db.cached(
      "SELECT s.id, s.code, s.name, "
      "  (SELECT count(*) FROM finding f WHERE f.site_id = s.id AND substr(f.created_utc, 1, 10) BETWEEN ?1 AND ?2), "
      "  (SELECT count(*) FROM finding_change c JOIN finding f ON f.id = c.finding_id WHERE f.site_id = s.id "
      "     AND c.to_status IN ('resolved', 'verified') AND c.from_status NOT IN ('resolved') "
      "     AND substr(c.at_utc, 1, 10) BETWEEN ?1 AND ?2), "
      "  (SELECT count(*) FROM finding f WHERE f.site_id = s.id AND f.status IN ('open', 'in-progress') "
      "     AND f.due < ?3) "
      "FROM site s ORDER BY s.code");
  st.bind_all(format_date(from), format_date(to), format_date(overdue_before));
  std::vector<SiteFindingCounts> out;
  while (st.step()) {
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), static_cast<long>(st.get_int(3)),
                   static_cast<long>(st.get_int(4)), static_cast<long>(st.get_int(5))});
  }
  return out;
}

FindingCounts finding_counts(Db& db, time::Date from, time::Date to) {
  auto& st = db.cached(
      "SELECT (SELECT count(*) FROM finding WHERE substr(created_utc, 1, 10) BETWEEN ?1 AND ?2), "
      "(SELECT count(*) FROM finding_change WHERE to_status = 'resolved' AND substr(at_utc, 1, 10) BETWEEN ?1 AND ?2)");
  st.bind_all(format_date(from), format_date(to));
  st.step();
  return {static_cast<long>(st.get_int(0)), static_cast<long>(st.get_int(1))};
}

long visits_held_between(Db& db, time::Date from, time::Date to) {
  auto& st = db.cached("SELECT count(*) FROM visit WHERE status = 'held' AND held_on BETWEEN ? AND ?");
  st.bind_all(format_date(from), format_date(to));
  st.step();
  return static_cast<long>(st.get_int(0));
}

}  // namespace omskplan::inspection::repo
