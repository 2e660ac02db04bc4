#include "venue/service.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"
#include "unit/service.hpp"
#include "venue/repository.hpp"

#include <algorithm>
#include <charconv>

namespace omskplan::venue {

namespace {

constexpr std::size_t kMaxText = 1000;

// An owner typed as a unit's code is that unit's code; free text stays.
std::string owner_of(Services& s, const std::string& typed) {
  unit::Services us{s.db, s.ctx};
  if (auto u = unit::owner(us, typed)) {
    return u->code;
  }
  return text::trim(typed);
}

// Every name and alias of `v` is its own and no other venue's.
void check(Services& s, const Venue& v) {
  if (text::trim(v.name).empty()) {
    throw InputError(tr("the venue's name is empty"));
  }
  text::check_field(tr("the venue's name"), v.name, kMaxText, true);
  text::check_field(tr("the address"), v.address, kMaxText, true);
  text::check_field(tr("the owner"), v.owner, kMaxText, true);
  text::check_field(tr("the notes"), v.notes, 100000, false);
  if (const auto problem = check_point(v.lat, v.lon); !problem.empty()) {
    throw InputError(problem);
  }
  if (v.capacity && *v.capacity <= 0) {
    throw InputError(trf("--capacity {} is not a number of people", *v.capacity));
  }
  std::vector<std::string> seen;
  for (const std::string& n : [&] {
         std::vector<std::string> all{v.name};
         all.insert(all.end(), v.aliases.begin(), v.aliases.end());
         return all;
       }()) {
    const std::string k = key(n);
    if (k.empty()) {
      throw InputError(trf("'{}' is no name of a place", n));
    }
    if (std::find(seen.begin(), seen.end(), k) != seen.end()) {
      throw InputError(trf("'{}' is given twice (as a name or an alias)", n));
    }
    seen.push_back(k);
    text::check_field(tr("an alias"), n, kMaxText, true);
    if (const auto other = repo::find_by_key(s.db, k); other && *other != v.id) {
      const auto o = repo::load(s.db, *other);
      throw InputError(trf("'{}' already names venue #{} «{}»", n, *other, o ? o->name : ""));
    }
  }
}

}  // namespace

Venue add(Services& s, const VenueInput& in) {
  Venue v;
  v.uuid = new_uuid();
  v.name = text::trim(in.name);
  v.address = text::trim(in.address);
  v.notes = in.notes;
  v.lat = in.lat;
  v.lon = in.lon;
  v.capacity = in.capacity;
  for (const auto& a : in.aliases) {
    v.aliases.push_back(text::trim(a));
  }
  v.created = v.updated = s.ctx.now;
  store::WriteTransaction tx(s.db);
  v.owner = owner_of(s, in.owner);
  check(s, v);
  repo::insert(s.db, v);
  tx.commit();
  return v;
}

Venue resolve(Services& s, const std::string& ref) {
  const std::string t = text::trim(ref);
  if (t.size() > 1 && t[0] == '#') {
    std::int64_t id = 0;
    const auto [p, ec] = std::from_chars(t.data() + 1, t.data() + t.size(), id);
    if (ec == std::errc{} && p == t.data() + t.size()) {
      if (auto v = repo::load(s.db, id)) {
        return *v;
      }
      throw NotFound(trf("no venue #{}", id));
    }
  }
  if (auto id = repo::find_by_key(s.db, key(t))) {
    return *repo::load(s.db, *id);
  }
  const std::string near = nearest(s, t);
  if (!near.empty()) {
    throw NotFound(trf("no venue '{}'; did you mean «{}»?", text::for_terminal(t, 60), near));
  }
  throw NotFound(trf("no venue '{}' (omskplan venue list shows them)", text::for_terminal(t, 60)));
}

std::optional<Venue> match(Services& s, const std::string& text_) {
  const std::string k = key(text_);
  if (k.empty()) {
    return std::nullopt;
  }
  if (auto id = repo::find_by_key(s.db, k)) {
    return repo::load(s.db, *id);
  }
  return std::nullopt;
}

std::string nearest(Services& s, const std::string& text_) {
  std::vector<std::string> keys;
  std::vector<const Venue*> owners;
  const auto all = repo::list(s.db);
  for (const auto& v : all) {
    keys.push_back(key(v.name));
    owners.push_back(&v);
    for (const auto& a : v.aliases) {
      keys.push_back(key(a));
      owners.push_back(&v);
    }
  }
  const std::string near = text::closest(key(text_), keys);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!near.empty() && keys[i] == near) {
      return owners[i]->name;
    }
  }
  return {};
}

