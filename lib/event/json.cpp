#include "event/json.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/json_output.hpp"
#include "core/text.hpp"
#include "time/rrule.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <set>

namespace omskplan::event {

using nlohmann::json;
using nlohmann::ordered_json;

std::string format_local_iso(time::Instant t, const time::TimeZone& zone) {
  const auto info = zone.info_at(t);
  const time::LocalTime lt{t.time_since_epoch() + info.offset};
  const auto d = time::local_date(lt);
  const std::chrono::hh_mm_ss hms{lt - std::chrono::floor<std::chrono::days>(lt)};
  return fmt::format(FMT_COMPILE("{}T{:02}:{:02}:{:02}{}"), time::format_date(d), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count(), time::format_offset(info.offset));
}

namespace {

// The fields of an event, in their order (docs/json.md), to a json_output writer.
template <class W>
void write_event(W& w, const Event& e, const time::TimeZone& zone) {
  const auto put = [&w](const char* key, const auto& value) {
    w.key(key);
    w.value(value);
  };
  w.begin_object();
  put("id", e.id);
  put("uuid", e.uuid);
  put("title", e.title);
  put("title_pattern", e.title_pattern);
  put("kind", to_string(e.kind));
  put("level", to_string(e.level));
  put("status", to_string(e.status));
  put("start", format_local_iso(e.start, zone));
  put("end", format_local_iso(e.end, zone));
  put("all_day", e.all_day);
  put("venue", e.venue);
  put("organizer", e.organizer);
  w.key("tags");
  w.begin_array();
  for (const auto& t : e.tags) {
    w.value(t);
  }
  w.end_array();
  put("notes", e.notes);
  put("template", e.template_id);
  put("anniversary_base", e.anniversary_base);
  put("ordinal", e.ordinal);
  put("sequence", e.sequence);
  put("cloned_from", e.cloned_from);
  put("part_of", e.part_of);
  put("part_of_uuid", e.part_of_uuid);
  put("deadline_days_off", time::to_string(e.deadline_days_off));
  put("venue_id", e.venue_id);
  if (e.repeat) {
    w.key("repeat");
    w.begin_object();
    put("rule", e.repeat->rule);
    put("days_off", to_string(e.repeat->days_off));
    if (!e.repeat->zone.empty()) {
      put("zone", e.repeat->zone);
    }
    put("start", format_local_iso(e.series_start.value_or(e.start), zone));
    w.key("cancelled");
    w.begin_array();
    for (const auto& d : e.repeat->cancelled) {
      w.value(time::format_date(d));
    }
    w.end_array();
    w.end_object();
  }
  if (e.occurrence) {
    put("occurrence", time::format_date(*e.occurrence));
  }
  if (e.occurrence_of) {
    put("occurrence_of", *e.occurrence_of);
    put("occurrence_of_uuid", e.occurrence_of_uuid);
  }
  put("created", time::format_utc(e.created));
  put("updated", time::format_utc(e.updated));
  w.key("participants");
  w.begin_array();
  for (const auto& p : e.participants) {
    w.begin_object();
    put("who", p.who);
    put("role", p.role);
    put("vip", p.vip);
    w.end_object();
  }
  w.end_array();
  w.key("tasks");
  w.begin_array();
  for (const auto& t : e.tasks) {
    w.begin_object();
    put("no", t.no);
    put("title", t.title);
    put("owner", t.owner);
    put("due", time::format_date(t.due));
    put("due_offset", t.due_offset);
    put("status", to_string(t.status));
    put("done_on", t.done_on ? std::optional<std::string>(time::format_date(*t.done_on)) : std::nullopt);
    put("note", t.note);
    w.end_object();
  }
  w.end_array();
  w.key("program");
  w.begin_array();
  for (const auto& p : e.program) {
    w.begin_object();
    put("no", p.no);
    put("at", format_local_iso(p.at, zone));
    put("at_spec", p.at_spec);
    put("duration_min", static_cast<std::int64_t>(p.duration.count()));
    put("title", p.title);
    put("responsible", p.responsible);
    put("venue", p.venue);
    w.end_object();
  }
  w.end_array();
  w.key("lessons");
  w.begin_array();
  for (const auto& l : e.lessons) {
    w.begin_object();
    put("text", l.text);
    put("added", time::format_utc(l.added));
    put("origin_uuid", l.origin_uuid);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

ordered_json to_json(const Event& e, const time::TimeZone& zone) {
  json_output::ValueWriter w;
  write_event(w, e, zone);
  return w.take();
}

void append_json(std::string& out, const Event& e, const time::TimeZone& zone, int indent, int depth) {
  json_output::TextWriter w(out, indent, depth);
  write_event(w, e, zone);
}

namespace {

using json_input::Fields;

// An ISO 8601 date-time field: with an offset, Z, or local to the zone.
time::Instant instant(const Fields& f, std::string_view key, const time::Context& ctx) {
  const std::string s = f.str(key, true);
  if (s.size() < 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ')) {
    f.fail(key, trf("invalid date-time '{}': expected 2023-08-05T10:00:00+06:00", s));
  }
  return f.parsed(key, [&] { return time::parse_datetime(s, ctx).instant; });
}

time::Date required_date(const Fields& f, std::string_view key) {
  if (!f.has(key)) {
    f.fail(key, tr("missing"));
  }
  return *f.date(key);
}

}  // namespace

Event from_json(const json& j, const time::Context& ctx) {
  const Fields r{j, ""};
  r.only({"id", "uuid", "title", "title_pattern", "kind", "level", "status", "start", "end", "all_day", "venue",
          "organizer", "tags", "notes", "template", "anniversary_base", "ordinal", "sequence", "cloned_from",
          "part_of", "part_of_uuid", "deadline_days_off", "venue_id", "repeat", "occurrence", "occurrence_of",
          "occurrence_of_uuid", "created", "updated", "participants", "tasks", "program",
          "lessons"});
  Event e;
  e.id = r.opt_int("id").value_or(0);
  e.uuid = r.str("uuid");
  e.title = r.str("title", true);
  e.title_pattern = r.opt_str("title_pattern");
  e.kind = r.parsed("kind", [&] { return parse_kind(r.str("kind", true)); });
  e.level = r.has("level") ? r.parsed("level", [&] { return parse_level(r.str("level")); }) : Level::municipal;
  e.status = r.has("status") ? r.parsed("status", [&] { return parse_status(r.str("status")); }) : Status::planned;
  e.start = instant(r, "start", ctx);
  e.end = instant(r, "end", ctx);
  if (e.end < e.start) {
    r.fail("end", tr("is before start"));
  }
  e.all_day = r.boolean("all_day");
  e.venue = r.str("venue");
  e.organizer = r.str("organizer");
  e.notes = r.str("notes");
  if (const json* tags = r.array("tags")) {
    for (const auto& t : *tags) {
      if (!t.is_string() || text::trim(t.get<std::string>()).empty()) {
        r.fail("tags", tr("must hold non-empty strings"));
      }
      e.tags.push_back(text::trim(t.get<std::string>()));
    }
    std::sort(e.tags.begin(), e.tags.end());
    e.tags.erase(std::unique(e.tags.begin(), e.tags.end()), e.tags.end());
  }
  e.template_id = r.opt_str("template");
  if (auto b = r.opt_int("anniversary_base")) {
    e.anniversary_base = static_cast<int>(*b);
  }
  if (auto o = r.opt_int("ordinal")) {
    e.ordinal = static_cast<int>(*o);
  }
  e.sequence = static_cast<int>(r.opt_int("sequence").value_or(0));
  e.part_of_uuid = r.opt_str("part_of_uuid");
  if (!e.part_of_uuid) {
    e.part_of = r.opt_int("part_of");
  }
  if (r.has("deadline_days_off")) {
    e.deadline_days_off = r.parsed("deadline_days_off", [&] { return time::parse_day_off_rule(r.str("deadline_days_off")); });
  }
  if (r.has("repeat")) {
    const Fields rr{j.at("repeat"), "repeat."};
    rr.only({"rule", "days_off", "zone", "start", "cancelled"});
    Repeat x;
    x.rule = rr.parsed("rule", [&] { return time::format_recurrence(time::parse_recurrence(rr.str("rule", true), "rule")); });
    if (rr.has("days_off")) {
      x.days_off = rr.parsed("days_off", [&] { return parse_repeat_days_off(rr.str("days_off")); });
    }
    if (rr.has("zone")) {
      x.zone = rr.parsed("zone", [&] { return time::TimeZone::load(rr.str("zone")).name(); });
    }
    if (const json* cs = rr.array("cancelled")) {
      for (const auto& c : *cs) {
        const auto d = c.is_string() ? time::parse_iso_date(c.get<std::string>()) : std::nullopt;
        if (!d) {
          rr.fail("cancelled", tr("must hold dates such as 2024-01-08"));
        }
        x.cancelled.push_back(*d);
      }
      std::sort(x.cancelled.begin(), x.cancelled.end());
      x.cancelled.erase(std::unique(x.cancelled.begin(), x.cancelled.end()), x.cancelled.end());
    }
    // One occurrence as a list prints it stands for its whole series.
    if (rr.has("start")) {
      const time::Instant first = instant(rr, "start", ctx);
      e.end = first + (e.end - e.start);
      e.start = first;
    }
    e.repeat = std::move(x);
  }
  if (r.has("occurrence_of") || r.has("occurrence_of_uuid")) {
    if (e.repeat) {
      r.fail("occurrence_of", tr("a changed occurrence does not repeat itself"));
    }
    e.occurrence_of_uuid = r.opt_str("occurrence_of_uuid");
    if (!e.occurrence_of_uuid) {
      e.occurrence_of = r.opt_int("occurrence_of");
    }
    if (!r.has("occurrence")) {
      r.fail("occurrence", tr("missing: the day the series' rule makes for this occurrence"));
    }
    e.occurrence = r.date("occurrence");
  }
  e.created = r.has("created") ? instant(r, "created", ctx) : ctx.now;
  e.updated = r.has("updated") ? instant(r, "updated", ctx) : e.created;
  if (const json* ps = r.array("participants")) {
    for (std::size_t i = 0; i < ps->size(); ++i) {
      const Fields pr{(*ps)[i], fmt::format("participants[{}].", i)};
      pr.only({"who", "role", "vip"});
      e.participants.push_back({pr.str("who", true), pr.str("role"), pr.boolean("vip")});
    }
  }
  if (const json* ts = r.array("tasks")) {
    std::set<long long> seen;
    for (std::size_t i = 0; i < ts->size(); ++i) {
      const Fields tr{(*ts)[i], fmt::format("tasks[{}].", i)};
      tr.only({"no", "title", "owner", "due", "due_offset", "status", "done_on", "note"});
      Task t;
      t.no = static_cast<int>(tr.opt_int("no").value_or(static_cast<long long>(i + 1)));
      if (t.no <= 0 || !seen.insert(t.no).second) {
        tr.fail("no", trf("{} is not a new positive task number", t.no));
      }
      t.title = tr.str("title", true);
      t.owner = tr.str("owner");
      t.due = required_date(tr, "due");
      t.due_offset = tr.opt_str("due_offset");
      if (t.due_offset && !time::parse_offset(*t.due_offset)) {
        tr.fail("due_offset", trf("invalid offset '{}'", *t.due_offset));
      }
      t.status = tr.has("status") ? tr.parsed("status", [&] { return parse_task_status(tr.str("status")); })
                                  : TaskStatus::todo;
      if (tr.has("done_on")) {
        t.done_on = tr.date("done_on");
      }
      t.note = tr.str("note");
      e.tasks.push_back(std::move(t));
    }
  }
  if (const json* ps = r.array("program")) {
    for (std::size_t i = 0; i < ps->size(); ++i) {
      const Fields pr{(*ps)[i], fmt::format("program[{}].", i)};
      pr.only({"no", "at", "at_spec", "duration_min", "title", "responsible", "venue"});
      ProgramItem p;
      p.no = static_cast<int>(pr.opt_int("no").value_or(static_cast<long long>(i + 1)));
      p.at = instant(pr, "at", ctx);
      p.at_spec = pr.opt_str("at_spec");
      const long long d = pr.opt_int("duration_min").value_or(0);
      if (d < 0 || d > 366 * 24 * 60) {
        pr.fail("duration_min", tr("must be 0 … 527040"));
      }
      p.duration = time::Minutes{d};
      p.title = pr.str("title", true);
      p.responsible = pr.str("responsible");
      p.venue = pr.str("venue");
      e.program.push_back(std::move(p));
    }
  }
  if (const json* ls = r.array("lessons")) {
    for (std::size_t i = 0; i < ls->size(); ++i) {
      const Fields lr{(*ls)[i], fmt::format("lessons[{}].", i)};
      lr.only({"text", "added", "origin_uuid"});
      Lesson l;
      l.text = lr.str("text", true);
      l.added = lr.has("added") ? instant(lr, "added", ctx) : ctx.now;
      l.origin_uuid = lr.opt_str("origin_uuid");
      e.lessons.push_back(std::move(l));
    }
  }
  return e;
}

}  // namespace omskplan::event
