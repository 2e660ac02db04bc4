#include "core/files.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace omskplan::files {

namespace fs = std::filesystem;

namespace {

std::string temp_beside(const std::string& path) {
  const fs::path p(path);
  const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError(trf("cannot write {}: directory {} does not exist", path, dir.string()));
  }
  if (fs::is_directory(p, ec)) {
    throw InputError(trf("cannot write {}: it is a directory", path));
  }
  return (dir / fmt::format(".{}.tmp-{}", p.filename().string(), ::getpid())).string();
}

void finish(const std::string& tmp, const std::string& path) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw StorageError(trf("cannot write {}: {}", path, std::strerror(err)));
  }
}

}  // namespace

void write_atomically(const std::string& path, std::string_view content) {
  write_atomically_with(path, [&](const std::string& tmp) {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
      throw StorageError(trf("cannot write {}: {}", path, std::strerror(errno)));
    }
    const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
      std::remove(tmp.c_str());
      throw StorageError(trf("cannot write {}: {}", path, std::strerror(errno)));
    }
  });
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

void write_atomically_with(const std::string& path, const std::function<void(const std::string&)>& produce) {
  const std::string tmp = temp_beside(path);
  try {
    produce(tmp);
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  finish(tmp, path);
}

}  // namespace omskplan::files
