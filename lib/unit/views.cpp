#include "unit/views.hpp"
#include "core/words.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace omskplan::unit {

namespace {

std::map<std::int64_t, std::string> code_map(const std::vector<Unit>& units) {
  std::map<std::int64_t, std::string> out;
  for (const auto& u : units) {
    out[u.id] = u.code;
  }
  return out;
}

std::string code_of(const std::map<std::int64_t, std::string>& codes, const std::optional<std::int64_t>& id) {
  if (!id) {
    return "";
  }
  auto it = codes.find(*id);
  return it == codes.end() ? record_ref(*id) : it->second;
}

}  // namespace

render::Table units_table(const std::vector<Unit>& units, time::Date today) {
  render::Table t;
  t.columns = {{"code", N_("CODE")},       {"name", N_("NAME"), false, 70}, {"short_name", N_("SHORT NAME"), false, 40},
               {"head", N_("HEAD"), false, 30}, {"parent", N_("PARENT")},    {"status", N_("STATUS")}};
  const auto codes = code_map(units);
  const auto tree_rows = tree(units);
  std::map<std::int64_t, int> depth;
  for (const auto& r : tree_rows) {
    depth[r.unit->id] = r.depth;
  }
  for (const auto& u : units) {
    const bool active = u.active_on(today);
    t.add({u.code, std::string(static_cast<std::size_t>(2 * depth[u.id]), ' ') + u.name, u.short_name, u.head,
           code_of(codes, u.parent_id),
           active ? tr("active") : trf("closed {}", time::format_date(*u.closed_on))},
          active ? render::Tone::plain : render::Tone::dim);
  }
  return t;
}

nlohmann::ordered_json unit_json(const Unit& u, const std::map<std::int64_t, std::string>& codes) {
  nlohmann::ordered_json j;
  j["id"] = u.id;
  j["uuid"] = u.uuid;
  j["code"] = u.code;
  j["name"] = u.name;
  j["short_name"] = u.short_name;
  j["head"] = u.head;
  j["parent"] = code_of(codes, u.parent_id);
  j["closed_on"] = u.closed_on ? nlohmann::ordered_json(time::format_date(*u.closed_on)) : nullptr;
  j["notes"] = u.notes;
  j["former"] = nlohmann::ordered_json::array();
  for (const auto& f : u.former) {
    j["former"].push_back({{"code", f.code},
                           {"name", f.name},
                           {"short_name", f.short_name},
                           {"until", time::format_date(f.until)},
                           {"act", f.act}});
  }
  return j;
}

nlohmann::ordered_json units_json(const std::vector<Unit>& units) {
  const auto codes = code_map(units);
  auto out = nlohmann::ordered_json::array();
  for (const auto& u : units) {
    out.push_back(unit_json(u, codes));
  }
  return out;
}

std::string card_text(const Card& c, time::Date today) {
  const Unit& u = c.unit;
  std::string out;
  const auto line = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) {
      out += text::label(label, 16) + value + "\n";
    }
  };
  line(tr("Unit"), fmt::format("{} — {}", u.code, u.name));
  line(tr("Short name"), u.short_name);
  line(tr("Head"), u.head);
  line(tr("Parent"), c.parent ? fmt::format("{} — {}", c.parent->code, c.parent->name) : "");
  line(tr("Status"), u.active_on(today) ? tr("active") : trf("closed {}", time::format_date(*u.closed_on)));
  line(tr("Notes"), u.notes);
  if (!c.children.empty()) {
    out += std::string(tr("Subordinate units:")) + "\n";
    for (const auto& ch : c.children) {
      out += fmt::format("  {} — {}\n", ch.code, ch.name);
    }
  }
  if (!u.former.empty()) {
    out += std::string(tr("Former names:")) + "\n";
    for (const auto& f : u.former) {
      out += "  " + trf("until {}: {} — {}", time::format_date(f.until), f.code, f.name) +
             (f.act.empty() ? "" : fmt::format(" ({})", f.act)) + "\n";
    }
  }
  return out;
}

nlohmann::ordered_json card_json(const Card& c) {
  std::map<std::int64_t, std::string> codes;
  codes[c.unit.id] = c.unit.code;
  if (c.parent) {
    codes[c.parent->id] = c.parent->code;
  }
  auto j = unit_json(c.unit, codes);
  j["children"] = nlohmann::ordered_json::array();
  for (const auto& ch : c.children) {
    j["children"].push_back({{"code", ch.code}, {"name", ch.name}});
  }
  return j;
}

}  // namespace omskplan::unit
