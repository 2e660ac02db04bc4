#include "plan/views.hpp"
#include "core/words.hpp"
#include "core/russian.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace omskplan::plan {

using nlohmann::ordered_json;
using render::Table;
using render::Tone;

namespace {

std::string code_of(const std::map<std::int64_t, unit::Unit>& units, const std::optional<std::int64_t>& id) {
  if (!id) {
    return "";
  }
  auto it = units.find(*id);
  return it == units.end() ? record_ref(*id) : it->second.code;
}

std::string codes_of(const std::map<std::int64_t, unit::Unit>& units, const std::vector<std::int64_t>& ids) {
  std::vector<std::string> out;
  for (auto id : ids) {
    out.push_back(code_of(units, id));
  }
  return text::join(out, ", ");
}

Tone tone_of(Standing s) {
  switch (s) {
    case Standing::done_on_time:
      return Tone::good;
    case Standing::overdue:
    case Standing::not_done:
    case Standing::done_late:
      return Tone::bad;
    case Standing::postponed:
    case Standing::carried:
      return Tone::warn;
    case Standing::dropped:
      return Tone::dim;
    default:
      return Tone::plain;
  }
}

std::string dates_of(const Item& i) {
  std::vector<std::string> out;
  for (const auto& p : i.points) {
    out.push_back(time::format_date(p.due_on));
  }
  if (out.size() > 4) {
    return fmt::format("{} … {} ({})", out.front(), out.back(), out.size());
  }
  return text::join(out, ", ");
}

std::string pct(const std::optional<double>& v) { return v ? russian::say_number(*v, 1) : "—"; }

ordered_json pct_json(const std::optional<double>& v) {
  return v ? ordered_json(std::round(*v * 10) / 10) : ordered_json(nullptr);
}

ordered_json discipline_json(const Discipline& d) {
  return ordered_json{{"points", d.points},   {"on_time", d.on_time},     {"late", d.late},
                      {"overdue", d.overdue}, {"not_done", d.not_done},   {"carried", d.carried},
                      {"postponed", d.postponed}, {"dropped", d.dropped}, {"pending", d.pending},
                      {"came_due", d.came_due()}, {"on_time_pct", pct_json(d.on_time_pct())}};
}

std::string item_due(const PlanView& v, const Item& i) {
  return due_phrase(due_from_text(i.due, v.plan.period), v.plan.period);
}

ordered_json point_json(const Point& p, const std::optional<time::Date>& dropped_on, time::Date today) {
  ordered_json j{{"seq", p.seq},
                 {"planned_on", time::format_date(p.planned_on)},
                 {"due_on", time::format_date(p.due_on)},
                 {"state", to_string(p.state)},
                 {"standing", to_string(standing(p, dropped_on, today))},
                 {"started_on", p.started_on ? ordered_json(time::format_date(*p.started_on)) : nullptr},
                 {"done_on", p.done_on ? ordered_json(time::format_date(*p.done_on)) : nullptr},
                 {"report", p.report}};
  j["postponements"] = ordered_json::array();
  for (const auto& x : p.postponements) {
    j["postponements"].push_back({{"decided_on", time::format_date(x.decided_on)},
                                  {"from", time::format_date(x.from)},
                                  {"to", time::format_date(x.to)},
                                  {"reason", x.reason},
                                  {"act", x.act}});
  }
  return j;
}

}  // namespace

std::string templates_text(const std::vector<PlanTemplate>& list) {
  std::string out;
  for (const auto& t : list) {
    out += fmt::format("{} ({}): {}\n", t.id, word(t.kind), t.title);
    for (const auto& sec : t.sections) {
      out += fmt::format("  {}. {} — {}\n", sec.no, sec.key, sec.title);
    }
  }
  return out;
}

ordered_json templates_json(const std::vector<PlanTemplate>& list) {
  auto out = ordered_json::array();
  for (const auto& t : list) {
    ordered_json j{{"id", t.id},       {"kind", to_string(t.kind)}, {"title", t.title},
                   {"approver", t.approver}, {"approver_name", t.approver_name}, {"origin", t.origin}};
    j["sections"] = ordered_json::array();
    for (const auto& sec : t.sections) {
      j["sections"].push_back({{"key", sec.key}, {"title", sec.title}});
    }
    out.push_back(std::move(j));
  }
  return out;
}

