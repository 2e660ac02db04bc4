// Russian tax identifiers and their check digits (FACTS.md): INN of an
// organization (10 digits) or of a person / sole trader (12), OGRN (13) and
// OGRNIP (15). KPP has no check digit.
#pragma once

#include <string>
#include <string_view>

namespace omskplan::agreement {

enum class TaxIdKind { inn_org, inn_person, ogrn, ogrnip };

// Empty when `id` is valid; otherwise what is wrong, e.g.
// "INN 1234567895: the check digit does not match".
std::string check_inn(std::string_view id);
std::string check_ogrn(std::string_view id);  // 13 (OGRN) or 15 (OGRNIP) digits

// The check digit(s) a valid identifier of this kind would end with, for the
// digits before them (for generating test data). `body` is 9, 10, 12 or 14 digits.
std::string complete_tax_id(TaxIdKind kind, std::string_view body);

}  // namespace omskplan::agreement
