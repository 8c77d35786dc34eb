#include "util/utf8.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

using namespace std::string_view_literals;
using iom::util::display_width;
using iom::util::escape_control;
using iom::util::needs_escape;
using iom::util::truncate_to_width;
using iom::util::valid_utf8;

TEST_SUITE_BEGIN("util::utf8");

TEST_CASE("append_utf8 encodes every scalar value as decode_utf8 reads it") {
  std::string out;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF)
      continue;
    out.clear();
    iom::util::append_utf8(out, cp);
    const auto decoded = iom::util::decode_utf8(out, 0);
    REQUIRE(decoded.valid);
    REQUIRE(decoded.value == cp);
    REQUIRE(decoded.length == out.size());
  }
  out.clear();
  iom::util::append_utf8(out, 0x1F1F0);
  CHECK(out == "\U0001F1F0");
}

TEST_CASE("is_control is C0, DEL and C1") {
  using iom::util::is_control;
  CHECK(is_control(0x00));
  CHECK(is_control(0x1B));
  CHECK(is_control(0x1F));
  CHECK(is_control(0x7F));
  CHECK(is_control(0x80));
  CHECK(is_control(0x9F));
  CHECK_FALSE(is_control(' '));
  CHECK_FALSE(is_control('~'));
  CHECK_FALSE(is_control(0xA0));
  CHECK_FALSE(is_control(0x2028));
  CHECK_FALSE(is_control(0xFFFD));
}

// The loader's identifier check, byte for byte as it has always been.
TEST_CASE("has_control finds C0, DEL and C1 controls byte by byte") {
  using iom::util::has_control;
  CHECK_FALSE(has_control(""));
  CHECK_FALSE(has_control("Côte d'Ivoire"));
  CHECK_FALSE(has_control("\xc2\xa0")); // no-break space
  CHECK_FALSE(has_control("\u2028"));   // line separator: not a control
  CHECK(has_control("a\0b"sv));
  CHECK(has_control("a\tb"));
  CHECK(has_control("\x1b[31m"));
  CHECK(has_control("\x7f"));
  CHECK(has_control("x\xc2\x80")); // U+0080
  CHECK(has_control("\xc2\x9f"));  // U+009F
  // Invalid UTF-8: a C2 lead counts before any byte below A0, as it did in
  // the loader; other bad bytes are not controls.
  CHECK(has_control("\xc2"
                    "A"));
  CHECK_FALSE(has_control("\xc2"));
  CHECK_FALSE(has_control("\xff\x80"));
  CHECK_FALSE(has_control("\xc3\x80")); // À
}

TEST_CASE("valid_utf8 accepts well-formed text") {
  CHECK(valid_utf8(""));
  CHECK(valid_utf8("Kenya"));
  CHECK(valid_utf8("Côte d'Ivoire"));
  CHECK(valid_utf8("中国"));
  CHECK(valid_utf8("\U0001F1F0\U0001F1EA"));
  CHECK(valid_utf8("\U0010FFFF"));
  CHECK(valid_utf8("a\0b"sv));
}

TEST_CASE("valid_utf8 rejects ill-formed sequences") {
  CHECK_FALSE(valid_utf8("\xff"));
  CHECK_FALSE(valid_utf8("\x80"));
  CHECK_FALSE(valid_utf8("\xc0\xaf"));         // overlong '/'
  CHECK_FALSE(valid_utf8("\xe0\x80\xaf"));     // overlong '/'
  CHECK_FALSE(valid_utf8("\xed\xa0\x80"));     // surrogate U+D800
  CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80")); // above U+10FFFF
  CHECK_FALSE(valid_utf8("\xe2\x82"));         // truncated
  CHECK_FALSE(valid_utf8("T\xfcrkiye"));       // Latin-1
}

TEST_CASE("decode_utf8 consumes the maximal subpart of a bad sequence") {
  const auto truncated = iom::util::decode_utf8("\xe2\x82"
                                                "A",
                                                0);
  CHECK_FALSE(truncated.valid);
  CHECK(truncated.length == 2);
  const auto bad_second = iom::util::decode_utf8("\xe0\x80", 0);
  CHECK_FALSE(bad_second.valid);
  CHECK(bad_second.length == 1);
  const auto euro = iom::util::decode_utf8("\xe2\x82\xac", 0);
  CHECK(euro.valid);
  CHECK(euro.value == 0x20ac);
  CHECK(euro.length == 3);
}

namespace {

// dataset/load.cpp's is_control as it was, the definition has_control keeps.
bool loader_is_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7f)
      return true;
    if (byte == 0xc2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) < 0xa0)
      return true;
  }
  return false;
}

} // namespace

