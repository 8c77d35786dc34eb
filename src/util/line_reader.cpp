#include "util/line_reader.hpp"

#include "util/error.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace iom::util {

LineReader::LineReader(int fd, std::size_t keep, std::size_t buffer_size)
    : m_fd(fd), m_keep(keep), m_buffer_size(buffer_size),
      // Left uninitialised: clearing 256 KiB would cost a one-line convert
      // more than the rest of its run.
      m_buffer(std::make_unique_for_overwrite<char[]>(buffer_size)) {}

LineReader::LineReader(std::string_view text, std::size_t keep,
                       std::size_t chunk)
    : m_fd(-1), m_keep(keep),
      m_buffer_size(chunk == 0 ? k_default_buffer : chunk), m_in_memory(true),
      m_text(text) {}

bool LineReader::fill() {
  if (m_in_memory) {
    m_rest = m_text.substr(0, m_buffer_size);
    m_text.remove_prefix(m_rest.size());
    return !m_rest.empty();
  }
  for (;;) {
    ssize_t n = ::read(m_fd, m_buffer.get(), m_buffer_size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw Error(std::string("read error: ") + std::strerror(errno));
    m_rest = std::string_view(m_buffer.get(), static_cast<std::size_t>(n));
    return n > 0;
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
        line = {piece.substr(0, m_keep), piece.size()};
        return true;
      }
      keep(piece);
      m_pending_given = true;
      line = {m_pending, m_pending_length};
      return true;
    }
    keep(m_rest); // a partial line waits for the next read
    m_rest = {};
    if (m_eof || !fill()) {
      m_eof = true;
      if (m_pending_length == 0)
        return false;
      m_pending_given = true;
      line = {m_pending, m_pending_length}; // the final line had no newline
      return true;
    }
  }
}

} // namespace iom::util
