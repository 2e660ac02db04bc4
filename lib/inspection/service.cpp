#include "inspection/service.hpp"
#include "venue/service.hpp"
#include "core/uuid.hpp"
#include "core/i18n.hpp"

#include "agreement/service.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/russian.hpp"
#include "core/text.hpp"
#include "event/model.hpp"
#include "inspection/repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace omskplan::inspection {

using namespace std::chrono;
using time::Date;

namespace {

std::optional<double> number(std::string s, std::string_view what, bool decimal_comma) {
  s = text::trim(s);
  if (s.empty()) {
    return std::nullopt;
  }
  if (decimal_comma) {
    std::replace(s.begin(), s.end(), ',', '.');
  }
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || !std::isfinite(v)) {
    throw InputError(trf("invalid {} '{}': expected a number", what, s));
  }
  return v;
}

std::optional<std::int64_t> org_ref(Services& s, const std::string& ref) {
  if (text::trim(ref).empty()) {
    return std::nullopt;
  }
  agreement::Services as{s.db, s.ctx, s.agreements};
  return agreement::resolve_org(as, ref).id;
}

// Builds a site from text fields; `decimal_comma` for ';'-separated files.
// `field`, when given, is left naming the input field being read when an error is thrown
// (an import names its column by it).
Site site_from(Services& s, const SiteInput& in, bool decimal_comma, std::string* field = nullptr) {
  const auto at = [&](const char* f) {
    if (field) {
      *field = f;
    }
  };
  Site site;
  at("code");
  site.code = text::trim(in.code);
  site.name = text::trim(in.name);
  if (site.code.empty()) {
    throw InputError(tr("the site's code is empty"));
  }
  text::check_field(tr("the code"), site.code, 100, true);
  at("name");
  if (site.name.empty()) {
    throw InputError(tr("the site's name is empty"));
  }
  text::check_field(tr("the name"), site.name, 1000, true);
  at("address");
  site.address = text::trim(in.address);
  text::check_field(tr("the address"), site.address, 1000, true);
  at("lat");
  const auto lat = number(in.lat, tr("latitude"), decimal_comma);
  at("lon");
  const auto lon = number(in.lon, tr("longitude"), decimal_comma);
  if (lat.has_value() != lon.has_value()) {
    throw InputError(tr("give both latitude and longitude, or neither"));
  }
  if (lat) {
    if (*lat < -90 || *lat > 90) {
      at("lat");
      throw InputError(trf("latitude {} is out of range -90…90", *lat));
    }
    if (*lon < -180 || *lon > 180) {
      throw InputError(trf("longitude {} is out of range -180…180", *lon));
    }
    site.where = GeoPoint{*lat, *lon};
  }
  at("program");
  site.program = text::trim(in.program);
  text::check_field(tr("the program"), site.program, 1000, true);
  at("work");
  site.work = parse_work(text::trim(in.work));
  at("risk");
  site.risk = parse_risk(text::trim(in.risk));
  at("deadline");
  if (!text::trim(in.deadline).empty()) {
    site.deadline = time::parse_date(in.deadline, s.ctx);
  }
  at("progress");
  if (!text::trim(in.progress).empty()) {
    const auto p = number(in.progress, tr("progress"), decimal_comma);
    if (*p < 0 || *p > 100) {
      throw InputError(trf("progress {} is out of range 0…100", *p));
    }
    site.progress = static_cast<int>(*p);
  }
  at("contractor");
  site.contractor_id = org_ref(s, in.contractor);
  at("customer");
  site.customer_id = org_ref(s, in.customer);
  at("notes");
  site.notes = in.notes;
  text::check_field(tr("the notes"), site.notes, 100000, false);
  at("active");
  const std::string active = text::fold(text::trim(in.active));
  if (active.empty() || active == "1" || active == "yes" || active == "да" || active == "true") {
    site.active = true;
  } else if (active == "0" || active == "no" || active == "нет" || active == "false") {
    site.active = false;
  } else {
    throw InputError(trf("invalid active '{}': expected yes or no", in.active));
  }
  at("");
  return site;
}

std::string iso_week(Date monday) {
  const auto [y, w] = time::iso_week_of(monday);
  return fmt::format("{}-W{:02}", y, w);
}

}  // namespace

std::string week_name(Date monday) { return iso_week(monday); }

Site add_site(Services& s, const SiteInput& in) {
  store::WriteTransaction tx(s.db);
  Site site = site_from(s, in, false);
  if (auto other = repo::find_site_by_code(s.db, site.code)) {
    throw InputError(trf("site code {} is already taken by site {} «{}»", site.code, other->id, other->name));
  }
  site.uuid = new_uuid();
  site.created = site.updated = s.ctx.now;
  repo::insert(s.db, site);
  tx.commit();
  return site;
}

