#include "event/conflicts.hpp"
#include "core/i18n.hpp"
#include "core/russian.hpp"

#include "core/text.hpp"
#include "venue/model.hpp"
#include "time/zone.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace omskplan::event {

using namespace std::chrono;

std::string_view to_string(Conflict::Type t) { return t == Conflict::Type::venue ? "venue" : "vip"; }

std::string say_conflict_type(std::string_view name) {
  static constexpr std::array<std::string_view, 2> kNames{"venue", "vip"};
  static constexpr std::array<Word, 2> kWords{NC_("conflict", "venue"), NC_("conflict", "VIP")};
  return say_name(kNames, kWords, name);
}

std::vector<Conflict> conflicts_between(const Event& a0, const Event& b0, time::Minutes buffer) {
  std::vector<Conflict> out;
  if (a0.id == b0.id || a0.status == Status::cancelled || b0.status == Status::cancelled) {
    return out;
  }
  // An umbrella event holds its parts: City Day and its concert share the
  // square and the Mayor by design.
  if ((a0.part_of && *a0.part_of == b0.id) || (b0.part_of && *b0.part_of == a0.id)) {
    return out;
  }
  const bool a_first = a0.start < b0.start || (a0.start == b0.start && a0.id < b0.id);
  const Event& a = a_first ? a0 : b0;
  const Event& b = a_first ? b0 : a0;
  const long gap = duration_cast<minutes>(b.start - std::min(a.end, b.end)).count();
  const long overlap_gap = std::max(a.start, b.start) < std::min(a.end, b.end)
                               ? -duration_cast<minutes>(std::min(a.end, b.end) - std::max(a.start, b.start)).count()
                               : gap;
  auto make = [&](Conflict::Type type, const std::string& subject) {
    return Conflict{type,    a.id,    a.title, a.start, a.end, b.id, b.title, b.start, b.end,
                    subject, overlap_gap};
  };
  const bool overlap = a.start < b.end && b.start < a.end;
  // One place: the same registered venue, or texts that name one place
  // («Соборная площадь, Омск» and «соборная площадь»).
  const bool same_venue = a.venue_id && b.venue_id ? *a.venue_id == *b.venue_id
                                                   : !venue::key(a.venue).empty() && venue::key(a.venue) == venue::key(b.venue);
  if (overlap && same_venue) {
    out.push_back(make(Conflict::Type::venue, a.venue));
  }
  // A VIP needs the travel buffer between two places; at the same place one
  // event may follow the other at once.
  if (overlap_gap < (same_venue ? 0 : buffer.count())) {
    for (const auto& pa : a.participants) {
      if (!pa.vip) {
        continue;
      }
      const std::string key = text::fold(text::trim(pa.who));
      for (const auto& pb : b.participants) {
        if (pb.vip && text::fold(text::trim(pb.who)) == key) {
          out.push_back(make(Conflict::Type::vip, pa.who));
          break;
        }
      }
    }
  }
  return out;
}

std::vector<Conflict> find_conflicts(std::vector<Event> events, time::Minutes buffer) {
  std::erase_if(events, [](const Event& e) { return e.status == Status::cancelled; });
  std::sort(events.begin(), events.end(),
            [](const Event& x, const Event& y) { return x.start < y.start || (x.start == y.start && x.id < y.id); });
  std::vector<Conflict> out;
  for (std::size_t i = 0; i < events.size(); ++i) {
    for (std::size_t j = i + 1; j < events.size() && events[j].start < events[i].end + buffer; ++j) {
      auto found = conflicts_between(events[i], events[j], buffer);
      out.insert(out.end(), found.begin(), found.end());
    }
  }
  return out;
}

std::string describe(const Conflict& c, const time::TimeZone& zone) {
  auto span = [&](time::Instant s, time::Instant e) {
    const auto ls = zone.to_local(s);
    const auto le = zone.to_local(e);
    return time::local_date(ls) == time::local_date(le)
               ? fmt::format("{}–{}", time::format_local(ls), time::format_clock(le))
               : fmt::format("{} – {}", time::format_local(ls), time::format_local(le));
  };
  const std::string relation = c.gap_minutes < 0 ? trf("overlaps by {} min with", -c.gap_minutes)
                                                : trf("ends {} min before", c.gap_minutes);
  return trf("{} {}: {} {} {} {} {} {} {}", say_conflict_type(to_string(c.type)), russian::quoted(c.subject),
             record_ref(c.first_id), russian::quoted(c.first_title), span(c.first_start, c.first_end), relation,
             record_ref(c.second_id), russian::quoted(c.second_title), span(c.second_start, c.second_end));
}

}  // namespace omskplan::event
