#include "store/query.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace omskplan::store {

std::string fts_query(std::string_view typed) {
  // Words are runs of letters and digits (what unicode61 indexes); each
  // becomes a quoted prefix term, so punctuation can never be FTS syntax.
  const std::string norm = text::yo_to_ye(typed);
  std::vector<std::string> words;
  std::string cur;
  std::size_t pos = 0;
  while (pos < norm.size()) {
    const std::size_t start = pos;
    const char32_t cp = text::decode_utf8(norm, pos);
    const bool word_char = (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') ||
                           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x400 && cp <= 0x52F);
    if (word_char) {
      cur.append(norm, start, pos - start);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) {
    words.push_back(std::move(cur));
  }
  std::string q;
  for (const auto& w : words) {
    q += fmt::format("{}\"{}\"*", q.empty() ? "" : " ", w);
  }
  return q;
}

void Query::where(std::string_view condition, std::vector<std::string> values) {
  sql_ += " AND ";
  sql_ += condition;
  for (auto& v : values) {
    binds_.push_back(std::move(v));
  }
}

void Query::where_in(std::string_view column, std::vector<std::string> values) {
  if (values.empty()) {
    sql_ += " AND 0";
    return;
  }
  sql_ += " AND ";
  sql_ += column;
  sql_ += " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql_ += i == 0 ? "?" : ", ?";
    binds_.push_back(std::move(values[i]));
  }
  sql_ += ")";
}

void Query::search(std::string_view condition, std::string_view typed) {
  std::string q = fts_query(typed);
  if (q.empty()) {
    throw InputError(trf("search '{}' has no words to look for", typed));
  }
  where(condition, {std::move(q)});
  searches_ = true;
}

Statement Query::prepare(Db& db, std::string_view order_by, std::optional<long> limit) {
  if (searches_) {
    db.index_deferred();
  }
  std::string sql = fmt::format("{} ORDER BY {}", sql_, order_by);
  std::vector<std::string> binds = binds_;
  if (limit) {
    sql += " LIMIT ?";
    binds.push_back(std::to_string(*limit));
  }
  Statement st = db.prepare(sql);
  for (std::size_t i = 0; i < binds.size(); ++i) {
    st.bind(static_cast<int>(i + 1), binds[i]);
  }
  return st;
}

}  // namespace omskplan::store
