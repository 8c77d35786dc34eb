#pragma once

// Reads a file descriptor line by line, for batch input (convert). A line
// longer than the caller's bound is kept only up to that bound, with its true
// length: a hostile endless line costs no memory and still counts as one line.
// The input is checked as UTF-8, or transcoded from a single-byte encoding,
// as it is read: a byte that is not valid stops the reader at the start of
// its line (every line before it is still handed out), and error() says
// where.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/encoding.hpp"

namespace iom::util {

struct Line {
  std::string_view text;  // at most `keep` bytes, without the '\n'
  std::size_t length;     // the line's true length, without the '\n'
  bool terminated = true; // false for a final line without a '\n'
};

// Where the reader stopped on input its encoding does not allow: the line
// after the last one handed out, at this byte.
struct DecodeError {
  std::size_t column; // 1-based byte offset in the line, as read
  unsigned char byte; // the offending byte
  Encoding encoding;
};

class LineReader {
public:
  static constexpr std::size_t k_default_buffer = 256 * 1024;

  // Reads `fd` (not owned). Each line keeps at most `keep` bytes.
  LineReader(int fd, std::size_t keep,
             std::size_t buffer_size = k_default_buffer,
             Encoding encoding = Encoding::utf8);
  // Reads `text` (not copied; it must outlive the reader) in reads of
  // `chunk` bytes (0: the default), as a pipe might split it: the same lines as
  // from a file descriptor, for a caller that holds its input in memory
  // (fuzz_convert).
  LineReader(std::string_view text, std::size_t keep,
             std::size_t chunk = k_default_buffer,
             Encoding encoding = Encoding::utf8);

  // The next line, into `line`; false at the end of input. A final line
  // without a newline counts; an empty input has no line. The view is valid
  // until the next call. Throws iom::Error on a read error.
  bool next(Line &line) {
    // Most lines lie inside one read: a view, no copy. Inline, as this runs
    // once per line of a large input.
    if (m_pending_length == 0 && !m_rest.empty()) {
      const char *begin = m_rest.data();
      if (const void *nl = std::memchr(begin, '\n', m_rest.size())) {
        const auto length =
            static_cast<std::size_t>(static_cast<const char *>(nl) - begin);
        line = {std::string_view(begin, std::min(length, m_keep)), length,
                true};
        m_rest.remove_prefix(length + 1);
        return true;
      }
    }
    return next_across_reads(line);
  }

  // What stopped the reader early, once next() has returned false.
  const std::optional<DecodeError> &error() const { return m_error; }

private:
  bool next_across_reads(Line &line);
  bool fill();
  std::string_view read_raw(bool &at_end);
  std::string_view decode(std::string_view raw, bool at_end);
  void stop_at(std::string_view chunk, std::size_t bad);
  void keep(std::string_view piece);

  int m_fd;
  std::size_t m_keep;
  std::size_t m_buffer_size;
  std::unique_ptr<char[]> m_buffer;
  std::string_view m_rest; // the unread part of the last read
  std::string m_pending;   // a line that crosses reads, up to m_keep bytes
  std::size_t m_pending_length = 0; // its true length so far; 0 = none
  bool m_pending_given = false;     // handed out; cleared at the next call
  bool m_eof = false;
  bool m_in_memory = false;
  std::string_view m_text; // in memory: what is still to be read
  Encoding m_encoding;
  std::size_t m_carry = 0;      // bytes of a UTF-8 sequence the read split,
  std::size_t m_carry_from = 0; // at this offset: the next read starts there
  std::string m_decoded;        // a single-byte encoding's read, as UTF-8
  std::optional<DecodeError> m_error;
};

} // namespace iom::util
