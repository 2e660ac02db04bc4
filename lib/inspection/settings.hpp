// The weekly schedule's settings from config.toml ([inspection]), checked;
// errors name the file and the key.
#pragma once

#include "config/config.hpp"
#include "inspection/schedule.hpp"

namespace omskplan::inspection {

ScheduleSettings schedule_settings(const config::Settings::Inspection& in);

}  // namespace omskplan::inspection
