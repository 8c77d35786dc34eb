#pragma once

// Telling the user why a query found nothing, or too much: did-you-mean,
// the ambiguous candidates, and the hint for host countries without an entry.

#include "model.hpp"
#include "query/match.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iom::cli {

// 'query' for a message: cut to 80 bytes, control characters escaped.
std::string quoted(std::string_view query);

// Throws iom::Error (exit 2) for a query over k_max_query_bytes.
void check_query_length(std::string_view query);

// The message for a query over the bound, without the "iom: " prefix.
std::string too_long_message(std::size_t bytes);

// The message for a query with zero or several exact matches, or one match
// outside the directory, without the "iom: " prefix. `prefix` goes first
// (e.g. "line 3: ").
// `searcher`, when given, is reused for the did-you-mean (batch callers).
std::string not_found_message(const Dataset &data, std::string_view query,
                              const std::vector<query::Match> &matches,
                              std::string_view prefix = {},
                              const query::Searcher *searcher = nullptr);

// For a query that --from FROM kept from matching, but that is another
// kind of key of exactly one place: "'KEN' is not an alpha-2 code; it is
// the alpha-3 code of Kenya (KE)". nullopt otherwise (then a typo is more
// likely, and not_found_message's did-you-mean is the better help).
std::optional<std::string> wrong_kind_message(const Dataset &data,
                                              std::string_view query,
                                              query::From from);

// Prints not_found_message to stderr.
void report_not_found(const Dataset &data, std::string_view query,
                      const std::vector<query::Match> &matches,
                      std::string_view prefix = {});

// "Kenya (KE)" or, for an office, "Global Office in Brussels
// (global-office-in-brussels)".
std::string describe(const Entry &entry);
// The same for a place; outside the directory "Brunei Darussalam (BN, not
// in IOM's directory)".
std::string describe(const Dataset &data, PlaceIndex place);

// "'brunei' is Brunei Darussalam (BN, BRN), which has no entry in IOM's
// directory", and the offices the country hosts, if any.
std::string outside_message(const Dataset &data, std::string_view query,
                            const WorldRow &row);

// The confusable name (data.confusables: "Congo" is CG, not CD) that the
// query is, when `answer` is its country; else nullptr.
const Confusable *find_confusable(const Dataset &data, std::string_view query,
                                  PlaceIndex answer);

// "Democratic Republic of the Congo (CD) is a different entry".
std::string different_country(const Dataset &data, const Confusable &c);

// The note for a query answered by a name that is easily taken for another
// country's, without "iom: ".
std::optional<std::string>
confusable_note(const Dataset &data, std::string_view query, PlaceIndex answer);

} // namespace iom::cli
