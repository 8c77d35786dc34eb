#pragma once

// Query normalisation: the one function that both the lookup keys and the
// user's queries go through, so that "Türkiye", "TURKIYE" and "turkiye" are
// the same key.
//
// The result is lowercase, accent-free, space-separated tokens:
//   - case folded and diacritics stripped for Latin (Latin-1, Extended-A/B,
//     Extended Additional), Greek and Cyrillic; combining marks U+0300-U+036F
//     (and the other combining blocks) are dropped, so decomposed input gives
//     the same result as precomposed input; ø→o, æ→ae, œ→oe, ß→ss, ł→l,
//     đ/ð→d, þ→th, ı→i, ə→e;
//   - apostrophes (' ’ ‘ ʼ ´ `) and periods are deleted: "d'ivoire" →
//     "divoire", "U.S.A." → "usa";
//   - "&" reads as " and ";
//   - every other punctuation, symbol, control or space character (ASCII and
//     common Unicode: dashes, NBSP, curly double quotes...) separates tokens;
//     runs collapse to one space, with none leading or trailing; soft hyphens
//     and zero-width characters are deleted;
//   - a "(the)" group is dropped ("niger (the)" → "niger"), and so is a
//     leading "the" when another token follows ("the gambia" → "gambia");
//     a "the" inside a name stays;
//   - the token "st" becomes "saint";
//   - a result made only of ASCII digits loses its leading zeros ("004" →
//     "4", "000" → "0").
// Fullwidth ASCII forms (U+FF01-U+FF5E) read as their ASCII counterparts.
// Other scripts (Arabic, CJK...) pass through unchanged.
//
// Invalid UTF-8 never fails: each invalid byte is copied through unchanged as
// part of a token, so such input matches only a key with the same bytes.

#include <string>
#include <string_view>

namespace iom::query {

std::string normalise(std::string_view text);

// Clears `out` and writes the normalised text into it. Allocates nothing once
// `out` has the capacity, which is what the batch `convert` path relies on.
void normalise_into(std::string &out, std::string_view text);

} // namespace iom::query
