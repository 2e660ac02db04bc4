#include "agreement/views.hpp"
#include "core/i18n.hpp"
#include "agreement/json.hpp"
#include "core/text.hpp"

#include "core/russian.hpp"

#include <fmt/format.h>

namespace omskplan::agreement {

using render::Table;
using render::Tone;

namespace {

std::string day(const std::optional<time::Date>& d) { return d ? time::format_date(*d) : ""; }

std::string name_of(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
  auto it = names.find(id);
  return it == names.end() ? record_ref(id) : it->second;
}

Tone tone_of(Status s) {
  switch (s) {
    case Status::active:
    case Status::fulfilled:
      return Tone::good;
    case Status::expired:
      return Tone::warn;
    case Status::terminated:
      return Tone::dim;
    default:
      return Tone::plain;
  }
}

}  // namespace

Table orgs_columns() {
  Table t;
  t.columns = {{"id", N_("ID"), true}, {"name", N_("NAME"), false, 60}, {"kind", N_("KIND"), false, 60, say_org_kind}, {"inn", N_("INN")},
               {"ogrn", N_("OGRN")},   {"contact", N_("CONTACT"), false, 30}, {"phone", N_("PHONE")}};
  return t;
}

render::Row org_row(const Organization& o) {
  return {{std::to_string(o.id), o.name, std::string(to_string(o.kind)), o.inn, o.ogrn, o.contact, o.phone}};
}

Table agreements_columns() {
  Table t;
  t.columns = {{"id", N_("ID"), true},       {"number", N_("NUMBER")},       {"org", N_("ORGANIZATION"), false, 40},
               {"title", N_("TITLE"), false, 60}, {"sphere", N_("SPHERE"), false, 60, say_sphere},
               {"signed_on", N_("SIGNED")},   {"valid_to", N_("VALID TO")},
               {"value", N_("AMOUNT"), true}, {"status", N_("STATUS"), false, 60, say_status}};
  return t;
}

render::Row agreement_row(const Agreement& a, const std::string& org_name, time::Date today) {
  const Status st = effective_status(a, today);
  return {{std::to_string(a.id), a.number, org_name, a.title, a.sphere, day(a.signed_on), day(a.valid_to),
           money::format_roubles(a.value), std::string(to_string(st))},
          tone_of(st)};
}

Table agreements_table(const std::vector<Agreement>& as, const std::map<std::int64_t, std::string>& names,
                       time::Date today) {
  Table t = agreements_columns();
  for (const auto& a : as) {
    t.add(agreement_row(a, name_of(names, a.org_id), today));
  }
  return t;
}

Table obligations_table(const Agreement& a, time::Date today) {
  Table t;
  t.columns = {{"no", N_("NO"), true},  {"party", N_("PARTY"), false, 60, say_party}, {"due", N_("DUE")},
               {"value", N_("AMOUNT"), true},
               {"done_on", N_("DONE")}, {"text", N_("OBLIGATION"), false, 80}};
  for (const auto& o : a.obligations) {
    const Tone tone = o.done_on ? Tone::good : (o.due && *o.due < today ? Tone::bad : Tone::plain);
    t.add({std::to_string(o.no), std::string(to_string(o.party)), day(o.due),
           o.value ? money::format_roubles(*o.value) : "", day(o.done_on), o.text},
          tone);
  }
  return t;
}

Table due_table(const DueReport& r, time::Date today) {
  Table t;
  t.columns = {{"due", N_("DUE")},          {"when", N_("WHEN")},   {"what", N_("WHAT")},
               {"agreement", N_("AGREEMENT"), true}, {"number", N_("NUMBER")}, {"org", N_("ORGANIZATION"), false, 40},
               {"party", N_("PARTY"), false, 60, say_party}, {"text", N_("TEXT"), false, 70}};
  auto when = [&](time::Date d) {
    const long n = (d - today).count();
    return n == 0 ? std::string(tr("today")) : n < 0 ? trf("{}d overdue", -n) : trf("in {}d", n);
  };
  for (const auto& o : r.obligations) {
    const auto d = *o.obligation.due;
    t.add({time::format_date(d), when(d), tr("obligation"), std::to_string(o.agreement_id), o.number, o.org_name,
           std::string(to_string(o.obligation.party)),
           fmt::format("{}. {}", o.obligation.no, o.obligation.text)},
          d < today ? Tone::bad : d == today ? Tone::warn : Tone::plain);
  }
  for (const auto& e : r.expiring) {
    t.add({time::format_date(*e.agreement.valid_to), when(*e.agreement.valid_to), tr("expiry"),
           std::to_string(e.agreement.id), e.agreement.number, e.org_name, "", e.agreement.title},
          Tone::warn);
  }
  return t;
}

nlohmann::ordered_json due_json(const DueReport& r, time::Date today) {
  nlohmann::ordered_json j;
  j["today"] = time::format_date(today);
  j["overdue"] = r.overdue;
  j["obligations"] = nlohmann::ordered_json::array();
  for (const auto& o : r.obligations) {
    j["obligations"].push_back({{"agreement_id", o.agreement_id},
                                {"number", o.number},
                                {"org", o.org_name},
                                {"no", o.obligation.no},
                                {"party", to_string(o.obligation.party)},
                                {"text", o.obligation.text},
                                {"due", time::format_date(*o.obligation.due)},
                                {"days_left", (*o.obligation.due - today).count()},
                                {"value", o.obligation.value ? nlohmann::ordered_json(money::format_plain(*o.obligation.value))
                                                             : nlohmann::ordered_json(nullptr)}});
  }
  j["expiring"] = nlohmann::ordered_json::array();
  for (const auto& e : r.expiring) {
    j["expiring"].push_back({{"agreement_id", e.agreement.id},
                             {"number", e.agreement.number},
                             {"org", e.org_name},
                             {"title", e.agreement.title},
                             {"valid_to", time::format_date(*e.agreement.valid_to)},
                             {"days_left", e.days_left}});
  }
  return j;
}

namespace {
// A badge's number as people read it: «№ 3» (the cell, and CSV and --quiet, keep 3).
std::string numbered(std::string_view n) { return n.empty() ? std::string() : "№\u00A0" + std::string(n); }
}  // namespace

Table patrons_table(const std::vector<PatronRow>& rows) {
  Table t;
  t.columns = {{"rank", N_("RANK"), true},   {"org_id", N_("ORG"), true},    {"name", N_("ORGANIZATION"), false, 50},
               {"inn", N_("INN")},           {"value", N_("FULFILLED"), true}, {"count", N_("COUNT"), true},
               {"titles", N_("TITLES"), false, 40}, {"badge", N_("BADGE"), false, 60, numbered}};
  t.id_column = 1;  // the organization
  for (const auto& r : rows) {
    std::string titles;
    for (const auto& s : r.titles) {
      titles += (titles.empty() ? "" : "; ") + s;
    }
    t.add({r.rank ? std::to_string(r.rank) : "", std::to_string(r.org_id), r.name, r.inn,
           money::format_roubles(r.value), std::to_string(r.count), titles,
           r.badge ? std::to_string(*r.badge) : ""},
          r.titles.empty() ? Tone::plain : Tone::good);
  }
  return t;
}

nlohmann::ordered_json patrons_json(const std::vector<PatronRow>& rows, int year) {
  nlohmann::ordered_json j;
  j["year"] = year;
  j["patrons"] = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    j["patrons"].push_back({{"rank", r.rank ? nlohmann::ordered_json(r.rank) : nlohmann::ordered_json(nullptr)},
                            {"org_id", r.org_id},
                            {"name", r.name},
                            {"inn", r.inn},
                            {"fulfilled", money::format_plain(r.value)},
                            {"count", r.count},
                            {"titles", r.titles},
                            {"badge", r.badge ? nlohmann::ordered_json(*r.badge) : nlohmann::ordered_json(nullptr)}});
  }
  return j;
}

