// What a user (and the weekly cron job) does with inspections. Each write is
// one transaction.
#pragma once

#include "agreement/service.hpp"
#include "inspection/model.hpp"
#include "inspection/schedule.hpp"
#include "store/db.hpp"
#include "time/expr.hpp"

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::inspection {

struct Services {
  store::Db& db;
  const time::Context& ctx;
  const ScheduleSettings& cfg;
  const agreement::Settings& agreements;  // for organizations named by INN
};

// ---- sites ----

// Every site's code, by code (shell completion offers them).
std::vector<std::string> site_codes(Services& s);

// `site list`: each field as the user typed it ("" = any).
struct SiteQuery {
  std::string program, work, risk;
  bool active_only = false;
};
std::vector<Site> list_sites(Services& s, const SiteQuery& q);
// A listed site with the INNs of its contractor and customer ("" when none;
// the id when the organization no longer exists): what its CSV row names them by.
struct ListedSite {
  Site site;
  std::string contractor_inn, customer_inn;
};
// `site list` one at a time, in one read of the database (any number in
// constant memory); the INNs only `with_inns`.
void for_each_site(Services& s, const SiteQuery& q, bool with_inns, const std::function<void(const ListedSite&)>& each);

struct SiteInput {
  std::string code, name, address, lat, lon, program, work, risk, deadline, progress, contractor, customer, notes;
  std::string active;  // "", "yes"/"no", "1"/"0"
};
Site add_site(Services& s, const SiteInput& in);
// `site edit`: each field given replaces the site's (nullopt: as it was; ""
// clears a field that may be empty). The site checked as `site add` checks it.
struct SiteChanges {
  std::optional<std::string> name, address, lat, lon, program, work, risk, deadline, progress, contractor, customer,
      notes, active;
};
struct SiteEdit {
  Site before, after;
  bool changed = false;
};
SiteEdit edit_site(Services& s, const std::string& ref, const SiteChanges& c);
// "" or why the site's coordinates look wrong: outside the service area
// (inspection.service_area_center and _radius_km), with how far.
std::string area_warning(Services& s, const Site& site);
// A site by code ("OB-017") or id.
Site resolve_site(Services& s, const std::string& ref);

struct CsvImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<std::string> warnings;  // "sites.csv:3: …" for coordinates outside the service area
};
// UTF-8 CSV with a header (code, name, work and risk required; address, lat,
// lon, program, deadline, progress, contractor, customer, notes, active
// optional), ',' or ';' with decimal commas. Matched by code. All or nothing;
// errors are "NAME:LINE: column 'lat': …".
CsvImportResult import_sites_csv(Services& s, std::istream& text, const std::string& name, bool dry_run);
CsvImportResult import_sites_csv(Services& s, std::string_view text, const std::string& name, bool dry_run);

// ---- agencies ----

struct AgencyWithMembers {
  Agency agency;
  std::vector<Member> members;
};
std::vector<AgencyWithMembers> list_agencies(Services& s);

Agency add_agency(Services& s, const std::string& name, const std::string& kind);
Member add_member(Services& s, std::int64_t agency_id, const std::string& name, const std::string& position,
                  const std::string& phone);
// The agency must attend visits to sites of `program` and/or `work` (either may be empty = any).
void require_agency(Services& s, std::int64_t agency_id, const std::string& program, const std::string& work);

// ---- the weekly schedule ----

struct Candidate {
  SiteFacts site;
  Priority priority;
  bool chosen = false;
  std::string reason;  // why chosen or left out
};

struct PlannedStop {
  Visit visit;
  Site site;
  bool unrecorded = false;  // planned for a day that has passed and never recorded held or cancelled
};

