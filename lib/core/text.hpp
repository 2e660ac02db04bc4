// UTF-8 text helpers: display width for aligned tables, case and ё folding for
// search and comparison, small string utilities.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::text {

// Decodes one code point at `pos` and advances it; invalid bytes yield U+FFFD.
char32_t decode_utf8(std::string_view s, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);

// Terminal columns `s` occupies: combining marks 0, East Asian wide 2, else 1.
std::size_t display_width(std::string_view s);
// Pads `s` with spaces to `width` columns (left-aligned unless `right`).
std::string pad(std::string_view s, std::size_t width, bool right = false);
// A label padded to `width` columns, and always followed by at least one space.
std::string label(std::string_view s, std::size_t width);
// Cuts `s` to at most `width` columns, ending with "…" when cut.
std::string truncate(std::string_view s, std::size_t width);

// Lower-cases Latin and Cyrillic letters and folds ё to е: the key used to
// compare names ("ОМСК" == "омск", "ёлка" == "елка").
std::string fold(std::string_view s);
// The first letter in upper case (Latin and Cyrillic): «департамент культуры» → «Департамент культуры».
std::string capitalize(std::string_view s);
// Replaces ё/Ё with е/Е and nothing else (what the search index stores).
std::string yo_to_ye(std::string_view s);

std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with_ci(std::string_view s, std::string_view prefix);
// Edit distance in bytes (a swap of neighbours is one edit); for "did you
// mean" suggestions on ASCII names.
std::size_t edit_distance(std::string_view a, std::string_view b);
// "Did you mean": the candidate nearest to `name` that looks like a typo of
// it — at most max(1, length/3) edits away (a typo, not another word) — or,
// with nothing that near, the first one `name` begins; "" when none. The one
// rule for commands, config keys, template and report ids.
std::string closest(std::string_view name, const std::vector<std::string>& candidates);
// Checks text a user gives for a field: valid UTF-8, at most `max_bytes`, no
// control characters (newlines only when not `single_line`). InputError names `what`.
void check_field(std::string_view what, std::string_view s, std::size_t max_bytes, bool single_line);
// A code point that shows as nothing or as a blank: spaces of every width,
// no-break spaces, zero-width characters, the byte-order mark. trim() takes
// them off both ends, so a title of nothing but them is empty.
bool is_space_or_invisible(char32_t cp);
// `s` safe to print on a terminal, on one line: control characters (C0, C1,
// DEL), bidirectional overrides and invalid bytes escaped (\x1B, \u{202E}),
// cut after `max_chars` characters with how much was left out.
std::string for_terminal(std::string_view s, std::size_t max_chars = 2000);
// Quotes `arg` for a POSIX shell when it needs it (for the audit log's command).
std::string shell_quote(std::string_view arg);

// HTML (and XML) text: & < > " as entities.
std::string escape_html(std::string_view s);

}  // namespace omskplan::text
