#pragma once

// Telling the user why a query found nothing, or too much: did-you-mean,
// the ambiguous candidates, and the hint for host countries without an entry.

#include "model.hpp"
#include "query/match.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iom::cli {

// Queries longer than this are refused: no country name comes close, and a
// bound keeps a hostile query from slowing everything down.
inline constexpr std::size_t k_max_query_bytes = 256;

// Throws iom::Error (exit 2) for a query over k_max_query_bytes.
void check_query_length(std::string_view query);

// The message for a query over the bound, without the "iom: " prefix.
std::string too_long_message(std::size_t bytes);

// The message for a query with zero or several exact matches, without the
// "iom: " prefix. `prefix` goes first (e.g. "line 3: ").
// `searcher`, when given, is reused for the did-you-mean (batch callers).
std::string not_found_message(const Dataset &data, std::string_view query,
                              const std::vector<query::Match> &matches,
                              std::string_view prefix = {},
                              const query::Searcher *searcher = nullptr);

// Prints not_found_message to stderr.
void report_not_found(const Dataset &data, std::string_view query,
                      const std::vector<query::Match> &matches,
                      std::string_view prefix = {});

// "Kenya (KE)" or, for an office, "Global Office in Brussels
// (global-office-in-brussels)".
std::string describe(const Entry &entry);

} // namespace iom::cli
