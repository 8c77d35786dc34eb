#pragma once

// Buffered, error-checked writing to a file descriptor. A closed pipe ends the
// program quietly (exit 0, nothing on stderr); any other write error throws
// iom::Error("write error: ...").

#include <string>
#include <string_view>

namespace iom::util {

class Output {
public:
  // Output(k_in_memory) never writes: everything stays in buffer(), for a
  // caller that takes the bytes itself (fuzz_convert).
  static constexpr int k_in_memory = -2;

  explicit Output(int fd = 1);
  ~Output();
  Output(const Output &) = delete;
  Output &operator=(const Output &) = delete;

  // The buffer callers append to; flushed when it grows past a threshold.
  std::string &buffer() { return m_buffer; }
  void write(std::string_view text);
  // Flushes when the buffer is past the threshold (cheap to call per line).
  void maybe_flush() {
    if (m_buffer.size() >= k_flush_threshold)
      flush();
  }
  void flush();

private:
  static constexpr std::size_t k_flush_threshold = 64 * 1024;
  int m_fd;
  std::string m_buffer;
};

// Writes a message line "iom: MESSAGE" to stderr, with control characters
// escaped so that no message echoes raw escape sequences.
void print_error(std::string_view message);

// The same line, appended to `out` instead (for batched warnings).
void append_error(std::string &out, std::string_view message);

// Terminal facts about stdout, read once.
bool stdout_is_terminal();
int terminal_width(); // 0 when unknown or not a terminal

} // namespace iom::util
