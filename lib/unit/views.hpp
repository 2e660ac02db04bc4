// Units as tables, cards and JSON.
#pragma once

#include "render/table.hpp"
#include "unit/service.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace omskplan::unit {

// `units` in tree order (unit::list); names indented by depth.
render::Table units_table(const std::vector<Unit>& units, time::Date today);
// What `unit import` reads back: code, names, head, parent's code, closed_on, former names.
nlohmann::ordered_json units_json(const std::vector<Unit>& units);
nlohmann::ordered_json unit_json(const Unit& u, const std::map<std::int64_t, std::string>& codes);
std::string card_text(const Card& c, time::Date today);
nlohmann::ordered_json card_json(const Card& c);

}  // namespace omskplan::unit
