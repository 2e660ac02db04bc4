#include "guest/views.hpp"
#include "core/i18n.hpp"

#include "core/russian.hpp"
#include "core/text.hpp"
#include "core/words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace omskplan::guest {

namespace {

std::string rank_name(const Precedence& p, const std::string& rank) {
  const Rank* r = p.find(rank);
  return r ? r->name : rank;
}

std::string where_from(const Guest& g) {
  if (g.country.empty()) {
    return g.city;
  }
  return g.city.empty() ? g.country : g.city + ", " + g.country;
}

std::string at_local(time::Instant t, const time::TimeZone& zone) {
  const auto l = zone.to_local(t);
  return time::format_local(l);
}

// A fixed-width card line: "  label   value".
struct CardLines {
  std::string out;
  std::size_t width;
  void field(const Word& name, const std::string& value) {
    if (!value.empty()) {
      out += "  " + text::label(*name.msgid ? std::string(say(name)) : std::string(), width) + value + "\n";
    }
  }
};

std::size_t card_width() { return i18n::language() == "ru" ? 18 : 14; }

}  // namespace

render::Table guests_table(const std::vector<Guest>& guests, const Precedence& p) {
  render::Table t;
  t.columns = {{"id", N_("ID"), true},
               {"name", N_("FULL NAME"), false, 40},
               {"position", N_("POSITION"), false, 50},
               {"org", N_("ORGANIZATION"), false, 40},
               {"city", N_("COMES FROM"), false, 30},
               {"rank", N_("PROTOCOL RANK"), false, 40}};
  for (const auto& g : guests) {
    t.add({std::to_string(g.id), g.name, g.position, g.org, where_from(g), rank_name(p, g.rank)});
  }
  return t;
}

nlohmann::ordered_json guest_json(const Guest& g, const Precedence& p) {
  nlohmann::ordered_json j;
  j["id"] = g.id;
  j["uuid"] = g.uuid;
  j["name"] = g.name;
  j["position"] = g.position;
  j["org"] = g.org;
  j["city"] = g.city;
  j["country"] = g.country;
  j["rank"] = g.rank;
  j["rank_name"] = rank_name(p, g.rank);
  j["phone"] = g.phone;
  j["email"] = g.email;
  j["notes"] = g.notes;
  j["consent"] = g.consent ? nlohmann::ordered_json(time::format_date(*g.consent)) : nullptr;
  return j;
}

nlohmann::ordered_json guests_json(const std::vector<Guest>& guests, const Precedence& p) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& g : guests) {
    arr.push_back(guest_json(g, p));
  }
  return arr;
}

std::string guest_card(const GuestCard& c, const Precedence& p, const time::TimeZone& zone) {
  const Guest& g = c.guest;
  CardLines l{card_heading(g.id, g.name) + "\n", card_width()};
  l.field(NC_("guest card", "position"), g.position);
  l.field(NC_("guest card", "organization"), g.org);
  l.field(NC_("guest card", "from"), where_from(g));
  l.field(NC_("guest card", "rank"), rank_name(p, g.rank) + (is_host(p, g) ? std::string(" ") + tr("(the host)") : ""));
  l.field(NC_("guest card", "phone"), g.phone);
  l.field(NC_("guest card", "e-mail"), g.email);
  l.field(NC_("guest card", "consent"), g.consent ? russian::say_date(*g.consent) : tr("not recorded"));
  l.field(NC_("guest card", "notes"), g.notes);
  if (!c.invitations.empty()) {
    l.out += std::string("\n") + tr("Invited to:") + "\n";
    for (const auto& [inv, e] : c.invitations) {
      l.out += fmt::format("  {} {}  {}  {}{}\n", record_ref(e.id), at_local(e.start, zone), e.title, word(inv.status),
                           inv.group.empty() ? "" : " (" + inv.group + ")");
    }
  }
  if (!c.delegations.empty()) {
    l.out += std::string("\n") + tr("Delegations:") + "\n";
    for (const auto& d : c.delegations) {
      l.out += fmt::format("  {} {}{}\n", record_ref(d.id), d.from, d.head == g.id ? std::string(" — ") + tr("head") : "");
    }
  }
  return l.out;
}

