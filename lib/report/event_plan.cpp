#include "report/event_plan.hpp"
#include "core/i18n.hpp"
#include "event/recurrence.hpp"
#include "event/views.hpp"

#include "core/russian.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>

#include <algorithm>


namespace omskplan::report {

namespace {

// «5 августа 2023 г., 10:00–18:00», «5–6 августа 2023 г.», «30 декабря 2023 г. – 2 января 2024 г.».
std::string when(const event::Event& e, const time::TimeZone& zone) {
  const auto s = zone.to_local(e.start);
  // An all-day event ends at the midnight after its last day.
  const auto last = e.all_day ? zone.to_local(e.end - std::chrono::seconds{1}) : zone.to_local(e.end);
  const time::Date d1 = time::local_date(s), d2 = time::local_date(last);
  if (d1 == d2) {
    return russian::format_date(d1) +
           (e.all_day ? "" : fmt::format(", {}–{}", time::format_clock(s), time::format_clock(last)));
  }
  const std::string span = russian::span_phrase(d1, d2);  // «с 5 по 6 августа 2023 г.»
  return span + (e.all_day ? "" : fmt::format(", начало в {}", time::format_clock(s)));
}

std::string task_mark(const event::Task& t, time::Date today) {
  switch (t.status) {
    case event::TaskStatus::done:
      return t.done_on ? "исполнено " + time::format_dotted(*t.done_on) : "исполнено";
    case event::TaskStatus::cancelled:
      return "отменено";
    case event::TaskStatus::todo:
      break;
  }
  return t.due < today ? "просрочено" : "в работе";
}

}  // namespace

Document event_plan(const event::Event& e, const time::TimeZone& zone, time::Date today, const Signatures& sig) {
  Document d;
  d.id = "event-plan";
  d.title = "План подготовки и проведения мероприятия";
  d.subtitle = russian::quoted(e.title);
  d.approval = blank_approval(sig);
  d.executor = executor_line(sig);

  Section about;
  about.sheet = "План";
  const std::string date = when(e, zone);
  // «… 2024 г.» ends the sentence itself.
  about.paragraphs.push_back((e.repeat ? "Первое проведение: " : "Дата и время проведения: ") + date +
                             (date.ends_with('.') ? "" : "."));
  if (e.repeat) {
    // The document is in Russian whatever the interface's language.
    const std::string lang(i18n::language());
    i18n::use("ru");
    std::string rule;
    try {
      rule = event::describe_rule(event::rule_of(e));
    } catch (const InputError&) {
      rule = e.repeat->rule;
    }
    i18n::use(lang);
    static constexpr std::array<const char*, 4> kDaysOff{
        "в выходные и нерабочие праздничные дни не проводится", "в выходной день переносится на предыдущий рабочий день",
        "в выходной день переносится на следующий рабочий день", "проводится и в выходные дни"};
    about.paragraphs.push_back("Периодичность: " + rule + "; " +
                               kDaysOff[static_cast<std::size_t>(e.repeat->days_off)] + ".");
  }
  if (!e.venue.empty()) {
    about.paragraphs.push_back("Место проведения: " + e.venue + ".");
  }
  if (!e.organizer.empty()) {
    about.paragraphs.push_back("Ответственный за подготовку и проведение: " + e.organizer + ".");
  }
  d.sections.push_back(std::move(about));

  int n = 0;
  if (!e.tasks.empty()) {
    Section s;
    s.heading = fmt::format("{}. Подготовительные мероприятия", ++n);
    DataTable t;
    t.columns = {{"no", "№\u00A0п/п", Type::count, 1},
                 {"what", "Наименование мероприятия", Type::text, 7},
                 {"owner", "Ответственный", Type::text, 4},
                 {"due", "Срок исполнения", Type::date, 3},
                 {"mark", "Отметка об исполнении", Type::text, 3}};
    for (const event::Task* tp : event::tasks_by_due(e)) {
      const event::Task& task = *tp;
      t.rows.push_back({std::to_string(task.no), task.title, task.owner, "до " + russian::format_date(task.due),
                        task_mark(task, today)});
      t.values.push_back({static_cast<double>(task.no), kNoValue, kNoValue,
                          static_cast<double>(task.due.time_since_epoch().count()), kNoValue});
    }
    s.table = std::move(t);
    d.sections.push_back(std::move(s));
  }
  if (!e.program.empty()) {
    Section s;
    s.heading = fmt::format("{}. Программа проведения", ++n);
    s.sheet = "Программа";
    DataTable t;
    const bool places = std::any_of(e.program.begin(), e.program.end(), [](const auto& p) { return !p.venue.empty(); });
    t.columns = {{"time", "Время", Type::text, 2}, {"what", "Содержание", Type::text, 8},
                 {"responsible", "Ответственный", Type::text, 4}};
    if (places) {
      t.columns.push_back({"venue", "Место", Type::text, 4});
    }
    for (const auto& p : e.program) {
      const auto at = zone.to_local(p.at);
      std::string time_text = time::format_clock(at);
      if (p.duration.count() > 0) {
        time_text += "–" + time::format_clock(zone.to_local(p.at + p.duration));
      }
      t.rows.push_back({time_text, p.title, p.responsible});
      t.values.push_back({kNoValue, kNoValue, kNoValue});
      if (places) {
        t.rows.back().push_back(p.venue);
        t.values.back().push_back(kNoValue);
      }
    }
    s.table = std::move(t);
    d.sections.push_back(std::move(s));
  }
  if (!e.parts.empty()) {
    // The programme of parts: each an event at its own place, with its own guests.
    Section s;
    s.heading = fmt::format("{}. Программа по площадкам", ++n);
    s.sheet = "Площадки";
    DataTable t;
    t.columns = {{"no", "№\u00A0п/п", Type::count, 1}, {"time", "Время", Type::text, 2},
                 {"what", "Мероприятие", Type::text, 7}, {"venue", "Место проведения", Type::text, 4},
                 {"vips", "Участие руководства", Type::text, 4}};
    int k = 0;
    for (const auto& p : e.parts) {
      std::string vips;
      for (const auto& who : p.participants) {
        if (who.vip) {
          vips += (vips.empty() ? "" : ", ") + who.who;
        }
      }
      const auto ls = zone.to_local(p.start);
      const auto le = zone.to_local(p.end);
      const std::string when = time::local_date(ls) == time::local_date(zone.to_local(e.start))
                                   ? fmt::format("{}–{}", time::format_clock(ls), time::format_clock(le))
                                   : fmt::format("{} {}–{}", time::format_dotted(time::local_date(ls)),
                                                 time::format_clock(ls), time::format_clock(le));
      t.rows.push_back({std::to_string(++k), when, p.title, p.venue, vips});
      t.values.push_back({static_cast<double>(k), kNoValue, kNoValue, kNoValue, kNoValue});
    }
    s.table = std::move(t);
    d.sections.push_back(std::move(s));
  }
  if (!e.participants.empty()) {
    Section s;
    s.heading = fmt::format("{}. Участники", ++n);
    s.sheet = "Участники";
    DataTable t;
    t.columns = {{"no", "№\u00A0п/п", Type::count, 1}, {"who", "Участник", Type::text, 6},
                 {"role", "Участие", Type::text, 6}};
    int k = 0;
    for (const auto& p : e.participants) {
      ++k;
      t.rows.push_back({std::to_string(k), p.who, p.role.empty() ? (p.vip ? "почётный гость" : "") : p.role});
      t.values.push_back({static_cast<double>(k), kNoValue, kNoValue});
    }
    s.table = std::move(t);
    d.sections.push_back(std::move(s));
  }
  return d;
}

}  // namespace omskplan::report
