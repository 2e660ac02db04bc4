#include "plan/versions.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::plan;
using nlohmann::ordered_json;

namespace {

Item item(int no, std::string text, std::string due) {
  Item i;
  i.no = no;
  i.section = "meetings";
  i.text = std::move(text);
  i.due = std::move(due);
  i.unit_id = 1;
  i.co_units = {2};
  return i;
}

}  // namespace

TEST_SUITE("plan/versions") {
  TEST_CASE("versions: the approved text with the amendments before them applied; diff by item") {
    Plan p;
    p.title = "План";
    p.period.text = "2024-Q2";
    p.sections = {{1, "meetings", "Совещания"}};
    const std::map<std::int64_t, std::string> codes{{1, "ДК"}, {2, "ДО"}};
    const auto approved = plan_text(p, {item(1, "Первый", "2024-04"), item(2, "Второй", "period")}, codes);
    CHECK(approved["items"][0]["unit"] == "ДК");
    CHECK(approved["items"][0]["co"][0] == "ДО");

    std::vector<Amendment> as;
    Amendment add;
    add.no = 1;
    add.kind = AmendmentKind::add;
    add.item_no = 3;
    add.after = item_text(item(3, "Третий", "2024-05-15"), codes).dump();
    as.push_back(add);
    Amendment edit;
    edit.no = 2;
    edit.kind = AmendmentKind::edit;
    edit.item_no = 1;
    edit.before = item_text(item(1, "Первый", "2024-04"), codes).dump();
    edit.after = item_text(item(1, "Первый, уточнённый", "2024-04"), codes).dump();
    as.push_back(edit);

    CHECK(version_text(approved, as, 1) == approved);
    CHECK(version_text(approved, as, 2)["items"].size() == 3);
    CHECK(version_text(approved, as, 2)["items"][0]["text"] == "Первый");
    CHECK(version_text(approved, as, 3)["items"][0]["text"] == "Первый, уточнённый");
    CHECK_THROWS_AS(version_text(approved, as, 4), InputError);
    CHECK_THROWS_AS(version_text(approved, as, 0), InputError);

    const auto changes = diff(version_text(approved, as, 1), version_text(approved, as, 3));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].kind == ItemChange::Kind::changed);
    CHECK(changes[0].item_no == 1);
    REQUIRE(changes[0].fields.size() == 1);
    CHECK(changes[0].fields[0].field == "text");
    CHECK(changes[0].fields[0].after == "Первый, уточнённый");
    CHECK(changes[1].kind == ItemChange::Kind::added);
    CHECK(diff(approved, approved).empty());
    const auto back = diff(version_text(approved, as, 3), approved);
    CHECK(back[1].kind == ItemChange::Kind::removed);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