render::Table ranks_table(const Precedence& p) {
  render::Table t;
  t.columns = {{"place", N_("NO."), true}, {"id", N_("CODE"), false, 40}, {"name", N_("NAME"), false, 70}};
  t.id_column = 1;
  for (std::size_t i = 0; i < p.ranks.size(); ++i) {
    const auto& r = p.ranks[i];
    t.add({std::to_string(i + 1), r.id, r.name + (r.id == p.host ? std::string(" ") + tr("(the host)") : "")});
  }
  return t;
}

render::Table guest_list_table(const GuestList& gl) {
  render::Table t;
  t.columns = {{"no", N_("NO."), true},
               {"id", N_("ID"), true},
               {"name", N_("FULL NAME"), false, 36},
               {"position", N_("POSITION"), false, 46},
               {"group", N_("GROUP"), false, 30},
               {"status", N_("STATUS"), false, 20, say_status},
               {"speaks", N_("SPEAKS")}};
  t.id_column = 1;
  for (const auto& r : gl.rows) {
    const auto tone = r.invitation.status == Status::declined || r.invitation.status == Status::absent ? render::Tone::dim
                      : r.invitation.status == Status::invited                                      ? render::Tone::warn
                                                                                                     : render::Tone::plain;
    t.add({std::to_string(r.no), std::to_string(r.guest.id), r.guest.name + (r.host ? " *" : ""), r.guest.position,
           r.invitation.group, std::string(to_string(r.invitation.status)), r.invitation.speaks ? tr("yes") : ""},
          tone);
  }
  return t;
}

render::Table badges_table(const GuestList& gl, const Precedence& p) {
  render::Table t;
  t.columns = {{"no", "no", true},         {"id", "id", true},
               {"name", "name"},           {"short_name", "short_name"},
               {"initials_first", "initials_first"}, {"position", "position"},
               {"org", "org"},             {"city", "city"},
               {"country", "country"},     {"rank", "rank"},
               {"rank_name", "rank_name"}, {"group", "group"},
               {"status", "status"},       {"speaks", "speaks"},
               {"note", "note"}};
  t.id_column = 1;
  for (const auto& r : gl.rows) {
    const Guest& g = r.guest;
    t.add({std::to_string(r.no), std::to_string(g.id), g.name, short_name(g.name), initials_first(g.name), g.position,
           g.org, g.city, g.country, g.rank, rank_name(p, g.rank), r.invitation.group,
           std::string(to_string(r.invitation.status)), r.invitation.speaks ? "yes" : "", r.invitation.note});
  }
  return t;
}

nlohmann::ordered_json guest_list_json(const GuestList& gl, const Precedence& p) {
  nlohmann::ordered_json j;
  j["event"] = {{"id", gl.event.id}, {"title", gl.event.title}};
  nlohmann::ordered_json counts;
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    counts[std::string(kStatusNames[i])] = gl.counts[i];
  }
  j["counts"] = counts;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& r : gl.rows) {
    nlohmann::ordered_json x;
    x["no"] = r.no;
    x["guest"] = guest_json(r.guest, p);
    x["host"] = r.host;
    x["group"] = r.invitation.group;
    x["status"] = std::string(to_string(r.invitation.status));
    x["invited_on"] = time::format_date(r.invitation.invited_on);
    x["status_on"] = time::format_date(r.invitation.status_on);
    x["speaks"] = r.invitation.speaks;
    x["note"] = r.invitation.note;
    x["delegations"] = r.delegations;
    rows.push_back(x);
  }
  j["guests"] = rows;
  auto parts = nlohmann::ordered_json::array();
  for (const auto& [part, who] : gl.participants) {
    parts.push_back({{"who", part.who}, {"role", part.role}, {"guest", who ? nlohmann::ordered_json(*who) : nullptr}});
  }
  j["participants"] = parts;
  return j;
}

