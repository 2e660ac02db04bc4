#include "guest/service.hpp"
#include "core/i18n.hpp"

#include "core/csv.hpp"
#include "core/enums.hpp"
#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"
#include "guest/repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace omskplan::guest {

namespace {

constexpr std::size_t kMaxText = 1000;

// A speech in the run of show (a Russian document).
std::string speech_title(const Guest& g) {
  std::string t = "Выступление: " + initials_first(g.name);
  if (!g.position.empty()) {
    t += ", " + g.position;
  }
  return t;
}

std::vector<std::string> words_of(const std::string& search) {
  std::vector<std::string> out;
  for (auto& w : text::split(key(search), ' ')) {
    if (!w.empty()) {
      out.push_back(w);
    }
  }
  return out;
}

std::optional<std::int64_t> id_of(std::string_view ref) {
  std::string_view t = ref;
  if (!t.empty() && t[0] == '#') {
    t.remove_prefix(1);
  }
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), id);
  if (t.empty() || ec != std::errc{} || p != t.data() + t.size()) {
    return std::nullopt;
  }
  return id;
}

std::optional<time::Date> consent_of(Services& s, const std::string& typed) {
  const std::string t = text::trim(typed);
  if (t.empty() || t == "none") {
    return std::nullopt;
  }
  try {
    const time::Date d = time::parse_date(t, s.ctx());
    if (d > s.ctx().today()) {
      throw InputError(trf("--consent {}: the day consent was given is in the future", t));
    }
    return d;
  } catch (const InputError& e) {
    if (std::string_view(e.what()).starts_with("--consent")) {
      throw;
    }
    throw InputError(trf("--consent: {}", e.what()));
  }
}

void check(Services& s, Guest& g) {
  g.name = text::trim(g.name);
  if (g.name.empty()) {
    throw InputError(tr("the guest's full name is empty"));
  }
  text::check_field(tr("the full name"), g.name, kMaxText, true);
  text::check_field(tr("the position"), g.position, kMaxText, true);
  text::check_field(tr("the organization"), g.org, kMaxText, true);
  text::check_field(tr("the city"), g.city, kMaxText, true);
  text::check_field(tr("the country"), g.country, kMaxText, true);
  text::check_field(tr("the phone"), g.phone, 100, true);
  text::check_field(tr("the e-mail"), g.email, 300, true);
  text::check_field(tr("the notes"), g.notes, 100000, false);
  if (!g.email.empty() && (g.email.find('@') == std::string::npos || g.email.find(' ') != std::string::npos)) {
    throw InputError(trf("--email '{}' is not an e-mail address", text::for_terminal(g.email, 80)));
  }
  if (!g.phone.empty()) {
    int digits = 0;
    for (char c : g.phone) {
      if (c >= '0' && c <= '9') {
        ++digits;
      } else if (std::string_view(" +-()").find(c) == std::string_view::npos) {
        throw InputError(trf("--phone '{}' is not a phone number", text::for_terminal(g.phone, 80)));
      }
    }
    if (digits < 5 || digits > 15) {
      throw InputError(trf("--phone '{}' is not a phone number", text::for_terminal(g.phone, 80)));
    }
  }
  g.rank = resolve_rank(s.precedence, g.rank.empty() ? "other" : g.rank);
  if (const auto other = repo::find(s.db(), key(g.name), key(g.org)); other && *other != g.id) {
    throw InputError(trf("{} «{}» of «{}» is on the register already", record_ref(*other), g.name,
                         g.org.empty() ? tr("no organization") : g.org));
  }
}

Guest from_input(Services& s, const GuestInput& in) {
  Guest g;
  g.name = text::trim(in.name);
  g.position = text::trim(in.position);
  g.org = text::trim(in.org);
  g.city = text::trim(in.city);
  g.country = text::trim(in.country);
  g.rank = text::trim(in.rank);
  g.phone = text::trim(in.phone);
  g.email = text::trim(in.email);
  g.notes = in.notes;
  g.consent = consent_of(s, in.consent);
  return g;
}

