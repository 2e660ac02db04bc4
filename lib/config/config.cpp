#include "config/config.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "core/words.hpp"
#include "time/expr.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <pwd.h>
#include <unistd.h>

namespace omskplan::config {

namespace fs = std::filesystem;

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v || !*v) {
      return std::nullopt;
    }
    return std::string(v);
  };
}

std::string home_directory(const EnvLookup& env) {
  if (auto h = env("HOME"); h && (*h)[0] == '/') {
    return *h;
  }
  // HOME unset or relative (cron, systemd units, sudo -i): the account's own.
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_dir && pw->pw_dir[0] == '/') {
    return pw->pw_dir;
  }
  throw InputError(tr("cannot tell the home directory: HOME is not set and the account has none; "
                      "set HOME or give --db and --config"));
}

Paths resolve_paths(const EnvLookup& env, const std::string& exe_dir) {
  Paths p;
  // The XDG base directory specification: a relative path in XDG_* is invalid and ignored.
  auto xdg = [&](const char* name) -> std::optional<std::string> {
    auto v = env(name);
    return v && (*v)[0] == '/' ? v : std::nullopt;
  };
  const auto config_env = xdg("XDG_CONFIG_HOME");
  const auto data_env = xdg("XDG_DATA_HOME");
  const std::string home = config_env && data_env ? std::string() : home_directory(env);
  const std::string config_home = config_env.value_or(home + "/.config");
  const std::string data_home = data_env.value_or(home + "/.local/share");
  p.user_dir = config_home + "/omskplan";
  p.config_file = p.user_dir + "/config.toml";
  if (auto c = env("OMSKPLAN_CONFIG")) {
    p.config_file = *c;
    p.config_origin = "OMSKPLAN_CONFIG";
  }
  p.default_db = data_home + "/omskplan/omskplan.db";
  p.template_dirs.push_back(p.user_dir + "/templates");
  p.report_dirs.push_back(p.user_dir + "/reports");
  p.plan_dirs.push_back(p.user_dir + "/plans");
  p.calendar_dirs.push_back(p.user_dir + "/calendar");
  if (auto d = env("OMSKPLAN_DATA_DIR")) {
    p.template_dirs.push_back(*d + "/templates");
    p.report_dirs.push_back(*d + "/reports");
    p.plan_dirs.push_back(*d + "/plans");
    p.calendar_dirs.push_back(*d + "/calendar");
  }
  if (!exe_dir.empty()) {
    const fs::path share = fs::path(exe_dir).parent_path() / "share" / "omskplan";
    std::error_code ec;
    if (fs::is_directory(share, ec)) {
      p.share_dir = share.string();
      p.template_dirs.push_back((share / "templates").string());
      p.report_dirs.push_back((share / "reports").string());
      p.plan_dirs.push_back((share / "plans").string());
      p.calendar_dirs.push_back((share / "calendar").string());
    }
  }
  return p;
}

