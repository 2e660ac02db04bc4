// Dates and instants as the database stores them (YYYY-MM-DD, …Z), read back
// with a clear StorageError when a value is malformed, and written as NULL
// when absent. Shared by every repository.
#pragma once

#include "store/db.hpp"
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace omskplan::store {

time::Instant to_instant(const std::string& s);
time::Date to_date(const std::string& s);
// The date in column `col`, or nullopt for NULL.
std::optional<time::Date> opt_date(const Statement& st, int col);
// YYYY-MM-DD to bind, or nullopt (NULL).
std::optional<std::string> date_text(const std::optional<time::Date>& d);
// For audit snapshots: "YYYY-MM-DD" or null.
nlohmann::ordered_json date_json(const std::optional<time::Date>& d);

}  // namespace omskplan::store