bool same_record(const Guest& a, const Guest& b) {
  return a.name == b.name && a.position == b.position && a.org == b.org && a.city == b.city && a.country == b.country &&
         a.rank == b.rank && a.phone == b.phone && a.email == b.email && a.notes == b.notes && a.consent == b.consent;
}

std::string say_guest(const Guest& g) { return fmt::format("{} «{}»", record_ref(g.id), g.name); }

}  // namespace

Guest add(Services& s, const GuestInput& in) {
  store::WriteTransaction tx(s.db());
  Guest g = from_input(s, in);
  g.uuid = new_uuid();
  g.created = g.updated = s.ctx().now;
  check(s, g);
  repo::insert(s.db(), g);
  tx.commit();
  return g;
}

Guest ensure(Services& s, const GuestInput& in) {
  if (const auto id = repo::find(s.db(), key(in.name), key(in.org))) {
    return *repo::load(s.db(), *id);
  }
  return add(s, in);
}

Guest resolve(Services& s, const std::string& ref) {
  const std::string t = text::trim(ref);
  if (const auto id = id_of(t)) {
    if (auto g = repo::load(s.db(), *id)) {
      return *g;
    }
    throw NotFound(trf("no guest {}", record_ref(*id)));
  }
  const auto words = words_of(t);
  if (words.empty()) {
    throw InputError(tr("a guest is named by an id or words of the name"));
  }
  const auto found = repo::list(s.db(), words, "", 6);
  if (found.empty()) {
    throw NotFound(trf("no guest '{}' ('omskplan guest list' shows them)", text::for_terminal(t, 60)));
  }
  if (found.size() > 1) {
    std::string who;
    for (std::size_t i = 0; i < std::min<std::size_t>(found.size(), 5); ++i) {
      who += (who.empty() ? "" : ", ") + say_guest(found[i]);
    }
    throw InputError(trf("'{}' names more than one guest: {}{}; give the id", text::for_terminal(t, 60), who,
                         found.size() > 5 ? ", …" : ""));
  }
  return found.front();
}

std::vector<Guest> list(Services& s, const std::string& search, const std::string& rank, std::optional<long> limit) {
  const std::string r = text::trim(rank).empty() ? "" : resolve_rank(s.precedence, rank);
  return repo::list(s.db(), words_of(search), r, limit);
}

Guest edit(Services& s, const std::string& ref, const GuestChanges& c) {
  store::WriteTransaction tx(s.db());
  const Guest before = resolve(s, ref);
  Guest g = before;
  auto set = [](std::string& field, const std::optional<std::string>& v) {
    if (v) {
      field = text::trim(*v);
    }
  };
  set(g.name, c.name);
  set(g.position, c.position);
  set(g.org, c.org);
  set(g.city, c.city);
  set(g.country, c.country);
  set(g.rank, c.rank);
  set(g.phone, c.phone);
  set(g.email, c.email);
  if (c.notes) {
    g.notes = *c.notes;
  }
  if (c.consent) {
    g.consent = consent_of(s, *c.consent);
  }
  check(s, g);
  if (same_record(g, before)) {
    return before;
  }
  g.updated = s.ctx().now;
  repo::update(s.db(), before, g);
  tx.commit();
  return g;
}

