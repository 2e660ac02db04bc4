#include "report/inspection_memo.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::report;

TEST_SUITE("report::inspection_memo") {
  TEST_CASE("the week's memo as a document: the week in words, a table per day, the open findings") {
    const testing::Frozen f("2024-05-10 09:00");
    inspection::WeekPlan p;
    p.week = "2024-W19";
    p.days = {time::make_date(2024, 5, 8)};
    inspection::Site s;
    s.id = 1;
    s.code = "OB-007";
    s.name = "Ремонт Юбилейного моста";
    s.address = "ул. Герцена";
    inspection::Visit v;
    v.site_id = 1;
    v.day = p.days[0];
    v.seq = 1;
    v.arrive = time::parse_datetime("2024-05-08 09:15", f.ctx).instant;
    v.depart = time::parse_datetime("2024-05-08 10:00", f.ctx).instant;
    v.agencies = {2};
    p.stops.push_back({v, s});
    inspection::MemoContext m;
    m.agencies[2] = inspection::Agency{2, "Главгосстройнадзор Омской области", inspection::AgencyKind::oversight, ""};
    inspection::Finding fi;
    fi.site_id = 1;
    fi.text = "нет ограждения";
    fi.due = time::make_date(2024, 5, 9);
    m.open_findings[1] = {fi};
    const auto d = inspection_memo(p, m, *f.ctx.zone, f.ctx.today(), {});
    CHECK(d.subtitle == "на неделю с 6 по 12 мая 2024\u00a0г.");
    REQUIRE(d.sections.size() == 3);
    CHECK(d.sections[0].heading == "8 мая 2024\u00a0г., среда");
    CHECK(d.sections[0].table->rows.at(0) ==
          std::vector<std::string>{"1", "09:15", "10:00", "OB-007 «Ремонт Юбилейного моста»", "ул. Герцена",
                                   "Главгосстройнадзор Омской области"});
    CHECK(d.sections[1].paragraphs.at(0) == "OB-007: нет ограждения, срок — 9 мая 2024\u00a0г. (просрочено)");
    CHECK(d.sections[2].paragraphs.at(0) == "Всего: 1 объект.");
    inspection::WeekPlan empty;
    empty.week = "2024-W20";
    CHECK(inspection_memo(empty, m, *f.ctx.zone, f.ctx.today(), {}).sections.at(0).paragraphs.at(0) ==
          "Выездов не запланировано.");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
