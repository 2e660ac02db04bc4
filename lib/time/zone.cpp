#include "time/zone.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace omskplan::time {

using namespace std::chrono;

namespace {

std::int64_t be(const std::string& data, std::size_t pos, int bytes) {
  if (pos + bytes > data.size()) {
    throw InputError(tr("truncated time zone file"));
  }
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v = (v << 8) | static_cast<unsigned char>(data[pos + i]);
  }
  if (bytes == 4) {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  }
  return static_cast<std::int64_t>(v);
}

bool valid_zone_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+';
  });
}

}  // namespace

TimeZone TimeZone::fixed(const std::string& name, seconds offset, const std::string& abbrev) {
  TimeZone z;
  z.name_ = name;
  z.types_.push_back(Type{ZoneInfo{offset, false, abbrev}});
  return z;
}

TimeZone TimeZone::load(const std::string& name) {
  if (name == "UTC" || name == "Etc/UTC") {
    return fixed(name, seconds{0}, "UTC");
  }
  if (!valid_zone_name(name)) {
    throw InputError(trf("unknown time zone '{}'", name));
  }
  const char* tzdir = std::getenv("TZDIR");
  const std::string path = fmt::format("{}/{}", tzdir && *tzdir ? tzdir : "/usr/share/zoneinfo", name);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(trf("unknown time zone '{}' (no file {})", name, path));
  }
  const std::string data = files::read(path, files::kTextLimit);  // TZif files are a few KiB
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) {
    throw InputError(trf("time zone '{}': {} is not a TZif file", name, path));
  }
  return parse(name, data);
}

TimeZone TimeZone::parse(const std::string& name, const std::string& data) {
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) {
    throw InputError(trf("time zone '{}': not a TZif file", name));
  }
  TimeZone z;
  z.name_ = name;
  // Counts are unsigned 32-bit in the file; more than the file could hold is malformed.
  auto counts = [&](std::size_t h) {
    std::array<std::int64_t, 6> c{};
    for (std::size_t k = 0; k < c.size(); ++k) {
      c[k] = be(data, h + 20 + 4 * k, 4);
      if (c[k] < 0 || c[k] > static_cast<std::int64_t>(data.size())) {
        throw InputError(trf("time zone '{}': malformed TZif file", name));
      }
    }
    return c;
  };
  // counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  auto c = counts(0);
  std::size_t pos = 44;
  int time_size = 4;
  if (data[4] >= '2') {
    // Skip the 32-bit block; use the 64-bit one that follows it.
    pos += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0];
    if (pos + 44 > data.size() || data.compare(pos, 4, "TZif") != 0) {
      throw InputError(trf("time zone '{}': malformed TZif file", name));
    }
    c = counts(pos);
    pos += 44;
    time_size = 8;
  }
  const auto [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = c;
  // Everything the counts announce must be in the file (each count is at most its size: no overflow).
  const std::int64_t body = timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
                            isstdcnt + isutcnt;
  if (typecnt < 1 || static_cast<std::int64_t>(pos) + body > static_cast<std::int64_t>(data.size())) {
    throw InputError(trf("time zone '{}': malformed TZif file", name));
  }
  for (std::int64_t i = 0; i < timecnt; ++i) {
    z.times_.push_back(Instant{seconds{be(data, pos + static_cast<std::size_t>(i * time_size), time_size)}});
    if (z.times_.size() > 1 && z.times_.back() <= z.times_[z.times_.size() - 2]) {
      throw InputError(trf("time zone '{}': malformed TZif file (transitions out of order)", name));
    }
  }
  pos += timecnt * time_size;
  for (std::int64_t i = 0; i < timecnt; ++i) {
    const int idx = static_cast<unsigned char>(data.at(pos + i));
    if (idx >= typecnt) {
      throw InputError(trf("time zone '{}': malformed TZif file", name));
    }
    z.type_of_.push_back(idx);
  }
  pos += timecnt;
  const std::size_t chars_at = pos + typecnt * 6;
  for (std::int64_t i = 0; i < typecnt; ++i) {
    const std::size_t p = pos + i * 6;
    ZoneInfo info;
    info.offset = seconds{be(data, p, 4)};
    info.is_dst = data.at(p + 4) != 0;
    const std::size_t a = chars_at + static_cast<unsigned char>(data.at(p + 5));
    if (a >= chars_at + static_cast<std::size_t>(charcnt) || a >= data.size()) {
      throw InputError(trf("time zone '{}': malformed TZif file", name));
    }
    const std::size_t e = data.find('\0', a);
    info.abbrev = data.substr(a, e == std::string::npos ? std::string::npos : e - a);
    z.types_.push_back(Type{info});
  }
  pos = chars_at + charcnt + leapcnt * (time_size + 4) + isstdcnt + isutcnt;
  // The first non-DST type is the one before the first transition.
  for (std::size_t i = 0; i < z.types_.size(); ++i) {
    if (!z.types_[i].info.is_dst) {
      z.initial_type_ = static_cast<int>(i);
      break;
    }
  }
  if (time_size == 8 && pos < data.size() && data[pos] == '\n') {
    const std::size_t e = data.find('\n', pos + 1);
    if (e != std::string::npos) {
      z.rule_ = parse_posix(data.substr(pos + 1, e - pos - 1));
    }
  }
  return z;
}