GuestCard card(Services& s, const std::string& ref) {
  GuestCard c;
  c.guest = resolve(s, ref);
  for (auto& [inv, _] : repo::invitations_of(s.db(), c.guest.id)) {
    c.invitations.emplace_back(inv, event::load_event(s.events, inv.event_id));
  }
  std::sort(c.invitations.begin(), c.invitations.end(),
            [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
  for (auto id : repo::delegations_of(s.db(), c.guest.id)) {
    c.delegations.push_back(*repo::load_delegation(s.db(), id));
  }
  return c;
}

ForgetResult forget(Services& s, const std::string& ref) {
  store::WriteTransaction tx(s.db());
  ForgetResult r;
  r.guest = resolve(s, ref);
  const auto invs = repo::invitations_of(s.db(), r.guest.id);
  r.invitations = static_cast<int>(invs.size());
  r.delegations = static_cast<int>(repo::delegations_of(s.db(), r.guest.id).size());
  // Their speeches leave the runs of show.
  for (const auto& [inv, _] : invs) {
    const event::Event e = event::load_event(s.events, inv.event_id);
    for (auto it = e.program.rbegin(); it != e.program.rend(); ++it) {
      if (it->title == speech_title(r.guest)) {
        event::remove_program_item(s.events, e.id, it->no);
      }
    }
  }
  std::vector<std::string> typed{r.guest.name, short_name(r.guest.name), initials_first(r.guest.name), r.guest.phone,
                                 r.guest.email};
  r.commands = repo::erase(s.db(), r.guest, typed);
  // Its own changes would hold the person's data: not kept, so not undoable.
  tx.forget_changes();
  tx.commit();
  return r;
}

ImportResult import_guests(Services& s, const std::string& text_, const std::string& origin, bool json) {
  static const std::vector<std::string> kColumns{"name", "position", "org",   "city",  "country",
                                                 "rank", "phone",    "email", "notes", "consent"};
  struct Row {
    std::size_t line = 0;
    GuestInput in;
  };
  std::vector<Row> rows;
  if (json) {
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(text_);
    } catch (const nlohmann::json::parse_error& e) {
      throw InputError(trf("{}: not valid JSON: {}", origin, e.what()));
    }
    if (!doc.is_array()) {
      throw InputError(trf("{}: expected an array of guests", origin));
    }
    std::size_t n = 0;
    for (const auto& rec : doc) {
      ++n;
      try {
        const json_input::Fields f{rec, ""};
        f.only({"id", "uuid", "name", "position", "org", "city", "country", "rank", "rank_name", "phone", "email", "notes",
                "consent"});
        Row r;
        r.line = n;
        r.in.name = f.str("name", true);
        r.in.position = f.str("position");
        r.in.org = f.str("org");
        r.in.city = f.str("city");
        r.in.country = f.str("country");
        r.in.rank = f.str("rank");
        r.in.phone = f.str("phone");
        r.in.email = f.str("email");
        r.in.notes = f.str("notes");
        r.in.consent = f.str("consent");
        rows.push_back(std::move(r));
      } catch (const Error& e) {
        throw InputError(trf("{}: record {}: {}", origin, n, e.what()));
      }
    }
  } else {
    csv::Table t;
    try {
      t = csv::parse(text_);
    } catch (const InputError& e) {
      throw InputError(fmt::format("{}: {}", origin, e.what()));
    }
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      const std::string h = text::fold(text::trim(t.header[i]));
      if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end()) {
        throw InputError(trf("{}:1: unknown column '{}'; expected: {}", origin, t.header[i], typed_list(kColumns)));
      }
      if (col.count(h)) {
        throw InputError(trf("{}:1: column '{}' appears twice", origin, h));
      }
      col[h] = i;
    }
    if (!col.count("name")) {
      throw InputError(trf("{}:1: missing column '{}'", origin, "name"));
    }
    for (const auto& row : t.rows) {
      if (row.cells.size() != t.header.size()) {
        throw InputError(trf("{}:{}: {} fields, the header has {}", origin, row.line, row.cells.size(), t.header.size()));
      }
      auto cell = [&](const char* c) { return col.count(c) ? row.cells[col[c]] : std::string(); };
      Row r;
      r.line = row.line;
      r.in = GuestInput{cell("name"), cell("position"), cell("org"),   cell("city"),  cell("country"),
                        cell("rank"), cell("phone"),    cell("email"), cell("notes"), cell("consent")};
      rows.push_back(std::move(r));
    }
  }
  const char* where = json ? "{}: record {}: {}" : "{}:{}: {}";
  ImportResult res;
  store::WriteTransaction tx(s.db());
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (const auto& r : rows) {
    try {
      Guest g = from_input(s, r.in);
      const auto k = std::make_pair(key(g.name), key(g.org));
      if (auto it = seen.find(k); it != seen.end()) {
        throw InputError(trf("«{}» of «{}» is in the file twice (also at {})", g.name, g.org, it->second));
      }
      seen[k] = r.line;
      if (const auto id = repo::find(s.db(), k.first, k.second)) {
        const Guest before = *repo::load(s.db(), *id);
        g.id = before.id;
        g.uuid = before.uuid;
        g.created = before.created;
        // What the file leaves empty stays as it was.
        for (auto [field, old] : {std::pair{&g.position, &before.position}, {&g.city, &before.city},
                                  {&g.country, &before.country}, {&g.phone, &before.phone}, {&g.email, &before.email},
                                  {&g.notes, &before.notes}}) {
          if (field->empty()) {
            *field = *old;
          }
        }
        if (r.in.rank.empty()) {
          g.rank = before.rank;
        }
        if (!g.consent) {
          g.consent = before.consent;
        }
        check(s, g);
        if (same_record(g, before)) {
          ++res.unchanged;
          continue;
        }
        g.updated = s.ctx().now;
        repo::update(s.db(), before, g);
        ++res.updated;
      } else {
        g.uuid = new_uuid();
        g.created = g.updated = s.ctx().now;
        check(s, g);
        repo::insert(s.db(), g);
        ++res.created;
      }
    } catch (const InputError& e) {
      throw InputError(fmt::format(fmt::runtime(tr(where)), origin, r.line, e.what()));
    }
  }
  tx.commit();
  return res;
}

