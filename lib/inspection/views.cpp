#include "inspection/views.hpp"
#include "core/i18n.hpp"

#include "core/russian.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace omskplan::inspection {

using render::Table;
using render::Tone;

namespace {

std::string day(const std::optional<time::Date>& d) { return d ? time::format_date(*d) : ""; }

std::string clock(const std::optional<time::Instant>& t, const time::TimeZone& zone) {
  return t ? time::format_clock(zone.to_local(*t)) : "";
}

}  // namespace

Table sites_columns() {
  Table t;
  t.columns = {{"code", N_("CODE")},         {"name", N_("NAME"), false, 50}, {"program", N_("PROGRAM"), false, 30},
               {"work", N_("WORK"), false, 60, say_work}, {"risk", N_("RISK"), false, 60, say_risk},
               {"progress", "%", true},
               {"deadline", N_("DEADLINE")}, {"address", N_("ADDRESS"), false, 40}};
  return t;
}

render::Row site_row(const Site& s) {
  return {{s.code, s.name, s.program, std::string(to_string(s.work)), std::string(to_string(s.risk)),
           std::to_string(s.progress), day(s.deadline), s.address},
          s.active ? Tone::plain : Tone::dim};
}

Table sites_export_columns() {
  Table t;
  t.columns = {{"code", N_("CODE")},         {"name", N_("NAME")},          {"address", N_("ADDRESS")},
               {"lat", "lat", true},         {"lon", "lon", true},          {"program", N_("PROGRAM")},
               {"work", N_("WORK"), false, 60, say_work}, {"risk", N_("RISK"), false, 60, say_risk},
               {"deadline", N_("DEADLINE")},
               {"progress", "%", true},      {"contractor", N_("CONTRACTOR")}, {"customer", N_("CUSTOMER")},
               {"notes", N_("NOTES")},       {"active", N_("ACTIVE"), false, 60, say_yes_no}};
  return t;
}

render::Row site_export_row(const ListedSite& l) {
  const Site& s = l.site;
  // Coordinates as typed (shortest form that reads back to the same double).
  return {{s.code, s.name, s.address, s.where ? fmt::format("{}", s.where->lat) : "",
           s.where ? fmt::format("{}", s.where->lon) : "", s.program, std::string(to_string(s.work)),
           std::string(to_string(s.risk)), day(s.deadline), std::to_string(s.progress), l.contractor_inn,
           l.customer_inn, s.notes, s.active ? "yes" : "no"}};
}

nlohmann::ordered_json to_json(const Site& s) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["uuid"] = s.uuid;
  j["code"] = s.code;
  j["name"] = s.name;
  j["address"] = s.address;
  j["lat"] = s.where ? nlohmann::ordered_json(s.where->lat) : nullptr;
  j["lon"] = s.where ? nlohmann::ordered_json(s.where->lon) : nullptr;
  j["program"] = s.program;
  j["work"] = to_string(s.work);
  j["customer_id"] = s.customer_id ? nlohmann::ordered_json(*s.customer_id) : nullptr;
  j["contractor_id"] = s.contractor_id ? nlohmann::ordered_json(*s.contractor_id) : nullptr;
  j["deadline"] = s.deadline ? nlohmann::ordered_json(time::format_date(*s.deadline)) : nullptr;
  j["progress"] = s.progress;
  j["risk"] = to_string(s.risk);
  j["active"] = s.active;
  j["notes"] = s.notes;
  return j;
}

std::string why_text(const Visit& v) {
  if (const auto p = Priority::from_facts(v.why)) {
    return p->why();
  }
  return v.why;
}

namespace {

// What the plan says of a visit, as a machine name: planned, held, cancelled,
// or not-recorded for a planned visit whose day has passed.
std::string visit_status(const PlannedStop& s) {
  return s.unrecorded ? "not-recorded" : std::string(to_string(s.visit.status));
}

// Its word: «запланирован», «состоялся», «отменён», «не отмечен».
std::string say_plan_status(std::string_view name) {
  return name == "not-recorded" ? std::string(trc("visit", "not recorded")) : say_visit_status(name);
}

// The WHY of a visit in the plan: a cancelled visit's reason.
std::string visit_why(const PlannedStop& s) {
  if (s.visit.status == VisitStatus::cancelled) {
    return s.visit.notes.empty() ? std::string(word(VisitStatus::cancelled)) : trf("cancelled: {}", s.visit.notes);
  }
  return why_text(s.visit);
}

}  // namespace

