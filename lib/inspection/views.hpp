// Inspections as tables, JSON, the Markdown memo of the week and iCalendar.
#pragma once

#include "inspection/service.hpp"
#include "render/ics.hpp"
#include "render/table.hpp"
#include "time/zone.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace omskplan::inspection {

// `site list`'s table: its columns, then a row per site (streamed: cmd's RecordPrinter).
render::Table sites_columns();
render::Row site_row(const Site& s);
// Every field `inspection site import` reads, in its columns (contractor and customer by
// INN): what `site list --format csv` writes, so that the file imports back unchanged.
render::Table sites_export_columns();
render::Row site_export_row(const ListedSite& l);
nlohmann::ordered_json to_json(const Site& s);
// Why a visit was planned, in the language in use (from the facts stored with it).
std::string why_text(const Visit& v);
render::Table plan_table(const WeekPlan& p, const time::TimeZone& zone);
nlohmann::ordered_json plan_json(const WeekPlan& p, const time::TimeZone& zone);
render::Table explain_table(const WeekPlan& p);
// `org_names` names the responsible organizations.
render::Table findings_table(const std::vector<Finding>& fs, const std::map<std::int64_t, std::string>& site_codes,
                             time::Date today, const std::map<std::int64_t, std::string>& org_names = {});
// With `today`: "days_overdue" too (null unless open and past due).
nlohmann::ordered_json to_json(const Finding& f, const std::string& site_code,
                               std::optional<time::Date> today = std::nullopt);

// «на неделю с 6 по 12 мая 2024 г.» for "2024-W19": documents never say 2024-W19.
std::string week_words(const std::string& week);
// Who comes to a visit: «Агентство: Фамилия И. О. (должность); …».
std::string memo_participants(const std::vector<std::int64_t>& agency_ids, const MemoContext& m);
std::string plan_memo(const WeekPlan& p, const MemoContext& m, const time::TimeZone& zone, time::Date today);
// One VEVENT per visit day with the route in the description.
std::vector<render::IcsEvent> plan_ics(const WeekPlan& p, const MemoContext& m, const time::TimeZone& zone);

render::Table agencies_table(const std::vector<AgencyWithMembers>& agencies);
nlohmann::ordered_json agencies_json(const std::vector<AgencyWithMembers>& agencies);

// `site show`: the card with its findings, and its JSON form.
std::string site_card_text(const SiteCard& card, time::Date today);
nlohmann::ordered_json site_card_json(const SiteCard& card, time::Date today);

render::Table finding_history_table(const std::vector<FindingChange>& changes, const time::TimeZone& zone);
nlohmann::ordered_json finding_history_json(const std::vector<FindingChange>& changes);

}  // namespace omskplan::inspection
