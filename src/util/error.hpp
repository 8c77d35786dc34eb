#pragma once

// The one error type. Thrown anywhere, caught in main, mapped to an exit code.

#include <stdexcept>
#include <string>

namespace iom {

// Exit codes, the same for every command (SPEC section 3).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_no_match = 1;
inline constexpr int k_exit_error = 2;

class Error : public std::runtime_error {
public:
  explicit Error(std::string message, int exit_code = k_exit_error)
      : std::runtime_error(std::move(message)), m_exit_code(exit_code) {}

  int exit_code() const { return m_exit_code; }

private:
  int m_exit_code;
};

} // namespace iom