Table awards_table(const std::vector<Award>& as, const std::map<std::int64_t, std::string>& names) {
  Table t;
  t.columns = {{"id", N_("ID"), true}, {"year", N_("YEAR")}, {"title", N_("TITLE")}, {"org_id", N_("ORG"), true},
               {"org", N_("ORGANIZATION"), false, 50}, {"decided_on", N_("DECIDED")}};
  for (const auto& a : as) {
    t.add({std::to_string(a.id), std::to_string(a.year), a.title, std::to_string(a.org_id), name_of(names, a.org_id),
           day(a.decided_on)});
  }
  return t;
}

Table badges_table(const std::vector<Badge>& bs, const std::map<std::int64_t, std::string>& names) {
  Table t;
  t.columns = {{"year", N_("YEAR")}, {"number", N_("NUMBER"), true, 60, numbered}, {"org_id", N_("ORG"), true},
               {"org", N_("ORGANIZATION"), false, 50}, {"issued_on", N_("ISSUED")}};
  t.id_column = 1;  // the badge's number
  for (const auto& b : bs) {
    t.add({std::to_string(b.year), std::to_string(b.number), std::to_string(b.org_id), name_of(names, b.org_id),
           time::format_date(b.issued_on)});
  }
  return t;
}

namespace {

void field(std::string& out, std::string_view name, const std::string& value) {
  if (!value.empty()) {
    out += "  " + text::label(tr(std::string(name)), i18n::language() == "ru" ? 17 : 13) + value + "\n";  // names are marked N_()
  }
}

std::string indent(const std::string& table) {
  std::string out;
  std::size_t pos = 0;
  while (pos < table.size()) {
    const auto e = table.find('\n', pos);
    out += "  " + table.substr(pos, e - pos) + "\n";
    pos = e == std::string::npos ? table.size() : e + 1;
  }
  return out;
}

}  // namespace