// ---- Guest lists ----------------------------------------------------------

namespace {

std::vector<Guest> resolve_all(Services& s, const std::vector<std::string>& refs) {
  if (refs.empty()) {
    throw InputError(tr("name at least one guest"));
  }
  std::vector<Guest> out;
  for (const auto& r : refs) {
    Guest g = resolve(s, r);
    if (std::none_of(out.begin(), out.end(), [&](const Guest& x) { return x.id == g.id; })) {
      out.push_back(std::move(g));
    }
  }
  return out;
}

std::vector<Invitation>::iterator find_invitation(std::vector<Invitation>& list, std::int64_t guest_id) {
  return std::find_if(list.begin(), list.end(), [&](const Invitation& i) { return i.guest_id == guest_id; });
}

std::vector<Invitation>::iterator invited(std::vector<Invitation>& list, const Guest& g, const event::Event& e) {
  auto it = find_invitation(list, g.id);
  if (it == list.end()) {
    throw NotFound(trf("{} is not on the guest list of event {}", say_guest(g), e.id));
  }
  return it;
}

}  // namespace

InviteResult invite(Services& s, std::int64_t event_id, const std::vector<std::string>& refs, const std::string& group) {
  store::WriteTransaction tx(s.db());
  const event::Event e = event::load_event(s.events, event_id);
  if (e.status == event::Status::cancelled) {
    throw InputError(trf("event {} «{}» is cancelled", e.id, e.title));
  }
  text::check_field(tr("the group"), group, kMaxText, true);
  const auto before = repo::invitations(s.db(), event_id);
  auto after = before;
  InviteResult r;
  for (auto& g : resolve_all(s, refs)) {
    if (auto it = find_invitation(after, g.id); it != after.end()) {
      if (!text::trim(group).empty()) {
        it->group = text::trim(group);
      }
      r.already.push_back(std::move(g));
      continue;
    }
    Invitation i;
    i.event_id = event_id;
    i.guest_id = g.id;
    i.group = text::trim(group);
    i.invited_on = i.status_on = s.ctx().today();
    after.push_back(i);
    r.invited.push_back(std::move(g));
  }
  repo::write_invitations(s.db(), event_id, before, after);
  tx.commit();
  return r;
}

std::vector<Guest> set_status(Services& s, std::int64_t event_id, const std::vector<std::string>& refs,
                              const std::string& status) {
  const Status to = parse_status(text::trim(status));
  store::WriteTransaction tx(s.db());
  const event::Event e = event::load_event(s.events, event_id);
  if (after_the_fact(to) && s.ctx().now < e.start) {
    throw InputError(trf("event {} has not begun yet (it begins {}): a guest is marked «{}» after it",
                         e.id, russian::say_date(time::local_date(s.ctx().zone->to_local(e.start))), word(to)));
  }
  const auto before = repo::invitations(s.db(), event_id);
  auto after = before;
  auto guests = resolve_all(s, refs);
  for (const auto& g : guests) {
    auto it = invited(after, g, e);
    if (it->status == to) {
      continue;
    }
    if (!status_transition_allowed(it->status, to)) {
      throw InputError(trf("{}: «{}» cannot become «{}»", say_guest(g), word(it->status), word(to)));
    }
    it->status = to;
    it->status_on = s.ctx().today();
  }
  repo::write_invitations(s.db(), event_id, before, after);
  tx.commit();
  return guests;
}

