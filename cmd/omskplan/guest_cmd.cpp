// omskplan guest …, omskplan delegation …, omskplan event guests|seating …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "event/views.hpp"
#include "guest/service.hpp"
#include "guest/views.hpp"
#include "render/ics.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace omskplan::cli {

namespace {

// The services of one command: the event planner's, the order of precedence in effect.
struct Protocol {
  event::Services events;
  guest::Precedence precedence;
  guest::Services s{events, precedence};
  Protocol(Runtime& rt, store::OpenMode mode)
      : events(event_services(rt, mode)), precedence(guest::load_precedence(rt.paths().user_dir + "/precedence.toml")) {}
  Protocol(const Protocol&) = delete;
};

void print_guest_written(Runtime& rt, const guest::Guest& g, const char* what) {
  rt.print(rt.quiet() ? fmt::format("{}\n", g.id) : trf(what, g.id, g.name));
}

void guest_fields(CLI::App* c, guest::GuestInput& in) {
  c->add_option("--position", in.position, "the position, e.g. Глава города Новосибирска");
  c->add_option("--org", in.org, "the organization, e.g. Мэрия города Новосибирска");
  c->add_option("--city", in.city, "the city the guest comes from");
  c->add_option("--country", in.country, "the country, when not Russia");
  c->add_option("--rank", in.rank, "the rank in the order of precedence ('omskplan guest ranks')");
  c->add_option("--phone", in.phone, "a phone number for the invitation");
  c->add_option("--email", in.email, "an e-mail address for the invitation");
  c->add_option("--notes", in.notes, "notes");
  c->add_option("--consent", in.consent, "the day the guest consented to the processing of personal data");
}

void print_conflicts(Runtime& rt, const std::vector<std::string>& conflicts) {
  for (const auto& c : conflicts) {
    rt.warn(c);
  }
}

std::vector<guest::Status> statuses_of(const std::vector<std::string>& typed) {
  std::vector<guest::Status> out;
  for (const auto& t : typed) {
    for (const auto& part : text::split(t, ',')) {
      if (!text::trim(part).empty()) {
        out.push_back(guest::parse_status(text::trim(part)));
      }
    }
  }
  return out;
}

// `event guests ID …`: the id is given.
void need_event(std::int64_t id) {
  if (id <= 0) {
    throw InputError(tr("give the event's id: omskplan event guests ID …"));
  }
}

}  // namespace

