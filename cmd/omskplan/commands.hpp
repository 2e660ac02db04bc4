// The subcommands: each file has setup_<name>(), which binds the options into
// a struct and runs one library operation per command, then renders.
#pragma once

#include "core/files.hpp"

#include "event/planner.hpp"
#include "report/document.hpp"
#include "runtime.hpp"

#include <istream>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace omskplan::cli {

#ifndef OMSKPLAN_VERSION
#define OMSKPLAN_VERSION "0.0.0"
#endif
inline constexpr const char* kVersion = "omskplan " OMSKPLAN_VERSION;

struct Runner {
  GlobalOptions globals;
  std::unique_ptr<Runtime> runtime;
  int exit_code = 0;

  Runtime& rt() {
    if (!runtime) {
      runtime = std::make_unique<Runtime>(globals);
    }
    return *runtime;
  }
};

// A document (a report, an event's plan) in format `f`: text formats to standard output or
// `output`, XLSX and DOCX to `output` (atomically; "-" for standard output).
void emit_document(Runtime& rt, const report::Document& doc, Format f, const std::string& output);
// InputError when `output`'s directory does not exist: checked before the work.
void check_output(const std::string& output);
// Who approves and who prepared documents: the settings' [document].
report::Signatures document_signatures(const Runtime& rt);

void setup_event(CLI::App& app, Runner& r);
void setup_template(CLI::App& app, Runner& r);
void setup_db(CLI::App& app, Runner& r);
void setup_agreement(CLI::App& app, Runner& r);
void setup_history(CLI::App& app, Runner& r);
void setup_undo(CLI::App& app, Runner& r);
void setup_inspection(CLI::App& app, Runner& r);
void setup_report(CLI::App& app, Runner& r);
void setup_completion(CLI::App& app, Runner& r);
void setup_config(CLI::App& app, Runner& r);
void setup_unit(CLI::App& app, Runner& r);
void setup_venue(CLI::App& app, Runner& r);
void setup_plan(CLI::App& app, Runner& r);
void setup_guest(CLI::App& app, Runner& r);
void setup_delegation(CLI::App& app, Runner& r);
// `event guests` and `event seating`: the protocol side of an event (guest_cmd.cpp).
void setup_event_protocol(CLI::App* event_cmd, Runner& r);

// The event planner's services with the settings of the run.
event::Services event_services(Runtime& rt, store::OpenMode mode);
// Text to standard output (no `output`, or "-"), or to the file `output` atomically.
void emit_text(Runtime& rt, const std::string& text, const std::string& output);

// "omskplan: error: MSG" on standard error, MSG escaped for the terminal and cut when long.
void print_error(std::string_view msg);
// A stream over a file, or standard input for "-"; InputError naming the file when it cannot be read.
std::unique_ptr<std::istream> open_input(const std::string& path, std::size_t limit = files::kStreamLimit);
// The whole text of a file, or of standard input for "-" (at most 64 MiB; InputError naming it otherwise).
std::string read_input(const std::string& path, std::size_t limit = files::kDataLimit);

}  // namespace omskplan::cli
