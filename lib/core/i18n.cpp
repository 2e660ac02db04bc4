#include "core/i18n.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace omskplan::i18n {

// po/ru.po compiled by msgfmt, embedded by cmake/embed.cmake.
extern const unsigned char kRuMo[];
extern const std::size_t kRuMoSize;

namespace {

// A GNU .mo file: a header, then N (length, offset) pairs for the msgids and N
// for the msgstrs. https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html
class Catalog {
public:
  Catalog() = default;
  Catalog(const unsigned char* data, std::size_t size) {
    if (size < 28) {
      return;
    }
    const std::uint32_t magic = word(data, 0, false);
    swap_ = magic == 0xde120495;
    if (magic != 0x950412de && !swap_) {
      return;
    }
    const std::uint32_t n = word(data, 8, swap_);
    const std::uint32_t orig = word(data, 12, swap_);
    const std::uint32_t trans = word(data, 16, swap_);
    if (orig + 8ull * n > size || trans + 8ull * n > size) {
      return;
    }
    map_.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t ol = word(data, orig + 8 * i, swap_), oo = word(data, orig + 8 * i + 4, swap_);
      const std::uint32_t tl = word(data, trans + 8 * i, swap_), to = word(data, trans + 8 * i + 4, swap_);
      if (oo + static_cast<std::uint64_t>(ol) >= size || to + static_cast<std::uint64_t>(tl) >= size) {
        continue;
      }
      const std::string_view id(reinterpret_cast<const char*>(data) + oo, ol);
      const std::string_view str(reinterpret_cast<const char*>(data) + to, tl);
      if (id.empty()) {
        continue;  // the header
      }
      map_.emplace(id, str);
      entries_.push_back({id, str});
    }
  }

  const std::string_view* find(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? nullptr : &it->second;
  }
  const std::vector<Entry>& entries() const { return entries_; }

private:
  static std::uint32_t word(const unsigned char* d, std::size_t at, bool swap) {
    std::uint32_t v;
    std::memcpy(&v, d + at, 4);
    return swap ? __builtin_bswap32(v) : v;
  }

  bool swap_ = false;
  std::unordered_map<std::string_view, std::string_view> map_;
  std::vector<Entry> entries_;
};

const Catalog& russian() {
  static const Catalog c(kRuMo, kRuMoSize);
  return c;
}

const Catalog* current = nullptr;
const Catalog* words_current = nullptr;  // the words' language (use_words)

// The nth '\0'-separated part of `s`.
std::string_view part(std::string_view s, int nth) {
  for (int i = 0; i < nth; ++i) {
    const auto z = s.find('\0');
    if (z == std::string_view::npos) {
      return {};
    }
    s.remove_prefix(z + 1);
  }
  return s.substr(0, s.find('\0'));
}

}  // namespace

void use(std::string_view lang) { current = words_current = lang == "ru" ? &russian() : nullptr; }

std::string_view language() { return current ? "ru" : "en"; }

void use_words(std::string_view lang) { words_current = lang == "ru" ? &russian() : nullptr; }

std::string_view words_language() { return words_current ? "ru" : "en"; }

std::string_view translate_word(std::string_view context, std::string_view msgid) {
  if (words_current) {
    std::string key(context);
    key += '\4';
    key += msgid;
    if (const auto* s = words_current->find(key); s && !s->empty()) {
      return *s;
    }
  }
  return msgid;
}

std::string_view translate(std::string_view msgid) {
  if (current) {
    if (const auto* s = current->find(msgid); s && !s->empty()) {
      return *s;
    }
  }
  return msgid;
}

std::string_view translate_context(std::string_view context, std::string_view msgid) {
  if (current) {
    std::string key(context);
    key += '\4';  // how .mo files join msgctxt and msgid
    key += msgid;
    if (const auto* s = current->find(key); s && !s->empty()) {
      return *s;
    }
  }
  return msgid;
}

std::string nest_quotes(std::string s) {
  static constexpr std::string_view kOpen = "«", kClose = "»", kInnerOpen = "„", kInnerClose = "“";
  if (s.find(kOpen) == std::string::npos) {
    return s;
  }
  // Only text whose «» pair up: a depth that never goes below zero and ends at zero.
  int depth = 0, deepest = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s.compare(i, 2, kOpen) == 0) {
      deepest = std::max(deepest, ++depth);
    } else if (s.compare(i, 2, kClose) == 0 && --depth < 0) {
      return s;
    }
  }
  if (depth != 0 || deepest < 2) {
    return s;
  }
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, kOpen) == 0) {
      out += depth++ == 0 ? kOpen : kInnerOpen;
      ++i;
    } else if (s.compare(i, 2, kClose) == 0) {
      out += --depth == 0 ? kClose : kInnerClose;
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

int russian_plural_index(long n) {
  n = n < 0 ? -n : n;
  if (n % 10 == 1 && n % 100 != 11) {
    return 0;
  }
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) {
    return 1;
  }
  return 2;
}

std::string_view translate_plural(std::string_view one, std::string_view many, long n) {
  if (current) {
    std::string key(one);
    key += '\0';
    key += many;
    if (const auto* s = current->find(key)) {
      const std::string_view form = part(*s, russian_plural_index(n));
      if (!form.empty()) {
        return form;
      }
    }
  }
  return n == 1 ? one : many;
}

std::vector<Entry> entries(std::string_view lang) {
  return lang == "ru" ? russian().entries() : std::vector<Entry>{};
}

}  // namespace omskplan::i18n
