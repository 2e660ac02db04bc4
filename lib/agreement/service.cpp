#include "agreement/service.hpp"
#include "core/uuid.hpp"
#include "core/i18n.hpp"

#include "agreement/tax_ids.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "event/model.hpp"
#include "event/planner.hpp"
#include "agreement/repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace omskplan::agreement {

using namespace std::chrono;
using time::Date;

int Settings::max_titles(int year) const {
  int n = 1;
  for (const auto& [from, count] : titles_per_year) {
    if (year >= from) {
      n = count;
    }
  }
  return n;
}

namespace {

bool event_exists(Services& s, std::int64_t id) {
  event::Services es{s.db, s.ctx};
  return event::find_event(es, id).has_value();
}

constexpr std::size_t kMaxText = 1000;
constexpr std::size_t kMaxNotes = 100000;


std::optional<Date> opt_date(const std::string& expr, const time::Context& ctx) {
  if (text::trim(expr).empty()) {
    return std::nullopt;
  }
  return time::parse_date(expr, ctx);
}

void validate_org(const Organization& o) {
  if (text::trim(o.name).empty()) {
    throw InputError(tr("the organization's name is empty"));
  }
  text::check_field(tr("the name"), o.name, kMaxText, true);
  for (const auto* f : {&o.contact, &o.phone, &o.email, &o.address}) {
    text::check_field(tr("a contact field"), *f, kMaxText, true);
  }
  text::check_field(tr("the notes"), o.notes, kMaxNotes, false);
  if (o.inn.empty()) {
    if (o.kind != OrgKind::other) {
      throw InputError(trf("an organization of kind {} needs an INN", word(o.kind)));
    }
  } else {
    if (auto e = check_inn(o.inn); !e.empty()) {
      throw InputError(e);
    }
    const bool person = o.inn.size() == 12;
    if (o.kind == OrgKind::entrepreneur && !person) {
      throw InputError(trf("INN {} has 10 digits, an organization's; a sole trader's INN has 12", o.inn));
    }
    if ((o.kind == OrgKind::company || o.kind == OrgKind::ngo) && person) {
      throw InputError(trf("INN {} has 12 digits, a person's; an organization's INN has 10", o.inn));
    }
  }
  if (!o.ogrn.empty()) {
    if (auto e = check_ogrn(o.ogrn); !e.empty()) {
      throw InputError(e);
    }
    if (o.kind == OrgKind::entrepreneur && o.ogrn.size() != 15) {
      throw InputError(trf("a sole trader has a 15-digit OGRNIP, not the 13-digit OGRN {}", o.ogrn));
    }
    if ((o.kind == OrgKind::company || o.kind == OrgKind::ngo) && o.ogrn.size() != 13) {
      throw InputError(trf("an organization has a 13-digit OGRN, not the 15-digit OGRNIP {}", o.ogrn));
    }
  }
  if (!o.email.empty() && o.email.find('@') == std::string::npos) {
    throw InputError(trf("invalid email '{}'", o.email));
  }
}

void check_inn_free(Services& s, const Organization& o) {
  if (o.inn.empty()) {
    return;
  }
  if (auto other = repo::find_org_by_inn(s.db, o.inn); other && other->id != o.id) {
    throw InputError(trf("INN {} is already registered: organization {} «{}»", o.inn, other->id, other->name));
  }
}

}  // namespace

void check(Services& s, const Agreement& a) {
  if (text::trim(a.number).empty()) {
    throw InputError(tr("the agreement's number is empty"));
  }
  text::check_field(tr("the number"), a.number, 100, true);
  if (text::trim(a.title).empty()) {
    throw InputError(tr("the agreement's title is empty"));
  }
  text::check_field(tr("the title"), a.title, kMaxText, true);
  text::check_field(tr("the notes"), a.notes, kMaxNotes, false);
  if (std::find(s.settings.spheres.begin(), s.settings.spheres.end(), a.sphere) == s.settings.spheres.end()) {
    throw InputError(trf("invalid sphere '{}'; expected one of: {}", a.sphere, typed_list(s.settings.spheres)));
  }
  if (a.valid_from && a.valid_to && *a.valid_to < *a.valid_from) {
    throw InputError(trf("valid to {} is before valid from {}", time::format_date(*a.valid_to),
                                 time::format_date(*a.valid_from)));
  }
  if (a.signed_on && a.valid_to && *a.valid_to < *a.signed_on) {
    throw InputError(trf("valid to {} is before the signing on {}", time::format_date(*a.valid_to),
                                 time::format_date(*a.signed_on)));
  }
  if ((a.status != Status::draft) && !a.signed_on) {
    throw InputError(trf("a {} agreement needs the date it was signed (--signed)", word(a.status)));
  }
  for (const auto& f : a.files) {
    text::check_field(tr("a file path"), f, 4096, true);
  }
  for (const auto& o : a.obligations) {
    if (text::trim(o.text).empty()) {
      throw InputError(trf("obligation {} has no text", o.no));
    }
    text::check_field(trf("obligation {}", o.no), o.text, kMaxText, false);
  }
}