namespace {

constexpr std::array<KeyInfo, kKeyCount> kKeys{{
      {Key::database, "database", Kind::string, "OMSKPLAN_DB", "", N_("the database file"), "", "--db"},
      {Key::timezone, "timezone", Kind::string, "OMSKPLAN_TZ", "Asia/Omsk", N_("time zone for input and display, an IANA name"), "", "--tz"},
      {Key::lang, "lang", Kind::choice, "OMSKPLAN_LANG", "auto",
       N_("language of messages: auto (from LC_ALL, LC_MESSAGES, LANG), ru or en"), "auto|ru|en", "--lang"},
      {Key::color, "color", Kind::choice, "OMSKPLAN_COLOR", "auto", N_("colors: auto (only on a terminal), always or never; NO_COLOR means never"),
       "auto|always|never", "--no-color"},
      {Key::now, "now", Kind::string, "OMSKPLAN_NOW", "",
       N_("a frozen \"now\" (2023-07-20 09:00, local; or with Z / +06:00) for tests and reproducible runs; empty: the clock"),
       "", ""},
      {Key::csv, "csv", Kind::choice, "OMSKPLAN_CSV", "rfc",
       N_("CSV: rfc (RFC 4180, for scripts and imports) or excel (Excel on Russian Windows: BOM, ';', decimal comma)"),
       "rfc|excel", "--csv"},
      {Key::event_travel_buffer, "event.travel_buffer", Kind::duration, "OMSKPLAN_EVENT_TRAVEL_BUFFER", "30m",
       N_("a VIP needs this much time between two events at different venues"), "", ""},
      {Key::event_deadline_days_off, "event.deadline_days_off", Kind::choice, "OMSKPLAN_EVENT_DEADLINE_DAYS_OFF",
       "previous",
       N_("a task deadline counted in calendar days that lands on a day off moves to the previous working day, the next one, or is kept"),
       "previous|next|keep", ""},
      {Key::anniversary_base, "anniversary_base.*", Kind::integer, "", "",
       N_("the year an anniversary template counts from, per template id (city-day = 1716)"), "", ""},
      {Key::agreement_spheres, "agreement.spheres", Kind::list, "OMSKPLAN_AGREEMENT_SPHERES",
       "culture,sport,education,improvement,social,health,youth,economy,other",
       N_("the spheres an agreement may belong to"), "", ""},
      {Key::agreement_titles_per_year, "agreement.titles_per_year.*", Kind::integer, "", "2022=1,2025=3",
       N_("how many «Меценат года» titles a year may have, from a year on"), "", ""},
      {Key::inspection_visit_days, "inspection.visit_days", Kind::list, "OMSKPLAN_INSPECTION_VISIT_DAYS", "thu",
       N_("the weekdays of the weekly site visits (mon…fri; a holiday moves to the nearest working day)"), "", ""},
      {Key::inspection_day_start, "inspection.day_start", Kind::clock, "OMSKPLAN_INSPECTION_DAY_START", "09:00", N_("when a visit day starts"), "", ""},
      {Key::inspection_day_end, "inspection.day_end", Kind::clock, "OMSKPLAN_INSPECTION_DAY_END", "17:00", N_("when a visit day must end"), "", ""},
      {Key::inspection_start_point, "inspection.start_point", Kind::point, "OMSKPLAN_INSPECTION_START_POINT", "54.9847,73.371",
       N_("where the visits start and end: lat,lon (the City Administration, Gagarina 34)"), "", ""},
      {Key::inspection_start_venue, "inspection.start_venue", Kind::string, "OMSKPLAN_INSPECTION_START_VENUE", "",
       N_("a registered venue whose coordinates are where the visits start and end (instead of start_point)"), "", ""},
      {Key::inspection_service_minutes, "inspection.service_minutes", Kind::integer, "OMSKPLAN_INSPECTION_SERVICE_MINUTES", "45",
       N_("minutes spent at each site"), "", ""},
      {Key::inspection_max_sites, "inspection.max_sites", Kind::integer, "OMSKPLAN_INSPECTION_MAX_SITES", "8", N_("sites per visit day at most"), "", ""},
      {Key::inspection_speed_kmh, "inspection.speed_kmh", Kind::number, "OMSKPLAN_INSPECTION_SPEED_KMH", "30", N_("average city speed, km/h"), "", ""},
      {Key::inspection_detour, "inspection.detour", Kind::number, "OMSKPLAN_INSPECTION_DETOUR", "1.4",
       N_("how much longer roads are than the straight line"), "", ""},
      {Key::inspection_service_area_center, "inspection.service_area_center", Kind::point,
       "OMSKPLAN_INSPECTION_SERVICE_AREA_CENTER", "54.9847,73.371",
       N_("the centre of the service area: lat,lon; a site farther than service_area_radius_km from it warns"), "", ""},
      {Key::inspection_service_area_radius_km, "inspection.service_area_radius_km", Kind::number,
       "OMSKPLAN_INSPECTION_SERVICE_AREA_RADIUS_KM", "60",
       N_("the service area's radius, km (Omsk and its surroundings)"), "", ""},
      {Key::inspection_max_interval_days, "inspection.max_interval_days.*", Kind::integer, "",
       "extreme=7,high=14,significant=21,medium=28,moderate=42,low=91",
       N_("the longest gap between visits per risk class, in days"), "", ""},
      {Key::document_approver, "document.approver", Kind::string, "OMSKPLAN_DOCUMENT_APPROVER", "Мэр города Омска",
       N_("who approves documents: the title in the «УТВЕРЖДАЮ» block"), "", ""},
      {Key::document_approver_name, "document.approver_name", Kind::string, "OMSKPLAN_DOCUMENT_APPROVER_NAME", "",
       N_("the approver's initials and surname under the signature line"), "", ""},
      {Key::document_executor, "document.executor", Kind::string, "OMSKPLAN_DOCUMENT_EXECUTOR", "",
       N_("who prepared the documents: the «Исполнитель» line at their foot; empty: none"), "", ""},
      {Key::document_executor_phone, "document.executor_phone", Kind::string, "OMSKPLAN_DOCUMENT_EXECUTOR_PHONE", "",
       N_("the executor's phone on the «Исполнитель» line"), "", ""},
  }};

// The table is in the order of the enum: keys()[Key] is that key.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    if (static_cast<std::size_t>(kKeys[i].id) != i) {
      return false;
    }
  }
  return true;
}
static_assert(in_enum_order(), "config keys: the table must list every Key once, in the enum's order");

}  // namespace

