#include "event/template.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"
#include "core/toml_input.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace omskplan::event {

namespace fs = std::filesystem;

namespace {

using toml_input::Reader;

const std::set<std::string> kTopKeys{"id",         "name",  "kind",  "level",       "title",   "anniversary_base",
                                     "start_time", "duration", "venue", "organizer", "tags", "notes",
                                     "participant", "task", "program", "part", "deadline_days_off"};
const std::set<std::string> kParticipantKeys{"role", "name", "vip"};
const std::set<std::string> kTaskKeys{"title", "due", "owner"};
const std::set<std::string> kProgramKeys{"at", "duration", "title", "responsible", "venue"};
const std::set<std::string> kPartKeys{"title", "kind", "at", "duration", "venue", "organizer", "vips", "notes"};

// Checks placeholders; returns the message of the first problem or "".
std::string check_title(std::string_view pattern, bool has_base) {
  std::size_t i = 0;
  while ((i = pattern.find('{', i)) != std::string_view::npos) {
    const auto close = pattern.find('}', i);
    if (close == std::string_view::npos) {
      return "unclosed '{' in title";
    }
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    if (name != "ordinal" && name != "year" && name != "date") {
      return trf("unknown placeholder '{{{}}}' in title; use {{ordinal}}, {{year}} or {{date}}", name);
    }
    if (name == "ordinal" && !has_base) {
      return "title uses {ordinal} but the template has no anniversary_base";
    }
    i = close + 1;
  }
  return {};
}

}  // namespace

