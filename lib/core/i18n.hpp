// Messages in the user's language. The catalogs are gettext's: po/ru.po,
// compiled by msgfmt at build time and embedded in the binary (no locale has
// to be installed, and --lang ru works anywhere). Without a catalog (English,
// and in the library's unit tests) a message is its msgid.
//
// Marking, for xgettext (po/update.sh):
//   tr("the title is empty")                      a message
//   trf("no event with id {}", id)                a message formatted with fmt
//   trnf("{} task", "{} tasks", n, n)             with a plural form (Russian has three)
//   N_("TITLE")                                   marked here, translated later with tr()
//   trc("man", "NAME")                            with a context (msgctxt), where one word has two meanings
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace omskplan {
namespace i18n {

// "ru" loads the Russian catalog; "en" (or anything else) uses the msgids.
void use(std::string_view lang);
// "ru" or "en": the language in use.
std::string_view language();
// The translation of `msgid`, or `msgid` itself when there is none.
std::string_view translate(std::string_view msgid);
// The plural form for `n` (msgid `one`, msgid_plural `many`).
std::string_view translate_plural(std::string_view one, std::string_view many, long n);
// The translation of `msgid` in `context` (gettext's msgctxt), for words that
// need different translations in different places ("NAME": a column, a man section).
std::string_view translate_context(std::string_view context, std::string_view msgid);
// The words (core/words.hpp: statuses, kinds, «Итого») are said in the
// language in use, or in a document's own for a scope: use_words.
void use_words(std::string_view lang);
std::string_view words_language();
// The word `msgid` of `context` in the words' language.
std::string_view translate_word(std::string_view context, std::string_view msgid);
// The words' language switched for a scope and restored after it: a document
// says its words in its own language (the shipped ones in Russian) whatever
// the interface's, while messages (errors) stay in the interface's.
class Scope {
 public:
  explicit Scope(std::string_view lang) : saved_(words_language()) { use_words(lang); }
  ~Scope() { use_words(saved_); }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  std::string saved_;
};
// Quotes inside «ёлочки» made „лапки“, as Russian typography nests them:
// «ДК «Кристалл»» → «ДК „Кристалл“». Text whose «» do not pair up (a cell cut
// short) is left as it is.
std::string nest_quotes(std::string s);
// Russian plural form index of `n`: 0 (1, 21), 1 (2–4, 22–24), 2 (5–20, 25…), as in ru.po's Plural-Forms.
int russian_plural_index(long n);

// The catalog loaded for a language: its entries (msgid → msgstr), for tests.
struct Entry {
  std::string_view msgid;   // "one\0many" for a plural entry
  std::string_view msgstr;  // forms separated by '\0' for a plural entry
};
std::vector<Entry> entries(std::string_view lang);

}  // namespace i18n

inline const char* tr(const char* msgid) { return i18n::translate(msgid).data(); }
inline std::string tr(const std::string& msgid) { return std::string(i18n::translate(msgid)); }
inline const char* trc(const char* context, const char* msgid) {
  return i18n::translate_context(context, msgid).data();
}

// A message's values quoted in it keep their own quotes as „лапки“ (i18n::nest_quotes).
template <class... Args>
std::string trf(const char* msgid, Args&&... args) {
  return i18n::nest_quotes(fmt::format(fmt::runtime(i18n::translate(msgid)), std::forward<Args>(args)...));
}

template <class... Args>
std::string trnf(const char* one, const char* many, long n, Args&&... args) {
  return i18n::nest_quotes(
      fmt::format(fmt::runtime(i18n::translate_plural(one, many, n)), std::forward<Args>(args)...));
}

}  // namespace omskplan

// Marks a string for extraction without translating it (it is translated where used, with tr()).
#define N_(s) s
