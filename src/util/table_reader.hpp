#pragma once

// Reads a CSV or TSV table record by record, for enrichment (convert
// --column): RFC 4180 quoting (quoted delimiters, doubled quotes, line breaks
// inside quotes), LF or CRLF, with each record's exact bytes kept so that it
// can be written back unchanged. Lenient where Python's csv module is (a
// quote inside an unquoted field is a character; text after a closing quote
// joins the field), so that a file Python reads gives the same fields here.
//
// A record is limited to k_max_record_bytes, and a quote left open at the
// end of the input is an error: both stop the reader, with error() saying
// where, after every record before it.

#include "util/line_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iom::util {

inline constexpr std::size_t k_max_record_bytes = 16 * 1024 * 1024;

// 12 bytes: a record of a million one-letter fields holds little more than
// itself (records are at most k_max_record_bytes, so offsets fit 32 bits).
struct FieldSpan {
  std::uint32_t begin; // offsets into Record::raw, quotes included
  std::uint32_t end;
  bool quoted;
};

struct Record {
  std::string_view raw;          // the record without its line ending
  std::string_view ending;       // "\n", "\r\n", or "" at the end of input
  std::vector<FieldSpan> fields; // none for an empty line
  std::size_t line = 0;          // the line it starts on, 1-based

  std::string_view field_raw(std::size_t i) const {
    return raw.substr(fields[i].begin, fields[i].end - fields[i].begin);
  }
};

struct TableError {
  std::size_t line;   // 1-based
  std::size_t column; // 1-based byte offset in that line
  std::string message;
};

// The delimiter a header line uses: whichever of tab, comma, semicolon and
// pipe it holds most often outside quotes. 0 when two of them tie (the
// caller must ask for -d), and `fallback` when it holds none (one column).
char detect_delimiter(std::string_view line, char fallback);

// The text of a field: unquoted, with doubled quotes made single.
void field_value(std::string_view raw, bool quoted, std::string &out);

class TableReader {
public:
  // `lines` must keep at least k_max_record_bytes + 1 bytes a line. The
  // delimiter may be set later (set_delimiter), before the first next().
  explicit TableReader(LineReader &lines, char delimiter = 0)
      : m_lines(lines), m_delimiter(delimiter) {}

  // The first line, not consumed, for detect_delimiter; "" for no input.
  std::string_view peek_line();
  void set_delimiter(char delimiter) { m_delimiter = delimiter; }
  char delimiter() const { return m_delimiter; }
  // The input began with a UTF-8 byte order mark (not part of any field).
  bool bom() const { return m_bom; }

  // The next record; false at the end of the input or at an error. The
  // views are valid until the next call.
  bool next(Record &record);

  const std::optional<TableError> &error() const { return m_error; }
  // The physical lines read so far.
  std::size_t lines_read() const { return m_line; }

private:
  bool next_line(Line &line);
  void strip_bom(Line &line);

  LineReader &m_lines;
  char m_delimiter;
  Line m_peeked;
  bool m_has_peeked = false;
  bool m_peek_end = false;
  bool m_bom = false;
  std::size_t m_line = 0;
  std::string m_record; // a record over several lines, joined
  std::optional<TableError> m_error;
};

} // namespace iom::util
