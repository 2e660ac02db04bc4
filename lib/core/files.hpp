// Writing output files so that a reader never sees half of one: a temporary
// file in the same directory, fsync, rename.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::files {

void write_atomically(const std::string& path, std::string_view content);
// Regular files in `dir` ending in `extension` (".toml"), sorted; none when `dir` is missing.
std::vector<std::string> list(const std::string& dir, std::string_view extension);
// `produce(tmp_path)` writes the temporary file (e.g. a library that wants a path).
void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& produce);

}  // namespace omskplan::files
