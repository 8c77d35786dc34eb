#include "query/normalise.hpp"

#include "util/bytes16.hpp"
#include "util/utf8.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace iom::query {

namespace {

// ASCII byte classes. A class of '0' or above is the (lowercased) byte
// itself, which is part of a token; the rest say what to do instead.
enum : unsigned char {
  k_drop = 0,  // period: deleted inside a token
  k_amp = 1,   // "&": the token "and"
  k_open = 2,  // "(": a separator that may open an article group
  k_close = 3, // ")": a separator that may close one
  k_multi = 4, // a byte of 0x80 or above: decode UTF-8
  k_sep = 5,   // any other byte: a separator
  k_apos = 6,  // apostrophe, backtick: deleted, but may end an elided "l'"
};

constexpr std::array<unsigned char, 256> make_ascii_classes() {
  std::array<unsigned char, 256> classes{};
  for (int b = 0; b < 256; ++b) {
    auto &c = classes[static_cast<std::size_t>(b)];
    if (b >= 0x80) {
      c = k_multi;
    } else if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z')) {
      c = static_cast<unsigned char>(b);
    } else if (b >= 'A' && b <= 'Z') {
      c = static_cast<unsigned char>(b - 'A' + 'a');
    } else if (b == '\'' || b == '`') {
      c = k_apos;
    } else if (b == '.') {
      c = k_drop;
    } else if (b == '&') {
      c = k_amp;
    } else if (b == '(') {
      c = k_open;
    } else if (b == ')') {
      c = k_close;
    } else {
      c = k_sep;
    }
  }
  return classes;
}

constexpr std::array<unsigned char, 256> k_ascii = make_ascii_classes();

// Folded form of U+0080-U+052F (k_fold_0080) and U+1E00-U+1FFF
// (k_fold_1e00): "" deletes the character, " " makes it a separator,
// anything else is the token text it becomes. fold() in
// src/util/gen_unicode_tables.py is the derivation (decomposition, case
// folding, marks removed, a few letters to ASCII by hand).
#include "query/fold_table.inc"

constexpr std::string_view k_delete = "";
constexpr std::string_view k_space = " ";

// What a code point above U+007F becomes, as in the tables above; an empty
// `text` with `copy` set means "keep the input bytes".
struct Folded {
  std::string_view text;
  bool copy = false;
  char ascii = 0; // fullwidth forms: handle as this ASCII byte instead
};