std::string area_warning(Services& s, const Site& site) {
  if (!site.where || in_service_area(*site.where, s.cfg)) {
    return "";
  }
  return trf("site {} is {} km from the centre of the service area (radius {} km): check its coordinates {}, {}",
             site.code, russian::say_number(km_from_area_center(*site.where, s.cfg), 0),
             russian::say_number(s.cfg.area_radius_km, 0), site.where->lat, site.where->lon);
}

Site resolve_site(Services& s, const std::string& ref) {
  const std::string r = text::trim(ref);
  if (auto site = repo::find_site_by_code(s.db, r)) {
    return *site;
  }
  const bool digits = !r.empty() && r.size() < 10 &&
                      std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) {
    if (auto site = repo::load_site(s.db, std::stoll(r))) {
      return *site;
    }
    throw NotFound(trf("no site with id {}", r));
  }
  throw NotFound(trf("no site with code '{}'", ref));
}

CsvImportResult import_sites_csv(Services& s, std::istream& text, const std::string& name, bool dry_run) {
  // The file is read a row at a time: each row is written as it is read. A
  // CSV error ("line 3: …") is named with the file; the stream's own ("F: larger
  // than …") names it already.
  const auto named = [&name](auto&& read) {
    try {
      return read();
    } catch (const InputError& e) {
      const std::string_view what = e.what();
      if (what.starts_with(name + ": ")) {
        throw;
      }
      throw InputError(fmt::format("{}: {}", name, what));
    }
  };
  csv::Reader t = named([&] { return csv::Reader(text); });
  static const std::vector<std::string> kColumns{"code",     "name",     "address",    "lat",      "lon",
                                                 "program",  "work",     "risk",       "deadline", "progress",
                                                 "contractor", "customer", "notes",    "active"};
  std::map<std::string, std::size_t> col;
  const auto& header = t.header();
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h = text::fold(text::trim(header[i]));
    if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end()) {
      throw InputError(trf("{}:1: unknown column '{}'; expected: {}", name, header[i],
                                   typed_list(kColumns)));
    }
    if (col.count(h)) {
      throw InputError(trf("{}:1: column '{}' appears twice", name, h));
    }
    col[h] = i;
  }
  for (const char* required : {"code", "name", "work", "risk"}) {
    if (!col.count(required)) {
      throw InputError(trf("{}:1: missing column '{}'", name, required));
    }
  }
  CsvImportResult r;
  store::WriteTransaction tx(s.db);
  std::set<std::string> codes;
  csv::Row row;
  while (named([&] { return t.next(row); })) {
    if (row.cells.size() != header.size()) {
      throw InputError(trf("{}:{}: {} fields, the header has {}", name, row.line, row.cells.size(),
                                   header.size()));
    }
    auto cell = [&](const char* c) { return col.count(c) ? row.cells[col.at(c)] : std::string(); };
    SiteInput in{cell("code"),     cell("name"),     cell("address"),  cell("lat"),        cell("lon"),
                 cell("program"),  cell("work"),     cell("risk"),     cell("deadline"),   cell("progress"),
                 cell("contractor"), cell("customer"), cell("notes"),  cell("active")};
    // The error names its column: site_from says which field it was reading.
    Site site;
    std::string column;
    try {
      site = site_from(s, in, t.delimiter() == ';', &column);
    } catch (const Error& e) {
      const std::string msg = e.what();
      throw InputError(trf("{}:{}: column '{}': {}", name, row.line, column, msg));
    }
    if (const std::string w = area_warning(s, site); !w.empty()) {
      r.warnings.push_back(fmt::format("{}:{}: {}", name, row.line, w));
    }
    if (!codes.insert(site.code).second) {
      throw InputError(trf("{}:{}: column 'code': {} appears twice in the file", name, row.line, site.code));
    }
    if (auto before = repo::find_site_by_code(s.db, site.code)) {
      // A column the file does not have leaves the site's value as it was.
      const auto absent = [&](const char* c) { return !col.count(c); };
      if (absent("address")) site.address = before->address;
      if (absent("lat") && absent("lon")) site.where = before->where;
      if (absent("program")) site.program = before->program;
      if (absent("deadline")) site.deadline = before->deadline;
      if (absent("progress")) site.progress = before->progress;
      if (absent("contractor")) site.contractor_id = before->contractor_id;
      if (absent("customer")) site.customer_id = before->customer_id;
      if (absent("notes")) site.notes = before->notes;
      if (absent("active")) site.active = before->active;
      site.id = before->id;
      site.uuid = before->uuid;
      site.created = before->created;
      site.updated = s.ctx.now;
      if (repo::update(s.db, *before, site)) {
        ++r.updated;
      } else {
        ++r.unchanged;
      }
    } else {
      site.uuid = new_uuid();
      site.created = site.updated = s.ctx.now;
      repo::insert(s.db, site);
      ++r.created;
    }
  }
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