std::string status_counts(const GuestList& gl) {
  std::string out;
  int all = 0;
  for (std::size_t i = 0; i < gl.counts.size(); ++i) {
    all += gl.counts[i];
    if (gl.counts[i] > 0) {
      out += (out.empty() ? "" : ", ") + fmt::format("{}: {}", say(kStatusWords[i]), gl.counts[i]);
    }
  }
  if (all == 0) {
    return tr("no guests invited");
  }
  return trnf("{} guest: {}", "{} guests: {}", all, all, out);
}

std::string participants_lines(const GuestList& gl) {
  std::string out;
  for (const auto& [part, who] : gl.participants) {
    std::string whom = tr("not on the guest list");
    if (who) {
      for (const auto& r : gl.rows) {
        if (r.guest.id == *who) {
          whom = fmt::format("{} {}", record_ref(r.guest.id), short_name(r.guest.name));
        }
      }
      if (whom == tr("not on the guest list")) {
        whom = record_ref(*who);
      }
    }
    out += fmt::format("  {}: {}\n", part.who, whom);
  }
  return out;
}

namespace {

std::string html_head(const std::string& title, bool landscape, const std::string& style) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(i18n::language() == "ru" ? "ru" : "en") +
         "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + text::escape_html(title) + "</title>\n<style>\n@page { size: A4" +
         (landscape ? " landscape" : "") + "; margin: 8mm; }\n" +
         "body { font-family: \"Times New Roman\", \"Liberation Serif\", serif; color: #000; margin: 0; }\n" +
         "* { box-sizing: border-box; }\n" + style + "</style>\n</head>\n<body>\n";
}

std::string event_line(const event::Event& e, const time::TimeZone& zone) {
  const auto l = zone.to_local(e.start);
  std::string out = russian::say_date(time::local_date(l)) + ", " + time::format_clock(l);
  if (!e.venue.empty()) {
    out += ", " + e.venue;
  }
  return out;
}

}  // namespace

std::string place_cards_html(const GuestList& gl) {
  std::string out = html_head(trf("Place cards: {}", gl.event.title), false,
                              "div.card { width: 190mm; height: 90mm; border: 0.3mm dashed #999; margin: 0 auto 1.5mm; "
                              "page-break-inside: avoid; display: flex; flex-direction: column; }\n"
                              "div.face { flex: 1; display: flex; flex-direction: column; justify-content: center; "
                              "align-items: center; text-align: center; padding: 4mm 8mm; }\n"
                              "div.face.top { transform: rotate(180deg); border-bottom: 0.3mm dotted #ccc; }\n"
                              "p.name { font-size: 30pt; font-weight: bold; margin: 0; }\n"
                              "p.position { font-size: 13pt; margin: 2mm 0 0; }\n"

);
  for (const auto& r : gl.rows) {
    if (r.invitation.status == Status::declined || r.invitation.status == Status::absent) {
      continue;
    }
    const std::string face = "<p class=\"name\">" + text::escape_html(short_name(r.guest.name)) +
                             "</p>\n<p class=\"position\">" + text::escape_html(r.guest.position) + "</p>\n";
    out += "<div class=\"card\">\n<div class=\"face top\">\n" + face + "</div>\n<div class=\"face\">\n" + face +
           "</div>\n</div>\n";
  }
  return out + "</body>\n</html>\n";
}

std::string block_name(const std::string& name) {
  const std::string k = text::fold(name);
  if (k == "presidium") {
    return tr("presidium");
  }
  if (k == "hall") {
    return tr("hall");
  }
  return name;
}

namespace {

// The seat's caption: the surname, then the initials.
std::pair<std::string, std::string> seat_caption(const Guest& g) {
  const std::string s = short_name(g.name);
  const auto sp = s.find(' ');
  if (sp == std::string::npos) {
    return {s, ""};
  }
  return {s.substr(0, sp), s.substr(sp + 1)};
}

std::string place_text(const SeatingView& v, const Seat& s) {
  const Block& b = v.plan.layout[s.block];
  if (b.rows == 1) {
    return trf("{}, seat {}", block_name(b.name), s.seat);
  }
  return trf("{}, row {}, seat {}", block_name(b.name), s.row, s.seat);
}

}  // namespace

