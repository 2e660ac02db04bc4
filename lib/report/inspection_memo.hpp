// The week's inspection memo as a document (DOCX, HTML, XLSX): for the
// agencies that come along — day by day the route with arrival and departure,
// each site and who attends, then the open findings at each site. The Markdown
// memo is inspection::plan_memo; this is the same content for a word processor.
#pragma once

#include "inspection/service.hpp"
#include "report/document.hpp"
#include "time/zone.hpp"

namespace omskplan::report {

Document inspection_memo(const inspection::WeekPlan& p, const inspection::MemoContext& m, const time::TimeZone& zone,
                         time::Date today, const Signatures& sig);

}  // namespace omskplan::report
