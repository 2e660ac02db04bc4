#include "guest/model.hpp"
#include "core/i18n.hpp"

#include "core/enums.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace omskplan::guest {

std::string key(std::string_view s) {
  std::string out;
  for (const auto& w : text::split(text::yo_to_ye(text::fold(s)), ' ')) {
    if (!w.empty()) {
      out += (out.empty() ? "" : " ") + w;
    }
  }
  return out;
}

namespace {

std::vector<std::string> words_of(std::string_view full_name) {
  std::vector<std::string> out;
  for (auto& w : text::split(text::trim(full_name), ' ')) {
    if (!w.empty()) {
      out.push_back(w);
    }
  }
  return out;
}

// «П.» of «Пётр»; «Ж.-П.» of «Жан-Пьер».
std::string initial(std::string_view word) {
  std::string out;
  std::size_t pos = 0;
  bool at_start = true;
  while (pos < word.size()) {
    const std::size_t from = pos;
    const char32_t cp = text::decode_utf8(word, pos);
    if (at_start) {
      out += word.substr(from, pos - from);
      out += ".";
      at_start = false;
    } else if (cp == U'-') {
      out += "-";
      at_start = true;
    }
  }
  return out;
}

}  // namespace

std::string short_name(std::string_view full_name) {
  const auto w = words_of(full_name);
  if (w.size() < 2) {
    return text::trim(full_name);
  }
  std::string out = w[0] + " ";
  for (std::size_t i = 1; i < w.size(); ++i) {
    out += initial(w[i]) + (i + 1 < w.size() ? "\u00a0" : "");
  }
  return out;
}

std::string initials_first(std::string_view full_name) {
  const auto w = words_of(full_name);
  if (w.size() < 2) {
    return text::trim(full_name);
  }
  std::string out;
  for (std::size_t i = 1; i < w.size(); ++i) {
    out += initial(w[i]) + "\u00a0";
  }
  return out + w[0];
}

std::vector<std::string> name_words(std::string_view full_name) {
  std::vector<std::string> out;
  for (const auto& w : words_of(full_name)) {
    std::string k = key(w);
    if (text::display_width(k) >= 3) {
      out.push_back(std::move(k));
    }
  }
  return out;
}

std::string mask_words(std::string_view text_, const std::vector<std::string>& name_words) {
  std::string out;
  std::size_t i = 0;
  while (i < text_.size()) {
    if (text_[i] == ' ') {
      out += ' ';
      ++i;
      continue;
    }
    const std::size_t end = std::min(text_.find(' ', i), text_.size());
    std::string_view word = text_.substr(i, end - i);
    std::size_t lead = 0;
    while (lead < word.size() && (word[lead] == '\'' || word[lead] == '"' || word[lead] == '=')) {
      ++lead;
    }
    std::size_t trail = 0;
    while (trail < word.size() - lead && (word[word.size() - 1 - trail] == '\'' || word[word.size() - 1 - trail] == '"' ||
                                          word[word.size() - 1 - trail] == ',')) {
      ++trail;
    }
    const std::string k = key(word.substr(lead, word.size() - lead - trail));
    const bool hit = !k.empty() && std::any_of(name_words.begin(), name_words.end(), [&](const std::string& n) {
      return k.find(n) != std::string::npos || (text::display_width(k) >= 3 && n.find(k) != std::string::npos);
    });
    if (hit) {
      out += std::string(word.substr(0, lead)) + "***" + std::string(word.substr(word.size() - trail));
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

std::string_view to_string(Status v) { return kStatusNames.at(static_cast<std::size_t>(v)); }
std::string_view word(Status v) { return say(kStatusWords, v); }
std::string say_status(std::string_view name) { return say_name(kStatusNames, kStatusWords, name); }
Status parse_status(std::string_view s) {
  return parse_enum<Status>(kStatusNames, kStatusWords, s, tr("guest status"));
}

bool status_transition_allowed(Status from, Status to) {
  switch (from) {
    case Status::invited:
      return to != Status::invited;
    case Status::confirmed:
      return to == Status::declined || to == Status::attended || to == Status::absent;
    case Status::declined:
      return to == Status::invited || to == Status::confirmed;
    case Status::attended:
      return to == Status::absent;
    case Status::absent:
      return to == Status::attended;
  }
  return false;
}

bool after_the_fact(Status s) { return s == Status::attended || s == Status::absent; }

}  // namespace omskplan::guest
