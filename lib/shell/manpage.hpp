// The manual page omskplan(1), generated from the same description of the
// command tree as the completion scripts (so it cannot drift from the
// commands), plus the settings table (config::keys()) for ENVIRONMENT and the
// fixed sections: exit status, files, examples.
#pragma once

#include "shell/completion.hpp"

#include <string>

namespace omskplan::shell {

// man(7) source. `date` is YYYY-MM-DD (the build's, reproducible with
// SOURCE_DATE_EPOCH); `version` such as "omskplan 0.1.0".
std::string man_page(const CommandSpec& root, const std::string& date, const std::string& version);

// Text escaped for roff: backslashes, a leading dot or quote, hyphens in options.
std::string roff_escape(const std::string& s);

}  // namespace omskplan::shell