namespace {

struct PosixParser {
  const std::string& s;
  std::size_t i = 0;

  bool name(std::string& out) {
    if (i < s.size() && s[i] == '<') {
      const auto e = s.find('>', i);
      if (e == std::string::npos) {
        return false;
      }
      out = s.substr(i + 1, e - i - 1);
      i = e + 1;
      return true;
    }
    const std::size_t b = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
      ++i;
    }
    out = s.substr(b, i - b);
    return out.size() >= 3;
  }
  bool number(int& out) {  // at most 5 digits: hours up to 167, days up to 365
    const std::size_t b = i;
    out = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (i - b == 5) {
        return false;
      }
      out = out * 10 + (s[i++] - '0');
    }
    return i > b;
  }
  // [+-]hh[:mm[:ss]] in seconds
  bool hms(int& out) {
    int sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      sign = s[i++] == '-' ? -1 : 1;
    }
    int h = 0, m = 0, sec = 0;
    if (!number(h)) {
      return false;
    }
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!number(m)) {
        return false;
      }
      if (i < s.size() && s[i] == ':') {
        ++i;
        if (!number(sec)) {
          return false;
        }
      }
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }
};

}  // namespace

TimeZone::PosixRule TimeZone::parse_posix(const std::string& tz) {
  PosixRule r;
  PosixParser p{tz};
  int off = 0;
  if (!p.name(r.std_info.abbrev) || !p.hms(off)) {
    return r;
  }
  r.std_info.offset = seconds{-off};
  if (p.i >= tz.size()) {
    r.valid = true;
    return r;
  }
  if (!p.name(r.dst_info.abbrev)) {
    return r;
  }
  r.has_dst = true;
  r.dst_info.is_dst = true;
  r.dst_info.offset = r.std_info.offset + hours{1};
  if (p.i < tz.size() && tz[p.i] != ',') {
    if (!p.hms(off)) {
      return r;
    }
    r.dst_info.offset = seconds{-off};
  }
  auto rule_date = [&](RuleDate& rd) {
    if (p.i >= tz.size() || tz[p.i] != ',') {
      return false;
    }
    ++p.i;
    if (p.i < tz.size() && tz[p.i] == 'M') {
      ++p.i;
      rd.kind = 'M';
      if (!p.number(rd.month) || tz[p.i++] != '.' || !p.number(rd.week) || tz[p.i++] != '.' ||
          !p.number(rd.wday)) {
        return false;
      }
    } else if (p.i < tz.size() && tz[p.i] == 'J') {
      ++p.i;
      rd.kind = 'J';
      if (!p.number(rd.day)) {
        return false;
      }
    } else {
      rd.kind = 'N';
      if (!p.number(rd.day)) {
        return false;
      }
    }
    if (p.i < tz.size() && tz[p.i] == '/') {
      ++p.i;
      if (!p.hms(rd.time)) {
        return false;
      }
    }
    return true;
  };
  if (!rule_date(r.start) || !rule_date(r.end)) {
    return r;
  }
  r.valid = true;
  return r;
}

