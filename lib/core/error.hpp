// Error kinds shared by the library and the front end. The front end maps each
// kind to a documented exit code (docs/exit-codes.md); the message is one line
// that names the input and what is wrong with it.
#pragma once

#include <stdexcept>
#include <string>

namespace omskplan {

enum class ExitCode : int {
  ok = 0,
  error = 1,     // operational error: bad input, unknown id, broken template
  usage = 2,     // the command line itself is wrong
  alert = 3,     // the command worked and found something due or overdue (--fail-on-overdue)
  conflict = 4,  // refused because of a scheduling conflict (--strict)
  storage = 5,   // the database cannot be opened, is newer than this binary, is corrupt, disk full
};

class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message, ExitCode code = ExitCode::error)
      : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

private:
  ExitCode code_;
};

// Something the user typed or a file the user gave is wrong.
class InputError : public Error {
public:
  explicit InputError(const std::string& message) : Error(message, ExitCode::error) {}
};

// An id, template or name does not exist.
class NotFound : public Error {
public:
  explicit NotFound(const std::string& message) : Error(message, ExitCode::error) {}
};

// A write was refused because it would create a scheduling conflict.
class ConflictError : public Error {
public:
  explicit ConflictError(const std::string& message) : Error(message, ExitCode::conflict) {}
};

// The database or the disk failed.
class StorageError : public Error {
public:
  explicit StorageError(const std::string& message) : Error(message, ExitCode::storage) {}
};

}  // namespace omskplan
