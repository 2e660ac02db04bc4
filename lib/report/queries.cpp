#include "report/queries.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "agreement/service.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"
#include "event/planner.hpp"
#include "event/template.hpp"
#include "guest/service.hpp"
#include "guest/views.hpp"
#include "inspection/service.hpp"
#include "plan/service.hpp"
#include "unit/model.hpp"
#include "unit/service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace omskplan::report {

using namespace std::chrono;

namespace {
// The totals row's label in the document's language («Итого»).
std::string total_label() { return std::string(say(NC_("document", "Total"))); }
}  // namespace

namespace {

const std::map<std::string, std::vector<Column>>& catalog() {
  static const std::map<std::string, std::vector<Column>> c{
      {"events",
       {{"no", "№\u00A0п/п", Type::count, 1},
        {"date", "Дата", Type::date},
        {"time", "Время"},
        {"title", "Мероприятие"},
        {"kind", "Вид"},
        {"level", "Уровень"},
        {"venue", "Место проведения"},
        {"organizer", "Ответственный"},
        {"vips", "Участие руководства"},
        {"status", "Статус"}}},
      {"guest_list",
       {{"no", "№\u00A0п/п", Type::count, 1},
        {"name", "Фамилия, имя, отчество", Type::text, 5},
        {"position", "Должность, организация", Type::text, 7},
        {"from", "Откуда", Type::text, 3},
        {"group", "Группа", Type::text, 3},
        {"status", "Статус", Type::text, 2},
        {"speaks", "Выступление", Type::text, 2},
        {"note", "Примечание", Type::text, 3}}},
      {"delegations",
       {{"no", "№\u00A0п/п", Type::count, 1},
        {"from", "Делегация", Type::text, 4},
        {"head", "Руководитель", Type::text, 5},
        {"people", "Численность, чел.", Type::count, 2},
        {"arrive", "Прибытие", Type::text, 3},
        {"depart", "Убытие", Type::text, 3},
        {"hotel", "Размещение", Type::text, 3},
        {"escort", "Сопровождающий", Type::text, 3}}},
      {"arrivals_by_day",
       {{"day", "Дата", Type::date, 3}, {"delegations", "Делегаций", Type::count, 2}, {"people", "Человек", Type::count, 2}}},
      {"events_by_kind", {{"kind", "Вид мероприятий"}, {"count", "Количество", Type::count}, {"anniversaries", "Юбилейные даты"}}},
      {"events_per_month", {{"month", "Месяц"}, {"count", "Количество мероприятий", Type::count}}},
      {"visits",
       {{"day", "Дата", Type::date},
        {"seq", "№\u00A0п/п", Type::count},
        {"arrive", "Прибытие"},
        {"depart", "Убытие"},
        {"code", "Код"},
        {"site", "Объект"},
        {"address", "Адрес"},
        {"participants", "Участники"},
        {"status", "Статус"}}},
      {"findings_by_site",
       {{"code", "Код"},
        {"site", "Объект"},
        {"opened", "Выявлено", Type::count},
        {"resolved", "Устранено", Type::count},
        {"overdue", "Просрочено", Type::count}}},
      {"findings_per_week", {{"week", "Неделя"}, {"opened", "Выявлено", Type::count}, {"closed", "Устранено", Type::count}}},
      {"findings_per_month", {{"month", "Месяц"}, {"opened", "Выявлено", Type::count}, {"closed", "Устранено", Type::count}}},
      {"agreements",
       {{"no", "№\u00A0п/п", Type::count, 1},
        {"number", "Номер"},
        {"org", "Партнёр"},
        {"title", "Предмет соглашения"},
        {"sphere", "Сфера"},
        {"signed", "Дата подписания", Type::date},
        {"valid_to", "Действует до", Type::date},
        {"status", "Статус"},
        {"value", "Сумма, руб.", Type::money},
        {"fulfilled", "Исполнено", Type::count},
        {"due", "В работе", Type::count},
        {"overdue", "Просрочено", Type::count}}},
      {"plan_sections",
       {{"number", "№\u00A0п/п", Type::text, 1},
        {"text", "Наименование мероприятия (вопроса)", Type::text, 7},
        {"due", "Срок исполнения", Type::text, 3},
        {"responsible", "Ответственный исполнитель", Type::text, 4},
        {"co", "Соисполнители", Type::text, 4},
        {"form", "Форма завершения", Type::text, 3},
        {"basis", "Основание", Type::text, 3},
        {"mark", "Отметка об исполнении", Type::text, 4},
        {"status", "Состояние", Type::text, 2}}},
      {"plan_execution",
       {{"unit", "Подразделение", Type::text, 3},
        {"points", "Сроков на контроле", Type::count, 2},
        {"came_due", "Срок наступил", Type::count, 2},
        {"on_time", "Исполнено в срок", Type::count, 2},
        {"late", "С нарушением срока", Type::count, 2},
        {"overdue", "Просрочено", Type::count, 2},
        {"not_done", "Не исполнено", Type::count, 2},
        {"postponed", "Перенесено", Type::count, 2},
        {"dropped", "Снято", Type::count, 2},
        {"pct", "В срок, %", Type::decimal, 2},
        {"trend", "Динамика, п. п.", Type::decimal, 2}}},
      {"plan_problems",
       {{"plan", "План", Type::text, 3},
        {"number", "№\u00A0п/п", Type::text, 1},
        {"text", "Наименование мероприятия (вопроса)", Type::text, 6},
        {"responsible", "Ответственный исполнитель", Type::text, 3},
        {"due", "Контрольный срок", Type::date, 2},
        {"status", "Состояние", Type::text, 2}}},
      {"week_plan",
       {{"no", "№\u00A0п/п", Type::count, 1},
        {"date", "Дата", Type::date, 2},
        {"time", "Время", Type::text, 1},
        {"what", "Мероприятие, вопрос", Type::text, 7},
        {"kind", "Вид", Type::text, 2},
        {"responsible", "Ответственный", Type::text, 3},
        {"where", "Место", Type::text, 3}}},
      {"experience_checklist",
       {{"no", "№\u00A0п/п", Type::count, 1},
        {"task", "Мероприятие (задача)", Type::text, 8},
        {"owner", "Ответственный", Type::text, 4},
        {"when", "Срок", Type::text, 3}}},
      {"experience_program",
       {{"at", "Время", Type::text, 2},
        {"minutes", "Продолжительность, мин", Type::count, 2},
        {"title", "Содержание", Type::text, 7},
        {"responsible", "Ответственный", Type::text, 4}}},
      {"experience_events",
       {{"year", "Год", Type::count, 1},
        {"date", "Дата", Type::date, 2},
        {"title", "Мероприятие", Type::text, 6},
        {"venue", "Место проведения", Type::text, 4},
        {"tasks", "Задач подготовки", Type::count, 2},
        {"on_time", "Исполнено в срок", Type::count, 2},
        {"late", "С нарушением срока", Type::count, 2},
        {"not_done", "Не исполнено", Type::count, 2}}},
      {"experience_lessons",
       {{"no", "№\u00A0п/п", Type::count, 1}, {"year", "Год", Type::count, 1}, {"lesson", "Вывод, предложение", Type::text, 12}}},
      {"patrons",
       {{"rank", "Место", Type::count},
        {"org", "Партнёр"},
        {"inn", "ИНН"},
        {"fulfilled", "Исполнено, руб.", Type::money},
        {"count", "Обязательств", Type::count},
        {"titles", "Звания"},
        {"badge", "Знак «Меценат»"}}},
  };
  return c;
}

}  // namespace

