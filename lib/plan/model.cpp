#include "plan/model.hpp"

#include "core/enums.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace omskplan::plan {

std::string_view to_string(Status s) { return kStatusNames.at(static_cast<std::size_t>(s)); }
Status parse_status(std::string_view s) { return parse_enum<Status>(kStatusNames, kStatusWords, s, tr("plan status")); }
std::string_view to_string(PointState s) { return kPointStateNames.at(static_cast<std::size_t>(s)); }
PointState parse_point_state(std::string_view s) {
  return parse_enum<PointState>(kPointStateNames, kPointStateWords, s, tr("control point state"));
}
std::string_view to_string(Standing s) { return kStandingNames.at(static_cast<std::size_t>(s)); }
std::string_view word(Status s) { return say(kStatusWords, s); }
std::string say_status(std::string_view name) { return say_name(kStatusNames, kStatusWords, name); }
std::string_view word(PointState s) { return say(kPointStateWords, s); }
std::string_view word(Standing s) { return say(kStandingWords, s); }
std::string say_standing(std::string_view name) { return say_name(kStandingNames, kStandingWords, name); }
std::string_view word(AmendmentKind k) { return say(kAmendmentKindWords, k); }
std::string say_amendment_kind(std::string_view name) {
  return say_name(kAmendmentKindNames, kAmendmentKindWords, name);
}
std::string_view to_string(AmendmentKind k) { return kAmendmentKindNames.at(static_cast<std::size_t>(k)); }
AmendmentKind parse_amendment_kind(std::string_view s) {
  return parse_enum<AmendmentKind>(kAmendmentKindNames, kAmendmentKindWords, s, tr("amendment kind"));
}

const Section* Plan::section(std::string_view key) const {
  for (const auto& s : sections) {
    if (s.key == key) {
      return &s;
    }
  }
  return nullptr;
}

std::string text_key(std::string_view t) {
  const std::string folded = text::fold(t);
  std::string out;
  out.reserve(folded.size());
  std::size_t pos = 0;
  bool space = false;
  while (pos < folded.size()) {
    const char32_t c = text::decode_utf8(folded, pos);
    // Quotes people vary: «» „“ "" ''
    if (c == U'«' || c == U'»' || c == U'„' || c == U'“' || c == U'”' || c == U'"' || c == U'\'') {
      continue;
    }
    if (text::is_space_or_invisible(c) || c == U'\t' || c == U'\n' || c == U'\r') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    // A dash of any width is a hyphen.
    text::append_utf8(out, (c == U'–' || c == U'—') ? U'-' : c);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ';' || out.back() == ',')) {
    out.pop_back();
  }
  return out;
}

time::Date due_as_of(const Point& p, time::Date day) {
  time::Date due = p.planned_on;
  for (const auto& pp : p.postponements) {
    if (pp.decided_on <= day) {
      due = pp.to;
    }
  }
  return due;
}

namespace {

bool postponed_by(const Point& p, time::Date day) {
  for (const auto& pp : p.postponements) {
    if (pp.decided_on <= day) {
      return true;
    }
  }
  return false;
}

}  // namespace

Standing standing(const Point& p, const std::optional<time::Date>& dropped_on, time::Date day) {
  if (dropped_on && *dropped_on <= day) {
    return Standing::dropped;
  }
  if (p.state == PointState::done && p.done_on && *p.done_on <= day) {
    return *p.done_on <= due_as_of(p, *p.done_on) ? Standing::done_on_time : Standing::done_late;
  }
  if (p.state == PointState::not_done) {
    return Standing::not_done;
  }
  if (p.state == PointState::carried) {
    return Standing::carried;
  }
  if (due_as_of(p, day) < day) {
    return Standing::overdue;
  }
  if (postponed_by(p, day)) {
    return Standing::postponed;
  }
  // In work by then (a point done later was in work before it, if started).
  const bool started = p.state == PointState::in_work || (p.state == PointState::done && p.started_on);
  if (started && (!p.started_on || *p.started_on <= day)) {
    return Standing::in_work;
  }
  return Standing::planned;
}

Standing standing(const Item& i, time::Date day) {
  if (i.dropped_on && *i.dropped_on <= day) {
    return Standing::dropped;
  }
  std::vector<Standing> all;
  for (const auto& p : i.points) {
    all.push_back(standing(p, i.dropped_on, day));
  }
  for (Standing worst : {Standing::overdue, Standing::not_done, Standing::carried}) {
    if (std::find(all.begin(), all.end(), worst) != all.end()) {
      return worst;
    }
  }
  for (Standing s : all) {
    if (s == Standing::planned || s == Standing::in_work || s == Standing::postponed) {
      return s;
    }
  }
  if (std::find(all.begin(), all.end(), Standing::done_late) != all.end()) {
    return Standing::done_late;
  }
  return all.empty() ? Standing::planned : Standing::done_on_time;
}

std::optional<double> Discipline::on_time_pct() const {
  const int n = came_due();
  if (n == 0) {
    return std::nullopt;
  }
  return 100.0 * on_time / n;
}

void Discipline::add(const Point& p, const std::optional<time::Date>& dropped_on, time::Date day) {
  ++points;
  const Standing s = standing(p, dropped_on, day);
  if (s == Standing::dropped) {
    ++dropped;
    return;
  }
  if (postponed_by(p, day)) {
    ++postponed;
  }
  switch (s) {
    case Standing::done_on_time:
      ++on_time;
      break;
    case Standing::done_late:
      ++late;
      break;
    case Standing::overdue:
      ++overdue;
      break;
    case Standing::not_done:
      ++not_done;
      break;
    case Standing::carried:
      ++carried;
      break;
    case Standing::planned:
    case Standing::in_work:
    case Standing::postponed:
    case Standing::dropped:
      ++pending;
      break;
  }
}

Discipline& Discipline::operator+=(const Discipline& o) {
  points += o.points;
  on_time += o.on_time;
  late += o.late;
  overdue += o.overdue;
  not_done += o.not_done;
  carried += o.carried;
  postponed += o.postponed;
  dropped += o.dropped;
  pending += o.pending;
  return *this;
}

std::string display_number(int section_no, int place) { return fmt::format("{}.{}.", section_no, place); }

}  // namespace omskplan::plan
