// Fills a database for the inspection benchmark: SITES sites around Omsk,
// VISITS held visits over the two years before "now", FINDINGS findings (a
// few overdue). Deterministic for a seed.
//
//   gen_inspections DB SITES VISITS FINDINGS [SEED]
#include "inspection/repository.hpp"
#include "store/db.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <random>

using namespace omskplan;
using namespace omskplan::inspection;

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: gen_inspections DB SITES VISITS FINDINGS [SEED]\n");
    return 2;
  }
  const long n_sites = std::stol(argv[2]);
  const long n_visits = std::stol(argv[3]);
  const long n_findings = std::stol(argv[4]);
  std::mt19937_64 rng(argc > 5 ? std::stoull(argv[5]) : 1716);
  std::uniform_real_distribution<double> lat(54.90, 55.10), lon(73.20, 73.50);
  const auto now = *time::parse_utc("2026-11-27T03:00:00Z");
  const time::Date today = *time::parse_iso_date("2026-11-27");
  auto db = store::Db::open(argv[1], store::OpenMode::create, {"bench", "gen_inspections", time::format_utc(now)});
  store::WriteTransaction tx(db);
  constexpr std::array kPrograms{"НП «Образование»", "НП «Демография»", "НП «Инфраструктура для жизни»",
                                 "НП «Продолжительная и активная жизнь»", "Госпрограмма «Развитие образования»"};
  std::vector<std::int64_t> ids;
  for (long i = 0; i < n_sites; ++i) {
    Site s;
    s.uuid = fmt::format("00000000-0000-4000-8000-{:012}", i);
    s.code = fmt::format("OB-{:05}", i + 1);
    s.name = fmt::format("Объект капитального строительства № {}", i + 1);
    s.address = fmt::format("г. Омск, ул. Строителей, {}", 1 + i % 200);
    s.where = GeoPoint{lat(rng), lon(rng)};
    s.program = kPrograms[rng() % kPrograms.size()];
    s.work = static_cast<Work>(rng() % 3);
    s.risk = static_cast<Risk>(rng() % 6);
    s.deadline = today + std::chrono::days{static_cast<long>(rng() % 700) - 100};
    s.progress = static_cast<int>(rng() % 101);
    s.created = s.updated = now;
    repo::insert(db, s);
    ids.push_back(s.id);
  }
  for (long i = 0; i < n_visits; ++i) {
    Visit v;
    v.site_id = ids[rng() % ids.size()];
    v.day = today - std::chrono::days{1 + static_cast<long>(rng() % 730)};
    const auto [y, w] = time::iso_week_of(v.day);
    v.week = fmt::format("{}-W{:02}", y, w);
    v.status = VisitStatus::held;
    v.held_on = v.day;
    try {
      repo::insert(db, v);
    } catch (const std::exception&) {
      // the same site twice in a week: skip, as the schedule would
    }
  }
  for (long i = 0; i < n_findings; ++i) {
    Finding f;
    f.site_id = ids[rng() % ids.size()];
    f.text = "Отставание от графика производства работ";
    f.severity = static_cast<Severity>(rng() % 3);
    f.responsible_person = "Прораб";
    const long r = static_cast<long>(rng() % 100);
    f.due = today + std::chrono::days{r < 5 ? -(1 + r) : 30 + r};
    f.status = r < 5 ? FindingStatus::open : static_cast<FindingStatus>(rng() % 4);
    f.created = f.updated = now;
    repo::insert(db, f);
  }
  tx.commit();
  return 0;
}
