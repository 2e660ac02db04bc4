#include "guest/model.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan;
using namespace omskplan::guest;

TEST_SUITE("guest::model") {
  TEST_CASE("the key of a name: case, ё and spacing aside") {
    CHECK(key("  Петров   Пётр Петрович ") == "петров петр петрович");
    CHECK(key("ЁЛКИНА") == key("елкина"));
    CHECK(key("") == "");
  }

  TEST_CASE("short names for place cards and the speakers' order") {
    CHECK(short_name("Петров Пётр Петрович") == "Петров П.\u00a0П.");
    CHECK(initials_first("Петров Пётр Петрович") == "П.\u00a0П.\u00a0Петров");
    CHECK(short_name("Дюма Жан-Пьер") == "Дюма Ж.-П.");
    CHECK(short_name("Ёлкина Анна") == "Ёлкина А.");
    CHECK(short_name("Мадонна") == "Мадонна");
    CHECK(initials_first("  Мадонна ") == "Мадонна");
  }

  TEST_CASE("forgetting a person masks the words of their name in a command line, quotes kept") {
    const auto w = name_words("Соколов Андрей Викторович");
    CHECK(w == std::vector<std::string>{"соколов", "андрей", "викторович"});
    CHECK(mask_words("omskplan event guests 2 invite 1 'СОКОЛОВ' 'петров'", w) ==
          "omskplan event guests 2 invite 1 '***' 'петров'");
    CHECK(mask_words("omskplan guest add --name 'Соколов Андрей Викторович' --rank mayor", w) ==
          "omskplan guest add --name '*** *** ***' --rank mayor");
    CHECK(mask_words("omskplan delegation add --head сокол", w) == "omskplan delegation add --head ***");
    CHECK(mask_words("omskplan event list", w) == "omskplan event list");
    CHECK(name_words("Ли Ян").empty());  // too short to find safely
  }

  TEST_CASE("statuses: names, parsing, the transitions a protocol officer makes") {
    CHECK(to_string(Status::confirmed) == "confirmed");
    CHECK(parse_status("declined") == Status::declined);
    CHECK_THROWS_AS(parse_status("maybe"), InputError);
    CHECK(status_transition_allowed(Status::invited, Status::confirmed));
    CHECK(status_transition_allowed(Status::invited, Status::declined));
    CHECK(status_transition_allowed(Status::confirmed, Status::attended));
    CHECK(status_transition_allowed(Status::declined, Status::confirmed));  // changed their mind
    CHECK(status_transition_allowed(Status::attended, Status::absent));     // a correction
    CHECK_FALSE(status_transition_allowed(Status::confirmed, Status::invited));
    CHECK_FALSE(status_transition_allowed(Status::declined, Status::attended));
    CHECK_FALSE(status_transition_allowed(Status::attended, Status::confirmed));
    CHECK(after_the_fact(Status::attended));
    CHECK(after_the_fact(Status::absent));
    CHECK_FALSE(after_the_fact(Status::confirmed));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
