// SQL for sites, agencies, visits and findings. Runs inside the caller's
// transaction; writes are audited.
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "inspection/model.hpp"
#include "store/db.hpp"

#include <map>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::inspection::repo {

void insert(store::Db& db, Site& s);
bool update(store::Db& db, const Site& before, const Site& after);
std::optional<Site> load_site(store::Db& db, std::int64_t id);
std::optional<Site> find_site_by_code(store::Db& db, const std::string& code);
struct SiteFilter {
  std::optional<std::string> program;
  std::optional<Work> work;
  std::optional<Risk> risk;
  bool active_only = false;
};
// By code, one at a time.
void for_each_site(store::Db& db, const SiteFilter& f, const std::function<void(Site&&)>& each);
std::vector<Site> list_sites(store::Db& db, const SiteFilter& f);

// What the scheduler needs of every active site with coordinates, as of `today`.
std::vector<SiteFacts> schedule_facts(store::Db& db, time::Date today);

void insert(store::Db& db, Agency& a);
std::optional<Agency> load_agency(store::Db& db, std::int64_t id);
std::vector<Agency> list_agencies(store::Db& db);
void insert(store::Db& db, Member& m);
std::vector<Member> members(store::Db& db, std::optional<std::int64_t> agency_id);
void add_requirement(store::Db& db, std::int64_t agency_id, const std::string& program, const std::string& work);
// Agencies required at a site of this program and kind of work.
std::vector<std::int64_t> required_agencies(store::Db& db, const std::string& program, Work work);

void insert(store::Db& db, Visit& v);
bool update(store::Db& db, const Visit& before, const Visit& after);
std::optional<Visit> load_visit(store::Db& db, std::int64_t id);
std::vector<Visit> visits_of_week(store::Db& db, const std::string& week);
// Every visit of a site, newest first.
std::vector<Visit> visits_of_site(store::Db& db, std::int64_t site_id);
void remove(store::Db& db, const Visit& v);
// Records a visit day as planned now (a new day: revision 0) or changed now
// (the revision goes up by one).
void touch_day(store::Db& db, time::Date day, const std::string& week, time::Instant now);
std::map<time::Date, DayRevision> day_revisions(store::Db& db, const std::string& week);

void insert(store::Db& db, Finding& f);
bool update(store::Db& db, const Finding& before, const Finding& after);
std::optional<Finding> load_finding(store::Db& db, std::int64_t id);
struct FindingFilter {
  std::optional<std::int64_t> site_id;
  bool open_only = false;
  std::optional<time::Date> overdue_on;  // open with due before this day
  std::optional<std::int64_t> visit_id;
};
std::vector<Finding> list_findings(store::Db& db, const FindingFilter& f);
void add_change(store::Db& db, std::int64_t finding_id, const FindingChange& c);
std::vector<FindingChange> changes(store::Db& db, std::int64_t finding_id);

// Every site by code with its findings of [from, to]; overdue: open, due before `overdue_before`.
std::vector<SiteFindingCounts> finding_counts_by_site(store::Db& db, time::Date from, time::Date to,
                                                      time::Date overdue_before);
FindingCounts finding_counts(store::Db& db, time::Date from, time::Date to);
long visits_held_between(store::Db& db, time::Date from, time::Date to);

}  // namespace omskplan::inspection::repo