std::string kind_genitive(std::string_view k) {
  static const std::map<std::string_view, std::string_view> m{
      {"city-day", "Дня города"},           {"victory-day", "Дня Победы"},          {"holiday", "праздников"},
      {"concert", "концертов"},             {"opening", "открытий объектов"},       {"conference", "конференций"},
      {"round-table", "круглых столов"},    {"seminar", "семинаров"},               {"ceremony", "церемоний награждения"},
      {"exhibition", "выставок"},           {"sport", "спортивных мероприятий"},   {"meeting", "совещаний и встреч"},
      {"other", "мероприятий"}};
  auto it = m.find(k);
  return it == m.end() ? std::string(k) : std::string(it->second);
}

std::string offset_phrase(const time::Offset& o) {
  const long n = o.amount < 0 ? -o.amount : o.amount;
  if (n == 0) {
    return o.unit == time::Offset::Unit::minutes ? "в момент начала" : "в день проведения";
  }
  std::string amount;
  switch (o.unit) {
    case time::Offset::Unit::working_days:
      amount = russian::count(n, "рабочий день", "рабочих дня", "рабочих дней");
      break;
    case time::Offset::Unit::days:
      amount = russian::count(n, "день", "дня", "дней");
      break;
    case time::Offset::Unit::minutes:
      amount = n % 60 == 0 ? russian::count(n / 60, "час", "часа", "часов") : russian::count(n, "минуту", "минуты", "минут");
      break;
  }
  return o.amount < 0 ? "за " + amount : "через " + amount + " после";
}

namespace {

// 12.04.2023, as dates are written in registers.
std::string dotted(const std::optional<time::Date>& d) {
  return d ? fmt::format("{:02}.{:02}.{}", time::day_of(*d), time::month_of(*d), time::year_of(*d)) : std::string();
}

std::string day_ru(time::Date d) { return fmt::format("{} {}", time::day_of(d), russian::month_genitive(time::month_of(d))); }

time::Instant day_start(const QueryContext& q, time::Date d) {
  return q.ctx.zone->to_instant(time::LocalTime{d.time_since_epoch()});
}

// The services a report reads through (the settings they take do not change what is read).
inspection::Services inspections(QueryContext& q) {
  static const inspection::ScheduleSettings cfg;
  static const agreement::Settings agreements;
  return {q.db, q.ctx, cfg, agreements};
}

// The unit a filter names, by code (with "did you mean"), as events and plans name it.
std::optional<unit::Unit> filter_unit(QueryContext& q) {
  if (q.filter.unit.empty()) {
    return std::nullopt;
  }
  unit::Services us{q.db, q.ctx};
  return unit::resolve(us, q.filter.unit);
}

// The period's events under the section's filter, cancelled ones left out;
// read once per report for each period, filter and load (a load that reads
// more serves one that reads less).
const std::vector<event::Event>& events_in(QueryContext& q, event::Load load) {
  const auto key = [&](event::Load l) {
    return fmt::format("{}|{}|{}|{}|{}|{}|{}", time::format_date(q.period.from), time::format_date(q.period.to),
                       q.filter.kind, q.filter.level, q.filter.status, q.filter.unit, static_cast<int>(l));
  };
  auto& read = q.events_read->by_key;
  for (int l = static_cast<int>(event::Load::children); l >= static_cast<int>(load); --l) {
    if (const auto it = read.find(key(static_cast<event::Load>(l))); it != read.end()) {
      return it->second;
    }
  }
  event::EventFilter f;
  f.from = day_start(q, q.period.from);
  f.to = day_start(q, q.period.to + days{1});
  if (!q.filter.kind.empty()) {
    f.kind = event::parse_kind(q.filter.kind);
  }
  if (!q.filter.level.empty()) {
    f.level = event::parse_level(q.filter.level);
  }
  if (!q.filter.status.empty()) {
    f.status = event::parse_status(q.filter.status);
  }
  event::Services planner{q.db, q.ctx};
  const auto u = filter_unit(q);
  const auto n = u ? std::optional(unit::names_on(*u, q.period.from)) : std::nullopt;
  std::vector<event::Event> es;
  event::for_each_event(planner, f, load, [&](event::Event&& e) {
    if (e.status == event::Status::cancelled) {
      return;
    }
    if (u) {
      // An event's organizer is its unit's code or a name as typed.
      const std::string o = text::fold(text::trim(e.organizer));
      if (o != text::fold(u->code) && o != text::fold(n->name) && o != text::fold(n->short_name)) {
        return;
      }
    }
    es.push_back(std::move(e));
  });
  return read[key(load)] = std::move(es);
}

// A date as the value behind a date cell: days since 1970-01-01.
double day_value(time::Date d) { return static_cast<double>(d.time_since_epoch().count()); }
double day_value(const std::optional<time::Date>& d) { return d ? day_value(*d) : kNoValue; }

void add_row(DataTable& t, std::vector<std::string> cells, std::vector<double> values = {}) {
  values.resize(cells.size(), kNoValue);
  t.rows.push_back(std::move(cells));
  t.values.push_back(std::move(values));
}

QueryResult q_events(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  int mayor = 0;
  int held = 0;
  // The plan prints each event's VIPs: its participants, not its tasks or run of show.
  const auto& listed = events_in(q, event::Load::participants);
  // A part follows its umbrella event, numbered under it (1.1, 1.2) and indented;
  // a part whose umbrella is not listed stands on its own.
  std::set<std::int64_t> ids;
  std::map<std::int64_t, std::vector<const event::Event*>> parts;
  for (const auto& e : listed) {
    ids.insert(e.id);
  }
  for (const auto& e : listed) {
    if (e.part_of && ids.count(*e.part_of)) {
      parts[*e.part_of].push_back(&e);
    }
  }
  std::vector<std::pair<const event::Event*, std::string>> order;  // event, its number
  int top = 0;
  for (const auto& e : listed) {
    if (e.part_of && ids.count(*e.part_of)) {
      continue;
    }
    order.emplace_back(&e, std::to_string(++top));
    int sub = 0;
    for (const event::Event* p : parts[e.id]) {
      order.emplace_back(p, fmt::format("{}.{}", top, ++sub));
    }
  }
  std::vector<event::Event> es;
  for (const auto& [e, no] : order) {
    es.push_back(*e);
    r.numbering.push_back(no);
  }
  // The summary counts events as the plan numbers them: a day with its parts is one.
  std::size_t top_level = 0;
  bool top_has_mayor = false;
  auto close_top = [&] { mayor += top_has_mayor; };
  for (const auto& e : es) {
    const auto ls = q.ctx.zone->to_local(e.start);
    const bool part = e.part_of && ids.count(*e.part_of);
    if (!part) {
      if (top_level > 0) {
        close_top();
      }
      ++top_level;
      top_has_mayor = false;
      held += e.status == event::Status::held;
    }
    std::string vips;
    for (const auto& p : e.participants) {
      if (p.vip) {
        vips += (vips.empty() ? "" : ", ") + p.who;
        top_has_mayor = top_has_mayor || text::fold(p.who).rfind("мэр ", 0) == 0;
      }
    }
    add_row(r.table, {day_ru(time::local_date(ls)), e.all_day ? "" : time::format_clock(ls),
                      (part ? "\u00A0\u00A0\u00A0" : "") + e.title,
                      std::string(event::word(e.kind)), std::string(event::word(e.level)), e.venue, e.organizer, vips,
                      std::string(event::word(e.status))},
            {day_value(time::local_date(ls))});
  }
  if (top_level > 0) {
    close_top();
  }
  stats["events_count"] = std::to_string(top_level);
  stats["events_text"] = russian::count(static_cast<long>(top_level), "мероприятие", "мероприятия", "мероприятий");
  stats["events_parts"] = std::to_string(es.size() - top_level);
  stats["events_held"] = std::to_string(held);
  stats["events_mayor"] = std::to_string(mayor);
  return r;
}

QueryResult q_events_by_kind(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  std::map<std::string, std::pair<int, std::string>> by_kind;
  int held = 0;
  for (const auto& e : events_in(q, event::Load::row)) {
    if (e.status != event::Status::held) {
      continue;
    }
    ++held;
    auto& [n, ann] = by_kind[std::string(event::to_string(e.kind))];
    ++n;
    if (e.ordinal) {
      ann += (ann.empty() ? "" : "; ") + e.title;
    }
  }
  std::vector<std::pair<std::string, std::pair<int, std::string>>> rows;
  for (const auto& [kind, v] : by_kind) {
    rows.emplace_back(event::say_kind_heading(kind), v);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return russian::collate_less(a.first, b.first); });
  for (const auto& [name, v] : rows) {
    add_row(r.table, {name, std::to_string(v.first), v.second}, {kNoValue, static_cast<double>(v.first), kNoValue});
  }
  r.table.totals = std::vector<std::string>{total_label(), std::to_string(held), ""};
  r.table.total_values = {kNoValue, static_cast<double>(held), kNoValue};
  if (held > 0) {
    stats["events_held_any"] = "1";
  }
  stats["events_held"] = std::to_string(held);
  stats["events_held_text"] = russian::count(held, "мероприятие", "мероприятия", "мероприятий");
  return r;
}