Table plans_table(const std::vector<PlanRow>& rows) {
  Table t;
  t.columns = {{"id", N_("ID"), true},
               {"kind", N_("KIND"), false, 60, say_kind},
               {"period", N_("PERIOD")},
               {"owner", N_("OWNER")},
               {"title", N_("TITLE"), false, 70},
               {"items", N_("ITEMS"), true},
               {"status", N_("STATUS"), false, 60, say_status},
               {"approved", N_("APPROVED")}};
  for (const auto& r : rows) {
    t.add({std::to_string(r.plan.id), std::string(to_string(r.plan.period.kind)), r.plan.period.text,
           r.owner.empty() ? tr("Administration") : r.owner, r.plan.title, std::to_string(r.items),
           std::string(to_string(r.plan.status)),
           r.plan.approved_on ? time::format_date(*r.plan.approved_on) : ""},
          r.plan.status == Status::closed ? Tone::dim : Tone::plain);
  }
  return t;
}

ordered_json plans_json(const std::vector<PlanRow>& rows) {
  auto out = ordered_json::array();
  for (const auto& r : rows) {
    const Plan& p = r.plan;
    out.push_back({{"id", p.id},
                   {"uuid", p.uuid},
                   {"kind", to_string(p.period.kind)},
                   {"period", p.period.text},
                   {"first_day", time::format_date(p.period.first)},
                   {"last_day", time::format_date(p.period.last)},
                   {"owner", r.owner},
                   {"title", p.title},
                   {"items", r.items},
                   {"status", to_string(p.status)},
                   {"approved_on", p.approved_on ? ordered_json(time::format_date(*p.approved_on)) : nullptr},
                   {"approved_by", p.approved_by},
                   {"approved_act", p.approved_act},
                   {"closed_on", p.closed_on ? ordered_json(time::format_date(*p.closed_on)) : nullptr}});
  }
  return out;
}

std::string plan_text(const PlanView& v, time::Date today) {
  const Plan& p = v.plan;
  std::string out = fmt::format("{} {}: {}\n", tr("Plan"), p.id, p.title);
  out += text::label(tr("Owner"), 12) + (v.owner ? fmt::format("{} — {}", v.owner->code, v.owner->name) : tr("Administration")) + "\n";
  out += text::label(tr("Period"), 12) +
         fmt::format("{} ({} – {})", p.period.text, time::format_date(p.period.first), time::format_date(p.period.last)) +
         "\n";
  // «утверждён 2024-03-28: Мэр города Омска, распоряжение … № 56-р» (the status word once, not
  // «утверждён: утверждён …»); a closed plan says so first.
  std::string status = p.approved_on ? trf("approved on {} by {}, {}", time::format_date(*p.approved_on),
                                           p.approved_by, p.approved_act)
                                     : std::string(word(p.status));
  if (p.closed_on) {
    status = trf("closed on {}", time::format_date(*p.closed_on)) + "; " + status;
  }
  out += text::label(tr("Status"), 12) + status + "\n";
  if (!v.amendments.empty()) {
    out += text::label(tr("Amendments"), 12) + std::to_string(v.amendments.size()) + "\n";
  }
  for (const auto& sec : p.sections) {
    Table t;
    t.columns = {{"number", N_("№")},        {"no", N_("ITEM"), true},         {"text", N_("TEXT"), false, 60},
                 {"due", N_("DUE")},         {"unit", N_("RESPONSIBLE")},      {"co", N_("CO-EXECUTORS"), false, 24},
                 {"status", N_("STATUS"), false, 60, say_standing}};
    t.id_column = 1;
    for (const auto& i : v.items) {
      if (i.section != sec.key) {
        continue;
      }
      const Standing st = standing(i, today);
      std::string due = item_due(v, i);
      const auto& pts = i.points;
      if (pts.size() == 1 && pts.front().due_on != pts.front().planned_on) {
        due += " → " + time::format_date(pts.front().due_on);
      }
      t.add({v.numbers.at(i.no), std::to_string(i.no), i.text, due, code_of(v.units, i.unit_id),
             codes_of(v.units, i.co_units), std::string(to_string(st))},
            tone_of(st));
    }
    out += fmt::format("\n{}. {}\n", sec.no, sec.title);
    if (t.rows.empty()) {
      out += "  —\n";
    } else {
      out += render::to_text(t, false);
    }
  }
  return out;
}