Table plan_table(const WeekPlan& p, const time::TimeZone& zone) {
  Table t;
  t.columns = {{"visit", N_("VISIT"), true},  {"day", N_("DAY")},   {"seq", N_("NO"), true},   {"arrive", N_("ARRIVE")},
               {"depart", N_("DEPART")},      {"code", N_("CODE")}, {"name", N_("SITE"), false, 50},
               {"status", N_("STATUS"), false, 60, say_plan_status}, {"why", N_("WHY"), false, 60}};
  for (const auto& s : p.stops) {
    const bool cancelled = s.visit.status == VisitStatus::cancelled;
    t.add({s.visit.id ? std::to_string(s.visit.id) : "", time::format_date(s.visit.day),
           cancelled ? "" : std::to_string(s.visit.seq),
           cancelled ? "" : clock(s.visit.arrive, zone), cancelled ? "" : clock(s.visit.depart, zone), s.site.code,
           s.site.name, visit_status(s), visit_why(s)},
          s.visit.status == VisitStatus::held ? Tone::good
          : s.unrecorded                      ? Tone::bad
          : cancelled                         ? Tone::dim
                                              : Tone::plain);
  }
  return t;
}

nlohmann::ordered_json plan_json(const WeekPlan& p, const time::TimeZone& zone) {
  nlohmann::ordered_json j;
  j["week"] = p.week;
  j["days"] = nlohmann::ordered_json::array();
  for (const auto d : p.days) {
    j["days"].push_back(time::format_date(d));
  }
  j["existing"] = p.existing;
  j["written"] = p.written;
  j["note"] = p.note;
  j["calendar"] = nlohmann::ordered_json::object();  // per visit day: iCalendar SEQUENCE and LAST-MODIFIED
  for (const auto& [day, rev] : p.revisions) {
    j["calendar"][time::format_date(day)] = {{"sequence", rev.sequence}, {"modified", time::format_utc(rev.modified)}};
  }
  j["visits"] = nlohmann::ordered_json::array();
  for (const auto& s : p.stops) {
    nlohmann::ordered_json v;
    v["id"] = s.visit.id ? nlohmann::ordered_json(s.visit.id) : nullptr;
    v["day"] = time::format_date(s.visit.day);
    v["seq"] = s.visit.seq;
    v["arrive"] = clock(s.visit.arrive, zone);
    v["depart"] = clock(s.visit.depart, zone);
    v["status"] = to_string(s.visit.status);
    v["unrecorded"] = s.unrecorded;
    v["notes"] = s.visit.notes;
    v["site"] = {{"id", s.site.id}, {"code", s.site.code}, {"name", s.site.name}, {"address", s.site.address}};
    v["score"] = s.visit.score;
    v["why"] = visit_why(s);
    v["agencies"] = s.visit.agencies;
    j["visits"].push_back(std::move(v));
  }
  if (!p.candidates.empty()) {
    j["candidates"] = nlohmann::ordered_json::array();
    for (const auto& c : p.candidates) {
      const auto& pr = c.priority;
      j["candidates"].push_back(
          {{"code", c.site.code},
           {"risk", to_string(c.site.risk)},
           {"chosen", c.chosen},
           {"tier", to_string(pr.tier)},
           {"score", pr.total()},
           {"last_visit", pr.last_visit ? nlohmann::ordered_json(time::format_date(*pr.last_visit)) : nullptr},
           {"next_visit_day", pr.next_day ? nlohmann::ordered_json(time::format_date(*pr.next_day)) : nullptr},
           {"interval_days", pr.interval},
           {"days_by_next_visit_day", pr.last_visit ? nlohmann::ordered_json(pr.wait) : nullptr},
           {"open_findings", pr.open_findings},
           {"overdue_findings", pr.overdue_findings},
           {"critical_findings", pr.critical_findings},
           {"why", pr.why()},
           {"reason", c.reason}});
    }
  }
  return j;
}

