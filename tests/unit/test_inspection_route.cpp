#include "inspection/route.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

// Each test file in its own namespace: the unit tests are compiled in batches (unity build).
namespace OMSKPLAN_TEST_FILE {

using namespace omskplan::inspection;

namespace {

// Random points in and around Omsk.
std::vector<GeoPoint> random_points(std::mt19937& rng, std::size_t n) {
  std::uniform_real_distribution<double> lat(54.90, 55.10), lon(73.20, 73.50);
  std::vector<GeoPoint> pts{{54.9847, 73.3710}};  // the administration, ул. Гагарина, 34
  for (std::size_t i = 0; i < n; ++i) {
    pts.push_back({lat(rng), lon(rng)});
  }
  return pts;
}

double brute_force(const Matrix& m) {
  std::vector<std::size_t> order(m.size() - 1);
  std::iota(order.begin(), order.end(), 1);
  double best = 1e18;
  do {
    best = std::min(best, route_minutes(m, order));
  } while (std::next_permutation(order.begin(), order.end()));
  return best;
}

}  // namespace

TEST_SUITE("inspection::route") {
  TEST_CASE("distances") {
    // Omsk to Novosibirsk is about 600 km as the crow flies.
    const double d = distance_km({54.9885, 73.3242}, {55.0084, 82.9357});
    CHECK(d > 600);
    CHECK(d < 620);
    CHECK(distance_km({55, 73}, {55, 73}) == 0);
    const auto m = travel_minutes({{55, 73}, {55.1, 73}}, 1.4, 30);
    CHECK(m[0][1] == doctest::Approx(11.12 * 1.4 / 30 * 60).epsilon(0.01));
  }

  TEST_CASE("the exact router matches brute force on random instances") {
    std::mt19937 rng(1716);
    for (int round = 0; round < 60; ++round) {
      const std::size_t n = 1 + rng() % 8;
      const auto m = travel_minutes(random_points(rng, n), 1.4, 30);
      const Route r = solve_exact(m);
      REQUIRE(r.order.size() == n);
      auto sorted = r.order;
      std::sort(sorted.begin(), sorted.end());
      for (std::size_t i = 0; i < n; ++i) {
        CHECK(sorted[i] == i + 1);
      }
      CHECK(r.minutes == doctest::Approx(route_minutes(m, r.order)));
      CHECK(r.minutes == doctest::Approx(brute_force(m)));
    }
  }

  TEST_CASE("the iterated local search finds the optimum of 13–16-stop days; every run the same route") {
    std::mt19937 rng(2024);
    double worst = 0;
    for (int round = 0; round < 12; ++round) {
      const std::size_t n = 13 + rng() % 4;
      const auto m = travel_minutes(random_points(rng, n), 1.4, 30);
      const double exact = solve_exact(m).minutes;
      const Route h = solve_heuristic(m);
      worst = std::max(worst, h.minutes / exact - 1);
      CHECK(h.minutes <= exact * 1.005);  // bench/README.md: 0% at 50 stops, 0.11% at most at 80
      CHECK(solve_heuristic(m).order == h.order);
    }
    MESSAGE("worst excess over exact at 13–16 stops: " << worst * 100 << "%");
  }

  TEST_CASE("improve: a route that lost a stop is repaired, exactly when small") {
    std::mt19937 rng(1716);
    const auto m = travel_minutes(random_points(rng, 20), 1.4, 30);
    auto order = solve(m).order;
    order.erase(std::find(order.begin(), order.end(), std::size_t{7}));
    const auto repaired = improve(m, order);
    CHECK(repaired.size() == 19);
    CHECK(std::find(repaired.begin(), repaired.end(), std::size_t{7}) == repaired.end());
    CHECK(route_minutes(m, repaired) <= route_minutes(m, order) + 1e-9);
    std::vector<std::size_t> few{3, 9, 1, 12};
    const auto exact_few = improve(m, few);
    auto sorted = exact_few;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == std::vector<std::size_t>{1, 3, 9, 12});
    // Four stops: every order tried, none shorter.
    std::sort(few.begin(), few.end());
    double best = route_minutes(m, few);
    while (std::next_permutation(few.begin(), few.end())) {
      best = std::min(best, route_minutes(m, few));
    }
    CHECK(route_minutes(m, exact_few) == doctest::Approx(best));
  }

  TEST_CASE("the heuristic is within 5% of exact on 10–12-site instances") {
    std::mt19937 rng(1945);
    double worst = 0;
    for (int round = 0; round < 40; ++round) {
      const std::size_t n = 10 + rng() % 3;
      const auto m = travel_minutes(random_points(rng, n), 1.4, 30);
      const double exact = solve_exact(m).minutes;
      const Route h = solve_heuristic(m);
      REQUIRE(h.order.size() == n);
      worst = std::max(worst, h.minutes / exact - 1);
      CHECK(h.minutes <= exact * 1.05);
    }
    MESSAGE("worst heuristic excess over exact: " << worst * 100 << "%");
  }

  TEST_CASE("solve picks exact up to 12 stops and the heuristic beyond; empty is fine") {
    std::mt19937 rng(7);
    CHECK(solve(travel_minutes(random_points(rng, 0), 1.4, 30)).order.empty());
    const auto m = travel_minutes(random_points(rng, 30), 1.4, 30);
    const Route r = solve(m);
    CHECK(r.order.size() == 30);
    CHECK(r.minutes == doctest::Approx(route_minutes(m, r.order)));
  }
}

}  // namespace OMSKPLAN_TEST_FILE
