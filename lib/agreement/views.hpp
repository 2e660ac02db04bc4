// Organizations, agreements and awards as the row model of render/ and as
// person-readable cards.
#pragma once

#include "agreement/service.hpp"
#include "render/table.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace omskplan::agreement {

// The lists' tables: their columns, then a row per record (a list is
// streamed row by row: cmd's RecordPrinter).
render::Table orgs_columns();
render::Row org_row(const Organization& o);
render::Table agreements_columns();
render::Row agreement_row(const Agreement& a, const std::string& org_name, time::Date today);
// `names` maps organization ids to names.
render::Table agreements_table(const std::vector<Agreement>& as, const std::map<std::int64_t, std::string>& names,
                               time::Date today);
render::Table obligations_table(const Agreement& a, time::Date today);
render::Table due_table(const DueReport& r, time::Date today);
nlohmann::ordered_json due_json(const DueReport& r, time::Date today);
render::Table patrons_table(const std::vector<PatronRow>& rows);
nlohmann::ordered_json patrons_json(const std::vector<PatronRow>& rows, int year);
render::Table awards_table(const std::vector<Award>& as, const std::map<std::int64_t, std::string>& names);
render::Table badges_table(const std::vector<Badge>& bs, const std::map<std::int64_t, std::string>& names);
nlohmann::ordered_json awards_json(const AwardList& l);
nlohmann::ordered_json badges_json(const BadgeList& l);
// An organization with its agreements, as `org show --json` prints it.
nlohmann::ordered_json org_card_json(const OrgCard& card, time::Date today);

std::string org_card(const Organization& o, const std::vector<Agreement>& agreements, time::Date today);
std::string agreement_card(const Agreement& a, const Organization& org, time::Date today);

}  // namespace omskplan::agreement
