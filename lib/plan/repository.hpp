// SQL for plans, their sections, items, control points, postponements,
// amendments and approved texts. Every function runs inside the caller's
// transaction; writes are audited (a plan, an item with its points).
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "plan/model.hpp"
#include "store/db.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::plan::repo {

// Plans (with their sections).
void insert(store::Db& db, Plan& p);
bool update(store::Db& db, const Plan& before, const Plan& after);
std::optional<Plan> load(store::Db& db, std::int64_t id);
std::optional<Plan> find(store::Db& db, Kind kind, const std::string& period, std::optional<std::int64_t> owner);
struct Filter {
  std::optional<Kind> kind;
  std::optional<Status> status;
  std::optional<std::int64_t> owner;   // a unit's plans
  bool administration_only = false;    // only the Administration's (no owner unit)
  std::optional<time::Date> from, to;  // periods overlapping [from, to]
};
std::vector<Plan> list(store::Db& db, const Filter& f);
// Item counts per plan id.
std::map<std::int64_t, int> item_counts(store::Db& db);

// Items (with their points and postponements).
void insert(store::Db& db, Item& i);
bool update(store::Db& db, const Item& before, const Item& after);
void remove(store::Db& db, const Item& i);
std::vector<Item> items(store::Db& db, std::int64_t plan_id);
std::optional<Item> item(store::Db& db, std::int64_t plan_id, int no);
std::optional<Item> item_by_id(store::Db& db, std::int64_t id);
// Items of the plan whose text has this key (text_key).
std::vector<Item> items_with_key(store::Db& db, std::int64_t plan_id, const std::string& key);
// Items of approved plans with a point open on or before `until`.
std::vector<Item> open_items_due_by(store::Db& db, time::Date until);
// Items of approved (and closed) plans with a point due in [from, to], not dropped.
std::vector<Item> items_due_between(store::Db& db, time::Date from, time::Date to);
// Items of these plans.
std::vector<Item> items_of(store::Db& db, const std::vector<std::int64_t>& plan_ids);
// Items realised by an event (agreement, site).
std::vector<Item> items_linked_to(store::Db& db, std::string_view what, std::int64_t id);
// Items carried from `origin_id`.
std::vector<Item> carried_from(store::Db& db, std::int64_t origin_id);
// Every control point of a plan with what control counts it by (the responsible unit, the
// item's drop): no texts read, for `plan control` over thousands of items.
struct ControlPoint {
  std::optional<std::int64_t> unit_id;
  std::optional<time::Date> dropped_on;
  Point point;
};
std::vector<ControlPoint> control_points(store::Db& db, std::int64_t plan_id);
// Where each item of a plan is: its number, section and place (for numbering, without loading items).
struct Place {
  int no = 0;
  std::string section;
  int position = 0;
};
std::vector<Place> places(store::Db& db, std::int64_t plan_id);
// The greatest position in a section.
int last_position(store::Db& db, std::int64_t plan_id, const std::string& section);

// Amendments and the approved text.
void insert(store::Db& db, std::int64_t plan_id, Amendment& a);
std::vector<Amendment> amendments(store::Db& db, std::int64_t plan_id);
void set_approved_text(store::Db& db, std::int64_t plan_id, const std::string& json);
std::optional<std::string> approved_text(store::Db& db, std::int64_t plan_id);

}  // namespace omskplan::plan::repo
