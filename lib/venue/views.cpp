#include "venue/views.hpp"
#include "core/words.hpp"
#include "core/i18n.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

namespace omskplan::venue {

namespace {

std::string point(const Venue& v) { return v.lat ? fmt::format("{:.5f}, {:.5f}", *v.lat, *v.lon) : ""; }

std::string joined(const std::vector<std::string>& xs) {
  std::string out;
  for (const auto& x : xs) {
    out += (out.empty() ? "" : "; ") + x;
  }
  return out;
}

}  // namespace

render::Table venues_table(const std::vector<Venue>& venues) {
  render::Table t;
  t.columns = {{"id", N_("ID"), true},
               {"name", N_("NAME"), false, 50},
               {"aliases", N_("ALSO CALLED"), false, 50},
               {"address", N_("ADDRESS"), false, 50},
               {"point", N_("POINT")},
               {"capacity", N_("CAPACITY"), true},
               {"owner", N_("OWNER"), false, 30}};
  for (const auto& v : venues) {
    t.add({std::to_string(v.id), v.name, joined(v.aliases), v.address, point(v),
           v.capacity ? std::to_string(*v.capacity) : "", v.owner});
  }
  return t;
}

nlohmann::ordered_json venue_json(const Venue& v) {
  nlohmann::ordered_json j;
  j["id"] = v.id;
  j["uuid"] = v.uuid;
  j["name"] = v.name;
  j["aliases"] = v.aliases;
  j["address"] = v.address;
  j["lat"] = v.lat ? nlohmann::ordered_json(*v.lat) : nullptr;
  j["lon"] = v.lon ? nlohmann::ordered_json(*v.lon) : nullptr;
  j["capacity"] = v.capacity ? nlohmann::ordered_json(*v.capacity) : nullptr;
  j["owner"] = v.owner;
  j["notes"] = v.notes;
  return j;
}

nlohmann::ordered_json venues_json(const std::vector<Venue>& venues) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& v : venues) {
    arr.push_back(venue_json(v));
  }
  return arr;
}

std::string venue_card(const Venue& v) {
  std::string out = card_heading(v.id, v.name) + "\n";
  const int width = i18n::language() == "ru" ? 16 : 12;
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) {
      out += "  " + text::label(tr(name), width) + value + "\n";
    }
  };
  field(N_("also called"), joined(v.aliases));
  field(N_("address"), v.address);
  field(N_("point"), point(v));
  field(N_("capacity"), v.capacity ? std::to_string(*v.capacity) : "");
  field(N_("owner"), v.owner);
  field(N_("notes"), v.notes);
  return out;
}

}  // namespace omskplan::venue
