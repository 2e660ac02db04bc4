#include "agreement/json.hpp"
#include "core/uuid.hpp"
#include "core/i18n.hpp"

#include "agreement/repository.hpp"
#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "event/model.hpp"

#include <fmt/format.h>

#include <set>

namespace omskplan::agreement {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

ordered_json date_json(const std::optional<time::Date>& d) {
  return d ? ordered_json(time::format_date(*d)) : ordered_json(nullptr);
}

}  // namespace

ordered_json to_json(const Organization& o) {
  ordered_json j;
  j["id"] = o.id;
  j["uuid"] = o.uuid;
  j["name"] = o.name;
  j["kind"] = to_string(o.kind);
  j["inn"] = o.inn;
  j["ogrn"] = o.ogrn;
  j["contact"] = o.contact;
  j["phone"] = o.phone;
  j["email"] = o.email;
  j["address"] = o.address;
  j["notes"] = o.notes;
  j["created"] = time::format_utc(o.created);
  j["updated"] = time::format_utc(o.updated);
  return j;
}

ordered_json to_json(const Agreement& a, const Organization* org, time::Date today) {
  ordered_json j;
  j["id"] = a.id;
  j["uuid"] = a.uuid;
  j["number"] = a.number;
  j["title"] = a.title;
  j["org"] = org ? ordered_json{{"id", org->id}, {"name", org->name}, {"inn", org->inn}}
                 : ordered_json{{"id", a.org_id}};
  j["sphere"] = a.sphere;
  j["signed_on"] = date_json(a.signed_on);
  j["valid_from"] = date_json(a.valid_from);
  j["valid_to"] = date_json(a.valid_to);
  j["value"] = money::format_plain(a.value);
  j["status"] = to_string(a.status);
  j["effective_status"] = to_string(effective_status(a, today));
  j["terminated_on"] = date_json(a.terminated_on);
  j["termination_reason"] = a.termination_reason;
  j["signed_at_event"] = a.signed_at_event ? ordered_json(*a.signed_at_event) : ordered_json(nullptr);
  j["notes"] = a.notes;
  j["files"] = a.files;
  j["obligations"] = ordered_json::array();
  for (const auto& o : a.obligations) {
    ordered_json oj;
    oj["no"] = o.no;
    oj["party"] = to_string(o.party);
    oj["text"] = o.text;
    oj["due"] = date_json(o.due);
    oj["value"] = o.value ? ordered_json(money::format_plain(*o.value)) : ordered_json(nullptr);
    oj["done_on"] = date_json(o.done_on);
    j["obligations"].push_back(std::move(oj));
  }
  j["created"] = time::format_utc(a.created);
  j["updated"] = time::format_utc(a.updated);
  return j;
}

namespace {

using json_input::Fields;
using json_input::stream_records;

// Money or an INN may come as a JSON number as well as a string.
std::string str_or_number(const Fields& f, std::string_view key) {
  if (f.has(key) && f.j.at(std::string(key)).is_number_integer()) {
    return std::to_string(f.j.at(std::string(key)).get<long long>());
  }
  return f.str(key);
}

}  // namespace

