#include "plan/repository.hpp"

#include "store/audit.hpp"
#include "store/values.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <variant>

namespace omskplan::plan::repo {

using nlohmann::ordered_json;
using store::Db;
using store::Statement;

namespace {

ordered_json opt_id(const std::optional<std::int64_t>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

std::string plan_snapshot(const Plan& p) {
  ordered_json j;
  j["id"] = p.id;
  j["uuid"] = p.uuid;
  j["kind"] = to_string(p.period.kind);
  j["period"] = p.period.text;
  j["owner_unit_id"] = opt_id(p.owner_unit_id);
  j["title"] = p.title;
  j["template_id"] = p.template_id;
  j["status"] = to_string(p.status);
  j["approved_on"] = store::date_json(p.approved_on);
  j["approved_by"] = p.approved_by;
  j["approved_act"] = p.approved_act;
  j["closed_on"] = store::date_json(p.closed_on);
  j["next_item_no"] = p.next_item_no;
  j["notes"] = p.notes;
  j["sections"] = ordered_json::array();
  for (const auto& s : p.sections) {
    j["sections"].push_back({{"no", s.no}, {"key", s.key}, {"title", s.title}});
  }
  return j.dump();
}

ordered_json point_json(const Point& p) {
  ordered_json j{{"seq", p.seq},
                 {"planned_on", time::format_date(p.planned_on)},
                 {"due_on", time::format_date(p.due_on)},
                 {"state", to_string(p.state)},
                 {"started_on", store::date_json(p.started_on)},
                 {"done_on", store::date_json(p.done_on)},
                 {"report", p.report}};
  j["postponements"] = ordered_json::array();
  for (const auto& pp : p.postponements) {
    j["postponements"].push_back({{"decided_on", time::format_date(pp.decided_on)},
                                  {"from", time::format_date(pp.from)},
                                  {"to", time::format_date(pp.to)},
                                  {"reason", pp.reason},
                                  {"act", pp.act}});
  }
  return j;
}

ordered_json points_json(const Item& i) {
  auto out = ordered_json::array();
  for (const auto& p : i.points) {
    out.push_back(point_json(p));
  }
  return out;
}

std::string item_snapshot(const Item& i) {
  ordered_json j;
  j["id"] = i.id;
  j["plan_id"] = i.plan_id;
  j["no"] = i.no;
  j["section"] = i.section;
  j["position"] = i.position;
  j["text"] = i.text;
  j["unit_id"] = opt_id(i.unit_id);
  j["person"] = i.person;
  j["co_units"] = i.co_units;
  j["due"] = i.due;
  j["basis"] = i.basis;
  j["form"] = i.form;
  j["event_id"] = opt_id(i.event_id);
  j["agreement_id"] = opt_id(i.agreement_id);
  j["site_id"] = opt_id(i.site_id);
  j["origin_id"] = opt_id(i.origin_id);
  j["dropped_on"] = store::date_json(i.dropped_on);
  j["drop_reason"] = i.drop_reason;
  j["drop_act"] = i.drop_act;
  j["points"] = points_json(i);
  return j.dump();
}

constexpr const char* kPlanColumns =
    "id, uuid, kind, period, first_day, last_day, owner_unit_id, title, template_id, status, approved_on, "
    "approved_by, approved_act, closed_on, next_item_no, notes, created_utc, updated_utc";

Plan read_plan(const Statement& st) {
  Plan p;
  p.id = st.get_int(0);
  p.uuid = st.get_text(1);
  p.period.kind = parse_kind(st.get_text(2));
  p.period.text = st.get_text(3);
  p.period.first = store::to_date(st.get_text(4));
  p.period.last = store::to_date(st.get_text(5));
  p.owner_unit_id = st.get_opt_int(6);
  p.title = st.get_text(7);
  p.template_id = st.get_text(8);
  p.status = parse_status(st.get_text(9));
  p.approved_on = store::opt_date(st, 10);
  p.approved_by = st.get_text(11);
  p.approved_act = st.get_text(12);
  p.closed_on = store::opt_date(st, 13);
  p.next_item_no = static_cast<int>(st.get_int(14));
  p.notes = st.get_text(15);
  p.created = store::to_instant(st.get_text(16));
  p.updated = store::to_instant(st.get_text(17));
  return p;
}

void bind_plan(Statement& st, const Plan& p) {
  st.bind_all(p.uuid, std::string(to_string(p.period.kind)), p.period.text, time::format_date(p.period.first),
              time::format_date(p.period.last), p.owner_unit_id, p.title, p.template_id, std::string(to_string(p.status)),
              store::date_text(p.approved_on), p.approved_by, p.approved_act, store::date_text(p.closed_on),
              p.next_item_no, p.notes, time::format_utc(p.created), time::format_utc(p.updated));
}

void load_sections(Db& db, Plan& p) {
  auto& st = db.cached("SELECT no, key, title FROM plan_section WHERE plan_id = ? ORDER BY no");
  p.sections = store::all(st.bind(1, p.id), [](const Statement& s) {
    return Section{static_cast<int>(s.get_int(0)), s.get_text(1), s.get_text(2)};
  });
}

std::optional<Plan> with_sections(Db& db, std::optional<Plan> p) {
  if (p) {
    load_sections(db, *p);
  }
  return p;
}

constexpr const char* kItemColumns =
    "i.id, i.plan_id, i.no, i.section, i.position, i.text, i.unit_id, i.person, i.co_units, i.due, i.basis, i.form, "
    "i.event_id, i.agreement_id, i.site_id, i.origin_id, i.dropped_on, i.drop_reason, i.drop_act, i.created_utc, "
    "i.updated_utc";

Item read_item(const Statement& st) {
  Item i;
  i.id = st.get_int(0);
  i.plan_id = st.get_int(1);
  i.no = static_cast<int>(st.get_int(2));
  i.section = st.get_text(3);
  i.position = static_cast<int>(st.get_int(4));
  i.text = st.get_text(5);
  i.unit_id = st.get_opt_int(6);
  i.person = st.get_text(7);
  if (const std::string co = st.get_text(8); co != "[]") {
    i.co_units = nlohmann::json::parse(co).get<std::vector<std::int64_t>>();
  }
  i.due = st.get_text(9);
  i.basis = st.get_text(10);
  i.form = st.get_text(11);
  i.event_id = st.get_opt_int(12);
  i.agreement_id = st.get_opt_int(13);
  i.site_id = st.get_opt_int(14);
  i.origin_id = st.get_opt_int(15);
  i.dropped_on = store::opt_date(st, 16);
  i.drop_reason = st.get_text(17);
  i.drop_act = st.get_text(18);
  i.created = store::to_instant(st.get_text(19));
  i.updated = store::to_instant(st.get_text(20));
  return i;
}

void bind_item(Statement& st, const Item& i) {
  st.bind_all(i.plan_id, i.no, i.section, i.position, i.text, text_key(i.text), i.unit_id, i.person,
              nlohmann::json(i.co_units).dump(), i.due, i.basis, i.form, i.event_id, i.agreement_id, i.site_id,
              i.origin_id, store::date_text(i.dropped_on), i.drop_reason, i.drop_act, time::format_utc(i.created),
              time::format_utc(i.updated));
}

void write_points(Db& db, const Item& i) {
  auto& del = db.cached("DELETE FROM plan_point WHERE item_id = ?");
  del.bind(1, i.id);
  del.run();
  auto& ins = db.cached(
      "INSERT INTO plan_point(item_id, seq, planned_on, due_on, state, started_on, done_on, report) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  auto& pp = db.cached(
      "INSERT INTO plan_postponement(point_id, decided_on, from_date, to_date, reason, act) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& p : i.points) {
    ins.reset();
    ins.bind_all(i.id, p.seq, time::format_date(p.planned_on), time::format_date(p.due_on),
                 std::string(to_string(p.state)), store::date_text(p.started_on), store::date_text(p.done_on), p.report);
    ins.run();
    const std::int64_t point_id = db.last_insert_id();
    for (const auto& x : p.postponements) {
      pp.reset();
      pp.bind_all(point_id, time::format_date(x.decided_on), time::format_date(x.from), time::format_date(x.to),
                  x.reason, x.act);
      pp.run();
    }
  }
}

using Bind = std::variant<std::int64_t, std::string>;

// Which items a query is over: each a fixed condition on plan_item i, its values bound.
enum class Where { plan, plan_no, id, ids_json, event, agreement, site, origin };

const char* item_where(Where w) {
  switch (w) {
    case Where::plan:
      return "i.plan_id = ?";
    case Where::plan_no:
      return "i.plan_id = ? AND i.no = ?";
    case Where::id:
      return "i.id = ?";
    case Where::ids_json:
      return "i.id IN (SELECT value FROM json_each(?))";
    case Where::event:
      return "i.event_id = ?";
    case Where::agreement:
      return "i.agreement_id = ?";
    case Where::site:
      return "i.site_id = ?";
    case Where::origin:
      return "i.origin_id = ?";
  }
  return "0";
}

void bind_each(Statement& st, const std::vector<Bind>& binds) {
  int k = 0;
  for (const auto& b : binds) {
    std::visit([&](const auto& v) { st.bind(++k, v); }, b);
  }
}

// Fills the points of `items` (by id) from one query each for points and
// postponements, over the items `item_filter` (on plan_item i) selects.
void load_points(Db& db, std::vector<Item>& items, Where where, const std::vector<Bind>& binds) {
  if (items.empty()) {
    return;
  }
  std::map<std::int64_t, Item*> by_id;
  for (auto& i : items) {
    by_id[i.id] = &i;
    i.points.clear();
  }
  std::map<std::int64_t, std::pair<Item*, std::size_t>> point_at;
  {
    Statement st = db.prepare(fmt::format(
        "SELECT p.id, p.item_id, p.seq, p.planned_on, p.due_on, p.state, p.started_on, p.done_on, p.report "
        "FROM plan_point p JOIN plan_item i ON i.id = p.item_id WHERE {} ORDER BY p.item_id, p.seq",
        item_where(where)));
    bind_each(st, binds);
    while (st.step()) {
      auto it = by_id.find(st.get_int(1));
      if (it == by_id.end()) {
        continue;
      }
      Point p;
      p.id = st.get_int(0);
      p.seq = static_cast<int>(st.get_int(2));
      p.planned_on = store::to_date(st.get_text(3));
      p.due_on = store::to_date(st.get_text(4));
      p.state = parse_point_state(st.get_text(5));
      p.started_on = store::opt_date(st, 6);
      p.done_on = store::opt_date(st, 7);
      p.report = st.get_text(8);
      it->second->points.push_back(std::move(p));
      point_at[it->second->points.back().id] = {it->second, it->second->points.size() - 1};
    }
  }
  Statement st = db.prepare(fmt::format(
      "SELECT x.point_id, x.decided_on, x.from_date, x.to_date, x.reason, x.act FROM plan_postponement x "
      "JOIN plan_point p ON p.id = x.point_id JOIN plan_item i ON i.id = p.item_id WHERE {} ORDER BY x.id",
      item_where(where)));
  bind_each(st, binds);
  while (st.step()) {
    auto it = point_at.find(st.get_int(0));
    if (it == point_at.end()) {
      continue;
    }
    it->second.first->points[it->second.second].postponements.push_back(Postponement{
        store::to_date(st.get_text(1)), store::to_date(st.get_text(2)), store::to_date(st.get_text(3)),
        st.get_text(4), st.get_text(5)});
  }
}

std::vector<Item> select_items(Db& db, Where where, const std::vector<Bind>& binds) {
  Statement st = db.prepare(
      fmt::format("SELECT {} FROM plan_item i WHERE {} ORDER BY i.plan_id, i.no", kItemColumns, item_where(where)));
  bind_each(st, binds);
  auto items = store::all(st, read_item);
  if (items.size() == 1) {
    load_points(db, items, Where::id, {Bind{items.front().id}});
  } else {
    load_points(db, items, where, binds);
  }
  return items;
}

}  // namespace

// ---- plans ----

void insert(Db& db, Plan& p) {
  auto& st = db.cached(
      "INSERT INTO plan(uuid, kind, period, first_day, last_day, owner_unit_id, title, template_id, status, "
      "approved_on, approved_by, approved_act, closed_on, next_item_no, notes, created_utc, updated_utc) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_plan(st, p);
  st.run();
  p.id = db.last_insert_id();
  auto& sec = db.cached("INSERT INTO plan_section(plan_id, no, key, title) VALUES (?, ?, ?, ?)");
  for (const auto& s : p.sections) {
    sec.reset();
    sec.bind_all(p.id, s.no, s.key, s.title);
    sec.run();
  }
  store::audit(db, "plan", p.id, store::AuditAction::insert, std::nullopt, plan_snapshot(p));
}

bool update(Db& db, const Plan& before, const Plan& after) {
  const std::string b = plan_snapshot(before);
  const std::string a = plan_snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE plan SET uuid = ?, kind = ?, period = ?, first_day = ?, last_day = ?, owner_unit_id = ?, title = ?, "
      "template_id = ?, status = ?, approved_on = ?, approved_by = ?, approved_act = ?, closed_on = ?, "
      "next_item_no = ?, notes = ?, created_utc = ?, updated_utc = ? WHERE id = ?");
  bind_plan(st, after);
  st.bind(18, after.id);
  st.run();
  if (before.sections != after.sections) {
    auto& del = db.cached("DELETE FROM plan_section WHERE plan_id = ?");
    del.bind(1, after.id);
    del.run();
    auto& sec = db.cached("INSERT INTO plan_section(plan_id, no, key, title) VALUES (?, ?, ?, ?)");
    for (const auto& s : after.sections) {
      sec.reset();
      sec.bind_all(after.id, s.no, s.key, s.title);
      sec.run();
    }
  }
  store::audit(db, "plan", after.id, store::AuditAction::update, b, a);
  return true;
}

std::optional<Plan> load(Db& db, std::int64_t id) {
  auto& st = db.cached(fmt::format("SELECT {} FROM plan WHERE id = ?", kPlanColumns));
  return with_sections(db, store::first(st.bind(1, id), read_plan));
}

std::optional<Plan> find(Db& db, Kind kind, const std::string& period, std::optional<std::int64_t> owner) {
  auto& st = db.cached(fmt::format(
      "SELECT {} FROM plan WHERE kind = ? AND period = ? AND coalesce(owner_unit_id, 0) = ?", kPlanColumns));
  st.bind_all(std::string(to_string(kind)), period, owner.value_or(0));
  return with_sections(db, store::first(st, read_plan));
}

std::vector<Plan> list(Db& db, const Filter& f) {
  std::string sql = fmt::format("SELECT {} FROM plan WHERE 1", kPlanColumns);
  std::vector<std::string> binds;
  if (f.kind) {
    sql += " AND kind = ?";
    binds.emplace_back(to_string(*f.kind));
  }
  if (f.status) {
    sql += " AND status = ?";
    binds.emplace_back(to_string(*f.status));
  }
  if (f.owner) {
    sql += " AND owner_unit_id = ?";
    binds.push_back(std::to_string(*f.owner));
  }
  if (f.administration_only) {
    sql += " AND owner_unit_id IS NULL";
  }
  if (f.from) {
    sql += " AND last_day >= ?";
    binds.push_back(time::format_date(*f.from));
  }
  if (f.to) {
    sql += " AND first_day <= ?";
    binds.push_back(time::format_date(*f.to));
  }
  sql += " ORDER BY first_day, kind, id";
  Statement st = db.prepare(sql);
  int k = 0;
  for (const auto& b : binds) {
    st.bind(++k, b);
  }
  auto plans = store::all(st, read_plan);
  for (auto& p : plans) {
    load_sections(db, p);
  }
  return plans;
}

std::map<std::int64_t, int> item_counts(Db& db) {
  auto& st = db.cached("SELECT plan_id, count(*) FROM plan_item GROUP BY plan_id");
  std::map<std::int64_t, int> out;
  while (st.step()) {
    out[st.get_int(0)] = static_cast<int>(st.get_int(1));
  }
  return out;
}

// ---- items ----

void insert(Db& db, Item& i) {
  auto& st = db.cached(
      "INSERT INTO plan_item(plan_id, no, section, position, text, text_key, unit_id, person, co_units, due, basis, "
      "form, event_id, agreement_id, site_id, origin_id, dropped_on, drop_reason, drop_act, created_utc, "
      "updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_item(st, i);
  st.run();
  i.id = db.last_insert_id();
  write_points(db, i);
  store::audit(db, "plan_item", i.id, store::AuditAction::insert, std::nullopt, item_snapshot(i));
}

bool update(Db& db, const Item& before, const Item& after) {
  const std::string b = item_snapshot(before);
  const std::string a = item_snapshot(after);
  if (a == b) {
    return false;
  }
  auto& st = db.cached(
      "UPDATE plan_item SET plan_id = ?, no = ?, section = ?, position = ?, text = ?, text_key = ?, unit_id = ?, "
      "person = ?, co_units = ?, due = ?, basis = ?, form = ?, event_id = ?, agreement_id = ?, site_id = ?, "
      "origin_id = ?, dropped_on = ?, drop_reason = ?, drop_act = ?, created_utc = ?, updated_utc = ? WHERE id = ?");
  bind_item(st, after);
  st.bind(22, after.id);
  st.run();
  if (points_json(before) != points_json(after)) {
    write_points(db, after);
  }
  store::audit(db, "plan_item", after.id, store::AuditAction::update, b, a);
  return true;
}

void remove(Db& db, const Item& i) {
  auto& st = db.cached("DELETE FROM plan_item WHERE id = ?");
  st.bind(1, i.id);
  st.run();
  store::audit(db, "plan_item", i.id, store::AuditAction::remove, item_snapshot(i), std::nullopt);
}

std::vector<Item> items(Db& db, std::int64_t plan_id) { return select_items(db, Where::plan, {Bind{plan_id}}); }

std::optional<Item> item(Db& db, std::int64_t plan_id, int no) {
  auto found = select_items(db, Where::plan_no, {Bind{plan_id}, Bind{std::int64_t{no}}});
  if (found.empty()) {
    return std::nullopt;
  }
  return std::move(found.front());
}

std::optional<Item> item_by_id(Db& db, std::int64_t id) {
  auto found = select_items(db, Where::id, {Bind{id}});
  if (found.empty()) {
    return std::nullopt;
  }
  return std::move(found.front());
}

std::vector<Item> items_with_key(Db& db, std::int64_t plan_id, const std::string& key) {
  auto& st = db.cached("SELECT id FROM plan_item WHERE plan_id = ? AND text_key = ? ORDER BY no");
  st.bind_all(plan_id, key);
  std::vector<Item> out;
  for (auto id : store::all(st, [](const Statement& s) { return s.get_int(0); })) {
    out.push_back(*item_by_id(db, id));
  }
  return out;
}

std::vector<Item> open_items_due_by(Db& db, time::Date until) {
  // The open points through their partial index (plan_point_due), then their items: a DISTINCT
  // over the join made SQLite walk every point in item order instead.
  Statement st = db.prepare(
      "SELECT i.id FROM plan_item i JOIN plan pl ON pl.id = i.plan_id WHERE pl.status = 'approved' AND "
      "i.dropped_on IS NULL AND i.id IN (SELECT item_id FROM plan_point WHERE state IN ('open', 'in-work') AND "
      "due_on <= ?)");
  st.bind(1, time::format_date(until));
  const auto ids = store::all(st, [](const Statement& s) { return s.get_int(0); });
  if (ids.empty()) {
    return {};
  }
  // The items and their points in one query each: the ids as a JSON array.
  return select_items(db, Where::ids_json, {Bind{nlohmann::json(ids).dump()}});
}

std::vector<Item> items_due_between(Db& db, time::Date from, time::Date to) {
  Statement st = db.prepare(
      "SELECT DISTINCT p.item_id FROM plan_point p JOIN plan_item i ON i.id = p.item_id JOIN plan pl ON pl.id = "
      "i.plan_id WHERE p.due_on BETWEEN ? AND ? AND i.dropped_on IS NULL AND pl.status != 'draft'");
  st.bind_all(time::format_date(from), time::format_date(to));
  const auto ids = store::all(st, [](const Statement& s) { return s.get_int(0); });
  if (ids.empty()) {
    return {};
  }
  return select_items(db, Where::ids_json, {Bind{nlohmann::json(ids).dump()}});
}

std::vector<Item> items_of(Db& db, const std::vector<std::int64_t>& plan_ids) {
  std::vector<Item> out;
  for (auto id : plan_ids) {
    auto part = items(db, id);
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

std::vector<Item> items_linked_to(Db& db, std::string_view what, std::int64_t id) {
  const Where w = what == "event" ? Where::event : what == "agreement" ? Where::agreement : Where::site;
  return select_items(db, w, {Bind{id}});
}

std::vector<Item> carried_from(Db& db, std::int64_t origin_id) {
  return select_items(db, Where::origin, {Bind{origin_id}});
}

std::vector<ControlPoint> control_points(Db& db, std::int64_t plan_id) {
  auto& st = db.cached(
      "SELECT p.id, i.unit_id, i.dropped_on, p.seq, p.planned_on, p.due_on, p.state, p.started_on, p.done_on FROM "
      "plan_point p JOIN plan_item i ON i.id = p.item_id WHERE i.plan_id = ? ORDER BY p.id");
  std::vector<ControlPoint> out;
  std::map<std::int64_t, std::size_t> at;
  st.bind(1, plan_id);
  while (st.step()) {
    ControlPoint c;
    c.point.id = st.get_int(0);
    c.unit_id = st.get_opt_int(1);
    c.dropped_on = store::opt_date(st, 2);
    c.point.seq = static_cast<int>(st.get_int(3));
    c.point.planned_on = store::to_date(st.get_text(4));
    c.point.due_on = store::to_date(st.get_text(5));
    c.point.state = parse_point_state(st.get_text(6));
    c.point.started_on = store::opt_date(st, 7);
    c.point.done_on = store::opt_date(st, 8);
    at[c.point.id] = out.size();
    out.push_back(std::move(c));
  }
  auto& pp = db.cached(
      "SELECT x.point_id, x.decided_on, x.from_date, x.to_date, x.reason, x.act FROM plan_postponement x JOIN "
      "plan_point p ON p.id = x.point_id JOIN plan_item i ON i.id = p.item_id WHERE i.plan_id = ? ORDER BY x.id");
  pp.bind(1, plan_id);
  while (pp.step()) {
    if (auto it = at.find(pp.get_int(0)); it != at.end()) {
      out[it->second].point.postponements.push_back(Postponement{store::to_date(pp.get_text(1)),
                                                                 store::to_date(pp.get_text(2)),
                                                                 store::to_date(pp.get_text(3)), pp.get_text(4),
                                                                 pp.get_text(5)});
    }
  }
  return out;
}

std::vector<Place> places(Db& db, std::int64_t plan_id) {
  auto& st = db.cached("SELECT no, section, position FROM plan_item WHERE plan_id = ?");
  return store::all(st.bind(1, plan_id), [](const Statement& s) {
    return Place{static_cast<int>(s.get_int(0)), s.get_text(1), static_cast<int>(s.get_int(2))};
  });
}

int last_position(Db& db, std::int64_t plan_id, const std::string& section) {
  auto& st = db.cached("SELECT coalesce(max(position), 0) FROM plan_item WHERE plan_id = ? AND section = ?");
  st.bind_all(plan_id, section);
  st.step();
  return static_cast<int>(st.get_int(0));
}

// ---- amendments ----

void insert(Db& db, std::int64_t plan_id, Amendment& a) {
  auto& st = db.cached(
      "INSERT INTO plan_amendment(plan_id, no, decided_on, act, kind, item_no, what, before, after) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind_all(plan_id, a.no, time::format_date(a.decided_on), a.act, std::string(to_string(a.kind)), a.item_no, a.what,
              a.before, a.after);
  st.run();
  const std::int64_t id = db.last_insert_id();
  ordered_json j{{"plan_id", plan_id},        {"no", a.no},       {"decided_on", time::format_date(a.decided_on)},
                 {"act", a.act},              {"kind", to_string(a.kind)}, {"item_no", a.item_no},
                 {"what", a.what}};
  store::audit(db, "plan_amendment", id, store::AuditAction::insert, std::nullopt, j.dump());
}

std::vector<Amendment> amendments(Db& db, std::int64_t plan_id) {
  auto& st = db.cached(
      "SELECT no, decided_on, act, kind, item_no, what, before, after FROM plan_amendment WHERE plan_id = ? "
      "ORDER BY no");
  return store::all(st.bind(1, plan_id), [](const Statement& s) {
    return Amendment{static_cast<int>(s.get_int(0)), store::to_date(s.get_text(1)), s.get_text(2),
                     parse_amendment_kind(s.get_text(3)), static_cast<int>(s.get_int(4)), s.get_text(5),
                     s.get_opt_text(6), s.get_opt_text(7)};
  });
}

void set_approved_text(Db& db, std::int64_t plan_id, const std::string& json) {
  auto& st = db.cached("INSERT OR REPLACE INTO plan_version(plan_id, snapshot) VALUES (?, ?)");
  st.bind_all(plan_id, json);
  st.run();
}

std::optional<std::string> approved_text(Db& db, std::int64_t plan_id) {
  auto& st = db.cached("SELECT snapshot FROM plan_version WHERE plan_id = ?");
  return store::first(st.bind(1, plan_id), [](const Statement& s) { return s.get_text(0); });
}

}  // namespace omskplan::plan::repo