Table explain_table(const WeekPlan& p) {
  Table t;
  t.columns = {{"code", N_("CODE")},   {"risk", N_("RISK"), false, 60, say_risk}, {"tier", N_("PRIORITY")},
               {"score", N_("SCORE"), true}, {"decision", N_("DECISION"), false, 60}, {"why", N_("WHY"), false, 400}};  // read in full
  static constexpr std::array<const char*, 4> kTiers{N_("not due"), N_("by interval"), N_("findings, deadline"),
                                                     N_("high risk")};
  for (const auto& c : p.candidates) {
    t.add({c.site.code, std::string(to_string(c.site.risk)), tr(kTiers.at(static_cast<std::size_t>(c.priority.tier))),
           russian::say_number(c.priority.total(), 1), c.reason, c.priority.why()},
          c.chosen ? Tone::good : Tone::plain);
  }
  return t;
}

Table findings_table(const std::vector<Finding>& fs, const std::map<std::int64_t, std::string>& site_codes,
                     time::Date today, const std::map<std::int64_t, std::string>& org_names) {
  Table t;
  t.columns = {{"id", N_("ID"), true},      {"site", N_("SITE")}, {"severity", N_("SEVERITY"), false, 60, say_severity},
               {"status", N_("STATUS"), false, 60, say_finding_status},    {"due", N_("DUE")},             {"days_overdue", N_("DAYS LATE"), true},
               {"responsible", N_("RESPONSIBLE"), false, 30}, {"text", N_("FINDING"), false, 70}};
  for (const auto& f : fs) {
    const bool open = f.status == FindingStatus::open || f.status == FindingStatus::in_progress;
    const bool overdue = open && f.due && *f.due < today;
    t.add({std::to_string(f.id), site_codes.count(f.site_id) ? site_codes.at(f.site_id) : std::to_string(f.site_id),
           std::string(to_string(f.severity)), std::string(to_string(f.status)), day(f.due),
           overdue ? std::to_string((today - *f.due).count()) : "",
           f.responsible_org ? (org_names.count(*f.responsible_org) ? org_names.at(*f.responsible_org)
                                                                     : trf("org #{}", *f.responsible_org))
                             : f.responsible_person,
           f.text},
          overdue ? Tone::bad : open ? Tone::plain : Tone::good);
  }
  return t;
}

nlohmann::ordered_json to_json(const Finding& f, const std::string& site_code, std::optional<time::Date> today) {
  const bool open = f.status == FindingStatus::open || f.status == FindingStatus::in_progress;
  nlohmann::ordered_json j{{"id", f.id},
          {"site_id", f.site_id},
          {"site", site_code},
          {"visit_id", f.visit_id ? nlohmann::ordered_json(*f.visit_id) : nullptr},
          {"text", f.text},
          {"severity", to_string(f.severity)},
          {"status", to_string(f.status)},
          {"due", f.due ? nlohmann::ordered_json(time::format_date(*f.due)) : nullptr},
          {"responsible_org", f.responsible_org ? nlohmann::ordered_json(*f.responsible_org) : nullptr},
          {"responsible_person", f.responsible_person}};
  if (today) {
    j["days_overdue"] = open && f.due && *f.due < *today ? nlohmann::ordered_json((*today - *f.due).count()) : nullptr;
  }
  return j;
}

namespace {

}  // namespace

// «на неделю с 6 по 12 мая 2024 г.» for "2024-W19": documents never say 2024-W19.
std::string week_words(const std::string& week) {
  int y = 0, w = 0;
  const char* end = week.data() + week.size();
  auto r = std::from_chars(week.data(), end, y);
  if (r.ec == std::errc{} && end - r.ptr > 2 && r.ptr[0] == '-' && r.ptr[1] == 'W' &&
      std::from_chars(r.ptr + 2, end, w).ec == std::errc{}) {
    if (const auto monday = time::iso_week_monday(y, w)) {
      return "на неделю " + russian::span_phrase(*monday, *monday + std::chrono::days{6});
    }
  }
  return week;
}

