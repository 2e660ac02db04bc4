// libFuzzer: the JSON importers (events, organizations, agreements) on
// arbitrary bytes, against one in-memory database, always as a dry run:
// either imported or refused with an Error, and the database still sound.
#include "agreement/json.hpp"
#include "core/error.hpp"
#include "event/planner.hpp"
#include "store/db.hpp"

#include <cstdint>
#include <sstream>
#include <string>

using namespace omskplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const time::TimeZone zone = time::TimeZone::load("Asia/Omsk");
  static const time::ProductionCalendar cal;
  static store::Db db = store::Db::open(":memory:", store::OpenMode::create, {"fuzz", "fuzz", "2024-01-01T00:00:00Z"});
  static const agreement::Settings settings;
  time::Context ctx;
  ctx.zone = &zone;
  ctx.calendar = &cal;
  ctx.now = *time::parse_utc("2024-05-03T03:30:00Z");
  const std::string s(reinterpret_cast<const char*>(data), size);
  event::Services es{db, ctx, time::Minutes{30}};
  try {
    event::import_json(es, s, {}, true);
  } catch (const Error&) {
  }
  agreement::Services as{db, ctx, settings};
  for (int which = 0; which < 2; ++which) {
    std::istringstream in(s);
    try {
      which == 0 ? agreement::import_orgs(as, in, true) : agreement::import_agreements(as, in, true);
    } catch (const Error&) {
    }
  }
  return 0;
}
