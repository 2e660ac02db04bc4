// Plans as tables, texts and JSON: the plan by sections, its versions and
// their differences, what is due, execution discipline.
#pragma once

#include "plan/service.hpp"
#include "render/table.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace omskplan::plan {

// The plan templates: "id (kind): title" and their sections; JSON with the origin of each.
std::string templates_text(const std::vector<PlanTemplate>& list);
nlohmann::ordered_json templates_json(const std::vector<PlanTemplate>& list);


render::Table plans_table(const std::vector<PlanRow>& rows);
nlohmann::ordered_json plans_json(const std::vector<PlanRow>& rows);

// The plan in the terminal: its heading, approval, then each section with its items.
std::string plan_text(const PlanView& v, time::Date today);
// One row per item (csv, md): section, number, text, due, control dates, units, status.
render::Table items_table(const PlanView& v, time::Date today);
nlohmann::ordered_json plan_json(const PlanView& v, time::Date today);
// An item's card: its fields, control points, postponements, amendments.
std::string item_card(const PlanView& v, const Item& i, time::Date today);
nlohmann::ordered_json item_json(const PlanView& v, const Item& i, time::Date today);

// A version's text (version.hpp), by sections.
std::string version_text(const nlohmann::ordered_json& text, int version);
std::string diff_text(const std::vector<ItemChange>& changes, int from, int to);
nlohmann::ordered_json diff_json(const std::vector<ItemChange>& changes, int from, int to);
render::Table amendments_table(const std::vector<Amendment>& as);

// The plan items an event realises, for its card: "Plan items:" and a line each ("" when none).
std::string linked_items_text(const std::vector<LinkedItem>& items, time::Date today);
nlohmann::ordered_json linked_items_json(const std::vector<LinkedItem>& items, time::Date today);

render::Table due_table(const DueReport& r);
nlohmann::ordered_json due_json(const DueReport& r);
render::Table control_table(const ControlReport& r);
nlohmann::ordered_json control_json(const ControlReport& r);

}  // namespace omskplan::plan