Instant TimeZone::rule_instant(const RuleDate& rd, int y, seconds offset_before) const {
  Date d;
  if (rd.kind == 'M') {
    const Date first = make_date(y, rd.month, 1);
    const int first_wd = iso_weekday(first) % 7;  // 0 = Sunday
    Date candidate = first + days{(rd.wday - first_wd + 7) % 7} + weeks{rd.week - 1};
    if (rd.week == 5) {
      const Date last = last_day_of_month(first);
      while (candidate > last) {
        candidate -= weeks{1};
      }
      while (candidate + weeks{1} <= last) {
        candidate += weeks{1};
      }
    }
    d = candidate;
  } else if (rd.kind == 'J') {
    d = make_date(y, 1, 1) + days{rd.day - 1};
    const bool leap = year{y}.is_leap();
    if (leap && rd.day >= 60) {
      d += days{1};
    }
  } else {
    d = make_date(y, 1, 1) + days{rd.day};
  }
  return Instant{d} + seconds{rd.time} - offset_before;
}

void TimeZone::rule_transitions_for_year(int y, std::vector<ZoneTransition>& out) const {
  if (!rule_.valid || !rule_.has_dst) {
    return;
  }
  const Instant start = rule_instant(rule_.start, y, rule_.std_info.offset);
  const Instant end = rule_instant(rule_.end, y, rule_.dst_info.offset);
  out.push_back({start, rule_.std_info, rule_.dst_info});
  out.push_back({end, rule_.dst_info, rule_.std_info});
  std::sort(out.end() - 2, out.end(), [](auto& a, auto& b) { return a.at < b.at; });
}

ZoneInfo TimeZone::info_at(Instant t) const {
  if (times_.empty() || t < times_.front()) {
    if (times_.empty() && rule_.valid) {
      // fall through to the rule
    } else {
      return types_.at(times_.empty() ? 0 : initial_type_).info;
    }
  }
  if (!times_.empty() && t < times_.back()) {
    const auto it = std::upper_bound(times_.begin(), times_.end(), t);
    return types_[type_of_[it - times_.begin() - 1]].info;
  }
  if (!rule_.valid) {
    return types_[times_.empty() ? 0 : type_of_.back()].info;
  }
  if (!rule_.has_dst) {
    return rule_.std_info;
  }
  const int y = year_of(floor<days>(t));
  std::vector<ZoneTransition> ts;
  rule_transitions_for_year(y - 1, ts);
  rule_transitions_for_year(y, ts);
  ZoneInfo info = ts.front().before;
  for (const auto& tr : ts) {
    if (tr.at <= t) {
      info = tr.after;
    }
  }
  return info;
}

LocalTime TimeZone::to_local(Instant t) const {
  return LocalTime{t.time_since_epoch() + info_at(t).offset};
}

Instant TimeZone::to_instant(LocalTime t) const {
  const Instant guess{t.time_since_epoch()};
  const seconds early = info_at(guess - hours{26}).offset;
  const seconds late = info_at(guess + hours{26}).offset;
  // Prefer the larger offset: for an ambiguous time it is the earlier instant.
  const seconds first = std::max(early, late);
  const seconds second = std::min(early, late);
  for (seconds off : {first, second}) {
    const Instant u = guess - off;
    if (info_at(u).offset == off) {
      return u;
    }
  }
  // In a gap: the wall time does not exist; move it forward by the gap.
  return guess - early;
}

std::vector<ZoneTransition> TimeZone::transitions(Instant from, Instant to) const {
  std::vector<ZoneTransition> out;
  for (std::size_t i = 0; i < times_.size(); ++i) {
    if (times_[i] >= from && times_[i] < to) {
      const ZoneInfo before = i == 0 ? types_[initial_type_].info : types_[type_of_[i - 1]].info;
      out.push_back({times_[i], before, types_[type_of_[i]].info});
    }
  }
  if (rule_.valid && rule_.has_dst) {
    const Instant tail = times_.empty() ? Instant::min() : times_.back();
    for (int y = year_of(floor<days>(std::max(from, tail))); y <= year_of(floor<days>(to)); ++y) {
      std::vector<ZoneTransition> ts;
      rule_transitions_for_year(y, ts);
      for (auto& tr : ts) {
        if (tr.at > tail && tr.at >= from && tr.at < to) {
          out.push_back(tr);
        }
      }
    }
  }
  return out;
}

}  // namespace omskplan::time
