// omskplan agreement …
#include "commands.hpp"
#include "core/i18n.hpp"
#include "core/russian.hpp"
#include "core/words.hpp"

#include "agreement/ceremony.hpp"
#include "agreement/json.hpp"
#include "agreement/service.hpp"
#include "agreement/views.hpp"
#include "core/error.hpp"
#include "guest/precedence.hpp"
#include "event/views.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace omskplan::cli {

using store::OpenMode;
namespace ag = omskplan::agreement;

namespace {

ag::Services agreement_services(Runtime& rt, OpenMode mode) {
  return ag::Services{rt.db(mode), rt.ctx(), rt.agreement_settings()};
}

// `org list`, printed as it is read (RecordPrinter).
void run_org_list(Runtime& rt, const std::string& search, const std::string& kind) {
  RecordPrinter out(rt, rt.format({Format::table, Format::json, Format::csv, Format::md}), ag::orgs_columns());
  auto s = agreement_services(rt, OpenMode::existing);
  ag::for_each_org(s, search, kind, [&](ag::Organization&& o) {
    if (out.json()) {
      out.add_json(ag::to_json(o));
    } else {
      out.add_row(ag::org_row(o));
    }
  });
  out.finish();
}

// `agreement list`, printed as it is read.
void run_agreement_list(Runtime& rt, const ag::ListQuery& q) {
  RecordPrinter out(rt, rt.format({Format::table, Format::json, Format::csv, Format::md}), ag::agreements_columns());
  auto s = agreement_services(rt, OpenMode::existing);
  const auto today = rt.ctx().today();
  ag::for_each(s, q, out.json(), [&](const ag::Agreement& a, const ag::Organization* org) {
    if (out.json()) {
      out.add_json(ag::to_json(a, org, today));
    } else {
      out.add_row(ag::agreement_row(a, org ? org->name : record_ref(a.org_id), today));
    }
  });
  out.finish();
}

void print_agreement_written(Runtime& rt, ag::Services& s, const ag::Agreement& a, std::string_view verb) {
  const Format f = rt.format({Format::table, Format::json});
  if (rt.quiet()) {
    rt.print(fmt::format("{}\n", a.id));
  } else if (f == Format::json) {
    const auto org = ag::load_org(s, a.org_id);
    rt.print(ag::to_json(a, &org, rt.ctx().today()).dump(2) + "\n");
  } else {
    rt.print(trf("{} agreement {}: № {} «{}», {}, {}\n", verb, a.id, a.number, a.title,
                         ag::word(ag::effective_status(a, rt.ctx().today())), money::format_roubles(a.value)));
  }
}

void run_agreement_import(Runtime& rt, const std::string& file, bool dry_run, bool orgs) {
  if (dry_run) {
    rt.dry_run();
  }
  auto in = open_input(file);
  auto s = agreement_services(rt, OpenMode::create);
  try {
    const auto r = orgs ? ag::import_orgs(s, *in, dry_run) : ag::import_agreements(s, *in, dry_run);
    rt.print(trf("{}{} created, {} updated, {} unchanged\n", dry_run ? tr("dry run: ") : "", r.created,
                         r.updated, r.unchanged));
  } catch (const NotFound& e) {
    throw NotFound(fmt::format("{}: {}", files::input_name(file), e.what()));
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", files::input_name(file), e.what()));
  }
}

void setup_org(CLI::App& parent, Runner& r) {
  auto* org = parent.add_subcommand("org", "Organizations: partners, contractors (INN/OGRN checked)");
  org->require_subcommand(1);
  {
    auto o = std::make_shared<ag::OrgInput>();
    auto* c = org->add_subcommand("add", "Register an organization");
    c->add_option("--name", o->name, "full name, e.g. ООО «Сибирский строитель»")->required();
    c->add_option("--kind", o->kind, "company, entrepreneur, ngo, other")->capture_default_str();
    c->add_option("--inn", o->inn, "INN: 10 digits (organization), 12 (person, sole trader)");
    c->add_option("--ogrn", o->ogrn, "OGRN (13 digits) or OGRNIP (15 digits)");
    c->add_option("--contact", o->contact, "contact person");
    c->add_option("--phone", o->phone, "phone");
    c->add_option("--email", o->email, "email");
    c->add_option("--address", o->address, "address");
    c->add_option("--notes", o->notes, "notes");
    c->callback([&r, o] {
      Runtime& rt = r.rt();
      auto s = agreement_services(rt, OpenMode::create);
      const auto org_ = ag::add_org(s, *o);
      rt.print(rt.quiet() ? fmt::format("{}\n", org_.id)
                          : trf("registered organization {}: {} (INN {})\n", org_.id, org_.name,
                                        org_.inn.empty() ? "—" : org_.inn));
    });
  }
  {
    auto search = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    auto* c = org->add_subcommand("list", "List organizations (by name)");
    c->add_option("--search", *search, "full-text search in names (ё = е, any case)");
    c->add_option("--kind", *kind, "only this kind");
    c->callback([&r, search, kind] { run_org_list(r.rt(), *search, *kind); });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto* c = org->add_subcommand("show", "Show an organization with its agreements");
    c->add_option("org", *ref, "id or INN")->required();
    c->callback([&r, ref] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      auto s = agreement_services(rt, OpenMode::existing);
      const auto card = ag::org_card(s, *ref);
      rt.print(f == Format::json ? ag::org_card_json(card, rt.ctx().today()).dump(2) + "\n"
                                 : ag::org_card(card.org, card.agreements, rt.ctx().today()));
    });
  }
  {
    auto ref = std::make_shared<std::string>();
    auto ch = std::make_shared<ag::OrgChanges>();
    auto* c = org->add_subcommand("edit", "Change an organization");
    c->add_option("org", *ref, "id or INN")->required();
    c->add_option("--name", ch->name, "name");
    c->add_option("--kind", ch->kind, "kind");
    c->add_option("--inn", ch->inn, "INN");
    c->add_option("--ogrn", ch->ogrn, "OGRN or OGRNIP");
    c->add_option("--contact", ch->contact, "contact person");
    c->add_option("--phone", ch->phone, "phone");
    c->add_option("--email", ch->email, "email");
    c->add_option("--address", ch->address, "address");
    c->add_option("--notes", ch->notes, "notes");
    c->callback([&r, ref, ch] {
      Runtime& rt = r.rt();
      auto s = agreement_services(rt, OpenMode::existing);
      const auto o = ag::edit_org(s, ag::resolve_org(s, *ref).id, *ch);
      rt.print(rt.quiet() ? fmt::format("{}\n", o.id) : trf("organization {}: {}\n", o.id, o.name));
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto* c = org->add_subcommand("import", "Import organizations from JSON (what org list --json prints)");
    c->add_option("file", *file, "a JSON file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    c->callback([&r, file, dry] { run_agreement_import(r.rt(), *file, *dry, true); });
  }
}

}  // namespace

void setup_agreement(CLI::App& app, Runner& r) {
  auto* ag_cmd = app.add_subcommand("agreement", "Cooperation agreements, obligations, «Меценат года»");
  ag_cmd->require_subcommand(1);
  setup_org(*ag_cmd, r);
  {
    auto o = std::make_shared<ag::AgreementInput>();
    auto* c = ag_cmd->add_subcommand("add", "Register an agreement");
    c->add_option("--org", o->org, "the organization: id or INN")->required();
    c->add_option("--title", o->title, "what it is about")->required();
    c->add_option("--number", o->number, "its number, e.g. 12-С/2023 (unique)")->required();
    c->add_option("--sphere", o->sphere, "culture, sport, education, improvement, social, … (config)")->required();
    c->add_option("--signed", o->signed_on, "the day it was signed");
    c->add_option("--valid-from", o->valid_from, "in force from (default: signed)");
    c->add_option("--valid-to", o->valid_to, "in force until");
    c->add_option("--value", o->value, "value in roubles: 2500000, '2 500 000,50', 2500000.50");
    c->add_option("--status", o->status, "draft, signed, active (default: from the dates)");
    c->add_option("--event", o->event_id, "the event at which it was signed");
    c->add_option("--notes", o->notes, "notes");
    c->add_option("--file", o->files, "a document's path (repeatable)");
    c->callback([&r, o] {
      Runtime& rt = r.rt();
      auto s = agreement_services(rt, OpenMode::create);
      print_agreement_written(rt, s, ag::add(s, *o), tr("registered"));
    });
  }
  {
    auto q = std::make_shared<ag::ListQuery>();
    auto* c = ag_cmd->add_subcommand("list", "List agreements (by signing date)");
    c->add_option("--status", q->status, "draft, signed, active, fulfilled, expired, terminated");
    c->add_option("--expiring", q->expiring, "ending within this period, e.g. 90d");
    c->add_option("--org", q->org, "of this organization (id or INN)");
    c->add_option("--sphere", q->sphere, "in this sphere");
    c->add_option("--search", q->search, "full-text search in numbers and titles");
    c->add_option("--limit", q->limit, "at most this many");
    c->callback([&r, q] { run_agreement_list(r.rt(), *q); });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto* c = ag_cmd->add_subcommand("show", "Show an agreement with its obligations");
    c->add_option("id", *id, "agreement id")->required();
    c->callback([&r, id] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json});
      auto s = agreement_services(rt, OpenMode::existing);
      const auto a = ag::load(s, *id);
      const auto org = ag::load_org(s, a.org_id);
      rt.print(f == Format::json ? ag::to_json(a, &org, rt.ctx().today()).dump(2) + "\n"
                                 : ag::agreement_card(a, org, rt.ctx().today()));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto st = std::make_shared<std::string>();
    auto* c = ag_cmd->add_subcommand("status", "Move an agreement along: draft → signed → active → fulfilled");
    c->add_option("id", *id, "agreement id")->required();
    c->add_option("status", *st, "signed, active, fulfilled")->required();
    c->callback([&r, id, st] {
      Runtime& rt = r.rt();
      auto s = agreement_services(rt, OpenMode::existing);
      print_agreement_written(rt, s, ag::set_status(s, *id, ag::parse_status(*st)), tr("updated"));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto* c = ag_cmd->add_subcommand("terminate", "Terminate an agreement early");
    c->add_option("id", *id, "agreement id")->required();
    c->add_option("--on", *on, "the day (default today)");
    c->add_option("--reason", *reason, "why")->required();
    c->callback([&r, id, on, reason] {
      Runtime& rt = r.rt();
      auto s = agreement_services(rt, OpenMode::existing);
      print_agreement_written(rt, s, ag::terminate(s, *id, *on, *reason), tr("terminated"));
    });
  }
  {
    auto id = std::make_shared<std::int64_t>(0);
    auto to = std::make_shared<std::string>();
    auto* c = ag_cmd->add_subcommand("renew", "Extend an agreement");
    c->add_option("id", *id, "agreement id")->required();
    c->add_option("--valid-to", *to, "the new end")->required();
    c->callback([&r, id, to] {
      Runtime& rt = r.rt();
      auto s = agreement_services(rt, OpenMode::existing);
      print_agreement_written(rt, s, ag::renew(s, *id, *to), tr("renewed"));
    });
  }
  {
    auto* ob = ag_cmd->add_subcommand("obligation", "What each side promised");
    ob->require_subcommand(1);
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto in = std::make_shared<ag::ObligationInput>();
      auto* c = ob->add_subcommand("add", "Add an obligation");
      c->add_option("id", *id, "agreement id")->required();
      c->add_option("--party", in->party, "administration or partner")->capture_default_str();
      c->add_option("--text", in->text, "what is promised")->required();
      c->add_option("--due", in->due, "by when");
      c->add_option("--value", in->value, "its value in roubles");
      c->callback([&r, id, in] {
        Runtime& rt = r.rt();
        auto s = agreement_services(rt, OpenMode::existing);
        const auto o = ag::add_obligation(s, *id, *in);
        rt.print(rt.quiet() ? fmt::format("{}\n", o.no)
                            : trf("added obligation {} to agreement {}: {}\n", o.no, *id, o.text));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto no = std::make_shared<int>(0);
      auto on = std::make_shared<std::string>();
      auto* c = ob->add_subcommand("done", "Record an obligation as fulfilled");
      c->add_option("id", *id, "agreement id")->required();
      c->add_option("no", *no, "obligation number")->required();
      c->add_option("--on", *on, "the day (default today)");
      c->callback([&r, id, no, on] {
        Runtime& rt = r.rt();
        auto s = agreement_services(rt, OpenMode::existing);
        const auto o = ag::obligation_done(s, *id, *no, *on);
        rt.print(rt.quiet() ? fmt::format("{}\n", o.no)
                            : trf("obligation {} of agreement {} fulfilled on {}\n", o.no, *id,
                                          time::format_date(*o.done_on)));
      });
    }
    {
      auto id = std::make_shared<std::int64_t>(0);
      auto* c = ob->add_subcommand("list", "List the obligations of an agreement");
      c->add_option("id", *id, "agreement id")->required();
      c->callback([&r, id] {
        Runtime& rt = r.rt();
        const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
        auto s = agreement_services(rt, OpenMode::existing);
        const auto a = ag::load(s, *id);
        rt.print_records(f, [&] { return ag::to_json(a, nullptr, rt.ctx().today())["obligations"]; },
                         [&] { return ag::obligations_table(a, rt.ctx().today()); });
      });
    }
  }
  {
    auto within = std::make_shared<std::string>("30d");
    auto fail = std::make_shared<bool>(false);
    auto* c = ag_cmd->add_subcommand("due", "Obligations and expiries coming up, and overdue ones (for cron)");
    c->add_option("--within", *within, "look this far ahead")->capture_default_str();
    c->add_flag("--fail-if-any", *fail, "exit 3 when anything is listed");
    c->callback([&r, within, fail] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      const int days = ag::parse_days(*within, "--within");
      auto s = agreement_services(rt, OpenMode::existing);
      const auto d = ag::due(s, days);
      const auto today = rt.ctx().today();
      if (rt.quiet()) {
        for (const auto& o : d.obligations) {
          rt.print(fmt::format("{} {}\n", o.agreement_id, o.obligation.no));
        }
        for (const auto& e : d.expiring) {
          rt.print(fmt::format("{}\n", e.agreement.id));
        }
      } else if (f == Format::json) {
        rt.print(ag::due_json(d, today).dump(2) + "\n");
      } else {
        rt.print_table(ag::due_table(d, today), f);
        if (f == Format::table) {
          // «обязательств со сроком до 16 мая 2024 г. нет; просроченных нет; истекает срок действия 1 соглашения»
          const std::string by = russian::say_date(today + std::chrono::days{days});
          const auto n = static_cast<long>(d.obligations.size());
          const auto x = static_cast<long>(d.expiring.size());
          rt.info(due_summary(n == 0 ? trf("no obligations due by {}", by)
                                     : trnf("{} obligation due by {}", "{} obligations due by {}", n, n, by),
                              static_cast<long>(d.overdue)) +
                  "; " +
                  (x == 0 ? std::string(tr("no agreements expiring"))
                          : trnf("{} agreement expiring", "{} agreements expiring", x, x)));
        }
      }
      if (*fail && (!d.obligations.empty() || !d.expiring.empty())) {
        r.exit_code = static_cast<int>(ExitCode::alert);
      }
    });
  }
  {
    auto year = std::make_shared<int>(0);
    auto* c = ag_cmd->add_subcommand("patrons", "Rank partners by contributions fulfilled in a year");
    c->add_option("--year", *year, "the year")->required();
    c->callback([&r, year] {
      Runtime& rt = r.rt();
      const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
      auto s = agreement_services(rt, OpenMode::existing);
      const auto rows = ag::patrons(s, *year);
      rt.print_records(f, [&] { return ag::patrons_json(rows, *year); }, [&] { return ag::patrons_table(rows); });
    });
  }
  {
    auto* aw = ag_cmd->add_subcommand("award", "«Меценат года» titles");
    aw->require_subcommand(1);
    {
      auto year = std::make_shared<int>(0);
      auto org = std::make_shared<std::string>();
      auto title = std::make_shared<std::string>();
      auto decided = std::make_shared<std::string>();
      auto* c = aw->add_subcommand("add", "Record a title awarded");
      c->add_option("--year", *year, "the year of the title")->required();
      c->add_option("--org", *org, "the organization: id or INN")->required();
      c->add_option("--title", *title, "default «Меценат года»");
      c->add_option("--decided", *decided, "the day of the decision");
      c->callback([&r, year, org, title, decided] {
        Runtime& rt = r.rt();
        auto s = agreement_services(rt, OpenMode::existing);
        const auto a = ag::add_award(s, *year, *org, *title, *decided);
        rt.print(rt.quiet() ? fmt::format("{}\n", a.id)
                            : trf("award {}: «{}» {} to organization {}\n", a.id, a.title, a.year, a.org_id));
      });
    }
    {
      auto year = std::make_shared<std::optional<int>>();
      auto org = std::make_shared<std::string>();
      auto* c = aw->add_subcommand("list", "Who received what");
      c->add_option("--year", *year, "of a year");
      c->add_option("--org", *org, "of an organization (id or INN)");
      c->callback([&r, year, org] {
        Runtime& rt = r.rt();
        const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
        auto s = agreement_services(rt, OpenMode::existing);
        const auto l = ag::list_awards(s, *year, *org);
        rt.print_records(f, [&] { return ag::awards_json(l); }, [&] { return ag::awards_table(l.awards, l.org_names); });
      });
    }
  }
  {
    auto* bd = ag_cmd->add_subcommand("badge", "«Меценат» badges, numbered within each year");
    bd->require_subcommand(1);
    {
      auto year = std::make_shared<int>(0);
      auto org = std::make_shared<std::string>();
      auto on = std::make_shared<std::string>();
      auto* c = bd->add_subcommand("issue", "Issue the next numbered badge");
      c->add_option("--org", *org, "the organization: id or INN")->required();
      c->add_option("--year", *year, "the year")->required();
      c->add_option("--on", *on, "the day (default today)");
      c->callback([&r, year, org, on] {
        Runtime& rt = r.rt();
        auto s = agreement_services(rt, OpenMode::existing);
        const auto b = ag::issue_badge(s, *year, *org, *on);
        rt.print(rt.quiet() ? fmt::format("{}\n", b.number)
                            : trf("badge «Меценат» №{} of {} issued to organization {}\n", b.number, b.year,
                                          b.org_id));
      });
    }
    {
      auto year = std::make_shared<std::optional<int>>();
      auto org = std::make_shared<std::string>();
      auto* c = bd->add_subcommand("list", "The badge register");
      c->add_option("--year", *year, "of a year");
      c->add_option("--org", *org, "of an organization (id or INN)");
      c->callback([&r, year, org] {
        Runtime& rt = r.rt();
        const Format f = rt.format({Format::table, Format::json, Format::csv, Format::md});
        auto s = agreement_services(rt, OpenMode::existing);
        const auto l = ag::list_badges(s, *year, *org);
        rt.print_records(f, [&] { return ag::badges_json(l); }, [&] { return ag::badges_table(l.badges, l.org_names); });
      });
    }
  }
  {
    auto year = std::make_shared<int>(0);
    auto date = std::make_shared<std::string>();
    auto tm = std::make_shared<std::string>();
    auto strict = std::make_shared<bool>(false);
    auto* c = ag_cmd->add_subcommand("ceremony", "Create the year's award ceremony (patron-ceremony template)");
    c->add_option("--year", *year, "the year of the awards")->required();
    c->add_option("--date", *date, "the day of the ceremony")->required();
    c->add_option("--time", *tm, "start time HH:MM (default: the template's)");
    c->add_flag("--strict", *strict, "refuse when it conflicts with another event");
    c->callback([&r, year, date, tm, strict] {
      Runtime& rt = r.rt();
      const auto d = time::parse_date(*date, rt.ctx());
      std::optional<time::Minutes> start;
      if (!tm->empty()) {
        start = time::parse_clock(*tm);
        if (!start) {
          throw InputError(trf("invalid --time '{}': expected HH:MM", *tm));
        }
      }
      event::TemplateCatalog catalog(rt.paths().template_dirs, [&rt](const std::string& m) { rt.warn(m); });
      const auto tmpl = catalog.get("patron-ceremony");
      auto s = agreement_services(rt, OpenMode::existing);
      event::Services es{s.db, rt.ctx(), rt.travel_buffer()};
      const auto prec = guest::load_precedence(rt.paths().user_dir + "/precedence.toml");
      const auto cer = ag::create_ceremony(s, es, prec, tmpl, *year, d, start,
                                           *strict ? event::ConflictPolicy::refuse : event::ConflictPolicy::warn);
      const auto& res = cer.written;
      for (const auto& cf : res.conflicts) {
        rt.warn(tr("conflict: ") + event::describe(cf, rt.zone()));
      }
      for (const auto& org : cer.no_contact) {
        rt.warn(trf("«{}» names no contact person: invited by the organization's name ('agreement org edit --contact')", org));
      }
      rt.print(rt.quiet() ? fmt::format("{}\n", res.event.id)
                          : trnf("created event {}: {} ({}), {} awardee invited ('omskplan event guests {}')\n",
                                 "created event {}: {} ({}), {} awardees invited ('omskplan event guests {}')\n",
                                 static_cast<long>(cer.invited.size()), res.event.id, res.event.title,
                                 event::format_span(res.event, rt.zone()), cer.invited.size(), res.event.id));
    });
  }
  {
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto* c = ag_cmd->add_subcommand("import", "Import agreements from JSON (what list --json prints)");
    c->add_option("file", *file, "a JSON file, or - for standard input")->required();
    c->add_flag("--dry-run", *dry, "check and count, write nothing");
    c->callback([&r, file, dry] { run_agreement_import(r.rt(), *file, *dry, false); });
  }
}

}  // namespace omskplan::cli