ImportResult import_orgs(Services& s, std::istream& in, bool dry_run) {
  ImportResult r;
  store::WriteTransaction tx(s.db);
  stream_records(in, "organizations", [&](const json& j) {
    const Fields f{j, ""};
    f.only({"id", "uuid", "name", "kind", "inn", "ogrn", "contact", "phone", "email", "address", "notes", "created",
            "updated"});
    OrgChanges c;
    c.name = f.str("name");
    c.kind = f.has("kind") ? f.str("kind") : std::string("company");
    c.inn = str_or_number(f, "inn");
    c.ogrn = str_or_number(f, "ogrn");
    c.contact = f.str("contact");
    c.phone = f.str("phone");
    c.email = f.str("email");
    c.address = f.str("address");
    c.notes = f.str("notes");
    const std::string uuid = f.str("uuid");
    std::optional<std::int64_t> id;
    if (!uuid.empty()) {
      id = repo::find_org_by_uuid(s.db, uuid);
    }
    if (!id && !c.inn->empty()) {
      if (auto o = repo::find_org_by_inn(s.db, *c.inn)) {
        id = o->id;
      }
    }
    if (id) {
      const auto before = *repo::load_org(s.db, *id);
      const auto after = edit_org(s, *id, c);
      (after.updated == before.updated ? r.unchanged : r.updated)++;
    } else {
      OrgInput in_;
      in_.name = *c.name;
      in_.kind = *c.kind;
      in_.inn = *c.inn;
      in_.ogrn = *c.ogrn;
      in_.contact = *c.contact;
      in_.phone = *c.phone;
      in_.email = *c.email;
      in_.address = *c.address;
      in_.notes = *c.notes;
      in_.uuid = uuid;
      add_org(s, in_);
      ++r.created;
    }
  });
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

ImportResult import_agreements(Services& s, std::istream& in, bool dry_run) {
  ImportResult r;
  store::WriteTransaction tx(s.db);
  stream_records(in, "agreements", [&](const json& j) {
    const Fields f{j, ""};
    f.only({"id", "uuid", "number", "title", "org", "sphere", "signed_on", "valid_from", "valid_to", "value",
            "status", "effective_status", "terminated_on", "termination_reason", "signed_at_event", "notes", "files",
            "obligations", "created", "updated"});
    Agreement a;
    a.uuid = f.str("uuid");
    a.number = f.str("number");
    a.title = f.str("title");
    if (!f.has("org") || !j.at("org").is_object()) {
      f.fail("org", tr("must be an object with \"inn\" or \"id\""));
    }
    const json& org = j.at("org");
    if (org.contains("inn") && org.at("inn").is_string() && !org.at("inn").get<std::string>().empty()) {
      a.org_id = f.parsed("org", [&] { return resolve_org(s, org.at("inn").get<std::string>()).id; });
    } else if (org.contains("id") && org.at("id").is_number_integer()) {
      a.org_id = f.parsed("org", [&] { return load_org(s, org.at("id").get<std::int64_t>()).id; });
    } else {
      f.fail("org", tr("must name the organization by \"inn\" or \"id\""));
    }
    a.sphere = f.str("sphere");
    a.signed_on = f.date("signed_on");
    a.valid_from = f.date("valid_from");
    a.valid_to = f.date("valid_to");
    a.value = f.has("value") ? f.parsed("value", [&] { return money::parse_roubles(str_or_number(f, "value")); }) : 0;
    a.status = f.has("status") ? f.parsed("status", [&] { return parse_status(f.str("status")); }) : Status::draft;
    if (a.status == Status::expired) {
      f.fail("status", tr("'expired' follows from the dates; give signed or active"));
    }
    a.terminated_on = f.date("terminated_on");
    a.termination_reason = f.str("termination_reason");
    a.notes = f.str("notes");
    if (f.has("files")) {
      const json& files = j.at("files");
      if (!files.is_array()) {
        f.fail("files", tr("must be an array of paths"));
      }
      for (const auto& p : files) {
        if (!p.is_string()) {
          f.fail("files", tr("must be an array of paths"));
        }
        a.files.push_back(p.get<std::string>());
      }
    }
    if (f.has("obligations")) {
      const json& obs = j.at("obligations");
      if (!obs.is_array()) {
        f.fail("obligations", tr("must be an array"));
      }
      std::set<int> seen;
      for (std::size_t i = 0; i < obs.size(); ++i) {
        const Fields of{obs[i], fmt::format("obligations[{}].", i)};
        of.only({"no", "party", "text", "due", "value", "done_on"});
        Obligation o;
        o.no = obs[i].contains("no") && obs[i]["no"].is_number_integer() ? obs[i]["no"].get<int>()
                                                                         : static_cast<int>(i + 1);
        if (o.no <= 0 || !seen.insert(o.no).second) {
          of.fail("no", trf("{} is not a new positive number", o.no));
        }
        o.party = of.has("party") ? of.parsed("party", [&] { return parse_party(of.str("party")); }) : Party::partner;
        o.text = of.str("text");
        o.due = of.date("due");
        if (of.has("value")) {
          o.value = of.parsed("value", [&] { return money::parse_roubles(str_or_number(of, "value")); });
        }
        o.done_on = of.date("done_on");
        a.obligations.push_back(std::move(o));
      }
    }
    std::optional<std::int64_t> id;
    if (!a.uuid.empty()) {
      id = repo::find_by_uuid(s.db, a.uuid);
    }
    if (!id && !a.number.empty()) {
      id = repo::find_by_number(s.db, a.number);
    }
    if (id) {
      const Agreement before = *repo::load(s.db, *id);
      a.id = before.id;
      a.uuid = before.uuid;
      a.created = before.created;
      a.updated = s.ctx.now;
      a.signed_at_event = before.signed_at_event;
      check(s, a);
      if (repo::update(s.db, before, a)) {
        ++r.updated;
      } else {
        ++r.unchanged;
      }
    } else {
      if (a.uuid.empty()) {
        a.uuid = new_uuid();
      }
      a.created = a.updated = s.ctx.now;
      check(s, a);
      if (auto other = repo::find_by_number(s.db, a.number)) {
        throw InputError(trf("agreement number {} is already taken by agreement {}", a.number, *other));
      }
      repo::insert(s.db, a);
      ++r.created;
    }
  });
  if (!dry_run) {
    tx.commit();
  }
  return r;
}

}  // namespace omskplan::agreement