std::vector<Guest> edit_invitations(Services& s, std::int64_t event_id, const std::vector<std::string>& refs,
                                    const InvitationChanges& c) {
  store::WriteTransaction tx(s.db());
  const event::Event e = event::load_event(s.events, event_id);
  if (c.group) {
    text::check_field(tr("the group"), *c.group, kMaxText, true);
  }
  if (c.note) {
    text::check_field(tr("the note"), *c.note, kMaxText, false);
  }
  const auto before = repo::invitations(s.db(), event_id);
  auto after = before;
  auto guests = resolve_all(s, refs);
  for (const auto& g : guests) {
    auto it = invited(after, g, e);
    if (c.group) {
      it->group = text::trim(*c.group);
    }
    if (c.note) {
      it->note = *c.note;
    }
    if (c.speaks) {
      it->speaks = *c.speaks;
    }
  }
  repo::write_invitations(s.db(), event_id, before, after);
  tx.commit();
  return guests;
}

std::vector<Guest> uninvite(Services& s, std::int64_t event_id, const std::vector<std::string>& refs) {
  store::WriteTransaction tx(s.db());
  const event::Event e = event::load_event(s.events, event_id);
  const auto before = repo::invitations(s.db(), event_id);
  auto after = before;
  auto guests = resolve_all(s, refs);
  for (const auto& g : guests) {
    after.erase(invited(after, g, e));
  }
  repo::write_invitations(s.db(), event_id, before, after);
  tx.commit();
  return guests;
}

namespace {
inline constexpr std::array<std::string_view, 4> kOrderNames{"precedence", "name", "status", "group"};
}

Order parse_order(std::string_view s) { return parse_enum<Order>(kOrderNames, s, "--order"); }

GuestList guest_list(Services& s, std::int64_t event_id, Order order, const std::vector<Status>& statuses) {
  GuestList gl;
  gl.event = event::load_event(s.events, event_id);
  const auto invs = repo::invitations(s.db(), event_id);
  std::vector<std::int64_t> ids;
  for (const auto& i : invs) {
    ids.push_back(i.guest_id);
  }
  const auto guests = repo::load_many(s.db(), ids);
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < guests.size(); ++i) {
    ranked.push_back({&guests[i], invs[i].invited_on});
  }
  sort_by_precedence(s.precedence, ranked);
  const auto delegs = repo::delegations(s.db(), event_id);
  int no = 0;
  for (const auto& r : ranked) {
    const Invitation& inv = *std::find_if(invs.begin(), invs.end(), [&](const Invitation& i) { return i.guest_id == r.guest->id; });
    gl.counts.at(static_cast<std::size_t>(inv.status))++;
    ListRow row;
    row.no = ++no;
    row.guest = *r.guest;
    row.invitation = inv;
    row.host = is_host(s.precedence, *r.guest);
    for (const auto& d : delegs) {
      if (d.head == r.guest->id || std::find(d.members.begin(), d.members.end(), r.guest->id) != d.members.end()) {
        row.delegations.push_back(d.id);
      }
    }
    if (statuses.empty() || std::find(statuses.begin(), statuses.end(), inv.status) != statuses.end()) {
      gl.rows.push_back(std::move(row));
    }
  }
  auto by = [&](auto&& k) {
    std::stable_sort(gl.rows.begin(), gl.rows.end(), [&](const ListRow& a, const ListRow& b) { return k(a) < k(b); });
  };
  switch (order) {
    case Order::precedence:
      break;
    case Order::name:
      by([](const ListRow& r) { return key(r.guest.name); });
      break;
    case Order::status:
      by([](const ListRow& r) { return static_cast<int>(r.invitation.status); });
      break;
    case Order::group:
      by([](const ListRow& r) { return key(r.invitation.group); });
      break;
  }
  for (const auto& p : gl.event.participants) {
    std::optional<std::int64_t> who;
    for (const auto& r : ranked) {
      if (!r.guest->position.empty() && key(r.guest->position) == key(p.who)) {
        who = r.guest->id;
        break;
      }
    }
    gl.participants.emplace_back(p, who);
  }
  return gl;
}

