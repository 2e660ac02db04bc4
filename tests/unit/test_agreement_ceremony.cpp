#include "agreement/ceremony.hpp"

#include "core/error.hpp"
#include "guest/service.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::agreement;

TEST_SUITE("agreement::ceremony") {
  TEST_CASE("the year's ceremony from the template invites the holders, once a year, and not without holders") {
    const testing::Frozen f("2024-11-25 09:00");
    auto db = testing::memory_db();
    Settings settings;
    Services x{db, f.ctx, settings};
    OrgInput oi;
    oi.name = "ООО «Сибирский строитель»";
    oi.inn = "5504945804";
    const auto org = add_org(x, oi).id;
    const auto builder = org;
    oi.name = "ПАО «Сибирский банк»";
    oi.contact = "Греф Герман Оскарович";
    oi.inn = "7707083893";
    const auto bank = add_org(x, oi).id;
    for (auto [o, number] : {std::pair{org, "1"}, std::pair{bank, "2"}}) {
      AgreementInput in;
      in.org = std::to_string(o);
      in.title = "О сотрудничестве";
      in.number = number;
      in.sphere = "sport";
      in.signed_on = "2024-01-10";
      add(x, in);
    }
    issue_badge(x, 2024, std::to_string(org), "");
    issue_badge(x, 2024, std::to_string(bank), "");
    add_award(x, 2024, std::to_string(org), "", "");
    const auto tmpl = event::TemplateCatalog({testing::source_path("examples/templates")}).get("patron-ceremony");
    event::Services es{db, f.ctx, time::Minutes{30}};
    const auto& prec = guest::builtin_precedence();
    const auto cer = create_ceremony(x, es, prec, tmpl, 2024, time::make_date(2024, 12, 13), std::nullopt,
                                     event::ConflictPolicy::warn);
    const auto& res = cer.written;
    CHECK(res.event.title == "Торжественная церемония присвоения звания «Меценат года» по итогам 2024 года");
    CHECK(res.event.participants.size() == 2);  // the Mayor, the Council chair: the partners are guests
    // The awardees are guests: the bank's contact person, the builder by its name (it names no one).
    CHECK(cer.invited.size() == 2);
    CHECK(cer.no_contact == std::vector<std::string>{"ООО «Сибирский строитель»"});
    guest::Services gs{es, prec};
    const auto gl = guest::guest_list(gs, res.event.id, guest::Order::name);
    REQUIRE(gl.rows.size() == 2);
    CHECK(gl.rows[0].guest.name == "Греф Герман Оскарович");
    CHECK(gl.rows[0].guest.org == "ПАО «Сибирский банк»");
    CHECK(gl.rows[0].guest.rank == "business");
    CHECK(gl.rows[0].invitation.group == "награждаемые");
    CHECK(gl.rows[0].invitation.note.find("знак «Меценат» №") != std::string::npos);
    CHECK(gl.rows[1].guest.name == "ООО «Сибирский строитель»");
    CHECK(gl.rows[1].invitation.note.find("звание «Меценат года» 2024") != std::string::npos);
    (void)builder;
    CHECK(std::find(res.event.tags.begin(), res.event.tags.end(), "меценат года 2024") != res.event.tags.end());
    CHECK_THROWS_WITH(create_ceremony(x, es, prec, tmpl, 2024, time::make_date(2024, 12, 14), std::nullopt,
                                      event::ConflictPolicy::warn),
                      "the ceremony of 2024 exists already: event 1 «Торжественная церемония присвоения звания "
                      "„Меценат года“ по итогам 2024 года»");
    CHECK_THROWS_AS(create_ceremony(x, es, prec, tmpl, 2023, time::make_date(2023, 12, 14), std::nullopt,
                                    event::ConflictPolicy::warn),
                    InputError);
  }
}

}  // namespace OMSKPLAN_TEST_FILE
