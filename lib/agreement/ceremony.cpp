#include "agreement/ceremony.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace omskplan::agreement {

event::WriteResult create_ceremony(Services& s, event::Services& es, const event::EventTemplate& tmpl, int year,
                                   time::Date date, std::optional<time::Minutes> start,
                                   event::ConflictPolicy policy) {
  store::WriteTransaction tx(s.db);
  const auto invited = ceremony_participants(s, year);
  if (invited.empty()) {
    throw InputError(trf("no «{}» titles or «Меценат» badges for {} yet; add them first "
                                 "('agreement award add', 'agreement badge issue')",
                                 s.settings.award_title, year));
  }
  event::EventFilter f;
  f.tag = fmt::format("меценат года {}", year);
  if (const auto existing = event::list_events(es, f, false); !existing.empty()) {
    throw InputError(trf("the ceremony of {} exists already: event {} «{}»", year, existing.front().id,
                                 existing.front().title));
  }
  event::Event e = event::materialize(tmpl, date, start, std::nullopt, es.ctx);
  e.tags.push_back(fmt::format("меценат года {}", year));
  std::sort(e.tags.begin(), e.tags.end());
  e.participants.insert(e.participants.end(), invited.begin(), invited.end());
  auto res = event::create(es, std::move(e), policy);
  tx.commit();
  return res;
}

}  // namespace omskplan::agreement
