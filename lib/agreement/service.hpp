// What a user does with organizations, agreements, obligations and the
// "Patron of the Year" award. Each write is one transaction.
#pragma once

#include "agreement/model.hpp"
#include "event/model.hpp"
#include "store/db.hpp"
#include "time/expr.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace omskplan::agreement {

struct Settings {
  // The spheres an agreement may belong to (config: [agreement] spheres).
  std::vector<std::string> spheres{"culture", "sport", "education", "improvement", "social", "health",
                                   "youth",   "economy", "other"};
  // How many "Меценат года" titles a year may have, from a year on
  // ([agreement.titles_per_year]): one from 2022, three from 2025 (decision of 19.11.2025).
  std::map<int, int> titles_per_year{{2022, 1}, {2025, 3}};
  std::string award_title = "Меценат года";

  int max_titles(int year) const;
};

struct Services {
  store::Db& db;
  const time::Context& ctx;
  const Settings& settings;
};

// ---- organizations ----

struct OrgInput {
  std::string name, kind = "company", inn, ogrn, contact, phone, email, address, notes;
  std::string uuid;  // kept when importing; a new one otherwise
};
// Checks INN and OGRN/OGRNIP check digits and that they fit the kind; INN is unique.
Organization add_org(Services& s, const OrgInput& in);
struct OrgChanges {
  std::optional<std::string> name, kind, inn, ogrn, contact, phone, email, address, notes;
};
Organization edit_org(Services& s, std::int64_t id, const OrgChanges& c);
// `ref` is an id ("1") or an INN (10 or 12 digits). NotFound names it.
Organization resolve_org(Services& s, const std::string& ref);
Organization load_org(Services& s, std::int64_t id);
// The organizations with these ids (those that exist), by id: a list names
// only the organizations its rows refer to (there may be tens of thousands).
std::map<std::int64_t, Organization> load_orgs(Services& s, const std::vector<std::int64_t>& ids);
// Their names, "#ID" for an id that no longer exists.
std::map<std::int64_t, std::string> org_names(Services& s, const std::vector<std::int64_t>& ids);

// Organizations by id as a long list meets them: each read once while it is
// among the last few thousand met (bounded memory at any length of list).
class OrgLookup {
 public:
  explicit OrgLookup(Services& s) : s_(s) {}
  // Null for an id that no longer exists.
  const Organization* find(std::int64_t id);

 private:
  Services& s_;
  std::unordered_map<std::int64_t, std::optional<Organization>> met_;
};

// `org list`: full-text search in names (ё = е, any case) and a kind, "" = any.
std::vector<Organization> list_orgs(Services& s, const std::string& search, const std::string& kind);
// The same one at a time, in one read of the database: any number in constant memory.
void for_each_org(Services& s, const std::string& search, const std::string& kind,
                  const std::function<void(Organization&&)>& each);
// `org show`: an organization (id or INN) with its agreements and their obligations.
struct OrgCard {
  Organization org;
  std::vector<Agreement> agreements;
};
OrgCard org_card(Services& s, const std::string& ref);

// ---- agreements ----

struct AgreementInput {
  std::string org, title, number, sphere, signed_on, valid_from, valid_to, value, status, notes;
  std::optional<std::int64_t> event_id;
  std::vector<std::string> files;
};
Agreement add(Services& s, const AgreementInput& in);
// The checks every saved agreement passes (sphere, dates, texts); InputError.
void check(Services& s, const Agreement& a);
Agreement load(Services& s, std::int64_t id);
Agreement set_status(Services& s, std::int64_t id, Status to);
Agreement terminate(Services& s, std::int64_t id, const std::string& on, const std::string& reason);
Agreement renew(Services& s, std::int64_t id, const std::string& valid_to);

struct ObligationInput {
  std::string party = "partner", text, due, value;
};
Obligation add_obligation(Services& s, std::int64_t id, const ObligationInput& in);
Obligation obligation_done(Services& s, std::int64_t id, int no, const std::string& on);

struct ListQuery {
  std::optional<std::string> status;   // including "expired"
  std::optional<std::string> expiring; // "90d": valid_to within that many days, not yet expired
  std::optional<std::string> org, sphere, search;
  std::optional<long> limit;
};
std::vector<Agreement> list(Services& s, const ListQuery& q, bool with_obligations);
// The same one at a time, in one read of the database, each with its
// organization (null if it no longer exists): any number in constant memory.
void for_each(Services& s, const ListQuery& q, bool with_obligations,
              const std::function<void(const Agreement&, const Organization*)>& each);

struct Expiring {
  Agreement agreement;
  std::string org_name;
  long days_left = 0;
};
struct DueReport {
  std::vector<DueObligation> obligations;  // open, due within the window or overdue
  std::vector<Expiring> expiring;                // valid_to within the window
  int overdue = 0;
};
DueReport due(Services& s, int within_days);

// ---- Patron of the Year ----

struct PatronRow {
  int rank = 0;
  std::int64_t org_id = 0;
  std::string name, inn;
  money::Kopecks value = 0;
  int count = 0;
  std::vector<std::string> titles;  // awards of the year
  std::optional<int> badge;         // badge number of the year
};
// Partners ranked by the value, then the number, of their obligations
// fulfilled in `year`; award holders without contributions are listed too.
std::vector<PatronRow> patrons(Services& s, int year);

// Refused when the organization has no signed agreement, has the title for the
// year already, or the year's titles are all given.
Award add_award(Services& s, int year, const std::string& org, const std::string& title, const std::string& decided_on);
// The next running number of the year; one badge per organization and year.
Badge issue_badge(Services& s, int year, const std::string& org, const std::string& on);

// The register of awards or badges, of a year and/or an organization (id or
// INN, "" = every one), with the names of the organizations.
struct AwardList {
  std::vector<Award> awards;
  std::map<std::int64_t, std::string> org_names;
};
AwardList list_awards(Services& s, std::optional<int> year, const std::string& org);
struct BadgeList {
  std::vector<Badge> badges;
  std::map<std::int64_t, std::string> org_names;
};
BadgeList list_badges(Services& s, std::optional<int> year, const std::string& org);

// The participants of the year's ceremony: award holders and badge holders.
std::vector<event::Participant> ceremony_participants(Services& s, int year);

// Parses a period such as "30d", "+30d", "2w" into days (for --within, --expiring).
int parse_days(const std::string& s, std::string_view option);

}  // namespace omskplan::agreement