const std::array<KeyInfo, kKeyCount>& keys() { return kKeys; }

namespace {

bool is_table_key(const KeyInfo& k) { return k.key.size() > 2 && k.key.substr(k.key.size() - 2) == ".*"; }
std::string_view table_prefix(const KeyInfo& k) { return k.key.substr(0, k.key.size() - 1); }  // "a.b."

// The key's definition: exact, or a table's key one level below its prefix.
const KeyInfo* find_key(std::string_view key) {
  for (const KeyInfo& k : keys()) {
    if (is_table_key(k)) {
      const std::string_view prefix = table_prefix(k);
      if (key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix &&
          key.substr(prefix.size()).find('.') == std::string_view::npos) {
        return &k;
      }
    } else if (k.key == key) {
      return &k;
    }
  }
  return nullptr;
}

// Some key lives below `prefix.` (a TOML table to descend into).
bool has_keys_below(std::string_view prefix) {
  for (const KeyInfo& k : keys()) {
    if (k.key.size() > prefix.size() + 1 && k.key.substr(0, prefix.size()) == prefix && k.key[prefix.size()] == '.') {
      return true;
    }
  }
  return false;
}

std::string unknown_key(std::string_view key) {
  std::vector<std::string> names;
  for (const KeyInfo& k : keys()) {
    names.push_back(is_table_key(k) ? std::string(table_prefix(k)) + "…" : std::string(k.key));
  }
  const std::string best = text::closest(key, names);
  return best.empty() ? trf("unknown key '{}'", key)
                      : trf("unknown key '{}', did you mean '{}'?", key, best);
}

// A value from one layer: a TOML node from the file, or text from the
// environment or the command line. `where` prefixes every error.
struct Raw {
  std::string where;
  const toml::node* node = nullptr;
  std::string text;