namespace {

std::optional<money::Kopecks> opt_money(const std::string& s) {
  if (text::trim(s).empty()) {
    return std::nullopt;
  }
  return money::parse_roubles(s);
}

void touch(Agreement& a, const time::Context& ctx) { a.updated = ctx.now; }

}  // namespace

int parse_days(const std::string& s, std::string_view option) {
  std::string t = text::trim(s);
  if (!t.empty() && t.front() != '+' && t.front() != '-') {
    t = "+" + t;
  }
  const auto off = time::parse_offset(t);
  if (!off || off->unit != time::Offset::Unit::days || off->amount < 0 || off->amount > 36600) {
    throw InputError(trf("invalid {} '{}': expected a number of days or weeks such as 30d or 2w", option, s));
  }
  return static_cast<int>(off->amount);
}

// ---- organizations ----

Organization add_org(Services& s, const OrgInput& in) {
  Organization o;
  o.uuid = in.uuid.empty() ? new_uuid() : in.uuid;
  o.name = text::trim(in.name);
  o.kind = parse_org_kind(in.kind);
  o.inn = text::trim(in.inn);
  o.ogrn = text::trim(in.ogrn);
  o.contact = text::trim(in.contact);
  o.phone = text::trim(in.phone);
  o.email = text::trim(in.email);
  o.address = text::trim(in.address);
  o.notes = in.notes;
  o.created = o.updated = s.ctx.now;
  validate_org(o);
  store::WriteTransaction tx(s.db);
  check_inn_free(s, o);
  repo::insert(s.db, o);
  tx.commit();
  return o;
}

Organization load_org(Services& s, std::int64_t id) {
  auto o = repo::load_org(s.db, id);
  if (!o) {
    throw NotFound(trf("no organization with id {}", id));
  }
  return *o;
}

Organization resolve_org(Services& s, const std::string& ref) {
  const std::string r = text::trim(ref);
  const bool digits = !r.empty() && std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    throw InputError(trf("invalid organization '{}': give its id or its INN", ref));
  }
  if (r.size() == 10 || r.size() == 12) {
    if (auto e = check_inn(r); !e.empty()) {
      throw InputError(e);
    }
    auto o = repo::find_org_by_inn(s.db, r);
    if (!o) {
      throw NotFound(trf("no organization with INN {}", r));
    }
    return *o;
  }
  if (r.size() > 9) {
    throw InputError(trf("invalid organization '{}': an INN has 10 or 12 digits", ref));
  }
  return load_org(s, std::stoll(r));
}

std::map<std::int64_t, Organization> load_orgs(Services& s, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Organization> out;
  for (const auto id : ids) {
    if (!out.count(id)) {
      if (auto o = repo::load_org(s.db, id)) {
        out.emplace(id, std::move(*o));
      }
    }
  }
  return out;
}

std::map<std::int64_t, std::string> org_names(Services& s, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> names;
  for (const auto id : ids) {
    if (!names.count(id)) {
      const auto o = repo::load_org(s.db, id);
      names.emplace(id, o ? o->name : record_ref(id));
    }
  }
  return names;
}

namespace {

repo::OrgFilter org_filter(const std::string& search, const std::string& kind) {
  repo::OrgFilter f;
  if (!text::trim(search).empty()) {
    f.search = search;
  }
  if (!text::trim(kind).empty()) {
    f.kind = parse_org_kind(kind);
  }
  return f;
}

}  // namespace

