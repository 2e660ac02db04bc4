#include "plan/service.hpp"
#include "core/words.hpp"

#include "agreement/service.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json_input.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"
#include "event/planner.hpp"
#include "inspection/service.hpp"
#include "plan/repository.hpp"
#include "unit/service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>

namespace omskplan::plan {

using time::Date;

namespace {

constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxField = 1000;

unit::Services units_of(Services& s) { return unit::Services{s.db, s.ctx}; }

std::string dmy(Date d) { return fmt::format("{:02}.{:02}.{}", time::day_of(d), time::month_of(d), time::year_of(d)); }

Date day_or_today(Services& s, const std::string& typed) {
  return text::trim(typed).empty() ? s.ctx.today() : time::parse_date(typed, s.ctx);
}

Plan must_load(Services& s, std::int64_t id) {
  if (auto p = repo::load(s.db, id)) {
    return *p;
  }
  throw NotFound(trf("no plan {}", id));
}

// The next amendment of an approved plan, or nothing for a draft; a closed
// plan is refused.
std::optional<Amendment> amendment_for(Services& s, const Plan& p, const Amending& am, AmendmentKind kind,
                                       bool act_required = true) {
  if (p.status == Status::closed) {
    throw InputError(trf("plan {} is closed; it does not change any more", p.id));
  }
  if (p.status == Status::draft) {
    return std::nullopt;
  }
  if (act_required && text::trim(am.act).empty()) {
    throw InputError(trf("plan {} is approved; it changes only by an amendment: name the act with --act", p.id));
  }
  text::check_field(tr("the act"), am.act, kMaxField, true);
  Amendment a;
  a.no = static_cast<int>(repo::amendments(s.db, p.id).size()) + 1;
  a.decided_on = day_or_today(s, am.on);
  if (p.approved_on && a.decided_on < *p.approved_on) {
    throw InputError(trf("an amendment on {} would come before the approval on {}", time::format_date(a.decided_on),
                         time::format_date(*p.approved_on)));
  }
  a.act = text::trim(am.act);
  a.kind = kind;
  return a;
}

std::map<std::int64_t, std::string> unit_codes(Services& s) {
  std::map<std::int64_t, std::string> out;
  auto us = units_of(s);
  for (const auto& [id, u] : unit::by_id(us)) {
    out[id] = u.code;
  }
  return out;
}

void record(Services& s, const Plan& p, std::optional<Amendment> a, const std::optional<Item>& before,
            const std::optional<Item>& after, const std::string& what) {
  if (!a) {
    return;
  }
  const auto codes = unit_codes(s);
  a->item_no = before ? before->no : after->no;
  a->what = what;
  if (before) {
    a->before = item_text(*before, codes).dump();
  }
  if (after) {
    a->after = item_text(*after, codes).dump();
  }
  repo::insert(s.db, p.id, *a);
}

// The control points of a new due; marks of points whose date as planned
// stays are kept (an edit of a draft's due does not lose what was done).
std::vector<Point> points_for(Services& s, const Due& due, const Plan& p, const std::vector<Point>& old) {
  std::vector<Point> out;
  int seq = 0;
  for (const Date d : control_dates(due, p.period, *s.ctx.calendar)) {
    Point pt;
    auto it = std::find_if(old.begin(), old.end(), [&](const Point& o) { return o.planned_on == d; });
    if (it != old.end()) {
      pt = *it;
    } else {
      pt.planned_on = pt.due_on = d;
    }
    pt.id = 0;
    pt.seq = ++seq;
    out.push_back(std::move(pt));
  }
  return out;
}

std::optional<std::int64_t> unit_ref(Services& s, const std::string& ref) {
  if (text::trim(ref).empty()) {
    return std::nullopt;
  }
  auto us = units_of(s);
  return unit::resolve(us, ref).id;
}

std::vector<std::int64_t> co_refs(Services& s, const std::string& refs, const std::optional<std::int64_t>& unit_id) {
  auto us = units_of(s);
  std::vector<std::int64_t> out;
  for (const auto& u : unit::resolve_list(us, refs)) {
    if (unit_id && u.id == *unit_id) {
      throw InputError(trf("unit {} is responsible already; it is not its own co-executor", u.code));
    }
    out.push_back(u.id);
  }
  return out;
}

std::string section_key(const Plan& p, const std::string& typed) {
  const std::string t = text::trim(typed);
  if (t.empty()) {
    return p.sections.front().key;
  }
  // A key, a number («2») or a title.
  for (const auto& sec : p.sections) {
    if (sec.key == t || std::to_string(sec.no) == t || text::fold(sec.title) == text::fold(t)) {
      return sec.key;
    }
  }
  std::vector<std::string> keys;
  for (const auto& sec : p.sections) {
    keys.push_back(sec.key);
  }
  const std::string near = text::closest(t, keys);
  throw InputError(trf("plan {} has no section '{}'{}; its sections: {}", p.id, text::for_terminal(t, 60),
                       near.empty() ? "" : trf("; did you mean '{}'?", near), typed_list(keys)));
}

void check_item(const Item& i) {
  if (text::trim(i.text).empty()) {
    throw InputError(tr("the item's text is empty"));
  }
  text::check_field(tr("the text"), i.text, kMaxText, false);
  text::check_field(tr("the person"), i.person, kMaxField, true);
  text::check_field(tr("the basis"), i.basis, kMaxField, true);
  text::check_field(tr("the form of completion"), i.form, kMaxField, true);
}

// Fields of an item from what a user typed (all but section and position).
void fill(Services& s, const Plan& p, Item& i, const ItemInput& in) {
  i.text = text::trim(in.text);
  i.unit_id = unit_ref(s, in.unit);
  i.co_units = co_refs(s, in.co, i.unit_id);
  i.person = text::trim(in.person);
  i.basis = text::trim(in.basis);
  i.form = text::trim(in.form);
  const std::string due_typed = text::trim(in.due).empty() ? std::string("period") : in.due;
  const Due d = parse_due(due_typed, in.recurring, p.period, s.ctx);
  i.due = to_text(d);
  i.points = points_for(s, d, p, {});
  check_item(i);
}

Item new_item(Services& s, Plan& p, const ItemInput& in) {
  Item i;
  i.plan_id = p.id;
  i.section = section_key(p, in.section);
  fill(s, p, i, in);
  i.no = p.next_item_no++;
  i.position = repo::last_position(s.db, p.id, i.section) + 1;
  i.created = i.updated = s.ctx.now;
  return i;
}

void bump_next_no(Services& s, const Plan& before, Plan& after) {
  after.updated = s.ctx.now;
  repo::update(s.db, before, after);
}

Point& pick_point(Item& i, const std::string& typed, const Services& s, const Plan& plan, bool open_only) {
  if (i.points.empty()) {
    throw StorageError(fmt::format("item {} has no control point", i.no));
  }
  const std::string t = text::trim(typed);
  if (t.empty()) {
    for (auto& p : i.points) {
      if (!open_only || p.state == PointState::open || p.state == PointState::in_work) {
        return p;
      }
    }
    if (open_only) {
      throw InputError(trf("item {} has no open control point", i.no));
    }
    return i.points.front();
  }
  // Its number among the item's points, or a date or month it falls in.
  if (t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int n = std::stoi(t);
    if (n >= 1 && n <= static_cast<int>(i.points.size())) {
      return i.points[static_cast<std::size_t>(n - 1)];
    }
    throw InputError(trf("item {} has control points 1–{}, not {}", i.no, i.points.size(), n));
  }
  // A date or a span as a due is written (2024-04-10, 2024-04, «май»): the one parser of dues.
  Due span;
  try {
    span = parse_due(t, "", plan.period, s.ctx);
  } catch (const InputError&) {
    throw InputError(trf("invalid --point '{}': expected its number, a date or a month such as 2024-04 or «май»", t));
  }
  for (auto& p : i.points) {
    if (p.planned_on >= span.first && p.planned_on <= span.last) {
      return p;
    }
  }
  throw InputError(trf("item {} has no control point in {}", i.no, t));
}

}  // namespace

// ---- plans ----

Plan create(Services& s, const NewPlan& in) {
  const Kind kind = parse_kind(text::trim(in.kind));
  const Period period = parse_period(kind, text::trim(in.period), s.ctx);
  const std::string template_id = text::trim(in.template_id).empty() ? std::string(to_string(kind)) : in.template_id;
  const PlanTemplate t = PlanTemplateCatalog(s.template_dirs).get(template_id);
  if (t.kind != kind) {
    throw InputError(trf("plan template '{}' is for {} plans, not {}", t.id, word(t.kind), word(kind)));
  }
  store::WriteTransaction tx(s.db);
  Plan p;
  p.uuid = new_uuid();
  p.period = period;
  p.owner_unit_id = unit_ref(s, in.owner);
  p.template_id = t.id;
  p.sections = t.sections;
  if (!text::trim(in.title).empty()) {
    p.title = text::trim(in.title);
  } else if (p.owner_unit_id) {
    auto us = units_of(s);
    const auto owner = unit::resolve(us, in.owner);
    p.title = fmt::format("План работы {} — {}", period_phrase(period), owner.name);
  } else {
    p.title = plan_title(t, period);
  }
  text::check_field(tr("the title"), p.title, kMaxField, true);
  text::check_field(tr("the notes"), in.notes, 100000, false);
  p.notes = in.notes;
  p.created = p.updated = s.ctx.now;
  if (auto other = repo::find(s.db, kind, period.text, p.owner_unit_id)) {
    throw InputError(trf("there is a {} plan for {} of this owner already: plan {} «{}»", word(kind),
                         period.text, other->id, other->title));
  }
  repo::insert(s.db, p);
  tx.commit();
  return p;
}

Plan load(Services& s, std::int64_t id) {
  store::ReadTransaction rt(s.db);
  return must_load(s, id);
}

Plan resolve(Services& s, const std::string& ref) {
  const std::string t = text::trim(ref);
  if (t.empty() || t.size() > 18 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw InputError(trf("invalid plan '{}': expected its number (omskplan plan list shows them)",
                         text::for_terminal(t, 40)));
  }
  return load(s, std::stoll(t));
}

std::vector<PlanRow> list(Services& s, const ListQuery& q) {
  store::ReadTransaction rt(s.db);
  repo::Filter f;
  if (!text::trim(q.kind).empty()) {
    f.kind = parse_kind(text::trim(q.kind));
  }
  if (!text::trim(q.status).empty()) {
    f.status = parse_status(text::trim(q.status));
  }
  if (!text::trim(q.unit).empty()) {
    const std::string u = text::fold(text::trim(q.unit));
    if (u == "administration" || u == "администрация") {
      f.administration_only = true;
    } else {
      f.owner = unit_ref(s, q.unit);
    }
  }
  if (!text::trim(q.year).empty()) {
    const int y = time::parse_year(q.year, s.ctx, "--year");
    f.from = time::make_date(y, 1, 1);
    f.to = time::make_date(y, 12, 31);
  }
  const auto codes = unit_codes(s);
  const auto counts = repo::item_counts(s.db);
  std::vector<PlanRow> out;
  for (auto& p : repo::list(s.db, f)) {
    PlanRow r;
    r.owner = p.owner_unit_id ? codes.at(*p.owner_unit_id) : "";
    r.items = counts.count(p.id) ? counts.at(p.id) : 0;
    r.plan = std::move(p);
    out.push_back(std::move(r));
  }
  return out;
}

Plan approve(Services& s, std::int64_t plan_id, const std::string& on, const std::string& by, const std::string& act) {
  store::WriteTransaction tx(s.db);
  const Plan before = must_load(s, plan_id);
  if (before.status != Status::draft) {
    throw InputError(trf("plan {} is {}; only a draft is approved", plan_id, word(before.status)));
  }
  const auto items = repo::items(s.db, plan_id);
  if (items.empty()) {
    throw InputError(trf("plan {} has no items; there is nothing to approve", plan_id));
  }
  if (text::trim(act).empty()) {
    throw InputError(tr("an approval names its act: --act \"распоряжение № 45-р\""));
  }
  Plan p = before;
  p.status = Status::approved;
  p.approved_on = day_or_today(s, on);
  p.approved_act = text::trim(act);
  p.approved_by = text::trim(by);
  if (p.approved_by.empty()) {
    try {
      p.approved_by = PlanTemplateCatalog(s.template_dirs).get(p.template_id).approver;
    } catch (const Error&) {
    }
  }
  if (p.approved_by.empty()) {
    throw InputError(tr("who approves the plan? --by \"Мэр города Омска\""));
  }
  text::check_field(tr("the act"), p.approved_act, kMaxField, true);
  text::check_field(tr("the approver"), p.approved_by, kMaxField, true);
  p.updated = s.ctx.now;
  repo::update(s.db, before, p);
  repo::set_approved_text(s.db, plan_id, plan_text(p, items, unit_codes(s)).dump());
  tx.commit();
  return p;
}

Closed close(Services& s, std::int64_t plan_id, const std::string& on) {
  store::WriteTransaction tx(s.db);
  const Plan before = must_load(s, plan_id);
  if (before.status != Status::approved) {
    throw InputError(trf("plan {} is {}; only an approved plan is closed", plan_id, word(before.status)));
  }
  Closed c{before, 0};
  c.plan.status = Status::closed;
  c.plan.closed_on = day_or_today(s, on);
  if (*c.plan.closed_on > s.ctx.today()) {
    throw InputError(trf("--on {} is in the future; a plan is closed when it is", time::format_date(*c.plan.closed_on)));
  }
  if (*c.plan.closed_on < *before.approved_on) {
    throw InputError(trf("closing on {} would come before the approval on {}", time::format_date(*c.plan.closed_on),
                         time::format_date(*before.approved_on)));
  }
  c.plan.updated = s.ctx.now;
  for (const auto& item : repo::items(s.db, plan_id)) {
    if (item.dropped_on) {
      continue;
    }
    Item after = item;
    for (auto& pt : after.points) {
      if (pt.state == PointState::open || pt.state == PointState::in_work) {
        pt.state = PointState::not_done;
        ++c.not_done;
      }
    }
    after.updated = s.ctx.now;
    repo::update(s.db, item, after);
  }
  repo::update(s.db, before, c.plan);
  tx.commit();
  return c;
}

// ---- items ----

Item resolve_item(Services& s, const Plan& p, const std::string& ref) {
  const std::string t = text::trim(ref);
  const auto all_digits = [](const std::string& x) {
    return !x.empty() && x.size() < 9 && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (all_digits(t)) {
    if (auto i = repo::item(s.db, p.id, std::stoi(t))) {
      return *i;
    }
    throw NotFound(trf("plan {} has no item {}", p.id, t));
  }
  // «1.3» or «1.3.»: the section's number and the place in it.
  std::string u = t;
  if (!u.empty() && u.back() == '.') {
    u.pop_back();
  }
  const auto dot = u.find('.');
  if (dot != std::string::npos && all_digits(u.substr(0, dot)) && all_digits(u.substr(dot + 1))) {
    const int sec_no = std::stoi(u.substr(0, dot));
    const int place = std::stoi(u.substr(dot + 1));
    for (const auto& sec : p.sections) {
      if (sec.no != sec_no) {
        continue;
      }
      std::vector<Item> in_section;
      for (auto& i : repo::items(s.db, p.id)) {
        if (i.section == sec.key) {
          in_section.push_back(std::move(i));
        }
      }
      std::sort(in_section.begin(), in_section.end(), [](const Item& a, const Item& b) { return a.position < b.position; });
      if (place >= 1 && place <= static_cast<int>(in_section.size())) {
        return in_section[static_cast<std::size_t>(place - 1)];
      }
    }
    throw NotFound(trf("plan {} has no item {}.", p.id, u));
  }
  throw InputError(trf("invalid item '{}': expected its number (7) or its place in the plan (1.3)",
                       text::for_terminal(t, 40)));
}

Item add_item(Services& s, std::int64_t plan_id, const ItemInput& in, const Amending& am) {
  store::WriteTransaction tx(s.db);
  const Plan before = must_load(s, plan_id);
  auto a = amendment_for(s, before, am, AmendmentKind::add);
  Plan p = before;
  Item i = new_item(s, p, in);
  repo::insert(s.db, i);
  bump_next_no(s, before, p);
  record(s, p, a, std::nullopt, i, fmt::format("включён пункт {}", i.no));
  tx.commit();
  return i;
}

Item edit_item(Services& s, std::int64_t plan_id, const std::string& ref, const ItemChanges& c, const Amending& am) {
  store::WriteTransaction tx(s.db);
  const Plan p = must_load(s, plan_id);
  if ((c.due || c.recurring) && p.status == Status::approved) {
    throw InputError(trf("plan {} is approved; a new date is a postponement: omskplan plan item postpone {} {} --to …",
                         p.id, p.id, text::trim(ref)));
  }
  auto a = amendment_for(s, p, am, AmendmentKind::edit);
  const Item before = resolve_item(s, p, ref);
  if (before.dropped_on) {
    throw InputError(trf("item {} is dropped; it does not change any more", before.no));
  }
  Item i = before;
  std::vector<std::string> what;
  if (c.text) {
    i.text = text::trim(*c.text);
    what.push_back("наименование");
  }
  if (c.section) {
    const std::string key = section_key(p, *c.section);
    if (key != i.section) {
      i.section = key;
      i.position = repo::last_position(s.db, p.id, key) + 1;
      what.push_back("раздел");
    }
  }
  if (c.unit) {
    i.unit_id = unit_ref(s, *c.unit);
    what.push_back("ответственный исполнитель");
  }
  if (c.co || c.unit) {
    if (c.co) {
      i.co_units = co_refs(s, *c.co, i.unit_id);
      what.push_back("соисполнители");
    } else if (i.unit_id && std::find(i.co_units.begin(), i.co_units.end(), *i.unit_id) != i.co_units.end()) {
      i.co_units.erase(std::find(i.co_units.begin(), i.co_units.end(), *i.unit_id));
    }
  }
  if (c.person) {
    i.person = text::trim(*c.person);
    what.push_back("исполнитель");
  }
  if (c.basis) {
    i.basis = text::trim(*c.basis);
    what.push_back("основание");
  }
  if (c.form) {
    i.form = text::trim(*c.form);
    what.push_back("форма завершения");
  }
  if (c.due || c.recurring) {
    if (p.status != Status::draft) {
      throw InputError(trf("plan {} is approved; a new date is a postponement: omskplan plan item postpone {} {} --to …",
                           p.id, p.id, before.no));
    }
    const Due old = due_from_text(before.due, p.period);
    const std::string due_typed = c.due ? *c.due : before.due;
    std::string rec = c.recurring ? *c.recurring : "";
    if (!c.recurring && old.every != Recurrence::none && due_typed.find('/') == std::string::npos) {
      rec = to_text(Due{DueBase::period, {}, {}, old.every}).substr(7);
    }
    std::string base = due_typed;
    if (const auto slash = base.find('/'); slash != std::string::npos) {
      if (rec.empty()) {
        rec = base.substr(slash + 1);
      }
      base = base.substr(0, slash);
    }
    const Due d = parse_due(base, rec, p.period, s.ctx);
    i.due = to_text(d);
    i.points = points_for(s, d, p, before.points);
  }
  check_item(i);
  i.updated = s.ctx.now;
  if (repo::update(s.db, before, i)) {
    record(s, p, a, before, i, fmt::format("изменён пункт {}: {}", i.no, text::join(what, ", ")));
  }
  tx.commit();
  return i;
}

Item remove_item(Services& s, std::int64_t plan_id, const std::string& ref) {
  store::WriteTransaction tx(s.db);
  const Plan p = must_load(s, plan_id);
  if (p.status != Status::draft) {
    throw InputError(trf("plan {} is {}; an item of it is dropped, not removed: omskplan plan item drop", plan_id,
                         word(p.status)));
  }
  const Item i = resolve_item(s, p, ref);
  if (!repo::carried_from(s.db, i.id).empty()) {
    throw InputError(trf("item {} was carried into another plan; drop it instead", i.no));
  }
  repo::remove(s.db, i);
  tx.commit();
  return i;
}

namespace {

// Marks on a point: the plan must be approved (execution is of an approved plan).
template <class F>
Item mark(Services& s, std::int64_t plan_id, const std::string& ref, F&& f) {
  store::WriteTransaction tx(s.db);
  const Plan p = must_load(s, plan_id);
  if (p.status != Status::approved) {
    throw InputError(trf("plan {} is {}; execution is marked in an approved plan", plan_id, word(p.status)));
  }
  const Item before = resolve_item(s, p, ref);
  if (before.dropped_on) {
    throw InputError(trf("item {} was dropped on {}: {}", before.no, time::format_date(*before.dropped_on),
                         before.drop_reason));
  }
  Item i = before;
  f(p, i);
  i.updated = s.ctx.now;
  repo::update(s.db, before, i);
  tx.commit();
  return i;
}

}  // namespace

Item start_item(Services& s, std::int64_t plan_id, const std::string& ref, const std::string& on,
                const std::string& point) {
  return mark(s, plan_id, ref, [&](const Plan& p, Item& i) {
    Point& pt = pick_point(i, point, s, p, true);
    pt.state = PointState::in_work;
    pt.started_on = day_or_today(s, on);
  });
}

Item done_item(Services& s, std::int64_t plan_id, const std::string& ref, const std::string& on,
               const std::string& report, const std::string& point) {
  return mark(s, plan_id, ref, [&](const Plan& p, Item& i) {
    Point& pt = pick_point(i, point, s, p, true);
    const Date d = day_or_today(s, on);
    if (d > s.ctx.today()) {
      throw InputError(trf("--on {} is in the future; mark it done when it is", time::format_date(d)));
    }
    if (pt.started_on && d < *pt.started_on) {
      throw InputError(trf("done on {} is before it was started ({})", time::format_date(d),
                           time::format_date(*pt.started_on)));
    }
    text::check_field(tr("the report"), report, kMaxText, false);
    pt.state = PointState::done;
    pt.done_on = d;
    pt.report = text::trim(report);
  });
}

Item reopen_item(Services& s, std::int64_t plan_id, const std::string& ref, const std::string& point) {
  return mark(s, plan_id, ref, [&](const Plan& p, Item& i) {
    Point* pt = nullptr;
    if (text::trim(point).empty()) {
      for (auto it = i.points.rbegin(); it != i.points.rend(); ++it) {
        if (it->state == PointState::done) {
          pt = &*it;
          break;
        }
      }
      if (!pt) {
        throw InputError(trf("item {} has no point marked done", i.no));
      }
    } else {
      pt = &pick_point(i, point, s, p, false);
    }
    if (pt->state != PointState::done) {
      throw InputError(trf("item {}: the point of {} is not marked done", i.no, time::format_date(pt->planned_on)));
    }
    pt->state = pt->started_on ? PointState::in_work : PointState::open;
    pt->done_on.reset();
    pt->report.clear();
  });
}

Item postpone_item(Services& s, std::int64_t plan_id, const std::string& ref, const std::string& to,
                   const std::string& reason, const Amending& am, const std::string& point) {
  store::WriteTransaction tx(s.db);
  const Plan p = must_load(s, plan_id);
  if (p.status != Status::approved) {
    throw InputError(trf("plan {} is {}; a draft's date is edited (plan item edit --due), a closed plan's is final",
                         plan_id, word(p.status)));
  }
  auto a = amendment_for(s, p, am, AmendmentKind::postpone);
  const Item before = resolve_item(s, p, ref);
  if (before.dropped_on) {
    throw InputError(trf("item {} was dropped on {}", before.no, time::format_date(*before.dropped_on)));
  }
  if (text::trim(reason).empty()) {
    throw InputError(tr("a postponement needs its reason: --reason"));
  }
  text::check_field(tr("the reason"), reason, kMaxField, false);
  Item i = before;
  Point& pt = pick_point(i, point, s, p, true);
  const Date new_date = time::parse_date(to, s.ctx);
  if (new_date <= pt.due_on) {
    throw InputError(trf("--to {} is not later than the control date {}", time::format_date(new_date),
                         time::format_date(pt.due_on)));
  }
  if (!s.ctx.calendar->is_working(new_date)) {
    throw InputError(trf("--to {} is not a working day", time::format_date(new_date)));
  }
  const Date from = pt.due_on;
  pt.postponements.push_back(Postponement{a->decided_on, from, new_date, text::trim(reason), a->act});
  pt.due_on = new_date;
  i.updated = s.ctx.now;
  repo::update(s.db, before, i);
  record(s, p, a, before, i,
         fmt::format("пункт {}: срок перенесён с {} на {} ({})", i.no, dmy(from), dmy(new_date), text::trim(reason)));
  tx.commit();
  return i;
}

Item drop_item(Services& s, std::int64_t plan_id, const std::string& ref, const std::string& reason,
               const Amending& am) {
  store::WriteTransaction tx(s.db);
  const Plan p = must_load(s, plan_id);
  if (p.status == Status::draft) {
    throw InputError(trf("plan {} is a draft; an item of it is removed: omskplan plan item remove", plan_id));
  }
  if (p.status == Status::closed) {
    throw InputError(trf("plan {} is closed; it does not change any more", plan_id));
  }
  const Item before = resolve_item(s, p, ref);
  if (before.dropped_on) {
    throw InputError(trf("item {} was dropped already on {}", before.no, time::format_date(*before.dropped_on)));
  }
  if (text::trim(reason).empty()) {
    throw InputError(tr("an item is dropped for a reason: --reason"));
  }
  text::check_field(tr("the reason"), reason, kMaxField, false);
  // Dropping is recorded as an amendment; its act is optional (the reason is not).
  auto a = amendment_for(s, p, am, AmendmentKind::drop, false);
  Item i = before;
  i.dropped_on = a->decided_on;
  i.drop_reason = text::trim(reason);
  i.drop_act = a->act;
  i.updated = s.ctx.now;
  repo::update(s.db, before, i);
  record(s, p, a, before, i, fmt::format("пункт {} снят с контроля: {}", i.no, i.drop_reason));
  tx.commit();
  return i;
}

Item link_item(Services& s, std::int64_t plan_id, const std::string& ref, const Link& l) {
  store::WriteTransaction tx(s.db);
  const Plan p = must_load(s, plan_id);
  const Item before = resolve_item(s, p, ref);
  Item i = before;
  if (l.clear) {
    i.event_id.reset();
    i.agreement_id.reset();
    i.site_id.reset();
  }
  if (l.event) {
    event::Services es{s.db, s.ctx};
    if (!event::find_event(es, *l.event)) {
      throw NotFound(trf("no event {}", *l.event));
    }
    i.event_id = *l.event;
  }
  if (l.agreement) {
    agreement::Settings settings;
    agreement::Services as{s.db, s.ctx, settings};
    i.agreement_id = agreement::load(as, *l.agreement).id;
  }
  if (l.site) {
    agreement::Settings settings;
    inspection::ScheduleSettings cfg;
    inspection::Services is{s.db, s.ctx, cfg, settings};
    i.site_id = inspection::resolve_site(is, *l.site).id;
  }
  if (!l.clear && !l.event && !l.agreement && !l.site) {
    throw InputError(tr("link to what? --event, --agreement, --site or --clear"));
  }
  i.updated = s.ctx.now;
  repo::update(s.db, before, i);
  tx.commit();
  return i;
}

// ---- reading ----

namespace {

// Items (or places) in the document's order — by section, then position — and their numbers «1.3.».
template <class T>
std::map<int, std::string> numbering(const Plan& p, std::vector<T>& items) {
  std::map<std::string, int> sec_no;
  for (const auto& sec : p.sections) {
    sec_no[sec.key] = sec.no;
  }
  // Each item's section number looked up once, then sorted by (section, position).
  std::vector<std::pair<int, std::size_t>> order;
  order.reserve(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) {
    auto it = sec_no.find(items[k].section);
    order.emplace_back(it == sec_no.end() ? 1000 : it->second, k);
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : items[a.second].position < items[b.second].position;
  });
  std::map<int, std::string> out;
  std::vector<T> sorted;
  sorted.reserve(items.size());
  int current = -1;
  int place = 0;
  for (const auto& [sec, k] : order) {
    place = sec == current ? place + 1 : 1;
    current = sec;
    out[items[k].no] = display_number(sec == 1000 ? 0 : sec, place);
    sorted.push_back(std::move(items[k]));
  }
  items = std::move(sorted);
  return out;
}

// The numbers of a plan's items, from where they are (no items loaded).
std::map<int, std::string> numbers_of(Services& s, const Plan& p) {
  auto places = repo::places(s.db, p.id);
  return numbering(p, places);
}

}  // namespace

PlanView view(Services& s, std::int64_t plan_id) {
  store::ReadTransaction rt(s.db);
  PlanView v;
  v.plan = must_load(s, plan_id);
  auto us = units_of(s);
  v.units = unit::by_id(us);
  if (v.plan.owner_unit_id && v.units.count(*v.plan.owner_unit_id)) {
    v.owner = v.units.at(*v.plan.owner_unit_id);
  }
  v.items = repo::items(s.db, plan_id);
  v.numbers = numbering(v.plan, v.items);
  v.amendments = repo::amendments(s.db, plan_id);
  try {
    v.templ = PlanTemplateCatalog(s.template_dirs).get(v.plan.template_id);
  } catch (const Error&) {
  }
  return v;
}

nlohmann::ordered_json version(Services& s, std::int64_t plan_id, int v) {
  store::ReadTransaction rt(s.db);
  const Plan p = must_load(s, plan_id);
  if (v == 0) {
    auto items = repo::items(s.db, plan_id);
    numbering(p, items);
    return plan_text(p, items, unit_codes(s));
  }
  const auto approved = repo::approved_text(s.db, plan_id);
  if (!approved) {
    throw InputError(trf("plan {} is a draft; it has no approved text yet", plan_id));
  }
  return version_text(nlohmann::ordered_json::parse(*approved), repo::amendments(s.db, plan_id), v);
}

std::vector<ItemChange> diff(Services& s, std::int64_t plan_id, int from, int to) {
  store::ReadTransaction rt(s.db);
  return plan::diff(version(s, plan_id, from), version(s, plan_id, to));
}

std::vector<LinkedItem> items_for_event(Services& s, std::int64_t event_id) {
  store::ReadTransaction rt(s.db);
  std::vector<LinkedItem> out;
  std::map<std::int64_t, std::pair<Plan, std::map<int, std::string>>> plans;
  for (auto& i : repo::items_linked_to(s.db, "event", event_id)) {
    auto it = plans.find(i.plan_id);
    if (it == plans.end()) {
      Plan p = must_load(s, i.plan_id);
      auto numbers = numbers_of(s, p);
      it = plans.emplace(i.plan_id, std::make_pair(std::move(p), std::move(numbers))).first;
    }
    const std::string number = it->second.second[i.no];
    out.push_back(LinkedItem{it->second.first, std::move(i), number});
  }
  return out;
}

// ---- consolidation ----

namespace {

struct Row {
  std::string where;  // "file:line"
  ItemInput in;
};

// Column names of the usual forms → fields.
std::string field_of(const std::string& header) {
  const std::string h = text::fold(text::trim(header));
  static const std::vector<std::pair<std::string, std::vector<std::string>>> names{
      {"section", {"section", "раздел"}},
      {"text", {"text", "наименование мероприятия", "наименование мероприятия (вопроса)", "мероприятие",
                "наименование", "содержание"}},
      {"unit", {"unit", "ответственный исполнитель", "ответственный", "ответственное подразделение"}},
      {"co", {"co", "соисполнители", "соисполнитель"}},
      {"person", {"person", "исполнитель", "ответственное лицо"}},
      {"due", {"due", "срок", "срок исполнения"}},
      {"recurring", {"recurring", "периодичность"}},
      {"basis", {"basis", "основание"}},
      {"form", {"form", "result", "форма завершения", "форма исполнения"}},
      {"no", {"no", "№", "№ п/п"}},
  };
  for (const auto& [field, list] : names) {
    if (std::find(list.begin(), list.end(), h) != list.end()) {
      return field;
    }
  }
  return "";
}

// The rows of a CSV file; `columns` gets where each field is (for "file:line:col").
std::vector<Row> rows_from_csv(std::string_view data, const std::string& name,
                               std::map<std::string, std::size_t>& columns) {
  csv::Table t;
  try {
    t = csv::parse(data);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", name, e.what()));
  }
  std::map<std::string, std::size_t> col;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const std::string f = field_of(t.header[c]);
    if (f.empty()) {
      static constexpr std::array<std::string_view, 9> kFields{"section", "text",      "unit",  "co",  "person",
                                                              "due",     "recurring", "basis", "form"};
      throw InputError(trf("{}:1:{}: unknown column '{}'; expected: {} (or the Russian headers)", name, c + 1,
                           text::for_terminal(t.header[c], 60), typed_list(kFields)));
    }
    if (col.count(f)) {
      throw InputError(trf("{}:1:{}: column '{}' appears twice", name, c + 1, f));
    }
    col[f] = c;
  }
  if (!col.count("text")) {
    throw InputError(trf("{}:1: missing column 'text' («Наименование мероприятия»)", name));
  }
  std::vector<Row> out;
  for (const auto& r : t.rows) {
    if (r.cells.size() != t.header.size()) {
      throw InputError(trf("{}:{}: {} fields, the header has {}", name, r.line, r.cells.size(), t.header.size()));
    }
    auto cell = [&](const char* f) { return col.count(f) ? r.cells[col.at(f)] : std::string(); };
    Row row;
    row.where = fmt::format("{}:{}", name, r.line);
    row.in = ItemInput{cell("section"), cell("text"), cell("unit"),      cell("co"),    cell("person"),
                       cell("due"),     cell("recurring"), cell("basis"), cell("form")};
    out.push_back(std::move(row));
  }
  columns = col;
  return out;
}

std::vector<Row> rows_from_json(std::string_view data, const std::string& name) {
  std::vector<Row> out;
  std::istringstream in{std::string(data)};
  try {
    json_input::stream_records(in, "items", [&](const nlohmann::json& j) {
      const json_input::Fields f{j, ""};
      // What `plan show --json` prints reads back: the fields that are not proposals' are ignored.
      f.only({"no", "number", "section", "text", "unit", "co", "person", "due", "due_text", "recurring", "basis", "form",
              "status", "control", "dropped", "standing", "event", "agreement", "site", "origin_item", "points"});
      Row row;
      row.where = trf("{}: record {}", name, out.size() + 1);
      std::string co;
      if (const auto* arr = f.array("co")) {
        std::vector<std::string> parts;
        for (const auto& c : *arr) {
          if (!c.is_string()) {
            f.fail("co", tr("expected unit codes"));
          }
          parts.push_back(c.get<std::string>());
        }
        co = text::join(parts, ",");
      } else {
        co = f.str("co");
      }
      row.in = ItemInput{f.str("section"), f.str("text", true), f.str("unit"),  co,  f.str("person"),
                         f.str("due"),     f.str("recurring"),  f.str("basis"), f.str("form")};
      out.push_back(std::move(row));
    });
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", name, e.what()));
  }
  return out;
}

ImportResult add_rows(Services& s, std::int64_t plan_id, const std::vector<Row>& rows,
                      const std::map<std::string, std::size_t>& columns, bool dry_run, const Amending& am,
                      const std::function<void(Item&, std::size_t)>& adjust = {}) {
  ImportResult r;
  store::WriteTransaction tx(s.db);
  const Plan before = must_load(s, plan_id);
  Plan p = before;
  if (p.status == Status::closed) {
    throw InputError(trf("plan {} is closed; it does not change any more", plan_id));
  }
  // Existing items by (text key, due).
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const auto& i : repo::items(s.db, plan_id)) {
    seen.emplace(std::make_pair(text_key(i.text), i.due), i.no);
  }
  // Units by what the rows call them, looked up once each.
  std::map<std::string, std::optional<std::int64_t>> units_by_ref;
  const auto unit_of = [&](const std::string& ref) -> std::optional<std::int64_t> {
    const std::string key = unit::code_key(ref);
    auto it = units_by_ref.find(key);
    if (it == units_by_ref.end()) {
      it = units_by_ref.emplace(key, unit_ref(s, ref)).first;
    }
    return it->second;
  };
  // The last place in each section, read once (not a query a row).
  std::map<std::string, int> last_place;
  const auto next_place = [&](const std::string& section) {
    auto it = last_place.find(section);
    if (it == last_place.end()) {
      it = last_place.emplace(section, repo::last_position(s.db, plan_id, section)).first;
    }
    return ++it->second;
  };
  const int amendments_before = static_cast<int>(repo::amendments(s.db, plan_id).size());
  int amendment_no = amendments_before;
  std::optional<Amendment> a0 = amendment_for(s, p, am, AmendmentKind::add);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const Row& row = rows[k];
    Item i;
    // Each field in turn, so an error names its column.
    const auto at = [&](const char* field, auto&& f) {
      try {
        f();
      } catch (const Error& e) {
        auto c = columns.find(field);
        if (c != columns.end()) {
          throw InputError(fmt::format("{}:{}: {}", row.where, c->second + 1, e.what()));
        }
        throw InputError(fmt::format("{}: field '{}': {}", row.where, field, e.what()));
      }
    };
    i.plan_id = p.id;
    at("section", [&] { i.section = section_key(p, row.in.section); });
    at("text", [&] {
      i.text = text::trim(row.in.text);
      if (i.text.empty()) {
        throw InputError(tr("the item's text is empty"));
      }
      text::check_field(tr("the text"), i.text, kMaxText, false);
    });
    at("unit", [&] { i.unit_id = unit_of(row.in.unit); });
    at("co", [&] {
      // The same rules as co_refs, with the units looked up once per code.
      std::string norm = row.in.co;
      std::replace(norm.begin(), norm.end(), ';', ',');
      std::set<std::int64_t> named;
      for (const auto& part : text::split(norm, ',')) {
        if (text::trim(part).empty()) {
          continue;
        }
        const std::int64_t id = *unit_of(part);
        if (i.unit_id && id == *i.unit_id) {
          throw InputError(trf("unit {} is responsible already; it is not its own co-executor", text::trim(part)));
        }
        if (!named.insert(id).second) {
          throw InputError(trf("unit {} is named twice", text::trim(part)));
        }
        i.co_units.push_back(id);
      }
    });
    at("person", [&] {
      i.person = text::trim(row.in.person);
      text::check_field(tr("the person"), i.person, kMaxField, true);
    });
    Due d;
    at("due", [&] {
      d = parse_due(text::trim(row.in.due).empty() ? std::string("period") : row.in.due, row.in.recurring, p.period,
                    s.ctx);
    });
    at("basis", [&] {
      i.basis = text::trim(row.in.basis);
      text::check_field(tr("the basis"), i.basis, kMaxField, true);
    });
    at("form", [&] {
      i.form = text::trim(row.in.form);
      text::check_field(tr("the form of completion"), i.form, kMaxField, true);
    });
    i.due = to_text(d);
    const auto key = std::make_pair(text_key(i.text), i.due);
    if (auto it = seen.find(key); it != seen.end()) {
      r.duplicates.push_back(Duplicate{row.where, it->second, i.text});
      continue;
    }
    i.points = points_for(s, d, p, {});
    if (adjust) {
      adjust(i, k);
    }
    i.no = p.next_item_no++;
    i.position = next_place(i.section);
    i.created = i.updated = s.ctx.now;
    repo::insert(s.db, i);
    seen.emplace(key, i.no);
    ++r.added;
    if (a0) {
      Amendment a = *a0;
      a.no = ++amendment_no;
      record(s, p, a, std::nullopt, i, fmt::format("включён пункт {}", i.no));
    }
  }
  bump_next_no(s, before, p);
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

}  // namespace

