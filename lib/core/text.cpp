#include "core/text.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace omskplan::text {

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(pos);
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (c < 0x80) {
    ++pos;
    return c;
  } else if ((c & 0xE0) == 0xC0) {
    extra = 1, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3, cp = c & 0x07, min = 0x10000;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + extra >= s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i <= extra; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  // The rule decode_utf8 applies (no overlong forms, no surrogates, nothing
  // past U+10FFFF), checked byte by byte without decoding: every string a
  // JSON export writes passes here.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  const auto tail = [&](const unsigned char* q, unsigned char lo, unsigned char hi) {
    return q < end && *q >= lo && *q <= hi;
  };
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!tail(p + 1, 0x80, 0xBF)) {
        return false;
      }
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      if (!tail(p + 1, lo, hi) || !tail(p + 2, 0x80, 0xBF)) {
        return false;
      }
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      if (!tail(p + 1, lo, hi) || !tail(p + 2, 0x80, 0xBF) || !tail(p + 3, 0x80, 0xBF)) {
        return false;
      }
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
         (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B ||
         cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

namespace {

// Columns of one code point: the common cases (ASCII, Latin, Cyrillic) first.
std::size_t cp_width(char32_t cp) {
  if (cp < 0x20) {
    return 0;
  }
  if (cp < 0x0300 || (cp >= 0x0370 && cp < 0x1100 && !(cp >= 0x0483 && cp <= 0x0489) &&
                      !(cp >= 0x0591 && cp <= 0x05C7) && !(cp >= 0x0610 && cp <= 0x061A) &&
                      !(cp >= 0x064B && cp <= 0x065F))) {
    return 1;
  }
  if (is_combining(cp)) {
    return 0;
  }
  return is_wide(cp) ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {  // ASCII: one column, no decoding
      width += c >= 0x20;
      ++pos;
      continue;
    }
    width += cp_width(decode_utf8(s, pos));
  }
  return width;
}

std::string label(std::string_view s, std::size_t width) {
  return display_width(s) >= width ? std::string(s) + " " : pad(s, width);
}

std::string pad(std::string_view s, std::size_t width, bool right) {
  const std::size_t w = display_width(s);
  if (w >= width) {
    return std::string(s);
  }
  std::string fill(width - w, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::string truncate(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) {
    return std::string(s);
  }
  std::string out;
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const std::size_t w = cp_width(decode_utf8(s, pos));
    if (used + w + 1 > width) {
      break;
    }
    out.append(s.substr(start, pos - start));
    used += w;
  }
  return out + "…";
}

namespace {

char32_t fold_cp(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') {
    return cp + 32;
  }
  if (cp >= 0x0410 && cp <= 0x042F) {  // А..Я
    cp += 0x20;
  } else if (cp >= 0x0400 && cp <= 0x040F) {  // Ѐ..Џ
    cp += 0x50;
  }
  if (cp == 0x0451) {  // ё
    return 0x0435;
  }
  return cp;
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    append_utf8(out, fold_cp(decode_utf8(s, pos)));
  }
  return out;
}

std::string capitalize(std::string_view s) {
  std::size_t pos = 0;
  if (s.empty()) {
    return {};
  }
  char32_t c = decode_utf8(s, pos);
  if ((c >= U'a' && c <= U'z') || (c >= 0x0430 && c <= 0x044F)) {
    c -= 0x20;
  } else if (c == 0x0451) {  // ё
    c = 0x0401;
  }
  std::string out;
  append_utf8(out, c);
  out.append(s.substr(pos));
  return out;
}

std::string yo_to_ye(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size() && s[i] == '\xD1' && s[i + 1] == '\x91') {  // ё
      out += "\xD0\xB5";
      ++i;
    } else if (i + 1 < s.size() && s[i] == '\xD0' && s[i + 1] == '\x81') {  // Ё
      out += "\xD0\x95";
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_space_or_invisible(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF || cp == 0x180E;
}

std::string trim(std::string_view s) {
  std::size_t first = 0;
  std::size_t last = s.size();
  while (first < last) {
    std::size_t pos = first;
    if (!is_space_or_invisible(decode_utf8(s, pos))) {
      break;
    }
    first = pos;
  }
  while (last > first) {
    std::size_t start = last - 1;
    while (start > first && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    std::size_t pos = start;
    const char32_t cp = decode_utf8(s, pos);
    if (pos != last || !is_space_or_invisible(cp)) {
      break;
    }
    last = start;
  }
  return std::string(s.substr(first, last - first));
}

std::string for_terminal(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (chars >= max_chars) {
      out += trnf("… ({} byte more)", "… ({} bytes more)", static_cast<long>(s.size() - pos), s.size() - pos);
      break;
    }
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(s, pos);
    ++chars;
    if (cp == 0xFFFD && !(pos - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[start]));
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      out += cp == '\n' ? std::string("\\n") : cp == '\t' ? std::string("\\t") : fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
    } else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      out += fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(cp));
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = s.find(sep, start);
    parts.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += sep;
    }
    out += parts[i];
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return fold(s).starts_with(fold(prefix));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and swaps
  // of two neighbours ("lsit" is one edit from "list"), each one edit.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}

void check_field(std::string_view what, std::string_view s, std::size_t max_bytes, bool single_line) {
  if (!is_valid_utf8(s)) {
    throw InputError(trf("{} is not valid UTF-8", what));
  }
  if (s.size() > max_bytes) {
    throw InputError(trf("{} is too long ({} bytes; at most {})", what, s.size(), max_bytes));
  }
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && !(c == '\n' && !single_line) && c != '\t') || u == 0x7F) {
      throw InputError(trf("{} contains a control character (0x{:02X})", what, u));
    }
  }
  // C1 controls and the bidirectional overrides (U+202E turns the rest of a
  // line around on screen and in print): never part of a real title or text.
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = decode_utf8(s, pos);
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      throw InputError(trf("{} contains an invisible control character (U+{:04X})", what, static_cast<unsigned>(cp)));
    }
  }
}

std::string closest(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(1, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(name, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  if (best.empty() && !name.empty()) {
    for (const auto& c : candidates) {
      if (c.starts_with(name)) {
        return c;
      }
    }
  }
  return best;
}

std::string shell_quote(std::string_view arg) {
  const bool plain = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./=:,+@%").find(c) != std::string_view::npos;
  });
  if (plain) {
    return std::string(arg);
  }
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace omskplan::text