  [[noreturn]] void fail(std::string_view key, std::string_view what) const {
    throw InputError(fmt::format("{}: {} {}", where, key, what));
  }
  std::string string(std::string_view key) const {
    if (!node) {
      return text;
    }
    if (auto v = node->value_exact<std::string>()) {
      return *v;
    }
    fail(key, tr("must be a string"));
  }
  double number(std::string_view key) const {
    double v = 0;
    if (node) {
      if (!node->is_number()) {
        fail(key, tr("must be a number"));
      }
      v = *node->value<double>();
    } else {
      v = parsed<double>(key, N_("must be a number, not '{}'"));
    }
    if (!std::isfinite(v)) {  // nan and inf parse as numbers, and compare false with every bound
      fail(key, tr("must be a finite number"));
    }
    return v;
  }
  long integer(std::string_view key) const {
    if (node) {
      if (auto v = node->value_exact<int64_t>()) {
        return static_cast<long>(*v);
      }
      fail(key, tr("must be a whole number"));
    }
    return parsed<long>(key, N_("must be a whole number, not '{}'"));
  }
  // `text` as a T, all of it; `refusal` (marked N_) names the text otherwise.
  template <class T>
  T parsed(std::string_view key, const char* refusal) const {
    T v{};
    const auto t = text::trim(text);
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc{} || p != t.data() + t.size()) {
      fail(key, trf(refusal, text));
    }
    return v;
  }
  // A TOML array of strings, or comma-separated text.
  std::vector<std::string> list(std::string_view key) const {
    std::vector<std::string> out;
    if (node) {
      const toml::array* arr = node->as_array();
      if (!arr) {
        fail(key, tr("must be an array of strings, such as [\"thu\"]"));
      }
      for (const toml::node& el : *arr) {
        auto v = el.value_exact<std::string>();
        if (!v) {
          fail(key, tr("must be an array of strings, such as [\"thu\"]"));
        }
        out.push_back(*v);
      }
    } else {
      for (const auto& part : text::split(text, ',')) {
        out.emplace_back(text::trim(part));
      }
    }
    if (out.empty() || std::any_of(out.begin(), out.end(), [](const std::string& s) { return s.empty(); })) {
      fail(key, tr("must be a non-empty list"));
    }
    return out;
  }
  // { lat = …, lon = … } or "lat,lon".
  std::pair<double, double> point(std::string_view key) const {
    if (node) {
      const toml::table* t = node->as_table();
      if (!t || !t->get("lat") || !t->get("lon") || t->size() != 2 || !t->get("lat")->is_number() ||
          !t->get("lon")->is_number()) {
        fail(key, tr("must be { lat = …, lon = … }"));
      }
      const double lat = *t->get("lat")->value<double>(), lon = *t->get("lon")->value<double>();
      if (!std::isfinite(lat) || !std::isfinite(lon)) {
        fail(key, tr("must be finite numbers"));
      }
      return {lat, lon};
    }
    const auto parts = text::split(text, ',');
    if (parts.size() != 2) {
      fail(key, trf("must be lat,lon, not '{}'", text));
    }
    return {Raw{where, nullptr, std::string(parts[0])}.number(key), Raw{where, nullptr, std::string(parts[1])}.number(key)};
  }
};

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    out += (out.empty() ? "" : std::string(sep)) + s;
  }
  return out;
}

std::string number_text(double v) { return fmt::format("{}", v); }

