#pragma once

// The fuzzers' own strict readers of the machine formats, written from the
// RFCs rather than from the writers: fuzz_writers reads its rows back with
// them, fuzz_commands the commands' whole output.

#include "util/utf8.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iom::fuzz {

inline void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// RFC 4180 with a given delimiter. Every record ends with CRLF; a quoted
// field may hold anything, with '"' doubled; an unquoted one holds no '"',
// CR or LF. nullopt when the text is not such a file.
inline std::optional<std::vector<std::vector<std::string>>>
parse_csv(std::string_view text, char delimiter) {
  std::vector<std::vector<std::string>> out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto &record = out.emplace_back();
    for (;;) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size())
            return std::nullopt;
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          field += text[i++];
        }
      } else {
        while (i < text.size() && text[i] != delimiter && text[i] != '\r') {
          if (text[i] == '"' || text[i] == '\n')
            return std::nullopt;
          field += text[i++];
        }
      }
      record.push_back(std::move(field));
      if (i < text.size() && text[i] == delimiter) {
        ++i;
        continue;
      }
      if (text.substr(i, 2) != "\r\n")
        return std::nullopt;
      i += 2;
      break;
    }
  }
  return out;
}

// TSV unescaping. Strict: a backslash starts one of \\ \t \n \r. Lenient (for
// terminal output, where escape_control adds \xHH): any other backslash is
// itself.
inline std::optional<std::string> tsv_unescape(std::string_view field,
                                               bool strict) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    const char next = i + 1 < field.size() ? field[i + 1] : '\0';
    const char *known = next == '\\'  ? "\\"
                        : next == 't' ? "\t"
                        : next == 'n' ? "\n"
                        : next == 'r' ? "\r"
                                      : nullptr;
    if (known) {
      out += known;
      ++i;
    } else if (strict) {
      return std::nullopt;
    } else {
      out += '\\';
    }
  }
  return out;
}

struct Json {
  enum class Type { null, boolean, number, string, array, object } type;
  std::string text;              // string value or number token
  std::vector<Json> items;       // array items, object values
  std::vector<std::string> keys; // object keys, one per value
};

// A strict RFC 8259 parser, stricter still on strings: the writer promises
// to escape DEL, the C1 controls and U+2028/U+2029 as well.
class JsonParser {
public:
  explicit JsonParser(std::string_view text) : m_text(text) {}

  std::optional<Json> document() {
    std::optional<Json> value = this->value(0);
    skip_space();
    if (!value || m_pos != m_text.size())
      return std::nullopt;
    return value;
  }

private:
  void skip_space() {
    while (m_pos < m_text.size() &&
           (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
            m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
      ++m_pos;
  }

  bool eat(char c) {
    skip_space();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  std::optional<Json> value(int depth) {
    if (depth > 8)
      return std::nullopt;
    skip_space();
    if (m_pos >= m_text.size())
      return std::nullopt;
    const char c = m_text[m_pos];
    if (c == '"') {
      std::optional<std::string> s = string();
      if (!s)
        return std::nullopt;
      return Json{Json::Type::string, std::move(*s), {}, {}};
    }
    if (c == '[') {
      ++m_pos;
      Json array{Json::Type::array, {}, {}, {}};
      if (eat(']'))
        return array;
      do {
        std::optional<Json> item = value(depth + 1);
        if (!item)
          return std::nullopt;
        array.items.push_back(std::move(*item));
      } while (eat(','));
      if (!eat(']'))
        return std::nullopt;
      return array;
    }
    if (c == '{') {
      ++m_pos;
      Json object{Json::Type::object, {}, {}, {}};
      if (eat('}'))
        return object;
      do {
        skip_space();
        std::optional<std::string> key = string();
        if (!key || !eat(':'))
          return std::nullopt;
        std::optional<Json> member = value(depth + 1);
        if (!member)
          return std::nullopt;
        object.keys.push_back(std::move(*key));
        object.items.push_back(std::move(*member));
      } while (eat(','));
      if (!eat('}'))
        return std::nullopt;
      return object;
    }
    for (const auto &[word, type] :
         {std::pair{std::string_view("null"), Json::Type::null},
          std::pair{std::string_view("true"), Json::Type::boolean},
          std::pair{std::string_view("false"), Json::Type::boolean}}) {
      if (m_text.substr(m_pos).starts_with(word)) {
        m_pos += word.size();
        return Json{type, std::string(word), {}, {}};
      }
    }
    return number();
  }

  std::optional<Json> number() {
    const std::size_t start = m_pos;
    const auto digits = [&] {
      const std::size_t from = m_pos;
      while (m_pos < m_text.size() && m_text[m_pos] >= '0' &&
             m_text[m_pos] <= '9')
        ++m_pos;
      return m_pos - from;
    };
    if (m_pos < m_text.size() && m_text[m_pos] == '-')
      ++m_pos;
    const std::size_t int_start = m_pos;
    const std::size_t int_digits = digits();
    if (int_digits == 0 || (int_digits > 1 && m_text[int_start] == '0'))
      return std::nullopt;
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
      ++m_pos;
      if (digits() == 0)
        return std::nullopt;
    }
    if (m_pos < m_text.size() &&
        (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
      ++m_pos;
      if (m_pos < m_text.size() &&
          (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
        ++m_pos;
      if (digits() == 0)
        return std::nullopt;
    }
    return Json{Json::Type::number,
                std::string(m_text.substr(start, m_pos - start)),
                {},
                {}};
  }

  std::optional<unsigned> hex4() {
    if (m_text.size() - m_pos < 4)
      return std::nullopt;
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = m_text[m_pos++];
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<unsigned>(c - 'A' + 10);
      else
        return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> string() {
    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
      return std::nullopt;
    ++m_pos;
    std::string out;
    for (;;) {
      if (m_pos >= m_text.size())
        return std::nullopt;
      const auto b = static_cast<unsigned char>(m_text[m_pos]);
      if (b == '"') {
        ++m_pos;
        return out;
      }
      if (b < 0x20 || b == 0x7f)
        return std::nullopt;
      if (b >= 0x80) {
        const iom::util::CodePoint cp = iom::util::decode_utf8(m_text, m_pos);
        if (!cp.valid || cp.value < 0xa0 || cp.value == 0x2028 ||
            cp.value == 0x2029)
          return std::nullopt;
        out.append(m_text, m_pos, cp.length);
        m_pos += cp.length;
        continue;
      }
      if (b != '\\') {
        out += static_cast<char>(b);
        ++m_pos;
        continue;
      }
      if (++m_pos >= m_text.size())
        return std::nullopt;
      const char e = m_text[m_pos++];
      switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        std::optional<unsigned> cp = hex4();
        if (!cp || (*cp >= 0xDC00 && *cp <= 0xDFFF))
          return std::nullopt;
        if (*cp >= 0xD800 && *cp <= 0xDBFF) {
          if (m_text.substr(m_pos, 2) != "\\u")
            return std::nullopt;
          m_pos += 2;
          std::optional<unsigned> low = hex4();
          if (!low || *low < 0xDC00 || *low > 0xDFFF)
            return std::nullopt;
          *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
        }
        append_utf8(out, *cp);
        break;
      }
      default:
        return std::nullopt;
      }
    }
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

} // namespace iom::fuzz
