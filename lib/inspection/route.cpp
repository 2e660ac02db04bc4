#include "inspection/route.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace omskplan::inspection {

double distance_km(GeoPoint a, GeoPoint b) {
  constexpr double kEarthKm = 6371.0088;
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Matrix travel_minutes(const std::vector<GeoPoint>& points, double detour, double speed_kmh) {
  const std::size_t n = points.size();
  Matrix m(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      m[i][j] = i == j ? 0.0 : distance_km(points[i], points[j]) * detour / speed_kmh * 60.0;
    }
  }
  return m;
}

double route_minutes(const Matrix& m, const std::vector<std::size_t>& order) {
  double total = 0;
  std::size_t at = 0;
  for (std::size_t s : order) {
    total += m[at][s];
    at = s;
  }
  return total + m[at][0];
}

Route solve_exact(const Matrix& m) {
  const std::size_t n = m.size() - 1;  // stops
  if (n == 0) {
    return {};
  }
  if (n > 20) {
    throw std::invalid_argument("solve_exact: too many stops");
  }
  const std::size_t full = (std::size_t{1} << n) - 1;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // best[mask][j]: shortest path from the start through `mask`, ending at stop j (bit j-1).
  std::vector<double> best((full + 1) * n, kInf);
  std::vector<unsigned char> prev((full + 1) * n, 0);
  auto at = [n](std::size_t mask, std::size_t j) { return mask * n + j; };
  for (std::size_t j = 0; j < n; ++j) {
    best[at(std::size_t{1} << j, j)] = m[0][j + 1];
  }
  for (std::size_t mask = 1; mask <= full; ++mask) {
    for (std::size_t j = 0; j < n; ++j) {
      if (!(mask & (std::size_t{1} << j))) {
        continue;
      }
      const double here = best[at(mask, j)];
      if (here == kInf) {
        continue;
      }
      for (std::size_t k = 0; k < n; ++k) {
        if (mask & (std::size_t{1} << k)) {
          continue;
        }
        const std::size_t next = mask | (std::size_t{1} << k);
        const double cand = here + m[j + 1][k + 1];
        if (cand < best[at(next, k)]) {
          best[at(next, k)] = cand;
          prev[at(next, k)] = static_cast<unsigned char>(j);
        }
      }
    }
  }
  double total = kInf;
  std::size_t last = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const double cand = best[at(full, j)] + m[j + 1][0];
    if (cand < total) {
      total = cand;
      last = j;
    }
  }
  Route r;
  r.minutes = total;
  std::size_t mask = full;
  std::size_t j = last;
  while (true) {
    r.order.push_back(j + 1);
    const std::size_t before = mask & ~(std::size_t{1} << j);
    if (before == 0) {
      break;
    }
    j = prev[at(mask, j)];
    mask = before;
  }
  std::reverse(r.order.begin(), r.order.end());
  return r;
}

namespace {

// Reverses segments while that shortens the tour (the tour includes the start point 0).
bool two_opt(const Matrix& m, std::vector<std::size_t>& tour) {
  bool improved = false;
  const std::size_t n = tour.size();
  for (bool again = true; again;) {
    again = false;
    for (std::size_t i = 0; i + 2 < n; ++i) {
      for (std::size_t k = i + 2; k < n; ++k) {
        const std::size_t a = tour[i], b = tour[i + 1], c = tour[k], d = tour[(k + 1) % n];
        if (a == d) {
          continue;
        }
        const double delta = m[a][c] + m[b][d] - m[a][b] - m[c][d];
        if (delta < -1e-9) {
          std::reverse(tour.begin() + static_cast<long>(i + 1), tour.begin() + static_cast<long>(k + 1));
          again = improved = true;
        }
      }
    }
  }
  return improved;
}

double tour_minutes(const Matrix& m, const std::vector<std::size_t>& tour) {
  double t = 0;
  for (std::size_t i = 0; i < tour.size(); ++i) {
    t += m[tour[i]][tour[(i + 1) % tour.size()]];
  }
  return t;
}

// Moves runs of 1–3 stops elsewhere while that shortens the tour.
bool or_opt(const Matrix& m, std::vector<std::size_t>& tour) {
  bool improved = false;
  const std::size_t n = tour.size();
  for (bool again = true; again;) {
    again = false;
    for (std::size_t len = 1; len <= 3 && len + 1 < n; ++len) {
      for (std::size_t i = 1; i + len <= n; ++i) {  // keep the start point at 0
        std::vector<std::size_t> rest;
        rest.insert(rest.end(), tour.begin(), tour.begin() + static_cast<long>(i));
        rest.insert(rest.end(), tour.begin() + static_cast<long>(i + len), tour.end());
        const std::vector<std::size_t> seg(tour.begin() + static_cast<long>(i), tour.begin() + static_cast<long>(i + len));
        const double before = tour_minutes(m, tour);
        for (std::size_t pos = 1; pos <= rest.size(); ++pos) {
          for (bool reversed : {false, true}) {
            std::vector<std::size_t> cand = rest;
            std::vector<std::size_t> s = seg;
            if (reversed) {
              std::reverse(s.begin(), s.end());
            }
            cand.insert(cand.begin() + static_cast<long>(pos), s.begin(), s.end());
            if (tour_minutes(m, cand) < before - 1e-9) {
              tour = std::move(cand);
              again = improved = true;
              goto next;
            }
          }
        }
      next:;
      }
    }
  }
  return improved;
}

}  // namespace

namespace {

// Nearest neighbour from the start point, `first` stop forced, then 2-opt and Or-opt.
std::vector<std::size_t> improved_tour(const Matrix& m, std::size_t first) {
  const std::size_t n = m.size();
  std::vector<std::size_t> tour{0, first};
  std::vector<bool> used(n, false);
  used[0] = used[first] = true;
  for (std::size_t step = 2; step < n; ++step) {
    const std::size_t from = tour.back();
    std::size_t best = 0;
    double best_t = std::numeric_limits<double>::infinity();
    for (std::size_t j = 1; j < n; ++j) {
      if (!used[j] && m[from][j] < best_t) {
        best_t = m[from][j];
        best = j;
      }
    }
    used[best] = true;
    tour.push_back(best);
  }
  for (int round = 0; round < 20; ++round) {
    const bool a = two_opt(m, tour);
    const bool b = or_opt(m, tour);
    if (!a && !b) {
      break;
    }
  }
  return tour;
}

}  // namespace

Route solve_heuristic(const Matrix& m) {
  const std::size_t n = m.size();
  if (n <= 1) {
    return {};
  }
  // Several starts (each of up to 16 stops first) and the best result: cheap
  // for a day's route, and it avoids most of the local optima of one start.
  Route best;
  best.minutes = std::numeric_limits<double>::infinity();
  for (std::size_t first = 1; first < n && first <= 16; ++first) {
    const auto tour = improved_tour(m, first);
    std::vector<std::size_t> order(tour.begin() + 1, tour.end());
    const double t = route_minutes(m, order);
    if (t < best.minutes) {
      best.minutes = t;
      best.order = std::move(order);
    }
  }
  return best;
}

Route solve(const Matrix& m) {
  return m.size() - 1 <= kExactLimit ? solve_exact(m) : solve_heuristic(m);
}

}  // namespace omskplan::inspection
