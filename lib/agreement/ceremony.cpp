#include "agreement/ceremony.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "guest/service.hpp"

#include "core/text.hpp"
#include "core/words.hpp"

#include <fmt/format.h>

#include <map>

namespace omskplan::agreement {

CeremonyResult create_ceremony(Services& s, event::Services& es, const guest::Precedence& precedence,
                               const event::EventTemplate& tmpl, int year, time::Date date,
                               std::optional<time::Minutes> start, event::ConflictPolicy policy) {
  store::WriteTransaction tx(s.db);
  const auto awardees = ceremony_participants(s, year);
  if (awardees.empty()) {
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
  CeremonyResult res;
  res.written = event::create(es, std::move(e), policy);
  // The awardees come as guests, not as free-text participants.
  guest::Services gs{es, precedence};
  std::vector<std::string> refs;
  std::map<std::int64_t, std::string> notes;
  for (const auto& a : patrons(s, year)) {
    if (a.titles.empty() && !a.badge) {
      continue;
    }
    const Organization org = load_org(s, a.org_id);
    guest::GuestInput in;
    in.name = text::trim(org.contact).empty() ? org.name : org.contact;
    in.org = org.name;
    in.rank = "business";
    in.phone = org.phone;
    in.email = org.email;
    if (text::trim(org.contact).empty()) {
      res.no_contact.push_back(org.name);
    }
    const guest::Guest g = guest::ensure(gs, in);
    refs.push_back(std::to_string(g.id));
    res.invited.push_back(g.name);
    for (const auto& p : awardees) {
      if (p.who == a.name) {
        notes[g.id] = p.role;
      }
    }
  }
  const auto id = res.written.event.id;
  guest::invite(gs, id, refs, "награждаемые");
  for (const auto& [gid, note] : notes) {
    guest::InvitationChanges c;
    c.note = note;
    guest::edit_invitations(gs, id, {std::to_string(gid)}, c);
  }
  tx.commit();
  return res;
}

}  // namespace omskplan::agreement