// Held events (the one definition every figure of a report uses: status «проведено»), per month.
QueryResult q_events_per_month(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  std::map<int, int> per;
  int held = 0;
  for (const auto& e : events_in(q, event::Load::row)) {
    if (e.status != event::Status::held) {
      continue;
    }
    ++held;
    const auto d = time::local_date(q.ctx.zone->to_local(e.start));
    ++per[time::year_of(d) * 100 + time::month_of(d)];
  }
  Chart c;
  c.title = "Проведённые мероприятия по месяцам";
  c.series = {"Количество мероприятий"};
  for (time::Date d = q.period.from; d <= q.period.to; d = time::last_day_of_month(d) + days{1}) {
    const int key = time::year_of(d) * 100 + time::month_of(d);
    const std::string name(russian::month_nominative(time::month_of(d)));
    add_row(r.table, {name, std::to_string(per[key])}, {kNoValue, static_cast<double>(per[key])});
    c.labels.push_back(name.substr(0, 6));  // three Cyrillic letters
    c.values.push_back({static_cast<double>(per[key])});
  }
  if (held > 0) {  // a year without events: its text says so, no table of zeros
    r.table.totals = std::vector<std::string>{total_label(), std::to_string(held)};
    r.table.total_values = {kNoValue, static_cast<double>(held)};
    r.chart = std::move(c);
  } else {
    r.table.rows.clear();
    r.table.values.clear();
  }
  stats["events_held"] = std::to_string(held);
  stats["events_held_text"] = russian::count(held, "мероприятие", "мероприятия", "мероприятий");
  return r;
}

QueryResult q_visits(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  auto in = inspections(q);
  const auto week = inspection::load_week(in, q.period.from - days{time::iso_weekday(q.period.from) - 1});
  std::map<std::int64_t, std::string> agency_names;
  for (const auto& a : inspection::list_agencies(in)) {
    agency_names[a.agency.id] = a.agency.name;
  }
  long held = 0, cancelled = 0, unrecorded = 0;
  for (const auto& stop : week.stops) {
    const auto& v = stop.visit;
    const auto& site = stop.site;
    std::string who;
    for (auto id : v.agencies) {
      who += (who.empty() ? "" : "; ") + agency_names[id];
    }
    held += v.status == inspection::VisitStatus::held;
    cancelled += v.status == inspection::VisitStatus::cancelled;
    unrecorded += stop.unrecorded;
    std::string status = v.status == inspection::VisitStatus::held ? "проведён"
                         : v.status == inspection::VisitStatus::cancelled
                             ? (v.notes.empty() ? "отменён" : "отменён: " + v.notes)
                         : stop.unrecorded ? "не отмечен"
                                           : "запланирован";
    add_row(r.table, {day_ru(v.day), std::to_string(v.seq),
                      v.arrive ? time::format_clock(q.ctx.zone->to_local(*v.arrive)) : "",
                      v.depart ? time::format_clock(q.ctx.zone->to_local(*v.depart)) : "", site.code, site.name,
                      site.address, who, status},
            {day_value(v.day), static_cast<double>(v.seq)});
  }
  const long all = static_cast<long>(week.stops.size());
  stats["visits_count"] = std::to_string(all);
  if (all == 0) {
    stats["visits_text"] = week.note.empty() ? "выездов нет" : "выездов нет: нет рабочих дней, праздники";
  } else {
    std::string text = russian::count(all, "выезд", "выезда", "выездов") + ": проведено — " + std::to_string(held);
    if (cancelled > 0) {
      text += ", отменено — " + std::to_string(cancelled);
    }
    if (unrecorded > 0) {
      text += ", не отмечено — " + std::to_string(unrecorded);
    }
    if (all - held - cancelled - unrecorded > 0) {
      text += ", запланировано — " + std::to_string(all - held - cancelled - unrecorded);
    }
    stats["visits_text"] = text;
  }
  stats["visits_cancelled"] = std::to_string(cancelled);
  stats["visits_unrecorded"] = std::to_string(unrecorded);
  stats["visits_held"] = std::to_string(held);
  return r;
}

// Findings opened and closed in the period, per site.
QueryResult q_findings_by_site(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  auto in = inspections(q);
  long opened = 0, resolved = 0, overdue = 0;
  for (const auto& site : inspection::finding_counts_by_site(
           in, q.period.from, q.period.to, std::min(q.period.to + days{1}, q.ctx.today() + days{1}))) {
    const long o = site.opened, c = site.resolved, od = site.overdue;
    if (o == 0 && c == 0 && od == 0) {
      continue;
    }
    opened += o;
    resolved += c;
    overdue += od;
    add_row(r.table, {site.code, site.name, std::to_string(o), std::to_string(c), std::to_string(od)},
            {kNoValue, kNoValue, static_cast<double>(o), static_cast<double>(c), static_cast<double>(od)});
  }
  r.table.totals = std::vector<std::string>{total_label(), "", std::to_string(opened), std::to_string(resolved),
                                            std::to_string(overdue)};
  r.table.total_values = {kNoValue, kNoValue, static_cast<double>(opened), static_cast<double>(resolved),
                          static_cast<double>(overdue)};
  stats["findings_opened"] = std::to_string(opened);
  stats["findings_resolved"] = std::to_string(resolved);
  stats["findings_overdue"] = std::to_string(overdue);
  stats["findings_opened_text"] = russian::count(opened, "замечание", "замечания", "замечаний");
  stats["findings_resolved_text"] = russian::count(resolved, "замечание", "замечания", "замечаний");
  return r;
}