struct WeekPlan {
  std::string week;                // "2024-W19"
  std::vector<time::Date> days;    // the visit days chosen
  std::vector<PlannedStop> stops;  // by day, then route order; a day's cancelled visits last, with their reasons
  std::map<time::Date, DayRevision> revisions;  // by visit day: for calendars (SEQUENCE, LAST-MODIFIED)
  std::vector<Candidate> candidates;  // with --explain: every active site, best first
  bool existing = false;           // the plan was already there and was left as it was
  bool written = false;
  std::string note;                // e.g. "the week has no working day"
  std::vector<std::string> warnings;  // sites left out that need the user: "site A-1 … left out: …"
};

enum class ScheduleMode { normal, replan };
// Plans the ISO week `week` (its Monday): idempotent — an existing plan is
// returned unchanged unless `replan`, which replaces the planned (not held)
// visits. `dry_run` computes and writes nothing.
WeekPlan schedule(Services& s, time::Date monday, ScheduleMode mode, bool dry_run, bool explain);
// The visits of a week as they are stored, cancelled ones too; a week with
// no visit day says so in `note`.
WeekPlan load_week(Services& s, time::Date monday);
// Everything the memo and the calendar need beyond the plan: agencies, their
// members, open findings at each stop.
struct MemoContext {
  std::map<std::int64_t, Agency> agencies;
  std::map<std::int64_t, std::vector<Member>> members;         // by agency
  std::map<std::int64_t, std::vector<Finding>> open_findings;  // by site
};
MemoContext memo_context(Services& s, const WeekPlan& p);
std::string week_name(time::Date monday);

Visit visit_held(Services& s, std::int64_t visit_id, const std::string& notes, const std::vector<std::int64_t>& attended,
                 const std::string& on);
// Cancels a planned visit with its reason; the rest of the day's route is
// recomputed (unless a visit of that day was held already) and the day's
// calendar revision goes up.
Visit visit_cancel(Services& s, std::int64_t visit_id, const std::string& notes);

// ---- findings ----

struct FindingInput {
  std::optional<std::int64_t> visit_id;
  std::string site, text, responsible, due, severity = "major";
};
Finding add_finding(Services& s, const FindingInput& in);
// `on`: the day it happened ("" = now); not in the future, not before the
// finding was recorded or its last change.
Finding set_finding_status(Services& s, std::int64_t id, FindingStatus to, const std::string& note,
                           const std::string& on = "");
// What to tell the user about a finding's due date: in the past, or a day off.
std::vector<std::string> finding_due_warnings(Services& s, const Finding& f);
Finding load_finding(Services& s, std::int64_t id);

// `finding list` and `overdue`: the findings with the codes of their sites
// and the names of the organizations responsible for them.
struct FindingQuery {
  bool open_only = false;
  bool overdue = false;  // open and past due today
  std::string site;      // code or id; "" = every site
};
struct FindingList {
  std::vector<Finding> findings;
  std::map<std::int64_t, std::string> site_codes;  // by site id
  std::map<std::int64_t, std::string> org_names;   // by organization id
};
FindingList list_findings(Services& s, const FindingQuery& q);

// `site show`: a site by code or id with every finding there, its visits and
// the names of its contractor, customer and the organizations responsible.
struct SiteCard {
  Site site;
  std::vector<Finding> findings;
  std::vector<Visit> visits;                       // newest first
  std::optional<time::Date> last_visit;            // the last held
  std::map<std::int64_t, std::string> org_names;   // by organization id
  std::map<std::int64_t, std::string> org_inns;
};
SiteCard site_card(Services& s, const std::string& ref);

// What the reports count: findings per site and in a period, visits held.
std::vector<SiteFindingCounts> finding_counts_by_site(Services& s, time::Date from, time::Date to,
                                                      time::Date overdue_before);
FindingCounts finding_counts(Services& s, time::Date from, time::Date to);
long visits_held_between(Services& s, time::Date from, time::Date to);

// The status changes of a finding, oldest first (NotFound for an unknown id).
std::vector<FindingChange> finding_history(Services& s, std::int64_t id);

}  // namespace omskplan::inspection
