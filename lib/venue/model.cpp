#include "venue/model.hpp"
#include "core/i18n.hpp"

#include "core/text.hpp"

#include <array>

namespace omskplan::venue {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string key(std::string_view text) {
  const std::string folded = text::fold(text::trim(text));
  // Quotes and punctuation become spaces; spaces collapse.
  std::string spaced;
  for (std::size_t i = 0; i < folded.size();) {
    static constexpr std::array<std::string_view, 7> kDrop{"«", "»", "\"", "“", "”", "„", "'"};
    bool dropped = false;
    for (const auto q : kDrop) {
      if (folded.compare(i, q.size(), q) == 0) {
        spaced += ' ';
        i += q.size();
        dropped = true;
        break;
      }
    }
    if (dropped) {
      continue;
    }
    const char c = folded[i];
    spaced += (c == ',' || c == ';' || c == '(' || c == ')') ? ' ' : c;
    ++i;
  }
  std::string out;
  for (const auto& w : text::split(spaced, ' ')) {
    if (!w.empty()) {
      out += (out.empty() ? "" : " ") + w;
    }
  }
  for (const std::string_view city : {" г. омск", " г.омск", " город омск", " омск"}) {
    if (ends_with(out, city) && out.size() > city.size()) {
      out.resize(out.size() - city.size());
      break;
    }
  }
  return out;
}

std::string check_point(std::optional<double> lat, std::optional<double> lon) {
  if (lat.has_value() != lon.has_value()) {
    return tr("give both --lat and --lon, or neither");
  }
  if (lat && (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)) {
    return tr("the point is not on Earth: latitude −90…90, longitude −180…180");
  }
  return {};
}

}  // namespace omskplan::venue
