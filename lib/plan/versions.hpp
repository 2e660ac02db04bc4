// The texts of a plan's versions. Version 1 is the text approved (kept whole
// when the plan is approved); version N+1 is version N with amendment N
// applied (an amendment keeps the item's text before and after it). Pure
// functions on JSON: what `plan show --as-approved`, `--version` and `plan
// diff` print.
#pragma once

#include "plan/model.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace omskplan::plan {

// An item's text as a version keeps it: number, section, text, responsible
// (unit code, person), co-executors, due (stored form and control dates),
// basis, form, and the drop (reason) when dropped. `codes` maps unit ids to codes.
nlohmann::ordered_json item_text(const Item& i, const std::map<std::int64_t, std::string>& codes);
// The plan's whole text: title, period, sections, items.
nlohmann::ordered_json plan_text(const Plan& p, const std::vector<Item>& items,
                                 const std::map<std::int64_t, std::string>& codes);
// Version `v` (1 … amendments + 1) of a plan approved as `approved`.
nlohmann::ordered_json version_text(const nlohmann::ordered_json& approved, const std::vector<Amendment>& amendments,
                                    int v);

struct FieldChange {
  std::string field, before, after;
};
struct ItemChange {
  enum class Kind { added, removed, changed };
  Kind kind = Kind::changed;
  int item_no = 0;
  std::string text;  // the item's text (the newer one)
  std::vector<FieldChange> fields;
};
// What changed from text `a` to text `b`, item by item (by number).
std::vector<ItemChange> diff(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b);

}  // namespace omskplan::plan