QueryResult q_findings_per_week(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  long opened_total = 0, closed_total = 0;
  Chart c;
  c.title = "Замечания: выявлено и устранено по неделям";
  c.series = {"Выявлено", "Устранено"};
  auto in = inspections(q);
  const time::Date first_monday = q.period.from - days{time::iso_weekday(q.period.from) - 1};
  for (time::Date m = first_monday; m <= q.period.to; m += days{7}) {
    const auto counts = inspection::finding_counts(in, m, m + days{6});
    const long o = counts.opened, cl = counts.resolved;
    opened_total += o;
    closed_total += cl;
    add_row(r.table, {russian::span_phrase(m, m + days{6}), std::to_string(o), std::to_string(cl)},
            {kNoValue, static_cast<double>(o), static_cast<double>(cl)});
    c.labels.push_back(fmt::format("{:02}.{:02}", time::day_of(m), time::month_of(m)));
    c.values.push_back({static_cast<double>(o), static_cast<double>(cl)});
  }
  r.chart = std::move(c);
  const long visits = inspection::visits_held_between(in, q.period.from, q.period.to);
  stats["findings_opened"] = std::to_string(opened_total);
  stats["findings_resolved"] = std::to_string(closed_total);
  stats["findings_opened_text"] = russian::count(opened_total, "замечание", "замечания", "замечаний");
  stats["findings_resolved_text"] = russian::count(closed_total, "замечание", "замечания", "замечаний");
  stats["visits_held"] = std::to_string(visits);
  stats["visits_held_text"] = russian::count(visits, "выезд", "выезда", "выездов");
  if (visits > 0) {
    stats["visits_held_any"] = "1";
  }
  return r;
}

QueryResult q_findings_per_month(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  long opened_total = 0, closed_total = 0;
  Chart c;
  c.title = "Замечания: выявлено и устранено по месяцам";
  c.series = {"Выявлено", "Устранено"};
  auto in = inspections(q);
  for (time::Date m = q.period.from; m <= q.period.to; m = time::last_day_of_month(m) + days{1}) {
    const auto counts = inspection::finding_counts(in, m, std::min(time::last_day_of_month(m), q.period.to));
    const long o = counts.opened, cl = counts.resolved;
    opened_total += o;
    closed_total += cl;
    const std::string name(russian::month_nominative(time::month_of(m)));
    add_row(r.table, {name, std::to_string(o), std::to_string(cl)}, {kNoValue, static_cast<double>(o), static_cast<double>(cl)});
    c.labels.push_back(name.substr(0, 6));  // three Cyrillic letters
    c.values.push_back({static_cast<double>(o), static_cast<double>(cl)});
  }
  const long visits = inspection::visits_held_between(in, q.period.from, q.period.to);
  if (opened_total == 0 && closed_total == 0 && visits == 0) {
    r.table.rows.clear();  // a year without inspections: its text says so, no table of zeros
    r.table.values.clear();
  } else {
    r.table.totals = std::vector<std::string>{total_label(), std::to_string(opened_total), std::to_string(closed_total)};
    r.table.total_values = {kNoValue, static_cast<double>(opened_total), static_cast<double>(closed_total)};
    r.chart = std::move(c);
  }
  stats["findings_opened"] = std::to_string(opened_total);
  stats["findings_resolved"] = std::to_string(closed_total);
  stats["findings_opened_text"] = russian::count(opened_total, "замечание", "замечания", "замечаний");
  stats["findings_resolved_text"] = russian::count(closed_total, "замечание", "замечания", "замечаний");
  stats["visits_held"] = std::to_string(visits);
  stats["visits_held_text"] = russian::count(visits, "выезд", "выезда", "выездов");
  if (visits > 0) {
    stats["visits_held_any"] = "1";  // {{#stats.visits_held_any}}: a template tells «не проводились» apart
  }
  return r;
}

QueryResult q_agreements(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  static const agreement::Settings settings;
  agreement::Services s{q.db, q.ctx, settings};
  auto all = agreement::list(s, {}, true);
  if (!q.filter.status.empty()) {
    const auto wanted = agreement::parse_status(q.filter.status);
    std::erase_if(all, [&](const agreement::Agreement& a) { return agreement::status_on(a, q.as_of) != wanted; });
  }
  std::vector<std::int64_t> org_ids;
  for (const auto& a : all) {
    org_ids.push_back(a.org_id);
  }
  const auto org_names = agreement::org_names(s, org_ids);
  money::Kopecks total = 0;
  money::Kopecks signed_value = 0;
  int signed_in_period = 0;
  long fulfilled_total = 0, due_total = 0, overdue_total = 0;
  for (const auto& a : all) {
    if (!a.signed_on || *a.signed_on > q.as_of) {
      continue;  // not yet signed on that day
    }
    if (*a.signed_on >= q.period.from && *a.signed_on <= q.period.to) {
      ++signed_in_period;
      signed_value = money::add(signed_value, a.value);
    }
    const agreement::Status st = agreement::status_on(a, q.as_of);
    int fulfilled = 0, due = 0, overdue = 0;
    for (const auto& o : a.obligations) {
      if (o.done_on && *o.done_on <= q.as_of) {
        ++fulfilled;
      } else if (o.due && *o.due < q.as_of) {
        ++overdue;
      } else {
        ++due;
      }
    }
    total = money::add(total, a.value);
    add_row(r.table,
            {a.number, org_names.at(a.org_id), a.title, agreement::say_sphere(a.sphere), dotted(a.signed_on), dotted(a.valid_to),
             std::string(agreement::word(st)),
             money::format_amount(a.value), std::to_string(fulfilled), std::to_string(due), std::to_string(overdue)},
            {kNoValue, kNoValue, kNoValue, kNoValue, day_value(a.signed_on), day_value(a.valid_to), kNoValue, static_cast<double>(a.value),
             static_cast<double>(fulfilled), static_cast<double>(due), static_cast<double>(overdue)});
    fulfilled_total += fulfilled;
    due_total += due;
    overdue_total += overdue;
  }
  r.table.totals = std::vector<std::string>{total_label(), "", "", "", "", "", "", money::format_amount(total),
                                            std::to_string(fulfilled_total), std::to_string(due_total),
                                            std::to_string(overdue_total)};
  r.table.total_values = {kNoValue, kNoValue, kNoValue, kNoValue, kNoValue, kNoValue, kNoValue, static_cast<double>(total),
                          static_cast<double>(fulfilled_total), static_cast<double>(due_total),
                          static_cast<double>(overdue_total)};
  stats["agreements_count"] = std::to_string(r.table.rows.size());
  stats["agreements_text"] = russian::count(static_cast<long>(r.table.rows.size()), "соглашение", "соглашения",
                                            "соглашений");
  stats["agreements_value"] = money::format_roubles(total);
  stats["agreements_signed"] = std::to_string(signed_in_period);
  stats["agreements_signed_text"] = russian::count(signed_in_period, "соглашение", "соглашения", "соглашений");
  stats["agreements_signed_value"] = money::format_roubles(signed_value);
  return r;
}

