// omskplan venue …
#include "commands.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "event/planner.hpp"
#include "venue/service.hpp"
#include "venue/views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace omskplan::cli {

namespace {

venue::Services venue_services(Runtime& rt, store::OpenMode mode) { return venue::Services{rt.db(mode), rt.ctx()}; }

void print_venue_written(Runtime& rt, const venue::Venue& v, const char* what) {
  rt.print(rt.quiet() ? fmt::format("{}\n", v.id) : trf(what, v.id, v.name));
}

}  // namespace

void setup_venue(CLI::App& app, Runner& r) {
  auto* vc = app.add_subcommand("venue", "The register of venues: names and aliases, address, point, capacity, owner");
  vc->require_subcommand(1);
  {
    auto in = std::make_shared<venue::VenueInput>();
    auto* c = vc->add_subcommand("add", "Register a venue");
    c->add_option("name", in->name, "its name, e.g. Соборная площадь")->required();
    c->add_option("--alias", in->aliases, "another name people write for it (repeatable)");
    c->add_option("--address", in->address, "its address");
    c->add_option("--lat", in->lat, "latitude (WGS 84), e.g. 54.9851");
    c->add_option("--lon", in->lon, "longitude (WGS 84), e.g. 73.3686");
    c->add_option("--capacity", in->capacity, "how many people it holds");
    c->add_option("--owner", in->owner, "the unit in charge of it (its code) or who");
    c->add_option("--notes", in->notes, "notes");
    c->callback([&r, in] {
      Runtime& rt = r.rt();
      auto s = venue_services(rt, store::OpenMode::create);
      print_venue_written(rt, venue::add(s, *in), N_("registered venue {}: {}\n"));
    });
  }
  {
    auto* c = vc->add_subcommand("list", "List the venues by name");
    c->callback([&r] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = venue_services(rt, store::OpenMode::existing);
      const auto all = venue::list(s);
      if (rt.quiet()) {
        for (const auto& v : all) {
          rt.print(fmt::format("{}\n", v.id));
        }
        return;
      }
      rt.print_records(f, [&] { return venue::venues_json(all); }, [&] { return venue::venues_table(all); });
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = vc->add_subcommand("show", "Show a venue");
    c->add_option("venue", *ref, "its name, an alias or #ID")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      auto s = venue_services(rt, store::OpenMode::existing);
      const auto v = venue::resolve(s, *ref);
      rt.print(f == Format::json ? venue::venue_json(v).dump(2) + "\n" : venue::venue_card(v));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto ch = std::make_shared<venue::Changes>();
    auto* c = vc->add_subcommand("edit", "Change a venue (a new name keeps the old one as an alias)");
    c->add_option("venue", *ref, "its name, an alias or #ID")->required();
    c->add_option("--name", ch->name, "a new name");
    c->add_option("--alias", ch->add_aliases, "add an alias (repeatable)");
    c->add_option("--unalias", ch->remove_aliases, "remove an alias (repeatable)");
    c->add_option("--address", ch->address, "a new address");
    c->add_option("--lat", ch->lat, "latitude");
    c->add_option("--lon", ch->lon, "longitude");
    c->add_flag("--no-point", ch->clear_point, "forget the coordinates");
    c->add_option("--capacity", ch->capacity, "how many people it holds");
    c->add_option("--owner", ch->owner, "the unit in charge of it");
    c->add_option("--notes", ch->notes, "notes");
    c->callback([&r, ref, ch] {
      Runtime& rt = r.rt();
      auto s = venue_services(rt, store::OpenMode::existing);
      print_venue_written(rt, venue::edit(s, *ref, *ch), N_("venue {}: {}\n"));
    });
  }
  {
    auto from = std::make_shared<std::string>();
    auto into = std::make_shared<std::string>();
    auto* c = vc->add_subcommand("merge", "Merge a venue registered twice into the other: its events and names move");
    c->add_option("venue", *from, "the venue that goes (name, alias or #ID)")->required();
    c->add_option("--into", *into, "the venue that stays")->required();
    c->callback([&r, from, into] {
      Runtime& rt = r.rt();
      event::Services s{rt.db(store::OpenMode::existing), rt.ctx(), rt.travel_buffer(), rt.deadline_days_off()};
      const auto m = event::merge_venues(s, *from, *into);
      rt.print(rt.quiet() ? fmt::format("{}\n", m.into.id)
                          : trnf("merged venue {} «{}» into {} «{}»: {} event moved\n",
                                 "merged venue {} «{}» into {} «{}»: {} events moved\n", static_cast<long>(m.events),
                                 m.from.id, m.from.name, m.into.id, m.into.name, m.events));
    });
  }
}

}  // namespace omskplan::cli
