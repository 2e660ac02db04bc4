// The order of precedence as data: a TOML table of ranks from the highest,
// the rule that orders guests of one rank, and the rank of the host. The
// shipped table (lib/guest/precedence.toml, compiled in) is a Russian city's;
// a user's file replaces it whole.
#pragma once

#include "guest/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::guest {

enum class Tie { name, invited };

struct Rank {
  std::string id;    // «intercity-head»
  std::string name;  // «Главы других городов»
};

struct Precedence {
  std::vector<Rank> ranks;  // from the highest
  Tie tie = Tie::name;
  std::string host;    // a rank id
  std::string origin;  // the file it was read from, or "built-in"
  std::string text;    // the TOML it was read from

  // The rank's place (0: the highest); ranks not in the table after all of them.
  std::size_t place(std::string_view rank) const;
  const Rank* find(std::string_view rank) const;
};

// Reads a table; errors are "origin:line:col: what" (InputError).
Precedence parse_precedence(std::string_view text, const std::string& origin);
// The shipped table.
const Precedence& builtin_precedence();
// The table in effect: `user_file` when it exists, else the shipped one.
Precedence load_precedence(const std::string& user_file);

// A guest's rank as typed: the id, or the rank's name (case and ё aside);
// InputError naming the nearest rank otherwise.
std::string resolve_rank(const Precedence& p, std::string_view typed);

// Guests in the order of precedence: by rank, then by the table's rule
// (`invited_on`, when given, is each guest's day of invitation), then by id.
struct Ranked {
  const Guest* guest = nullptr;
  std::optional<time::Date> invited_on;
};
void sort_by_precedence(const Precedence& p, std::vector<Ranked>& guests);
bool is_host(const Precedence& p, const Guest& g);

}  // namespace omskplan::guest
