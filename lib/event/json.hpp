// The stable JSON form of an event (docs/json.md): what `event list --json`
// prints and `event import` reads.
#pragma once

#include "event/model.hpp"
#include "time/expr.hpp"
#include "time/zone.hpp"

#include <nlohmann/json.hpp>

namespace omskplan::event {

// Times are written as local ISO 8601 with the zone's offset.
nlohmann::ordered_json to_json(const Event& e, const time::TimeZone& zone);
// The same as text: what to_json(e).dump(indent) prints, indented as at `depth`
// (an element of a streamed array: 1), appended to `out` with no value built.
void append_json(std::string& out, const Event& e, const time::TimeZone& zone, int indent, int depth);

// Reads one record; errors name the field: "field 'start': invalid date-time …".
// `id` and `uuid` are returned as read (0 / empty when absent).
Event from_json(const nlohmann::json& j, const time::Context& ctx);

std::string format_local_iso(time::Instant t, const time::TimeZone& zone);

}  // namespace omskplan::event
