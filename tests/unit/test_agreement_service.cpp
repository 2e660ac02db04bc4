#include "agreement/service.hpp"

#include "agreement/json.hpp"
#include "agreement/tax_ids.hpp"
#include "core/error.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <sstream>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::agreement;
using testing::Frozen;

namespace {

OrgInput org_input(std::string name, std::string kind, std::string inn, std::string ogrn = "") {
  OrgInput in;
  in.name = std::move(name);
  in.kind = std::move(kind);
  in.inn = std::move(inn);
  in.ogrn = std::move(ogrn);
  return in;
}

ObligationInput obligation(std::string party, std::string text, std::string due, std::string value) {
  ObligationInput in;
  in.party = std::move(party);
  in.text = std::move(text);
  in.due = std::move(due);
  in.value = std::move(value);
  return in;
}

struct Fixture {
  Frozen f;
  store::Db db = testing::memory_db();
  Settings settings;
  Services s{db, f.ctx, settings};
  explicit Fixture(const char* now) : f(now) {}

  std::int64_t builder() {
    return add_org(s, org_input("ООО «Сибирский строитель»", "company", "5504945804", "1045573021570")).id;
  }
  Agreement sport(std::int64_t org) {
    AgreementInput in;
    in.org = std::to_string(org);
    in.title = "О сотрудничестве в сфере развития детского спорта";
    in.number = "12-С/2023";
    in.sphere = "sport";
    in.signed_on = "2023-06-01";
    in.valid_to = "2026-05-31";
    in.value = "2 500 000";
    return add(s, in);
  }
};

std::int64_t count(store::Db& db, const char* sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.get_int(0);
}

}  // namespace

