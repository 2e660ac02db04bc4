// Files: bounded reading, and writing output files so that a reader never
// sees half of one and nobody else can redirect the write.
//
// A file is written in a private temporary directory beside it (mkdtemp, mode
// 0700, named ".NAME.omskplan-tmp-PID-XXXXXX"), fsynced, given its mode
// explicitly (0600 for a new file; an existing file keeps its mode) and renamed
// over the target: another user who can write to the directory cannot plant a
// symlink at the temporary name, and a reader sees the old file or the new one.
// Temporary directories of processes that are gone (killed mid-write) are
// removed by the next write to the same target, if they are ours.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::files {

// Size limits of what omskplan reads (docs/reliability.md).
// Streamed imports (event and agreement JSON) hold one record at a time: the
// limit only stops an endless input (1M events with their tasks: 1.9 GB).
inline constexpr std::size_t kStreamLimit = std::size_t{16} << 30;
inline constexpr std::size_t kDataLimit = 64u << 20;     // imports read whole: CSV, iCalendar
inline constexpr std::size_t kTextLimit = 1u << 20;      // templates, report templates, narratives, config.toml

// How messages name an input: the path, or «стандартный ввод» for "-".
std::string input_name(const std::string& path);

// The whole of `path` ("-": standard input), at most `limit` bytes; an error
// naming the file when it is larger, a directory, or unreadable.
std::string read(const std::string& path, std::size_t limit);

// `path` ("-": standard input) as a stream that reads it in pieces and throws
// InputError naming the file once more than `limit` bytes were read.
std::unique_ptr<std::istream> open(const std::string& path, std::size_t limit);

struct WriteOptions {
  bool replace = true;  // false: refuse when the target exists (backups)
  unsigned mode = 0600;  // of a new file
};

void write_atomically(const std::string& path, std::string_view content, WriteOptions options = {});
// `produce(tmp_path)` writes the temporary file (e.g. a library that wants a path).
void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& produce,
                           WriteOptions options = {});

// Removes the temporary files and directories that omskplan left beside
// `path` when it was killed: only ours (owner), only of processes that are
// gone. Returns how many were removed.
int clean_stale(const std::string& path);

// A private temporary directory (0700) under $TMPDIR ("omskplan-tmp-PID-XXXXXX"),
// removed with its contents; those of gone processes of ours are removed first.
class PrivateTempDir {
public:
  PrivateTempDir();
  ~PrivateTempDir();
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const std::string& path() const { return path_; }

private:
  std::string path_;
};

// Creates `dir` and its missing parents with mode 0700 (whatever the umask).
void create_private_directories(const std::string& dir);

// Regular files in `dir` ending in `extension` (".toml"), sorted; none when `dir` is missing.
std::vector<std::string> list(const std::string& dir, std::string_view extension);

// What the system said (errno) in the user's language: "No such file or
// directory" is «нет такого файла или каталога»; a rare one as the C library says it.
std::string say_errno(int err);

}  // namespace omskplan::files
