// The words people read for the machine names of enums (`planned`,
// `city-day`, `in-progress`): one table per enum, beside its names, in the
// domain's model. Each word is a message with a context (gettext's msgctxt),
// so one English word is translated per enum ("held": «проведено» of an event,
// «состоялся» of a visit). Tables, cards, documents and messages say the word;
// JSON and the default CSV keep the machine name (docs/translation.md).
//
// Marking, for xgettext (po/extract.sh): NC_("event status", "planned").
#pragma once

#include "core/i18n.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace omskplan {

struct Word {
  const char* context;
  const char* msgid;
};

// The word in the user's language (the msgid in English).
inline std::string_view say(const Word& w) { return i18n::translate_word(w.context, w.msgid); }

// The word of enumerator `v`.
template <class E, std::size_t N>
std::string_view say(const std::array<Word, N>& words, E v) {
  return say(words.at(static_cast<std::size_t>(v)));
}

// The word of a machine name; a name the enum does not have, as it is.
template <std::size_t N>
std::string say_name(const std::array<std::string_view, N>& names, const std::array<Word, N>& words,
                     std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) {
      return std::string(say(words[i]));
    }
  }
  return std::string(name);
}

// The values one may type, for an error: "draft, signed" in English; in
// Russian each, as typed, with its word: "'draft' («проект»), 'signed' («подписано»)".
template <std::size_t N>
std::string choices(const std::array<std::string_view, N>& names, const std::array<Word, N>& words) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    out += i ? ", " : "";
    if (const std::string_view w = say(words[i]); w != names[i] && i18n::language() != "en") {
      out += "'";
      out += names[i];
      out += "' («";
      out += w;
      out += "»)";
    } else {
      out += names[i];
    }
  }
  return out;
}

// Values one may type (keys, columns, formats), listed for a message:
// "a, b, c"; in Russian each in typewriter quotes, as things typed are: "'a', 'b', 'c'".
template <class Range>
std::string typed_list(const Range& names) {
  const bool quote = i18n::language() != "en";
  std::string out;
  for (const auto& n : names) {
    out += out.empty() ? "" : ", ";
    out += quote ? "'" + std::string(n) + "'" : std::string(n);
  }
  return out;
}

// A record named by its id, as people read it: "#12" («ид. 12»).
inline std::string record_ref(long long id) { return trf("#{}", id); }
// The first line of a record's card: "#12 Title" («Title (ид. 12)»).
inline std::string card_heading(long long id, std::string_view title) { return trf("#{0} {1}", id, title); }

// "yes" and "no" (a flag's machine form in CSV) as words: «да», «нет».
inline std::string say_yes_no(std::string_view name) {
  return name == "yes" ? std::string(tr("yes")) : name == "no" ? std::string(tr("no")) : std::string(name);
}

}  // namespace omskplan

// A word with its context, marked for extraction (translated where said).
#define NC_(context, s) ::omskplan::Word{context, s}