Table items_table(const PlanView& v, time::Date today) {
  Table t;
  t.columns = {{"number", N_("№")},          {"no", N_("ITEM"), true},   {"section", N_("SECTION")},
               {"text", N_("TEXT"), false, 60}, {"due", N_("DUE")},       {"control", N_("CONTROL DATES")},
               {"unit", N_("RESPONSIBLE")},   {"co", N_("CO-EXECUTORS")}, {"person", N_("PERSON")},
               {"basis", N_("BASIS")},        {"form", N_("FORM")},       {"status", N_("STATUS"), false, 60, say_standing}};
  t.id_column = 1;
  for (const auto& i : v.items) {
    const Standing st = standing(i, today);
    t.add({v.numbers.at(i.no), std::to_string(i.no), i.section, i.text, item_due(v, i), dates_of(i),
           code_of(v.units, i.unit_id), codes_of(v.units, i.co_units), i.person, i.basis, i.form,
           std::string(to_string(st))},
          tone_of(st));
  }
  return t;
}

ordered_json item_json(const PlanView& v, const Item& i, time::Date today) {
  ordered_json j;
  j["no"] = i.no;
  j["number"] = v.numbers.count(i.no) ? v.numbers.at(i.no) : "";
  j["section"] = i.section;
  j["text"] = i.text;
  j["unit"] = code_of(v.units, i.unit_id);
  auto co = ordered_json::array();
  for (auto id : i.co_units) {
    co.push_back(code_of(v.units, id));
  }
  j["co"] = co;
  j["person"] = i.person;
  j["due"] = i.due;
  j["due_text"] = item_due(v, i);
  j["basis"] = i.basis;
  j["form"] = i.form;
  j["standing"] = to_string(standing(i, today));
  j["event"] = i.event_id ? ordered_json(*i.event_id) : nullptr;
  j["agreement"] = i.agreement_id ? ordered_json(*i.agreement_id) : nullptr;
  j["site"] = i.site_id ? ordered_json(*i.site_id) : nullptr;
  j["origin_item"] = i.origin_id ? ordered_json(*i.origin_id) : nullptr;
  j["dropped"] = i.dropped_on ? ordered_json{{"on", time::format_date(*i.dropped_on)},
                                             {"reason", i.drop_reason},
                                             {"act", i.drop_act}}
                              : ordered_json(nullptr);
  j["points"] = ordered_json::array();
  for (const auto& p : i.points) {
    j["points"].push_back(point_json(p, i.dropped_on, today));
  }
  return j;
}

ordered_json plan_json(const PlanView& v, time::Date today) {
  const Plan& p = v.plan;
  ordered_json j;
  j["id"] = p.id;
  j["uuid"] = p.uuid;
  j["kind"] = to_string(p.period.kind);
  j["period"] = p.period.text;
  j["first_day"] = time::format_date(p.period.first);
  j["last_day"] = time::format_date(p.period.last);
  j["owner"] = v.owner ? v.owner->code : "";
  j["title"] = p.title;
  j["template"] = p.template_id;
  j["status"] = to_string(p.status);
  j["approved_on"] = p.approved_on ? ordered_json(time::format_date(*p.approved_on)) : nullptr;
  j["approved_by"] = p.approved_by;
  j["approved_act"] = p.approved_act;
  j["closed_on"] = p.closed_on ? ordered_json(time::format_date(*p.closed_on)) : nullptr;
  j["sections"] = ordered_json::array();
  for (const auto& s : p.sections) {
    j["sections"].push_back({{"no", s.no}, {"key", s.key}, {"title", s.title}});
  }
  j["items"] = ordered_json::array();
  for (const auto& i : v.items) {
    j["items"].push_back(item_json(v, i, today));
  }
  j["amendments"] = ordered_json::array();
  for (const auto& a : v.amendments) {
    j["amendments"].push_back({{"no", a.no},
                               {"decided_on", time::format_date(a.decided_on)},
                               {"act", a.act},
                               {"kind", to_string(a.kind)},
                               {"item", a.item_no},
                               {"what", a.what}});
  }
  return j;
}