// Applies one value to `s`; `key` is known (find_key found it). A switch
// over every Key with no default: the compiler names a key left out.
void apply(Settings& s, const std::string& key, const Raw& raw, const std::string& origin) {
  const KeyInfo& info = *find_key(key);
  auto& in = s.inspection;
  auto clock = [&](std::optional<std::string>& field) {
    const std::string v = raw.string(key);
    if (!time::parse_clock(v)) {
      raw.fail(key, trf("'{}' is not a time HH:MM", v));
    }
    field = v;
    return v;
  };
  std::string shown;
  switch (info.id) {
    case Key::database:
      s.database = {raw.string(key), origin};
      if (s.database.value.empty()) {
        raw.fail(key, tr("must not be empty"));
      }
      shown = s.database.value;
      break;
    case Key::timezone:
      s.timezone = {raw.string(key), origin};
      shown = s.timezone.value;
      break;
    case Key::lang:
    case Key::color:
    case Key::csv:
    case Key::event_deadline_days_off: {
      const std::string v = raw.string(key);
      bool ok = false;
      for (const auto& c : text::split(info.choices, '|')) {
        ok = ok || c == v;
      }
      if (!ok) {
        raw.fail(key, trf("must be one of {}, not '{}'", typed_list(text::split(info.choices, '|')), v));
      }
      (info.id == Key::lang                      ? s.lang
       : info.id == Key::color                   ? s.color
       : info.id == Key::event_deadline_days_off ? s.deadline_days_off
                                                 : s.csv) = {v, origin};
      shown = v;
      break;
    }
    case Key::now:
      s.now = {raw.string(key), origin};
      shown = s.now.value;
      break;
    case Key::event_travel_buffer: {
      const std::string v = raw.string(key);
      try {
        s.travel_buffer_min = {time::parse_duration(v).count(), origin};
      } catch (const InputError& e) {
        throw InputError(fmt::format("{}: {}", raw.where, e.what()));
      }
      shown = time::format_duration(time::Minutes{s.travel_buffer_min.value});
      break;
    }
    case Key::anniversary_base: {
      const long y = raw.integer(key);
      if (y < 1000 || y > 2200) {
        raw.fail(key, tr("must be a year"));
      }
      s.anniversary_base[key.substr(table_prefix(info).size())] = {static_cast<int>(y), origin};
      shown = std::to_string(y);
      break;
    }
    case Key::agreement_spheres:
      s.agreement_spheres = {raw.list(key), origin};
      shown = join(s.agreement_spheres.value, ",");
      break;
    case Key::agreement_titles_per_year: {
      int year = 0;
      const std::string y = key.substr(table_prefix(info).size());
      std::from_chars(y.data(), y.data() + y.size(), year);
      const long n = raw.integer(key);
      if (year < 2000 || year > 2200 || n < 1 || n > 100) {
        raw.fail(key, tr("needs year = count, e.g. 2025 = 3"));
      }
      s.titles_per_year[year] = static_cast<int>(n);
      shown = std::to_string(n);
      break;
    }
    case Key::inspection_visit_days:
      in.visit_days = raw.list(key);
      shown = join(in.visit_days, ",");
      break;
    case Key::inspection_day_start:
      shown = clock(in.day_start);
      break;
    case Key::inspection_day_end:
      shown = clock(in.day_end);
      break;
    case Key::inspection_start_point: {
      const auto [lat, lon] = raw.point(key);
      in.start_lat = lat;
      in.start_lon = lon;
      shown = number_text(lat) + "," + number_text(lon);
      break;
    }
    case Key::inspection_start_venue:
      in.start_venue = raw.string(key);
      if (in.start_venue->empty()) {
        in.start_venue.reset();
      }
      shown = in.start_venue.value_or("");
      break;
    case Key::inspection_service_minutes:
      in.service_min = raw.integer(key);
      shown = std::to_string(*in.service_min);
      break;
    case Key::inspection_max_sites:
      in.max_sites = raw.integer(key);
      shown = std::to_string(*in.max_sites);
      break;
    case Key::inspection_speed_kmh:
      in.speed_kmh = raw.number(key);
      shown = number_text(*in.speed_kmh);
      break;
    case Key::inspection_detour:
      in.detour = raw.number(key);
      shown = number_text(*in.detour);
      break;
    case Key::inspection_service_area_center: {
      const auto [lat, lon] = raw.point(key);
      in.area_lat = lat;
      in.area_lon = lon;
      shown = number_text(lat) + "," + number_text(lon);
      break;
    }
    case Key::inspection_service_area_radius_km:
      in.area_radius_km = raw.number(key);
      shown = number_text(*in.area_radius_km);
      break;
    case Key::inspection_max_interval_days: {
      const long days = raw.integer(key);
      in.max_interval_days[key.substr(table_prefix(info).size())] = days;
      shown = std::to_string(days);
      break;
    }
    case Key::document_approver:
    case Key::document_approver_name:
    case Key::document_executor:
    case Key::document_executor_phone: {
      shown = raw.string(key);
      if (shown.size() > 200 || shown.find('\n') != std::string::npos) {
        raw.fail(key, tr("must be one line of at most 200 bytes"));
      }
      auto& d = s.document;
      (info.id == Key::document_approver        ? d.approver
       : info.id == Key::document_approver_name ? d.approver_name
       : info.id == Key::document_executor      ? d.executor
                                                : d.executor_phone) = shown;
      break;
    }
  }
  if (key.rfind("inspection.", 0) == 0) {
    in.origin = origin;
  }
  s.set_keys[key] = {shown, origin};
}

std::string at(const std::string& file, const toml::source_region& r) {
  return fmt::format("{}:{}:{}", file, r.begin.line, r.begin.column);
}

