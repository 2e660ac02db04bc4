// What a user does with work plans: make one from a plan template, fill it
// (by hand, by import of a unit's proposals, by carrying the undone items of
// the previous period), approve it, amend it through recorded amendments,
// mark its items done, postponed or dropped, and watch it: what is due, how
// each unit keeps its plan. Each write is one transaction; what a user typed
// is parsed here.
#pragma once

#include "plan/model.hpp"
#include "plan/template.hpp"
#include "plan/versions.hpp"
#include "store/db.hpp"
#include "time/expr.hpp"
#include "unit/model.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::plan {

struct Services {
  store::Db& db;
  const time::Context& ctx;
  std::vector<std::string> template_dirs;  // plan templates: the user's first, the shipped ones last
};

// ---- plans ----

struct NewPlan {
  std::string kind, period;
  std::string owner;        // a unit's code; "" for the Administration
  std::string title;        // "" : from the template
  std::string template_id;  // "" : the template named after the kind
  std::string notes;
};
Plan create(Services& s, const NewPlan& in);
Plan load(Services& s, std::int64_t id);
// `ref` is a plan's id; NotFound names it.
Plan resolve(Services& s, const std::string& ref);

struct ListQuery {
  std::string kind, status, unit, year;  // "" = any
};
struct PlanRow {
  Plan plan;
  std::string owner;  // the unit's code, "" for the Administration
  int items = 0;
};
std::vector<PlanRow> list(Services& s, const ListQuery& q);

// Approval: the text is kept whole as version 1; `by` defaults to the
// template's approver. Refused for an empty plan or one not in draft.
Plan approve(Services& s, std::int64_t plan_id, const std::string& on, const std::string& by, const std::string& act);
// Closes an approved plan: open control points become «не исполнено».
struct Closed {
  Plan plan;
  int not_done = 0;
};
Closed close(Services& s, std::int64_t plan_id, const std::string& on);

// ---- items ----

// An approved plan changes only through an amendment: `act` (and `on`, the
// day it was decided) are required then and recorded with the change.
struct Amending {
  std::string act, on;
};

struct ItemInput {
  std::string section;  // a section key; "" : the plan's first section
  std::string text, unit, co, person, due, recurring, basis, form;
};
Item add_item(Services& s, std::int64_t plan_id, const ItemInput& in, const Amending& am = {});

struct ItemChanges {
  std::optional<std::string> section, text, unit, co, person, due, recurring, basis, form;
};
Item edit_item(Services& s, std::int64_t plan_id, const std::string& item, const ItemChanges& c,
               const Amending& am = {});
// Only from a draft (an approved plan's item is dropped instead).
Item remove_item(Services& s, std::int64_t plan_id, const std::string& item);

// `point` picks a control point of a recurring item: a date, a month
// (2024-04, «апрель») or its number; "" is the earliest open one.
Item start_item(Services& s, std::int64_t plan_id, const std::string& item, const std::string& on,
                const std::string& point = "");
Item done_item(Services& s, std::int64_t plan_id, const std::string& item, const std::string& on,
               const std::string& report, const std::string& point = "");
// Reopens a point marked done by mistake.
Item reopen_item(Services& s, std::int64_t plan_id, const std::string& item, const std::string& point = "");
// A new control date, with the reason and the act that approved it; the date as planned is kept.
Item postpone_item(Services& s, std::int64_t plan_id, const std::string& item, const std::string& to,
                   const std::string& reason, const Amending& am, const std::string& point = "");
// «Снято с контроля»: kept in the plan with its reason.
Item drop_item(Services& s, std::int64_t plan_id, const std::string& item, const std::string& reason,
               const Amending& am);

struct Link {
  std::optional<std::int64_t> event, agreement;
  std::optional<std::string> site;  // a site's code
  bool clear = false;
};
Item link_item(Services& s, std::int64_t plan_id, const std::string& item, const Link& l);

// `item` is its number in the plan ("7") or its place in the document ("1.3").
Item resolve_item(Services& s, const Plan& p, const std::string& item);

// ---- reading ----

struct PlanView {
  Plan plan;
  std::optional<unit::Unit> owner;
  std::vector<Item> items;  // by section, then position
  std::map<std::int64_t, unit::Unit> units;
  std::map<int, std::string> numbers;  // item no → «1.3.»
  std::vector<Amendment> amendments;
  std::optional<PlanTemplate> templ;  // when it can still be found
};
PlanView view(Services& s, std::int64_t plan_id);
// The text of version `v` (1: as approved; 0: now). Refused for a draft.
nlohmann::ordered_json version(Services& s, std::int64_t plan_id, int v);
// What changed between two versions (0 = now).
std::vector<ItemChange> diff(Services& s, std::int64_t plan_id, int from, int to);