std::string item_card(const PlanView& v, const Item& i, time::Date today) {
  std::string out;
  const auto line = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) {
      out += text::label(label, 16) + value + "\n";
    }
  };
  line(tr("Item"), trf("{} (no. {})", v.numbers.count(i.no) ? v.numbers.at(i.no) : "", i.no));
  line(tr("Plan"), fmt::format("{}: {}", v.plan.id, v.plan.title));
  const Section* sec = v.plan.section(i.section);
  line(tr("Section"), sec ? fmt::format("{}. {}", sec->no, sec->title) : i.section);
  line(tr("Text"), i.text);
  line(tr("Due"), item_due(v, i));
  if (i.unit_id && v.units.count(*i.unit_id)) {
    const auto& u = v.units.at(*i.unit_id);
    line(tr("Responsible"), fmt::format("{} — {}", u.code, u.name));
  }
  line(tr("Co-executors"), codes_of(v.units, i.co_units));
  line(tr("Person"), i.person);
  line(tr("Basis"), i.basis);
  line(tr("Form"), i.form);
  line(tr("Status"), std::string(word(standing(i, today))));
  if (i.event_id) {
    line(tr("Event"), std::to_string(*i.event_id));
  }
  if (i.agreement_id) {
    line(tr("Agreement"), std::to_string(*i.agreement_id));
  }
  if (i.origin_id) {
    line(tr("Carried from"), trf("item #{}", *i.origin_id));
  }
  if (i.dropped_on) {
    line(tr("Dropped"), fmt::format("{}: {}{}", time::format_date(*i.dropped_on), i.drop_reason,
                                    i.drop_act.empty() ? "" : " (" + i.drop_act + ")"));
  }
  out += std::string(tr("Control points:")) + "\n";
  for (const auto& p : i.points) {
    std::string s = fmt::format("  {}. {}", p.seq, time::format_date(p.due_on));
    if (p.due_on != p.planned_on) {
      s += " " + trf("(planned {})", time::format_date(p.planned_on));
    }
    s += " — " + std::string(word(standing(p, i.dropped_on, today)));
    if (p.done_on) {
      s += " " + trf("on {}", time::format_date(*p.done_on));
    }
    if (!p.report.empty()) {
      s += ": " + p.report;
    }
    out += s + "\n";
    for (const auto& x : p.postponements) {
      out += "     " + trf("postponed on {} from {} to {}: {}", time::format_date(x.decided_on), time::format_date(x.from),
                         time::format_date(x.to), x.reason) +
             (x.act.empty() ? "" : " (" + x.act + ")") + "\n";
    }
  }
  return out;
}

std::string version_text(const ordered_json& t, int version) {
  std::string out = fmt::format("{}\n", t.value("title", ""));
  // The period, for the dues' wording (texts kept before it was recorded have only control dates).
  std::optional<Period> period;
  if (t.contains("kind") && t.contains("first_day")) {
    const auto first = time::parse_iso_date(t.value("first_day", ""));
    if (first) {
      period = period_of(parse_kind(t.value("kind", "")), *first);
    }
  }
  out += version == 1 ? std::string(tr("(the text as approved)")) + "\n" : trf("(version {})", version) + "\n";
  std::map<std::string, int> place;
  int sec_no = 0;
  for (const auto& sec : t.at("sections")) {
    ++sec_no;
    const std::string key = sec.value("key", "");
    out += fmt::format("\n{}. {}\n", sec_no, sec.value("title", ""));
    bool any = false;
    for (const auto& i : t.at("items")) {
      if (i.value("section", "") != key) {
        continue;
      }
      any = true;
      std::vector<std::string> who;
      if (!i.value("unit", "").empty()) {
        who.push_back(i.value("unit", ""));
      }
      for (const auto& c : i.at("co")) {
        who.push_back(c.get<std::string>());
      }
      std::vector<std::string> control;
      for (const auto& c : i.at("control")) {
        control.push_back(c.get<std::string>());
      }
      std::string when = control.size() > 3 ? fmt::format("{} … {}", control.front(), control.back())
                                            : text::join(control, ", ");
      if (period) {
        when = due_phrase(due_from_text(i.value("due", "period"), *period), *period) + " (" + when + ")";
      }
      out += fmt::format("{}{} {} — {}; {}\n", display_number(sec_no, ++place[key]),
                         i.at("dropped").is_null() ? "" : " [" + std::string(tr("dropped")) + "]", i.value("text", ""),
                         when, text::join(who, ", "));
    }
    if (!any) {
      out += "  —\n";
    }
  }
  return out;
}

