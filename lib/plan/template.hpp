// Plan templates (TOML): the sections a plan of a kind has, its title and who
// approves it. Shipped ones in examples/plans (installed to share/omskplan/plans);
// a user's in $XDG_CONFIG_HOME/omskplan/plans override them by id.
//
//   id = "quarterly"
//   kind = "quarterly"
//   title = "План работы Администрации города Омска {period}"
//   approver = "Мэр города Омска"
//   approver_name = "С. Г. Шелест"
//   [[section]]
//   key = "meetings"
//   title = "Вопросы для рассмотрения на совещаниях у Мэра города Омска"
#pragma once

#include "core/catalog.hpp"
#include "plan/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace omskplan::plan {

struct PlanTemplate {
  std::string id;
  std::string origin;
  Kind kind = Kind::quarterly;
  std::string title;          // "{period}" → «на II квартал 2024 года»
  std::string approver;       // «Мэр города Омска»
  std::string approver_name;  // «И. О. Фамилия» under the signature line
  std::vector<Section> sections;
};

// Errors are "origin:line:col: what".
PlanTemplate parse_plan_template(std::string_view toml_text, const std::string& origin);
PlanTemplate load_plan_template(const std::string& path);
// The title for a period: "{period}" replaced.
std::string plan_title(const PlanTemplate& t, const Period& p);

class PlanTemplateCatalog {
public:
  PlanTemplateCatalog(std::vector<std::string> dirs, catalog::Warn warn = {});
  std::vector<PlanTemplate> list() const;
  PlanTemplate get(const std::string& id) const;  // NotFound with a suggestion

private:
  catalog::Catalog<PlanTemplate> catalog_;
};

}  // namespace omskplan::plan
