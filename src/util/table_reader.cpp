#include "util/table_reader.hpp"

#include <array>

namespace iom::util {

namespace {

enum class State : unsigned char {
  field_start,
  unquoted,
  quoted,          // inside quotes
  quote_in_quoted, // a quote inside quotes: closing, or the first of two
};

// Scans raw[from, to) on from `state`, ending a field at each delimiter.
void scan(std::string_view raw, std::size_t from, std::size_t to, char delim,
          State &state, std::size_t &begin, bool &quoted,
          std::vector<FieldSpan> &fields) {
  for (std::size_t i = from; i < to; ++i) {
    const char c = raw[i];
    switch (state) {
    case State::field_start:
      if (c == '"') {
        state = State::quoted;
        quoted = true;
      } else if (c == delim) {
        fields.push_back({static_cast<std::uint32_t>(begin),
                          static_cast<std::uint32_t>(i), false});
        begin = i + 1;
      } else {
        state = State::unquoted;
      }
      break;
    case State::unquoted:
      if (c == delim) {
        fields.push_back({static_cast<std::uint32_t>(begin),
                          static_cast<std::uint32_t>(i), quoted});
        begin = i + 1;
        quoted = false;
        state = State::field_start;
      }
      break;
    case State::quoted:
      if (c == '"')
        state = State::quote_in_quoted;
      break;
    case State::quote_in_quoted:
      if (c == '"') {
        state = State::quoted;
      } else if (c == delim) {
        fields.push_back({static_cast<std::uint32_t>(begin),
                          static_cast<std::uint32_t>(i), quoted});
        begin = i + 1;
        quoted = false;
        state = State::field_start;
      } else {
        state = State::unquoted; // text after the closing quote
      }
      break;
    }
  }
}

} // namespace

char detect_delimiter(std::string_view line, char fallback) {
  constexpr std::array<char, 4> k_candidates = {'\t', ',', ';', '|'};
  std::array<std::size_t, 4> counts{};
  bool in_quotes = false;
  for (char c : line) {
    if (c == '"') {
      in_quotes = !in_quotes;
      continue;
    }
    if (in_quotes)
      continue;
    for (std::size_t i = 0; i < k_candidates.size(); ++i)
      if (c == k_candidates[i])
        ++counts[i];
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < counts.size(); ++i)
    if (counts[i] > counts[best])
      best = i;
  if (counts[best] == 0)
    return fallback;
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (i != best && counts[i] == counts[best])
      return 0;
  return k_candidates[best];
}

void field_value(std::string_view raw, bool quoted, std::string &out) {
  out.clear();
  if (!quoted) {
    out.assign(raw);
    return;
  }
  State state = State::quoted;
  for (std::size_t i = 1; i < raw.size(); ++i) {
    const char c = raw[i];
    if (state == State::quoted) {
      if (c == '"')
        state = State::quote_in_quoted;
      else
        out += c;
    } else if (state == State::quote_in_quoted) {
      out += c; // a doubled quote gives one; other text joins the field
      state = c == '"' ? State::quoted : State::unquoted;
    } else {
      out += c;
    }
  }
}

void TableReader::strip_bom(Line &line) {
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  if (m_line == 0 && line.text.starts_with(k_bom)) {
    line.text.remove_prefix(k_bom.size());
    line.length -= k_bom.size();
    m_bom = true;
  }
}

bool TableReader::next_line(Line &line) {
  if (m_has_peeked) {
    m_has_peeked = false;
    line = m_peeked;
    if (m_peek_end)
      return false;
    ++m_line;
    return true;
  }
  if (!m_lines.next(line))
    return false;
  strip_bom(line);
  ++m_line;
  return true;
}

std::string_view TableReader::peek_line() {
  if (!m_has_peeked) {
    m_peek_end = !m_lines.next(m_peeked);
    if (!m_peek_end)
      strip_bom(m_peeked);
    m_has_peeked = true;
  }
  return m_peek_end ? std::string_view() : m_peeked.text;
}

bool TableReader::next(Record &record) {
  if (m_error)
    return false;
  Line line;
  if (!next_line(line))
    return false;
  record.fields.clear();
  record.line = m_line;
  const auto too_long = [&] {
    m_error = TableError{record.line, 1,
                         "a record longer than " +
                             std::to_string(k_max_record_bytes >> 20) +
                             " MiB; iom reads records up to that size"};
    return false;
  };
  if (line.length > line.text.size())
    return too_long();

  State state = State::field_start;
  std::size_t begin = 0;
  bool quoted = false;
  std::string_view raw = line.text;
  bool joined = false; // raw is m_record
  for (;;) {
    const std::size_t start = joined ? raw.size() - line.text.size() : 0;
    std::size_t end = raw.size();
    const bool cr = end > start && raw[end - 1] == '\r';
    scan(raw, start, cr ? end - 1 : end, m_delimiter, state, begin, quoted,
         record.fields);
    if (state != State::quoted) {
      if (cr)
        --end;
      record.raw = raw.substr(0, end);
      record.ending = !line.terminated ? (cr ? "\r" : "") : cr ? "\r\n" : "\n";
      if (!record.raw.empty() || !record.fields.empty() ||
          state != State::field_start || quoted)
        record.fields.push_back({static_cast<std::uint32_t>(begin),
                                 static_cast<std::uint32_t>(end), quoted});
      return true;
    }
    // A line break inside quotes: the record goes on.
    if (!line.terminated) {
      m_error = TableError{record.line, begin + 1,
                           "a quoted field is not closed before the end of "
                           "the input"};
      // Its line and column, when the field starts on a later line.
      std::size_t line_start = 0;
      std::size_t lines = 0;
      for (std::size_t i = 0; i < begin; ++i)
        if (raw[i] == '\n') {
          ++lines;
          line_start = i + 1;
        }
      m_error->line += lines;
      m_error->column = begin - line_start + 1;
      return false;
    }
    if (!joined) {
      m_record.assign(raw);
      joined = true;
    }
    Line more;
    if (!next_line(more)) {
      if (m_lines.error())
        return false; // the encoding error is the one to report
      line.terminated = false;
      m_record += '\n';
      raw = m_record;
      line.text = std::string_view();
      continue; // reports the open quote
    }
    if (more.length > more.text.size() ||
        m_record.size() + 1 + more.text.size() > k_max_record_bytes)
      return too_long();
    m_record += '\n';
    m_record.append(more.text);
    raw = m_record;
    line = more;
  }
}

} // namespace iom::util
