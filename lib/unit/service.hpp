// What a user does with the register of structural units. Each write is one
// transaction; everything a user typed is parsed here.
#pragma once

#include "store/db.hpp"
#include "time/expr.hpp"
#include "unit/model.hpp"

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::unit {

struct Services {
  store::Db& db;
  const time::Context& ctx;
};

struct UnitInput {
  std::string code, name, short_name, head, parent, notes;
  std::string uuid;  // kept when importing; a new one otherwise
};
Unit add(Services& s, const UnitInput& in);

// `parent`: a unit's code, or "" / "none" for none.
struct Changes {
  std::optional<std::string> short_name, head, parent, notes;
};
Unit edit(Services& s, const std::string& ref, const Changes& c);

// A new name (and short name, code) from `on`; the old ones are kept as they
// were until then, with the act that renamed the unit.
struct Rename {
  std::string name, short_name, code, on, act;
};
Unit rename(Services& s, const std::string& ref, const Rename& r);
Unit close(Services& s, const std::string& ref, const std::string& on);
Unit reopen(Services& s, const std::string& ref);

// `ref` is a code (any case, ё = е) or "#ID"; NotFound names it, with the
// nearest code ("did you mean").
Unit resolve(Services& s, const std::string& ref);
// The same for a list "ДО,ДТ" (commas or semicolons); duplicates refused.
std::vector<Unit> resolve_list(Services& s, const std::string& refs);
// An owner as people type it where an owner is named (an event's organizer, a
// task's owner): a unit's code (any case) is that unit; something that looks
// like a code (capitals, digits, no spaces) but is none is refused with the
// nearest code; anything else is free text (nullopt).
std::optional<Unit> owner(Services& s, const std::string& typed);
// Every unit by id (closed ones too): what views need to name them.
std::map<std::int64_t, Unit> by_id(Services& s);
// `unit list`: active units (and closed ones with `all`), in tree order.
std::vector<Unit> list(Services& s, bool include_closed);

struct Card {
  Unit unit;
  std::optional<Unit> parent;
  std::vector<Unit> children;
};
Card card(Services& s, const std::string& ref);

// `unit import`: a JSON array of units as `unit list --json` prints them,
// matched by uuid, then code; all or nothing.
struct ImportResult {
  int created = 0, updated = 0, unchanged = 0;
};
ImportResult import_json(Services& s, std::istream& in, bool dry_run);

}  // namespace omskplan::unit
