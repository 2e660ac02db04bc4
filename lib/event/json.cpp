#include "event/json.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/json_input.hpp"
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

template <class T>
ordered_json opt(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

}  // namespace

namespace {

// An object built in its keys' order: each key appended, not looked up (the
// keys are distinct by construction; ordered_json's operator[] searches the
// keys before it — a tenth of `event list --json`).
class ObjectWriter {
 public:
  explicit ObjectWriter(std::size_t keys) : j_(ordered_json::object()) {
    items().reserve(keys);
  }
  template <class V>
  ObjectWriter& put(const char* key, V&& value) {
    items().emplace_back(key, ordered_json(std::forward<V>(value)));
    return *this;
  }
  ordered_json take() { return std::move(j_); }

 private:
  ordered_json::object_t::Container& items() { return j_.get_ref<ordered_json::object_t&>(); }
  ordered_json j_;
};

}  // namespace

ordered_json to_json(const Event& e, const time::TimeZone& zone) {
  ObjectWriter j(34);
  j.put("id", e.id)
      .put("uuid", e.uuid)
      .put("title", e.title)
      .put("title_pattern", opt(e.title_pattern))
      .put("kind", to_string(e.kind))
      .put("level", to_string(e.level))
      .put("status", to_string(e.status))
      .put("start", format_local_iso(e.start, zone))
      .put("end", format_local_iso(e.end, zone))
      .put("all_day", e.all_day)
      .put("venue", e.venue)
      .put("organizer", e.organizer)
      .put("tags", e.tags)
      .put("notes", e.notes)
      .put("template", opt(e.template_id))
      .put("anniversary_base", opt(e.anniversary_base))
      .put("ordinal", opt(e.ordinal))
      .put("sequence", e.sequence)
      .put("cloned_from", opt(e.cloned_from))
      .put("part_of", opt(e.part_of))
      .put("part_of_uuid", opt(e.part_of_uuid))
      .put("deadline_days_off", time::to_string(e.deadline_days_off))
      .put("venue_id", opt(e.venue_id));
  if (e.repeat) {
    ObjectWriter r(5);
    r.put("rule", e.repeat->rule).put("days_off", to_string(e.repeat->days_off));
    if (!e.repeat->zone.empty()) {
      r.put("zone", e.repeat->zone);
    }
    r.put("start", format_local_iso(e.series_start.value_or(e.start), zone));
    auto cancelled = ordered_json::array();
    for (const auto& d : e.repeat->cancelled) {
      cancelled.push_back(time::format_date(d));
    }
    r.put("cancelled", std::move(cancelled));
    j.put("repeat", r.take());
  }
  if (e.occurrence) {
    j.put("occurrence", time::format_date(*e.occurrence));
  }
  if (e.occurrence_of) {
    j.put("occurrence_of", *e.occurrence_of).put("occurrence_of_uuid", opt(e.occurrence_of_uuid));
  }
  j.put("created", time::format_utc(e.created)).put("updated", time::format_utc(e.updated));
  auto participants = ordered_json::array();
  for (const auto& p : e.participants) {
    participants.push_back(ObjectWriter(3).put("who", p.who).put("role", p.role).put("vip", p.vip).take());
  }
  j.put("participants", std::move(participants));
  auto tasks = ordered_json::array();
  for (const auto& t : e.tasks) {
    tasks.push_back(ObjectWriter(8)
                        .put("no", t.no)
                        .put("title", t.title)
                        .put("owner", t.owner)
                        .put("due", time::format_date(t.due))
                        .put("due_offset", opt(t.due_offset))
                        .put("status", to_string(t.status))
                        .put("done_on", t.done_on ? ordered_json(time::format_date(*t.done_on)) : ordered_json(nullptr))
                        .put("note", t.note)
                        .take());
  }
  j.put("tasks", std::move(tasks));
  auto program = ordered_json::array();
  for (const auto& p : e.program) {
    program.push_back(ObjectWriter(7)
                          .put("no", p.no)
                          .put("at", format_local_iso(p.at, zone))
                          .put("at_spec", opt(p.at_spec))
                          .put("duration_min", p.duration.count())
                          .put("title", p.title)
                          .put("responsible", p.responsible)
                          .put("venue", p.venue)
                          .take());
  }
  j.put("program", std::move(program));
  auto lessons = ordered_json::array();
  for (const auto& l : e.lessons) {
    lessons.push_back(ObjectWriter(3)
                          .put("text", l.text)
                          .put("added", time::format_utc(l.added))
                          .put("origin_uuid", opt(l.origin_uuid))
                          .take());
  }
  j.put("lessons", std::move(lessons));
  return j.take();
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