TEST_SUITE("agreement::service") {
  TEST_CASE("organizations: check digits, kinds, unique INN") {
    Fixture x("2023-06-01 09:00");
    const auto id = x.builder();
    CHECK(resolve_org(x.s, "5504945804").id == id);
    CHECK(resolve_org(x.s, std::to_string(id)).id == id);
    CHECK_THROWS_WITH(add_org(x.s, org_input("ИП Иванов Иван Иванович", "entrepreneur", "550100000001")),
                      "INN 550100000001: the check digits do not match");
    CHECK_THROWS_WITH(add_org(x.s, org_input("Другое ООО", "company", "5504945804")),
                      "INN 5504945804 is already registered: organization 1 «ООО „Сибирский строитель“»");
    CHECK_THROWS_WITH(add_org(x.s, org_input("ИП Петров", "entrepreneur", "7707083893")),
                      "INN 7707083893 has 10 digits, an organization's; a sole trader's INN has 12");
    CHECK_THROWS_WITH(add_org(x.s, org_input("ИП Петров", "entrepreneur", "123456789047", "1037739010891")),
                      "a sole trader has a 15-digit OGRNIP, not the 13-digit OGRN 1037739010891");
    CHECK(add_org(x.s, org_input("ИП Петров П. П.", "entrepreneur", "123456789047", "385768585948949")).id == 2);
    CHECK_THROWS_WITH(resolve_org(x.s, "7707083893"), "no organization with INN 7707083893");
    CHECK_THROWS_WITH(resolve_org(x.s, "abc"), "invalid organization 'abc': give its id or its INN");
    CHECK(count(x.db, "SELECT count(*) FROM organization") == 2);
  }

  TEST_CASE("an agreement: money in kopecks, status from the dates, lifecycle") {
    Fixture x("2023-06-01 09:00");
    auto a = x.sport(x.builder());
    CHECK(a.value == 250000000);
    CHECK(a.status == Status::active);
    CHECK(effective_status(a, time::make_date(2026, 6, 1)) == Status::expired);
    CHECK_THROWS_WITH(set_status(x.s, a.id, Status::signed_), "agreement 1 is active; it cannot become signed");
    CHECK_THROWS_WITH(x.sport(1), "agreement number 12-С/2023 is already taken by agreement 1");
    AgreementInput bad;
    bad.org = "1";
    bad.title = "x";
    bad.number = "13";
    bad.sphere = "space";
    CHECK_THROWS_WITH(add(x.s, bad),
                      "invalid sphere 'space'; expected one of: culture, sport, education, improvement, social, "
                      "health, youth, economy, other");
    bad.sphere = "culture";
    bad.value = "-5";
    CHECK_THROWS_WITH(add(x.s, bad), "invalid amount '-5': must not be negative");
    bad.value = "";
    bad.status = "signed";
    CHECK_THROWS_WITH(add(x.s, bad), "a signed agreement needs the date it was signed (--signed)");
    bad.status = "";
    auto draft = add(x.s, bad);
    CHECK(draft.status == Status::draft);
    CHECK(set_status(x.s, draft.id, Status::signed_).signed_on == x.f.ctx.today());
    CHECK(set_status(x.s, draft.id, Status::active).status == Status::active);
    CHECK(set_status(x.s, draft.id, Status::fulfilled).status == Status::fulfilled);
    CHECK_THROWS_AS(terminate(x.s, draft.id, "", "x"), InputError);
  }

  TEST_CASE("terminate and renew") {
    Fixture x("2026-06-10 09:00");
    auto a = x.sport(x.builder());
    CHECK(effective_status(load(x.s, a.id), x.f.ctx.today()) == Status::expired);
    CHECK_THROWS_WITH(renew(x.s, a.id, "2026-05-01"), "the new end 2026-05-01 is not after the current one, 2026-05-31");
    auto r = renew(x.s, a.id, "2029-05-31");
    CHECK(effective_status(r, x.f.ctx.today()) == Status::active);
    CHECK_THROWS_WITH(terminate(x.s, a.id, "2026-06-01", ""), "give the reason for the termination (--reason)");
    auto t = terminate(x.s, a.id, "2026-06-01", "По соглашению сторон");
    CHECK(t.status == Status::terminated);
    CHECK_THROWS_WITH(renew(x.s, a.id, "2030-01-01"),
                      "agreement 1 is terminated; only a signed, active or expired one can be renewed");
  }

  TEST_CASE("obligations, due, and the patrons ranking") {
    Fixture x("2024-09-25 09:00");
    const auto org = x.builder();
    const auto bank = add_org(x.s, org_input("ПАО «Банк»", "company", "7707083893")).id;
    auto a = x.sport(org);
    AgreementInput in;
    in.org = std::to_string(bank);
    in.title = "О благоустройстве сквера";
    in.number = "15-Б/2023";
    in.sphere = "improvement";
    in.signed_on = "2023-09-01";
    in.valid_to = "2024-10-10";
    auto b = add(x.s, in);
    add_obligation(x.s, a.id, obligation("partner", "Построить хоккейную коробку", "2024-10-01", "1800000"));
    add_obligation(x.s, a.id, obligation("administration", "Выделить участок", "2024-09-01", ""));
    add_obligation(x.s, b.id, obligation("partner", "Высадить 100 деревьев", "2024-06-01", "500 000"));
    add_obligation(x.s, b.id, obligation("partner", "Установить скамейки", "2024-07-01", "300 000"));
    CHECK_THROWS_WITH(obligation_done(x.s, a.id, 9, ""), "agreement 1 has no obligation 9");
    CHECK_THROWS_WITH(obligation_done(x.s, a.id, 1, "2024-12-01"), "2024-12-01 is in the future");
    obligation_done(x.s, a.id, 1, "2024-09-20");
    obligation_done(x.s, b.id, 1, "2024-05-30");
    obligation_done(x.s, b.id, 2, "2024-06-30");
    auto d = due(x.s, 30);
    REQUIRE(d.obligations.size() == 1);  // "Выделить участок", overdue
    CHECK(d.overdue == 1);
    REQUIRE(d.expiring.size() == 1);
    CHECK(d.expiring[0].agreement.number == "15-Б/2023");
    CHECK(d.expiring[0].days_left == 15);
    const auto rows = patrons(x.s, 2024);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].name == "ООО «Сибирский строитель»");
    CHECK(rows[0].value == 180000000);
    CHECK(rows[1].count == 2);
    CHECK(rows[1].value == 80000000);
    CHECK(patrons(x.s, 2023).empty());
  }

  TEST_CASE("awards: only partners under an agreement, one title a year before 2025, three from 2025") {
    Fixture x("2025-11-25 09:00");
    const auto org = x.builder();
    const auto lone = add_org(x.s, org_input("АНО «Без соглашения»", "ngo", "1234567894")).id;
    CHECK_THROWS_WITH(add_award(x.s, 2024, std::to_string(lone), "", ""),
                      "organization 2 «АНО „Без соглашения“» has no signed cooperation agreement; the title is for "
                      "partners under an agreement");
    x.sport(org);
    add_award(x.s, 2024, std::to_string(org), "", "2024-11-20");
    CHECK_THROWS_WITH(add_award(x.s, 2024, std::to_string(org), "", ""),
                      "organization 1 «ООО „Сибирский строитель“» already has «Меценат года» for 2024");
    std::vector<std::int64_t> orgs;
    for (const char* body : {"550100000", "550200000", "550300000"}) {
      const auto inn = complete_tax_id(TaxIdKind::inn_org, body);
      const auto id = add_org(x.s, org_input(std::string("ООО «Партнёр ") + body + "»", "company", inn)).id;
      AgreementInput in;
      in.org = std::to_string(id);
      in.title = "О сотрудничестве";
      in.number = std::string("N-") + body;
      in.sphere = "culture";
      in.signed_on = "2025-01-10";
      add(x.s, in);
      orgs.push_back(id);
    }
    CHECK_THROWS_WITH(add_award(x.s, 2024, std::to_string(orgs[0]), "", ""),
                      "2024 already has 1 «Меценат года» title (at most 1 a year)");
    add_award(x.s, 2025, std::to_string(orgs[0]), "", "");
    add_award(x.s, 2025, std::to_string(orgs[1]), "", "");
    add_award(x.s, 2025, std::to_string(orgs[2]), "", "");
    CHECK_THROWS_WITH(add_award(x.s, 2025, std::to_string(org), "", ""),
                      "2025 already has 3 «Меценат года» titles (at most 3 a year)");
    CHECK(x.settings.max_titles(2022) == 1);
    CHECK(x.settings.max_titles(2026) == 3);
  }

  TEST_CASE("badges: running numbers per year, one per organization; the ceremony invites the holders") {
    Fixture x("2024-11-25 09:00");
    const auto org = x.builder();
    x.sport(org);
    const auto second = add_org(x.s, org_input("ПАО «Банк»", "company", "7707083893")).id;
    AgreementInput in;
    in.org = std::to_string(second);
    in.title = "О благоустройстве";
    in.number = "2";
    in.sphere = "improvement";
    in.signed_on = "2024-01-10";
    add(x.s, in);
    CHECK(issue_badge(x.s, 2024, std::to_string(org), "").number == 1);
    CHECK(issue_badge(x.s, 2024, "7707083893", "").number == 2);
    CHECK(issue_badge(x.s, 2025, "7707083893", "2025-01-15").number == 1);
    CHECK_THROWS_WITH(issue_badge(x.s, 2024, std::to_string(org), ""),
                      "organization 1 «ООО „Сибирский строитель“» already has badge №1 for 2024");
    add_award(x.s, 2024, std::to_string(org), "", "");
    const auto invited = ceremony_participants(x.s, 2024);
    REQUIRE(invited.size() == 2);
    CHECK(invited[0].who == "ООО «Сибирский строитель»");
    CHECK(invited[0].role == "звание «Меценат года» 2024; знак «Меценат» №1");
  }

  TEST_CASE("what the lists show: organizations by search and kind, a card, awards and badges with names") {
    Fixture x("2024-11-25 09:00");
    const auto org = x.builder();
    x.sport(org);
    const auto bank = add_org(x.s, org_input("ПАО «Ёлочка-Банк»", "company", "7707083893")).id;
    add_org(x.s, org_input("Иванов Иван Иванович", "entrepreneur", "500100732259"));
    CHECK(list_orgs(x.s, "", "").size() == 3);
    REQUIRE(list_orgs(x.s, "елочка", "").size() == 1);  // ё = е, any case
    CHECK(list_orgs(x.s, "елочка", "").front().id == bank);
    CHECK(list_orgs(x.s, "", "entrepreneur").size() == 1);
    CHECK_THROWS_AS(list_orgs(x.s, "", "corporation"), InputError);
    // In Russian alphabetical order (Ё with Е, before И and О), sorted by SQLite.
    std::vector<std::string> names_in_order;
    for_each_org(x.s, "", "", [&](Organization&& o) { names_in_order.push_back(o.name); });
    CHECK(names_in_order ==
          std::vector<std::string>{"Иванов Иван Иванович", "ООО «Сибирский строитель»", "ПАО «Ёлочка-Банк»"});

    const auto card = org_card(x.s, "5504945804");
    CHECK(card.org.id == org);
    REQUIRE(card.agreements.size() == 1);
    CHECK(card.agreements[0].number == "12-С/2023");
    CHECK_THROWS_AS(org_card(x.s, "999"), NotFound);

    // An agreement list one at a time, each with its organization; the status as of today.
    int seen = 0;
    for_each(x.s, ListQuery{}, true, [&](const Agreement& a, const Organization* o) {
      ++seen;
      REQUIRE(o != nullptr);
      CHECK(o->id == org);
      CHECK(a.org_id == org);
    });
    CHECK(seen == 1);
    ListQuery expired;
    expired.status = "expired";
    ListQuery active;
    active.status = "active";
    CHECK(list(x.s, expired, false).empty());
    CHECK(list(x.s, active, false).size() == 1);  // signed 2023, valid to 2026: active in 2024

    const auto names = org_names(x.s, {org, org, 77});
    CHECK(names.size() == 2);
    CHECK(names.at(org) == "ООО «Сибирский строитель»");
    CHECK(names.at(77) == "#77");
    CHECK(load_orgs(x.s, {org, 77}).size() == 1);
    OrgLookup lookup(x.s);
    REQUIRE(lookup.find(org) != nullptr);
    CHECK(lookup.find(org)->name == "ООО «Сибирский строитель»");
    CHECK(lookup.find(77) == nullptr);  // gone (or never was): null, asked again from memory

    add_award(x.s, 2024, std::to_string(org), "", "2024-11-20");
    issue_badge(x.s, 2024, std::to_string(org), "");
    const auto awards = list_awards(x.s, 2024, "");
    REQUIRE(awards.awards.size() == 1);
    CHECK(awards.org_names.at(org) == "ООО «Сибирский строитель»");
    CHECK(list_awards(x.s, 2023, "").awards.empty());
    CHECK(list_awards(x.s, std::nullopt, "7707083893").awards.empty());
    const auto badges = list_badges(x.s, std::nullopt, std::to_string(org));
    REQUIRE(badges.badges.size() == 1);
    CHECK(badges.badges[0].number == 1);
    CHECK(badges.org_names.at(org) == "ООО «Сибирский строитель»");
    CHECK_THROWS_AS(list_badges(x.s, 2024, "1234567890"), InputError);  // a bad INN check digit
  }
}

}  // namespace OMSKPLAN_TEST_FILE