EventTemplate parse_event_template(std::string_view toml_text, const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
  // toml++ says what is wrong in English; "{0}: {1}" reads the same in English and says "TOML syntax" in Russian.
    throw InputError(trf("{0}: {1}", fmt::format("{}:{}:{}", origin, e.source().begin.line, e.source().begin.column),
                         e.description()));
  }
  const Reader r(origin);
  const toml::source_region top{{1, 1}, {1, 1}, {}};
  r.check_keys(root, kTopKeys, "");

  EventTemplate t;
  t.origin = origin;
  t.id = r.req_string(root, "id", top);
  if (!std::all_of(t.id.begin(), t.id.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'; })) {
    r.fail(r.node(root, "id").source(), trf("id '{}' may hold only a-z, 0-9 and '-'", t.id));
  }
  t.name = r.req_string(root, "name", top);
  const std::string kind = r.req_string(root, "kind", top);
  try {
    t.kind = event::parse_kind(kind);
  } catch (const InputError& e) {
    r.fail(r.node(root, "kind").source(), e.what());
  }
  if (auto lv = r.opt_string(root, "level")) {
    try {
      t.level = event::parse_level(*lv);
    } catch (const InputError& e) {
      r.fail(r.node(root, "level").source(), e.what());
    }
  }
  if (const toml::node* b = root.get("anniversary_base")) {
    const auto y = b->value<int64_t>();
    if (!y || *y < 1000 || *y > 2200) {
      r.fail(b->source(), tr("anniversary_base must be a year, e.g. 1716"));
    }
    t.anniversary_base = static_cast<int>(*y);
  }
  t.title = r.req_string(root, "title", top);
  if (auto problem = check_title(t.title, t.anniversary_base.has_value()); !problem.empty()) {
    r.fail(r.node(root, "title").source(), problem);
  }
  if (auto st = r.opt_string(root, "start_time")) {
    const auto c = time::parse_clock(*st);
    if (!c) {
      r.fail(r.node(root, "start_time").source(), trf("start_time '{}' is not a time HH:MM", *st));
    }
    t.start_time = *c;
  }
  if (auto d = r.opt_string(root, "duration")) {
    try {
      t.duration = time::parse_duration(*d);
    } catch (const InputError& e) {
      r.fail(r.node(root, "duration").source(), e.what());
    }
  }
  t.venue = r.opt_string(root, "venue").value_or("");
  t.organizer = r.opt_string(root, "organizer").value_or("");
  t.notes = r.opt_string(root, "notes").value_or("");
  if (const toml::node* tags = root.get("tags")) {
    const toml::array* arr = tags->as_array();
    if (!arr) {
      r.fail(tags->source(), tr("'tags' must be an array of strings"));
    }
    for (const toml::node& el : *arr) {
      auto v = el.value<std::string>();
      if (!v || text::trim(*v).empty()) {
        r.fail(el.source(), tr("each tag must be a non-empty string"));
      }
      t.tags.push_back(text::trim(*v));
    }
  }
  r.each_table(root, "participant", [&](const toml::table& p) {
    r.check_keys(p, kParticipantKeys, "participant");
    TemplateParticipant tp;
    tp.role = r.req_string(p, "role", p.source());
    tp.name = r.opt_string(p, "name").value_or("");
    if (const toml::node* v = p.get("vip")) {
      auto b = v->value<bool>();
      if (!b) {
        r.fail(v->source(), tr("'vip' must be true or false"));
      }
      tp.vip = *b;
    }
    t.participants.push_back(std::move(tp));
  });
  r.each_table(root, "task", [&](const toml::table& p) {
    r.check_keys(p, kTaskKeys, "task");
    TemplateTask tt;
    tt.title = r.req_string(p, "title", p.source());
    const std::string due = r.req_string(p, "due", p.source());
    auto off = time::parse_offset(due);
    if (!off) {
      r.fail(r.node(p, "due").source(),
             trf("invalid due '{}': expected an offset from the event such as -30d, -5wd, -2w, +1d", due));
    }
    tt.due = *off;
    tt.owner = r.opt_string(p, "owner").value_or("");
    t.tasks.push_back(std::move(tt));
  });
  r.each_table(root, "program", [&](const toml::table& p) {
    r.check_keys(p, kProgramKeys, "program");
    TemplateProgramItem pi;
    pi.at = r.req_string(p, "at", p.source());
    if (auto c = time::parse_clock(pi.at)) {
      pi.clock = *c;
    } else if (auto off = time::parse_offset(pi.at)) {
      pi.offset = *off;
    } else {
      r.fail(r.node(p, "at").source(),
             trf("invalid at '{}': expected a clock time (10:00) or an offset from the start (+30m, +1d)",
                         pi.at));
    }
    if (auto d = r.opt_string(p, "duration")) {
      try {
        pi.duration = time::parse_duration(*d);
      } catch (const InputError& e) {
        r.fail(r.node(p, "duration").source(), e.what());
      }
    }
    pi.title = r.req_string(p, "title", p.source());
    pi.responsible = r.opt_string(p, "responsible").value_or("");
    pi.venue = r.opt_string(p, "venue").value_or("");
    // The run of show and the event's times agree: every item within the event.
    const long rel = pi.clock ? (*pi.clock - t.start_time).count()
                     : pi.offset->unit == time::Offset::Unit::minutes ? pi.offset->amount
                                                                      : pi.offset->amount * 24 * 60;
    if (rel < 0 || rel + pi.duration.count() > t.duration.count()) {
      r.fail(p.source(), trf("run-of-show item «{}» at {} is outside the event ({}, {}); move the start_time or the item",
                             pi.title, pi.at,
                             fmt::format("{:02}:{:02}", t.start_time.count() / 60, t.start_time.count() % 60),
                             time::format_duration(t.duration)));
    }
    t.program.push_back(std::move(pi));
  });
  if (auto rule = r.opt_string(root, "deadline_days_off")) {
    try {
      t.deadline_days_off = time::parse_day_off_rule(*rule);
    } catch (const InputError& e) {
      r.fail(r.node(root, "deadline_days_off").source(), e.what());
    }
  }
  r.each_table(root, "part", [&](const toml::table& p) {
    r.check_keys(p, kPartKeys, "part");
    TemplatePart part;
    part.title = r.req_string(p, "title", p.source());
    if (auto k = r.opt_string(p, "kind")) {
      try {
        part.kind = event::parse_kind(*k);
      } catch (const InputError& e) {
        r.fail(r.node(p, "kind").source(), e.what());
      }
    }
    part.at = r.req_string(p, "at", p.source());
    if (auto c = time::parse_clock(part.at)) {
      part.clock = *c;
    } else if (auto off = time::parse_offset(part.at); off && off->unit == time::Offset::Unit::minutes) {
      part.offset = *off;
    } else {
      r.fail(r.node(p, "at").source(),
             trf("invalid at '{}': expected a clock time (18:00) or an offset from the start (+8h)", part.at));
    }
    if (auto d = r.opt_string(p, "duration")) {
      try {
        part.duration = time::parse_duration(*d);
      } catch (const InputError& e) {
        r.fail(r.node(p, "duration").source(), e.what());
      }
    }
    part.venue = r.opt_string(p, "venue").value_or("");
    part.organizer = r.opt_string(p, "organizer").value_or("");
    part.notes = r.opt_string(p, "notes").value_or("");
    if (const toml::node* v = p.get("vips")) {
      const toml::array* arr = v->as_array();
      if (!arr) {
        r.fail(v->source(), tr("'vips' must be an array of names or positions"));
      }
      for (const toml::node& el : *arr) {
        auto name = el.value<std::string>();
        if (!name || text::trim(*name).empty()) {
          r.fail(el.source(), tr("each VIP must be a non-empty string"));
        }
        part.vips.push_back(text::trim(*name));
      }
    }
    const auto start = part.clock ? *part.clock : t.start_time + time::Minutes{part.offset->amount};
    if (start < t.start_time || start + part.duration > t.start_time + t.duration) {
      r.fail(p.source(), trf("part «{}» ({}, {}) is not within the event ({}, {})", part.title, part.at,
                             time::format_duration(part.duration),
                             fmt::format("{:02}:{:02}", t.start_time.count() / 60, t.start_time.count() % 60),
                             time::format_duration(t.duration)));
    }
    t.parts.push_back(std::move(part));
  });
  return t;
}