std::string seating_html(const SeatingView& v, const time::TimeZone& zone) {
  constexpr int kW = 96, kH = 46, kGap = 6, kBlockGap = 36, kTop = 24;
  int widest = 0;
  for (const auto& b : v.plan.layout) {
    widest = std::max(widest, b.seats * (kW + kGap));
  }
  const int width = widest + 2 * kGap;
  std::string svg;
  int y = kTop;
  std::size_t seat_index = 0;
  for (std::size_t bi = 0; bi < v.plan.layout.size(); ++bi) {
    const Block& b = v.plan.layout[bi];
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>\n",
                       width / 2, y - 8, text::escape_html(block_name(b.name)));
    const int left = (width - b.seats * (kW + kGap)) / 2 + kGap / 2;
    for (int r = 1; r <= b.rows; ++r) {
      if (b.rows > 1) {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>\n", left - 4,
                           y + kH / 2 + 4, r);
      }
      for (int k = 0; k < b.seats; ++k, ++seat_index) {
        const Seat& s = v.plan.seats[seat_index];
        const int x = left + k * (kW + kGap);
        const bool taken = s.who.has_value();
        const bool host = taken && v.list.rows[*s.who].host;
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\" stroke=\"#000\" stroke-width=\"{}\"/>\n", x, y,
            kW, kH, host ? "#dde8f5" : taken ? "#fff" : "#f2f2f2", host ? 2 : 1);
        if (taken) {
          const ListRow& row = v.list.rows[*s.who];
          const auto [surname, initials] = seat_caption(row.guest);
          svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#555\">{}</text>\n", x + 4, y + 11, row.no);
          svg += fmt::format(
              "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" textLength=\"{}\" "
              "lengthAdjust=\"spacingAndGlyphs\">{}</text>\n",
              x + kW / 2, y + 26, std::min<std::size_t>(kW - 8, text::display_width(surname) * 7),
              text::escape_html(surname));
          svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n", x + kW / 2,
                             y + 40, text::escape_html(initials));
        } else {
          svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#999\" text-anchor=\"middle\">{}</text>\n",
                             x + kW / 2, y + 27, s.seat);
        }
      }
      y += kH + kGap;
    }
    y += kBlockGap;
  }
  const int height = y;
  std::string out = html_head(trf("Seating plan: {}", v.list.event.title), true,
                              "h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }\n"
                              "p.sub { text-align: center; margin: 0 0 4mm; font-size: 11pt; }\n"
                              "svg { width: 100%; height: auto; display: block; }\n"
                              "p.note { font-size: 9pt; text-align: center; color: #444; }\n"
                              "table { border-collapse: collapse; width: 100%; font-size: 10pt; margin-top: 6mm; }\n"
                              "th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }\n"
                              "tr { page-break-inside: avoid; }\n"
                              "section.list { page-break-before: always; }\n");
  out += "<h1>" + text::escape_html(trf("Seating plan: {}", v.list.event.title)) + "</h1>\n";
  out += "<p class=\"sub\">" + text::escape_html(event_line(v.list.event, zone)) + "</p>\n";
  out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\">\n", width, height);
  out += svg + "</svg>\n";
  out += "<p class=\"note\">" +
         text::escape_html(tr("As the hall sees it: seats are numbered from the left; the host (in blue) is in the "
                              "centre, the guest of honour to the host's right — the hall's left.")) +
         "</p>\n";
  out += "<section class=\"list\">\n<table>\n<thead><tr><th>" + text::escape_html(tr("No.")) + "</th><th>" +
         text::escape_html(tr("Full name")) + "</th><th>" + text::escape_html(tr("Position")) + "</th><th>" +
         text::escape_html(tr("Place")) + "</th></tr></thead>\n<tbody>\n";
  std::vector<const Seat*> by_guest(v.list.rows.size(), nullptr);
  for (const auto& s : v.plan.seats) {
    if (s.who) {
      by_guest[*s.who] = &s;
    }
  }
  for (std::size_t i = 0; i < v.list.rows.size(); ++i) {
    const auto& r = v.list.rows[i];
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", r.no, text::escape_html(r.guest.name),
                       text::escape_html(r.guest.position),
                       text::escape_html(by_guest[i] ? place_text(v, *by_guest[i]) : tr("no seat")));
  }
  out += "</tbody>\n</table>\n</section>\n</body>\n</html>\n";
  return out;
}