const Organization* OrgLookup::find(std::int64_t id) {
  auto it = met_.find(id);
  if (it == met_.end()) {
    if (met_.size() >= 4096) {
      met_.clear();
    }
    it = met_.emplace(id, repo::load_org(s_.db, id)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::vector<Organization> list_orgs(Services& s, const std::string& search, const std::string& kind) {
  return repo::list_orgs(s.db, org_filter(search, kind));
}

void for_each_org(Services& s, const std::string& search, const std::string& kind,
                  const std::function<void(Organization&&)>& each) {
  const auto f = org_filter(search, kind);
  store::ReadTransaction reading(s.db);
  repo::for_each_org(s.db, f, each);
}

OrgCard org_card(Services& s, const std::string& ref) {
  OrgCard card{resolve_org(s, ref), {}};
  repo::Filter f;
  f.org_id = card.org.id;
  card.agreements = repo::list(s.db, f, true);
  return card;
}

Organization edit_org(Services& s, std::int64_t id, const OrgChanges& c) {
  store::WriteTransaction tx(s.db);
  const Organization before = load_org(s, id);
  Organization o = before;
  auto apply = [](std::string& field, const std::optional<std::string>& v) {
    if (v) {
      field = text::trim(*v);
    }
  };
  apply(o.name, c.name);
  if (c.kind) {
    o.kind = parse_org_kind(*c.kind);
  }
  apply(o.inn, c.inn);
  apply(o.ogrn, c.ogrn);
  apply(o.contact, c.contact);
  apply(o.phone, c.phone);
  apply(o.email, c.email);
  apply(o.address, c.address);
  if (c.notes) {
    o.notes = *c.notes;
  }
  validate_org(o);
  check_inn_free(s, o);
  o.updated = s.ctx.now;
  if (!repo::update(s.db, before, o)) {
    return before;  // nothing changed, nothing written
  }
  tx.commit();
  return o;
}

// ---- agreements ----

Agreement add(Services& s, const AgreementInput& in) {
  Agreement a;
  a.uuid = new_uuid();
  a.number = text::trim(in.number);
  a.title = text::trim(in.title);
  a.sphere = text::trim(in.sphere);
  a.signed_on = opt_date(in.signed_on, s.ctx);
  a.valid_from = opt_date(in.valid_from, s.ctx);
  if (!a.valid_from) {
    a.valid_from = a.signed_on;
  }
  a.valid_to = opt_date(in.valid_to, s.ctx);
  a.value = opt_money(in.value).value_or(0);
  a.notes = in.notes;
  a.files = in.files;
  a.signed_at_event = in.event_id;
  if (!in.status.empty()) {
    a.status = parse_status(in.status);
    if (a.status == Status::expired) {
      throw InputError(tr("'expired' follows from the dates; give the status the agreement had (signed or active)"));
    }
  } else if (a.signed_on) {
    a.status = (!a.valid_from || *a.valid_from <= s.ctx.today()) ? Status::active : Status::signed_;
  }
  a.created = a.updated = s.ctx.now;
  store::WriteTransaction tx(s.db);
  a.org_id = resolve_org(s, in.org).id;
  check(s, a);
  if (auto other = repo::find_by_number(s.db, a.number)) {
    throw InputError(trf("agreement number {} is already taken by agreement {}", a.number, *other));
  }
  if (a.signed_at_event && !event_exists(s, *a.signed_at_event)) {
    throw NotFound(trf("no event with id {}", *a.signed_at_event));
  }
  repo::insert(s.db, a);
  tx.commit();
  return a;
}

Agreement load(Services& s, std::int64_t id) {
  auto a = repo::load(s.db, id);
  if (!a) {
    throw NotFound(trf("no agreement with id {}", id));
  }
  return *a;
}

Agreement set_status(Services& s, std::int64_t id, Status to) {
  store::WriteTransaction tx(s.db);
  const Agreement before = load(s, id);
  const Status from = effective_status(before, s.ctx.today());
  if (from == to) {
    return before;
  }
  if (to == Status::expired) {
    throw InputError(tr("'expired' follows from the dates; use renew or terminate"));
  }
  if (!transition_allowed(from, to)) {
    throw InputError(trf("agreement {} is {}; it cannot become {}", id, word(from), word(to)));
  }
  if (to == Status::terminated) {
    throw InputError(trf("use 'agreement terminate {} --on DATE --reason TEXT'", id));
  }
  Agreement a = before;
  a.status = to;
  if (to == Status::signed_ && !a.signed_on) {
    a.signed_on = s.ctx.today();
    if (!a.valid_from) {
      a.valid_from = a.signed_on;
    }
  }
  check(s, a);
  touch(a, s.ctx);
  repo::update(s.db, before, a);
  tx.commit();
  return a;
}

Agreement terminate(Services& s, std::int64_t id, const std::string& on, const std::string& reason) {
  const Date day = on.empty() ? s.ctx.today() : time::parse_date(on, s.ctx);
  if (text::trim(reason).empty()) {
    throw InputError(tr("give the reason for the termination (--reason)"));
  }
  store::WriteTransaction tx(s.db);
  const Agreement before = load(s, id);
  const Status from = effective_status(before, s.ctx.today());
  if (!transition_allowed(from, Status::terminated)) {
    throw InputError(trf("agreement {} is {}; it cannot be terminated", id, word(from)));
  }
  if (before.signed_on && day < *before.signed_on) {
    throw InputError(trf("termination on {} is before the signing on {}", time::format_date(day),
                                 time::format_date(*before.signed_on)));
  }
  Agreement a = before;
  a.status = Status::terminated;
  a.terminated_on = day;
  a.termination_reason = text::trim(reason);
  text::check_field(tr("the reason"), a.termination_reason, kMaxText, false);
  touch(a, s.ctx);
  repo::update(s.db, before, a);
  tx.commit();
  return a;
}

Agreement renew(Services& s, std::int64_t id, const std::string& valid_to) {
  const Date to = time::parse_date(valid_to, s.ctx);
  store::WriteTransaction tx(s.db);
  const Agreement before = load(s, id);
  const Status from = effective_status(before, s.ctx.today());
  if (from != Status::signed_ && from != Status::active && from != Status::expired) {
    throw InputError(trf("agreement {} is {}; only a signed, active or expired one can be renewed", id,
                                 word(from)));
  }
  if (before.valid_to && to <= *before.valid_to) {
    throw InputError(trf("the new end {} is not after the current one, {}", time::format_date(to),
                                 time::format_date(*before.valid_to)));
  }
  if (to < s.ctx.today()) {
    throw InputError(trf("the new end {} has already passed", time::format_date(to)));
  }
  Agreement a = before;
  a.valid_to = to;
  if (from == Status::expired) {
    a.status = Status::active;
  }
  check(s, a);
  touch(a, s.ctx);
  repo::update(s.db, before, a);
  tx.commit();
  return a;
}

Obligation add_obligation(Services& s, std::int64_t id, const ObligationInput& in) {
  Obligation o;
  o.party = parse_party(in.party);
  o.text = text::trim(in.text);
  if (o.text.empty()) {
    throw InputError(tr("the obligation's text is empty"));
  }
  o.due = opt_date(in.due, s.ctx);
  o.value = opt_money(in.value);
  store::WriteTransaction tx(s.db);
  const Agreement before = load(s, id);
  const Status st = effective_status(before, s.ctx.today());
  if (st == Status::terminated || st == Status::fulfilled) {
    throw InputError(trf("agreement {} is {}; it takes no new obligations", id, word(st)));
  }
  Agreement a = before;
  o.no = 1;
  for (const auto& other : a.obligations) {
    o.no = std::max(o.no, other.no + 1);
  }
  a.obligations.push_back(o);
  check(s, a);
  touch(a, s.ctx);
  repo::update(s.db, before, a);
  tx.commit();
  return o;
}

Obligation obligation_done(Services& s, std::int64_t id, int no, const std::string& on) {
  const Date day = on.empty() ? s.ctx.today() : time::parse_date(on, s.ctx);
  store::WriteTransaction tx(s.db);
  const Agreement before = load(s, id);
  Agreement a = before;
  auto it = std::find_if(a.obligations.begin(), a.obligations.end(), [&](const Obligation& o) { return o.no == no; });
  if (it == a.obligations.end()) {
    throw NotFound(trf("agreement {} has no obligation {}", id, no));
  }
  if (a.signed_on && day < *a.signed_on) {
    throw InputError(trf("{} is before the agreement was signed ({})", time::format_date(day),
                                 time::format_date(*a.signed_on)));
  }
  if (day > s.ctx.today()) {
    throw InputError(trf("{} is in the future", time::format_date(day)));
  }
  if (it->done_on == day) {
    return *it;
  }
  it->done_on = day;
  const Obligation result = *it;
  touch(a, s.ctx);
  repo::update(s.db, before, a);
  tx.commit();
  return result;
}

namespace {

// A list's filter; `want` the status asked for, which signed and active
// agreements are checked against by their dates too (effective_status).
repo::Filter list_filter(Services& s, const ListQuery& q, std::optional<Status>& want) {
  repo::Filter f;
  const Date today = s.ctx.today();
  if (q.status) {
    want = parse_status(*q.status);
    switch (*want) {
      case Status::expired:
        f.stored_statuses = {Status::signed_, Status::active};
        f.valid_to_until = today - days{1};
        break;
      case Status::signed_:
      case Status::active:
        f.stored_statuses = {*want};
        break;
      default:
        f.stored_statuses = {*want};
    }
  }
  if (q.expiring) {
    const int n = parse_days(*q.expiring, "--expiring");
    f.valid_to_from = today;
    f.valid_to_until = today + days{n};
    if (f.stored_statuses.empty()) {
      f.stored_statuses = {Status::signed_, Status::active};
    }
  }
  if (q.org) {
    f.org_id = resolve_org(s, *q.org).id;
  }
  if (q.sphere) {
    f.sphere = *q.sphere;
  }
  if (q.search) {
    f.search = *q.search;
  }
  f.limit = q.limit;
  return f;
}

}  // namespace

void for_each(Services& s, const ListQuery& q, bool with_obligations,
              const std::function<void(const Agreement&, const Organization*)>& each) {
  std::optional<Status> want;
  store::ReadTransaction reading(s.db);
  const repo::Filter f = list_filter(s, q, want);
  const Date today = s.ctx.today();
  OrgLookup orgs(s);
  repo::for_each(s.db, f, with_obligations, [&](Agreement&& a) {
    if (want && (*want == Status::signed_ || *want == Status::active) && effective_status(a, today) != *want) {
      return;
    }
    each(a, orgs.find(a.org_id));
  });
}

std::vector<Agreement> list(Services& s, const ListQuery& q, bool with_obligations) {
  std::vector<Agreement> out;
  for_each(s, q, with_obligations, [&](const Agreement& a, const Organization*) { out.push_back(a); });
  return out;
}

DueReport due(Services& s, int within_days) {
  DueReport r;
  const Date today = s.ctx.today();
  r.obligations = repo::open_obligations_until(s.db, today + days{within_days});
  for (const auto& o : r.obligations) {
    r.overdue += *o.obligation.due < today;
  }
  repo::Filter f;
  f.stored_statuses = {Status::signed_, Status::active};
  f.valid_to_from = today;
  f.valid_to_until = today + days{within_days};
  for (auto& a : repo::list(s.db, f, false)) {
    const auto org = repo::load_org(s.db, a.org_id);
    const long left = (*a.valid_to - today).count();
    r.expiring.push_back({std::move(a), org ? org->name : std::string{}, left});
  }
  std::sort(r.expiring.begin(), r.expiring.end(), [](auto& x, auto& y) { return x.days_left < y.days_left; });
  return r;
}

// ---- Patron of the Year ----

std::vector<PatronRow> patrons(Services& s, int year) {
  if (year < 1900 || year > 2200) {
    throw InputError(trf("invalid year {}", year));
  }
  const auto contributions = repo::fulfilled_by_partner(s.db, time::make_date(year, 1, 1), time::make_date(year, 12, 31));
  std::vector<PatronRow> rows;
  for (const auto& c : contributions) {
    rows.push_back({0, c.org_id, c.org_name, c.inn, c.value, c.count, {}, std::nullopt});
  }
  auto row_of = [&](std::int64_t org_id) -> PatronRow& {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const PatronRow& r) { return r.org_id == org_id; });
    if (it != rows.end()) {
      return *it;
    }
    const auto o = load_org(s, org_id);
    rows.push_back({0, o.id, o.name, o.inn, 0, 0, {}, std::nullopt});
    return rows.back();
  };
  for (const auto& a : repo::awards(s.db, year, std::nullopt)) {
    row_of(a.org_id).titles.push_back(a.title);
  }
  for (const auto& b : repo::badges(s.db, year, std::nullopt)) {
    row_of(b.org_id).badge = b.number;
  }
  std::sort(rows.begin(), rows.end(), [](const PatronRow& a, const PatronRow& b) {
    if (a.value != b.value) {
      return a.value > b.value;
    }
    if (a.count != b.count) {
      return a.count > b.count;
    }
    return text::fold(a.name) < text::fold(b.name);
  });
  int rank = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].value != rows[i - 1].value || rows[i].count != rows[i - 1].count) {
      rank = static_cast<int>(i + 1);
    }
    rows[i].rank = rows[i].value > 0 || rows[i].count > 0 ? rank : 0;
  }
  return rows;
}