std::string memo_participants(const std::vector<std::int64_t>& agency_ids, const MemoContext& m) {
  std::string out;
  for (auto id : agency_ids) {
    if (!m.agencies.count(id)) {
      continue;
    }
    std::string people;
    if (m.members.count(id)) {
      for (const auto& mem : m.members.at(id)) {
        people += (people.empty() ? "" : ", ") + mem.name + (mem.position.empty() ? "" : " (" + mem.position + ")");
      }
    }
    out += fmt::format("{}{}{}", out.empty() ? "" : "; ", m.agencies.at(id).name, people.empty() ? "" : ": " + people);
  }
  return out;
}

std::string plan_memo(const WeekPlan& p, const MemoContext& m, const time::TimeZone& zone, time::Date today) {
  std::string out = fmt::format("# Выездные проверки объектов {}\n\n", week_words(p.week));
  if (p.stops.empty()) {
    out += p.note.empty() ? "Выездов не запланировано.\n" : p.note + "\n";
    return out;
  }
  long visits = 0, cancelled = 0;
  for (const auto d : p.days) {
    out += fmt::format("## {}, {}\n\n", russian::format_date(d), std::array{"понедельник", "вторник", "среда",
                                                                              "четверг", "пятница", "суббота",
                                                                              "воскресенье"}[time::iso_weekday(d) - 1]);
    std::vector<const PlannedStop*> of_day, off;
    for (const auto& s : p.stops) {
      if (s.visit.day == d) {
        (s.visit.status == VisitStatus::cancelled ? off : of_day).push_back(&s);
      }
    }
    visits += static_cast<long>(of_day.size());
    cancelled += static_cast<long>(off.size());
    if (of_day.empty()) {
      out += "Все выезды дня отменены.\n\n";
    } else {
      out += "| № | Прибытие | Убытие | Объект | Адрес | Участники |\n| ---: | --- | --- | --- | --- | --- |\n";
      for (const auto* s : of_day) {
        out += fmt::format("| {} | {} | {} | {} {}{} | {} | {} |\n", s->visit.seq, clock(s->visit.arrive, zone),
                           clock(s->visit.depart, zone), s->site.code, russian::quoted(s->site.name),
                           s->unrecorded ? " — **не отмечен**" : "", s->site.address,
                           memo_participants(s->visit.agencies, m));
      }
      out += "\n";
    }
    if (!off.empty()) {
      out += "**Отменены:**\n\n";
      for (const auto* s : off) {
        out += fmt::format("- {} {}{}\n", s->site.code, russian::quoted(s->site.name),
                           s->visit.notes.empty() ? "" : " — " + s->visit.notes);
      }
      out += "\n";
    }
    for (const auto* s : of_day) {
      const auto it = m.open_findings.find(s->site.id);
      if (it == m.open_findings.end() || it->second.empty()) {
        continue;
      }
      out += fmt::format("**{}: открытые замечания**\n\n", s->site.code);
      for (const auto& f : it->second) {
        const bool overdue = f.due && *f.due < today;
        out += fmt::format("- {} ({}{}){}\n", f.text, word(f.severity),
                           f.due ? ", срок " + russian::format_date(*f.due) : "", overdue ? " — **просрочено**" : "");
      }
      out += "\n";
    }
  }
  out += fmt::format("Всего: {}", russian::count(visits, "объект", "объекта", "объектов"));
  out += cancelled > 0 ? fmt::format("; отменено: {}.\n", cancelled) : ".\n";
  return out;
}

