// The JSON forms of organizations and agreements (docs/json.md): what the
// lists print with --json and what `org import` / `agreement import` read.
#pragma once

#include "agreement/model.hpp"
#include "agreement/service.hpp"

#include <nlohmann/json.hpp>

#include <istream>

namespace omskplan::agreement {

nlohmann::ordered_json to_json(const Organization& o);
// `org` may be null when unknown; `today` gives the effective status.
nlohmann::ordered_json to_json(const Agreement& a, const Organization* org, time::Date today);

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};
// Organizations as `org list --json` prints them: matched by uuid, then INN.
ImportResult import_orgs(Services& s, std::istream& in, bool dry_run);
// Agreements as `agreement list --json` prints them: matched by uuid, then
// number; "org" names the organization by "inn" or "id".
ImportResult import_agreements(Services& s, std::istream& in, bool dry_run);

}  // namespace omskplan::agreement