// Items realised by an event, with their plans: what `event show` lists.
struct LinkedItem {
  Plan plan;
  Item item;
  std::string number;
};
std::vector<LinkedItem> items_for_event(Services& s, std::int64_t event_id);

// ---- consolidation ----

// A unit's proposals (CSV with a header, or JSON: an array of objects, or
// {"items": [...]}) added to a plan, all or nothing. Columns / keys: section,
// text, unit, co, person, due, recurring, basis, form (and the Russian
// headers of the usual forms: «Раздел», «Наименование мероприятия», «Срок
// исполнения», «Ответственный исполнитель», «Соисполнители», «Основание»,
// «Форма завершения»). A row with the same text (case, ё, quotes and spaces
// folded) and due as an item of the plan, or an earlier row, is a duplicate:
// skipped and reported. Errors are "file:line:col: what".
struct Duplicate {
  std::string where;  // "file:line"
  int item_no = 0;    // the item it repeats (0: an earlier row)
  std::string text;
};
struct ImportResult {
  int added = 0;
  std::vector<Duplicate> duplicates;
};
ImportResult import_items(Services& s, std::int64_t plan_id, std::string_view data, const std::string& name,
                          bool dry_run, const Amending& am = {});
// The items of one plan (a unit's proposals) added to another (the
// Administration's), duplicates skipped.
ImportResult merge(Services& s, std::int64_t from_plan, std::int64_t into_plan, bool dry_run, const Amending& am = {});

// ---- control ----

struct DueRow {
  std::size_t plan = 0;  // in DueReport::plans
  const Item* item = nullptr;  // in DueReport::items
  Point point;
  std::string number;
  Standing standing;
  time::Date due;
  long days_over = 0;  // working days past the date, for an overdue one
};
// Moved, never copied: its rows point into its items.
struct DueReport {
  DueReport() = default;
  DueReport(DueReport&&) = default;
  DueReport& operator=(DueReport&&) = default;
  DueReport(const DueReport&) = delete;
  DueReport& operator=(const DueReport&) = delete;
  std::vector<Plan> plans;
  std::vector<Item> items;
  std::vector<DueRow> rows;  // by date
  std::map<std::int64_t, unit::Unit> units;
  int overdue = 0;
};
// Open control points of approved plans due within `within` ("5wd" working
// days, "10d", "2w"; "0" : today) or overdue; of one unit, one plan.
DueReport due(Services& s, const std::string& within, const std::string& unit, const std::string& plan);

// Control points due in [from, to] of approved and closed plans (a week's
// plan): every state, dropped items left out; by date.
DueReport points_between(Services& s, time::Date from, time::Date to);

struct ControlRow {
  std::optional<std::int64_t> unit_id;  // none: items with no responsible unit
  std::string code, name;
  Discipline now;
  std::optional<Discipline> before;  // the previous period's, when it had plans
};
struct ControlReport {
  Period period;
  time::Date as_of;
  std::vector<Plan> plans;
  std::vector<ControlRow> rows;  // by unit code
  Discipline total;
  std::optional<Discipline> total_before;
  std::optional<Period> previous;
};
// Execution discipline per responsible unit, of the approved (and closed)
// plans of a period (2024-Q2: quarterly plans; 2024: annual; 2024-05;
// 2024-W19), as of a day, with the previous period's for the trend.
ControlReport control(Services& s, const std::string& period, const std::string& as_of, const std::string& unit,
                      const std::string& plan);

// ---- carrying over ----

struct CarryResult {
  int carried = 0;
  int already = 0;  // carried before
  std::vector<std::pair<int, int>> pairs;  // item no in the source → in the target
};
// Items of `from` with open control points (not dropped) into `into`, each
// linked to its origin and its points there marked carried. The due is kept
// when it falls within the new period, else the whole new period.
CarryResult carry(Services& s, std::int64_t from, std::int64_t into, bool dry_run, const Amending& am = {});

// The end of a horizon typed as "5wd", "10d", "2w" or "0" after today.
time::Date horizon_end(const std::string& within, const time::Context& ctx, std::string_view option = "--within");

}  // namespace omskplan::plan