render::Table seating_table(const SeatingView& v) {
  render::Table t;
  t.columns = {{"no", N_("NO."), true},
               {"id", N_("ID"), true},
               {"name", N_("FULL NAME"), false, 36},
               {"block", N_("BLOCK"), false, 20},
               {"row", N_("ROW"), true},
               {"seat", N_("SEAT"), true}};
  t.id_column = 1;
  std::vector<const Seat*> by_guest(v.list.rows.size(), nullptr);
  for (const auto& s : v.plan.seats) {
    if (s.who) {
      by_guest[*s.who] = &s;
    }
  }
  for (std::size_t i = 0; i < v.list.rows.size(); ++i) {
    const auto& r = v.list.rows[i];
    const Seat* s = by_guest[i];
    t.add({std::to_string(r.no), std::to_string(r.guest.id), r.guest.name + (r.host ? " *" : ""),
           s ? block_name(v.plan.layout[s->block].name) : tr("no seat"), s ? std::to_string(s->row) : "",
           s ? std::to_string(s->seat) : ""},
          s ? render::Tone::plain : render::Tone::bad);
  }
  return t;
}

nlohmann::ordered_json seating_json(const SeatingView& v) {
  nlohmann::ordered_json j;
  j["event"] = {{"id", v.list.event.id}, {"title", v.list.event.title}};
  auto blocks = nlohmann::ordered_json::array();
  for (const auto& b : v.plan.layout) {
    blocks.push_back({{"name", b.name}, {"rows", b.rows}, {"seats", b.seats}});
  }
  j["layout"] = blocks;
  auto seats = nlohmann::ordered_json::array();
  for (const auto& s : v.plan.seats) {
    if (s.who) {
      const auto& r = v.list.rows[*s.who];
      seats.push_back({{"block", v.plan.layout[s.block].name},
                       {"row", s.row},
                       {"seat", s.seat},
                       {"no", r.no},
                       {"guest", r.guest.id},
                       {"name", r.guest.name},
                       {"host", r.host}});
    }
  }
  j["seats"] = seats;
  auto unseated = nlohmann::ordered_json::array();
  for (auto i : v.plan.unseated) {
    unseated.push_back(v.list.rows[i].guest.id);
  }
  j["unseated"] = unseated;
  return j;
}

render::Table delegations_table(const std::vector<DelegationView>& ds, const time::TimeZone& zone) {
  render::Table t;
  t.columns = {{"id", N_("ID"), true},
               {"from", N_("COMES FROM"), false, 36},
               {"head", N_("HEAD"), false, 30},
               {"people", N_("PEOPLE"), true},
               {"arrive", N_("ARRIVE"), false, 40},
               {"depart", N_("DEPART"), false, 40},
               {"hotel", N_("HOTEL"), false, 30},
               {"escort", N_("ESCORT"), false, 30}};
  for (const auto& v : ds) {
    const auto& d = v.delegation;
    auto when = [&](const std::optional<time::Instant>& t_, const std::string& by) {
      std::string s = t_ ? at_local(*t_, zone) : "";
      return by.empty() ? s : s.empty() ? by : s + ", " + by;
    };
    t.add({std::to_string(d.id), d.from, v.head ? short_name(v.head->name) : "",
           std::to_string(v.members.size() + (v.head ? 1 : 0)), when(d.arrive, d.arrive_by), when(d.depart, d.depart_by),
           d.hotel, d.escort},
          v.conflicts.empty() ? render::Tone::plain : render::Tone::warn);
  }
  return t;
}

