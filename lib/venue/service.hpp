// What a user does with the register of venues. Each write is one
// transaction; everything a user typed is parsed here.
#pragma once

#include "store/db.hpp"
#include "time/expr.hpp"
#include "venue/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace omskplan::venue {

struct Services {
  store::Db& db;
  const time::Context& ctx;
};

struct VenueInput {
  std::string name, address, owner, notes;
  std::vector<std::string> aliases;
  std::optional<double> lat, lon;
  std::optional<int> capacity;
};
// A name or alias another venue has is refused, naming that venue.
Venue add(Services& s, const VenueInput& in);

struct Changes {
  std::optional<std::string> name, address, owner, notes;
  std::optional<double> lat, lon;
  std::optional<int> capacity;
  bool clear_point = false;
  std::vector<std::string> add_aliases, remove_aliases;
};
Venue edit(Services& s, const std::string& ref, const Changes& c);

// `ref`: a name or an alias (as `key` folds it) or "#ID"; NotFound names it,
// with the nearest name ("did you mean").
Venue resolve(Services& s, const std::string& ref);
// The venue a free-text venue of an event names (by name or alias), if any.
std::optional<Venue> match(Services& s, const std::string& text);
// The nearest registered name to `text`, or "" (for "did you mean").
std::string nearest(Services& s, const std::string& text);
bool register_empty(Services& s);
std::vector<Venue> list(Services& s);

// `from` is gone into `into`: its name and aliases become aliases of `into`.
// Inside the caller's transaction (the event planner's merge also moves the
// events); returns {from as it was, into as it is now}.
std::pair<Venue, Venue> absorb(Services& s, const std::string& from_ref, const std::string& into_ref);

}  // namespace omskplan::venue