void setup_guest(CLI::App& app, Runner& r) {
  auto* gc = app.add_subcommand("guest", "Protocol: the people invited to events and the order of precedence");
  gc->require_subcommand(1);
  {
    auto in = std::make_shared<guest::GuestInput>();
    auto* c = gc->add_subcommand("add", "Register a guest (the same full name in the same organization is refused)");
    c->add_option("--name", in->name, "the full name (ФИО), e.g. Петров Пётр Петрович")->required();
    guest_fields(c, *in);
    c->callback([&r, in] {
      Runtime& rt = r.rt();
      Protocol p(rt, store::OpenMode::create);
      print_guest_written(rt, guest::add(p.s, *in), N_("registered guest {}: {}\n"));
    });
  }
  {
    auto search = std::make_shared<std::string>();
    auto rank = std::make_shared<std::string>();
    auto limit = std::make_shared<std::optional<long>>();
    auto* c = gc->add_subcommand("list", "List the guests by name, or those the words find");
    c->add_option("--search,-s", *search, "words of the name, position, organization or city (case and ё aside)");
    c->add_option("--rank", *rank, "only this rank");
    c->add_option("--limit", *limit, "at most this many");
    c->callback([&r, search, rank, limit] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      Protocol p(rt, store::OpenMode::existing);
      const auto all = guest::list(p.s, *search, *rank, *limit);
      rt.print_records(f, [&] { return guest::guests_json(all, p.precedence); },
                       [&] { return guest::guests_table(all, p.precedence); });
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = gc->add_subcommand("show", "Show a guest: the record, the invitations, the delegations");
    c->add_option("guest", *ref, "#ID or words of the name")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      Protocol p(rt, store::OpenMode::existing);
      const auto card = guest::card(p.s, *ref);
      if (f == Format::json) {
        auto j = guest::guest_json(card.guest, p.precedence);
        auto inv = nlohmann::ordered_json::array();
        for (const auto& [i, e] : card.invitations) {
          inv.push_back({{"event", e.id}, {"title", e.title}, {"group", i.group}, {"status", guest::to_string(i.status)}});
        }
        j["invitations"] = inv;
        auto ds = nlohmann::ordered_json::array();
        for (const auto& d : card.delegations) {
          ds.push_back(d.id);
        }
        j["delegations"] = ds;
        rt.print(j.dump(2) + "\n");
      } else {
        rt.print(guest::guest_card(card, p.precedence, rt.zone()));
      }
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto ch = std::make_shared<guest::GuestChanges>();
    auto* c = gc->add_subcommand("edit", "Change a guest's record");
    c->add_option("guest", *ref, "#ID or words of the name")->required();
    c->add_option("--name", ch->name, "the full name");
    c->add_option("--position", ch->position, "the position");
    c->add_option("--org", ch->org, "the organization");
    c->add_option("--city", ch->city, "the city");
    c->add_option("--country", ch->country, "the country");
    c->add_option("--rank", ch->rank, "the rank in the order of precedence");
    c->add_option("--phone", ch->phone, "the phone");
    c->add_option("--email", ch->email, "the e-mail");
    c->add_option("--notes", ch->notes, "notes");
    c->add_option("--consent", ch->consent, "the day consent was given ('none': not recorded)");
    c->callback([&r, ref, ch] {
      Runtime& rt = r.rt();
      Protocol p(rt, store::OpenMode::existing);
      print_guest_written(rt, guest::edit(p.s, *ref, *ch), N_("guest {}: {}\n"));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto yes = std::make_shared<bool>(false);
    auto* c = gc->add_subcommand(
        "forget", "Erase a person (152-ФЗ): the record, the places on guest lists and in delegations; not undoable");
    c->add_option("guest", *ref, "#ID or words of the name")->required();
    c->add_flag("--yes", *yes, "yes, erase them for good");
    c->callback([&r, ref, yes] {
      Runtime& rt = r.rt();
      if (!*yes) {
        throw InputError(tr("guest forget erases the person for good and cannot be undone: add --yes"));
      }
      Protocol p(rt, store::OpenMode::existing);
      const auto res = guest::forget(p.s, *ref);
      if (rt.quiet()) {
        rt.print(fmt::format("{}\n", res.guest.id));
        return;
      }
      rt.print(trf("erased guest {}: {} invitations, {} delegations; history keeps only the id\n", res.guest.id,
                   res.invitations, res.delegations));
      if (!res.commands.empty()) {
        rt.info(trnf("{} command that wrote the record can no longer be undone", "{} commands that wrote the record can no longer be undone",
                     static_cast<long>(res.commands.size()), res.commands.size()));
      }
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto* c = gc->add_subcommand("import", "Import guests from CSV or JSON; the same name and organization update the record");
    c->add_option("file", *file, "a .csv or .json file, or - for standard input (CSV unless --format json)")->required();
    c->callback([&r, file] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::csv, Format::json});
      const bool json = f == Format::json || (f == Format::table && text::fold(*file).ends_with(".json"));
      const std::string content = read_input(*file);
      Protocol p(rt, store::OpenMode::create);
      const auto res = guest::import_guests(p.s, content, *file == "-" ? "stdin" : *file, json);
      rt.print(trf("guests: {} created, {} updated, {} unchanged\n", res.created, res.updated, res.unchanged));
    });
  }
  {
    auto toml = std::make_shared<bool>(false);
    auto* c = gc->add_subcommand("ranks", "The order of precedence in effect, from the highest rank");
    c->add_flag("--toml", *toml, "print the table as TOML, to copy into precedence.toml and edit");
    c->callback([&r, toml] {
      Runtime& rt = r.rt();
      const auto prec = guest::load_precedence(rt.paths().user_dir + "/precedence.toml");
      if (*toml) {
        rt.print(prec.text);
        return;
      }
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      rt.print_records(
          f,
          [&] {
            nlohmann::ordered_json j;
            j["origin"] = prec.origin;
            j["tie"] = prec.tie == guest::Tie::name ? "name" : "invited";
            j["host"] = prec.host;
            auto ranks = nlohmann::ordered_json::array();
            for (const auto& k : prec.ranks) {
              ranks.push_back({{"id", k.id}, {"name", k.name}});
            }
            j["ranks"] = ranks;
            return j;
          },
          [&] { return guest::ranks_table(prec); });
      if (f == Format::table && !rt.quiet()) {
        rt.info(prec.tie == guest::Tie::name ? trf("from {}; guests of one rank alphabetically", prec.origin)
                                             : trf("from {}; guests of one rank by the day of invitation", prec.origin));
      }
    });
  }
}

void setup_delegation(CLI::App& app, Runner& r) {
  auto* dc = app.add_subcommand("delegation", "Delegations from other cities and countries: people, arrival, hotel, programme");
  dc->require_subcommand(1);
  auto timing_options = [](CLI::App* c, auto& in) {
    c->add_option("--arrive", in.arrive, "arrival: '2023-08-04 15:40'");
    c->add_option("--arrive-by", in.arrive_by, "how: поезд №\u00a012, рейс S7 2531");
    c->add_option("--depart", in.depart, "departure: '2023-08-06 10:00'");
    c->add_option("--depart-by", in.depart_by, "how they leave");
    c->add_option("--hotel", in.hotel, "where they stay");
    c->add_option("--escort", in.escort, "who accompanies them");
    c->add_option("--notes", in.notes, "notes");
  };
  {
    auto in = std::make_shared<guest::DelegationInput>();
    auto* c = dc->add_subcommand("add", "Register a delegation; its people are invited to the events of its programme");
    c->add_option("--from", in->from, "where from: г. Новосибирск")->required();
    c->add_option("--head", in->head, "the head (a guest: #ID or words of the name)");
    c->add_option("--member", in->members, "a member (a guest; repeatable)");
    c->add_option("--event", in->events, "an event of the programme (repeatable)");
    timing_options(c, *in);
    c->callback([&r, in] {
      Runtime& rt = r.rt();
      Protocol p(rt, store::OpenMode::create);
      const auto res = guest::add_delegation(p.s, *in);
      rt.print(rt.quiet() ? fmt::format("{}\n", res.delegation.id)
                          : trf("registered delegation {}: {}\n", res.delegation.id, res.delegation.from));
      print_conflicts(rt, res.conflicts);
    });
  }
  {
    auto ev = std::make_shared<std::optional<std::int64_t>>();
    auto* c = dc->add_subcommand("list", "List the delegations by arrival");
    c->add_option("--event", *ev, "only those coming to this event");
    c->callback([&r, ev] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      Protocol p(rt, store::OpenMode::existing);
      const auto all = guest::delegations(p.s, *ev);
      rt.print_records(f, [&] { return guest::delegations_json(all, rt.zone()); },
                       [&] { return guest::delegations_table(all, rt.zone()); });
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = dc->add_subcommand("show", "Show a delegation: people, arrival and departure, programme, timing");
    c->add_option("id", *id, "delegation id")->required();
    c->callback([&r, id] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      Protocol p(rt, store::OpenMode::existing);
      const auto v = guest::delegation(p.s, *id);
      rt.print(f == Format::json ? guest::delegation_json(v, rt.zone()).dump(2) + "\n" : guest::delegation_card(v, rt.zone()));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto ch = std::make_shared<guest::DelegationChanges>();
    auto* c = dc->add_subcommand("edit", "Change a delegation");
    c->add_option("id", *id, "delegation id")->required();
    c->add_option("--from", ch->from, "where from");
    c->add_option("--head", ch->head, "the head ('none': no head)");
    c->add_option("--add-member", ch->add_members, "add a member (repeatable)");
    c->add_option("--remove-member", ch->remove_members, "remove a member (repeatable)");
    c->add_option("--add-event", ch->add_events, "add an event to the programme (repeatable)");
    c->add_option("--remove-event", ch->remove_events, "take an event out of the programme (repeatable)");
    timing_options(c, *ch);
    c->callback([&r, id, ch] {
      Runtime& rt = r.rt();
      Protocol p(rt, store::OpenMode::existing);
      const auto res = guest::edit_delegation(p.s, *id, *ch);
      rt.print(rt.quiet() ? fmt::format("{}\n", res.delegation.id)
                          : trf("delegation {}: {}\n", res.delegation.id, res.delegation.from));
      print_conflicts(rt, res.conflicts);
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = dc->add_subcommand("delete", "Delete a delegation (its people stay on the guest lists)");
    c->add_option("id", *id, "delegation id")->required();
    c->callback([&r, id] {
      Runtime& rt = r.rt();
      Protocol p(rt, store::OpenMode::existing);
      const auto d = guest::remove_delegation(p.s, *id);
      rt.print(rt.quiet() ? fmt::format("{}\n", d.id) : trf("deleted delegation {}: {}\n", d.id, d.from));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto output = std::make_shared<std::string>();
    auto* c = dc->add_subcommand("programme", "The delegation's own programme: its events, in a calendar or a table");
    c->add_option("id", *id, "delegation id")->required();
    c->add_option("-o,--output", *output, "write to FILE");
    c->callback([&r, id, output] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md, Format::ics});
      check_output(*output);
      Protocol p(rt, store::OpenMode::existing);
      const auto v = guest::delegation(p.s, *id);
      std::string out;
      if (f == Format::ics) {
        std::vector<render::IcsEvent> items;
        for (const auto& e : v.programme) {
          auto item = event::to_ics(e, rt.zone());
          if (!v.delegation.escort.empty()) {
            item.description = trf("Escort: {}", v.delegation.escort) + (item.description.empty() ? "" : "\n" + item.description);
          }
          items.push_back(std::move(item));
        }
        out = render::write_calendar(items, rt.zone(), rt.ctx().now, trf("Delegation: {}", v.delegation.from));
      } else if (f == Format::json) {
        auto arr = nlohmann::ordered_json::array();
        for (const auto& e : v.programme) {
          arr.push_back(event::to_json(e, rt.zone()));
        }
        out = arr.dump(2) + "\n";
      } else {
        out = render_table(event::events_table(v.programme, rt.zone()), f, rt.color() && output->empty(), rt.quiet(),
                           rt.csv_dialect());
      }
      emit_text(rt, out, *output);
      print_conflicts(rt, v.conflicts);
    });
  }
}

void setup_event_protocol(CLI::App* ev, Runner& r) {
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto order = std::make_shared<std::string>("precedence");
    auto statuses = std::make_shared<std::vector<std::string>>();
    auto fail = std::make_shared<bool>(false);
    auto output = std::make_shared<std::string>();
    auto* g = ev->add_subcommand(
        "guests", "An event's guest list: invite, set the standing, the order of precedence; badges and place cards");
    // Not required to CLI11, which would then take `invite` for the id: checked by each command.
    g->add_option("id", *id, "event id");
    g->add_option("--order", *order, "precedence (the order of seating and of speaking), name, status or group")
        ->capture_default_str();
    g->add_option("--status", *statuses, "only guests with these standings (invited,confirmed,…)");
    g->add_flag("--fail-if-unconfirmed", *fail, "exit 3 when an invited guest has not answered (for cron)");
    g->add_option("-o,--output", *output, "write to FILE (html: the place cards to print)");
    g->fallthrough();
    g->callback([&r, g, id, order, statuses, fail, output] {
      if (!g->get_subcommands().empty()) {
        return;
      }
      Runtime& rt = r.rt();
        need_event(*id);
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md, Format::html});
      const auto o = guest::parse_order(*order);
      const auto st = statuses_of(*statuses);
      check_output(*output);
      Protocol p(rt, store::OpenMode::existing);
      const auto gl = guest::guest_list(p.s, *id, o, st);
      std::string out;
      if (f == Format::html) {
        out = guest::place_cards_html(gl);
      } else if (f == Format::json && !rt.quiet()) {
        out = guest::guest_list_json(gl, p.precedence).dump(2) + "\n";
      } else if (f == Format::csv) {
        out = render_table(guest::badges_table(gl, p.precedence), f, false, rt.quiet(), rt.csv_dialect());
      } else {
        out = render_table(guest::guest_list_table(gl), f, rt.color() && output->empty(), rt.quiet(),
                           rt.csv_dialect());
      }
      emit_text(rt, out, *output);
      if ((f == Format::table || f == Format::md) && !rt.quiet()) {
        rt.info(guest::status_counts(gl));
        const std::string parts = guest::participants_lines(gl);
        if (!parts.empty()) {
          rt.info(tr("The template's participants:") + std::string("\n") + parts);
        }
      }
      const int waiting = gl.counts[static_cast<std::size_t>(guest::Status::invited)];
      if (*fail && waiting > 0) {
        rt.warn(trnf("{} guest has not answered the invitation", "{} guests have not answered the invitation", waiting,
                     waiting));
        r.exit_code = static_cast<int>(ExitCode::alert);
      }
    });
    auto print_guests = [](Runtime& rt, const std::vector<guest::Guest>& gs, const char* what, std::int64_t event_id) {
      for (const auto& x : gs) {
        rt.print(rt.quiet() ? fmt::format("{}\n", x.id) : trf(what, event_id, x.id, x.name));
      }
    };
    {
      auto refs = std::make_shared<std::vector<std::string>>();
      auto group = std::make_shared<std::string>();
      auto* c = g->add_subcommand("invite", "Invite guests (#ID or words of the name)");
      c->add_option("guests", *refs, "the guests")->required();
      c->add_option("--group", *group, "their group on the list: почётные гости, делегация …");
      c->callback([&r, id, refs, group, print_guests] {
        Runtime& rt = r.rt();
        need_event(*id);
        Protocol p(rt, store::OpenMode::existing);
        const auto res = guest::invite(p.s, *id, *refs, *group);
        print_guests(rt, res.invited, N_("event {}: invited guest {}: {}\n"), *id);
        for (const auto& x : res.already) {
          rt.info(trf("guest {} «{}» is invited already", x.id, x.name));
        }
      });
    }
    {
      auto args = std::make_shared<std::vector<std::string>>();
      auto* c = g->add_subcommand("set", "Set the standing of guests: invited, confirmed, declined, attended, absent");
      c->add_option("guests_and_status", *args, "the guests, then the standing: 12 13 confirmed")->required();
      c->callback([&r, id, args] {
        Runtime& rt = r.rt();
        need_event(*id);
        if (args->size() < 2) {
          throw InputError(tr("give the guests, then the standing: event guests ID set 12 13 confirmed"));
        }
        std::vector<std::string> refs(args->begin(), args->end() - 1);
        Protocol p(rt, store::OpenMode::existing);
        const auto gs = guest::set_status(p.s, *id, refs, args->back());
        const auto to = guest::parse_status(args->back());
        for (const auto& x : gs) {
          rt.print(rt.quiet() ? fmt::format("{}\n", x.id) : trf("event {}: guest {} {}: {}\n", *id, x.id, x.name, guest::word(to)));
        }
      });
    }
    {
      auto refs = std::make_shared<std::vector<std::string>>();
      auto ch = std::make_shared<guest::InvitationChanges>();
      auto speaks = std::make_shared<bool>(false);
      auto silent = std::make_shared<bool>(false);
      auto* c = g->add_subcommand("edit", "Change guests' group, note, or whether they are given the floor");
      c->add_option("guests", *refs, "the guests")->required();
      c->add_option("--group", ch->group, "the group on the list");
      c->add_option("--note", ch->note, "a note: an aide, a wheelchair, an interpreter…");
      c->add_flag("--speaks", *speaks, "given the floor: in the speakers' order");
      c->add_flag("--no-speaks", *silent, "not given the floor");
      c->callback([&r, id, refs, ch, speaks, silent, print_guests] {
        Runtime& rt = r.rt();
        need_event(*id);
        if (*speaks && *silent) {
          throw InputError(tr("--speaks and --no-speaks together"));
        }
        if (*speaks || *silent) {
          ch->speaks = *speaks;
        }
        Protocol p(rt, store::OpenMode::existing);
        print_guests(rt, guest::edit_invitations(p.s, *id, *refs, *ch), N_("event {}: guest {}: {}\n"), *id);
      });
    }
    {
      auto refs = std::make_shared<std::vector<std::string>>();
      auto* c = g->add_subcommand("remove", "Take guests off the list");
      c->add_option("guests", *refs, "the guests")->required();
      c->callback([&r, id, refs, print_guests] {
        Runtime& rt = r.rt();
        need_event(*id);
        Protocol p(rt, store::OpenMode::existing);
        print_guests(rt, guest::uninvite(p.s, *id, *refs), N_("event {}: removed guest {}: {}\n"), *id);
      });
    }
    {
      auto into = std::make_shared<bool>(false);
      auto at = std::make_shared<std::string>();
      auto minutes = std::make_shared<int>(5);
      auto* c = g->add_subcommand("speakers", "The speakers' order (by precedence); written into the run of show on request");
      c->add_flag("--into-programme", *into, "add an item for each speaker to the run of show");
      c->add_option("--at", *at, "when the first speaks: 18:00 or +10m (with --into-programme)");
      c->add_option("--minutes", *minutes, "how long each speaks")->capture_default_str();
      c->callback([&r, id, into, at, minutes] {
        Runtime& rt = r.rt();
        need_event(*id);
        if (*into) {
          if (at->empty()) {
            throw InputError(tr("--into-programme needs --at: when the first speaker begins"));
          }
          Protocol p(rt, store::OpenMode::existing);
          const auto w = guest::write_speakers(p.s, *id, *at, *minutes);
          for (const auto& item : w.added) {
            rt.print(rt.quiet() ? fmt::format("{}\n", item.no)
                                : fmt::format("{}. {} {}\n", item.no, time::format_clock(rt.zone().to_local(item.at)), item.title));
          }
          if (w.kept > 0) {
            rt.info(trnf("{} speaker is in the run of show already", "{} speakers are in the run of show already", w.kept,
                         w.kept));
          }
          return;
        }
        const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
        Protocol p(rt, store::OpenMode::existing);
        const auto rows = guest::speakers(p.s, *id);
        rt.print_records(
            f,
            [&] {
              auto arr = nlohmann::ordered_json::array();
              for (const auto& x : rows) {
                arr.push_back({{"guest", x.guest.id}, {"name", x.guest.name}, {"position", x.guest.position}});
              }
              return arr;
            },
            [&] { return guest::speakers_table(rows); });
      });
    }
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto layout = std::make_shared<std::string>("presidium:1x9,hall:10x20");
    auto output = std::make_shared<std::string>();
    auto* c = ev->add_subcommand("seating", "The seating plan: places by precedence, the host in the centre");
    c->add_option("id", *id, "event id")->required();
    c->add_option("--layout", *layout, "blocks NAME:ROWSxSEATS, the stage first")->capture_default_str();
    c->add_option("-o,--output", *output, "write to FILE");
    c->callback([&r, id, layout, output] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md, Format::html});
      check_output(*output);
      Protocol p(rt, store::OpenMode::existing);
      const auto v = guest::seating(p.s, *id, *layout);
      std::string out;
      if (f == Format::html) {
        out = guest::seating_html(v, rt.zone());
      } else if (f == Format::json && !rt.quiet()) {
        out = guest::seating_json(v).dump(2) + "\n";
      } else {
        out = render_table(guest::seating_table(v), f, rt.color() && output->empty(), rt.quiet(), rt.csv_dialect());
      }
      emit_text(rt, out, *output);
      if (!v.plan.unseated.empty()) {
        rt.warn(trnf("{} guest has no seat: the layout is too small", "{} guests have no seat: the layout is too small",
                     static_cast<long>(v.plan.unseated.size()), v.plan.unseated.size()));
      }
    });
  }
}

}  // namespace omskplan::cli