bool register_empty(Services& s) { return repo::empty(s.db); }

std::vector<Venue> list(Services& s) { return repo::list(s.db); }

Venue edit(Services& s, const std::string& ref, const Changes& c) {
  store::WriteTransaction tx(s.db);
  const Venue before = resolve(s, ref);
  Venue v = before;
  if (c.name) {
    // The old name stays a way to find it (events typed it).
    const std::string old = v.name;
    v.name = text::trim(*c.name);
    if (key(old) != key(v.name) &&
        std::none_of(v.aliases.begin(), v.aliases.end(), [&](const std::string& a) { return key(a) == key(old); })) {
      v.aliases.push_back(old);
    }
    std::erase_if(v.aliases, [&](const std::string& a) { return key(a) == key(v.name); });
  }
  if (c.address) {
    v.address = text::trim(*c.address);
  }
  if (c.owner) {
    v.owner = owner_of(s, *c.owner);
  }
  if (c.notes) {
    v.notes = *c.notes;
  }
  if (c.clear_point) {
    v.lat.reset();
    v.lon.reset();
  }
  if (c.lat || c.lon) {
    v.lat = c.lat ? c.lat : v.lat;
    v.lon = c.lon ? c.lon : v.lon;
  }
  if (c.capacity) {
    v.capacity = c.capacity;
  }
  for (const auto& a : c.remove_aliases) {
    const auto n = std::erase_if(v.aliases, [&](const std::string& x) { return key(x) == key(a); });
    if (n == 0) {
      throw NotFound(trf("venue «{}» has no alias '{}'", v.name, a));
    }
  }
  for (const auto& a : c.add_aliases) {
    v.aliases.push_back(text::trim(a));
  }
  check(s, v);
  if (v.name == before.name && v.aliases == before.aliases && v.address == before.address && v.owner == before.owner &&
      v.notes == before.notes && v.lat == before.lat && v.lon == before.lon && v.capacity == before.capacity) {
    return before;
  }
  v.updated = s.ctx.now;
  repo::update(s.db, before, v);
  tx.commit();
  return v;
}

std::pair<Venue, Venue> absorb(Services& s, const std::string& from_ref, const std::string& into_ref) {
  store::WriteTransaction tx(s.db);
  const Venue from = resolve(s, from_ref);
  const Venue before = resolve(s, into_ref);
  if (from.id == before.id) {
    throw InputError(trf("«{}» and «{}» are the same venue", text::trim(from_ref), text::trim(into_ref)));
  }
  Venue into = before;
  repo::remove(s.db, from);  // first: its names are free to become aliases
  for (const auto& n : [&] {
         std::vector<std::string> all{from.name};
         all.insert(all.end(), from.aliases.begin(), from.aliases.end());
         return all;
       }()) {
    if (key(n) != key(into.name) &&
        std::none_of(into.aliases.begin(), into.aliases.end(), [&](const std::string& a) { return key(a) == key(n); })) {
      into.aliases.push_back(n);
    }
  }
  // What the gone one knew and this one did not.
  if (into.address.empty()) {
    into.address = from.address;
  }
  if (!into.lat && from.lat) {
    into.lat = from.lat;
    into.lon = from.lon;
  }
  if (!into.capacity) {
    into.capacity = from.capacity;
  }
  if (into.owner.empty()) {
    into.owner = from.owner;
  }
  into.updated = s.ctx.now;
  check(s, into);
  repo::update(s.db, before, into);
  tx.commit();
  return {from, into};
}

}  // namespace omskplan::venue