nlohmann::ordered_json delegation_json(const DelegationView& v, const time::TimeZone& zone) {
  const auto& d = v.delegation;
  auto inst = [&](const std::optional<time::Instant>& t_) {
    return t_ ? nlohmann::ordered_json(time::format_local(zone.to_local(*t_))) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["uuid"] = d.uuid;
  j["from"] = d.from;
  j["head"] = d.head ? nlohmann::ordered_json(*d.head) : nullptr;
  j["head_name"] = v.head ? v.head->name : "";
  j["members"] = d.members;
  auto names = nlohmann::ordered_json::array();
  for (const auto& m : v.members) {
    names.push_back(m.name);
  }
  j["member_names"] = names;
  j["arrive"] = inst(d.arrive);
  j["arrive_by"] = d.arrive_by;
  j["depart"] = inst(d.depart);
  j["depart_by"] = d.depart_by;
  j["hotel"] = d.hotel;
  j["escort"] = d.escort;
  j["notes"] = d.notes;
  j["events"] = d.events;
  j["conflicts"] = v.conflicts;
  return j;
}

nlohmann::ordered_json delegations_json(const std::vector<DelegationView>& ds, const time::TimeZone& zone) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& v : ds) {
    arr.push_back(delegation_json(v, zone));
  }
  return arr;
}

std::string delegation_card(const DelegationView& v, const time::TimeZone& zone) {
  const auto& d = v.delegation;
  CardLines l{card_heading(d.id, trf("Delegation: {}", d.from)) + "\n", card_width()};
  if (v.head) {
    l.field(NC_("guest card", "head"), fmt::format("{} {}{}", record_ref(v.head->id), v.head->name,
                                    v.head->position.empty() ? "" : ", " + v.head->position));
  }
  for (std::size_t i = 0; i < v.members.size(); ++i) {
    const auto& m = v.members[i];
    l.field(i == 0 ? NC_("guest card", "members") : Word{"", ""},
            fmt::format("{} {}{}", record_ref(m.id), m.name, m.position.empty() ? "" : ", " + m.position));
  }
  auto when = [&](const std::optional<time::Instant>& t_, const std::string& by) {
    std::string s = t_ ? at_local(*t_, zone) : "";
    return by.empty() ? s : s.empty() ? by : s + ", " + by;
  };
  l.field(NC_("guest card", "arrives"), when(d.arrive, d.arrive_by));
  l.field(NC_("guest card", "leaves"), when(d.depart, d.depart_by));
  l.field(NC_("guest card", "hotel"), d.hotel);
  l.field(NC_("guest card", "escort"), d.escort);
  l.field(NC_("guest card", "notes"), d.notes);
  if (!v.programme.empty()) {
    l.out += std::string("\n") + tr("Programme:") + "\n";
    for (const auto& e : v.programme) {
      l.out += fmt::format("  {} {}–{}  {}{}\n", record_ref(e.id), at_local(e.start, zone), time::format_clock(zone.to_local(e.end)),
                           e.title, e.venue.empty() ? "" : " (" + e.venue + ")");
    }
  }
  if (!v.conflicts.empty()) {
    l.out += std::string("\n") + tr("Timing:") + "\n";
    for (const auto& c : v.conflicts) {
      l.out += "  ! " + c + "\n";
    }
  }
  return l.out;
}

render::Table speakers_table(const std::vector<ListRow>& rows) {
  render::Table t;
  t.columns = {{"order", N_("ORDER"), true},
               {"id", N_("ID"), true},
               {"speaker", N_("SPEAKER"), false, 40},
               {"position", N_("POSITION"), false, 60}};
  t.id_column = 1;
  int i = 0;
  for (const auto& r : rows) {
    t.add({std::to_string(++i), std::to_string(r.guest.id), initials_first(r.guest.name), r.guest.position});
  }
  return t;
}

}  // namespace omskplan::guest
