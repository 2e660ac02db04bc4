#include "time/zone.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::time;
using namespace std::chrono;

namespace {
Instant utc(const char* s) { return *parse_utc(s); }
}  // namespace

TEST_SUITE("time::zone") {
  TEST_CASE("Asia/Omsk is +06 without DST since 2014, +07 before") {
    const auto z = TimeZone::load("Asia/Omsk");
    CHECK(z.info_at(utc("2023-08-05T04:00:00Z")).offset == hours{6});
    CHECK(z.info_at(utc("2023-08-05T04:00:00Z")).abbrev == "+06");
    CHECK_FALSE(z.info_at(utc("2023-01-05T04:00:00Z")).is_dst);
    CHECK(z.info_at(utc("2012-06-01T00:00:00Z")).offset == hours{7});
    CHECK(z.info_at(utc("2040-06-01T00:00:00Z")).offset == hours{6});
    CHECK(format_local(z.to_local(utc("2023-08-05T04:00:00Z"))) == "2023-08-05 10:00");
    const LocalTime ten{(make_date(2023, 8, 5)).time_since_epoch() + hours{10}};
    CHECK(format_utc(z.to_instant(ten)) == "2023-08-05T04:00:00Z");
    CHECK(z.transitions(utc("2015-01-01T00:00:00Z"), utc("2030-01-01T00:00:00Z")).empty());
  }

  TEST_CASE("a zone with DST: gaps move forward, overlaps take the earlier instant") {
    const auto z = TimeZone::load("Europe/Berlin");
    const LocalTime gap{make_date(2024, 3, 31).time_since_epoch() + hours{2} + minutes{30}};
    CHECK(format_utc(z.to_instant(gap)) == "2024-03-31T01:30:00Z");
    const LocalTime overlap{make_date(2024, 10, 27).time_since_epoch() + hours{2} + minutes{30}};
    CHECK(format_utc(z.to_instant(overlap)) == "2024-10-27T00:30:00Z");
    CHECK(z.info_at(utc("2024-07-01T00:00:00Z")).abbrev == "CEST");
    // Far beyond the explicit transitions the POSIX rule of the file decides.
    CHECK(z.info_at(utc("2045-07-01T00:00:00Z")).offset == hours{2});
    CHECK(z.info_at(utc("2045-12-01T00:00:00Z")).offset == hours{1});
    const auto ts = z.transitions(utc("2024-01-01T00:00:00Z"), utc("2025-01-01T00:00:00Z"));
    REQUIRE(ts.size() == 2);
    CHECK(format_utc(ts[0].at) == "2024-03-31T01:00:00Z");
    CHECK(ts[0].after.is_dst);
    CHECK(format_utc(ts[1].at) == "2024-10-27T01:00:00Z");
    const auto far = z.transitions(utc("2045-01-01T00:00:00Z"), utc("2046-01-01T00:00:00Z"));
    REQUIRE(far.size() == 2);
    CHECK(format_utc(far[0].at) == "2045-03-26T01:00:00Z");
  }

  TEST_CASE("an unknown or hostile zone name is refused") {
    CHECK_THROWS_AS(TimeZone::load("Asia/Nowhere"), InputError);
    CHECK_THROWS_WITH(TimeZone::load("../../etc/passwd"), "unknown time zone '../../etc/passwd'");
    CHECK(TimeZone::load("UTC").info_at(utc("2024-01-01T00:00:00Z")).offset == seconds{0});
  }

  TEST_CASE("a zone file that is a device or endless is refused, not read") {
    const char* old = std::getenv("TZDIR");
    const std::string saved = old ? old : "";
    ::setenv("TZDIR", "/dev", 1);
    CHECK_THROWS_WITH_AS(time::TimeZone::load("zero"), "unknown time zone 'zero' (no file /dev/zero)", InputError);
    if (old) {
      ::setenv("TZDIR", saved.c_str(), 1);
    } else {
      ::unsetenv("TZDIR");
    }
  }

  TEST_CASE("a damaged TZif file is refused with InputError, never another exception") {
    // What fuzz_tzif found first: counts announcing more than the file holds.
    const std::string truncated("TZif\0\0\0\0\0\0" "2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x06\0\0\0\x04\0\0\0"
                                "\x12\x80\0\0\0\x87\x9d\xbc\xba\xca\xdb\x8c(\xcc\x05q\x18\xcc\x95" "2\xa8\xd2t\x12\x98\x01\x02\0\0\0",
                                73);
    CHECK_THROWS_AS(TimeZone::parse("x", truncated), InputError);
    CHECK_THROWS_AS(TimeZone::parse("x", "TZif"), InputError);
    std::ifstream in("/usr/share/zoneinfo/Asia/Omsk", std::ios::binary);
    const std::string omsk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::size_t cut = 0; cut < omsk.size(); cut += 7) {  // every truncation: refused or read, never a crash
      try {
        TimeZone::parse("cut", omsk.substr(0, cut));
      } catch (const InputError&) {
      }
    }
    CHECK(TimeZone::parse("Asia/Omsk", omsk).info_at(utc("2023-08-05T04:00:00Z")).offset == hours{6});
  }

  TEST_CASE("every zone of the system reads as the C library reads it: offsets, DST, abbreviations") {
    // The reference is glibc's localtime_r over the same TZif files, for each
    // distinct file under /usr/share/zoneinfo (links and copies once): every
    // 13 days from 1901 to 2100 (past 2037 the files' POSIX rules decide) and
    // one second either side of each transition from 1970 to 2040.
    const std::filesystem::path root = "/usr/share/zoneinfo";
    REQUIRE(std::filesystem::is_directory(root));  // tzdata is a dependency (.ci/packages)
    std::set<std::string> seen;
    std::vector<std::string> zones;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      const std::string rel = std::filesystem::relative(entry.path(), root).string();
      if (!entry.is_regular_file() || rel.rfind("posix", 0) == 0 || rel.rfind("right", 0) == 0 ||
          rel == "localtime" || rel == "posixrules" || rel == "Factory") {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (bytes.rfind("TZif", 0) == 0 && seen.insert(bytes).second) {
        zones.push_back(rel);
      }
    }
    CHECK(zones.size() > 300);
    const char* saved = std::getenv("TZ");
    const std::string saved_tz = saved ? saved : "";
    long lookups = 0;
    std::vector<std::string> mismatches;
    for (const auto& name : zones) {
      ::setenv("TZ", name.c_str(), 1);
      ::tzset();
      const TimeZone z = TimeZone::load(name);
      auto compare = [&](Instant t) {
        const std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
        std::tm tm{};
        const bool converted = ::localtime_r(&tt, &tm) != nullptr;
        const ZoneInfo ours = z.info_at(t);
        ++lookups;
        if (!converted || ours.offset.count() != tm.tm_gmtoff || ours.is_dst != (tm.tm_isdst > 0) || ours.abbrev != tm.tm_zone) {
          mismatches.push_back(name + " at " + format_utc(t) + ": " + std::to_string(ours.offset.count()) + " " +
                               ours.abbrev + " vs " + std::to_string(tm.tm_gmtoff) + " " + tm.tm_zone);
        }
      };
      for (Instant t = utc("1901-12-14T00:00:00Z"); t < utc("2100-01-01T00:00:00Z"); t += hours{24 * 13 + 7}) {
        compare(t);
      }
      for (const auto& tr : z.transitions(utc("1970-01-01T00:00:00Z"), utc("2040-01-01T00:00:00Z"))) {
        compare(tr.at - seconds{1});
        compare(tr.at);
      }
    }
    if (saved) {
      ::setenv("TZ", saved_tz.c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
    MESSAGE(zones.size(), " zones, ", lookups, " lookups, ", mismatches.size(), " mismatches");
    for (std::size_t i = 0; i < mismatches.size() && i < 10; ++i) {
      INFO(mismatches[i]);
      CHECK(false);
    }
    CHECK(mismatches.empty());
  }
}

}  // namespace OMSKPLAN_TEST_FILE