QueryResult q_patrons(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  static const agreement::Settings settings;
  agreement::Services s{q.db, q.ctx, settings};
  const auto rows = agreement::patrons(s, q.year);
  int titles = 0, badges = 0;
  for (const auto& p : rows) {
    std::string t;
    for (const auto& x : p.titles) {
      t += (t.empty() ? "" : "; ") + x;
      ++titles;
    }
    badges += p.badge.has_value();
    add_row(r.table,
            {p.rank ? std::to_string(p.rank) : "", p.name, p.inn, money::format_amount(p.value), std::to_string(p.count),
             t, p.badge ? fmt::format("№\u00A0{}", *p.badge) : ""},
            {p.rank ? static_cast<double>(p.rank) : kNoValue, kNoValue, kNoValue, static_cast<double>(p.value),
             static_cast<double>(p.count)});
  }
  stats["patrons_count"] = std::to_string(rows.size());
  stats["titles_count"] = std::to_string(titles);
  stats["titles_text"] = russian::count(titles, "звание", "звания", "званий");
  stats["badges_count"] = std::to_string(badges);
  stats["badges_text"] = russian::count(badges, "знак", "знака", "знаков");
  if (titles > 0 || badges > 0) {
    stats["patrons_any"] = "1";
  }
  return r;
}


// ---- the experience of an event kind (methodical recommendations) ----

std::optional<event::EventTemplate> kind_template(QueryContext& q) {
  event::TemplateCatalog cat(q.template_dirs);
  for (const auto& entry : cat.list()) {
    if (event::to_string(entry.tmpl.kind) == q.kind) {
      return entry.tmpl;
    }
  }
  return std::nullopt;
}

// The kind's events of the period that were held (one definition of "held" for every figure).
std::vector<event::Event> kind_events(QueryContext& q) {
  QueryContext k = q;
  k.filter.kind = q.kind;
  if (k.filter.status.empty()) {
    k.filter.status = "held";
  }
  return events_in(k, event::Load::children);
}

QueryResult q_experience_checklist(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  const auto t = kind_template(q);
  if (!t) {
    return r;
  }
  auto tasks = t->tasks;
  // In the order they come due: the earliest first.
  const auto minutes = [](const time::Offset& o) {
    return o.amount * (o.unit == time::Offset::Unit::minutes ? 1 : o.unit == time::Offset::Unit::days ? 1440 : 2016);
  };
  std::stable_sort(tasks.begin(), tasks.end(),
                   [&](const event::TemplateTask& a, const event::TemplateTask& b) { return minutes(a.due) < minutes(b.due); });
  for (const auto& task : tasks) {
    add_row(r.table, {task.title, task.owner, offset_phrase(task.due)});
  }
  stats["template_name"] = t->name;
  stats["template_tasks_text"] = russian::count(static_cast<long>(tasks.size()), "задача", "задачи", "задач");
  return r;
}

QueryResult q_experience_program(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  const auto t = kind_template(q);
  if (!t) {
    return r;
  }
  for (const auto& p : t->program) {
    std::string at = p.at;
    if (p.offset) {
      at = p.offset->amount == 0 ? "начало" : offset_phrase(*p.offset) + " начала";
    }
    add_row(r.table, {at, p.duration.count() ? std::to_string(p.duration.count()) : "", p.title, p.responsible},
            {kNoValue, p.duration.count() ? static_cast<double>(p.duration.count()) : kNoValue});
  }
  if (!t->venue.empty()) {
    stats["template_venue"] = t->venue;
  }
  return r;
}

QueryResult q_experience_events(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  long tasks = 0, on_time = 0, late = 0, not_done = 0;
  std::vector<std::string> venues;
  const auto es = kind_events(q);
  for (const auto& e : es) {
    const time::Date day = time::local_date(q.ctx.zone->to_local(e.start));
    const time::Date until = std::min(day, q.ctx.today());
    long n = 0, ok = 0, lt = 0, nd = 0;
    for (const auto& t : e.tasks) {
      if (t.status == event::TaskStatus::cancelled) {
        continue;
      }
      ++n;
      if (t.status == event::TaskStatus::done) {
        (t.done_on && *t.done_on > t.due ? lt : ok) += 1;
      } else if (t.due < until) {
        ++nd;
      }
    }
    tasks += n;
    on_time += ok;
    late += lt;
    not_done += nd;
    if (!e.venue.empty() && std::find(venues.begin(), venues.end(), e.venue) == venues.end()) {
      venues.push_back(e.venue);
    }
    add_row(r.table,
            {std::to_string(time::year_of(day)), day_ru(day), e.title, e.venue, std::to_string(n), std::to_string(ok),
             std::to_string(lt), std::to_string(nd)},
            {static_cast<double>(time::year_of(day)), day_value(day), kNoValue, kNoValue, static_cast<double>(n),
             static_cast<double>(ok), static_cast<double>(lt), static_cast<double>(nd)});
  }
  if (!es.empty()) {
    r.table.totals = std::vector<std::string>{total_label(), "", "", "", std::to_string(tasks), std::to_string(on_time),
                                              std::to_string(late), std::to_string(not_done)};
    r.table.total_values = {kNoValue, kNoValue, kNoValue, kNoValue, static_cast<double>(tasks), static_cast<double>(on_time),
                            static_cast<double>(late), static_cast<double>(not_done)};
  }
  stats["kind_events_text"] = russian::count(static_cast<long>(es.size()), "мероприятие", "мероприятия", "мероприятий");
  stats["kind_tasks_text"] = russian::count(tasks, "задача", "задачи", "задач");
  stats["kind_tasks"] = std::to_string(tasks);
  stats["kind_on_time"] = std::to_string(on_time);
  stats["kind_late"] = std::to_string(late);
  stats["kind_not_done"] = std::to_string(not_done);
  if (!venues.empty()) {
    stats["kind_venues"] = text::join(venues, "; ");
  }
  if (on_time + late > 0) {
    stats["kind_on_time_pct"] = fmt::format("{}", std::lround(100.0 * static_cast<double>(on_time) /
                                                              static_cast<double>(on_time + late + not_done)));
  }
  if (!es.empty()) {
    stats["kind_events_any"] = "1";
  }
  return r;
}

QueryResult q_experience_lessons(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  long n = 0;
  for (const auto& e : kind_events(q)) {
    const int year = time::year_of(time::local_date(q.ctx.zone->to_local(e.start)));
    for (const auto& l : e.lessons) {
      if (l.origin_uuid) {
        continue;  // carried over from an earlier event: listed under the year it was learned
      }
      ++n;
      add_row(r.table, {std::to_string(year), l.text}, {static_cast<double>(year)});
    }
  }
  stats["lessons_text"] = russian::count(n, "вывод", "вывода", "выводов");
  if (n > 0) {
    stats["lessons_any"] = "1";
  }
  return r;
}

