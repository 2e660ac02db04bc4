#include "unit/model.hpp"

#include "core/i18n.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>

namespace omskplan::unit {

std::string code_key(std::string_view code) { return text::fold(text::trim(code)); }

std::string check_code(std::string_view code) {
  if (code.empty()) {
    return tr("the unit code is empty");
  }
  if (code.size() > 40) {
    return trf("unit code '{}' is longer than 20 characters", code);
  }
  std::size_t pos = 0;
  std::size_t chars = 0;
  bool only_digits = true;
  while (pos < code.size()) {
    const char32_t c = text::decode_utf8(code, pos);
    ++chars;
    const bool digit = c >= U'0' && c <= U'9';
    const bool latin = (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
    const bool cyrillic = (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451;
    const bool punct = c == U'-' || c == U'.' || c == U'_' || c == U'/';
    if (!(digit || latin || cyrillic || punct)) {
      return trf("unit code '{}' may have only letters, digits and - . _ /", text::for_terminal(code, 40));
    }
    only_digits = only_digits && digit;
  }
  if (chars > 20) {
    return trf("unit code '{}' is longer than 20 characters", code);
  }
  if (only_digits) {
    return trf("unit code '{}' is only digits; a code has a letter (a number is an id)", code);
  }
  return {};
}

Names names_on(const Unit& u, time::Date day) {
  for (const auto& f : u.former) {
    if (day < f.until) {
      return {f.code, f.name, f.short_name};
    }
  }
  return {u.code, u.name, u.short_name};
}

std::string label(const Unit& u) { return u.short_name.empty() ? u.name : u.short_name; }

std::vector<TreeRow> tree(const std::vector<Unit>& all) {
  std::map<std::int64_t, const Unit*> by_id;
  for (const auto& u : all) {
    by_id[u.id] = &u;
  }
  std::map<std::int64_t, std::vector<const Unit*>> children;  // 0: roots
  for (const auto& u : all) {
    const std::int64_t parent = u.parent_id && by_id.count(*u.parent_id) ? *u.parent_id : 0;
    children[parent].push_back(&u);
  }
  for (auto& [parent, list] : children) {
    std::sort(list.begin(), list.end(),
              [](const Unit* a, const Unit* b) { return russian::collate_less(a->code, b->code); });
  }
  std::vector<TreeRow> out;
  out.reserve(all.size());
  // Iterative depth-first walk; `seen` stops a cycle (the service refuses
  // them, but a listing must never loop).
  std::map<std::int64_t, bool> seen;
  std::vector<TreeRow> stack;
  const auto push_children = [&](std::int64_t parent, int depth) {
    auto it = children.find(parent);
    if (it == children.end()) {
      return;
    }
    for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) {
      stack.push_back({*c, depth});
    }
  };
  push_children(0, 0);
  while (!stack.empty()) {
    const TreeRow row = stack.back();
    stack.pop_back();
    if (seen[row.unit->id]) {
      continue;
    }
    seen[row.unit->id] = true;
    out.push_back(row);
    push_children(row.unit->id, row.depth + 1);
  }
  // Units on a cycle are reached from no root: list them at the top level.
  for (const auto& u : all) {
    if (!seen[u.id]) {
      seen[u.id] = true;
      out.push_back({&u, 0});
    }
  }
  return out;
}

}  // namespace omskplan::unit