CsvImportResult import_sites_csv(Services& s, std::string_view text, const std::string& name, bool dry_run) {
  std::istringstream in{std::string(text)};
  return import_sites_csv(s, in, name, dry_run);
}

Agency add_agency(Services& s, const std::string& name, const std::string& kind) {
  Agency a;
  a.name = text::trim(name);
  if (a.name.empty()) {
    throw InputError(tr("the agency's name is empty"));
  }
  text::check_field(tr("the name"), a.name, 1000, true);
  a.kind = parse_agency_kind(kind);
  store::WriteTransaction tx(s.db);
  for (const auto& other : repo::list_agencies(s.db)) {
    if (text::fold(other.name) == text::fold(a.name)) {
      throw InputError(trf("agency «{}» exists already: agency {}", other.name, other.id));
    }
  }
  repo::insert(s.db, a);
  tx.commit();
  return a;
}

Member add_member(Services& s, std::int64_t agency_id, const std::string& name, const std::string& position,
                  const std::string& phone) {
  Member m;
  m.agency_id = agency_id;
  m.name = text::trim(name);
  m.position = text::trim(position);
  m.phone = text::trim(phone);
  if (m.name.empty()) {
    throw InputError(tr("the member's name is empty"));
  }
  text::check_field(tr("the name"), m.name, 1000, true);
  text::check_field(tr("the position"), m.position, 1000, true);
  store::WriteTransaction tx(s.db);
  if (!repo::load_agency(s.db, agency_id)) {
    throw NotFound(trf("no agency with id {}", agency_id));
  }
  repo::insert(s.db, m);
  tx.commit();
  return m;
}

void require_agency(Services& s, std::int64_t agency_id, const std::string& program, const std::string& work) {
  if (!work.empty()) {
    parse_work(work);
  }
  if (program.empty() && work.empty()) {
    throw InputError(tr("give --program, --work or both"));
  }
  store::WriteTransaction tx(s.db);
  if (!repo::load_agency(s.db, agency_id)) {
    throw NotFound(trf("no agency with id {}", agency_id));
  }
  repo::add_requirement(s.db, agency_id, text::trim(program), work);
  tx.commit();
}

namespace {

// The visit days of the ISO week starting `monday`, in order.
std::vector<Date> visit_days_of(Services& s, Date monday) {
  std::vector<Date> days;
  for (int wd : s.cfg.visit_weekdays) {
    if (auto d = visit_day(monday, wd, *s.ctx.calendar); d && std::find(days.begin(), days.end(), *d) == days.end()) {
      days.push_back(*d);
    }
  }
  std::sort(days.begin(), days.end());
  return days;
}

std::string no_visit_day_note(const std::string& week) {
  return trf("week {} has no working day (holidays): no visits", week);
}

// The schedule's settings with the start point of the configured venue.
ScheduleSettings day_settings(Services& s) {
  ScheduleSettings cfg = s.cfg;
  if (!cfg.start_venue.empty()) {
    venue::Services vs{s.db, s.ctx};
    const venue::Venue v = venue::resolve(vs, cfg.start_venue);
    if (!v.lat) {
      throw InputError(trf("inspection.start_venue «{}» has no coordinates (omskplan venue edit \"{}\" --lat … --lon …)",
                           v.name, v.name));
    }
    cfg.start_point = {*v.lat, *v.lon};
  }
  return cfg;
}

}  // namespace

WeekPlan load_week(Services& s, Date monday) {
  WeekPlan p;
  p.week = iso_week(monday);
  for (auto& v : repo::visits_of_week(s.db, p.week)) {
    if (std::find(p.days.begin(), p.days.end(), v.day) == p.days.end()) {
      p.days.push_back(v.day);
    }
    auto site = repo::load_site(s.db, v.site_id);
    const bool unrecorded = v.status == VisitStatus::planned && v.day < s.ctx.today();
    p.stops.push_back({std::move(v), std::move(*site), unrecorded});
  }
  p.revisions = repo::day_revisions(s.db, p.week);
  p.existing = !p.stops.empty();
  if (p.stops.empty() && visit_days_of(s, monday).empty()) {
    p.note = no_visit_day_note(p.week);
  }
  return p;
}

