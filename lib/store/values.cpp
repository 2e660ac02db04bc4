#include "store/values.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace omskplan::store {

time::Instant to_instant(const std::string& s) {
  auto t = time::parse_utc(s);
  if (!t) {
    throw StorageError(trf("database holds a malformed instant '{}'", s));
  }
  return *t;
}

time::Date to_date(const std::string& s) {
  auto d = time::parse_iso_date(s);
  if (!d) {
    throw StorageError(trf("database holds a malformed date '{}'", s));
  }
  return *d;
}

std::optional<time::Date> opt_date(const Statement& st, int col) {
  auto s = st.get_opt_text(col);
  if (!s) {
    return std::nullopt;
  }
  return to_date(*s);
}

std::optional<std::string> date_text(const std::optional<time::Date>& d) {
  if (!d) {
    return std::nullopt;
  }
  return time::format_date(*d);
}

nlohmann::ordered_json date_json(const std::optional<time::Date>& d) {
  return d ? nlohmann::ordered_json(time::format_date(*d)) : nlohmann::ordered_json(nullptr);
}

}  // namespace omskplan::store
