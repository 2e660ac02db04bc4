#include "core/files.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>

namespace omskplan::files {

namespace fs = std::filesystem;

namespace {

std::string size_text(std::size_t bytes) {
  return bytes >= (1u << 20) ? trf("{} MiB", bytes >> 20) : trf("{} KiB", bytes >> 10);
}

constexpr std::string_view kTempInfix = ".omskplan-tmp-";

fs::path dir_of(const std::string& path) {
  const fs::path p(path);
  return p.parent_path().empty() ? fs::path(".") : p.parent_path();
}

void fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

bool process_gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

}  // namespace

std::string input_name(const std::string& path) { return path == "-" ? tr("<stdin>") : path; }

std::string read(const std::string& path, std::size_t limit) {
  const auto in = open(path, limit);
  return std::string(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
}

namespace {

// Removes from `dir` the directories named `ours`PID-XXXXXX and the files
// named `old`PID ("" for none) whose process is gone and whose owner is us.
int clean_stale_in(const fs::path& dir, const std::string& ours, const std::string& old) {
  int removed = 0;
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    return 0;
  }
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    const bool is_ours = name.rfind(ours, 0) == 0;
    const bool is_old = !is_ours && !old.empty() && name.rfind(old, 0) == 0;
    if (!is_ours && !is_old) {
      continue;
    }
    const std::string rest = name.substr(is_ours ? ours.size() : old.size());
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || (is_ours ? *end != '-' : *end != '\0') || !process_gone(pid)) {
      continue;
    }
    struct stat st {};
    if (::fstatat(::dirfd(d), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_uid != ::geteuid()) {
      continue;
    }
    std::error_code ec;
    if (is_ours && S_ISDIR(st.st_mode)) {
      removed += fs::remove_all(dir / name, ec) > 0 ? 1 : 0;
    } else if (is_old && S_ISREG(st.st_mode)) {
      removed += fs::remove(dir / name, ec) ? 1 : 0;
    }
  }
  ::closedir(d);
  return removed;
}

std::string temp_base() {
  const char* env = std::getenv("TMPDIR");
  return env && *env == '/' ? env : "/tmp";
}

}  // namespace

namespace {

// Reads a file descriptor in 64 KiB pieces, at most `limit` bytes in all.
class LimitedBuf : public std::streambuf {
public:
  LimitedBuf(int fd, std::size_t limit, std::string label) : fd_(fd), limit_(limit), label_(std::move(label)) {}
  ~LimitedBuf() override {
    if (fd_ > 0) {
      ::close(fd_);
    }
  }
  LimitedBuf(const LimitedBuf&) = delete;
  LimitedBuf& operator=(const LimitedBuf&) = delete;

protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    ssize_t n = 0;
    do {
      n = ::read(fd_, buf_, sizeof buf_);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      throw InputError(trf("{}: cannot read: {}", label_, say_errno(errno)));
    }
    if (n == 0) {
      return traits_type::eof();
    }
    total_ += static_cast<std::size_t>(n);
    if (total_ > limit_) {
      throw InputError(trf("{}: larger than {}, the limit for this file", label_, size_text(limit_)));
    }
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

private:
  int fd_;
  std::size_t limit_;
  std::size_t total_ = 0;
  std::string label_;
  char buf_[65536];
};

class LimitedStream : public std::istream {
public:
  LimitedStream(int fd, std::size_t limit, std::string label) : std::istream(nullptr), buf_(fd, limit, std::move(label)) {
    rdbuf(&buf_);
    // What the buffer throws (the limit, a read error) reaches the caller as itself.
    exceptions(std::ios::badbit);
  }

private:
  LimitedBuf buf_;
};

}  // namespace

std::unique_ptr<std::istream> open(const std::string& path, std::size_t limit) {
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      throw InputError(trf("{}: cannot read: {}", path, say_errno(errno)));
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      throw InputError(trf("{}: is a directory", path));
    }
    // A file known too large is refused before it is read, not after minutes of it.
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > limit) {
      ::close(fd);
      throw InputError(trf("{}: larger than {}, the limit for this file", path, size_text(limit)));
    }
  }
  return std::make_unique<LimitedStream>(fd, limit, input_name(path));
}

int clean_stale(const std::string& path) {
  const std::string prefix = "." + fs::path(path).filename().string();
  // .NAME.omskplan-tmp-PID-XXXXXX (a directory); .NAME.tmp-PID (a file, older versions)
  return clean_stale_in(dir_of(path), prefix + std::string(kTempInfix), prefix + ".tmp-");
}