SeatingView seating(Services& s, std::int64_t event_id, const std::string& layout) {
  const auto blocks = parse_layout(layout);
  SeatingView v;
  v.list = guest_list(s, event_id, Order::precedence, {Status::invited, Status::confirmed, Status::attended});
  std::optional<std::size_t> host;
  for (std::size_t i = 0; i < v.list.rows.size(); ++i) {
    if (v.list.rows[i].host) {
      host = i;
      break;
    }
  }
  v.plan = assign_seats(blocks, v.list.rows.size(), host);
  return v;
}

std::vector<ListRow> speakers(Services& s, std::int64_t event_id) {
  auto gl = guest_list(s, event_id, Order::precedence, {Status::invited, Status::confirmed, Status::attended});
  std::vector<ListRow> out;
  for (auto& r : gl.rows) {
    if (r.invitation.speaks) {
      out.push_back(std::move(r));
    }
  }
  return out;
}

SpeakersWritten write_speakers(Services& s, std::int64_t event_id, const std::string& at, int minutes) {
  if (minutes < 1 || minutes > 240) {
    throw InputError(trf("--minutes {}: from 1 to 240", minutes));
  }
  store::WriteTransaction tx(s.db());
  const auto who = speakers(s, event_id);
  if (who.empty()) {
    throw InputError(trf("no guest of event {} is given the floor ('event guests {} edit ID --speaks')", event_id, event_id));
  }
  const event::Event e = event::load_event(s.events, event_id);
  SpeakersWritten w;
  std::optional<time::Instant> next;
  for (const auto& r : who) {
    const std::string title = speech_title(r.guest);
    if (std::any_of(e.program.begin(), e.program.end(), [&](const event::ProgramItem& p) { return p.title == title; })) {
      ++w.kept;
      continue;
    }
    event::ProgramChanges c;
    if (next) {
      c.at = time::format_local(s.ctx().zone->to_local(*next));
    } else {
      c.at = at;
    }
    c.duration = fmt::format("{}m", minutes);
    c.title = title;
    const auto item = event::add_program_item(s.events, event_id, c);
    next = item.at + time::Minutes{minutes};
    w.added.push_back(item);
  }
  if (!w.added.empty()) {
    tx.commit();  // a command that changed nothing leaves nothing to undo
  }
  return w;
}

// ---- Delegations ----------------------------------------------------------

