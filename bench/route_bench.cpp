// The day's route on bigger days: the heuristic's length and time on random
// instances around Omsk, against the exact optima bench/route_exact.py finds.
//
//   route_bench instances DIR     writes DIR/n<N>-s<SEED>.txt: the travel-time matrix
//                                 (minutes, full precision) of each instance
//   route_bench run [OPTIMA.csv]  solves each instance with the heuristic (median time of
//                                 5 runs) and prints n, seed, minutes, ms, and the gap
//                                 to the optimum when OPTIMA.csv has it
//
// The instances: a start point (the administration, ул. Гагарина, 34) and N sites
// uniform in 54.90–55.10 N, 73.20–73.55 E (the city), 10 seeds for each N of
// 20, 30, 50, 80; travel time as the scheduler computes it (great circle × 1.4 at 30 km/h).
#include "inspection/route.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace omskplan::inspection;

namespace {

constexpr int kSizes[] = {20, 30, 50, 80};
constexpr int kSeeds = 10;

// splitmix64: the same instances on every machine.
double uniform(std::uint64_t& r) {
  r += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = r;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
}

Matrix instance(int n, int seed) {
  std::uint64_t r = static_cast<std::uint64_t>(n) * 1000 + static_cast<std::uint64_t>(seed);
  std::vector<GeoPoint> pts{{54.9847, 73.3710}};
  for (int i = 0; i < n; ++i) {
    const double lat = 54.90 + 0.20 * uniform(r);
    const double lon = 73.20 + 0.35 * uniform(r);
    pts.push_back({lat, lon});
  }
  return travel_minutes(pts, 1.4, 30);
}

int write_instances(const std::string& dir) {
  for (int n : kSizes) {
    for (int seed = 0; seed < kSeeds; ++seed) {
      const Matrix m = instance(n, seed);
      std::ofstream out(dir + "/n" + std::to_string(n) + "-s" + std::to_string(seed) + ".txt");
      for (const auto& row : m) {
        for (std::size_t j = 0; j < row.size(); ++j) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.17g", row[j]);
          out << (j ? " " : "") << buf;
        }
        out << "\n";
      }
    }
  }
  return 0;
}

int run(const char* optima_path) {
  std::map<std::pair<int, int>, double> optima;
  if (optima_path) {
    std::ifstream in(optima_path);
    std::string line;
    std::getline(in, line);  // header: n,seed,optimum
    int n = 0, seed = 0;
    double opt = 0;
    char c1 = 0, c2 = 0;
    while (in >> n >> c1 >> seed >> c2 >> opt) {
      optima[{n, seed}] = opt;
    }
  }
  std::printf("n,seed,heuristic_minutes,median_ms,optimum_minutes,gap_percent\n");
  for (int n : kSizes) {
    for (int seed = 0; seed < kSeeds; ++seed) {
      const Matrix m = instance(n, seed);
      std::vector<double> ms;
      Route r;
      for (int k = 0; k < 5; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        r = solve(m);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      }
      std::sort(ms.begin(), ms.end());
      const auto it = optima.find({n, seed});
      if (it == optima.end()) {
        std::printf("%d,%d,%.4f,%.2f,,\n", n, seed, r.minutes, ms[2]);
      } else {
        std::printf("%d,%d,%.4f,%.2f,%.4f,%.3f\n", n, seed, r.minutes, ms[2], it->second,
                    100.0 * (r.minutes - it->second) / it->second);
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (what == "instances" && argc == 3) {
    return write_instances(argv[2]);
  }
  if (what == "run") {
    return run(argc > 2 ? argv[2] : nullptr);
  }
  std::fprintf(stderr, "usage: route_bench instances DIR | route_bench run [OPTIMA.csv]\n");
  return 2;
}