TEST_CASE("has_control agrees with the loader's check on every short input") {
  std::string text;
  for (int a = 0; a < 256; ++a) {
    for (int b = -1; b < 256; ++b) {
      text.assign(1, static_cast<char>(a));
      if (b >= 0)
        text += static_cast<char>(b);
      for (const char c : {'x', '\x80', '\xa0'}) {
        const std::string longer = text + c;
        REQUIRE(iom::util::has_control(longer) == loader_is_control(longer));
      }
      REQUIRE(iom::util::has_control(text) == loader_is_control(text));
    }
  }
}

TEST_CASE("display_width counts ASCII and Latin letters as one column") {
  CHECK(display_width("") == 0);
  CHECK(display_width("Kenya") == 5);
  CHECK(display_width("Côte d'Ivoire") == 13);
  CHECK(display_width("Türkiye") == 7);
  CHECK(display_width("São Tomé and Príncipe") == 21);
}

TEST_CASE("display_width gives combining marks zero columns") {
  CHECK(display_width("Co\u0302te") == 4);
  CHECK(display_width("e\u0301\u0301") == 1);
  CHECK(display_width("a\u200bb") == 2); // zero-width space
}

TEST_CASE("display_width gives East Asian wide characters two columns") {
  CHECK(display_width("中国") == 4);
  CHECK(display_width("日本") == 4);
  CHECK(display_width("한국") == 4);
  CHECK(display_width("\uff21") == 2); // fullwidth A
  CHECK(display_width("\u3000") == 2); // ideographic space
}

TEST_CASE("display_width gives emoji two columns") {
  CHECK(display_width("\U0001F600") == 2);
  CHECK(display_width("\U0001F44D\U0001F3FD") == 2); // skin tone modifier
  CHECK(display_width("\U0001F468\u200d\U0001F469\u200d\U0001F467") ==
        2); // ZWJ family
}

// The generated tables keep Unicode 14.0: k_wide joins runs across short
// unassigned gaps only, and a character added in 15.0 is still unassigned.
TEST_CASE("display_width follows Unicode 14.0 in unassigned code points") {
  CHECK(display_width("\U0001F266") == 2); // gap inside enclosed ideographs
  CHECK(display_width("\U0002FFFE") == 2); // between planes 2 and 3
  CHECK(display_width("\U0003FFFD") == 2);
  CHECK(display_width("\U00018D09") == 1); // the long gap after Tangut
  CHECK(display_width("\U0001AFF0") == 2); // kana extended-B
  CHECK(display_width("\U0001FAF6") == 2);
  CHECK(display_width("\U0001FAF7") == 1); // an emoji added in 15.0
  CHECK(display_width("\u0ECE") == 1);     // a Lao mark, added in 15.0
  CHECK(display_width("\U00011F00") == 1); // a Kawi mark, added in 15.0
  CHECK(display_width("\u00AD") == 1);     // soft hyphen: drawn
  CHECK(display_width("\u0600") == 1);     // prepended concatenation mark
  CHECK(display_width("\uD7FF") == 0);     // Hangul jamo block, to its end
}

TEST_CASE("display_width counts a regional-indicator pair as one flag") {
  CHECK(display_width("\U0001F1F0\U0001F1EA") == 2); // KE
  CHECK(display_width("\U0001F1F0\U0001F1EA\U0001F1FA\U0001F1EC") ==
        4);                                // KE UG
  CHECK(display_width("\U0001F1F0") == 1); // lone indicator
}

TEST_CASE("display_width counts controls and bad bytes as their escapes") {
  CHECK(display_width("\x1b") == 4);
  CHECK(display_width("a\tb") == 6);
  CHECK(display_width("\x7f") == 4);
  CHECK(display_width("\xc2\x9b") == 8);
  CHECK(display_width("\xff") == 4);
  CHECK(display_width("\xe2\x82") == 8);
  for (const std::string_view s : {"a\x1b[31mb"sv, "\0x"sv, "\xe2\x82z"sv,
                                   "T\xfcrkiye"sv, "x\xc2\x85y"sv}) {
    CAPTURE(s);
    CHECK(display_width(s) == display_width(escape_control(s)));
  }
}

