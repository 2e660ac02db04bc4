#include "plan/template.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "core/toml_input.hpp"

#include <fmt/format.h>

#include <set>

namespace omskplan::plan {

PlanTemplate parse_plan_template(std::string_view toml_text, const std::string& origin) {
  const toml_input::Reader r(origin);
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    r.fail(e.source(), trf("{0}", e.description()));
  }
  const toml::source_region top{{1, 1}, {1, 1}, {}};
  r.check_keys(root, {"id", "kind", "title", "approver", "approver_name", "section"}, "");
  PlanTemplate t;
  t.origin = origin;
  t.id = r.req_string(root, "id", top);
  const std::string kind = r.req_string(root, "kind", top);
  try {
    t.kind = parse_kind(kind);
  } catch (const InputError& e) {
    r.fail(r.node(root, "kind").source(), e.what());
  }
  t.title = r.req_string(root, "title", top);
  if (t.title.find("{period}") == std::string::npos) {
    r.fail(r.node(root, "title").source(), tr("the title has no {period}"));
  }
  t.approver = r.opt_string(root, "approver").value_or("");
  t.approver_name = r.opt_string(root, "approver_name").value_or("");
  std::set<std::string> keys;
  r.each_table(root, "section", [&](const toml::table& s) {
    r.check_keys(s, {"key", "title"}, "section");
    Section sec;
    sec.no = static_cast<int>(t.sections.size()) + 1;
    sec.key = r.req_string(s, "key", s.source());
    sec.title = r.req_string(s, "title", s.source());
    if (sec.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos) {
      r.fail(r.node(s, "key").source(), trf("section key '{}' may have only a–z, digits, - and _", sec.key));
    }
    if (!keys.insert(sec.key).second) {
      r.fail(r.node(s, "key").source(), trf("section '{}' appears twice", sec.key));
    }
    t.sections.push_back(std::move(sec));
  });
  if (t.sections.empty()) {
    r.fail(top, tr("a plan template needs at least one [[section]]"));
  }
  return t;
}

PlanTemplate load_plan_template(const std::string& path) {
  return parse_plan_template(files::read(path, files::kTextLimit), path);
}

std::string plan_title(const PlanTemplate& t, const Period& p) {
  std::string out = t.title;
  const auto at = out.find("{period}");
  out.replace(at, 8, period_phrase(p));
  return out;
}

PlanTemplateCatalog::PlanTemplateCatalog(std::vector<std::string> dirs, catalog::Warn warn)
    : catalog_(std::move(dirs), load_plan_template,
               {[](const std::string& e) { return trf("skipping plan template {}", e); },
                [](const std::string& id, const std::string& near) {
                  return trf("unknown plan template '{}'{}", id,
                             near.empty() ? tr(" (see 'omskplan plan templates')")
                                          : trf("; did you mean '{}'?", near));
                }},
               std::move(warn)) {}

std::vector<PlanTemplate> PlanTemplateCatalog::list() const {
  std::vector<PlanTemplate> out;
  for (auto& e : catalog_.list()) {
    out.push_back(std::move(e.item));
  }
  return out;
}

PlanTemplate PlanTemplateCatalog::get(const std::string& id) const { return catalog_.get(id); }

}  // namespace omskplan::plan
