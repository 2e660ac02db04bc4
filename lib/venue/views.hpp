// Venues as tables, cards and JSON.
#pragma once

#include "render/table.hpp"
#include "venue/model.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace omskplan::venue {

render::Table venues_table(const std::vector<Venue>& venues);
nlohmann::ordered_json venue_json(const Venue& v);
nlohmann::ordered_json venues_json(const std::vector<Venue>& venues);
std::string venue_card(const Venue& v);

}  // namespace omskplan::venue