TEST_CASE("escape_control escapes C0 controls, DEL and ESC as \\xHH") {
  CHECK(escape_control("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(escape_control("\t\n\r") == "\\x09\\x0a\\x0d");
  CHECK(escape_control("a\0b"sv) == "a\\x00b");
  CHECK(escape_control("\x7f") == "\\x7f");
}

TEST_CASE("escape_control escapes C1 controls byte by byte") {
  CHECK(escape_control("\xc2\x9b"
                       "31m") == "\\xc2\\x9b31m");
  CHECK(escape_control("\xc2\x85") == "\\xc2\\x85");
  CHECK(escape_control("\xc2\xa0") == "\xc2\xa0"); // NBSP is printable
}

TEST_CASE("escape_control escapes each byte of invalid UTF-8") {
  CHECK(escape_control("\xff") == "\\xff");
  CHECK(escape_control("T\xfcrkiye") == "T\\xfcrkiye");
  CHECK(escape_control("\xe2\x82!") == "\\xe2\\x82!");
  CHECK(escape_control("\xed\xa0\x80") == "\\xed\\xa0\\x80");
}

TEST_CASE("escape_control keeps printable text and backslashes") {
  CHECK(escape_control("C:\\x1b") == "C:\\x1b");
  CHECK(escape_control("Côte d'Ivoire 中国 \U0001F1F0\U0001F1EA") ==
        "Côte d'Ivoire 中国 \U0001F1F0\U0001F1EA");
}

TEST_CASE("needs_escape agrees with escape_control") {
  CHECK_FALSE(needs_escape(""));
  CHECK_FALSE(needs_escape("Côte d'Ivoire"));
  CHECK_FALSE(needs_escape("back\\slash"));
  CHECK(needs_escape("\x1b"));
  CHECK(needs_escape("a\nb"));
  CHECK(needs_escape("\x7f"));
  CHECK(needs_escape("\xc2\x9b"));
  CHECK(needs_escape("\xff"));
}

TEST_CASE("truncate_to_width keeps text that fits") {
  CHECK(truncate_to_width("Kenya", 5) == "Kenya");
  CHECK(truncate_to_width("Türkiye", 20) == "Türkiye");
  CHECK(truncate_to_width("", 3) == "");
}

TEST_CASE("truncate_to_width ends a cut with an ellipsis") {
  CHECK(truncate_to_width("Kenya", 4) == "Ken…");
  CHECK(truncate_to_width("Côte d'Ivoire", 6) == "Côte …");
  CHECK(truncate_to_width("Kenya", 1) == "…");
  CHECK(truncate_to_width("Kenya", 0) == "");
  CHECK(truncate_to_width("Kenya", -3) == "");
}

TEST_CASE("truncate_to_width never splits a wide character") {
  CHECK(truncate_to_width("中国人民", 5) == "中国…");
  CHECK(truncate_to_width("中国人民", 4) == "中…");
}

TEST_CASE("truncate_to_width never splits a flag or a combining sequence") {
  const std::string_view flags = "ab\U0001F1F0\U0001F1EA\U0001F1FA\U0001F1EC";
  CHECK(truncate_to_width(flags, 4) == "ab…");
  CHECK(truncate_to_width(flags, 5) == "ab\U0001F1F0\U0001F1EA…");
  CHECK(truncate_to_width("Co\u0302te", 3) == "Co\u0302…");
  CHECK(truncate_to_width("\U0001F44D\U0001F3FDok", 3) ==
        "\U0001F44D\U0001F3FD…");
}

TEST_CASE("truncate_to_width output fits and stays valid UTF-8") {
  for (const std::string_view s :
       {"Côte d'Ivoire"sv, "中国人民共和国"sv, "\U0001F1F0\U0001F1EA Kenya"sv,
        "e\u0301e\u0301e\u0301e\u0301"sv, "\U0001F468\u200d\U0001F469 fam"sv}) {
    for (int width = 0; width <= 16; ++width) {
      CAPTURE(s);
      CAPTURE(width);
      const std::string cut = truncate_to_width(s, width);
      CHECK(display_width(cut) <= width);
      CHECK(valid_utf8(cut));
    }
  }
}

// The word-at-a-time skips over ASCII, the jump to the first byte that is
// not ASCII and the inline two-byte check agree with decoding one code
// point after another, wherever the first bad byte falls in or after a run
// (several sequences to a word, the edges of the two-byte range).
TEST_CASE("first_invalid_utf8 is the first byte that decoding rejects") {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a",
                                "Z",
                                " ",
                                "\xC3\xA9",
                                "\xE2\x80\x99",
                                "\xF0\x9F\x87\xB0",
                                "\xC3",
                                "\x80",
                                "\xFF",
                                "\xED\xA0\x80",
                                "\xC2\x80",
                                "\xDF\xBF",
                                "\xC1\xBF",
                                "\xC2\xC0",
                                "\xDF",
                                "\xC2\x7F",
                                "\xE0\x80\x80"};
  for (int round = 0; round < 40000; ++round) {
    std::string text(rng() % 80, 'x');
    const std::size_t inserts = rng() % 7;
    for (std::size_t k = 0; k < inserts; ++k)
      text.insert(text.empty() ? 0 : rng() % text.size(),
                  pieces[rng() % std::size(pieces)]);
    std::size_t expected = std::string_view::npos;
    for (std::size_t i = 0; i < text.size();) {
      const auto cp = iom::util::decode_utf8(text, i);
      if (!cp.valid) {
        expected = i;
        break;
      }
      i += cp.length;
    }
    REQUIRE(iom::util::first_invalid_utf8(text) == expected);
  }
}

TEST_SUITE_END();
