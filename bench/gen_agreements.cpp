// Generates organizations and agreements for the benchmark, with valid INNs
// and OGRNs, in the JSON forms `agreement org import` and `agreement import` read.
//
//   gen_agreements ORGS AGREEMENTS ORGS.json AGREEMENTS.json [SEED]
#include "agreement/tax_ids.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <string>

using omskplan::agreement::complete_tax_id;
using omskplan::agreement::TaxIdKind;

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: gen_agreements ORGS AGREEMENTS ORGS.json AGREEMENTS.json [SEED]\n");
    return 2;
  }
  const long n_orgs = std::stol(argv[1]);
  const long n_agreements = std::stol(argv[2]);
  std::mt19937_64 rng(argc > 5 ? std::stoull(argv[5]) : 1716);
  constexpr std::array kForms{"ООО", "АО", "ПАО", "ИП", "АНО"};
  constexpr std::array kWords{"Сибирский", "Омский", "Иртышский", "Северный", "Прииртышский", "Городской",
                              "Левобережный", "Торговый", "Строительный", "Зелёный"};
  constexpr std::array kNouns{"строитель", "хлеб", "дом", "мост", "сад", "двор", "бетон", "сервис", "транзит", "свет"};
  constexpr std::array kSpheres{"culture", "sport", "education", "improvement", "social", "health", "youth", "economy"};
  constexpr std::array kSphereWords{"культуры", "спорта", "образования", "благоустройства",
                                    "социальной поддержки", "здравоохранения", "молодёжной политики", "экономики"};
  auto digits = [&](int n) {
    std::string s = "55";  // Omsk region
    while (static_cast<int>(s.size()) < n) {
      s += static_cast<char>('0' + rng() % 10);
    }
    return s;
  };
  std::vector<std::string> inns;
  std::set<std::string> seen;
  {
    std::ofstream out(argv[3]);
    out << "[\n";
    for (long i = 0; i < n_orgs; ++i) {
      const char* form = kForms[rng() % kForms.size()];
      const bool ip = std::string(form) == "ИП";
      std::string inn;
      do {
        inn = ip ? complete_tax_id(TaxIdKind::inn_person, digits(10)) : complete_tax_id(TaxIdKind::inn_org, digits(9));
      } while (!seen.insert(inn).second);
      inns.push_back(inn);
      nlohmann::ordered_json o;
      o["name"] = ip ? fmt::format("ИП {} {}", kWords[rng() % kWords.size()], i)
                     : fmt::format("{} «{} {} {}»", form, kWords[rng() % kWords.size()], kNouns[rng() % kNouns.size()], i);
      o["kind"] = ip ? "entrepreneur" : (std::string(form) == "АНО" ? "ngo" : "company");
      o["inn"] = inn;
      o["ogrn"] = ip ? complete_tax_id(TaxIdKind::ogrnip, "3" + digits(13).substr(0, 13))
                     : complete_tax_id(TaxIdKind::ogrn, "1" + digits(11).substr(0, 11));
      out << o.dump() << (i + 1 < n_orgs ? ",\n" : "\n");
    }
    out << "]\n";
  }
  std::ofstream out(argv[4]);
  out << "[\n";
  for (long i = 0; i < n_agreements; ++i) {
    const int year = 2016 + static_cast<int>(rng() % 11);
    const int month = 1 + static_cast<int>(rng() % 12);
    const int day = 1 + static_cast<int>(rng() % 28);
    const int years = 1 + static_cast<int>(rng() % 5);
    nlohmann::ordered_json a;
    a["number"] = fmt::format("{}-С/{}", i + 1, year);
    const std::size_t sphere = rng() % kSpheres.size();
    a["title"] = fmt::format("О сотрудничестве в сфере {}", kSphereWords[sphere]);
    a["org"] = {{"inn", inns[rng() % inns.size()]}};
    a["sphere"] = kSpheres[sphere];
    a["signed_on"] = fmt::format("{}-{:02}-{:02}", year, month, day);
    a["valid_to"] = fmt::format("{}-{:02}-{:02}", year + years, month, day);
    a["value"] = fmt::format("{}", 100000 * (1 + rng() % 100));
    a["status"] = rng() % 10 == 0 ? "fulfilled" : "active";
    a["obligations"] = nlohmann::json::array();
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < n; ++k) {
      const int due_year = year + static_cast<int>(rng() % (years + 1));
      const std::string due = fmt::format("{}-{:02}-{:02}", due_year, 1 + rng() % 12, 1 + rng() % 28);
      // What was due before the benchmark's "now" (2026-11-27) was mostly done; a few are overdue.
      const bool done = due < "2026-11-27" ? rng() % 200 != 0 : rng() % 6 == 0;
      nlohmann::ordered_json o{{"no", k + 1},
                               {"party", rng() % 4 == 0 ? "administration" : "partner"},
                               {"text", "Выполнить работы по соглашению"},
                               {"due", due},
                               {"value", fmt::format("{}", 10000 * (1 + rng() % 100))}};
      if (done) {
        o["done_on"] = o["due"];
      }
      a["obligations"].push_back(std::move(o));
    }
    out << a.dump() << (i + 1 < n_agreements ? ",\n" : "\n");
  }
  out << "]\n";
  return 0;
}
