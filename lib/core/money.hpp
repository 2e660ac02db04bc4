// Money in roubles, stored as integer kopecks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace omskplan::money {

using Kopecks = std::int64_t;

// "2500000", "2 500 000,50", "2500000.50", "2 500 000 ₽", "1 000 руб." → kopecks.
// Refuses negative amounts, more than two decimals, and more than 10^13 roubles,
// naming the input: "invalid amount '…': …".
Kopecks parse_roubles(std::string_view s);
// a + b, or InputError when the sum does not fit (one amount may be 10^13
// roubles; a register adds up thousands of them).
Kopecks add(Kopecks a, Kopecks b);

// "2 500 000,00 ₽" (a no-break space between groups and before ₽).
std::string format_roubles(Kopecks k);
// "2 500 000,00": the same without ₽, for a table whose header names the unit («Сумма, руб.»).
std::string format_amount(Kopecks k);
// "2500000.00", for CSV and JSON.
std::string format_plain(Kopecks k);

}  // namespace omskplan::money
