#include "event/model.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"

#include <fmt/format.h>

#include <random>

namespace omskplan::event {


std::string_view to_string(Kind v) { return kKindNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Level v) { return kLevelNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(Status v) { return kStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(TaskStatus v) { return kTaskStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view to_string(RepeatDaysOff v) { return kRepeatDaysOffNames.at(static_cast<std::size_t>(v)); }

Kind parse_kind(std::string_view s) { return parse_enum<Kind>(kKindNames, s, tr("kind")); }
Level parse_level(std::string_view s) { return parse_enum<Level>(kLevelNames, s, tr("level")); }
Status parse_status(std::string_view s) { return parse_enum<Status>(kStatusNames, s, tr("status")); }
TaskStatus parse_task_status(std::string_view s) {
  return parse_enum<TaskStatus>(kTaskStatusNames, s, tr("task status"));
}

RepeatDaysOff parse_repeat_days_off(std::string_view s) {
  return parse_enum<RepeatDaysOff>(kRepeatDaysOffNames, s, tr("days-off rule"));
}

bool status_transition_allowed(Status from, Status to) {
  switch (from) {
    case Status::planned:
      return to == Status::confirmed || to == Status::cancelled || to == Status::held;
    case Status::confirmed:
      return to == Status::held || to == Status::cancelled || to == Status::planned;
    case Status::held:
      return false;
    case Status::cancelled:
      return to == Status::planned;
  }
  return false;
}

}  // namespace omskplan::event
