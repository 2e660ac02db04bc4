// SQL for organizations, agreements, obligations, awards and badges. Every
// function runs inside the caller's transaction; writes are audited.
#pragma once

#ifdef OMSKPLAN_FRONT_END
#error "cmd/ calls services, never a repository (docs/ARCHITECTURE.md)"
#endif

#include "agreement/model.hpp"
#include "store/db.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace omskplan::agreement::repo {

// Organizations
void insert(store::Db& db, Organization& o);
bool update(store::Db& db, const Organization& before, const Organization& after);
std::optional<Organization> load_org(store::Db& db, std::int64_t id);
std::optional<Organization> find_org_by_inn(store::Db& db, const std::string& inn);
std::optional<std::int64_t> find_org_by_uuid(store::Db& db, const std::string& uuid);
struct OrgFilter {
  std::optional<OrgKind> kind;
  std::optional<std::string> search;  // full text over names, ё = е
  std::optional<long> limit;
};
// In Russian alphabetical order of names (then id), one at a time.
void for_each_org(store::Db& db, const OrgFilter& f, const std::function<void(Organization&&)>& each);
std::vector<Organization> list_orgs(store::Db& db, const OrgFilter& f);

// Agreements
void insert(store::Db& db, Agreement& a);
bool update(store::Db& db, const Agreement& before, const Agreement& after);
std::optional<Agreement> load(store::Db& db, std::int64_t id);
std::optional<std::int64_t> find_by_number(store::Db& db, const std::string& number);
std::optional<std::int64_t> find_by_uuid(store::Db& db, const std::string& uuid);
struct Filter {
  std::optional<std::int64_t> org_id;
  std::optional<std::string> sphere;
  std::optional<std::string> search;  // number and title
  // Stored statuses to keep (the caller derives "expired" from valid_to).
  std::vector<Status> stored_statuses;
  std::optional<time::Date> valid_to_from;  // valid_to on or after
  std::optional<time::Date> valid_to_until; // valid_to on or before
  std::optional<long> limit;
};
// By signing date (then id), one at a time.
void for_each(store::Db& db, const Filter& f, bool with_obligations, const std::function<void(Agreement&&)>& each);
std::vector<Agreement> list(store::Db& db, const Filter& f, bool with_obligations);

// Open obligations due on or before `until` of agreements neither terminated nor fulfilled.
std::vector<DueObligation> open_obligations_until(store::Db& db, time::Date until);

struct Contribution {
  std::int64_t org_id;
  std::string org_name;
  std::string inn;
  money::Kopecks value = 0;
  int count = 0;
};
// Partner obligations fulfilled in [from, to], summed per organization.
std::vector<Contribution> fulfilled_by_partner(store::Db& db, time::Date from, time::Date to);

// Awards and badges
void insert(store::Db& db, Award& a);
std::vector<Award> awards(store::Db& db, std::optional<int> year, std::optional<std::int64_t> org_id);
void insert(store::Db& db, Badge& b);
std::vector<Badge> badges(store::Db& db, std::optional<int> year, std::optional<std::int64_t> org_id);
int next_badge_number(store::Db& db, int year);

}  // namespace omskplan::agreement::repo