// ---- work plans ----

plan::Services plans(QueryContext& q) { return plan::Services{q.db, q.ctx, q.plan_dirs}; }

std::string dmy(time::Date d) { return time::format_dotted(d); }

// A unit as a plan's table names it: its short name (capitalized), else its name, as it was on `day`.
std::string unit_label(const std::map<std::int64_t, unit::Unit>& units, const std::optional<std::int64_t>& id,
                       time::Date day) {
  if (!id) {
    return "";
  }
  auto it = units.find(*id);
  if (it == units.end()) {
    return fmt::format("#{}", *id);
  }
  const auto n = unit::names_on(it->second, day);
  return n.short_name.empty() ? n.name : text::capitalize(n.short_name);
}

// «исполнено 19.04.2024: …», «срок перенесён на 20.06.2024 (…)», «снято с контроля 20.04.2024: …».
std::string mark_of(const plan::Item& i, time::Date as_of) {
  if (i.dropped_on && *i.dropped_on <= as_of) {
    return fmt::format("снято с контроля {}: {}{}", dmy(*i.dropped_on), i.drop_reason,
                       i.drop_act.empty() ? "" : " (" + i.drop_act + ")");
  }
  std::vector<std::string> out;
  for (const auto& p : i.points) {
    const std::string when = i.points.size() > 1 ? dmy(p.planned_on) + " — " : "";
    if (p.state == plan::PointState::done && p.done_on && *p.done_on <= as_of) {
      out.push_back(when + "исполнено " + dmy(*p.done_on) + (p.report.empty() ? "" : ": " + p.report));
    } else if (!p.postponements.empty()) {
      const auto& x = p.postponements.back();
      out.push_back(when + "срок перенесён на " + dmy(x.to) + " (" + x.reason + (x.act.empty() ? "" : ", " + x.act) + ")");
    } else if (p.state == plan::PointState::carried) {
      out.push_back(when + "перенесено в план следующего периода");
    } else if (p.state == plan::PointState::not_done) {
      out.push_back(when + "не исполнено");
    }
  }
  return text::join(out, "\n");
}

QueryResult q_plan_sections(QueryContext& q, std::map<std::string, std::string>& stats) {
  if (!q.plan_id) {
    throw InputError(tr("this report needs --plan"));
  }
  auto ps = plans(q);
  const auto v = plan::view(ps, *q.plan_id);
  const plan::Plan& p = v.plan;
  QueryResult r;
  const time::Date names_day = p.period.first;
  int count = 0;
  for (const auto& sec : p.sections) {
    Section out;
    out.heading = fmt::format("{}. {}", sec.no, sec.title);
    DataTable t;
    t.columns = query_columns("plan_sections");
    for (const auto& i : v.items) {
      if (i.section != sec.key) {
        continue;
      }
      ++count;
      std::vector<std::string> co;
      for (auto id : i.co_units) {
        co.push_back(unit_label(v.units, id, names_day));
      }
      std::string responsible = unit_label(v.units, i.unit_id, names_day);
      if (!i.person.empty()) {
        responsible += (responsible.empty() ? "" : "\n") + i.person;
      }
      std::string due = plan::due_phrase(plan::due_from_text(i.due, p.period), p.period);
      if (i.points.size() == 1 && i.points.front().due_on != i.points.front().planned_on) {
        due += "\n(перенесён на " + dmy(i.points.front().due_on) + ")";
      }
      add_row(t, {v.numbers.at(i.no), i.text, due, responsible, text::join(co, ",\n"), i.form, i.basis,
                  mark_of(i, q.as_of), std::string(plan::word(plan::standing(i, q.as_of)))});
    }
    if (t.rows.empty()) {
      continue;  // an empty section is left out of the document
    }
    out.table = std::move(t);
    r.sections.push_back(std::move(out));
  }
  Approval a;
  std::string approver_name;
  if (v.templ) {
    a.title = p.approved_by.empty() ? v.templ->approver : p.approved_by;
    approver_name = v.templ->approver_name;
  } else {
    a.title = p.approved_by;
  }
  if (approver_name.empty()) {
    approver_name = q.signatures.approver_name;
  }
  a.signature = "_______________ " + (approver_name.empty() ? std::string("И. О. Фамилия") : approver_name);
  if (p.approved_on) {
    a.date = fmt::format("«{}» {} {}\u00a0г.", time::day_of(*p.approved_on), russian::month_genitive(time::month_of(*p.approved_on)),
                         time::year_of(*p.approved_on));
    a.act = "(" + p.approved_act + ")";
  } else {
    a.date = "«___» _______________ 20___\u00a0г.";
  }
  if (a.title.empty()) {
    a.title = q.signatures.approver.empty() ? "Мэр города Омска" : q.signatures.approver;
  }
  r.approval = a;
  stats["plan_title"] = p.title;
  stats["plan_period"] = plan::period_phrase(p.period);
  stats["plan_items"] = std::to_string(count);
  stats["plan_items_text"] = russian::count(count, "пункт", "пункта", "пунктов");
  stats["plan_status"] = p.status == plan::Status::draft ? "проект" : p.status == plan::Status::approved ? "утверждён" : "закрыт";
  stats["plan_amendments"] = std::to_string(v.amendments.size());
  return r;
}

std::string pct(const std::optional<double>& v) { return v ? russian::say_number(*v, 1) : "—"; }

