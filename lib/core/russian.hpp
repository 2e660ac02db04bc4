// Russian as officials write it: dates ("5 августа 2023 г."), month names,
// plural forms of counted nouns.
#pragma once

#include "core/date.hpp"

#include <string>
#include <string_view>

namespace omskplan::russian {

// "января" … "декабря" (genitive, as in a date); month is 1–12.
std::string_view month_genitive(int month);
// "Январь" … "Декабрь" (nominative, as in a heading).
std::string_view month_nominative(int month);
// "5 августа 2023 г."
std::string format_date(time::Date d);
// A date inside a message, in the language in use: «15 июня 2024 г.» in Russian,
// 2024-06-15 in English.
std::string say_date(time::Date d);
// A number with `decimals` digits after the point, with a decimal comma in Russian: 1,5 / 1.5
// (`sign`: +5,0 for a change). The words' language decides, so a document says its own;
// JSON and CSV keep the point.
std::string say_number(double v, int decimals, bool sign = false);
// A span of days as a document writes it: «с 6 по 12 мая 2024 г.», «с 29 апреля
// по 5 мая 2024 г.», «с 30 декабря 2024 г. по 5 января 2025 г.» (never «2024-W19»).
std::string span_phrase(time::Date from, time::Date to);
// one: 1, 21, 101 …; few: 2–4, 22–24 …; many: 0, 5–20, 25–30 …
// plural(5, "мероприятие", "мероприятия", "мероприятий") → "мероприятий".
// A name in «ёлочки», its own quotes made „лапки“: ДК «Кристалл» → «ДК „Кристалл“».
std::string quoted(std::string_view name);
std::string_view plural(long n, std::string_view one, std::string_view few, std::string_view many);
// "5 мероприятий"
std::string count(long n, std::string_view one, std::string_view few, std::string_view many);

// Russian typography for print (a document's text, user data included): a no-break space
// after «№» before a number («№ 45-р», «№45» → «№ 45»), before «г.»/«гг.» after a year
// («2024 г.»). Text without them is returned as it is.
std::string typeset(std::string_view s);

// Russian alphabetical order: case-insensitive, ё right after е, digits before
// letters, Cyrillic before Latin. For sorting names in documents.
std::string sort_key(std::string_view s);
bool collate_less(std::string_view a, std::string_view b);

}  // namespace omskplan::russian