std::vector<render::IcsEvent> plan_ics(const WeekPlan& p, const MemoContext& m, const time::TimeZone& zone) {
  std::vector<render::IcsEvent> out;
  for (const auto d : p.days) {
    render::IcsEvent e;
    // One event a visit day, under the same UID for its whole life: a change
    // raises SEQUENCE and moves LAST-MODIFIED, so subscribed calendars update it.
    e.uid = fmt::format("inspection-{}-{}@omskplan", p.week, time::format_date(d));
    e.summary = "Выездная проверка объектов " + russian::format_date(d);
    std::string route, off;
    std::optional<time::Instant> first, last, first_off, last_off;
    for (const auto& s : p.stops) {
      if (s.visit.day != d) {
        continue;
      }
      if (s.visit.status == VisitStatus::cancelled) {
        if (s.visit.arrive && (!first_off || *s.visit.arrive < *first_off)) {
          first_off = s.visit.arrive;
        }
        if (s.visit.depart && (!last_off || *s.visit.depart > *last_off)) {
          last_off = s.visit.depart;
        }
        off += fmt::format("\n{} {}{}", s.site.code, russian::quoted(s.site.name), s.visit.notes.empty() ? "" : " — " + s.visit.notes);
        continue;
      }
      if (!first) {
        first = s.visit.arrive;
      }
      last = s.visit.depart;
      route += fmt::format("{}{}. {}–{} {} {}, {}", route.empty() ? "" : "\n", s.visit.seq,
                           clock(s.visit.arrive, zone), clock(s.visit.depart, zone), s.site.code, russian::quoted(s.site.name),
                           s.site.address);
      const std::string who = memo_participants(s.visit.agencies, m);
      if (!who.empty()) {
        route += "\n   " + who;
      }
    }
    if (first && last) {
      e.start = *first;
      e.end = *last;
      e.description = "Маршрут:\n" + route + (off.empty() ? "" : "\n\nОтменены:" + off);
      e.status = "CONFIRMED";
    } else if (first_off && last_off) {
      e.start = *first_off;
      e.end = *last_off;
      e.description = "Все выезды дня отменены:" + off;
      e.status = "CANCELLED";
    } else {
      continue;
    }
    if (const auto it = p.revisions.find(d); it != p.revisions.end()) {
      e.sequence = it->second.sequence;
      e.last_modified = it->second.modified;
    }
    e.categories = {"inspection"};
    out.push_back(std::move(e));
  }
  return out;
}

Table agencies_table(const std::vector<AgencyWithMembers>& agencies) {
  Table t;
  t.columns = {{"agency", N_("AGENCY"), true}, {"name", N_("NAME"), false, 60},
               {"kind", N_("KIND"), false, 60, say_agency_kind}, {"member", N_("MEMBER"), true}, {"member_name", N_("REPRESENTATIVE")}, {"position", N_("POSITION"), false, 40}};
  for (const auto& a : agencies) {
    t.add({std::to_string(a.agency.id), a.agency.name, std::string(to_string(a.agency.kind)), "", "", ""});
    for (const auto& m : a.members) {
      t.add({"", "", "", std::to_string(m.id), m.name, m.position});
    }
  }
  return t;
}

nlohmann::ordered_json agencies_json(const std::vector<AgencyWithMembers>& agencies) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& a : agencies) {
    auto ms = nlohmann::ordered_json::array();
    for (const auto& m : a.members) {
      ms.push_back({{"id", m.id}, {"name", m.name}, {"position", m.position}, {"phone", m.phone}});
    }
    arr.push_back({{"id", a.agency.id}, {"name", a.agency.name}, {"kind", to_string(a.agency.kind)},
                   {"notes", a.agency.notes}, {"members", ms}});
  }
  return arr;
}

namespace {

std::string org_label(const std::optional<std::int64_t>& id, const SiteCard& card) {
  if (!id) {
    return "";
  }
  const auto name = card.org_names.find(*id);
  const auto inn = card.org_inns.find(*id);
  if (name == card.org_names.end()) {
    return trf("organization {}", *id);
  }
  return inn == card.org_inns.end() || inn->second.empty() ? name->second
                                                           : trf("{} (INN {})", name->second, inn->second);
}

}  // namespace