void walk(Settings& s, const toml::table& t, const std::string& prefix, const std::string& file) {
  for (auto&& [k, node] : t) {
    const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (find_key(key)) {
      apply(s, key, Raw{at(file, node.source()), &node, {}}, fmt::format("{}:{}", file, node.source().begin.line));
    } else if (has_keys_below(key)) {
      const toml::table* sub = node.as_table();
      if (!sub) {
        throw InputError(trf("{}: '{}' must be a table", at(file, node.source()), key));
      }
      walk(s, *sub, key, file);
    } else {
      throw InputError(fmt::format("{}: {}", at(file, k.source()), unknown_key(key)));
    }
  }
}

}  // namespace

Override parse_set(std::string_view arg) {
  const auto eq = arg.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw InputError(trf("--set '{}': expected KEY=VALUE, e.g. inspection.day_start=10:00", arg));
  }
  Override o{std::string(text::trim(arg.substr(0, eq))), std::string(arg.substr(eq + 1)), "--set"};
  if (!find_key(o.key)) {
    throw InputError(trf("--set '{}': {}", arg, unknown_key(o.key)));
  }
  return o;
}

Settings load_settings(const Paths& paths, const EnvLookup& env, const std::vector<Override>& overrides) {
  Settings s;
  s.database = {paths.default_db, "default"};
  const std::string& file = paths.config_file;
  std::error_code ec;
  if (fs::exists(file, ec)) {
    if (fs::is_directory(file, ec)) {
      throw InputError(trf("{}: is a directory, not a config file", file));
    }
    toml::table t;
    try {
      t = toml::parse(files::read(file, files::kTextLimit), file);
    } catch (const toml::parse_error& e) {
  // toml++ says what is wrong in English; "{0}: {1}" reads the same in English and says "TOML syntax" in Russian.
      throw InputError(trf("{0}: {1}", at(file, e.source()), e.description()));
    }
    walk(s, t, "", file);
  } else if (paths.config_origin != "default") {
    throw InputError(trf("{} '{}': no such config file", paths.config_origin, file));
  }
  if (env("NO_COLOR")) {  // https://no-color.org
    apply(s, "color", Raw{"NO_COLOR", nullptr, "never"}, "NO_COLOR");
  }
  for (const KeyInfo& k : keys()) {
    if (k.env.empty()) {
      continue;
    }
    if (auto v = env(std::string(k.env))) {
      const std::string name(k.env);
      apply(s, std::string(k.key), Raw{name, nullptr, *v}, name);
    }
  }
  for (const Override& o : overrides) {
    if (!find_key(o.key)) {
      throw InputError(fmt::format("{} {}: {}", o.origin, o.key, unknown_key(o.key)));
    }
    apply(s, o.key, Raw{fmt::format("{} {}", o.origin, o.key), nullptr, o.value}, o.origin);
  }
  return s;
}

std::vector<Shown> show(const Settings& s, const Paths& paths) {
  std::vector<Shown> out;
  for (const KeyInfo& k : keys()) {
    if (!is_table_key(k)) {
      const std::string key(k.key);
      auto it = s.set_keys.find(key);
      if (it != s.set_keys.end()) {
        out.push_back({key, it->second.text, it->second.origin, tr(std::string(k.help))});
      } else {
        out.push_back({key, k.id == Key::database ? paths.default_db : std::string(k.fallback), "default",
                       tr(std::string(k.help))});
      }
      continue;
    }
    // A table: its defaults, then what the layers set (sorted by key).
    const std::string prefix(table_prefix(k));
    const std::size_t first = out.size();
    for (const auto& pair : text::split(k.fallback, ',')) {
      const auto eq = pair.find('=');
      if (eq != std::string::npos) {
        const std::string key = prefix + pair.substr(0, eq);
        out.push_back({key, pair.substr(eq + 1), "default", tr(std::string(k.help))});
      }
    }
    for (auto it = s.set_keys.lower_bound(prefix); it != s.set_keys.end() && it->first.rfind(prefix, 0) == 0; ++it) {
      auto row = std::find_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                              [&](const Shown& r) { return r.key == it->first; });
      if (row == out.end()) {
        out.push_back({it->first, it->second.text, it->second.origin, tr(std::string(k.help))});
      } else {
        *row = {it->first, it->second.text, it->second.origin, tr(std::string(k.help))};
      }
    }
  }
  return out;
}

