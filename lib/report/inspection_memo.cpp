#include "report/inspection_memo.hpp"

#include "core/russian.hpp"
#include "inspection/views.hpp"

#include <fmt/format.h>

#include <array>

namespace omskplan::report {

Document inspection_memo(const inspection::WeekPlan& p, const inspection::MemoContext& m, const time::TimeZone& zone,
                         time::Date today, const Signatures& sig) {
  static constexpr std::array<const char*, 7> kWeekdays{"понедельник", "вторник", "среда",      "четверг",
                                                        "пятница",     "суббота", "воскресенье"};
  Document d;
  d.id = "inspection-memo";
  d.title = "Выездные проверки объектов национальных проектов и государственных программ";
  d.subtitle = inspection::week_words(p.week);
  d.landscape = true;
  d.executor = executor_line(sig);
  const auto clock = [&](const std::optional<time::Instant>& t) {
    return t ? time::format_clock(zone.to_local(*t)) : std::string();
  };
  if (p.stops.empty()) {
    Section s;
    s.paragraphs.push_back(p.note.empty() ? "Выездов не запланировано." : p.note);
    d.sections.push_back(std::move(s));
    return d;
  }
  long visits = 0, cancelled = 0;
  for (const auto day : p.days) {
    Section s;
    s.heading = fmt::format("{}, {}", russian::format_date(day), kWeekdays[time::iso_weekday(day) - 1]);
    s.sheet = fmt::format("{:02}.{:02}", time::day_of(day), time::month_of(day));
    DataTable t;
    t.columns = {{"seq", "№\u00A0п/п", Type::count, 1},     {"arrive", "Прибытие", Type::text, 2},
                 {"depart", "Убытие", Type::text, 2},         {"site", "Объект", Type::text, 6},
                 {"address", "Адрес", Type::text, 4},         {"participants", "Участники", Type::text, 7}};
    std::vector<std::string> findings, off;
    for (const auto& stop : p.stops) {
      if (stop.visit.day != day) {
        continue;
      }
      if (stop.visit.status == inspection::VisitStatus::cancelled) {
        off.push_back(fmt::format("{} {}{}", stop.site.code, russian::quoted(stop.site.name),
                                  stop.visit.notes.empty() ? "" : " — " + stop.visit.notes));
        ++cancelled;
        continue;
      }
      ++visits;
      t.rows.push_back({std::to_string(stop.visit.seq), clock(stop.visit.arrive), clock(stop.visit.depart),
                        stop.site.code + " " + russian::quoted(stop.site.name) + (stop.unrecorded ? " — не отмечен" : ""),
                        stop.site.address, inspection::memo_participants(stop.visit.agencies, m)});
      t.values.push_back({static_cast<double>(stop.visit.seq), kNoValue, kNoValue, kNoValue, kNoValue, kNoValue});
      const auto it = m.open_findings.find(stop.site.id);
      if (it == m.open_findings.end()) {
        continue;
      }
      for (const auto& f : it->second) {
        const bool overdue = f.due && *f.due < today;
        findings.push_back(fmt::format("{}: {}{}{}", stop.site.code, f.text,
                                       f.due ? ", срок — " + russian::format_date(*f.due) : "",
                                       overdue ? " (просрочено)" : ""));
      }
    }
    if (t.rows.empty()) {
      s.paragraphs.push_back("Все выезды дня отменены.");
    } else {
      s.table = std::move(t);
    }
    d.sections.push_back(std::move(s));
    if (!off.empty()) {
      Section cancelled_section;
      cancelled_section.heading = "Отменены";
      cancelled_section.paragraphs = std::move(off);
      d.sections.push_back(std::move(cancelled_section));
    }
    if (!findings.empty()) {
      Section open;
      open.heading = "Открытые замечания по объектам дня";
      open.paragraphs = std::move(findings);
      d.sections.push_back(std::move(open));
    }
  }
  Section total;
  total.paragraphs.push_back(fmt::format("Всего: {}{}", russian::count(visits, "объект", "объекта", "объектов"),
                                         cancelled > 0 ? fmt::format("; отменено: {}.", cancelled) : "."));
  d.sections.push_back(std::move(total));
  return d;
}

}  // namespace omskplan::report