void write_atomically(const std::string& path, std::string_view content, WriteOptions options) {
  write_atomically_with(
      path,
      [&](const std::string& tmp) {
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0) {
          throw StorageError(trf("cannot write {}: {}", path, say_errno(errno)));
        }
        std::size_t done = 0;
        while (done < content.size()) {
          const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
          if (n < 0 && errno == EINTR) {
            continue;
          }
          if (n <= 0) {
            const int err = errno;
            ::close(fd);
            throw StorageError(trf("cannot write {}: {}", path, say_errno(err)));
          }
          done += static_cast<std::size_t>(n);
        }
        if (::close(fd) != 0) {
          throw StorageError(trf("cannot write {}: {}", path, say_errno(errno)));
        }
      },
      options);
}

void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& produce,
                           WriteOptions options) {
  const fs::path p(path);
  const fs::path dir = dir_of(path);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError(trf("cannot write {}: directory {} does not exist", path, dir.string()));
  }
  struct stat target {};
  const bool exists = ::lstat(path.c_str(), &target) == 0;
  if (exists && S_ISDIR(target.st_mode)) {
    throw InputError(trf("cannot write {}: it is a directory", path));
  }
  if (exists && !options.replace) {
    throw InputError(trf("{} exists already; remove it or choose another name", path));
  }
  clean_stale(path);
  std::string tmpl =
      (dir / fmt::format(".{}{}{}-XXXXXX", p.filename().string(), kTempInfix, ::getpid())).string();
  if (!::mkdtemp(tmpl.data())) {
    throw StorageError(trf("cannot write {}: {}", path, say_errno(errno)));
  }
  const std::string tmpdir = tmpl;
  const std::string tmp = tmpdir + "/" + p.filename().string();
  auto cleanup = [&] {
    std::error_code e;
    fs::remove_all(tmpdir, e);
  };
  try {
    produce(tmp);
    struct stat made {};
    if (::lstat(tmp.c_str(), &made) != 0 || !S_ISREG(made.st_mode)) {
      throw StorageError(trf("cannot write {}: nothing was written", path));
    }
    // An existing regular file keeps its mode; a new one gets the mode asked for.
    const unsigned mode = exists && S_ISREG(target.st_mode) ? (target.st_mode & 07777) : options.mode;
    if (::chmod(tmp.c_str(), mode) != 0) {
      throw StorageError(trf("cannot write {}: {}", path, say_errno(errno)));
    }
    fsync_path(tmp, O_RDONLY);
    if (options.replace) {
      if (::rename(tmp.c_str(), path.c_str()) != 0) {
        throw StorageError(trf("cannot write {}: {}", path, say_errno(errno)));
      }
    } else if (::link(tmp.c_str(), path.c_str()) != 0) {  // never replaces
      const int err = errno;
      if (err == EEXIST) {
        throw InputError(trf("{} exists already; remove it or choose another name", path));
      }
      throw StorageError(trf("cannot write {}: {}", path, say_errno(err)));
    }
  } catch (...) {
    cleanup();
    throw;
  }
  cleanup();
  fsync_path(dir.string(), O_RDONLY | O_DIRECTORY);
}

PrivateTempDir::PrivateTempDir() {
  const std::string base = temp_base();
  clean_stale_in(base, "omskplan-tmp-", "");
  std::string tmpl = fmt::format("{}/omskplan-tmp-{}-XXXXXX", base, ::getpid());
  if (!::mkdtemp(tmpl.data())) {
    throw StorageError(trf("cannot create a temporary directory in {}: {}", base, say_errno(errno)));
  }
  path_ = tmpl;
}

PrivateTempDir::~PrivateTempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void create_private_directories(const std::string& dir) {
  if (dir.empty()) {
    return;
  }
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    return;
  }
  const fs::path parent = fs::path(dir).parent_path();
  if (!parent.empty() && parent != fs::path(dir)) {
    create_private_directories(parent.string());
  }
  if (::mkdir(dir.c_str(), 0700) == 0) {
    ::chmod(dir.c_str(), 0700);  // the umask may have taken bits the owner needs
  } else if (errno != EEXIST) {
    throw StorageError(trf("cannot create directory {}: {}", dir, say_errno(errno)));
  }
}

std::vector<std::string> list(const std::string& dir, std::string_view extension) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->path().extension() == extension && it->is_regular_file(type_ec)) {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string say_errno(int err) {
  switch (err) {
    case ENOENT:
      return tr("no such file or directory");
    case EACCES:
    case EPERM:
      return tr("permission denied");
    case EISDIR:
      return tr("it is a directory");
    case ENOTDIR:
      return tr("a part of the path is not a directory");
    case ENOSPC:
      return tr("no space left on the device");
    case EROFS:
      return tr("the file system is read-only");
    case EEXIST:
      return tr("it exists already");
    case ENAMETOOLONG:
      return tr("the name is too long");
    case ELOOP:
      return tr("too many symbolic links");
    case EMFILE:
    case ENFILE:
      return tr("too many open files");
    case EIO:
      return tr("input/output error");
    case EXDEV:
      return tr("another file system");
    case EINVAL:
      return tr("invalid argument");
    default:
      return std::strerror(err);
  }
}

}  // namespace omskplan::files