namespace {

bool has_signed_agreement(Services& s, std::int64_t org_id) {
  repo::Filter f;
  f.org_id = org_id;
  f.stored_statuses = {Status::signed_, Status::active, Status::fulfilled, Status::terminated};
  for (const auto& a : repo::list(s.db, f, false)) {
    if (a.signed_on) {
      return true;
    }
  }
  return false;
}

int check_year(int year) {
  if (year < 2022 || year > 2200) {
    throw InputError(trf("invalid year {}: the award exists since 2022", year));
  }
  return year;
}

}  // namespace

Award add_award(Services& s, int year, const std::string& org_ref, const std::string& title,
                const std::string& decided_on) {
  check_year(year);
  Award a;
  a.year = year;
  a.title = text::trim(title.empty() ? s.settings.award_title : title);
  text::check_field(tr("the title"), a.title, kMaxText, true);
  a.decided_on = opt_date(decided_on, s.ctx);
  store::WriteTransaction tx(s.db);
  const Organization o = resolve_org(s, org_ref);
  a.org_id = o.id;
  if (!has_signed_agreement(s, o.id)) {
    throw InputError(trf("organization {} «{}» has no signed cooperation agreement; the title is for "
                                 "partners under an agreement",
                                 o.id, o.name));
  }
  const auto given = repo::awards(s.db, year, std::nullopt);
  for (const auto& other : given) {
    if (other.org_id == o.id && other.title == a.title) {
      throw InputError(trf("organization {} «{}» already has «{}» for {}", o.id, o.name, a.title, year));
    }
  }
  if (a.title == s.settings.award_title) {
    const auto n = std::count_if(given.begin(), given.end(), [&](const Award& x) { return x.title == a.title; });
    const int max = s.settings.max_titles(year);
    if (n >= max) {
      throw InputError(trnf("{} already has {} «{}» title (at most {} a year)",
                            "{} already has {} «{}» titles (at most {} a year)", static_cast<long>(n), year, n, a.title,
                            max));
    }
  }
  repo::insert(s.db, a);
  tx.commit();
  return a;
}

