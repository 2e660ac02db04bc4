#include "guest/precedence.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "core/toml_input.hpp"

#include <algorithm>
#include <filesystem>

namespace omskplan::guest {

extern const char* const kBuiltinPrecedence;  // precedence.toml, compiled in (lib/CMakeLists.txt)

std::size_t Precedence::place(std::string_view rank) const {
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i].id == rank) {
      return i;
    }
  }
  return ranks.size();
}

const Rank* Precedence::find(std::string_view rank) const {
  const std::size_t i = place(rank);
  return i < ranks.size() ? &ranks[i] : nullptr;
}

Precedence parse_precedence(std::string_view text, const std::string& origin) {
  const toml_input::Reader r(origin);
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    r.fail(e.source(), trf("{0}", e.description()));
  }
  r.check_keys(root, {"tie", "host", "rank"}, "");
  Precedence p;
  p.origin = origin;
  p.text = std::string(text);
  const toml::source_region top{{1, 1}, {1, 1}, {}};
  r.each_table(root, "rank", [&](const toml::table& t) {
    r.check_keys(t, {"id", "name"}, "rank");
    Rank k{r.req_string(t, "id", t.source()), r.req_string(t, "name", t.source())};
    if (k.id.find_first_of(" \t,") != std::string::npos) {
      r.fail(r.node(t, "id").source(), trf("rank id '{}' has a space or a comma", k.id));
    }
    if (p.find(k.id) != nullptr) {
      r.fail(r.node(t, "id").source(), trf("rank '{}' is listed twice", k.id));
    }
    p.ranks.push_back(std::move(k));
  });
  if (p.ranks.empty()) {
    r.fail(top, tr("the table has no [[rank]]"));
  }
  if (const auto tie = r.opt_string(root, "tie")) {
    if (*tie == "name") {
      p.tie = Tie::name;
    } else if (*tie == "invited") {
      p.tie = Tie::invited;
    } else {
      r.fail(r.node(root, "tie").source(), trf("tie '{}' is neither 'name' nor 'invited'", *tie));
    }
  }
  p.host = r.req_string(root, "host", top);
  if (p.find(p.host) == nullptr) {
    r.fail(r.node(root, "host").source(), trf("host '{}' is not a rank of the table", p.host));
  }
  return p;
}

const Precedence& builtin_precedence() {
  static const Precedence p = parse_precedence(kBuiltinPrecedence, "built-in");
  return p;
}

Precedence load_precedence(const std::string& user_file) {
  std::error_code ec;
  if (!user_file.empty() && std::filesystem::exists(user_file, ec)) {
    return parse_precedence(files::read(user_file, files::kTextLimit), user_file);
  }
  return builtin_precedence();
}

std::string resolve_rank(const Precedence& p, std::string_view typed) {
  const std::string t = text::trim(typed);
  for (const auto& k : p.ranks) {
    if (k.id == t || text::fold(k.name) == text::fold(t)) {
      return k.id;
    }
  }
  std::vector<std::string> ids;
  for (const auto& k : p.ranks) {
    ids.push_back(k.id);
  }
  const std::string near = text::closest(t, ids);
  if (!near.empty()) {
    throw InputError(trf("no rank '{}' in the order of precedence; did you mean '{}'?", text::for_terminal(t, 60), near));
  }
  throw InputError(
      trf("no rank '{}' in the order of precedence ('omskplan guest ranks' lists them)", text::for_terminal(t, 60)));
}

void sort_by_precedence(const Precedence& p, std::vector<Ranked>& guests) {
  std::stable_sort(guests.begin(), guests.end(), [&](const Ranked& a, const Ranked& b) {
    const std::size_t pa = p.place(a.guest->rank);
    const std::size_t pb = p.place(b.guest->rank);
    if (pa != pb) {
      return pa < pb;
    }
    if (p.tie == Tie::invited && a.invited_on && b.invited_on && *a.invited_on != *b.invited_on) {
      return *a.invited_on < *b.invited_on;
    }
    const std::string ka = key(a.guest->name);
    const std::string kb = key(b.guest->name);
    if (ka != kb) {
      return ka < kb;
    }
    return a.guest->id < b.guest->id;
  });
}

bool is_host(const Precedence& p, const Guest& g) { return g.rank == p.host; }

}  // namespace omskplan::guest