std::string org_card(const Organization& o, const std::vector<Agreement>& agreements, time::Date today) {
  std::string out = card_heading(o.id, o.name) + "\n";
  field(out, N_("kind"), std::string(word(o.kind)));
  field(out, "INN", o.inn);
  field(out, o.ogrn.size() == 15 ? "OGRNIP" : "OGRN", o.ogrn);
  field(out, N_("contact"), o.contact);
  field(out, N_("phone"), o.phone);
  field(out, N_("email"), o.email);
  field(out, N_("address"), o.address);
  field(out, N_("uuid"), o.uuid);
  if (!o.notes.empty()) {
    out += "\nNotes\n  " + o.notes + "\n";
  }
  if (!agreements.empty()) {
    out += "\n" + std::string(tr("Agreements")) + "\n" + indent(render::to_text(agreements_table(agreements, {{o.id, o.name}}, today), false));
  }
  return out;
}

std::string agreement_card(const Agreement& a, const Organization& org, time::Date today) {
  std::string out = trf("#{} № {} «{}»\n", a.id, a.number, a.title);
  field(out, N_("organization"), trf("#{} {} (INN {})", org.id, org.name, org.inn.empty() ? "—" : org.inn));
  field(out, N_("status"), std::string(word(effective_status(a, today))));
  field(out, N_("sphere"), say_sphere(a.sphere));
  field(out, N_("signed"), a.signed_on ? russian::format_date(*a.signed_on) : "");
  field(out, N_("valid"), fmt::format("{} – {}", day(a.valid_from), day(a.valid_to)));
  field(out, N_("value"), money::format_roubles(a.value));
  if (a.terminated_on) {
    field(out, N_("terminated"), fmt::format("{}: {}", time::format_date(*a.terminated_on), a.termination_reason));
  }
  if (a.signed_at_event) {
    field(out, N_("signed at"), trf("event #{}", *a.signed_at_event));
  }
  for (const auto& f : a.files) {
    field(out, N_("file"), f);
  }
  field(out, N_("uuid"), a.uuid);
  if (!a.notes.empty()) {
    out += "\nNotes\n  " + a.notes + "\n";
  }
  if (!a.obligations.empty()) {
    int done = 0;
    for (const auto& o : a.obligations) {
      done += o.done_on.has_value();
    }
    out += trf("\nObligations ({} of {} fulfilled)\n", done, a.obligations.size()) +
           indent(render::to_text(obligations_table(a, today), false));
  }
  return out;
}

nlohmann::ordered_json awards_json(const AwardList& l) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& a : l.awards) {
    arr.push_back({{"id", a.id},
                   {"year", a.year},
                   {"title", a.title},
                   {"org_id", a.org_id},
                   {"org", l.org_names.at(a.org_id)},
                   {"decided_on", a.decided_on ? nlohmann::ordered_json(time::format_date(*a.decided_on))
                                               : nlohmann::ordered_json(nullptr)}});
  }
  return arr;
}

nlohmann::ordered_json badges_json(const BadgeList& l) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& b : l.badges) {
    arr.push_back({{"year", b.year},
                   {"number", b.number},
                   {"org_id", b.org_id},
                   {"org", l.org_names.at(b.org_id)},
                   {"issued_on", time::format_date(b.issued_on)}});
  }
  return arr;
}

nlohmann::ordered_json org_card_json(const OrgCard& card, time::Date today) {
  auto j = to_json(card.org);
  j["agreements"] = nlohmann::ordered_json::array();
  for (const auto& a : card.agreements) {
    j["agreements"].push_back(to_json(a, &card.org, today));
  }
  return j;
}

}  // namespace omskplan::agreement