namespace {

std::string toml_value(const KeyInfo& k, std::string_view v) {
  switch (k.kind) {
    case Kind::integer:
    case Kind::number:
      return std::string(v);
    case Kind::list: {
      std::string out = "[";
      for (const auto& part : text::split(v, ',')) {
        out += (out.size() == 1 ? "\"" : ", \"") + std::string(part) + "\"";
      }
      return out + "]";
    }
    case Kind::point: {
      const auto parts = text::split(v, ',');
      return fmt::format("{{ lat = {}, lon = {} }}", parts.at(0), parts.at(1));
    }
    default: {
      std::string out = "\"";
      for (char c : v) {
        if (c == '"' || c == '\\') {
          out += '\\';
        }
        out += c;
      }
      return out + "\"";
    }
  }
}

}  // namespace

std::string default_file(const Paths& paths, bool commented) {
  const std::string c = commented ? "# " : "";
  std::string out =
      "# omskplan settings. Layers: defaults < this file < environment (OMSKPLAN_*) < command line.\n"
      "# `omskplan config show` prints every setting and where it came from.\n"
      "# Every line below is a default; uncomment a line and change it to set it.\n";
  std::string table;  // the TOML table being written
  for (const KeyInfo& k : keys()) {
    std::string key(is_table_key(k) ? table_prefix(k) : k.key);
    std::string name = key;
    std::string section;
    if (const auto dot = key.rfind('.'); dot != std::string::npos) {
      section = key.substr(0, dot);
      name = key.substr(dot + 1);
    }
    if (is_table_key(k)) {
      section = key.substr(0, key.size() - 1);
      name.clear();
    }
    if (section != table) {
      out += fmt::format("\n{}[{}]\n", c, section);
      table = section;
    } else {
      out += "\n";
    }
    std::string also;
    if (!k.env.empty()) {
      also += fmt::format("${}", k.env);
    }
    if (!k.option.empty()) {
      also += fmt::format("{}{}", also.empty() ? "" : ", ", k.option);
    }
    out += fmt::format("# {}{}\n", tr(std::string(k.help)), also.empty() ? "" : fmt::format(" ({})", also));
    if (is_table_key(k)) {
      if (k.fallback.empty()) {
        out += "# city-day = 1716\n";
      }
      for (const auto& pair : text::split(k.fallback, ',')) {
        const auto eq = pair.find('=');
        if (eq != std::string::npos) {
          out += fmt::format("{}{} = {}\n", c, pair.substr(0, eq), pair.substr(eq + 1));
        }
      }
    } else if (k.id == Key::database) {
      out += fmt::format("{}{} = {}\n", c, name, toml_value(k, paths.default_db));
    } else if (k.fallback.empty()) {
      out += fmt::format("# {} = \"\"\n", name);
    } else {
      out += fmt::format("{}{} = {}\n", c, name, toml_value(k, k.fallback));
    }
  }
  return out;
}

std::string file_language(const std::string& default_file, const std::string& explicit_file) {
  const std::string& file = explicit_file.empty() ? default_file : explicit_file;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return "";
  }
  try {
    const toml::table t = toml::parse(files::read(file, files::kTextLimit), file);
    return t["lang"].value_or(std::string{});
  } catch (const std::exception&) {
    return "";  // reported by the command, which reads the file again
  }
}

std::string resolve_lang(const std::string& setting, const EnvLookup& env) {
  if (setting == "ru" || setting == "en") {
    return setting;
  }
  std::optional<std::string> locale = env("LC_ALL");
  if (!locale) {
    locale = env("LC_MESSAGES");
  }
  if (!locale) {
    locale = env("LANG");
  }
  if (!locale || *locale == "C" || *locale == "POSIX" || locale->rfind("C.", 0) == 0) {
    return "en";  // gettext ignores LANGUAGE under the C locale
  }
  std::string first = *locale;
  if (auto language = env("LANGUAGE")) {
    first = std::string(text::split(*language, ':').front());
  }
  return first.rfind("ru", 0) == 0 ? "ru" : "en";
}

std::string say_origin(std::string_view origin) {
  return origin == "default" ? std::string(trc("setting", "default")) : std::string(origin);
}

}  // namespace omskplan::config
