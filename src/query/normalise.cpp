#include "query/normalise.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace iom::query {

namespace {

// ASCII byte classes. A class of '0' or above is the (lowercased) byte
// itself, which is part of a token; the rest say what to do instead.
enum : unsigned char {
  k_drop = 0,  // apostrophe, period, backtick: deleted inside a token
  k_amp = 1,   // "&": the token "and"
  k_open = 2,  // "(": a separator that may open a "(the)" group
  k_close = 3, // ")": a separator that may close one
  k_multi = 4, // a byte of 0x80 or above: decode UTF-8
  k_sep = 5,   // any other byte: a separator
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
    } else if (b == '\'' || b == '.' || b == '`') {
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

// Folded form of U+0080-U+052F and U+1E00-U+1FFF: "" deletes the character,
// " " makes it a separator, anything else is the token text it becomes.
// Derived with Python's unicodedata: letters go through NFKD, combining marks
// removed, casefold, NFKD and marks removed again, then ø æ œ ł đ ð þ ħ ŧ ı ĸ
// ŋ ƀ ƒ ɖ ə ǝ ŀ to ASCII; marks, modifier symbols, format characters and the
// apostrophe-like ʹ ʻ ʼ ʽ ʾ ʿ ´ map to ""; punctuation, symbols, spaces and
// controls to " "; other characters (digits, unassigned) to themselves.
// clang-format off
constexpr std::string_view k_fold_0080[] = {
    /* 0080 */ " ", " ", " ", " ", " ", " ", " ", " ",
    /* 0088 */ " ", " ", " ", " ", " ", " ", " ", " ",
    /* 0090 */ " ", " ", " ", " ", " ", " ", " ", " ",
    /* 0098 */ " ", " ", " ", " ", " ", " ", " ", " ",
    /* 00A0 */ " ", " ", " ", " ", " ", " ", " ", " ",
    /* 00A8 */ "", " ", "a", " ", " ", "", " ", "",
    /* 00B0 */ " ", " ", "²", "³", "", "μ", " ", " ",
    /* 00B8 */ "", "¹", "o", " ", "¼", "½", "¾", " ",
    /* 00C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* 00C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* 00D0 */ "d", "n", "o", "o", "o", "o", "o", " ",
    /* 00D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
    /* 00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* 00E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* 00F0 */ "d", "n", "o", "o", "o", "o", "o", " ",
    /* 00F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
    /* 0100 */ "a", "a", "a", "a", "a", "a", "c", "c",
    /* 0108 */ "c", "c", "c", "c", "c", "c", "d", "d",
    /* 0110 */ "d", "d", "e", "e", "e", "e", "e", "e",
    /* 0118 */ "e", "e", "e", "e", "g", "g", "g", "g",
    /* 0120 */ "g", "g", "g", "g", "h", "h", "h", "h",
    /* 0128 */ "i", "i", "i", "i", "i", "i", "i", "i",
    /* 0130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
    /* 0138 */ "k", "l", "l", "l", "l", "l", "l", "l",
    /* 0140 */ "l", "l", "l", "n", "n", "n", "n", "n",
    /* 0148 */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* 0150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
    /* 0158 */ "r", "r", "s", "s", "s", "s", "s", "s",
    /* 0160 */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* 0168 */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* 0170 */ "u", "u", "u", "u", "w", "w", "y", "y",
    /* 0178 */ "y", "z", "z", "z", "z", "z", "z", "s",
    /* 0180 */ "b", "ɓ", "ƃ", "ƃ", "ƅ", "ƅ", "ɔ", "ƈ",
    /* 0188 */ "ƈ", "d", "ɗ", "ƌ", "ƌ", "ƍ", "e", "e",
    /* 0190 */ "ɛ", "f", "f", "ɠ", "ɣ", "ƕ", "ɩ", "ɨ",
    /* 0198 */ "ƙ", "ƙ", "ƚ", "ƛ", "ɯ", "ɲ", "ƞ", "ɵ",
    /* 01A0 */ "o", "o", "ƣ", "ƣ", "ƥ", "ƥ", "ʀ", "ƨ",
    /* 01A8 */ "ƨ", "ʃ", "ƪ", "ƫ", "ƭ", "ƭ", "ʈ", "u",
    /* 01B0 */ "u", "ʊ", "ʋ", "ƴ", "ƴ", "ƶ", "ƶ", "ʒ",
    /* 01B8 */ "ƹ", "ƹ", "ƺ", "ƻ", "ƽ", "ƽ", "ƾ", "ƿ",
    /* 01C0 */ "ǀ", "ǁ", "ǂ", "ǃ", "dz", "dz", "dz", "lj",
    /* 01C8 */ "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
    /* 01D0 */ "i", "o", "o", "u", "u", "u", "u", "u",
    /* 01D8 */ "u", "u", "u", "u", "u", "e", "a", "a",
    /* 01E0 */ "a", "a", "ae", "ae", "ǥ", "ǥ", "g", "g",
    /* 01E8 */ "k", "k", "o", "o", "o", "o", "ʒ", "ʒ",
    /* 01F0 */ "j", "dz", "dz", "dz", "g", "g", "ƕ", "ƿ",
    /* 01F8 */ "n", "n", "a", "a", "ae", "ae", "o", "o",
    /* 0200 */ "a", "a", "a", "a", "e", "e", "e", "e",
    /* 0208 */ "i", "i", "i", "i", "o", "o", "o", "o",
    /* 0210 */ "r", "r", "r", "r", "u", "u", "u", "u",
    /* 0218 */ "s", "s", "t", "t", "ȝ", "ȝ", "h", "h",
    /* 0220 */ "ƞ", "ȡ", "ȣ", "ȣ", "ȥ", "ȥ", "a", "a",
    /* 0228 */ "e", "e", "o", "o", "o", "o", "o", "o",
    /* 0230 */ "o", "o", "y", "y", "ȴ", "ȵ", "ȶ", "ȷ",
    /* 0238 */ "ȸ", "ȹ", "ⱥ", "ȼ", "ȼ", "ƚ", "ⱦ", "ȿ",
    /* 0240 */ "ɀ", "ɂ", "ɂ", "b", "ʉ", "ʌ", "ɇ", "ɇ",
    /* 0248 */ "ɉ", "ɉ", "ɋ", "ɋ", "ɍ", "ɍ", "ɏ", "ɏ",
    /* 0250 */ "ɐ", "ɑ", "ɒ", "ɓ", "ɔ", "ɕ", "d", "ɗ",
    /* 0258 */ "ɘ", "e", "ɚ", "ɛ", "ɜ", "ɝ", "ɞ", "ɟ",
    /* 0260 */ "ɠ", "ɡ", "ɢ", "ɣ", "ɤ", "ɥ", "ɦ", "ɧ",
    /* 0268 */ "ɨ", "ɩ", "ɪ", "ɫ", "ɬ", "ɭ", "ɮ", "ɯ",
    /* 0270 */ "ɰ", "ɱ", "ɲ", "ɳ", "ɴ", "ɵ", "ɶ", "ɷ",
    /* 0278 */ "ɸ", "ɹ", "ɺ", "ɻ", "ɼ", "ɽ", "ɾ", "ɿ",
    /* 0280 */ "ʀ", "ʁ", "ʂ", "ʃ", "ʄ", "ʅ", "ʆ", "ʇ",
    /* 0288 */ "ʈ", "ʉ", "ʊ", "ʋ", "ʌ", "ʍ", "ʎ", "ʏ",
    /* 0290 */ "ʐ", "ʑ", "ʒ", "ʓ", "ʔ", "ʕ", "ʖ", "ʗ",
    /* 0298 */ "ʘ", "ʙ", "ʚ", "ʛ", "ʜ", "ʝ", "ʞ", "ʟ",
    /* 02A0 */ "ʠ", "ʡ", "ʢ", "ʣ", "ʤ", "ʥ", "ʦ", "ʧ",
    /* 02A8 */ "ʨ", "ʩ", "ʪ", "ʫ", "ʬ", "ʭ", "ʮ", "ʯ",
    /* 02B0 */ "h", "ɦ", "j", "r", "ɹ", "ɻ", "ʁ", "w",
    /* 02B8 */ "y", "", "ʺ", "", "", "", "", "",
    /* 02C0 */ "ˀ", "ˁ", "", "", "", "", "ˆ", "ˇ",
    /* 02C8 */ "ˈ", "ˉ", "ˊ", "ˋ", "ˌ", "ˍ", "ˎ", "ˏ",
    /* 02D0 */ "ː", "ˑ", "", "", "", "", "", "",
    /* 02D8 */ "", "", "", "", "", "", "", "",
    /* 02E0 */ "ɣ", "l", "s", "x", "ʕ", "", "", "",
    /* 02E8 */ "", "", "", "", "ˬ", "", "ˮ", "",
    /* 02F0 */ "", "", "", "", "", "", "", "",
    /* 02F8 */ "", "", "", "", "", "", "", "",
    /* 0300 */ "", "", "", "", "", "", "", "",
    /* 0308 */ "", "", "", "", "", "", "", "",
    /* 0310 */ "", "", "", "", "", "", "", "",
    /* 0318 */ "", "", "", "", "", "", "", "",
    /* 0320 */ "", "", "", "", "", "", "", "",
    /* 0328 */ "", "", "", "", "", "", "", "",
    /* 0330 */ "", "", "", "", "", "", "", "",
    /* 0338 */ "", "", "", "", "", "", "", "",
    /* 0340 */ "", "", "", "", "", "", "", "",
    /* 0348 */ "", "", "", "", "", "", "", "",
    /* 0350 */ "", "", "", "", "", "", "", "",
    /* 0358 */ "", "", "", "", "", "", "", "",
    /* 0360 */ "", "", "", "", "", "", "", "",
    /* 0368 */ "", "", "", "", "", "", "", "",
    /* 0370 */ "ͱ", "ͱ", "ͳ", "ͳ", "", "", "ͷ", "ͷ",
    /* 0378 */ "\xcd\xb8", "\xcd\xb9", " ", "ͻ", "ͼ", "ͽ", " ", "ϳ",
    /* 0380 */ "\xce\x80", "\xce\x81", "\xce\x82", "\xce\x83", "", "", "α", " ",
    /* 0388 */ "ε", "η", "ι", "\xce\x8b", "ο", "\xce\x8d", "υ", "ω",
    /* 0390 */ "ι", "α", "β", "γ", "δ", "ε", "ζ", "η",
    /* 0398 */ "θ", "ι", "κ", "λ", "μ", "ν", "ξ", "ο",
    /* 03A0 */ "π", "ρ", "\xce\xa2", "σ", "τ", "υ", "φ", "χ",
    /* 03A8 */ "ψ", "ω", "ι", "υ", "α", "ε", "η", "ι",
    /* 03B0 */ "υ", "α", "β", "γ", "δ", "ε", "ζ", "η",
    /* 03B8 */ "θ", "ι", "κ", "λ", "μ", "ν", "ξ", "ο",
    /* 03C0 */ "π", "ρ", "σ", "σ", "τ", "υ", "φ", "χ",
    /* 03C8 */ "ψ", "ω", "ι", "υ", "ο", "υ", "ω", "ϗ",
    /* 03D0 */ "β", "θ", "υ", "υ", "υ", "φ", "π", "ϗ",
    /* 03D8 */ "ϙ", "ϙ", "ϛ", "ϛ", "ϝ", "ϝ", "ϟ", "ϟ",
    /* 03E0 */ "ϡ", "ϡ", "ϣ", "ϣ", "ϥ", "ϥ", "ϧ", "ϧ",
    /* 03E8 */ "ϩ", "ϩ", "ϫ", "ϫ", "ϭ", "ϭ", "ϯ", "ϯ",
    /* 03F0 */ "κ", "ρ", "σ", "ϳ", "θ", "ε", " ", "ϸ",
    /* 03F8 */ "ϸ", "σ", "ϻ", "ϻ", "ϼ", "ͻ", "ͼ", "ͽ",
    /* 0400 */ "е", "е", "ђ", "г", "є", "ѕ", "і", "і",
    /* 0408 */ "ј", "љ", "њ", "ћ", "к", "и", "у", "џ",
    /* 0410 */ "а", "б", "в", "г", "д", "е", "ж", "з",
    /* 0418 */ "и", "и", "к", "л", "м", "н", "о", "п",
    /* 0420 */ "р", "с", "т", "у", "ф", "х", "ц", "ч",
    /* 0428 */ "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я",
    /* 0430 */ "а", "б", "в", "г", "д", "е", "ж", "з",
    /* 0438 */ "и", "и", "к", "л", "м", "н", "о", "п",
    /* 0440 */ "р", "с", "т", "у", "ф", "х", "ц", "ч",
    /* 0448 */ "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я",
    /* 0450 */ "е", "е", "ђ", "г", "є", "ѕ", "і", "і",
    /* 0458 */ "ј", "љ", "њ", "ћ", "к", "и", "у", "џ",
    /* 0460 */ "ѡ", "ѡ", "ѣ", "ѣ", "ѥ", "ѥ", "ѧ", "ѧ",
    /* 0468 */ "ѩ", "ѩ", "ѫ", "ѫ", "ѭ", "ѭ", "ѯ", "ѯ",
    /* 0470 */ "ѱ", "ѱ", "ѳ", "ѳ", "ѵ", "ѵ", "ѵ", "ѵ",
    /* 0478 */ "ѹ", "ѹ", "ѻ", "ѻ", "ѽ", "ѽ", "ѿ", "ѿ",
    /* 0480 */ "ҁ", "ҁ", " ", "", "", "", "", "",
    /* 0488 */ "", "", "ҋ", "ҋ", "ҍ", "ҍ", "ҏ", "ҏ",
    /* 0490 */ "ґ", "ґ", "ғ", "ғ", "ҕ", "ҕ", "җ", "җ",
    /* 0498 */ "ҙ", "ҙ", "қ", "қ", "ҝ", "ҝ", "ҟ", "ҟ",
    /* 04A0 */ "ҡ", "ҡ", "ң", "ң", "ҥ", "ҥ", "ҧ", "ҧ",
    /* 04A8 */ "ҩ", "ҩ", "ҫ", "ҫ", "ҭ", "ҭ", "ү", "ү",
    /* 04B0 */ "ұ", "ұ", "ҳ", "ҳ", "ҵ", "ҵ", "ҷ", "ҷ",
    /* 04B8 */ "ҹ", "ҹ", "һ", "һ", "ҽ", "ҽ", "ҿ", "ҿ",
    /* 04C0 */ "ӏ", "ж", "ж", "ӄ", "ӄ", "ӆ", "ӆ", "ӈ",
    /* 04C8 */ "ӈ", "ӊ", "ӊ", "ӌ", "ӌ", "ӎ", "ӎ", "ӏ",
    /* 04D0 */ "а", "а", "а", "а", "ӕ", "ӕ", "е", "е",
    /* 04D8 */ "ә", "ә", "ә", "ә", "ж", "ж", "з", "з",
    /* 04E0 */ "ӡ", "ӡ", "и", "и", "и", "и", "о", "о",
    /* 04E8 */ "ө", "ө", "ө", "ө", "э", "э", "у", "у",
    /* 04F0 */ "у", "у", "у", "у", "ч", "ч", "ӷ", "ӷ",
    /* 04F8 */ "ы", "ы", "ӻ", "ӻ", "ӽ", "ӽ", "ӿ", "ӿ",
    /* 0500 */ "ԁ", "ԁ", "ԃ", "ԃ", "ԅ", "ԅ", "ԇ", "ԇ",
    /* 0508 */ "ԉ", "ԉ", "ԋ", "ԋ", "ԍ", "ԍ", "ԏ", "ԏ",
    /* 0510 */ "ԑ", "ԑ", "ԓ", "ԓ", "ԕ", "ԕ", "ԗ", "ԗ",
    /* 0518 */ "ԙ", "ԙ", "ԛ", "ԛ", "ԝ", "ԝ", "ԟ", "ԟ",
    /* 0520 */ "ԡ", "ԡ", "ԣ", "ԣ", "ԥ", "ԥ", "ԧ", "ԧ",
    /* 0528 */ "ԩ", "ԩ", "ԫ", "ԫ", "ԭ", "ԭ", "ԯ", "ԯ",
};
constexpr std::string_view k_fold_1e00[] = {
    /* 1E00 */ "a", "a", "b", "b", "b", "b", "b", "b",
    /* 1E08 */ "c", "c", "d", "d", "d", "d", "d", "d",
    /* 1E10 */ "d", "d", "d", "d", "e", "e", "e", "e",
    /* 1E18 */ "e", "e", "e", "e", "e", "e", "f", "f",
    /* 1E20 */ "g", "g", "h", "h", "h", "h", "h", "h",
    /* 1E28 */ "h", "h", "h", "h", "i", "i", "i", "i",
    /* 1E30 */ "k", "k", "k", "k", "k", "k", "l", "l",
    /* 1E38 */ "l", "l", "l", "l", "l", "l", "m", "m",
    /* 1E40 */ "m", "m", "m", "m", "n", "n", "n", "n",
    /* 1E48 */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* 1E50 */ "o", "o", "o", "o", "p", "p", "p", "p",
    /* 1E58 */ "r", "r", "r", "r", "r", "r", "r", "r",
    /* 1E60 */ "s", "s", "s", "s", "s", "s", "s", "s",
    /* 1E68 */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* 1E70 */ "t", "t", "u", "u", "u", "u", "u", "u",
    /* 1E78 */ "u", "u", "u", "u", "v", "v", "v", "v",
    /* 1E80 */ "w", "w", "w", "w", "w", "w", "w", "w",
    /* 1E88 */ "w", "w", "x", "x", "x", "x", "y", "y",
    /* 1E90 */ "z", "z", "z", "z", "z", "z", "h", "t",
    /* 1E98 */ "w", "y", "a", "s", "ẜ", "ẝ", "ss", "ẟ",
    /* 1EA0 */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* 1EA8 */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* 1EB0 */ "a", "a", "a", "a", "a", "a", "a", "a",
    /* 1EB8 */ "e", "e", "e", "e", "e", "e", "e", "e",
    /* 1EC0 */ "e", "e", "e", "e", "e", "e", "e", "e",
    /* 1EC8 */ "i", "i", "i", "i", "o", "o", "o", "o",
    /* 1ED0 */ "o", "o", "o", "o", "o", "o", "o", "o",
    /* 1ED8 */ "o", "o", "o", "o", "o", "o", "o", "o",
    /* 1EE0 */ "o", "o", "o", "o", "u", "u", "u", "u",
    /* 1EE8 */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* 1EF0 */ "u", "u", "y", "y", "y", "y", "y", "y",
    /* 1EF8 */ "y", "y", "ỻ", "ỻ", "ỽ", "ỽ", "ỿ", "ỿ",
    /* 1F00 */ "α", "α", "α", "α", "α", "α", "α", "α",
    /* 1F08 */ "α", "α", "α", "α", "α", "α", "α", "α",
    /* 1F10 */ "ε", "ε", "ε", "ε", "ε", "ε", "\xe1\xbc\x96", "\xe1\xbc\x97",
    /* 1F18 */ "ε", "ε", "ε", "ε", "ε", "ε", "\xe1\xbc\x9e", "\xe1\xbc\x9f",
    /* 1F20 */ "η", "η", "η", "η", "η", "η", "η", "η",
    /* 1F28 */ "η", "η", "η", "η", "η", "η", "η", "η",
    /* 1F30 */ "ι", "ι", "ι", "ι", "ι", "ι", "ι", "ι",
    /* 1F38 */ "ι", "ι", "ι", "ι", "ι", "ι", "ι", "ι",
    /* 1F40 */ "ο", "ο", "ο", "ο", "ο", "ο", "\xe1\xbd\x86", "\xe1\xbd\x87",
    /* 1F48 */ "ο", "ο", "ο", "ο", "ο", "ο", "\xe1\xbd\x8e", "\xe1\xbd\x8f",
    /* 1F50 */ "υ", "υ", "υ", "υ", "υ", "υ", "υ", "υ",
    /* 1F58 */ "\xe1\xbd\x98", "υ", "\xe1\xbd\x9a", "υ", "\xe1\xbd\x9c", "υ", "\xe1\xbd\x9e", "υ",
    /* 1F60 */ "ω", "ω", "ω", "ω", "ω", "ω", "ω", "ω",
    /* 1F68 */ "ω", "ω", "ω", "ω", "ω", "ω", "ω", "ω",
    /* 1F70 */ "α", "α", "ε", "ε", "η", "η", "ι", "ι",
    /* 1F78 */ "ο", "ο", "υ", "υ", "ω", "ω", "\xe1\xbd\xbe", "\xe1\xbd\xbf",
    /* 1F80 */ "α", "α", "α", "α", "α", "α", "α", "α",
    /* 1F88 */ "α", "α", "α", "α", "α", "α", "α", "α",
    /* 1F90 */ "η", "η", "η", "η", "η", "η", "η", "η",
    /* 1F98 */ "η", "η", "η", "η", "η", "η", "η", "η",
    /* 1FA0 */ "ω", "ω", "ω", "ω", "ω", "ω", "ω", "ω",
    /* 1FA8 */ "ω", "ω", "ω", "ω", "ω", "ω", "ω", "ω",
    /* 1FB0 */ "α", "α", "α", "α", "α", "\xe1\xbe\xb5", "α", "α",
    /* 1FB8 */ "α", "α", "α", "α", "α", "", "ι", "",
    /* 1FC0 */ "", "", "η", "η", "η", "\xe1\xbf\x85", "η", "η",
    /* 1FC8 */ "ε", "ε", "η", "η", "η", "", "", "",
    /* 1FD0 */ "ι", "ι", "ι", "ι", "\xe1\xbf\x94", "\xe1\xbf\x95", "ι", "ι",
    /* 1FD8 */ "ι", "ι", "ι", "ι", "\xe1\xbf\x9c", "", "", "",
    /* 1FE0 */ "υ", "υ", "υ", "υ", "ρ", "ρ", "υ", "υ",
    /* 1FE8 */ "υ", "υ", "υ", "υ", "ρ", "", "", "",
    /* 1FF0 */ "\xe1\xbf\xb0", "\xe1\xbf\xb1", "ω", "ω", "ω", "\xe1\xbf\xb5", "ω", "ω",
    /* 1FF8 */ "ο", "ο", "ω", "ω", "ω", "", "", "\xe1\xbf\xbf",
};
// clang-format on

constexpr char32_t k_invalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at the start of `s` (whose first byte is 0x80 or
// above). Returns k_invalid with length 1 for anything malformed, overlong,
// a surrogate or above U+10FFFF.
char32_t decode(std::string_view s, std::size_t &length) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(s[i]);
  };
  const auto continuation = [&](std::size_t i) {
    return i < s.size() && (byte(i) & 0xC0) == 0x80;
  };
  length = 1;
  const unsigned char b0 = byte(0);
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!continuation(1))
      return k_invalid;
    length = 2;
    return (char32_t(b0 & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!continuation(1) || !continuation(2))
      return k_invalid;
    const char32_t cp = (char32_t(b0 & 0x0F) << 12) |
                        (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
      return k_invalid;
    length = 3;
    return cp;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3))
      return k_invalid;
    const char32_t cp = (char32_t(b0 & 0x07) << 18) |
                        (char32_t(byte(1) & 0x3F) << 12) |
                        (char32_t(byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF)
      return k_invalid;
    length = 4;
    return cp;
  }
  return k_invalid;
}

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

