#include "inspection/route.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
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

// A tour is the start point 0 followed by the stops; it closes back to 0.
// The matrix is symmetric (great-circle distances), so reversing a run of
// stops does not change its own length.
using Tour = std::vector<std::size_t>;

double tour_minutes(const Matrix& m, const Tour& tour) {
  double t = 0;
  for (std::size_t i = 0; i < tour.size(); ++i) {
    t += m[tour[i]][tour[(i + 1) % tour.size()]];
  }
  return t;
}

// Reverses runs of stops while that shortens the tour: O(n²) a pass.
bool two_opt(const Matrix& m, Tour& tour) {
  bool improved = false;
  const std::size_t n = tour.size();
  for (bool again = true; again;) {
    again = false;
    for (std::size_t i = 0; i + 2 < n; ++i) {
      const std::size_t a = tour[i], b = tour[i + 1];
      const double ab = m[a][b];
      for (std::size_t k = i + 2; k < n; ++k) {
        const std::size_t c = tour[k], d = tour[(k + 1) % n];
        if (a == d) {
          continue;
        }
        if (m[a][c] + m[b][d] - ab - m[c][d] < -1e-9) {
          std::reverse(tour.begin() + static_cast<long>(i + 1), tour.begin() + static_cast<long>(k + 1));
          again = improved = true;
          break;  // a and b changed
        }
      }
    }
  }
  return improved;
}

// Moves a run of 1–3 stops, as it is or reversed, between two other
// neighbours while that shortens the tour. Each move is priced by its delta
// (three edges out, three in): O(n²) a pass, nothing allocated until a move is made.
bool or_opt(const Matrix& m, Tour& tour) {
  bool improved = false;
  const std::size_t n = tour.size();
  for (bool again = true; again;) {
    again = false;
    for (std::size_t len = 1; len <= 3 && len + 1 < n; ++len) {
      for (std::size_t i = 1; i + len <= n; ++i) {  // the start point stays at 0
        const std::size_t p = tour[i - 1], q = tour[(i + len) % n];
        const std::size_t s0 = tour[i], s1 = tour[i + len - 1];
        const double gain = m[p][s0] + m[s1][q] - m[p][q];
        double best = -1e-9;
        std::size_t best_j = n;
        bool best_reversed = false;
        for (std::size_t j = 0; j < n; ++j) {
          if (j + 1 >= i && j <= i + len - 1) {
            continue;  // an edge touching the run
          }
          const std::size_t a = tour[j], b = tour[(j + 1) % n];
          const double forward = m[a][s0] + m[s1][b] - m[a][b] - gain;
          const double reversed = m[a][s1] + m[s0][b] - m[a][b] - gain;
          if (forward < best) {
            best = forward;
            best_j = j;
            best_reversed = false;
          }
          if (reversed < best) {
            best = reversed;
            best_j = j;
            best_reversed = true;
          }
        }
        if (best_j == n) {
          continue;
        }
        Tour seg(tour.begin() + static_cast<long>(i), tour.begin() + static_cast<long>(i + len));
        if (best_reversed) {
          std::reverse(seg.begin(), seg.end());
        }
        const std::size_t after = tour[best_j];
        tour.erase(tour.begin() + static_cast<long>(i), tour.begin() + static_cast<long>(i + len));
        const auto at = std::find(tour.begin(), tour.end(), after) + 1;
        tour.insert(at, seg.begin(), seg.end());
        again = improved = true;
      }
    }
  }
  return improved;
}

Tour local_search(const Matrix& m, Tour tour) {
  for (int round = 0; round < 100; ++round) {
    const bool a = two_opt(m, tour);
    const bool b = or_opt(m, tour);
    if (!a && !b) {
      break;
    }
  }
  return tour;
}

// Nearest neighbour from the start point.
Tour nearest_neighbour(const Matrix& m) {
  const std::size_t n = m.size();
  Tour tour{0};
  std::vector<bool> used(n, false);
  used[0] = true;
  for (std::size_t step = 1; step < n; ++step) {
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
  return tour;
}

// A double bridge: cuts the stops into A B C D and reconnects A C B D, a move
// that 2-opt and Or-opt cannot undo in one step. `r` is the generator's state.
Tour double_bridge(const Tour& t, std::uint64_t& r) {
  const std::size_t n = t.size();
  auto next = [&r](std::size_t below) {  // splitmix64: the same cuts on every machine
    r += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = r;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>((z ^ (z >> 31)) % below);
  };
  std::array<std::size_t, 3> cut{1 + next(n - 1), 1 + next(n - 1), 1 + next(n - 1)};
  std::sort(cut.begin(), cut.end());
  Tour out(t.begin(), t.begin() + static_cast<long>(cut[0]));
  out.insert(out.end(), t.begin() + static_cast<long>(cut[2]), t.end());
  out.insert(out.end(), t.begin() + static_cast<long>(cut[1]), t.begin() + static_cast<long>(cut[2]));
  out.insert(out.end(), t.begin() + static_cast<long>(cut[0]), t.begin() + static_cast<long>(cut[1]));
  return out;
}

}  // namespace

Route solve_heuristic(const Matrix& m, int kicks) {
  const std::size_t n = m.size();
  if (n <= 1) {
    return {};
  }
  // Iterated local search: nearest neighbour, 2-opt and Or-opt to a local
  // optimum, then double-bridge kicks, each repaired by the local search and
  // kept when it is shorter. Deterministic: the kicks come from a fixed seed.
  Tour best = local_search(m, nearest_neighbour(m));
  double best_t = tour_minutes(m, best);
  if (n > 8) {
    std::uint64_t r = 0x6f6d736b ^ n;
    for (int k = 0; k < kicks; ++k) {
      Tour cand = local_search(m, double_bridge(best, r));
      const double t = tour_minutes(m, cand);
      if (t < best_t - 1e-9) {
        best = std::move(cand);
        best_t = t;
      }
    }
  }
  return {Tour(best.begin() + 1, best.end()), route_minutes(m, Tour(best.begin() + 1, best.end()))};
}

Route solve_heuristic(const Matrix& m) { return solve_heuristic(m, kDefaultKicks); }

std::vector<std::size_t> improve(const Matrix& m, std::vector<std::size_t> order) {
  if (order.size() <= kExactLimit) {
    // Small enough to be exact: solve the sub-matrix of these stops.
    std::vector<std::size_t> nodes{0};
    nodes.insert(nodes.end(), order.begin(), order.end());
    Matrix sub(nodes.size(), std::vector<double>(nodes.size()));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      for (std::size_t j = 0; j < nodes.size(); ++j) {
        sub[i][j] = m[nodes[i]][nodes[j]];
      }
    }
    std::vector<std::size_t> out;
    for (std::size_t k : solve_exact(sub).order) {
      out.push_back(nodes[k]);
    }
    return out;
  }
  Tour tour{0};
  tour.insert(tour.end(), order.begin(), order.end());
  tour = local_search(m, std::move(tour));
  return {tour.begin() + 1, tour.end()};
}

Route solve(const Matrix& m) {
  return m.size() - 1 <= kExactLimit ? solve_exact(m) : solve_heuristic(m);
}

}  // namespace omskplan::inspection
