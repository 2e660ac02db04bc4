#include "core/files.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("omskplan-files-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A process id that cannot exist (above the kernel's largest).
constexpr long kGonePid = 99999999;

}  // namespace

TEST_SUITE("core::files") {
  TEST_CASE("reading stops at the limit, also on an endless device") {
    CHECK_THROWS_WITH_AS(files::read("/dev/zero", 1u << 20), "/dev/zero: larger than 1 MiB, the limit for this file",
                         InputError);
    TempDir tmp;
    CHECK_THROWS_WITH_AS(files::read(tmp.path.string(), 100), (tmp.path.string() + ": is a directory").c_str(),
                         InputError);
    CHECK_THROWS_AS(files::read((tmp.path / "missing").string(), 100), InputError);
    std::ofstream(tmp.path / "a.txt") << "Омск";
    CHECK(files::read((tmp.path / "a.txt").string(), 100) == "Омск");
    CHECK_THROWS_AS(files::read((tmp.path / "a.txt").string(), 4), InputError);
  }

  TEST_CASE("a streamed file stops at its limit, with the file's name") {
    auto in = files::open("/dev/zero", 1u << 20);
    std::string chunk(4096, 'x');
    CHECK_THROWS_WITH_AS(
        [&] {
          while (in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()))) {
          }
        }(),
        "/dev/zero: larger than 1 MiB, the limit for this file", InputError);
    TempDir tmp;
    std::ofstream(tmp.path / "a.json") << "[1, 2]";
    auto small = files::open((tmp.path / "a.json").string(), 100);
    std::string all((std::istreambuf_iterator<char>(*small)), std::istreambuf_iterator<char>());
    CHECK(all == "[1, 2]");
    // A regular file known to be too large is refused when opened, before any of it is read.
    std::ofstream(tmp.path / "big.json") << std::string(3000, ' ');
    const std::string big = (tmp.path / "big.json").string();
    CHECK_THROWS_WITH_AS(files::open(big, 2048), (big + ": larger than 2 KiB, the limit for this file").c_str(),
                         InputError);
  }

  TEST_CASE("a new file is 0600 whatever the umask; an existing one keeps its mode") {
    TempDir tmp;
    const mode_t old = ::umask(0);
    files::write_atomically((tmp.path / "report.html").string(), "x");
    CHECK(mode_of(tmp.path / "report.html") == 0600);
    ::chmod((tmp.path / "report.html").c_str(), 0640);
    files::write_atomically((tmp.path / "report.html").string(), "y");
    CHECK(mode_of(tmp.path / "report.html") == 0640);
    CHECK(slurp(tmp.path / "report.html") == "y");
    files::create_private_directories((tmp.path / "a" / "b").string());
    CHECK(mode_of(tmp.path / "a") == 0700);
    CHECK(mode_of(tmp.path / "a" / "b") == 0700);
    ::umask(old);
  }

  TEST_CASE("a symlink planted at a temporary name is never followed") {
    TempDir tmp;
    std::ofstream(tmp.path / "victim") << "keep me";
    // The names older versions used, for the next PIDs.
    for (int pid = ::getpid(); pid < ::getpid() + 5; ++pid) {
      fs::create_symlink(tmp.path / "victim", tmp.path / (".out.txt.tmp-" + std::to_string(pid)));
    }
    files::write_atomically((tmp.path / "out.txt").string(), "report");
    CHECK(slurp(tmp.path / "victim") == "keep me");
    CHECK(slurp(tmp.path / "out.txt") == "report");
    CHECK(!fs::is_symlink(tmp.path / "out.txt"));
  }

  TEST_CASE("without replace, an existing target is refused and left alone") {
    TempDir tmp;
    std::ofstream(tmp.path / "backup.db") << "old";
    CHECK_THROWS_AS(files::write_atomically((tmp.path / "backup.db").string(), "new", {false, 0600}), InputError);
    CHECK(slurp(tmp.path / "backup.db") == "old");
    // Nothing is left behind by the refusal.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) {
      ++entries;
    }
    CHECK(entries == 1);
  }

  TEST_CASE("a failed write leaves no temporary file") {
    TempDir tmp;
    CHECK_THROWS_AS(files::write_atomically_with((tmp.path / "x.xlsx").string(),
                                                 [](const std::string&) { throw StorageError("disk full"); }),
                    StorageError);
    CHECK(fs::is_empty(tmp.path));
  }

  TEST_CASE("stale temporaries of gone processes are cleaned, only ours and only theirs") {
    TempDir tmp;
    const auto target = (tmp.path / "plan.db").string();
    const std::string gone = ".plan.db.omskplan-tmp-" + std::to_string(kGonePid) + "-abcdef";
    const std::string alive = ".plan.db.omskplan-tmp-" + std::to_string(::getpid()) + "-abcdef";
    const std::string old_gone = ".plan.db.tmp-" + std::to_string(kGonePid);
    const std::string other = ".other.db.omskplan-tmp-" + std::to_string(kGonePid) + "-abcdef";
    for (const auto& d : {gone, alive, other}) {
      fs::create_directory(tmp.path / d);
      std::ofstream(tmp.path / d / "plan.db") << "half a copy";
    }
    std::ofstream(tmp.path / old_gone) << "half a copy";
    // A symlink with our name: not a directory of ours, never followed or removed.
    fs::create_symlink("/etc", tmp.path / (".plan.db.omskplan-tmp-" + std::to_string(kGonePid) + "-zzzzzz"));
    CHECK(files::clean_stale(target) == 2);
    CHECK(!fs::exists(tmp.path / gone));
    CHECK(!fs::exists(tmp.path / old_gone));
    CHECK(fs::exists(tmp.path / alive));
    CHECK(fs::exists(tmp.path / other));
    CHECK(fs::is_symlink(tmp.path / (".plan.db.omskplan-tmp-" + std::to_string(kGonePid) + "-zzzzzz")));
    CHECK(fs::exists("/etc/passwd"));
    // The next write to the target cleans as well.
    fs::create_directory(tmp.path / gone);
    files::write_atomically(target, "db");
    CHECK(!fs::exists(tmp.path / gone));
  }

  TEST_CASE("a private temporary directory is 0700 and cleans up after killed runs") {
    TempDir tmp;
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", tmp.path.c_str(), 1);
    const fs::path gone = tmp.path / ("omskplan-tmp-" + std::to_string(kGonePid) + "-abcdef");
    fs::create_directory(gone);
    std::string made;
    {
      files::PrivateTempDir d;
      made = d.path();
      CHECK(made.rfind((tmp.path / ("omskplan-tmp-" + std::to_string(::getpid()) + "-")).string(), 0) == 0);
      CHECK(mode_of(made) == 0700);
      CHECK(!fs::exists(gone));
    }
    CHECK(!fs::exists(made));
    if (old) {
      ::setenv("TMPDIR", saved.c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
  }
}

}  // namespace OMSKPLAN_TEST_FILE