// Builds the output token by token. Tokens are joined by one space; the
// token rules ("st", "the", "(the)") run as each token ends.
class Writer {
public:
  explicit Writer(std::string &out) : m_out(out) { m_out.clear(); }

  void token_char(char c) {
    if (!m_in_token)
      start_token();
    m_out.push_back(c);
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

  void open_paren() {
    separator();
    m_after_open = true;
  }

  void close_paren() {
    separator();
    if (m_paren_the != std::string::npos) {
      m_out.resize(m_paren_the);
      m_paren_the = std::string::npos;
    }
  }

  void ascii(unsigned char cls, char byte) {
    switch (cls) {
    case k_drop:
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
    if (m_leading_the) {
      m_out.clear();
      m_leading_the = false;
    }
    m_paren_the = std::string::npos;
    if (!m_out.empty())
      m_out.push_back(' ');
    m_token_start = m_out.size();
    m_token_after_open = m_after_open;
    m_after_open = false;
    m_in_token = true;
  }

  void end_token() {
    m_in_token = false;
    const std::string_view token =
        std::string_view(m_out).substr(m_token_start);
    if (token == "st") {
      m_out.resize(m_token_start);
      m_out.append("saint");
    } else if (token == "the") {
      // Cut the preceding space too, if any.
      const std::size_t cut = m_token_start == 0 ? 0 : m_token_start - 1;
      if (m_token_after_open)
        m_paren_the = cut;
      if (m_token_start == 0)
        m_leading_the = true;
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
  std::size_t m_paren_the = std::string::npos; // where a "(the" would be cut
  bool m_in_token = false;
  bool m_after_open = false; // only separators since the last "("
  bool m_token_after_open = false;
  bool m_leading_the = false; // the output so far is the token "the"
};

} // namespace

void normalise_into(std::string &out, std::string_view text) {
  Writer writer(out);
  std::size_t i = 0;
  while (i < text.size()) {
    const char byte = text[i];
    const unsigned char cls = k_ascii[static_cast<unsigned char>(byte)];
    if (cls >= '0') {
      writer.token_char(static_cast<char>(cls));
      ++i;
      continue;
    }
    if (cls != k_multi) {
      writer.ascii(cls, byte);
      ++i;
      continue;
    }
    std::size_t length = 1;
    const char32_t cp = decode(text.substr(i), length);
    if (cp == k_invalid) {
      writer.token_char(byte);
    } else {
      const Folded folded = fold(cp);
      if (folded.ascii != 0) {
        const auto b = static_cast<unsigned char>(folded.ascii);
        writer.ascii(k_ascii[b], static_cast<char>(k_ascii[b]));
      } else if (folded.copy) {
        writer.token_text(text.substr(i, length));
      } else if (folded.text == k_space) {
        writer.separator();
      } else if (!folded.text.empty()) {
        writer.token_text(folded.text);
      }
    }
    i += length;
  }
  writer.finish();
}

std::string normalise(std::string_view text) {
  std::string out;
  normalise_into(out, text);
  return out;
}

} // namespace iom::query
