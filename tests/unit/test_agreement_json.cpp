#include "agreement/json.hpp"

#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <sstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::agreement;

namespace {

struct Fixture {
  testing::Frozen f{"2024-01-10 09:00"};
  store::Db db = testing::memory_db();
  Settings settings;
  Services s{db, f.ctx, settings};
};

}  // namespace

TEST_SUITE("agreement::json") {
  TEST_CASE("JSON import of organizations and agreements: all or nothing, idempotent") {
    Fixture x;
    std::istringstream orgs(R"([{"name": "ООО «Сибирский строитель»", "kind": "company", "inn": "5504945804"},
                               {"name": "ПАО «Банк»", "inn": "7707083893"}])");
    auto r = import_orgs(x.s, orgs, false);
    CHECK(r.created == 2);
    std::istringstream again(R"([{"name": "ООО «Сибирский строитель»", "kind": "company", "inn": "5504945804"}])");
    CHECK(import_orgs(x.s, again, false).unchanged == 1);
    std::istringstream bad(R"([{"name": "ООО «Новое»", "inn": "7707083894"}, {"name": "x"}])");
    CHECK_THROWS_WITH(import_orgs(x.s, bad, false), "record 1: INN 7707083894: the check digit does not match");
    CHECK(testing::count(x.db, "SELECT count(*) FROM organization") == 2);

    const std::string agreements = R"([{"number": "12-С/2023", "title": "О спорте", "org": {"inn": "5504945804"},
        "sphere": "sport", "signed_on": "2023-06-01", "valid_to": "2026-05-31", "value": "2500000.00",
        "status": "active", "obligations": [{"no": 1, "party": "partner", "text": "Коробка", "due": "2024-10-01",
        "value": "1800000"}]}])";
    std::istringstream a1(agreements);
    CHECK(import_agreements(x.s, a1, false).created == 1);
    std::istringstream a2(agreements);
    CHECK(import_agreements(x.s, a2, false).unchanged == 1);
    std::istringstream a3(R"([{"number": "1", "title": "x", "org": {"inn": "5504945804"}, "sphere": "sport",
        "obligations": [{"text": "y", "due": "2024-02-30"}]}])");
    CHECK_THROWS_WITH(import_agreements(x.s, a3, false),
                      "record 1: field 'obligations[0].due': invalid date '2024-02-30': expected YYYY-MM-DD");
    std::istringstream a4(R"([{"number": "2", "title": "x", "org": {"inn": "1234567894"}, "sphere": "sport"}])");
    CHECK_THROWS_WITH(import_agreements(x.s, a4, false), "record 1: field 'org': no organization with INN 1234567894");
    CHECK(testing::count(x.db, "SELECT count(*) FROM agreement") == 1);
  }

  TEST_CASE("what a list prints with --json imports back unchanged") {
    Fixture x;
    OrgInput oi;
    oi.name = "ООО «Сибирский строитель»";
    oi.inn = "5504945804";
    oi.ogrn = "1045573021570";
    const auto o = add_org(x.s, oi);
    AgreementInput in;
    in.org = std::to_string(o.id);
    in.title = "О сотрудничестве";
    in.number = "12-С/2023";
    in.sphere = "sport";
    in.signed_on = "2023-06-01";
    in.value = "2 500 000,50";
    const auto a = add(x.s, in);
    const auto oj = to_json(o);
    CHECK(oj["inn"] == "5504945804");
    const auto aj = to_json(load(x.s, a.id), &o, x.f.ctx.today());
    CHECK(aj["value"] == "2500000.50");
    std::istringstream orgs("[" + oj.dump() + "]");
    CHECK(import_orgs(x.s, orgs, false).unchanged == 1);
    std::istringstream ags("[" + aj.dump() + "]");
    const auto r = import_agreements(x.s, ags, false);
    CHECK(r.unchanged == 1);
    CHECK(r.created == 0);
    std::istringstream dry(R"([{"name": "ПАО «Банк»", "inn": "7707083893"}])");
    CHECK(import_orgs(x.s, dry, true).created == 1);  // a dry run counts…
    CHECK(testing::count(x.db, "SELECT count(*) FROM organization") == 1);  // …and writes nothing
  }
}

}  // namespace OMSKPLAN_TEST_FILE
