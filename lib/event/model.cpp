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

std::string_view word(Kind v) { return say(kKindWords, v); }
std::string_view word(Level v) { return say(kLevelWords, v); }
std::string_view word(Status v) { return say(kStatusWords, v); }
std::string_view word(TaskStatus v) { return say(kTaskStatusWords, v); }
std::string_view word(RepeatDaysOff v) { return say(kRepeatDaysOffWords, v); }
std::string_view heading(Kind v) { return say(kKindHeadings, v); }
std::string say_kind_heading(std::string_view name) { return say_name(kKindNames, kKindHeadings, name); }
std::string say_kind(std::string_view name) { return say_name(kKindNames, kKindWords, name); }
std::string say_level(std::string_view name) { return say_name(kLevelNames, kLevelWords, name); }
std::string say_status(std::string_view name) { return say_name(kStatusNames, kStatusWords, name); }
std::string say_task_status(std::string_view name) { return say_name(kTaskStatusNames, kTaskStatusWords, name); }

Kind parse_kind(std::string_view s) { return parse_enum<Kind>(kKindNames, kKindWords, s, tr("kind")); }
Level parse_level(std::string_view s) { return parse_enum<Level>(kLevelNames, kLevelWords, s, tr("level")); }
Status parse_status(std::string_view s) { return parse_enum<Status>(kStatusNames, kStatusWords, s, tr("status")); }
TaskStatus parse_task_status(std::string_view s) {
  return parse_enum<TaskStatus>(kTaskStatusNames, kTaskStatusWords, s, tr("task status"));
}

RepeatDaysOff parse_repeat_days_off(std::string_view s) {
  return parse_enum<RepeatDaysOff>(kRepeatDaysOffNames, kRepeatDaysOffWords, s, tr("days-off rule"));
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