std::vector<std::string> site_codes(Services& s) {
  std::vector<std::string> codes;
  for (const auto& site : repo::list_sites(s.db, {})) {
    codes.push_back(site.code);
  }
  return codes;
}

namespace {

repo::SiteFilter site_filter(const SiteQuery& q) {
  repo::SiteFilter f;
  if (!text::trim(q.program).empty()) {
    f.program = text::trim(q.program);
  }
  if (!text::trim(q.work).empty()) {
    f.work = parse_work(q.work);
  }
  if (!text::trim(q.risk).empty()) {
    f.risk = parse_risk(q.risk);
  }
  f.active_only = q.active_only;
  return f;
}

}  // namespace

std::vector<Site> list_sites(Services& s, const SiteQuery& q) { return repo::list_sites(s.db, site_filter(q)); }

void for_each_site(Services& s, const SiteQuery& q, bool with_inns, const std::function<void(const ListedSite&)>& each) {
  const auto f = site_filter(q);
  store::ReadTransaction reading(s.db);
  agreement::Services as{s.db, s.ctx, s.agreements};
  agreement::OrgLookup orgs(as);
  const auto inn = [&](const std::optional<std::int64_t>& id) -> std::string {
    if (!id) {
      return {};
    }
    const agreement::Organization* o = orgs.find(*id);
    return o ? o->inn : std::to_string(*id);
  };
  ListedSite row;
  repo::for_each_site(s.db, f, [&](Site&& site) {
    row.site = std::move(site);
    row.contractor_inn = with_inns ? inn(row.site.contractor_id) : std::string();
    row.customer_inn = with_inns ? inn(row.site.customer_id) : std::string();
    each(row);
  });
}

