// Random (version 4) UUIDs: the identity a record keeps across exports and imports.
#pragma once

#include <string>

namespace omskplan {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower-case hex, from std::random_device.
std::string new_uuid();

}  // namespace omskplan
