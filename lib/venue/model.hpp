// The register of venues: squares, halls, parks and embankments where events
// take place, each once, with the names people write for it. An event names
// its venue as free text; the text is matched to a venue by its name or an
// alias (case, ё, quotes, spacing and a trailing «, Омск» aside), so
// «Соборная площадь, Омск» and «Соборная площадь» are one place in conflicts.
#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::venue {

struct Venue {
  std::int64_t id = 0;
  std::string uuid;
  std::string name;                  // «Соборная площадь»
  std::vector<std::string> aliases;  // «Соборная пл.», «площадь у Успенского собора»
  std::string address;
  std::optional<double> lat, lon;    // WGS 84
  std::optional<int> capacity;       // people
  std::string owner;                 // the unit in charge of it (its code) or free text
  std::string notes;
  time::Instant created, updated;
};

// The key a venue's name or alias is found by: case and ё folded, quotes and
// punctuation around words dropped, spaces collapsed, a trailing city
// («, Омск», «г. Омск») dropped. Two texts with one key are one place.
std::string key(std::string_view text);

// Empty when the point is on Earth, else what is wrong.
std::string check_point(std::optional<double> lat, std::optional<double> lon);

}  // namespace omskplan::venue