QueryResult q_plan_execution(QueryContext& q, std::map<std::string, std::string>& stats) {
  auto ps = plans(q);
  const auto c = plan::control(ps, q.plan_period, time::format_date(q.as_of), q.filter.unit,
                               q.plan_id ? std::to_string(*q.plan_id) : "");
  QueryResult r;
  Chart chart;
  chart.title = "Исполнено в срок, % от наступивших сроков";
  chart.series = {"Текущий период"};
  if (c.previous) {
    chart.series.push_back("Предыдущий период");
  }
  const auto row = [&](DataTable& t, const std::string& name, const plan::Discipline& d,
                       const std::optional<plan::Discipline>& before, bool total) {
    std::string trend;
    double trend_v = kNoValue;
    if (before && before->on_time_pct() && d.on_time_pct()) {
      trend_v = *d.on_time_pct() - *before->on_time_pct();
      trend = russian::say_number(trend_v, 1, true);
    }
    std::vector<std::string> cells{name,
                                   std::to_string(d.points),
                                   std::to_string(d.came_due()),
                                   std::to_string(d.on_time),
                                   std::to_string(d.late),
                                   std::to_string(d.overdue),
                                   std::to_string(d.not_done + d.carried),
                                   std::to_string(d.postponed),
                                   std::to_string(d.dropped),
                                   pct(d.on_time_pct()),
                                   trend};
    if (total) {
      t.totals = cells;
      t.total_values = {kNoValue, static_cast<double>(d.points), static_cast<double>(d.came_due()),
                        static_cast<double>(d.on_time), static_cast<double>(d.late), static_cast<double>(d.overdue),
                        static_cast<double>(d.not_done + d.carried), static_cast<double>(d.postponed),
                        static_cast<double>(d.dropped), d.on_time_pct().value_or(kNoValue), trend_v};
      return;
    }
    add_row(t, cells,
            {kNoValue, static_cast<double>(d.points), static_cast<double>(d.came_due()), static_cast<double>(d.on_time),
             static_cast<double>(d.late), static_cast<double>(d.overdue), static_cast<double>(d.not_done + d.carried),
             static_cast<double>(d.postponed), static_cast<double>(d.dropped), d.on_time_pct().value_or(kNoValue), trend_v});
  };
  for (const auto& u : c.rows) {
    row(r.table, u.code.empty() ? u.name : u.name + " (" + u.code + ")", u.now, u.before, false);
    if (u.now.on_time_pct()) {
      chart.labels.push_back(u.code.empty() ? "—" : u.code);
      std::vector<double> vals{*u.now.on_time_pct()};
      if (c.previous) {
        vals.push_back(u.before && u.before->on_time_pct() ? *u.before->on_time_pct() : 0);
      }
      chart.values.push_back(vals);
    }
  }
  row(r.table, total_label(), c.total, c.total_before, true);
  r.chart = std::move(chart);
  stats["period"] = c.period.text;
  stats["period_phrase"] = plan::period_phrase(c.period);
  stats["plans_count"] = std::to_string(c.plans.size());
  stats["points"] = std::to_string(c.total.points);
  stats["points_text"] = russian::count(c.total.points, "контрольный срок", "контрольных срока", "контрольных сроков");
  stats["came_due"] = std::to_string(c.total.came_due());
  stats["came_due_text"] = russian::count(c.total.came_due(), "контрольный срок", "контрольных срока", "контрольных сроков");
  stats["on_time"] = std::to_string(c.total.on_time);
  stats["on_time_pct"] = pct(c.total.on_time_pct());
  stats["overdue"] = std::to_string(c.total.overdue);
  stats["not_done"] = std::to_string(c.total.not_done + c.total.carried);
  stats["late"] = std::to_string(c.total.late);
  stats["postponed"] = std::to_string(c.total.postponed);
  // Only when there was a previous period: a template's {{#stats.previous_period}} tests for it.
  if (c.previous && c.total_before) {
    stats["previous_pct"] = pct(c.total_before->on_time_pct());
    stats["previous_period"] = plan::period_phrase(*c.previous);
  }
  return r;
}

QueryResult q_plan_problems(QueryContext& q, std::map<std::string, std::string>& stats) {
  auto ps = plans(q);
  const auto c = plan::control(ps, q.plan_period, time::format_date(q.as_of), q.filter.unit,
                               q.plan_id ? std::to_string(*q.plan_id) : "");
  QueryResult r;
  int n = 0;
  const auto only = filter_unit(q);
  for (const auto& p : c.plans) {
    const auto v = plan::view(ps, p.id);
    for (const auto& i : v.items) {
      if (only && i.unit_id != only->id) {
        continue;
      }
      for (const auto& pt : i.points) {
        const auto st = plan::standing(pt, i.dropped_on, q.as_of);
        if (st != plan::Standing::overdue && st != plan::Standing::not_done && st != plan::Standing::done_late &&
            st != plan::Standing::carried) {
          continue;
        }
        ++n;
        add_row(r.table, {fmt::format("№\u00A0{}", p.id), v.numbers.at(i.no), i.text,
                          unit_label(v.units, i.unit_id, p.period.last), dmy(plan::due_as_of(pt, q.as_of)),
                          std::string(plan::word(st))},
                {kNoValue, kNoValue, kNoValue, kNoValue, day_value(plan::due_as_of(pt, q.as_of))});
      }
    }
  }
  stats["problems"] = std::to_string(n);
  stats["problems_text"] = russian::count(n, "контрольный срок", "контрольных срока", "контрольных сроков");
  return r;
}

QueryResult q_week_plan(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  struct Row {
    time::Date day;
    std::string time, what, kind, responsible, where;
  };
  std::vector<Row> rows;
  // Plan items due in the week.
  auto ps = plans(q);
  const auto due = plan::points_between(ps, q.period.from, q.period.to);
  for (const auto& d : due.rows) {
    const auto& p = due.plans[d.plan];
    std::string who = unit_label(due.units, d.item->unit_id, d.due);
    if (!d.item->person.empty()) {
      who += (who.empty() ? "" : ", ") + d.item->person;
    }
    rows.push_back({d.due, "", d.item->text, fmt::format("пункт {} плана №\u00A0{}", d.number, p.id), who, ""});
  }
  int events = 0;
  for (const auto& e : events_in(q, event::Load::row)) {
    const auto ls = q.ctx.zone->to_local(e.start);
    rows.push_back({time::local_date(ls), e.all_day ? "" : time::format_clock(ls), e.title, "мероприятие", e.organizer,
                    e.venue});
    ++events;
  }
  auto in = inspections(q);
  const auto week = inspection::load_week(in, q.period.from - days{time::iso_weekday(q.period.from) - 1});
  int visits = 0;
  for (const auto& stop : week.stops) {
    const auto& v = stop.visit;
    const auto& site = stop.site;
    if (v.status == inspection::VisitStatus::cancelled) {
      continue;
    }
    rows.push_back({v.day, v.arrive ? time::format_clock(q.ctx.zone->to_local(*v.arrive)) : "",
                    "Выездная проверка: " + site.name, "объект нацпроекта", "", site.address});
    ++visits;
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.day != b.day ? a.day < b.day : a.time < b.time;
  });
  for (const auto& row : rows) {
    add_row(r.table, {day_ru(row.day), row.time, row.what, row.kind, row.responsible, row.where}, {day_value(row.day)});
  }
  stats["week_items"] = std::to_string(due.rows.size());
  stats["week_events"] = std::to_string(events);
  stats["week_visits"] = std::to_string(visits);
  stats["week_text"] = russian::count(static_cast<long>(rows.size()), "мероприятие", "мероприятия", "мероприятий");
  return r;
}

guest::GuestList guests_of(QueryContext& q) {
  if (!q.event_id) {
    throw InputError(tr("this report needs --event: the event's id"));
  }
  event::Services planner{q.db, q.ctx};
  const guest::Precedence prec = guest::load_precedence(q.precedence_file);
  guest::Services gs{planner, prec};
  return guest::guest_list(gs, *q.event_id, guest::Order::precedence);
}

QueryResult q_guest_list(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  const auto gl = guests_of(q);
  int speakers = 0;
  for (const auto& row : gl.rows) {
    const auto& g = row.guest;
    std::string where = g.position;
    if (!g.org.empty() && guest::key(g.position).find(guest::key(g.org)) == std::string::npos) {
      where += (where.empty() ? "" : ", ") + g.org;
    }
    std::string from = g.city;
    if (!g.country.empty()) {
      from += (from.empty() ? "" : ", ") + g.country;
    }
    speakers += row.invitation.speaks ? 1 : 0;
    add_row(r.table, {g.name, where, from, row.invitation.group, std::string(guest::word(row.invitation.status)),
                      row.invitation.speaks ? "да" : "", row.invitation.note});
    r.numbering.push_back(std::to_string(row.no));
  }
  const auto count = [&](guest::Status st) { return gl.counts[static_cast<std::size_t>(st)]; };
  stats["guests_count"] = std::to_string(gl.rows.size());
  stats["guests_text"] = russian::count(static_cast<long>(gl.rows.size()), "гость", "гостя", "гостей");
  stats["guests_invited"] = std::to_string(count(guest::Status::invited));
  stats["guests_confirmed"] = std::to_string(count(guest::Status::confirmed));
  stats["guests_declined"] = std::to_string(count(guest::Status::declined));
  stats["guests_attended"] = std::to_string(count(guest::Status::attended));
  stats["guests_absent"] = std::to_string(count(guest::Status::absent));
  stats["guests_speakers"] = std::to_string(speakers);
  return r;
}

