#include "guest/seating.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <charconv>

namespace omskplan::guest {

namespace {

constexpr int kMaxRows = 100;
constexpr int kMaxSeats = 200;
constexpr long kMaxPlaces = 5000;

int number_in(std::string_view s, std::string_view whole) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || v < 1) {
    throw InputError(trf("--layout: '{}' is not NAME:ROWSxSEATS (e.g. presidium:1x9)", text::for_terminal(whole, 60)));
  }
  return v;
}

}  // namespace

std::vector<Block> parse_layout(std::string_view text_) {
  std::vector<Block> out;
  long places = 0;
  for (const auto& part : text::split(std::string(text_), ',')) {
    const std::string p = text::trim(part);
    const auto colon = p.find(':');
    const auto x = p.find('x', colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos || colon == 0 || x == std::string::npos) {
      throw InputError(trf("--layout: '{}' is not NAME:ROWSxSEATS (e.g. presidium:1x9)", text::for_terminal(p, 60)));
    }
    Block b;
    b.name = text::trim(p.substr(0, colon));
    b.rows = number_in(std::string_view(p).substr(colon + 1, x - colon - 1), p);
    b.seats = number_in(std::string_view(p).substr(x + 1), p);
    if (b.rows > kMaxRows || b.seats > kMaxSeats) {
      throw InputError(trf("--layout: '{}': at most {} rows of {} seats", p, kMaxRows, kMaxSeats));
    }
    for (const auto& o : out) {
      if (text::fold(o.name) == text::fold(b.name)) {
        throw InputError(trf("--layout: block '{}' is given twice", b.name));
      }
    }
    places += static_cast<long>(b.rows) * b.seats;
    out.push_back(std::move(b));
  }
  if (out.empty()) {
    throw InputError(tr("--layout is empty; e.g. presidium:1x9,hall:10x20"));
  }
  if (places > kMaxPlaces) {
    throw InputError(trf("--layout: {} seats; at most {}", places, kMaxPlaces));
  }
  return out;
}

std::vector<int> centre_out(int n) {
  std::vector<int> out;
  const int c = n / 2;  // 9: 4 (the middle); 8: 4 (to the hall's right of the middle)
  out.push_back(c);
  for (int d = 1; static_cast<int>(out.size()) < n; ++d) {
    if (c - d >= 0) {
      out.push_back(c - d);  // the host's right: the hall's left
    }
    if (c + d < n) {
      out.push_back(c + d);
    }
  }
  return out;
}

SeatingPlan assign_seats(const std::vector<Block>& layout, std::size_t guests, std::optional<std::size_t> host) {
  SeatingPlan plan;
  plan.layout = layout;
  // The order of giving: the host first, then everyone else by precedence.
  std::vector<std::size_t> order;
  if (host && *host < guests) {
    order.push_back(*host);
  }
  for (std::size_t i = 0; i < guests; ++i) {
    if (!host || i != *host) {
      order.push_back(i);
    }
  }
  std::size_t next = 0;
  for (std::size_t b = 0; b < layout.size(); ++b) {
    for (int r = 1; r <= layout[b].rows; ++r) {
      const std::size_t first = plan.seats.size();
      for (int s = 1; s <= layout[b].seats; ++s) {
        plan.seats.push_back(Seat{b, r, s, std::nullopt});
      }
      for (int s : centre_out(layout[b].seats)) {
        if (next < order.size()) {
          plan.seats[first + static_cast<std::size_t>(s)].who = order[next++];
        }
      }
    }
  }
  plan.unseated.assign(order.begin() + static_cast<std::ptrdiff_t>(next), order.end());
  return plan;
}

}  // namespace omskplan::guest
