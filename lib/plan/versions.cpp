#include "plan/versions.hpp"
#include "core/words.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace omskplan::plan {

using nlohmann::ordered_json;

namespace {

std::string code_of(const std::map<std::int64_t, std::string>& codes, std::int64_t id) {
  auto it = codes.find(id);
  return it == codes.end() ? record_ref(id) : it->second;
}

std::string as_text(const ordered_json& v) {
  if (v.is_null()) {
    return "";
  }
  if (v.is_string()) {
    return v.get<std::string>();
  }
  if (v.is_array()) {
    std::vector<std::string> parts;
    for (const auto& e : v) {
      parts.push_back(as_text(e));
    }
    return text::join(parts, ", ");
  }
  return v.dump();
}

}  // namespace

ordered_json item_text(const Item& i, const std::map<std::int64_t, std::string>& codes) {
  ordered_json j;
  j["no"] = i.no;
  j["section"] = i.section;
  j["text"] = i.text;
  j["unit"] = i.unit_id ? ordered_json(code_of(codes, *i.unit_id)) : ordered_json("");
  j["person"] = i.person;
  auto co = ordered_json::array();
  for (auto id : i.co_units) {
    co.push_back(code_of(codes, id));
  }
  j["co"] = co;
  j["due"] = i.due;
  auto control = ordered_json::array();
  for (const auto& p : i.points) {
    control.push_back(time::format_date(p.due_on));
  }
  j["control"] = control;
  j["basis"] = i.basis;
  j["form"] = i.form;
  j["dropped"] = i.dropped_on ? ordered_json(i.drop_reason) : ordered_json(nullptr);
  return j;
}

ordered_json plan_text(const Plan& p, const std::vector<Item>& items, const std::map<std::int64_t, std::string>& codes) {
  ordered_json j;
  j["title"] = p.title;
  j["kind"] = to_string(p.period.kind);
  j["period"] = p.period.text;
  j["first_day"] = time::format_date(p.period.first);
  j["last_day"] = time::format_date(p.period.last);
  j["sections"] = ordered_json::array();
  for (const auto& s : p.sections) {
    j["sections"].push_back({{"key", s.key}, {"title", s.title}});
  }
  j["items"] = ordered_json::array();
  for (const auto& i : items) {
    j["items"].push_back(item_text(i, codes));
  }
  return j;
}

ordered_json version_text(const ordered_json& approved, const std::vector<Amendment>& amendments, int v) {
  if (v < 1 || v > static_cast<int>(amendments.size()) + 1) {
    throw InputError(trf("no version {}: the plan has versions 1–{}", v, amendments.size() + 1));
  }
  ordered_json text = approved;
  auto& items = text["items"];
  for (const auto& a : amendments) {
    if (a.no >= v) {
      break;
    }
    // Find the item by number; an added item is appended.
    auto it = std::find_if(items.begin(), items.end(), [&](const ordered_json& i) { return i["no"] == a.item_no; });
    if (!a.after) {
      if (it != items.end()) {
        items.erase(it);
      }
      continue;
    }
    ordered_json after = ordered_json::parse(*a.after);
    if (it == items.end()) {
      items.push_back(std::move(after));
    } else {
      *it = std::move(after);
    }
  }
  return text;
}

std::vector<ItemChange> diff(const ordered_json& a, const ordered_json& b) {
  std::map<int, const ordered_json*> before, after;
  for (const auto& i : a.at("items")) {
    before[i.at("no").get<int>()] = &i;
  }
  for (const auto& i : b.at("items")) {
    after[i.at("no").get<int>()] = &i;
  }
  std::vector<ItemChange> out;
  for (const auto& [no, i] : before) {
    if (!after.count(no)) {
      out.push_back({ItemChange::Kind::removed, no, (*i).value("text", ""), {}});
    }
  }
  for (const auto& [no, i] : after) {
    auto old = before.find(no);
    if (old == before.end()) {
      out.push_back({ItemChange::Kind::added, no, (*i).value("text", ""), {}});
      continue;
    }
    ItemChange c{ItemChange::Kind::changed, no, (*i).value("text", ""), {}};
    for (const auto& [key, value] : i->items()) {
      const ordered_json& was = old->second->contains(key) ? old->second->at(key) : ordered_json(nullptr);
      if (was != value) {
        c.fields.push_back({key, as_text(was), as_text(value)});
      }
    }
    if (!c.fields.empty()) {
      out.push_back(std::move(c));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ItemChange& x, const ItemChange& y) { return x.item_no < y.item_no; });
  return out;
}

}  // namespace omskplan::plan