ImportResult import_items(Services& s, std::int64_t plan_id, std::string_view data, const std::string& name,
                          bool dry_run, const Amending& am) {
  std::size_t first = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") {
    first = 3;
  }
  while (first < data.size() && (data[first] == ' ' || data[first] == '\n' || data[first] == '\r' || data[first] == '\t')) {
    ++first;
  }
  const bool is_json = first < data.size() && (data[first] == '[' || data[first] == '{');
  std::map<std::string, std::size_t> columns;
  std::vector<Row> rows;
  if (is_json) {
    rows = rows_from_json(data, name);
  } else {
    rows = rows_from_csv(data, name, columns);
  }
  return add_rows(s, plan_id, rows, columns, dry_run, am);
}

ImportResult merge(Services& s, std::int64_t from_plan, std::int64_t into_plan, bool dry_run, const Amending& am) {
  store::WriteTransaction tx(s.db);
  if (from_plan == into_plan) {
    throw InputError(tr("a plan is not merged into itself"));
  }
  const Plan from = must_load(s, from_plan);
  const Plan into = must_load(s, into_plan);
  const auto codes = unit_codes(s);
  std::vector<Row> rows;
  auto items = repo::items(s.db, from_plan);
  numbering(from, items);
  for (const auto& i : items) {
    if (i.dropped_on) {
      continue;
    }
    Row row;
    row.where = trf("plan {} item {}", from_plan, i.no);
    const Due d = due_from_text(i.due, from.period);
    // «В течение квартала» of a unit's quarterly plan is that quarter in an annual plan: the span, not the word.
    std::string due = d.base == DueBase::period ? from.period.text : to_text(Due{d.base, d.first, d.last, Recurrence::none});
    const auto slash = i.due.find('/');
    std::vector<std::string> co;
    for (auto id : i.co_units) {
      co.push_back(codes.at(id));
    }
    // A section of the same key, else the target's first.
    const std::string section = into.section(i.section) ? i.section : "";
    row.in = ItemInput{section, i.text, i.unit_id ? codes.at(*i.unit_id) : "", text::join(co, ","), i.person, due,
                       slash == std::string::npos ? "" : i.due.substr(slash + 1), i.basis, i.form};
    rows.push_back(std::move(row));
  }
  auto r = add_rows(s, into_plan, rows, {}, false, am);
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

// ---- control ----

time::Date horizon_end(const std::string& within, const time::Context& ctx, std::string_view option) {
  std::string t = text::trim(within);
  if (t == "0" || t.empty()) {
    return ctx.today();
  }
  if (t.front() != '+') {
    t = "+" + t;
  }
  const auto off = time::parse_offset(t);
  if (!off || off->unit == time::Offset::Unit::minutes || off->amount < 0 || off->amount > 3660) {
    throw InputError(trf("invalid {} '{}': expected days, weeks or working days such as 10d, 2w or 5wd", option,
                         text::for_terminal(within, 40)));
  }
  return off->unit == time::Offset::Unit::working_days
             ? ctx.calendar->add_working_days(ctx.today(), static_cast<int>(off->amount))
             : ctx.today() + std::chrono::days{off->amount};
}

DueReport due(Services& s, const std::string& within, const std::string& unit_typed, const std::string& plan_typed) {
  store::ReadTransaction rt(s.db);
  const Date today = s.ctx.today();
  const Date until = horizon_end(within, s.ctx);
  auto us = units_of(s);
  const auto unit_id = unit_ref(s, unit_typed);
  std::optional<std::int64_t> only_plan;
  if (!text::trim(plan_typed).empty()) {
    only_plan = resolve(s, plan_typed).id;
  }
  DueReport r;
  r.units = unit::by_id(us);
  r.items = repo::open_items_due_by(s.db, until);
  std::erase_if(r.items, [&](const Item& i) {
    return (only_plan && i.plan_id != *only_plan) || (unit_id && i.unit_id != unit_id);
  });
  // Working days between a date and today, counted once for the earliest date.
  std::map<Date, long> working_days_to_today;
  std::map<std::int64_t, std::size_t> plan_at;
  std::map<std::int64_t, std::map<int, std::string>> numbers;
  for (const auto& i : r.items) {
    if (!plan_at.count(i.plan_id)) {
      plan_at[i.plan_id] = r.plans.size();
      Plan p = must_load(s, i.plan_id);
      numbers[i.plan_id] = numbers_of(s, p);
      r.plans.push_back(std::move(p));
    }
    for (const auto& pt : i.points) {
      if ((pt.state != PointState::open && pt.state != PointState::in_work) || pt.due_on > until) {
        continue;
      }
      DueRow row{plan_at.at(i.plan_id), &i, pt, numbers[i.plan_id][i.no], standing(pt, i.dropped_on, today), pt.due_on, 0};
      if (pt.due_on < today) {
        working_days_to_today[pt.due_on] = 0;
        ++r.overdue;
      }
      r.rows.push_back(std::move(row));
    }
  }
  if (!working_days_to_today.empty()) {
    // One walk from the earliest overdue date to today: working days after each date, up to today.
    long count = 0;
    auto it = working_days_to_today.rbegin();
    for (Date d = today; it != working_days_to_today.rend(); d -= std::chrono::days{1}) {
      while (it != working_days_to_today.rend() && it->first == d) {
        it->second = count;
        ++it;
      }
      count += s.ctx.calendar->is_working(d) ? 1 : 0;
    }
    for (auto& row : r.rows) {
      if (row.due < today) {
        row.days_over = working_days_to_today.at(row.due);
      }
    }
  }
  std::stable_sort(r.rows.begin(), r.rows.end(), [](const DueRow& a, const DueRow& b) {
    return a.due != b.due ? a.due < b.due : a.item->no < b.item->no;
  });
  return r;
}

DueReport points_between(Services& s, time::Date from, time::Date to) {
  store::ReadTransaction rt(s.db);
  DueReport r;
  auto us = units_of(s);
  r.units = unit::by_id(us);
  r.items = repo::items_due_between(s.db, from, to);
  std::map<std::int64_t, std::size_t> plan_at;
  std::map<std::int64_t, std::map<int, std::string>> numbers;
  const Date today = s.ctx.today();
  for (const auto& i : r.items) {
    if (!plan_at.count(i.plan_id)) {
      plan_at[i.plan_id] = r.plans.size();
      Plan p = must_load(s, i.plan_id);
      numbers[i.plan_id] = numbers_of(s, p);
      r.plans.push_back(std::move(p));
    }
    for (const auto& pt : i.points) {
      if (pt.due_on < from || pt.due_on > to) {
        continue;
      }
      r.rows.push_back(DueRow{plan_at.at(i.plan_id), &i, pt, numbers[i.plan_id][i.no], standing(pt, i.dropped_on, today),
                              pt.due_on, 0});
    }
  }
  std::stable_sort(r.rows.begin(), r.rows.end(), [](const DueRow& a, const DueRow& b) {
    return a.due != b.due ? a.due < b.due : a.item->no < b.item->no;
  });
  return r;
}

ControlReport control(Services& s, const std::string& period_typed, const std::string& as_of_typed,
                      const std::string& unit_typed, const std::string& plan_typed) {
  store::ReadTransaction rt(s.db);
  ControlReport r;
  r.as_of = day_or_today(s, as_of_typed);
  const auto unit_id = unit_ref(s, unit_typed);
  std::vector<Plan> plans;
  std::vector<Plan> before_plans;
  const auto approved = [](const Plan& p) { return p.status != Status::draft; };
  if (!text::trim(plan_typed).empty()) {
    if (!text::trim(period_typed).empty()) {
      throw InputError(tr("--plan and --period: name one of them"));
    }
    const Plan p = resolve(s, plan_typed);
    if (!approved(p)) {
      throw InputError(trf("plan {} is a draft; control starts when it is approved", p.id));
    }
    r.period = p.period;
    plans.push_back(p);
    if (auto prev = repo::find(s.db, p.period.kind, previous(p.period).text, p.owner_unit_id); prev && approved(*prev)) {
      before_plans.push_back(*prev);
    }
  } else {
    // The period's kind is in how it is written: 2024 annual, 2024-Q2 quarterly, 2024-05 monthly, 2024-W19 weekly.
    const std::string t = text::trim(period_typed);
    Kind kind = Kind::quarterly;
    if (t.empty()) {
      r.period = period_of(Kind::quarterly, r.as_of);
    } else {
      const std::string f = text::fold(t);
      if (f.find('q') != std::string::npos) {
        kind = Kind::quarterly;
      } else if (f.find('w') != std::string::npos) {
        kind = Kind::weekly;
      } else if (f.size() == 4) {
        kind = Kind::annual;
      } else {
        kind = Kind::monthly;
      }
      r.period = parse_period(kind, t, s.ctx);
    }
    repo::Filter f;
    f.kind = r.period.kind;
    for (auto& p : repo::list(s.db, f)) {
      if (p.period.text == r.period.text && approved(p)) {
        plans.push_back(std::move(p));
      } else if (p.period.text == previous(r.period).text && approved(p)) {
        before_plans.push_back(std::move(p));
      }
    }
  }
  r.plans = plans;
  auto us = units_of(s);
  const auto units = unit::by_id(us);
  std::map<std::int64_t, ControlRow> rows;  // 0: no unit
  const auto row_for = [&](const std::optional<std::int64_t>& id) -> ControlRow& {
    const std::int64_t key = id.value_or(0);
    auto it = rows.find(key);
    if (it == rows.end()) {
      ControlRow row;
      row.unit_id = id;
      if (id && units.count(*id)) {
        const auto names = unit::names_on(units.at(*id), r.period.last);
        row.code = names.code;
        row.name = names.short_name.empty() ? names.name : text::capitalize(names.short_name);
      } else {
        row.name = tr("(no responsible unit)");
      }
      it = rows.emplace(key, std::move(row)).first;
    }
    return it->second;
  };
  const auto tally = [&](const std::vector<Plan>& ps, bool now) {
    for (const auto& p : ps) {
      for (const auto& c : repo::control_points(s.db, p.id)) {
        if (unit_id && c.unit_id != unit_id) {
          continue;
        }
        ControlRow& row = row_for(c.unit_id);
        Discipline d;
        d.add(c.point, c.dropped_on, r.as_of);
        if (now) {
          row.now += d;
          r.total += d;
        } else {
          if (!row.before) {
            row.before = Discipline{};
          }
          *row.before += d;
          if (!r.total_before) {
            r.total_before = Discipline{};
          }
          *r.total_before += d;
        }
      }
    }
  };
  tally(plans, true);
  if (!before_plans.empty()) {
    r.previous = previous(r.period);
    tally(before_plans, false);
  }
  for (auto& [key, row] : rows) {
    if (row.now.points > 0) {
      r.rows.push_back(std::move(row));
    }
  }
  std::sort(r.rows.begin(), r.rows.end(), [](const ControlRow& a, const ControlRow& b) {
    if (a.code.empty() != b.code.empty()) {
      return b.code.empty();
    }
    return russian::collate_less(a.code, b.code);
  });
  return r;
}

// ---- carrying over ----

CarryResult carry(Services& s, std::int64_t from_id, std::int64_t into_id, bool dry_run, const Amending& am) {
  store::WriteTransaction tx(s.db);
  if (from_id == into_id) {
    throw InputError(tr("a plan is not carried into itself"));
  }
  const Plan from = must_load(s, from_id);
  const Plan into_before = must_load(s, into_id);
  if (from.status == Status::draft) {
    throw InputError(trf("plan {} is a draft; only an approved plan's items are carried", from_id));
  }
  if (into_before.period.first <= from.period.first) {
    throw InputError(trf("plan {} ({}) does not come after plan {} ({})", into_id, into_before.period.text, from_id,
                         from.period.text));
  }
  Plan into = into_before;
  auto a0 = amendment_for(s, into, am, AmendmentKind::add);
  int amendment_no = static_cast<int>(repo::amendments(s.db, into_id).size());
  CarryResult r;
  auto source = repo::items(s.db, from_id);
  numbering(from, source);
  for (const auto& i : source) {
    if (i.dropped_on) {
      continue;
    }
    const bool open = std::any_of(i.points.begin(), i.points.end(), [](const Point& p) {
      return p.state == PointState::open || p.state == PointState::in_work;
    });
    if (!repo::carried_from(s.db, i.id).empty()) {
      ++r.already;
      continue;
    }
    if (!open) {
      continue;
    }
    // The item as it is (text, units, person, basis, form, links), a new one of the target plan.
    Item n = i;
    n.id = 0;
    n.plan_id = into.id;
    n.section = into.section(i.section) ? i.section : into.sections.front().key;
    n.origin_id = i.id;
    // The due: kept when it falls within the new period, else the whole new period.
    const Due old = due_from_text(i.due, from.period);
    Due d{DueBase::period, into.period.first, into.period.last, old.every};
    if (old.base != DueBase::period && old.first >= into.period.first && old.last <= into.period.last) {
      d = old;
    }
    n.due = to_text(d);
    n.points = points_for(s, d, into, {});
    if (n.points.empty()) {
      d = Due{DueBase::period, into.period.first, into.period.last, Recurrence::none};
      n.due = to_text(d);
      n.points = points_for(s, d, into, {});
    }
    n.no = into.next_item_no++;
    n.position = repo::last_position(s.db, into.id, n.section) + 1;
    n.created = n.updated = s.ctx.now;
    repo::insert(s.db, n);
    Item done = i;
    for (auto& pt : done.points) {
      if (pt.state == PointState::open || pt.state == PointState::in_work) {
        pt.state = PointState::carried;
      }
    }
    done.updated = s.ctx.now;
    repo::update(s.db, i, done);
    if (a0) {
      Amendment a = *a0;
      a.no = ++amendment_no;
      record(s, into, a, std::nullopt, n,
             fmt::format("включён пункт {}, перенесённый из плана {} (пункт {})", n.no, from.id, i.no));
    }
    r.pairs.emplace_back(i.no, n.no);
    ++r.carried;
  }
  into.updated = s.ctx.now;
  repo::update(s.db, into_before, into);
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

}  // namespace omskplan::plan
