// Files that define things by id (event templates, report templates) in an
// ordered list of directories: the user's first, the shipped ones last. One
// rule for both kinds: the first directory's file with an id wins (and says
// it overrides the others); a broken file is skipped in a listing with a
// warning, and is the answer when asked for by its own name; an unknown id
// gets a "did you mean".
#pragma once

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::catalog {

using Warn = std::function<void(const std::string&)>;

template <class T>
struct Entry {
  T item;
  bool overrides = false;  // a file of a later directory has the same id
};

// `load(path)` reads one file (InputError when it is broken); T has an `id`.
template <class T>
class Catalog {
public:
  using Load = std::function<T(const std::string& path)>;
  // `skipping(error)` words the warning for a broken file in a listing;
  // `unknown(id, suggestion)` the NotFound message ("" when nothing is near).
  struct Messages {
    std::function<std::string(const std::string&)> skipping;
    std::function<std::string(const std::string&, const std::string&)> unknown;
  };

  Catalog(std::vector<std::string> dirs, Load load, Messages messages, Warn warn = {})
      : dirs_(std::move(dirs)), load_(std::move(load)), messages_(std::move(messages)), warn_(std::move(warn)) {}

  // Every valid item by id.
  std::vector<Entry<T>> list() const {
    std::map<std::string, Entry<T>> by_id;
    for (const auto& dir : dirs_) {
      for (const auto& file : files::list(dir, ".toml")) {
        try {
          T t = load_(file);
          const std::string id = t.id;
          if (auto it = by_id.find(id); it == by_id.end()) {
            by_id.emplace(id, Entry<T>{std::move(t), false});
          } else {
            it->second.overrides = true;
          }
        } catch (const InputError& e) {
          if (warn_) {
            warn_(messages_.skipping(e.what()));
          }
        }
      }
    }
    std::vector<Entry<T>> out;
    for (auto& [id, e] : by_id) {
      out.push_back(std::move(e));
    }
    return out;
  }

  T get(const std::string& id) const {
    std::vector<std::string> ids;
    for (const auto& dir : dirs_) {
      for (const auto& file : files::list(dir, ".toml")) {
        // A file named after the id is read strictly: its errors are the answer.
        std::optional<T> t;
        if (std::filesystem::path(file).stem() == id) {
          t = load_(file);
        } else {
          try {
            t = load_(file);
          } catch (const InputError&) {
            continue;
          }
        }
        if (t->id == id) {
          return std::move(*t);
        }
        ids.push_back(t->id);
      }
    }
    throw NotFound(messages_.unknown(id, text::closest(id, ids)));
  }

private:
  std::vector<std::string> dirs_;
  Load load_;
  Messages messages_;
  Warn warn_;
};

}  // namespace omskplan::catalog