std::vector<guest::DelegationView> delegations_of(QueryContext& q) {
  event::Services planner{q.db, q.ctx};
  const guest::Precedence prec = guest::load_precedence(q.precedence_file);
  guest::Services gs{planner, prec};
  return guest::delegations(gs, q.event_id);
}

std::string when_by(QueryContext& q, const std::optional<time::Instant>& t, const std::string& by) {
  std::string s;
  if (t) {
    const auto l = q.ctx.zone->to_local(*t);
    s = time::format_dotted(time::local_date(l)) + " " + time::format_clock(l);
  }
  return by.empty() ? s : s.empty() ? by : s + ", " + by;
}

QueryResult q_delegations(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  long people = 0;
  for (const auto& v : delegations_of(q)) {
    const auto& d = v.delegation;
    const long n = static_cast<long>(v.members.size()) + (v.head ? 1 : 0);
    people += n;
    std::string head;
    if (v.head) {
      head = guest::short_name(v.head->name) + (v.head->position.empty() ? "" : ", " + v.head->position);
    }
    add_row(r.table, {d.from, head, std::to_string(n), when_by(q, d.arrive, d.arrive_by), when_by(q, d.depart, d.depart_by),
                      d.hotel, d.escort},
            {kNoValue, kNoValue, static_cast<double>(n)});
  }
  stats["delegations_count"] = std::to_string(r.table.rows.size());
  stats["delegations_text"] =
      russian::count(static_cast<long>(r.table.rows.size()), "делегация", "делегации", "делегаций");
  stats["delegations_people"] = std::to_string(people);
  stats["delegations_people_text"] = russian::count(people, "человек", "человека", "человек");
  return r;
}

QueryResult q_arrivals_by_day(QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  std::map<time::Date, std::pair<long, long>> days;
  long unknown = 0;
  for (const auto& v : delegations_of(q)) {
    const long n = static_cast<long>(v.members.size()) + (v.head ? 1 : 0);
    if (!v.delegation.arrive) {
      ++unknown;
      continue;
    }
    auto& x = days[time::local_date(q.ctx.zone->to_local(*v.delegation.arrive))];
    x.first += 1;
    x.second += n;
  }
  for (const auto& [day, x] : days) {
    add_row(r.table, {day_ru(day), std::to_string(x.first), std::to_string(x.second)},
            {day_value(day), static_cast<double>(x.first), static_cast<double>(x.second)});
  }
  stats["arrivals_unknown"] = std::to_string(unknown);
  return r;
}

}  // namespace

std::vector<std::string> filter_keys(const std::string& query) {
  if (query == "events" || query == "events_by_kind" || query == "events_per_month") {
    return {"kind", "level", "status", "unit"};
  }
  if (query == "agreements") {
    return {"status"};
  }
  if (query == "plan_execution" || query == "plan_problems") {
    return {"unit"};
  }
  return {};
}

void check_filter(const std::string& query, const std::string& key, const std::string& value) {
  const bool events = query.rfind("events", 0) == 0;
  if (key == "kind" && events) {
    event::parse_kind(value);
  } else if (key == "level" && events) {
    event::parse_level(value);
  } else if (key == "status" && events) {
    event::parse_status(value);
  } else if (key == "status") {
    agreement::parse_status(value);
  } else if (key == "unit" && text::trim(value).empty()) {
    throw InputError(tr("the unit is empty"));
  }
}

const std::vector<std::string>& query_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& [k, v] : catalog()) {
      n.push_back(k);
    }
    return n;
  }();
  return names;
}

const std::vector<Column>& query_columns(const std::string& query) {
  auto it = catalog().find(query);
  if (it == catalog().end()) {
    throw InputError(trf("unknown query '{}'", query));
  }
  return it->second;
}

QueryResult run_query(const std::string& query, QueryContext& q, std::map<std::string, std::string>& stats) {
  QueryResult r;
  if (query == "events") {
    r = q_events(q, stats);
  } else if (query == "events_by_kind") {
    r = q_events_by_kind(q, stats);
  } else if (query == "events_per_month") {
    r = q_events_per_month(q, stats);
  } else if (query == "visits") {
    r = q_visits(q, stats);
  } else if (query == "findings_by_site") {
    r = q_findings_by_site(q, stats);
  } else if (query == "findings_per_week") {
    r = q_findings_per_week(q, stats);
  } else if (query == "findings_per_month") {
    r = q_findings_per_month(q, stats);
  } else if (query == "agreements") {
    r = q_agreements(q, stats);
  } else if (query == "patrons") {
    r = q_patrons(q, stats);
  } else if (query == "experience_checklist") {
    r = q_experience_checklist(q, stats);
  } else if (query == "experience_program") {
    r = q_experience_program(q, stats);
  } else if (query == "experience_events") {
    r = q_experience_events(q, stats);
  } else if (query == "experience_lessons") {
    r = q_experience_lessons(q, stats);
  } else if (query == "plan_sections") {
    r = q_plan_sections(q, stats);
  } else if (query == "plan_execution") {
    r = q_plan_execution(q, stats);
  } else if (query == "plan_problems") {
    r = q_plan_problems(q, stats);
  } else if (query == "week_plan") {
    r = q_week_plan(q, stats);
  } else if (query == "guest_list") {
    r = q_guest_list(q, stats);
  } else if (query == "delegations") {
    r = q_delegations(q, stats);
  } else if (query == "arrivals_by_day") {
    r = q_arrivals_by_day(q, stats);
  } else {
    throw InputError(trf("unknown query '{}'", query));
  }
  r.table.columns = query_columns(query);
  // A table that lists items numbers them («№ п/п»): the query's first column.
  if (!r.table.columns.empty() && r.table.columns.front().key == "no") {
    for (std::size_t i = 0; i < r.table.rows.size(); ++i) {
      const bool own = i < r.numbering.size();
      r.table.rows[i].insert(r.table.rows[i].begin(), own ? r.numbering[i] : std::to_string(i + 1));
      // "1.1" is no count: a text cell.
      const bool whole = !own || r.numbering[i].find('.') == std::string::npos;
      r.table.values[i].insert(r.table.values[i].begin(),
                               !whole ? kNoValue : own ? std::stod(r.numbering[i]) : static_cast<double>(i + 1));
    }
    if (r.table.totals) {
      r.table.totals->insert(r.table.totals->begin(), "");
      r.table.total_values.insert(r.table.total_values.begin(), kNoValue);
      std::swap((*r.table.totals)[0], (*r.table.totals)[1]);  // «Итого» in the first column
    }
  }
  return r;
}

}  // namespace omskplan::report