std::string diff_text(const std::vector<ItemChange>& changes, int from, int to) {
  const auto name = [](int v) { return v == 0 ? tr("now") : trf("version {}", v); };
  std::string out = trf("From {} to {}:", name(from), name(to)) + "\n";
  if (changes.empty()) {
    return out + tr("  no changes") + "\n";
  }
  for (const auto& c : changes) {
    switch (c.kind) {
      case ItemChange::Kind::added:
        out += fmt::format("+ {} {}\n", c.item_no, c.text);
        break;
      case ItemChange::Kind::removed:
        out += fmt::format("- {} {}\n", c.item_no, c.text);
        break;
      case ItemChange::Kind::changed:
        out += fmt::format("~ {} {}\n", c.item_no, c.text);
        for (const auto& f : c.fields) {
          out += fmt::format("    {}: {} → {}\n", f.field, f.before.empty() ? "—" : f.before,
                             f.after.empty() ? "—" : f.after);
        }
        break;
    }
  }
  return out;
}

ordered_json diff_json(const std::vector<ItemChange>& changes, int from, int to) {
  ordered_json j{{"from", from}, {"to", to}};
  j["changes"] = ordered_json::array();
  for (const auto& c : changes) {
    ordered_json cj{{"item", c.item_no},
                    {"change", c.kind == ItemChange::Kind::added     ? "added"
                               : c.kind == ItemChange::Kind::removed ? "removed"
                                                                     : "changed"},
                    {"text", c.text}};
    cj["fields"] = ordered_json::array();
    for (const auto& f : c.fields) {
      cj["fields"].push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    }
    j["changes"].push_back(std::move(cj));
  }
  return j;
}

Table amendments_table(const std::vector<Amendment>& as) {
  Table t;
  t.columns = {{"no", N_("NO"), true}, {"decided_on", N_("DECIDED")}, {"act", N_("ACT"), false, 40},
               {"kind", N_("KIND"), false, 60, say_amendment_kind}, {"item", N_("ITEM"), true},
               {"what", N_("WHAT"), false, 70}};
  for (const auto& a : as) {
    t.add({std::to_string(a.no), time::format_date(a.decided_on), a.act, std::string(to_string(a.kind)),
           std::to_string(a.item_no), a.what});
  }
  return t;
}

std::string linked_items_text(const std::vector<LinkedItem>& items, time::Date today) {
  if (items.empty()) {
    return "";
  }
  std::string out = std::string(tr("Plan items:")) + "\n";
  for (const auto& l : items) {
    out += fmt::format("  {} {} · {} {} — {} ({})\n", tr("plan"), l.plan.id, l.number, l.item.text, l.plan.title,
                       std::string(word(standing(l.item, today))));
  }
  return out;
}

ordered_json linked_items_json(const std::vector<LinkedItem>& items, time::Date today) {
  auto out = ordered_json::array();
  for (const auto& l : items) {
    out.push_back({{"plan", l.plan.id},
                   {"plan_title", l.plan.title},
                   {"number", l.number},
                   {"no", l.item.no},
                   {"text", l.item.text},
                   {"standing", to_string(standing(l.item, today))}});
  }
  return out;
}

