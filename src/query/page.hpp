#pragma once

// A text capture of IOM's "where we work" page (the kind of text in
// ../shared/seeds/000_*.txt), and how it differs from a dataset: what
// `iom import` reports and writes. Pure: the caller reads the file.
//
// The page is lowercase. Its directory block is a "regions" line and the
// region filter labels, an "office type" line and the type labels, an
// "apply" line, then the list. The page holds the list twice: once with each
// name glued to its site-language codes ("azerbaijanen az"), once with name
// and codes on separate lines ("azerbaijan", "en az"). The separate form is
// the one read (a glued "bhutan" cannot be told from "bhut" + "an"); the
// glued form, where present, must agree with it.

#include "model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iom::query {

struct PageEntry {
  std::string name; // as on the page: lowercase
  std::vector<std::string> languages;
  std::size_t line; // 1-based, of the name
};

struct Page {
  std::vector<std::string> regions; // filter labels, in order
  std::vector<std::string> types;
  std::vector<PageEntry> entries;
};

// Reads a capture. Throws iom::Error (exit 2) with "NAME:LINE: message"
// lines when the page has no directory block or no list, or when its two
// lists disagree: never an empty list, which would read as "everything was
// removed".
Page parse_page(std::string_view text, std::string_view name);

// How each page entry matched the dataset: by its name (after
// normalisation), or by another of the entry's names (short name, alias, a
// name of its country in the world table: a rename), or not at all (new).
struct PageMatch {
  std::vector<std::optional<EntryIndex>> entry_of; // per page entry
  std::vector<bool> renamed;                       // per page entry
};

// Needs the lookup index (Dataset::keys).
PageMatch match_page(const Dataset &data, const Page &page);

// The id a new entry gets: the name's words joined by '-' ("new caledonia"
// -> "new-caledonia").
std::string slug(std::string_view name);

// The report: entries added, removed, renamed (field name) and whose
// languages changed; region and type labels added, removed or renamed (a
// label gone whose position in the filter holds a new one). Keys are the
// dataset's ids and codes; a new entry's is its slug.
std::vector<Change> compare_page(const Dataset &data, const Page &page,
                                 const PageMatch &match);

} // namespace iom::query
