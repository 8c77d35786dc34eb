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
//   - apostrophes (' ’ ‘ ‛ ′ ʹ ʻ ʼ ʽ ʾ ʿ ´ `) and periods are deleted:
//     "d'ivoire" → "divoire", "U.S.A." → "usa"; the one exception is an
//     apostrophe right after an "l" that opens the text, which ends that
//     token (the elided article: "L'Allemagne" → "l allemagne", then the
//     article rule below);
//   - "&" reads as " and ";
//   - every other punctuation, symbol, control or space character (ASCII and
//     common Unicode: dashes, NBSP, curly double quotes...) separates tokens;
//     runs collapse to one space, with none leading or trailing; soft hyphens
//     and zero-width characters are deleted;
//   - articles (English, French, Spanish), matched on whole tokens after the
//     folding above:
//       - a group of "(" then the tokens of exactly one article then ")" is
//         dropped with the space before it, wherever it stands: "(the)",
//         "(le)", "(la)", "(les)", "(l)" (so "(l')" and "(l’)"), "(el)",
//         "(los)", "(las)", "(royaume des)", "(reino de los)", in any case
//         and with any separators inside ("Niger (the)" → "niger",
//         "Pays-Bas (Royaume des)" → "pays bas"); any other group keeps its
//         tokens ("(Kingdom of the)" → "kingdom of the", "(the x)");
//       - a first token "the", "le", "la", "les", "l", "el", "los" or "las"
//         is dropped when another token follows, and so is the next if it
//         is one too ("The Gambia" → "gambia", "El Salvador" → "salvador",
//         "l’Égypte" → "egypte"); alone it stays ("el" → "el");
//       - an article anywhere else stays ("Trinité-et-Tobago" → "trinite et
//         tobago", "Isla de la Reunión" → "isla de la reunion");
//   - the token "st" becomes "saint";
//   - a result made only of ASCII digits loses its leading zeros ("004" →
//     "4", "000" → "0").
// Fullwidth ASCII forms (U+FF01-U+FF5E) read as their ASCII counterparts.
// Other scripts (Arabic, CJK...) pass through unchanged.
//
// Invalid UTF-8 never fails: each invalid byte is copied through unchanged as
// part of a token, so such input matches only a key with the same bytes.
//
// fold() in tests/data/check_aliases.py, which checks the alias files for
// collisions, follows these rules on every name of the data files but one
// way: it splits a token at an apostrophe or period ("cote d ivoire",
// "u s virgin islands") where this deletes it ("cote divoire").

#include <optional>
#include <string>
#include <string_view>

namespace iom::query {

std::string normalise(std::string_view text);

// Clears `out` and writes the normalised text into it. Allocates nothing once
// `out` has the capacity, which is what the batch `convert` path relies on.
void normalise_into(std::string &out, std::string_view text);

// normalise_into by its general path alone, without the fast paths (for
// ASCII words, and for plain text) that normalise_into tries first: the
// definition that the tests and the match fuzzer hold the fast paths to.
void normalise_reference_into(std::string &out, std::string_view text);

// A sort key: normalise's folding, except that a leading French or Spanish
// article stays, so that "El Salvador" sorts under E as in the UN's lists
// and not under S; a leading "the" is dropped, as normalise did before the
// French and Spanish articles ("the Republic of Kenya" sorts under R). Also
// the text to search for a normalised word in, so that "el" finds "El
// Salvador".
std::string sort_key(std::string_view text);

// Whether a normalised token is a word that names nothing: an article
// (English, French or Spanish, the ones a leading position drops), or one
// of the prepositions and conjunctions that join the words of a name ("and",
// "of", "for"; "de", "des", "du", "et", "aux"; "del", "y"). A one-word query
// is never taken for one of these by its edits ("foo" is no typo of the
// "for" in "Regional Office for ...").
bool is_function_word(std::string_view token);

// A comma-inverted name in its natural order: for raw text with exactly one
// comma and, on each side, something that normalises to a token, "AFTER
// BEFORE" with each side trimmed of ASCII blanks ("Korea, Republic of" →
// "Republic of Korea", "Gambia, The" → "The Gambia"); otherwise nullopt
// (no comma, two, or a side that is empty, blank or punctuation only). Only
// a fallback: the caller normalises the result and looks it up after `raw`
// itself found nothing, since some names have a comma of their own
// ("Bonaire, Sint Eustatius and Saba").
std::optional<std::string> natural_order(std::string_view raw);

} // namespace iom::query
