#include "render/json.hpp"

#include "util/utf8.hpp"

#include <cstddef>
#include <vector>

namespace iom::render {

namespace {

constexpr char k_hex[] = "0123456789abcdef";
constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

void append_unicode_escape(std::string &out, char32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) {
    out += k_hex[(cp >> shift) & 0xf];
  }
}

// Only plain non-negative integers are written bare: "004" (an ISO numeric
// code) is not a JSON number, so it stays a string.
bool is_json_integer(std::string_view s) {
  if (s.empty() || (s.size() > 1 && s.front() == '0')) {
    return false;
  }
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

} // namespace

// Keys are the same on every row, so each is escaped once.
std::vector<std::string> json_keys(const std::vector<Column> &columns) {
  std::vector<std::string> keys;
  keys.reserve(columns.size());
  for (const Column &column : columns) {
    std::string key;
    append_json_string(key, column.name);
    key += ':';
    keys.push_back(std::move(key));
  }
  return keys;
}

// List columns are arrays of strings. An empty scalar is null, so consumers
// can tell an absent value (no ISO code, no host) from a present one.
void append_json_object(std::string &out, const std::vector<Cell> &row,
                        const std::vector<Column> &columns,
                        const std::vector<std::string> &keys) {
  out += '{';
  for (std::size_t c = 0; c < keys.size(); ++c) {
    if (c > 0) {
      out += ',';
    }
    out += keys[c];
    const Column &column = columns[c];
    const Cell &cell = cell_at(row, c);
    if (column.is_list) {
      out += '[';
      for (std::size_t i = 0; i < cell.items.size(); ++i) {
        if (i > 0) {
          out += ',';
        }
        append_json_string(out, cell.items[i]);
      }
      out += ']';
    } else if (const std::string_view text = cell.value(); text.empty()) {
      out += "null";
    } else if (column.is_number && is_json_integer(text)) {
      out += text;
    } else {
      append_json_string(out, text);
    }
  }
  out += '}';
}

void append_json_string(std::string &out, std::string_view s) {
  out += '"';
  std::size_t run = 0; // start of the bytes not yet appended
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    std::size_t length = 1;
    std::string_view escape;
    char32_t unicode = 0;
    if (c >= 0x80) {
      const util::CodePoint cp = util::decode_utf8(s, i);
      length = cp.length;
      if (!cp.valid) {
        escape = k_replacement;
      } else if (util::is_control(cp.value) || cp.value == 0x2028 ||
                 cp.value == 0x2029) {
        unicode = cp.value;
      } else {
        i += length;
        continue;
      }
    } else {
      switch (c) {
      case '"':
        escape = "\\\"";
        break;
      case '\\':
        escape = "\\\\";
        break;
      case '\b':
        escape = "\\b";
        break;
      case '\f':
        escape = "\\f";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      case '\t':
        escape = "\\t";
        break;
      default:
        unicode = c;
        break;
      }
    }
    out.append(s, run, i - run);
    if (escape.empty()) {
      append_unicode_escape(out, unicode);
    } else {
      out += escape;
    }
    i += length;
    run = i;
  }
  out.append(s, run);
  out += '"';
}

} // namespace iom::render
