#include "util/line_reader.hpp"

#include "util/error.hpp"
#include "util/utf8.hpp"

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace iom::util {

LineReader::LineReader(int fd, std::size_t keep, std::size_t buffer_size,
                       Encoding encoding)
    : m_fd(fd), m_keep(keep),
      m_buffer_size(std::max<std::size_t>(buffer_size, 8)),
      // Left uninitialised: clearing 256 KiB would cost a one-line convert
      // more than the rest of its run.
      m_buffer(std::make_unique_for_overwrite<char[]>(m_buffer_size)),
      m_encoding(encoding) {}

LineReader::LineReader(std::string_view text, std::size_t keep,
                       std::size_t chunk, Encoding encoding)
    : m_fd(-1), m_keep(keep),
      m_buffer_size(chunk == 0 ? k_default_buffer : chunk), m_in_memory(true),
      m_text(text), m_encoding(encoding) {}

// One read, in the file's bytes, after the start of a UTF-8 sequence that
// the last read split. `at_end`: no byte follows it.
std::string_view LineReader::read_raw(bool &at_end) {
  if (m_in_memory) {
    // The carried bytes are still at the front of m_text.
    const std::string_view raw =
        m_text.substr(0, std::max(m_buffer_size, m_carry + 1));
    m_text.remove_prefix(raw.size());
    m_carry = 0;
    at_end = m_text.empty();
    return raw;
  }
  if (m_carry > 0)
    std::memmove(m_buffer.get(), m_buffer.get() + m_carry_from, m_carry);
  for (;;) {
    ssize_t n = ::read(m_fd, m_buffer.get() + m_carry, m_buffer_size - m_carry);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw Error(std::string("read error: ") + std::strerror(errno));
    const std::string_view raw(m_buffer.get(),
                               m_carry + static_cast<std::size_t>(n));
    m_carry = 0;
    at_end = n == 0;
    return raw;
  }
}

// Stops the reader at the start of the line that holds chunk[bad]: the
// lines before it are still handed out, the rest of the input is not.
void LineReader::stop_at(std::string_view chunk, std::size_t bad) {
  const std::size_t nl = chunk.substr(0, bad).rfind('\n');
  DecodeError error{0, static_cast<unsigned char>(chunk[bad]), m_encoding};
  if (nl == std::string_view::npos) {
    // The line began in an earlier read: its start is pending.
    error.column = m_pending_length + bad + 1;
    m_pending.clear();
    m_pending_length = 0;
    m_rest = {};
  } else {
    error.column = bad - nl;
    m_rest = chunk.substr(0, nl + 1);
  }
  m_error = error;
  m_eof = true;
}

// The UTF-8 text of one read; may stop the reader (see stop_at).
std::string_view LineReader::decode(std::string_view raw, bool at_end) {
  if (m_encoding != Encoding::utf8) {
    m_decoded.clear();
    const std::size_t bad = append_transcoded(m_decoded, raw, m_encoding);
    if (bad != std::string_view::npos) {
      // Offsets in the decoded text: the lines before are whole there.
      const std::string_view decoded = m_decoded;
      const std::size_t nl = decoded.rfind('\n');
      m_rest = decoded;
      if (nl == std::string_view::npos) {
        m_error = DecodeError{m_pending_length + decoded.size() + 1,
                              static_cast<unsigned char>(raw[bad]), m_encoding};
        m_pending.clear();
        m_pending_length = 0;
        m_rest = {};
      } else {
        m_error = DecodeError{decoded.size() - nl,
                              static_cast<unsigned char>(raw[bad]), m_encoding};
        m_rest = decoded.substr(0, nl + 1);
      }
      m_eof = true;
      return m_rest;
    }
    m_rest = m_decoded;
    return m_rest;
  }
  // A sequence split by the end of this read waits for the next one (at
  // the end of input it is invalid, and found so below).
  const std::size_t tail = at_end ? 0 : incomplete_utf8_tail(raw);
  const std::string_view whole = raw.substr(0, raw.size() - tail);
  if (tail > 0) {
    m_carry = tail;
    m_carry_from = whole.size();
    if (m_in_memory)
      m_text =
          std::string_view(raw.data() + whole.size(), tail + m_text.size());
  }
  if (const std::size_t bad = first_invalid_utf8(whole);
      bad != std::string_view::npos) {
    stop_at(whole, bad);
    return m_rest;
  }
  m_rest = whole;
  return m_rest;
}

bool LineReader::fill() {
  for (;;) {
    if (m_error)
      return false;
    bool at_end = false;
    const std::string_view raw = read_raw(at_end);
    if (raw.empty()) {
      m_rest = {};
      return false;
    }
    if (decode(raw, at_end).empty() && !m_error)
      continue; // only the start of a split sequence: read on
    return !m_rest.empty();
  }
}

void LineReader::keep(std::string_view piece) {
  if (m_pending.size() < m_keep)
    m_pending.append(piece.substr(0, m_keep - m_pending.size()));
  m_pending_length += piece.size();
}

bool LineReader::next_across_reads(Line &line) {
  if (m_pending_given) {
    m_pending.clear();
    m_pending_length = 0;
    m_pending_given = false;
  }
  for (;;) {
    if (const std::size_t nl = m_rest.find('\n');
        nl != std::string_view::npos) {
      const std::string_view piece = m_rest.substr(0, nl);
      m_rest.remove_prefix(nl + 1);
      if (m_pending_length == 0) {
        line = {piece.substr(0, m_keep), piece.size(), true};
        return true;
      }
      keep(piece);
      m_pending_given = true;
      line = {m_pending, m_pending_length, true};
      return true;
    }
    keep(m_rest); // a partial line waits for the next read
    m_rest = {};
    if (m_eof || !fill()) {
      m_eof = true;
      if (m_pending_length == 0)
        return false;
      m_pending_given = true;
      // The final line had no newline.
      line = {m_pending, m_pending_length, false};
      return true;
    }
  }
}

} // namespace iom::util
