// The order of a day's site visits: from the start point and back, shortest
// total travel. Exact (Held–Karp dynamic programming, O(n²·2ⁿ)) up to
// kExactLimit stops; beyond that an iterated local search (nearest neighbour,
// 2-opt and Or-opt priced by their deltas, double-bridge kicks from a fixed
// seed). Travel time is great-circle distance × detour ÷ average speed, so
// the matrix is symmetric.
#pragma once

#include <cstddef>
#include <vector>

namespace omskplan::inspection {

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

double distance_km(GeoPoint a, GeoPoint b);

// minutes[i][j]: travel from point i to point j; point 0 is the start point.
using Matrix = std::vector<std::vector<double>>;
Matrix travel_minutes(const std::vector<GeoPoint>& points, double detour, double speed_kmh);

struct Route {
  std::vector<std::size_t> order;  // indices of stops (1…n), in visiting order
  double minutes = 0;              // total travel, start point and back
};

inline constexpr std::size_t kExactLimit = 12;

Route solve_exact(const Matrix& m);      // n ≤ 20 stops (memory 2ⁿ·n)
inline constexpr int kDefaultKicks = 200;
Route solve_heuristic(const Matrix& m, int kicks);  // any n
Route solve_heuristic(const Matrix& m);             // kDefaultKicks
// `order` (some of m's stops) improved: exact up to kExactLimit stops, else a
// local search from it (2-opt and Or-opt, no kicks): for a route that lost or
// gained a stop.
std::vector<std::size_t> improve(const Matrix& m, std::vector<std::size_t> order);
Route solve(const Matrix& m);            // exact up to kExactLimit stops, else heuristic
double route_minutes(const Matrix& m, const std::vector<std::size_t>& order);

}  // namespace omskplan::inspection
