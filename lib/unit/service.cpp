#include "unit/service.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"
#include "unit/repository.hpp"

#include <fmt/format.h>

#include <set>

namespace omskplan::unit {

namespace {

constexpr std::size_t kMaxName = 1000;
constexpr std::size_t kMaxNotes = 100000;

void validate(const Unit& u) {
  if (auto e = check_code(u.code); !e.empty()) {
    throw InputError(e);
  }
  if (text::trim(u.name).empty()) {
    throw InputError(trf("unit {}: the name is empty", u.code));
  }
  text::check_field(tr("the name"), u.name, kMaxName, true);
  text::check_field(tr("the short name"), u.short_name, kMaxName, true);
  text::check_field(tr("the head"), u.head, kMaxName, true);
  text::check_field(tr("the notes"), u.notes, kMaxNotes, false);
}

void check_code_free(Services& s, const Unit& u) {
  if (auto other = repo::find_by_code(s.db, code_key(u.code)); other && other->id != u.id) {
    throw InputError(trf("unit code {} is taken: «{}»", u.code, other->name));
  }
}

bool is_none(const std::string& ref) {
  const std::string t = text::fold(text::trim(ref));
  return t.empty() || t == "none" || t == "нет" || t == "-";
}

// The parent a user names for `u`; refused when it would make a cycle.
std::optional<std::int64_t> parent_for(Services& s, const Unit& u, const std::string& ref) {
  if (is_none(ref)) {
    return std::nullopt;
  }
  const Unit p = resolve(s, ref);
  if (p.id == u.id && u.id != 0) {
    throw InputError(trf("unit {} cannot be its own parent", u.code));
  }
  // Walk up from the parent: reaching `u` would close a cycle.
  std::set<std::int64_t> seen;
  std::optional<std::int64_t> at = p.id;
  while (at && u.id != 0) {
    if (*at == u.id) {
      throw InputError(trf("unit {} cannot be under {}: {} is already under {}", u.code, p.code, p.code, u.code));
    }
    if (!seen.insert(*at).second) {
      break;
    }
    const auto up = repo::load(s.db, *at);
    at = up ? up->parent_id : std::nullopt;
  }
  return p.id;
}

Unit stamp(Services& s, Unit u) {
  u.updated = s.ctx.now;
  return u;
}

}  // namespace

Unit resolve(Services& s, const std::string& ref) {
  const std::string t = text::trim(ref);
  if (t.size() > 1 && t[0] == '#') {
    try {
      std::size_t used = 0;
      const long long id = std::stoll(t.substr(1), &used);
      if (used == t.size() - 1) {
        if (auto u = repo::load(s.db, id)) {
          return *u;
        }
        throw NotFound(trf("no unit #{}", id));
      }
    } catch (const std::logic_error&) {
    }
  }
  if (auto u = repo::find_by_code(s.db, code_key(t))) {
    return *u;
  }
  const std::string near = text::closest(code_key(t), [&] {
    std::vector<std::string> keys;
    for (const auto& c : repo::codes(s.db)) {
      keys.push_back(code_key(c));
    }
    return keys;
  }());
  if (!near.empty()) {
    const auto u = repo::find_by_code(s.db, near);
    throw NotFound(trf("no unit with code '{}'; did you mean {}?", text::for_terminal(t, 40), u ? u->code : near));
  }
  throw NotFound(trf("no unit with code '{}' (omskplan unit list shows them)", text::for_terminal(t, 40)));
}

std::optional<Unit> owner(Services& s, const std::string& typed) {
  const std::string t = text::trim(typed);
  if (t.empty()) {
    return std::nullopt;
  }
  if (auto u = repo::find_by_code(s.db, code_key(t))) {
    return u;
  }
  // A code: valid as one, with no lower-case letter (ДК, УМВД-2), while there are units to name.
  const bool looks_like_code = check_code(t).empty() && text::fold(t) != t && [&] {
    std::size_t pos = 0;
    while (pos < t.size()) {
      const char32_t c = text::decode_utf8(t, pos);
      if ((c >= U'a' && c <= U'z') || (c >= 0x0430 && c <= 0x044F) || c == 0x0451) {
        return false;
      }
    }
    return true;
  }();
  if (looks_like_code && !repo::codes(s.db).empty()) {
    return resolve(s, t);  // NotFound with "did you mean"
  }
  return std::nullopt;
}

std::vector<Unit> resolve_list(Services& s, const std::string& refs) {
  std::vector<Unit> out;
  std::set<std::int64_t> seen;
  std::string norm = refs;
  std::replace(norm.begin(), norm.end(), ';', ',');
  for (const auto& part : text::split(norm, ',')) {
    if (text::trim(part).empty()) {
      continue;
    }
    Unit u = resolve(s, part);
    if (!seen.insert(u.id).second) {
      throw InputError(trf("unit {} is named twice", u.code));
    }
    out.push_back(std::move(u));
  }
  return out;
}

Unit add(Services& s, const UnitInput& in) {
  store::WriteTransaction tx(s.db);
  Unit u;
  u.uuid = in.uuid.empty() ? new_uuid() : in.uuid;
  u.code = text::trim(in.code);
  u.name = text::trim(in.name);
  u.short_name = text::trim(in.short_name);
  u.head = text::trim(in.head);
  u.notes = in.notes;
  u.created = u.updated = s.ctx.now;
  validate(u);
  check_code_free(s, u);
  u.parent_id = parent_for(s, u, in.parent);
  repo::insert(s.db, u);
  tx.commit();
  return u;
}

Unit edit(Services& s, const std::string& ref, const Changes& c) {
  store::WriteTransaction tx(s.db);
  const Unit before = resolve(s, ref);
  Unit u = before;
  if (c.short_name) {
    u.short_name = text::trim(*c.short_name);
  }
  if (c.head) {
    u.head = text::trim(*c.head);
  }
  if (c.notes) {
    u.notes = *c.notes;
  }
  if (c.parent) {
    u.parent_id = parent_for(s, u, *c.parent);
  }
  validate(u);
  repo::update(s.db, before, stamp(s, u));
  tx.commit();
  return u;
}

Unit rename(Services& s, const std::string& ref, const Rename& r) {
  store::WriteTransaction tx(s.db);
  const Unit before = resolve(s, ref);
  Unit u = before;
  const time::Date on = text::trim(r.on).empty() ? s.ctx.today() : time::parse_date(r.on, s.ctx);
  if (!u.former.empty() && on <= u.former.back().until) {
    throw InputError(trf("unit {} was last renamed on {}; a new name takes effect after that", u.code,
                         time::format_date(u.former.back().until)));
  }
  if (text::trim(r.name).empty() && text::trim(r.short_name).empty() && text::trim(r.code).empty()) {
    throw InputError(tr("a rename needs --name, --short or --code"));
  }
  u.former.push_back(FormerName{u.code, u.name, u.short_name, on, text::trim(r.act)});
  if (!text::trim(r.name).empty()) {
    u.name = text::trim(r.name);
  }
  if (!text::trim(r.short_name).empty()) {
    u.short_name = text::trim(r.short_name);
  }
  if (!text::trim(r.code).empty()) {
    u.code = text::trim(r.code);
  }
  text::check_field(tr("the act"), r.act, kMaxName, true);
  validate(u);
  check_code_free(s, u);
  if (u.code == before.code && u.name == before.name && u.short_name == before.short_name) {
    throw InputError(trf("unit {} already has these names", u.code));
  }
  repo::update(s.db, before, stamp(s, u));
  tx.commit();
  return u;
}

Unit close(Services& s, const std::string& ref, const std::string& on) {
  store::WriteTransaction tx(s.db);
  const Unit before = resolve(s, ref);
  if (before.closed_on) {
    throw InputError(trf("unit {} is closed already (on {})", before.code, time::format_date(*before.closed_on)));
  }
  Unit u = before;
  u.closed_on = text::trim(on).empty() ? s.ctx.today() : time::parse_date(on, s.ctx);
  repo::update(s.db, before, stamp(s, u));
  tx.commit();
  return u;
}

Unit reopen(Services& s, const std::string& ref) {
  store::WriteTransaction tx(s.db);
  const Unit before = resolve(s, ref);
  if (!before.closed_on) {
    throw InputError(trf("unit {} is not closed", before.code));
  }
  Unit u = before;
  u.closed_on.reset();
  repo::update(s.db, before, stamp(s, u));
  tx.commit();
  return u;
}

std::map<std::int64_t, Unit> by_id(Services& s) {
  store::ReadTransaction rt(s.db);
  std::map<std::int64_t, Unit> out;
  for (auto& u : repo::all(s.db)) {
    const auto id = u.id;
    out.emplace(id, std::move(u));
  }
  return out;
}

std::vector<Unit> list(Services& s, bool include_closed) {
  store::ReadTransaction rt(s.db);
  std::vector<Unit> all = repo::all(s.db);
  if (!include_closed) {
    const time::Date today = s.ctx.today();
    all.erase(std::remove_if(all.begin(), all.end(), [&](const Unit& u) { return !u.active_on(today); }), all.end());
  }
  std::vector<Unit> out;
  out.reserve(all.size());
  for (const auto& row : tree(all)) {
    out.push_back(*row.unit);
  }
  return out;
}

Card card(Services& s, const std::string& ref) {
  store::ReadTransaction rt(s.db);
  Card c{resolve(s, ref), std::nullopt, {}};
  if (c.unit.parent_id) {
    c.parent = repo::load(s.db, *c.unit.parent_id);
  }
  for (auto& u : repo::all(s.db)) {
    if (u.parent_id == c.unit.id) {
      c.children.push_back(std::move(u));
    }
  }
  return c;
}

ImportResult import_json(Services& s, std::istream& in, bool dry_run) {
  using json_input::Fields;
  ImportResult r;
  store::WriteTransaction tx(s.db);
  // Parents are set after every unit exists: a file may list a child first.
  std::vector<std::pair<std::string, std::string>> parents;  // code, parent code
  std::set<std::string> codes_seen;
  json_input::stream_records(in, "units", [&](const nlohmann::json& j) {
    const Fields f{j, ""};
    f.only({"id", "uuid", "code", "name", "short_name", "head", "parent", "closed_on", "notes", "former", "depth",
            "created", "updated"});
    const std::string code = text::trim(f.str("code", true));
    if (!codes_seen.insert(code_key(code)).second) {
      f.fail("code", trf("unit code {} appears twice in the file", code));
    }
    const std::string uuid = f.str("uuid");
    std::optional<Unit> existing;
    if (!uuid.empty()) {
      existing = repo::find_by_uuid(s.db, uuid);
    }
    if (!existing) {
      existing = repo::find_by_code(s.db, code_key(code));
    }
    const auto closed = f.date("closed_on");
    if (existing) {
      Unit u = *existing;
      u.code = code;
      u.name = text::trim(f.str("name", true));
      u.short_name = text::trim(f.str("short_name"));
      u.head = text::trim(f.str("head"));
      u.notes = f.str("notes");
      u.closed_on = closed;
      f.parsed("code", [&] {
        validate(u);
        check_code_free(s, u);
        return 0;
      });
      (repo::update(s.db, *existing, stamp(s, u)) ? r.updated : r.unchanged)++;
    } else {
      Unit u;
      u.uuid = uuid.empty() ? new_uuid() : uuid;
      u.code = code;
      u.name = text::trim(f.str("name", true));
      u.short_name = text::trim(f.str("short_name"));
      u.head = text::trim(f.str("head"));
      u.notes = f.str("notes");
      u.closed_on = closed;
      u.created = u.updated = s.ctx.now;
      f.parsed("code", [&] {
        validate(u);
        check_code_free(s, u);
        return 0;
      });
      repo::insert(s.db, u);
      ++r.created;
    }
    parents.emplace_back(code, text::trim(f.str("parent")));
  });
  for (const auto& [code, parent] : parents) {
    const Unit before = *repo::find_by_code(s.db, code_key(code));
    Unit u = before;
    try {
      u.parent_id = parent_for(s, u, parent);
    } catch (const Error& e) {
      throw InputError(trf("unit {}: parent: {}", code, e.what()));
    }
    if (u.parent_id != before.parent_id) {
      const bool was_new = before.created == s.ctx.now;
      repo::update(s.db, before, stamp(s, u));
      if (!was_new && before.updated != s.ctx.now) {
        --r.unchanged;
        ++r.updated;
      }
    }
  }
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

}  // namespace omskplan::unit
