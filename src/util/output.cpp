#include "util/output.hpp"

#include "util/error.hpp"
#include "util/utf8.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace iom::util {

Output::Output(int fd) : m_fd(fd) {
  // Room for a flush's worth and a row more, so that the buffer is not
  // moved as it fills. An in-memory Output (the fuzzers make four per
  // input) grows only as far as its text.
  if (m_fd != k_in_memory)
    m_buffer.reserve(k_flush_threshold * 2);
}

Output::~Output() {
  // Errors must be reported by an explicit flush(); a destructor cannot throw.
  if (!m_buffer.empty()) {
    try {
      flush();
    } catch (...) {
    }
  }
}

void Output::write(std::string_view text) {
  m_buffer.append(text);
  maybe_flush();
}

void Output::flush() {
  if (m_fd == k_in_memory)
    return;
  const char *data = m_buffer.data();
  std::size_t left = m_buffer.size();
  while (left > 0) {
    ssize_t written = ::write(m_fd, data, left);
    if (written < 0) {
      if (errno == EINTR)
        continue;
      if (errno == EPIPE)
        std::_Exit(0); // the reader went away: end quietly, as rg does
      int error = errno;
      m_buffer.clear();
      throw Error(std::string("write error: ") + std::strerror(error));
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  m_buffer.clear();
}

void append_error(std::string &out, std::string_view message) {
  // One "iom: " line per line of the message; nothing else is let through raw.
  std::size_t start = 0;
  while (start <= message.size()) {
    std::size_t end = message.find('\n', start);
    if (end == std::string_view::npos)
      end = message.size();
    out += "iom: ";
    append_escaped_control(out, message.substr(start, end - start));
    out += '\n';
    start = end + 1;
  }
}

void print_error(std::string_view message) {
  std::string line;
  append_error(line, message);
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(2, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return; // nowhere left to report it
    done += static_cast<std::size_t>(n);
  }
}

bool stdout_is_terminal() {
  static const bool k_tty = ::isatty(1) == 1;
  return k_tty;
}

int terminal_width() {
  if (!stdout_is_terminal())
    return 0;
  winsize size{};
  if (::ioctl(1, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  if (const char *columns = std::getenv("COLUMNS")) {
    int value = std::atoi(columns);
    if (value > 0)
      return value;
  }
  return 80;
}

} // namespace iom::util