Table due_table(const DueReport& r) {
  Table t;
  t.columns = {{"plan", N_("PLAN"), true},     {"number", N_("№")},          {"no", N_("ITEM"), true},
               {"due", N_("DUE")},             {"over", N_("OVERDUE, WD"), true}, {"unit", N_("RESPONSIBLE")},
               {"text", N_("TEXT"), false, 60}, {"status", N_("STATUS"), false, 60, say_standing}};
  t.id_column = 2;
  for (const auto& row : r.rows) {
    t.add({std::to_string(r.plans[row.plan].id), row.number, std::to_string(row.item->no), time::format_date(row.due),
           row.standing == Standing::overdue ? std::to_string(row.days_over) : "", code_of(r.units, row.item->unit_id), row.item->text,
           std::string(to_string(row.standing))},
          tone_of(row.standing));
  }
  return t;
}

ordered_json due_json(const DueReport& r) {
  ordered_json j;
  j["overdue"] = r.overdue;
  j["items"] = ordered_json::array();
  for (const auto& row : r.rows) {
    const Plan& p = r.plans[row.plan];
    j["items"].push_back({{"plan", p.id},
                          {"plan_title", p.title},
                          {"number", row.number},
                          {"no", row.item->no},
                          {"text", row.item->text},
                          {"unit", code_of(r.units, row.item->unit_id)},
                          {"person", row.item->person},
                          {"due", time::format_date(row.due)},
                          {"planned_on", time::format_date(row.point.planned_on)},
                          {"standing", to_string(row.standing)},
                          {"working_days_over", row.days_over}});
  }
  return j;
}

Table control_table(const ControlReport& r) {
  Table t;
  t.columns = {{"unit", N_("UNIT")},          {"name", N_("NAME"), false, 40}, {"points", N_("POINTS"), true},
               {"came_due", N_("CAME DUE"), true}, {"on_time", N_("ON TIME"), true}, {"late", N_("LATE"), true},
               {"overdue", N_("OVERDUE"), true}, {"not_done", N_("NOT DONE"), true}, {"postponed", N_("POSTPONED"), true},
               {"dropped", N_("DROPPED"), true}, {"pct", N_("ON TIME %"), true},   {"trend", N_("TREND"), true}};
  const auto add = [&](const std::string& code, const std::string& name, const Discipline& d,
                       const std::optional<Discipline>& before) {
    std::string trend;
    if (before && before->on_time_pct() && d.on_time_pct()) {
      const double delta = *d.on_time_pct() - *before->on_time_pct();
      trend = russian::say_number(delta, 1, true);
    }
    const bool bad = d.overdue > 0 || d.not_done > 0;
    t.add({code, name, std::to_string(d.points), std::to_string(d.came_due()), std::to_string(d.on_time),
           std::to_string(d.late), std::to_string(d.overdue), std::to_string(d.not_done + d.carried),
           std::to_string(d.postponed), std::to_string(d.dropped), pct(d.on_time_pct()), trend},
          bad ? Tone::bad : Tone::plain);
  };
  for (const auto& row : r.rows) {
    add(row.code, row.name, row.now, row.before);
  }
  add("", tr("Total"), r.total, r.total_before);
  return t;
}

ordered_json control_json(const ControlReport& r) {
  ordered_json j;
  j["period"] = r.period.text;
  j["as_of"] = time::format_date(r.as_of);
  j["previous_period"] = r.previous ? ordered_json(r.previous->text) : nullptr;
  j["plans"] = ordered_json::array();
  for (const auto& p : r.plans) {
    j["plans"].push_back(p.id);
  }
  j["units"] = ordered_json::array();
  for (const auto& row : r.rows) {
    j["units"].push_back({{"unit", row.code},
                          {"name", row.name},
                          {"now", discipline_json(row.now)},
                          {"previous", row.before ? discipline_json(*row.before) : ordered_json(nullptr)}});
  }
  j["total"] = discipline_json(r.total);
  j["total_previous"] = r.total_before ? discipline_json(*r.total_before) : ordered_json(nullptr);
  return j;
}

}  // namespace omskplan::plan