std::string site_card_text(const SiteCard& card, time::Date today) {
  const Site& st = card.site;
  std::string out = fmt::format("{} {}\n", st.code, russian::quoted(st.name));
  auto field = [&](std::string_view k, const std::string& v) {
    if (!v.empty()) {
      out += "  " + text::label(tr(std::string(k)), i18n::language() == "ru" ? 17 : 11) + v + "\n";  // names are marked N_()
    }
  };
  field(N_("address"), st.address);
  field(N_("where"), st.where ? fmt::format("{:.5f}, {:.5f}", st.where->lat, st.where->lon) : "");
  field(N_("program"), st.program);
  field(N_("work"), std::string(word(st.work)));
  field(N_("risk"), std::string(word(st.risk)));
  field(N_("contractor"), org_label(st.contractor_id, card));
  field(N_("customer"), org_label(st.customer_id, card));
  field(N_("progress"), fmt::format("{}%", st.progress));
  field(N_("deadline"), st.deadline ? time::format_date(*st.deadline) : "");
  field(N_("last visit"), card.last_visit ? time::format_date(*card.last_visit) : tr("not visited yet"));
  field(N_("active"), st.active ? tr("yes") : tr("no"));
  if (!card.visits.empty()) {
    Table t;
    t.columns = {{"visit", N_("VISIT"), true}, {"day", N_("DAY")}, {"status", N_("STATUS"), false, 60, say_plan_status},
                 {"notes", N_("NOTES"), false, 70}};
    for (const auto& v : card.visits) {
      const PlannedStop ps{v, st, v.status == VisitStatus::planned && v.day < today};
      t.add({std::to_string(v.id), time::format_date(v.held_on.value_or(v.day)), visit_status(ps), v.notes},
            v.status == VisitStatus::held ? Tone::good
            : ps.unrecorded               ? Tone::bad
            : v.status == VisitStatus::cancelled ? Tone::dim
                                                 : Tone::plain);
    }
    out += "\n" + std::string(tr("Visits")) + "\n" + render::to_text(t, false);
  }
  if (!card.findings.empty()) {
    out += "\n" + std::string(tr("Findings")) + "\n" +
           render::to_text(findings_table(card.findings, {{st.id, st.code}}, today, card.org_names), false);
  }
  return out;
}

nlohmann::ordered_json site_card_json(const SiteCard& card, time::Date today) {
  auto j = to_json(card.site);
  const auto org = [&](const std::optional<std::int64_t>& id) -> nlohmann::ordered_json {
    if (!id) {
      return nullptr;
    }
    return {{"id", *id},
            {"name", card.org_names.count(*id) ? card.org_names.at(*id) : ""},
            {"inn", card.org_inns.count(*id) ? card.org_inns.at(*id) : ""}};
  };
  j["contractor"] = org(card.site.contractor_id);
  j["customer"] = org(card.site.customer_id);
  j["last_visit"] = card.last_visit ? nlohmann::ordered_json(time::format_date(*card.last_visit)) : nullptr;
  j["visits"] = nlohmann::ordered_json::array();
  for (const auto& v : card.visits) {
    j["visits"].push_back({{"id", v.id},
                           {"week", v.week},
                           {"day", time::format_date(v.day)},
                           {"status", to_string(v.status)},
                           {"unrecorded", v.status == VisitStatus::planned && v.day < today},
                           {"held_on", v.held_on ? nlohmann::ordered_json(time::format_date(*v.held_on)) : nullptr},
                           {"notes", v.notes}});
  }
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : card.findings) {
    j["findings"].push_back(to_json(f, card.site.code, today));
  }
  return j;
}

Table finding_history_table(const std::vector<FindingChange>& changes, const time::TimeZone& zone) {
  Table t;
  t.columns = {{"at", N_("WHEN")},
               {"from", N_("FROM"), false, 60, say_finding_status},
               {"to", N_("TO"), false, 60, say_finding_status},
               {"note", N_("NOTE"), false, 80}};
  t.id_column = 2;  // --quiet: the statuses it went through
  for (const auto& ch : changes) {
    t.add({time::format_local(zone.to_local(ch.at)), ch.from ? std::string(to_string(*ch.from)) : "",
           std::string(to_string(ch.to)), ch.note});
  }
  return t;
}

nlohmann::ordered_json finding_history_json(const std::vector<FindingChange>& changes) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& ch : changes) {
    arr.push_back({{"at", time::format_utc(ch.at)},
                   {"from", ch.from ? nlohmann::ordered_json(to_string(*ch.from)) : nlohmann::ordered_json()},
                   {"to", to_string(ch.to)},
                   {"note", ch.note}});
  }
  return arr;
}

}  // namespace omskplan::inspection
