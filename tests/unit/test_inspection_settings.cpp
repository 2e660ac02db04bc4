#include "inspection/settings.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::inspection;

namespace {

std::string error_of(const config::Settings::Inspection& in) {
  try {
    schedule_settings(in);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_SUITE("inspection::settings") {
  TEST_CASE("defaults: Thursdays 09:00–17:00 from the Administration, 8 sites, 45 minutes each") {
    const auto cfg = schedule_settings({});
    CHECK(cfg.visit_weekdays == std::vector<int>{4});
    CHECK(cfg.day_start == time::Minutes{9 * 60});
    CHECK(cfg.day_end == time::Minutes{17 * 60});
    CHECK(cfg.max_sites == 8);
    CHECK(cfg.service == time::Minutes{45});
  }

  TEST_CASE("values from config.toml, checked; errors name where they came from and the key") {
    config::Settings::Inspection in;
    in.origin = "/home/u/.config/omskplan/config.toml";
    in.visit_days = {"wed", "fri"};
    in.day_start = "08:30";
    in.max_sites = 12;
    in.max_interval_days = {{"high", 10}};
    const auto cfg = schedule_settings(in);
    CHECK(cfg.visit_weekdays == std::vector<int>{3, 5});
    CHECK(cfg.day_start == time::Minutes{8 * 60 + 30});
    CHECK(cfg.max_sites == 12);
    CHECK(cfg.max_interval_days[static_cast<std::size_t>(Risk::high)] == 10);

    auto bad = in;
    bad.visit_days = {"sat"};
    CHECK(error_of(bad) == "/home/u/.config/omskplan/config.toml: inspection.visit_days: 'sat' is not a weekday mon…fri");
    bad = in;
    bad.day_end = "08:00";
    CHECK(error_of(bad) == "/home/u/.config/omskplan/config.toml: inspection.day_end must be after day_start");
    bad = in;
    bad.max_sites = 0;
    CHECK(error_of(bad) == "/home/u/.config/omskplan/config.toml: inspection.max_sites must be 1…50");
    bad = in;
    bad.speed_kmh = 1000;
    CHECK(error_of(bad) == "/home/u/.config/omskplan/config.toml: inspection.speed_kmh must be 1…150");
    bad = in;
    bad.max_interval_days = {{"high", 0}};
    CHECK(error_of(bad) == "/home/u/.config/omskplan/config.toml: inspection.max_interval_days.high must be 1…3660");
    bad = in;
    bad.start_lat = 95;
    bad.start_lon = 73;
    CHECK(error_of(bad) == "/home/u/.config/omskplan/config.toml: inspection.start_point is not a point on Earth");
  }
}

}  // namespace OMSKPLAN_TEST_FILE