Folded fold(char32_t cp) {
  if (cp < 0x530)
    return {k_fold_0080[cp - 0x80]};
  if (cp >= 0x1E00 && cp < 0x2000)
    return {k_fold_1e00[cp - 0x1E00]};
  if ((cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
      (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
      (cp >= 0xFE20 && cp <= 0xFE2F))
    return {k_delete}; // combining marks and variation selectors
  if (cp >= 0x2000 && cp <= 0x2BFF) {
    switch (cp) {
    case 0x200B: // zero width space, non-joiner, joiner
    case 0x200C:
    case 0x200D:
    case 0x2060: // word joiner
    case 0x2018: // ‘ ’ ‛ ′: apostrophes
    case 0x2019:
    case 0x201B:
    case 0x2032:
      return {k_delete};
    default:
      return {k_space}; // punctuation, dashes, spaces, symbols, arrows...
    }
  }
  if (cp == 0xFEFF)
    return {k_delete}; // byte order mark
  if (cp == 0x1680 || (cp >= 0x3000 && cp <= 0x303F))
    return {k_space};
  if (cp >= 0xFF01 && cp <= 0xFF5E)
    return {{}, false, static_cast<char>(cp - 0xFEE0)};
  if (cp >= 0xFF5F && cp <= 0xFF65)
    return {k_space};
  if (cp >= 0x1F000 && cp <= 0x1FAFF)
    return {k_space}; // emoji and pictographs
  return {{}, true};
}

// The articles, English, French and Spanish, as whole tokens: a first token
// that is dropped when another follows, or what a parenthesised group that
// is dropped holds ("(l')" holds the token "l").
bool is_article(std::string_view token) {
  switch (token.size()) {
  case 1:
    return token == "l";
  case 2:
    return token == "le" || token == "la" || token == "el";
  case 3:
    return token == "the" || token == "les" || token == "los" || token == "las";
  default:
    return false;
  }
}

bool is_article_group(std::string_view tokens) {
  return is_article(tokens) || tokens == "royaume des" ||
         tokens == "reino de los";
}

// Which first tokens are dropped when another token follows: every article
// (normalise), or "the" only (sort_key).
enum class Leading : bool { articles, the };

// Builds the output token by token. Tokens are joined by one space; "st"
// and a leading article are handled as each token ends, an article group
// when its ")" comes, by looking back at the tokens since the "(".
template <Leading leading> class Writer {
public:
  explicit Writer(std::string &out) : m_out(out) { m_out.clear(); }

  void token_char(char c) {
    if (!m_in_token)
      start_token();
    m_out.push_back(c);
  }

  // A run of bytes that are each part of a token (class '0' or above), as
  // token_char would write them one at a time: most text is such runs.
  void token_run(const char *bytes, std::size_t n) {
    if (!m_in_token)
      start_token();
    const std::size_t at = m_out.size();
    m_out.append(bytes, n);
    char *out = m_out.data() + at;
    for (std::size_t k = 0; k < n; ++k)
      out[k] = static_cast<char>(k_ascii[static_cast<unsigned char>(out[k])]);
  }

  void token_text(std::string_view text) {
    if (!m_in_token)
      start_token();
    m_out.append(text);
  }

  void separator() {
    if (m_in_token)
      end_token();
  }

  // Deleted, except that it ends an "l" that opens the text: "L'Allemagne"
  // is the article "l" and "allemagne", where "d'Ivoire" is "divoire".
  void apostrophe() {
    if (m_in_token && m_out.size() == 1 && m_out[0] == 'l')
      end_token();
  }

  void open_paren() {
    separator();
    m_open_at = m_out.size();
    m_open = true;
  }

  void close_paren() {
    separator();
    if (!m_open)
      return;
    m_open = false;
    std::string_view group = std::string_view(m_out).substr(m_open_at);
    if (!group.empty() && group.front() == ' ')
      group.remove_prefix(1);
    if (is_article_group(group))
      m_out.resize(m_open_at); // with the space before the group
  }

  void ascii(unsigned char cls, char byte) {
    switch (cls) {
    case k_drop:
      break;
    case k_apos:
      apostrophe();
      break;
    case k_amp:
      separator();
      token_text("and");
      separator();
      break;
    case k_open:
      open_paren();
      break;
    case k_close:
      close_paren();
      break;
    case k_multi: // unreachable for an ASCII byte
    case k_sep:
      separator();
      break;
    default:
      token_char(byte);
      break;
    }
  }

  void finish() {
    separator();
    strip_leading_zeros();
  }

private:
  void start_token() {
    if (m_leading_article) {
      m_out.clear();
      m_open_at = 0; // a group open since the article now starts the text
      m_leading_article = false;
    }
    if (!m_out.empty())
      m_out.push_back(' ');
    m_token_start = m_out.size();
    m_in_token = true;
  }

  // Runs for every token, so a long token (most of them) costs one test:
  // "st" and the articles have at most three letters.
  void end_token() {
    m_in_token = false;
    const std::size_t size = m_out.size() - m_token_start;
    if (size > 3)
      return;
    const std::string_view token(m_out.data() + m_token_start, size);
    if (token == "st") {
      m_out.resize(m_token_start);
      m_out.append("saint");
    } else if (m_token_start == 0 &&
               (token[0] == 'l' || token[0] == 'e' || token[0] == 't')) {
      if (is_article(token))
        m_leading_article = leading == Leading::articles || token == "the";
    }
  }

  void strip_leading_zeros() {
    if (m_out.size() < 2 || m_out[0] != '0')
      return;
    for (const char c : m_out)
      if (c < '0' || c > '9')
        return;
    const std::size_t first = m_out.find_first_not_of('0');
    m_out.erase(0, first == std::string::npos ? m_out.size() - 1 : first);
  }

  std::string &m_out;
  std::size_t m_token_start = 0;
  std::size_t m_open_at = 0; // the output's size at the last "("
  bool m_open = false;       // a "(" not closed yet
  bool m_in_token = false;
  bool m_leading_article = false; // the output so far is an article
};

// The apostrophe-like characters that the fold table deletes (the ASCII
// ones are k_apos): they end an elided "l'" as "'" does.
bool is_apostrophe(char32_t cp) {
  switch (cp) {
  case 0x00B4: // ´
  case 0x02B9: // ʹ ʻ ʼ ʽ ʾ ʿ
  case 0x02BB:
  case 0x02BC:
  case 0x02BD:
  case 0x02BE:
  case 0x02BF:
  case 0x2018: // ‘ ’ ‛ ′
  case 0x2019:
  case 0x201B:
  case 0x2032:
    return true;
  default:
    return false;
  }
}

// Writes the character at text[i], whose first byte is 0x80 or above, and
// returns the number of bytes it took. Kept apart from the ASCII loop of
// normalise_into, which it would otherwise slow down.
template <Leading leading>
std::size_t write_non_ascii(Writer<leading> &writer, std::string_view text,
                            std::size_t i) {
  const util::CodePoint cp = util::decode_utf8(text, i);
  // An invalid byte is copied alone: the next one may start a valid
  // sequence, and is copied or folded on its own.
  if (!cp.valid) {
    writer.token_char(text[i]);
    return 1;
  }
  const Folded folded = fold(cp.value);
  if (folded.ascii != 0) {
    const auto b = static_cast<unsigned char>(folded.ascii);
    writer.ascii(k_ascii[b], static_cast<char>(k_ascii[b]));
  } else if (folded.copy) {
    writer.token_text(text.substr(i, cp.length));
  } else if (folded.text == k_space) {
    writer.separator();
  } else if (!folded.text.empty()) {
    writer.token_text(folded.text);
  } else if (is_apostrophe(cp.value)) {
    writer.apostrophe();
  }
  return cp.length;
}

// ASCII blanks only: the result goes through the normaliser anyway, which
// folds any other space.
std::string_view trim_blanks(std::string_view text) {
  constexpr std::string_view k_blanks = " \t\n\v\f\r";
  const std::size_t first = text.find_first_not_of(k_blanks);
  if (first == std::string_view::npos)
    return {};
  return text.substr(first, text.find_last_not_of(k_blanks) - first + 1);
}

template <Leading leading>
void write_normalised(std::string &out, std::string_view text) {
  Writer<leading> writer(out);
  std::size_t i = 0;
  while (i < text.size()) {
    const char byte = text[i];
    const unsigned char cls = k_ascii[static_cast<unsigned char>(byte)];
    if (cls >= '0') {
      std::size_t end = i + 1;
      while (end < text.size() &&
             k_ascii[static_cast<unsigned char>(text[end])] >= '0')
        ++end;
      writer.token_run(text.data() + i, end - i);
      i = end;
      continue;
    }
    if (cls != k_multi) {
      writer.ascii(cls, byte);
      ++i;
      continue;
    }
    i += write_non_ascii(writer, text, i);
  }
  writer.finish();
}

// The end of a token that normalise_plain wrote, [token, end): false when
// the general path must decide (the token "st", or for sort_key a first
// token that is an article). For normalise, a first token that is an
// article sets `leading_article`, as Writer::end_token does: the next token
// that starts drops it.
template <Leading leading>
bool plain_token_ends(const char *begin, const char *token, const char *end,
                      bool &leading_article) {
  const auto size = static_cast<std::size_t>(end - token);
  if (size > 3)
    return true;
  const std::string_view text(token, size);
  if (text == "st")
    return false;
  if (token != begin || !is_article(text))
    return true;
  if constexpr (leading == Leading::the)
    return false;
  leading_article = true;
  return true;
}

// What a two-byte UTF-8 character at text[i] folds to when normalise_plain
// can write it: nullopt unless it is valid, below U+0530 (k_fold_0080), and
// folds to a separator (" "), to nothing (but no apostrophe), or to one or
// two ASCII letters or digits ("é" is "e", "ß" is "ss").
std::optional<std::string_view> plain_fold(std::string_view text,
                                           std::size_t i) {
  if (i + 1 >= text.size())
    return std::nullopt;
  const auto lead = static_cast<unsigned char>(text[i]);
  const auto next = static_cast<unsigned char>(text[i + 1]);
  if (lead < 0xC2 || lead > 0xD4 || (next & 0xC0) != 0x80)
    return std::nullopt;
  const char32_t cp = (char32_t{lead & 0x1Fu} << 6) | (next & 0x3Fu);
  if (cp >= 0x530)
    return std::nullopt;
  const std::string_view folded = k_fold_0080[cp - 0x80];
  if (folded == k_space)
    return folded;
  if (folded.empty())
    return is_apostrophe(cp) ? std::nullopt
                             : std::optional<std::string_view>(folded);
  if (folded.size() > 2)
    return std::nullopt;
  for (const char c : folded)
    if (k_ascii[static_cast<unsigned char>(c)] != static_cast<unsigned char>(c))
      return std::nullopt; // not a lowercase letter or digit
  return folded;
}

// Where the next token of a plain path's output starts: a leading article
// that is still pending goes (the token starts the output, with no space),
// else a space follows any output so far.
char *start_plain_token(char *begin, char *end, bool &leading_article) {
  if (leading_article) {
    leading_article = false;
    return begin;
  }
  if (end != begin)
    *end++ = ' ';
  return end;
}

// The plain paths' last step: `out` becomes [out.data(), end), unless it
// starts with a zero and has more than one byte (the general path strips
// leading zeros): false then.
bool finish_plain(std::string &out, const char *end) {
  const auto size = static_cast<std::size_t>(end - out.data());
  if (size >= 2 && out[0] == '0')
    return false;
  out.resize(size);
  return true;
}

// The common case in one pass over the bytes: ASCII letters and digits, and
// the two-byte letters that plain_fold takes, in tokens; any other ASCII
// byte of class k_sep between them; periods deleted; leading articles
// dropped as `leading` says (for sort_key, left to the general path). False
// (and `out` unspecified) for any other byte, a token "st", or a result
// with a leading zero: the general path,
// write_normalised, handles those. Where it returns true, `out` is what
// write_normalised writes (test_query_normalise.cpp holds it to that).
template <Leading leading>
bool normalise_plain(std::string &out, std::string_view text) {
  out.resize(text.size()); // no plain text grows
  char *const begin = out.data();
  char *end = begin;
  char *token = nullptr; // the current token's start, or null between tokens
  // The output so far is a first token that is an article (normalise).
  bool leading_article = false;
  const auto token_byte = [&](char byte) {
    if (!token)
      token = end = start_plain_token(begin, end, leading_article);
    *end++ = byte;
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char cls = k_ascii[static_cast<unsigned char>(text[i])];
    if (cls >= '0') {
      token_byte(static_cast<char>(cls));
      // The rest of the run of token bytes, without the token's start.
      while (i + 1 < n &&
             (cls = k_ascii[static_cast<unsigned char>(text[i + 1])]) >= '0') {
        *end++ = static_cast<char>(cls);
        ++i;
      }
    } else if (cls == k_sep) {
      if (token &&
          !plain_token_ends<leading>(begin, token, end, leading_article))
        return false;
      token = nullptr;
    } else if (cls == k_multi) {
      const std::optional<std::string_view> folded = plain_fold(text, i);
      if (!folded)
        return false;
      ++i; // two bytes
      if (*folded == k_space) {
        if (token &&
            !plain_token_ends<leading>(begin, token, end, leading_article))
          return false;
        token = nullptr;
      } else {
        for (const char c : *folded)
          token_byte(c);
      }
    } else if (cls != k_drop) {
      return false;
    }
  }
  if (token && !plain_token_ends<leading>(begin, token, end, leading_article))
    return false;
  return finish_plain(out, end);
}

// Sixteen bytes at a time, the commonest text of all: ASCII letters and
// digits in tokens separated by spaces, hyphens or commas, at most
// k_words_max bytes. It writes what normalise_plain<Leading::articles>
// writes, or returns false (and `out` unspecified) to leave the text to
// normalise_plain: any other byte, a longer text, and what plain_token_ends
// or the leading zero leave to the general path. The bytes are classified
// by vector operations (util/bytes16.hpp), so that a token costs no branch
// per byte. The separators' bits, one per byte, then say whether any token
// needs looking at: only when a separator is not a single one between
// tokens, or a token is "st", or the first one is an article, does a loop go
// over the tokens.
// Over the benchmarks' messy mix (first 200,000 lines), with it: 162.0M ->
// 159.1M instructions, branch mispredictions 2.14M -> 1.77M (cachegrind);
// median wall time of 31 interleaved rounds of the 1,000,000 lines 244 ->
// 224-227 ms (mawk 400-412).
// One bit per byte and the two outer bits of `bounds` below: 64 in all.
constexpr std::size_t k_words_max = 62;

using util::Bytes16;
using util::high_bits;

bool normalise_words(std::string &out, std::string_view text) {
  const std::size_t n = text.size();
  if (n == 0 || n > k_words_max)
    return false; // (an empty view may have no data to copy)
  // A copy with zeros after the text, so that whole vectors can be read.
  alignas(16) char in[64] = {};
  std::memcpy(in, text.data(), n);
  const std::size_t read = (n + 15) & ~std::size_t{15};
  out.resize(read);
  char *const begin = out.data();
  std::uint64_t separators = 0; // bit k: text[k] is a separator
  std::uint64_t accepted = 0;   // bit k: text[k] is a token byte or one
  std::uint64_t s_bytes = 0;    // bit k: text[k] is "s" or "S"
  std::uint64_t t_bytes = 0;    // the same for "t"
  for (std::size_t i = 0; i < read; i += 16) {
    Bytes16 x;
    std::memcpy(&x, in + i, sizeof x);
    const Bytes16 folded = x | 0x20;
    const auto letter =
        reinterpret_cast<Bytes16>(static_cast<Bytes16>(folded - 'a') < 26);
    const auto digit =
        reinterpret_cast<Bytes16>(static_cast<Bytes16>(x - '0') < 10);
    const auto separator =
        reinterpret_cast<Bytes16>((x == ' ') | (x == '-') | (x == ','));
    // Letters lowercased, separators made spaces.
    const Bytes16 written =
        ((x | (letter & 0x20)) & ~separator) | (separator & ' ');
    std::memcpy(begin + i, &written, sizeof written);
    separators |= std::uint64_t{high_bits(separator)} << i;
    accepted |= std::uint64_t{high_bits(letter | digit | separator)} << i;
    s_bytes |= std::uint64_t{high_bits(written == 's')} << i;
    t_bytes |= std::uint64_t{high_bits(written == 't')} << i;
  }
  const std::uint64_t all = (std::uint64_t{1} << n) - 1;
  if ((accepted & all) != all)
    return false;
  // Token boundaries, one bit further up: the separators, and one before
  // the text and one after it. Two of them side by side enclose an empty
  // token (a separator that opens or ends the text, or follows another);
  // an "st" lies between two that are three apart.
  const std::uint64_t bounds =
      (separators & all) << 1 | 1 | std::uint64_t{1} << (n + 1);
  const std::uint64_t empty = bounds & (bounds >> 1);
  const std::uint64_t st = s_bytes & (t_bytes >> 1) & bounds & (bounds >> 3);
  const auto first_size = static_cast<std::size_t>(
      std::countr_zero(separators | std::uint64_t{1} << n));
  // Most text: every token is written where it lies, none is "st" and the
  // first is no article.
  if ((empty | st) == 0 &&
      (first_size > 3 || !is_article(std::string_view(begin, first_size))))
    return finish_plain(out, begin + n);
  std::uint64_t tokens = ~separators & all;
  char *end = begin;
  bool leading_article = false;
  while (tokens != 0) {
    const auto first = static_cast<std::size_t>(std::countr_zero(tokens));
    const auto size =
        static_cast<std::size_t>(std::countr_one(tokens >> first));
    char *const token = end = start_plain_token(begin, end, leading_article);
    if (token != begin + first)
      std::memmove(token, begin + first, size);
    end += size;
    if (!plain_token_ends<Leading::articles>(begin, token, end,
                                             leading_article))
      return false;
    tokens &= ~std::uint64_t{0} << (first + size);
  }
  return finish_plain(out, end);
}

} // namespace

void normalise_into(std::string &out, std::string_view text) {
  if (!normalise_words(out, text) &&
      !normalise_plain<Leading::articles>(out, text))
    write_normalised<Leading::articles>(out, text);
}

void normalise_reference_into(std::string &out, std::string_view text) {
  write_normalised<Leading::articles>(out, text);
}

std::string normalise(std::string_view text) {
  std::string out;
  normalise_into(out, text);
  return out;
}

std::string sort_key(std::string_view text) {
  std::string out;
  // normalise_plain leaves a leading article to the general path here.
  if (!normalise_plain<Leading::the>(out, text))
    write_normalised<Leading::the>(out, text);
  return out;
}

std::optional<std::string> natural_order(std::string_view raw) {
  const std::size_t comma = raw.find(',');
  if (comma == std::string_view::npos ||
      raw.find(',', comma + 1) != std::string_view::npos)
    return std::nullopt;
  const std::string_view before = trim_blanks(raw.substr(0, comma));
  const std::string_view after = trim_blanks(raw.substr(comma + 1));
  // A side of spaces or punctuation alone ("Gambia, ." or a NBSP) names
  // nothing.
  if (normalise(before).empty() || normalise(after).empty())
    return std::nullopt;
  std::string out;
  out.reserve(after.size() + 1 + before.size());
  out.append(after);
  out.push_back(' ');
  out.append(before);
  return out;
}

bool is_function_word(std::string_view token) {
  if (is_article(token))
    return true;
  switch (token.size()) {
  case 1:
    return token == "y";
  case 2:
    return token == "of" || token == "de" || token == "du" || token == "et";
  case 3:
    return token == "and" || token == "for" || token == "des" ||
           token == "del" || token == "aux";
  default:
    return false;
  }
}

} // namespace iom::query
