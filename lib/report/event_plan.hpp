// «План подготовки и проведения мероприятия»: one event as a document to
// approve and hand out — the approval block, what must be done before it
// (numbered, who, by when as «до 20 июля 2023 г.», the mark of execution), the
// run of show, the participants and the venue. Written by every writer of
// report/document.hpp (text, Markdown, HTML, DOCX, XLSX, JSON, CSV).
#pragma once

#include "event/model.hpp"
#include "report/document.hpp"
#include "time/zone.hpp"

namespace omskplan::report {

// `today` decides which open tasks are overdue.
Document event_plan(const event::Event& e, const time::TimeZone& zone, time::Date today, const Signatures& sig);

}  // namespace omskplan::report