std::vector<AgencyWithMembers> list_agencies(Services& s) {
  store::ReadTransaction reading(s.db);
  std::vector<AgencyWithMembers> out;
  const auto members = repo::members(s.db, std::nullopt);
  for (auto& a : repo::list_agencies(s.db)) {
    AgencyWithMembers row{std::move(a), {}};
    for (const auto& m : members) {
      if (m.agency_id == row.agency.id) {
        row.members.push_back(m);
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

MemoContext memo_context(Services& s, const WeekPlan& p) {
  store::ReadTransaction reading(s.db);
  MemoContext m;
  for (const auto& a : repo::list_agencies(s.db)) {
    m.agencies[a.id] = a;
  }
  for (const auto& mem : repo::members(s.db, std::nullopt)) {
    m.members[mem.agency_id].push_back(mem);
  }
  for (const auto& st : p.stops) {
    repo::FindingFilter f;
    f.site_id = st.site.id;
    f.open_only = true;
    m.open_findings[st.site.id] = repo::list_findings(s.db, f);
  }
  return m;
}

WeekPlan schedule(Services& s, Date monday, ScheduleMode mode, bool dry_run, bool explain) {
  // A dry run of the normal plan writes nothing: it reads in a read
  // transaction and never waits for, or takes, the write lock. (A dry run of
  // --replan removes the week's planned visits first: the CLI runs it on a
  // private copy of the database.)
  std::optional<store::ReadTransaction> reading;
  std::optional<store::WriteTransaction> tx;
  if (dry_run && mode == ScheduleMode::normal) {
    reading.emplace(s.db);
  } else {
    tx.emplace(s.db);
  }
  WeekPlan existing = load_week(s, monday);
  if (existing.existing && mode == ScheduleMode::normal) {
    return existing;  // idempotent: the cron job ran already
  }
  // The day starts and ends at a registered venue's point when one is set.
  const ScheduleSettings cfg = day_settings(s);
  WeekPlan plan;
  plan.week = existing.week;
  std::map<std::int64_t, std::string> kept_this_week;  // site → why it has no new place (held, cancelled)
  for (const auto& st : existing.stops) {
    if (st.visit.status == VisitStatus::held) {
      kept_this_week[st.site.id] = tr("visited this week already");
      plan.stops.push_back(st);
    } else if (st.visit.status == VisitStatus::cancelled) {
      kept_this_week[st.site.id] = st.visit.notes.empty() ? tr("its visit this week was cancelled")
                                                          : trf("its visit this week was cancelled: {}", st.visit.notes);
      plan.stops.push_back(st);
    } else {
      repo::remove(s.db, st.visit);  // --replan replaces what is only planned
    }
  }
  plan.days = visit_days_of(s, monday);
  // Candidates, best first. The due rule looks at the visit day after this
  // week: a site is due when waiting for it would exceed its interval.
  const Date first_day = plan.days.empty() ? monday : plan.days.front();
  const auto next_day = next_visit_day(monday, s.cfg.visit_weekdays, *s.ctx.calendar);
  std::vector<Candidate> cands;
  for (const auto& f : repo::schedule_facts(s.db, first_day)) {
    Candidate c;
    c.site = f;
    c.priority = priority(f, first_day, next_day, s.cfg);
    cands.push_back(std::move(c));
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return goes_before(a.priority, a.site, b.priority, b.site);
  });
  std::vector<SiteFacts> all;
  for (const auto& c : cands) {
    all.push_back(c.site);
  }
  // The due sites that can have a place, best first. A site that cannot be
  // reached and left within the working day (a typo in its coordinates, as a
  // rule) is left out with a warning, and never takes the others with it.
  std::vector<std::size_t> pool;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (plan.days.empty()) {
      c.reason = tr("no working day in the week");
    } else if (kept_this_week.count(c.site.id)) {
      c.reason = kept_this_week.at(c.site.id);
    } else if (!c.priority.due()) {
      c.reason = tr("not due");
    } else if (!fits_alone(c.site, cfg)) {
      c.reason = trf("cannot be visited within the working day: {} km from the start point, {} min there, back and "
                     "on site; check its coordinates",
                     russian::say_number(distance_km(cfg.start_point, c.site.where), 0),
                     std::lround(minutes_alone(c.site, cfg)));
      plan.warnings.push_back(trf("site {} «{}» left out: {}", c.site.code, c.site.name, c.reason));
    } else {
      pool.push_back(i);
    }
  }
  if (plan.days.empty()) {
    plan.note = no_visit_day_note(plan.week);
  }
  std::set<std::size_t> dropped_for_time;
  for (const Date day : plan.days) {
    // Visits already held that day take their places in it.
    const auto held_that_day = static_cast<std::size_t>(
        std::count_if(plan.stops.begin(), plan.stops.end(), [&](const PlannedStop& st) {
          return st.visit.day == day && st.visit.status == VisitStatus::held;
        }));
    const std::size_t places = static_cast<std::size_t>(s.cfg.max_sites) - std::min<std::size_t>(
                                                                                 held_that_day, s.cfg.max_sites);
    std::vector<std::size_t> chosen(pool.begin(), pool.begin() + static_cast<long>(std::min(places, pool.size())));
    DayPlan dp = plan_day(day, all, chosen, cfg);
    // Places left by sites that did not fit go to the due sites that still
    // fit, best first: a site dropped while a higher one was in the route,
    // then the next ones (a bounded number of tries: the pool may be long).
    const std::set<std::size_t> dropped(dp.dropped.begin(), dp.dropped.end());
    if (!dropped.empty()) {
      std::set<std::size_t> in_day;
      for (const auto& stop : dp.stops) {
        in_day.insert(stop.site);
      }
      std::size_t failed = 0;
      for (std::size_t i = 0; i < pool.size() && dp.stops.size() < places && failed < 2 * places + dropped.size();
           ++i) {
        if (in_day.count(pool[i])) {
          continue;
        }
        if (try_insert(dp, all, pool[i], cfg)) {
          in_day.insert(pool[i]);
        } else {
          ++failed;
        }
      }
    }
    dropped_for_time.insert(dropped.begin(), dropped.end());
    std::set<std::size_t> placed;
    std::size_t seq = held_that_day;
    for (const auto& stop : dp.stops) {
      placed.insert(stop.site);
      Candidate& c = cands[stop.site];
      c.chosen = true;
      c.reason = trf("visit {} on {}", ++seq, russian::say_date(day));
      Visit v;
      v.site_id = c.site.id;
      v.week = plan.week;
      v.day = day;
      v.seq = static_cast<int>(seq);
      v.arrive = s.ctx.zone->to_instant(stop.arrive);
      v.depart = s.ctx.zone->to_instant(stop.depart);
      v.score = c.priority.total();
      v.why = c.priority.facts();  // read back as text in the reader's language
      Site site = *repo::load_site(s.db, c.site.id);
      v.agencies = repo::required_agencies(s.db, site.program, site.work);
      if (!dry_run) {
        repo::insert(s.db, v);
      }
      plan.stops.push_back({std::move(v), std::move(site)});
    }
    pool.erase(std::remove_if(pool.begin(), pool.end(), [&](std::size_t i) { return placed.count(i) > 0; }),
               pool.end());
    if (!dry_run && !dp.stops.empty()) {
      repo::touch_day(s.db, day, plan.week, s.ctx.now);  // a replanned day is a change for calendars
    }
  }
  for (std::size_t i : pool) {
    cands[i].reason = dropped_for_time.count(i) ? tr("did not fit the working day with the sites before it")
                                                : tr("lower priority than the day's places");
  }
  if (explain) {
    plan.candidates = std::move(cands);
  }
  std::stable_sort(plan.stops.begin(), plan.stops.end(), [](const PlannedStop& a, const PlannedStop& b) {
    const bool ca = a.visit.status == VisitStatus::cancelled, cb = b.visit.status == VisitStatus::cancelled;
    return std::tie(a.visit.day, ca, a.visit.seq) < std::tie(b.visit.day, cb, b.visit.seq);
  });
  if (!dry_run) {
    plan.revisions = repo::day_revisions(s.db, plan.week);
  }
  if (!dry_run) {
    tx->commit();
    plan.written = true;
  }
  return plan;
}

Visit visit_held(Services& s, std::int64_t visit_id, const std::string& notes, const std::vector<std::int64_t>& attended,
                 const std::string& on) {
  store::WriteTransaction tx(s.db);
  auto before = repo::load_visit(s.db, visit_id);
  if (!before) {
    throw NotFound(trf("no visit with id {}", visit_id));
  }
  if (before->status == VisitStatus::cancelled) {
    throw InputError(trf("visit {} was cancelled", visit_id));
  }
  Visit v = *before;
  v.status = VisitStatus::held;
  v.held_on = on.empty() ? v.day : time::parse_date(on, s.ctx);
  if (*v.held_on > s.ctx.today()) {
    throw InputError(trf("visit {} cannot be held on {}: that is in the future", visit_id,
                                 time::format_date(*v.held_on)));
  }
  if (!notes.empty()) {
    text::check_field(tr("the notes"), notes, 100000, false);
    v.notes = notes;
  }
  const auto all = repo::members(s.db, std::nullopt);
  for (auto id : attended) {
    if (std::none_of(all.begin(), all.end(), [&](const Member& m) { return m.id == id; })) {
      throw NotFound(trf("no agency member with id {}", id));
    }
    if (std::find(v.attendees.begin(), v.attendees.end(), id) == v.attendees.end()) {
      v.attendees.push_back(id);
    }
  }
  std::sort(v.attendees.begin(), v.attendees.end());
  repo::update(s.db, *before, v);
  tx.commit();
  return v;
}

namespace {

// The day's planned visits routed again, in the order of their priority, after
// one of them was cancelled: the times of the rest move up. A day with a visit
// held already has happened, and is left as it was.
void reroute_day(Services& s, Date day, const std::string& week) {
  std::vector<Visit> planned;
  for (auto& v : repo::visits_of_week(s.db, week)) {
    if (v.day != day) {
      continue;
    }
    if (v.status == VisitStatus::held) {
      return;
    }
    if (v.status == VisitStatus::planned) {
      planned.push_back(std::move(v));
    }
  }
  if (planned.empty()) {
    return;
  }
  std::stable_sort(planned.begin(), planned.end(), [](const Visit& a, const Visit& b) { return a.score > b.score; });
  std::vector<SiteFacts> sites;
  std::vector<std::size_t> chosen;
  for (const auto& v : planned) {
    SiteFacts f;
    const Site site = *repo::load_site(s.db, v.site_id);
    f.id = site.id;
    f.code = site.code;
    f.where = site.where.value_or(GeoPoint{});
    chosen.push_back(sites.size());
    sites.push_back(std::move(f));
  }
  const DayPlan dp = plan_day(day, sites, chosen, day_settings(s));
  int seq = 0;
  for (const auto& stop : dp.stops) {
    Visit v = planned[stop.site];
    v.seq = ++seq;
    v.arrive = s.ctx.zone->to_instant(stop.arrive);
    v.depart = s.ctx.zone->to_instant(stop.depart);
    repo::update(s.db, planned[stop.site], v);
  }
  // A shorter route always fits the day it fitted before; should one not, it keeps its times, last.
  for (std::size_t i : dp.dropped) {
    Visit v = planned[i];
    v.seq = ++seq;
    repo::update(s.db, planned[i], v);
  }
}

}  // namespace

Visit visit_cancel(Services& s, std::int64_t visit_id, const std::string& notes) {
  store::WriteTransaction tx(s.db);
  auto before = repo::load_visit(s.db, visit_id);
  if (!before) {
    throw NotFound(trf("no visit with id {}", visit_id));
  }
  if (before->status == VisitStatus::held) {
    throw InputError(trf("visit {} was held; it cannot be cancelled", visit_id));
  }
  if (before->status == VisitStatus::cancelled) {
    throw InputError(trf("visit {} was cancelled already", visit_id));
  }
  Visit v = *before;
  v.status = VisitStatus::cancelled;
  if (!notes.empty()) {
    text::check_field(tr("the notes"), notes, 100000, false);
    v.notes = notes;
  }
  repo::update(s.db, *before, v);
  reroute_day(s, v.day, v.week);
  repo::touch_day(s.db, v.day, v.week, s.ctx.now);
  tx.commit();
  return v;
}

Finding add_finding(Services& s, const FindingInput& in) {
  Finding f;
  f.text = text::trim(in.text);
  if (f.text.empty()) {
    throw InputError(tr("the finding's text is empty"));
  }
  text::check_field(tr("the text"), f.text, 10000, false);
  f.severity = parse_severity(in.severity);
  if (!text::trim(in.due).empty()) {
    f.due = time::parse_date(in.due, s.ctx);
  }
  f.created = f.updated = s.ctx.now;
  store::WriteTransaction tx(s.db);
  const Site site = resolve_site(s, in.site);
  f.site_id = site.id;
  if (in.visit_id) {
    auto v = repo::load_visit(s.db, *in.visit_id);
    if (!v) {
      throw NotFound(trf("no visit with id {}", *in.visit_id));
    }
    if (v->site_id != site.id) {
      throw InputError(trf("visit {} was to another site (id {}), not {}", *in.visit_id, v->site_id, site.code));
    }
    f.visit_id = in.visit_id;
  }
  const std::string resp = text::trim(in.responsible);
  const bool inn_like = (resp.size() == 10 || resp.size() == 12) &&
                        std::all_of(resp.begin(), resp.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (inn_like) {
    f.responsible_org = org_ref(s, resp);
  } else {
    text::check_field(tr("the responsible person"), resp, 1000, true);
    f.responsible_person = resp;
  }
  repo::insert(s.db, f);
  repo::add_change(s.db, f.id, {s.ctx.now, std::nullopt, FindingStatus::open, ""});
  tx.commit();
  return f;
}

Finding load_finding(Services& s, std::int64_t id) {
  auto f = repo::load_finding(s.db, id);
  if (!f) {
    throw NotFound(trf("no finding with id {}", id));
  }
  return *f;
}

FindingList list_findings(Services& s, const FindingQuery& q) {
  store::ReadTransaction reading(s.db);
  repo::FindingFilter f;
  f.open_only = q.open_only;
  if (q.overdue) {
    f.overdue_on = s.ctx.today();
  }
  if (!text::trim(q.site).empty()) {
    f.site_id = resolve_site(s, q.site).id;
  }
  FindingList l;
  l.findings = repo::list_findings(s.db, f);
  std::vector<std::int64_t> orgs;
  for (const auto& x : l.findings) {
    if (!l.site_codes.count(x.site_id)) {
      const auto site = repo::load_site(s.db, x.site_id);
      l.site_codes[x.site_id] = site ? site->code : std::to_string(x.site_id);
    }
    if (x.responsible_org) {
      orgs.push_back(*x.responsible_org);
    }
  }
  agreement::Services as{s.db, s.ctx, s.agreements};
  l.org_names = agreement::org_names(as, orgs);
  return l;
}

SiteCard site_card(Services& s, const std::string& ref) {
  store::ReadTransaction reading(s.db);
  SiteCard card;
  card.site = resolve_site(s, ref);
  repo::FindingFilter f;
  f.site_id = card.site.id;
  card.findings = repo::list_findings(s.db, f);
  card.visits = repo::visits_of_site(s.db, card.site.id);
  for (const auto& v : card.visits) {
    if (v.status == VisitStatus::held && v.held_on && (!card.last_visit || *v.held_on > *card.last_visit)) {
      card.last_visit = v.held_on;
    }
  }
  std::vector<std::int64_t> orgs;
  for (const auto& id : {card.site.contractor_id, card.site.customer_id}) {
    if (id) {
      orgs.push_back(*id);
    }
  }
  for (const auto& x : card.findings) {
    if (x.responsible_org) {
      orgs.push_back(*x.responsible_org);
    }
  }
  agreement::Services as{s.db, s.ctx, s.agreements};
  for (const auto& [id, org] : agreement::load_orgs(as, orgs)) {
    card.org_names[id] = org.name;
    card.org_inns[id] = org.inn;
  }
  return card;
}

SiteEdit edit_site(Services& s, const std::string& ref, const SiteChanges& c) {
  store::WriteTransaction tx(s.db);
  SiteEdit e;
  e.before = resolve_site(s, ref);
  const Site& b = e.before;
  // The site as text, as `site add` takes it, with the changes over it.
  SiteInput in{b.code,
               b.name,
               b.address,
               b.where ? fmt::format("{}", b.where->lat) : "",
               b.where ? fmt::format("{}", b.where->lon) : "",
               b.program,
               std::string(to_string(b.work)),
               std::string(to_string(b.risk)),
               b.deadline ? time::format_date(*b.deadline) : "",
               std::to_string(b.progress),
               b.contractor_id ? std::to_string(*b.contractor_id) : "",
               b.customer_id ? std::to_string(*b.customer_id) : "",
               b.notes,
               b.active ? "yes" : "no"};
  const auto set = [](std::string& field, const std::optional<std::string>& v) {
    if (v) {
      field = *v;
    }
  };
  set(in.name, c.name);
  set(in.address, c.address);
  set(in.lat, c.lat);
  set(in.lon, c.lon);
  set(in.program, c.program);
  set(in.work, c.work);
  set(in.risk, c.risk);
  set(in.deadline, c.deadline);
  set(in.progress, c.progress);
  set(in.contractor, c.contractor);
  set(in.customer, c.customer);
  set(in.notes, c.notes);
  set(in.active, c.active);
  e.after = site_from(s, in, false);
  e.after.id = b.id;
  e.after.uuid = b.uuid;
  e.after.created = b.created;
  e.after.updated = s.ctx.now;
  e.changed = repo::update(s.db, b, e.after);
  if (!e.changed) {
    e.after = b;
  }
  tx.commit();
  return e;
}

std::vector<FindingChange> finding_history(Services& s, std::int64_t id) {
  store::ReadTransaction reading(s.db);
  load_finding(s, id);
  return repo::changes(s.db, id);
}

Finding set_finding_status(Services& s, std::int64_t id, FindingStatus to, const std::string& note,
                           const std::string& on) {
  text::check_field(tr("the note"), note, 10000, false);
  store::WriteTransaction tx(s.db);
  const Finding before = load_finding(s, id);
  if (before.status == to) {
    return before;
  }
  if (!transition_allowed(before.status, to)) {
    throw InputError(trf("finding {} is {}; it cannot become {}", id, word(before.status), word(to)));
  }
  time::Instant at = s.ctx.now;
  if (!text::trim(on).empty()) {
    const Date day = time::parse_date(on, s.ctx);
    if (day > s.ctx.today()) {
      throw InputError(trf("finding {} cannot change on {}: that is in the future", id, time::format_date(day)));
    }
    // The day's start, or now when it is today.
    if (day < s.ctx.today()) {
      at = s.ctx.zone->to_instant(time::LocalTime{day.time_since_epoch()});
    }
    const auto history = repo::changes(s.db, id);
    const time::Instant since = history.empty() ? before.created : history.back().at;
    if (s.ctx.zone->to_local(at) < time::LocalTime{time::local_date(s.ctx.zone->to_local(since)).time_since_epoch()}) {
      throw InputError(trf("finding {} cannot change on {}: its last change was on {}", id, time::format_date(day),
                           time::format_date(time::local_date(s.ctx.zone->to_local(since)))));
    }
    at = std::max(at, since);  // the same day as the last change: after it
  }
  Finding f = before;
  f.status = to;
  f.updated = s.ctx.now;
  repo::update(s.db, before, f);
  repo::add_change(s.db, id, {at, before.status, to, text::trim(note)});
  tx.commit();
  return f;
}

std::vector<std::string> finding_due_warnings(Services& s, const Finding& f) {
  std::vector<std::string> out;
  if (!f.due) {
    return out;
  }
  if (*f.due < s.ctx.today()) {
    out.push_back(trf("finding {}: its due date {} has passed already", f.id, russian::say_date(*f.due)));
  } else if (!s.ctx.calendar->is_working(*f.due)) {
    out.push_back(trf("finding {}: its due date {} is a day off; the next working day is {}", f.id,
                      russian::say_date(*f.due), russian::say_date(s.ctx.calendar->add_working_days(*f.due, 1))));
  }
  return out;
}

std::vector<SiteFindingCounts> finding_counts_by_site(Services& s, Date from, Date to, Date overdue_before) {
  return repo::finding_counts_by_site(s.db, from, to, overdue_before);
}

FindingCounts finding_counts(Services& s, Date from, Date to) { return repo::finding_counts(s.db, from, to); }

long visits_held_between(Services& s, Date from, Date to) { return repo::visits_held_between(s.db, from, to); }

}  // namespace omskplan::inspection