EventTemplate load_event_template(const std::string& path) {
  if (fs::is_directory(path)) {
    throw InputError(trf("{}: is a directory, not a template file", path));
  }
  const std::string data = files::read(path, files::kTextLimit);
  if (!text::is_valid_utf8(data)) {
    throw InputError(trf("{}: not valid UTF-8", path));
  }
  return parse_event_template(data, path);
}

std::string render_title(std::string_view pattern, time::Date date, std::optional<int> base) {
  if (auto problem = check_title(pattern, base.has_value()); !problem.empty()) {
    throw InputError(problem);
  }
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    const auto close = pattern.find('}', i);
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    if (name == "ordinal") {
      out += std::to_string(time::year_of(date) - *base);
    } else if (name == "year") {
      out += std::to_string(time::year_of(date));
    } else {
      out += russian::format_date(date);
    }
    i = close + 1;
  }
  return out;
}

TemplateCatalog::TemplateCatalog(std::vector<std::string> dirs, Warn warn)
    : catalog_(std::move(dirs), load_event_template,
               {[](const std::string& e) { return trf("skipping template {}", e); },
                [](const std::string& id, const std::string& near) {
                  return trf("unknown template '{}'{}", id,
                             near.empty() ? tr(" (see 'omskplan template list')") : trf("; did you mean '{}'?", near));
                }},
               std::move(warn)) {}

std::vector<CatalogEntry> TemplateCatalog::list() const {
  std::vector<CatalogEntry> out;
  for (auto& e : catalog_.list()) {
    out.push_back({std::move(e.item), e.overrides});
  }
  return out;
}

EventTemplate TemplateCatalog::get(const std::string& id) const { return catalog_.get(id); }

}  // namespace omskplan::event
