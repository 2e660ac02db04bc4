// Enums spelled as strings in the database, the CLI and JSON.
#pragma once

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/words.hpp"

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>

namespace omskplan {

// The enumerator whose name is `s` (names in enumerator order); InputError
// "invalid <what> 's'; expected one of: a, b, c" otherwise.
template <class E, std::size_t N>
E parse_enum(const std::array<std::string_view, N>& names, std::string_view s, std::string_view what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  std::string list;
  for (std::size_t i = 0; i < N; ++i) {
    list += (i ? ", " : "") + std::string(names[i]);
  }
  throw InputError(trf("invalid {} '{}'; expected one of: {}", what, s, list));
}

// The same, the error listing each name with its word (core/words.hpp).
template <class E, std::size_t N>
E parse_enum(const std::array<std::string_view, N>& names, const std::array<Word, N>& words, std::string_view s,
             std::string_view what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) {
      return static_cast<E>(i);
    }
  }
  throw InputError(trf("invalid {} '{}'; expected one of: {}", what, s, choices(names, words)));
}

}  // namespace omskplan
