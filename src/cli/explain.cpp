#include "cli/explain.hpp"

#include "query/filter.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

namespace iom::cli {
namespace {

// Queries are echoed in messages; a hostile one must not flood stderr.
constexpr std::size_t k_max_echo = 80;

std::string quoted(std::string_view query) {
  std::string text = "'";
  if (query.size() > k_max_echo) {
    std::size_t cut = k_max_echo;
    // Do not cut a UTF-8 sequence in half.
    while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xc0) == 0x80)
      --cut;
    text += query.substr(0, cut);
    text += "…";
  } else {
    text += query;
  }
  return text + "'";
}

} // namespace

std::string too_long_message(std::size_t bytes) {
  return "query too long (" + std::to_string(bytes) + " bytes; the limit is " +
         std::to_string(k_max_query_bytes) + ")";
}

void check_query_length(std::string_view query) {
  if (query.size() > k_max_query_bytes)
    throw Error(too_long_message(query.size()));
}

std::string describe(const Entry &entry) {
  std::string text(entry.name);
  text += " (";
  text += entry.iso2.empty() ? entry.id : entry.iso2;
  text += ")";
  return text;
}

std::string not_found_message(const Dataset &data, std::string_view query,
                              const std::vector<query::Match> &matches,
                              std::string_view prefix,
                              const query::Searcher *searcher) {
  std::string message(prefix);
  if (matches.size() > 1) {
    message += quoted(query) + " is ambiguous; it matches: ";
    for (std::size_t i = 0; i < matches.size(); ++i)
      message += (i ? ", " : "") + describe(data.entries[matches[i].entry]);
    return message;
  }
  message += "no entry matches " + quoted(query);
  if (const Host *host = query::find_host(data, query)) {
    std::string offices;
    for (const auto &entry : data.entries)
      if (query::host_of(entry) == host->iso2)
        offices += (offices.empty() ? "" : ", ") + describe(entry);
    message += "; the directory has no entry for " + std::string(host->name);
    if (!offices.empty())
      message += ", but it hosts: " + offices;
    return message;
  }
  std::vector<query::Candidate> candidates =
      searcher ? query::suggest(*searcher, query) : query::suggest(data, query);
  if (!candidates.empty()) {
    message += "; did you mean: ";
    for (std::size_t i = 0; i < candidates.size(); ++i)
      message += (i ? ", " : "") + describe(data.entries[candidates[i].entry]);
  }
  return message;
}

void report_not_found(const Dataset &data, std::string_view query,
                      const std::vector<query::Match> &matches,
                      std::string_view prefix) {
  util::print_error(not_found_message(data, query, matches, prefix));
}

} // namespace iom::cli
