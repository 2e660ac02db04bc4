// The Administration's structural units (departments, committees,
// directorates): the one vocabulary of owners for plans, tasks, events and
// findings. A unit is never deleted: it is closed, and a rename keeps the
// names it had (a plan of 2023 prints the name the unit had then).
#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::unit {

struct FormerName {
  std::string code, name, short_name;
  time::Date until;  // valid before this day
  std::string act;   // the act that renamed it
};

struct Unit {
  std::int64_t id = 0;
  std::string uuid;
  std::string code;        // "ДК"
  std::string name;        // in the nominative: "Департамент культуры Администрации города Омска"
  std::string short_name;  // "департамент культуры"
  std::string head;        // "Иванова И. И."
  std::optional<std::int64_t> parent_id;
  std::optional<time::Date> closed_on;
  std::string notes;
  std::vector<FormerName> former;  // oldest first
  time::Instant created, updated;

  bool active_on(time::Date d) const { return !closed_on || d < *closed_on; }
};

// The key a code is looked up by: case and ё folded, spaces trimmed ("дк" finds ДК).
std::string code_key(std::string_view code);
// Empty when `code` is a valid unit code, else what is wrong with it: 1–20
// letters, digits, '-', '.', '_' or '/', not only digits (a number is an id).
std::string check_code(std::string_view code);

// The names in force on `day` (a former name when renamed after it).
struct Names {
  std::string code, name, short_name;
};
Names names_on(const Unit& u, time::Date day);
// What a table shows for a unit: its short name, else its name.
std::string label(const Unit& u);

// Units in the order of their tree (a parent before its children, siblings by
// code), each with its depth; a unit whose parent is not in `all` is a root.
struct TreeRow {
  const Unit* unit;
  int depth;
};
std::vector<TreeRow> tree(const std::vector<Unit>& all);

}  // namespace omskplan::unit
