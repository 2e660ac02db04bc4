// Generates a realistic data set of events for the benchmark: Russian titles,
// venues, VIPs, checklists and runs of show, spread over 2016–2027, in the
// JSON form `omskplan event import` reads. Deterministic for a given seed.
//
//   gen_events COUNT [SEED] > events.json
//   gen_events COUNT SEED --taskwarrior > tasks.json
//
// With --taskwarrior, the same records as Taskwarrior 2.6 imports them, one
// task an event: its title, kind as the project, year as the tag, start as
// due (and entry), held ones completed at their end, each checklist task and
// run-of-show item an annotation — for the benchmark against `task import`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <random>
#include <string>

namespace {

constexpr std::array kKinds{"concert",  "opening",  "conference", "round-table", "seminar",
                            "ceremony", "exhibition", "sport",    "meeting",     "holiday"};
constexpr std::array kKindWords{"Концерт",       "Открытие",   "Конференция", "Круглый стол", "Семинар",
                                "Церемония награждения", "Выставка", "Турнир", "Совещание", "Праздник"};
constexpr std::array kThemes{"Омск — город трудовой доблести", "Сибирская весна", "Молодёжь Омска",
                             "Город мастеров", "Иртышские зори", "Наследие Сибири", "Культура без границ",
                             "Зелёный город", "Ёлка желаний", "Малый бизнес — большой городу",
                             "Дети войны", "Юные таланты", "Сибирский характер", "Спорт для всех",
                             "Омская крепость", "Мы — омичи", "Золотая осень", "Город будущего",
                             "Цифровой Омск", "Память поколений"};
constexpr std::array kVenues{"Концертный зал",  "Соборная площадь",  "Омская филармония",
                             "Дом дружбы",      "Парк культуры и отдыха им. 30-летия ВЛКСМ",
                             "Набережная Тухачевского", "Сквер Борцов революции", "Дворец искусств им. Малунцева",
                             "Администрация города Омска, зал заседаний", "ДК «Звёздный»", "Арена-Омск",
                             "Музей им. Врубеля", "Омская крепость", "Городской дворец детского творчества",
                             "Библиотека им. Пушкина", "Сибирский культурный центр"};
constexpr std::array kVips{"Мэр города Омска", "Губернатор Омской области", "Председатель Омского городского Совета",
                           "Первый заместитель Мэра", "Заместитель Мэра по социальным вопросам",
                           "Директор департамента культуры"};
constexpr std::array kOwners{"Организационный отдел", "Департамент культуры",
                             "Департамент транспорта", "Управление информационной политики",
                             "Управление протокола", "Департамент общественной безопасности",
                             "Департамент городского хозяйства"};
constexpr std::array kTasks{"Утвердить программу", "Разослать приглашения", "Согласовать площадку",
                            "Подготовить сценарий", "Заключить договоры", "Согласовать перекрытие улиц",
                            "Подготовить пресс-релиз", "Провести репетицию", "Подготовить наградные материалы",
                            "Организовать трансфер гостей"};

std::string iso(long long epoch) {
  // Local time in Omsk (+06:00, no DST since 2014).
  const long long local = epoch + 6 * 3600;
  const long long days = local / 86400;
  const long long secs = local % 86400;
  // civil_from_days (H. Hinnant)
  const long long z = days + 719468;
  const long long era = z / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:00+06:00", y + (m <= 2), m, d, secs / 3600, (secs / 60) % 60);
}

std::string date_of(long long epoch) { return iso(epoch).substr(0, 10); }

// Taskwarrior's form of an instant: 20240901T040000Z.
std::string tw_time(long long epoch) {
  const std::string local = iso(epoch - 6 * 3600);  // the same civil arithmetic, at UTC
  return local.substr(0, 4) + local.substr(5, 2) + local.substr(8, 2) + "T" + local.substr(11, 2) +
         local.substr(14, 2) + "00Z";
}

// The event as a Taskwarrior task (see the top of the file).
nlohmann::ordered_json taskwarrior(const nlohmann::ordered_json& e, long i, long long start, long long end) {
  nlohmann::ordered_json t;
  t["uuid"] = fmt::format("00000000-0000-4000-8000-{:012x}", i + 1);
  t["description"] = e["title"];
  t["status"] = e["status"] == "held" ? "completed" : "pending";
  t["entry"] = tw_time(start);
  t["due"] = tw_time(start);
  if (e["status"] == "held") {
    t["end"] = tw_time(end);
  }
  t["project"] = e["kind"];
  t["tags"] = e["tags"];
  auto notes = nlohmann::ordered_json::array();
  for (const auto& k : e["tasks"]) {
    notes.push_back({{"entry", tw_time(start)},
                     {"description", fmt::format("{} — {} ({})", k["title"].get<std::string>(),
                                                 k["owner"].get<std::string>(), k["due"].get<std::string>())}});
  }
  for (const auto& p : e["program"]) {
    notes.push_back({{"entry", tw_time(start)}, {"description", p["title"]}});
  }
  t["annotations"] = std::move(notes);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_events COUNT [SEED [--taskwarrior]]\n");
    return 2;
  }
  const bool tw = argc > 3 && std::string(argv[3]) == "--taskwarrior";
  const long count = std::stol(argv[1]);
  std::mt19937_64 rng(argc > 2 ? std::stoull(argv[2]) : 1716);
  auto pick = [&](auto& arr) -> const char* { return arr[rng() % arr.size()]; };
  const long long from = 1451584800;  // 2016-01-01
  const long long to = 1830279600;    // 2027-12-31
  const long long now = 1795762800;   // 2026-11-27
  std::fputs("[\n", stdout);
  for (long i = 0; i < count; ++i) {
    const std::size_t k = rng() % kKinds.size();
    // Start on a quarter hour between 09:00 and 19:00 local time.
    long long start = from + static_cast<long long>(rng() % static_cast<unsigned long long>(to - from));
    start -= (start + 6 * 3600) % 86400;
    start += (9 * 3600) + static_cast<long long>(rng() % 40) * 900;
    const long long end = start + (1 + static_cast<long long>(rng() % 6)) * 3600;
    const bool past = end < now;
    nlohmann::ordered_json e;
    e["title"] = fmt::format("{} «{}»", kKindWords[k], pick(kThemes));
    e["kind"] = kKinds[k];
    e["level"] = std::array{"municipal", "municipal", "regional", "intercity", "international"}[rng() % 5];
    e["status"] = past ? "held" : (rng() % 3 == 0 ? "confirmed" : "planned");
    e["start"] = iso(start);
    e["end"] = iso(end);
    e["venue"] = pick(kVenues);
    e["organizer"] = pick(kOwners);
    e["tags"] = nlohmann::json::array({fmt::format("{}", 2016 + (start - from) / 31557600)});
    e["notes"] = rng() % 4 == 0 ? "Программа согласована с департаментом культуры; ёлка, сцена и звук — подрядчик." : "";
    e["participants"] = nlohmann::json::array();
    if (rng() % 10 < 3) {
      e["participants"].push_back({{"who", pick(kVips)}, {"role", "приветственное слово"}, {"vip", true}});
    }
    e["tasks"] = nlohmann::json::array();
    const int tasks = 3 + static_cast<int>(rng() % 6);
    for (int t = 0; t < tasks; ++t) {
      const long long days_before = 1 + static_cast<long long>(rng() % 45);
      const bool done = past || rng() % 4 == 0;
      nlohmann::ordered_json tj;
      tj["no"] = t + 1;
      tj["title"] = pick(kTasks);
      tj["owner"] = pick(kOwners);
      tj["due"] = date_of(start - days_before * 86400);
      tj["due_offset"] = fmt::format("-{}d", days_before);
      tj["status"] = done ? "done" : "todo";
      tj["done_on"] = done ? nlohmann::ordered_json(date_of(start - days_before * 86400)) : nlohmann::ordered_json();
      e["tasks"].push_back(std::move(tj));
    }
    e["program"] = nlohmann::json::array();
    const int items = 2 + static_cast<int>(rng() % 3);
    for (int p = 0; p < items; ++p) {
      e["program"].push_back({{"no", p + 1},
                              {"at", iso(start + p * 1800)},
                              {"duration_min", 30},
                              {"title", p == 0 ? "Открытие, приветственное слово" : "Основная программа"}});
    }
    std::fputs((tw ? taskwarrior(e, i, start, end) : e).dump().c_str(), stdout);
    std::fputs(i + 1 < count ? ",\n" : "\n", stdout);
  }
  std::fputs("]\n", stdout);
  return 0;
}