Badge issue_badge(Services& s, int year, const std::string& org_ref, const std::string& on) {
  check_year(year);
  Badge b;
  b.year = year;
  b.issued_on = on.empty() ? s.ctx.today() : time::parse_date(on, s.ctx);
  store::WriteTransaction tx(s.db);
  const Organization o = resolve_org(s, org_ref);
  b.org_id = o.id;
  if (!has_signed_agreement(s, o.id)) {
    throw InputError(trf("organization {} «{}» has no signed cooperation agreement; the «Меценат» badge is "
                                 "for partners under an agreement",
                                 o.id, o.name));
  }
  for (const auto& other : repo::badges(s.db, year, o.id)) {
    throw InputError(trf("organization {} «{}» already has badge №{} for {}", o.id, o.name, other.number,
                                 year));
  }
  b.number = repo::next_badge_number(s.db, year);
  repo::insert(s.db, b);
  tx.commit();
  return b;
}

namespace {

template <class Row>
std::map<std::int64_t, std::string> names_of_orgs(Services& s, const std::vector<Row>& rows) {
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) {
    ids.push_back(r.org_id);
  }
  return org_names(s, ids);
}

std::optional<std::int64_t> org_filter(Services& s, const std::string& org) {
  return text::trim(org).empty() ? std::nullopt : std::optional<std::int64_t>(resolve_org(s, org).id);
}

}  // namespace

AwardList list_awards(Services& s, std::optional<int> year, const std::string& org) {
  AwardList l;
  l.awards = repo::awards(s.db, year, org_filter(s, org));
  l.org_names = names_of_orgs(s, l.awards);
  return l;
}

BadgeList list_badges(Services& s, std::optional<int> year, const std::string& org) {
  BadgeList l;
  l.badges = repo::badges(s.db, year, org_filter(s, org));
  l.org_names = names_of_orgs(s, l.badges);
  return l;
}

std::vector<event::Participant> ceremony_participants(Services& s, int year) {
  std::vector<event::Participant> out;
  std::set<std::int64_t> seen;
  const auto rows = patrons(s, year);
  for (const auto& r : rows) {
    if (r.titles.empty() && !r.badge) {
      continue;
    }
    std::string role;
    for (const auto& t : r.titles) {
      role += (role.empty() ? "" : "; ") + fmt::format("звание «{}» {}", t, year);
    }
    if (r.badge) {
      role += (role.empty() ? "" : "; ") + fmt::format("знак «Меценат» №{}", *r.badge);
    }
    out.push_back({r.name, role, false});
  }
  return out;
}

}  // namespace omskplan::agreement
