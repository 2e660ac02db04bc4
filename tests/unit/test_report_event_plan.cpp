#include "report/event_plan.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::report;

namespace {

event::Event city_day(const time::TimeZone& zone) {
  event::Event e;
  e.id = 8;
  e.title = "День города Омска — 308-летие со дня основания";
  e.start = zone.to_instant(time::LocalTime{time::make_date(2024, 8, 3).time_since_epoch()} + std::chrono::hours{10});
  e.end = e.start + std::chrono::hours{8};
  e.venue = "Соборная площадь";
  e.organizer = "ДК";
  event::Task done;
  done.no = 1;
  done.title = "Утвердить программу праздника";
  done.owner = "ДК";
  done.due = time::make_date(2024, 7, 1);
  done.status = event::TaskStatus::done;
  done.done_on = time::make_date(2024, 6, 28);
  event::Task late = done;
  late.no = 2;
  late.title = "Согласовать перекрытие улиц";
  late.owner = "ДТ";
  late.due = time::make_date(2024, 7, 20);
  late.status = event::TaskStatus::todo;
  late.done_on.reset();
  e.tasks = {done, late};
  event::ProgramItem p;
  p.no = 1;
  p.at = e.start;
  p.duration = time::Minutes{30};
  p.title = "Торжественное открытие";
  p.responsible = "ДК";
  e.program = {p};
  e.participants = {{"Мэр города Омска", "", true}, {"Губернатор Омской области", "приветствие", true}};
  return e;
}

}  // namespace

TEST_SUITE("report::event_plan") {
  TEST_CASE("an event as «План подготовки и проведения»: approval, tasks by when, run of show, participants") {
    const testing::Frozen f("2024-07-25 09:00");
    Signatures sig;
    sig.approver_name = "С. Г. Шелест";
    sig.executor = "Иванова А. П.";
    const auto d = event_plan(city_day(*f.ctx.zone), *f.ctx.zone, time::make_date(2024, 7, 25), sig);
    CHECK(d.title == "План подготовки и проведения мероприятия");
    CHECK(d.subtitle == "«День города Омска — 308-летие со дня основания»");
    REQUIRE(d.approval);
    CHECK(d.approval->signature == "_______________ С. Г. Шелест");
    CHECK(d.executor == "Исполнитель: Иванова А. П.");
    REQUIRE(d.sections.size() == 4);
    CHECK(d.sections[0].paragraphs.at(0) == "Дата и время проведения: 3 августа 2024\u00a0г., 10:00–18:00.");
    CHECK(d.sections[0].paragraphs.at(1) == "Место проведения: Соборная площадь.");
    const auto& tasks = *d.sections[1].table;
    CHECK(d.sections[1].heading == "1. Подготовительные мероприятия");
    CHECK(tasks.rows[0] == std::vector<std::string>{"1", "Утвердить программу праздника", "ДК", "до 1 июля 2024\u00a0г.",
                                                    "исполнено 28.06.2024"});
    CHECK(tasks.rows[1][4] == "просрочено");
    CHECK(cell_value(tasks, 1, 3) == doctest::Approx(static_cast<double>(time::make_date(2024, 7, 20).time_since_epoch().count())));
    CHECK(d.sections[2].table->rows[0] == std::vector<std::string>{"10:00–10:30", "Торжественное открытие", "ДК"});
    CHECK(d.sections[3].table->rows[0][2] == "почётный гость");
    CHECK(d.sections[3].table->rows[1][2] == "приветствие");
    // Every writer takes it; Markdown escapes, DOCX holds the title.
    CHECK(to_markdown(d).find("# План подготовки и проведения мероприятия") != std::string::npos);
    CHECK(to_html(d).find("до 20 июля 2024\u00a0г.") != std::string::npos);
  }

  TEST_CASE("an event without tasks, program or participants is a short document, not an empty table") {
    const testing::Frozen f("2024-07-25 09:00");
    event::Event e = city_day(*f.ctx.zone);
    e.tasks.clear();
    e.program.clear();
    e.participants.clear();
    e.all_day = true;
    e.end = e.start + std::chrono::hours{24 + 14};
    const auto d = event_plan(e, *f.ctx.zone, time::make_date(2024, 7, 25), {});
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].paragraphs.at(0) == "Дата и время проведения: с 3 по 4 августа 2024\u00a0г.");
    CHECK(d.executor.empty());
    CHECK(d.approval->signature == "_______________ И. О. Фамилия");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