namespace {

std::optional<time::Instant> when(Services& s, const std::string& typed, const char* option) {
  const std::string t = text::trim(typed);
  if (t.empty()) {
    return std::nullopt;
  }
  try {
    const auto v = time::parse_datetime(t, s.ctx());
    if (!v.has_time) {
      throw InputError(trf("'{}' has no time of day", t));
    }
    return v.instant;
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", option, e.what()));
  }
}

std::vector<event::Event> programme_of(Services& s, const Delegation& d) {
  std::vector<event::Event> out;
  for (auto id : d.events) {
    out.push_back(event::load_programme(s.events, id));  // with its parts: an umbrella is no place to be at
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}

void check_delegation(Services& s, Delegation& d) {
  d.from = text::trim(d.from);
  if (d.from.empty()) {
    throw InputError(tr("--from: where the delegation comes from is empty"));
  }
  text::check_field("--from", d.from, kMaxText, true);
  for (auto [what, v] : {std::pair{"--arrive-by", &d.arrive_by}, {"--depart-by", &d.depart_by}, {"--hotel", &d.hotel},
                         {"--escort", &d.escort}}) {
    *v = text::trim(*v);
    text::check_field(what, *v, kMaxText, true);
  }
  text::check_field(tr("the notes"), d.notes, 100000, false);
  if (d.arrive && d.depart && *d.depart <= *d.arrive) {
    throw InputError(tr("--depart is not after --arrive"));
  }
  if (d.head && std::find(d.members.begin(), d.members.end(), *d.head) != d.members.end()) {
    std::erase(d.members, *d.head);
  }
  for (auto id : d.events) {
    event::load_event(s.events, id);  // NotFound names it
  }
}

// The head and members on the guest list of every event of the programme.
void invite_delegation(Services& s, const Delegation& d) {
  std::vector<std::int64_t> people;
  if (d.head) {
    people.push_back(*d.head);
  }
  people.insert(people.end(), d.members.begin(), d.members.end());
  const std::string group = "делегация: " + d.from;  // data: documents are in Russian
  for (auto eid : d.events) {
    const auto before = repo::invitations(s.db(), eid);
    auto after = before;
    for (auto gid : people) {
      if (find_invitation(after, gid) == after.end()) {
        Invitation i;
        i.event_id = eid;
        i.guest_id = gid;
        i.group = group;
        i.invited_on = i.status_on = s.ctx().today();
        after.push_back(i);
      }
    }
    repo::write_invitations(s.db(), eid, before, after);
  }
}

std::vector<std::int64_t> guest_ids(Services& s, const std::vector<std::string>& refs) {
  std::vector<std::int64_t> out;
  for (const auto& r : refs) {
    const auto id = resolve(s, r).id;
    if (std::find(out.begin(), out.end(), id) == out.end()) {
      out.push_back(id);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> timing_conflicts(const Delegation& d, const std::vector<event::Event>& programme,
                                          const time::TimeZone& zone) {
  std::vector<std::string> out;
  auto at = [&](time::Instant t) {
    const auto l = zone.to_local(t);
    return fmt::format("{} {}", russian::say_date(time::local_date(l)), time::format_clock(l));
  };
  if (!programme.empty() && d.arrive && *d.arrive > programme.front().start) {
    out.push_back(trf("arrives {}, after event {} «{}» begins ({})", at(*d.arrive), programme.front().id,
                      programme.front().title, at(programme.front().start)));
  }
  if (!programme.empty() && d.depart) {
    for (const auto& e : programme) {
      if (*d.depart < e.end) {
        out.push_back(trf("leaves {}, before event {} «{}» ends ({})", at(*d.depart), e.id, e.title, at(e.end)));
      }
    }
  }
  for (std::size_t i = 0; i < programme.size(); ++i) {
    for (std::size_t j = i + 1; j < programme.size(); ++j) {
      const auto& a = programme[i];
      const auto& b = programme[j];
      // An umbrella (City Day) is the time of its parts, not a place to be at: it clashes with nothing.
      if (!a.parts.empty() || !b.parts.empty() || a.id == b.part_of || b.id == a.part_of) {
        continue;
      }
      if (a.start < b.end && b.start < a.end) {
        out.push_back(trf("due at two events at once: {} «{}» and {} «{}» ({})", a.id, a.title, b.id, b.title,
                          at(std::max(a.start, b.start))));
      }
    }
  }
  return out;
}

DelegationResult add_delegation(Services& s, const DelegationInput& in) {
  store::WriteTransaction tx(s.db());
  Delegation d;
  d.uuid = new_uuid();
  d.from = in.from;
  if (!text::trim(in.head).empty()) {
    d.head = resolve(s, in.head).id;
  }
  d.members = guest_ids(s, in.members);
  for (auto id : in.events) {
    if (std::find(d.events.begin(), d.events.end(), id) == d.events.end()) {
      d.events.push_back(id);
    }
  }
  d.arrive = when(s, in.arrive, "--arrive");
  d.depart = when(s, in.depart, "--depart");
  d.arrive_by = in.arrive_by;
  d.depart_by = in.depart_by;
  d.hotel = in.hotel;
  d.escort = in.escort;
  d.notes = in.notes;
  d.created = d.updated = s.ctx().now;
  check_delegation(s, d);
  if (!d.head && d.members.empty()) {
    throw InputError(tr("a delegation needs its head (--head) or a member (--member)"));
  }
  repo::insert(s.db(), d);
  invite_delegation(s, d);
  DelegationResult r{d, timing_conflicts(d, programme_of(s, d), *s.ctx().zone)};
  tx.commit();
  return r;
}

DelegationResult edit_delegation(Services& s, std::int64_t id, const DelegationChanges& c) {
  store::WriteTransaction tx(s.db());
  const auto loaded = repo::load_delegation(s.db(), id);
  if (!loaded) {
    throw NotFound(trf("no delegation {}", record_ref(id)));
  }
  const Delegation& before = *loaded;
  Delegation d = before;
  if (c.from) {
    d.from = *c.from;
  }
  if (c.head) {
    d.head = text::trim(*c.head) == "none" ? std::nullopt : std::optional<std::int64_t>(resolve(s, *c.head).id);
  }
  for (auto gid : guest_ids(s, c.remove_members)) {
    if (std::erase(d.members, gid) == 0) {
      throw NotFound(trf("guest {} is not a member of delegation {}", record_ref(gid), record_ref(id)));
    }
  }
  for (auto gid : guest_ids(s, c.add_members)) {
    if (std::find(d.members.begin(), d.members.end(), gid) == d.members.end() && d.head != gid) {
      d.members.push_back(gid);
    }
  }
  for (auto eid : c.remove_events) {
    if (std::erase(d.events, eid) == 0) {
      throw NotFound(trf("event {} is not in the programme of delegation {}", eid, record_ref(id)));
    }
  }
  for (auto eid : c.add_events) {
    if (std::find(d.events.begin(), d.events.end(), eid) == d.events.end()) {
      d.events.push_back(eid);
    }
  }
  if (c.arrive) {
    d.arrive = when(s, *c.arrive, "--arrive");
  }
  if (c.depart) {
    d.depart = when(s, *c.depart, "--depart");
  }
  for (auto [field, v] : {std::pair{&d.arrive_by, &c.arrive_by}, {&d.depart_by, &c.depart_by}, {&d.hotel, &c.hotel},
                          {&d.escort, &c.escort}, {&d.notes, &c.notes}}) {
    if (*v) {
      *field = **v;
    }
  }
  check_delegation(s, d);
  if (!d.head && d.members.empty()) {
    throw InputError(tr("a delegation needs its head (--head) or a member (--member)"));
  }
  const bool same = d.from == before.from && d.head == before.head && d.members == before.members &&
                    d.events == before.events && d.arrive == before.arrive && d.depart == before.depart &&
                    d.arrive_by == before.arrive_by && d.depart_by == before.depart_by && d.hotel == before.hotel &&
                    d.escort == before.escort && d.notes == before.notes;
  if (!same) {
    d.updated = s.ctx().now;
    repo::update(s.db(), before, d);
    invite_delegation(s, d);
  }
  DelegationResult r{d, timing_conflicts(d, programme_of(s, d), *s.ctx().zone)};
  tx.commit();
  return r;
}

Delegation remove_delegation(Services& s, std::int64_t id) {
  store::WriteTransaction tx(s.db());
  const auto d = repo::load_delegation(s.db(), id);
  if (!d) {
    throw NotFound(trf("no delegation {}", record_ref(id)));
  }
  repo::remove(s.db(), *d);
  tx.commit();
  return *d;
}

DelegationView delegation(Services& s, std::int64_t id) {
  const auto d = repo::load_delegation(s.db(), id);
  if (!d) {
    throw NotFound(trf("no delegation {}", record_ref(id)));
  }
  DelegationView v;
  v.delegation = *d;
  if (d->head) {
    v.head = repo::load(s.db(), *d->head);
  }
  v.members = repo::load_many(s.db(), d->members);
  v.programme = programme_of(s, *d);
  v.conflicts = timing_conflicts(*d, v.programme, *s.ctx().zone);
  return v;
}

std::vector<DelegationView> delegations(Services& s, std::optional<std::int64_t> event_id) {
  if (event_id) {
    event::load_event(s.events, *event_id);
  }
  std::vector<DelegationView> out;
  for (const auto& d : repo::delegations(s.db(), event_id)) {
    out.push_back(delegation(s, d.id));
  }
  return out;
}

}  // namespace omskplan::guest
