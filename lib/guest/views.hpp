// Guests, guest lists, seating plans and delegations as tables, cards, JSON,
// and the printable HTML of a seating plan and of place cards.
#pragma once

#include "guest/service.hpp"
#include "render/ics.hpp"
#include "render/table.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace omskplan::guest {

render::Table guests_table(const std::vector<Guest>& guests, const Precedence& p);
nlohmann::ordered_json guest_json(const Guest& g, const Precedence& p);
nlohmann::ordered_json guests_json(const std::vector<Guest>& guests, const Precedence& p);
std::string guest_card(const GuestCard& c, const Precedence& p, const time::TimeZone& zone);

// The order of precedence: place, id, name; the host's rank marked.
render::Table ranks_table(const Precedence& p);

// An event's guest list for reading (terminal, Markdown).
render::Table guest_list_table(const GuestList& gl);
// The same with every column a mail merge of badges and place cards needs
// (the short name «Петров П. П.», the initials first «П. П. Петров»): CSV.
render::Table badges_table(const GuestList& gl, const Precedence& p);
nlohmann::ordered_json guest_list_json(const GuestList& gl, const Precedence& p);
// «invited: 2, confirmed: 5, declined: 1» — the statuses with guests.
std::string status_counts(const GuestList& gl);
// The template's participants and who on the list they are («Мэр города Омска: #3 Шелест С. Н.»).
std::string participants_lines(const GuestList& gl);

// Place cards to print on A4 and fold: the name on both faces, the position below.
std::string place_cards_html(const GuestList& gl);

// A seating plan: the blocks as an SVG (as the hall sees them), then the list of places.
std::string seating_html(const SeatingView& v, const time::TimeZone& zone);
render::Table seating_table(const SeatingView& v);
nlohmann::ordered_json seating_json(const SeatingView& v);
// "presidium" and "hall" said in the interface's language; another block's name as typed.
std::string block_name(const std::string& name);

render::Table delegations_table(const std::vector<DelegationView>& ds, const time::TimeZone& zone);
nlohmann::ordered_json delegation_json(const DelegationView& d, const time::TimeZone& zone);
nlohmann::ordered_json delegations_json(const std::vector<DelegationView>& ds, const time::TimeZone& zone);
std::string delegation_card(const DelegationView& d, const time::TimeZone& zone);

// The speakers' order: «1. П. П. Петров, Глава города Новосибирска».
render::Table speakers_table(const std::vector<ListRow>& rows);

}  // namespace omskplan::guest
