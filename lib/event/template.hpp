// Event templates: a kind of event described once in TOML (see
// docs/templates.md) and materialised into a plan for a date.
#pragma once

#include "core/catalog.hpp"
#include "event/model.hpp"
#include "time/expr.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::event {

struct TemplateParticipant {
  std::string role;
  std::string name;
  bool vip = false;
};

struct TemplateTask {
  std::string title;
  time::Offset due;
  std::string owner;
};

struct TemplateProgramItem {
  std::string at;                       // as written: "+30m" or "10:00"
  std::optional<time::Offset> offset;   // set when `at` is an offset from the start
  std::optional<time::Minutes> clock;   // set when `at` is a clock time on the start day
  time::Minutes duration{0};
  std::string title;
  std::string responsible;
  std::string venue;
};

// A part of the programme: an event of its own within the umbrella event
// (City Day's opening concert on Соборная площадь), with its own VIPs.
struct TemplatePart {
  std::string title;
  event::Kind kind = event::Kind::other;
  std::string at;                       // as written: "18:00" or "+8h"
  std::optional<time::Offset> offset;   // from the umbrella's start
  std::optional<time::Minutes> clock;   // a clock time on the umbrella's first day
  time::Minutes duration{60};
  std::string venue;
  std::string organizer;
  std::vector<std::string> vips;
  std::string notes;
};

struct EventTemplate {
  std::string id;
  std::string name;
  event::Kind kind = event::Kind::other;
  event::Level level = event::Level::municipal;
  std::string title;  // pattern with {ordinal}, {year}, {date}
  std::optional<int> anniversary_base;
  time::Minutes start_time{10 * 60};
  time::Minutes duration{2 * 60};
  std::string venue;
  std::string organizer;
  std::vector<std::string> tags;
  std::string notes;
  std::vector<TemplateParticipant> participants;
  std::vector<TemplateTask> tasks;
  std::vector<TemplateProgramItem> program;
  std::vector<TemplatePart> parts;
  // Calendar-day deadlines on a day off; nullopt: the setting event.deadline_days_off.
  std::optional<time::DayOffRule> deadline_days_off;
  std::string origin;  // the file it came from
};

// Parses a template; every error is "origin:line:col: what is wrong".
EventTemplate parse_event_template(std::string_view toml_text, const std::string& origin);
EventTemplate load_event_template(const std::string& path);

// Fills the placeholders of a title pattern: {ordinal} = year − base,
// {year}, {date} ("5 августа 2023 г."). Throws InputError for an unknown one.
std::string render_title(std::string_view pattern, time::Date date, std::optional<int> anniversary_base);

struct CatalogEntry {
  EventTemplate tmpl;
  bool overridden_shipped = false;  // a user template hides a shipped one of the same id
};

// Templates found in `dirs`, the first directory winning for the same id.
class TemplateCatalog {
public:
  using Warn = catalog::Warn;
  TemplateCatalog(std::vector<std::string> dirs, Warn warn = {});
  // All valid templates by id; a broken file is reported through `warn` and skipped.
  std::vector<CatalogEntry> list() const;
  // Throws NotFound naming the id (with a suggestion) when there is none;
  // a broken file with that id is reported with its error.
  EventTemplate get(const std::string& id) const;

private:
  catalog::Catalog<EventTemplate> catalog_;
};

}  // namespace omskplan::event
