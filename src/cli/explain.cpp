#include "cli/explain.hpp"

#include "query/filter.hpp"
#include "query/keys.hpp"
#include "query/normalise.hpp"
#include "util/error.hpp"
#include "util/output.hpp"
#include "util/utf8.hpp"

#include <algorithm>

namespace iom::cli {
namespace explain_cpp {
namespace {

// Queries are echoed in messages; a hostile one must not flood stderr.
constexpr std::size_t k_max_echo = 80;

} // namespace
} // namespace explain_cpp

std::string quoted(std::string_view query) {
  // Escaped: a value from a table may hold a line break, which would split
  // the message's line.
  std::string text = "'";
  if (query.size() > explain_cpp::k_max_echo) {
    std::size_t cut = explain_cpp::k_max_echo;
    // Do not cut a UTF-8 sequence in half.
    while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xc0) == 0x80)
      --cut;
    util::append_escaped_control(text, query.substr(0, cut));
    text += "…";
  } else {
    util::append_escaped_control(text, query);
  }
  return text + "'";
}

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

std::string describe(const Dataset &data, PlaceIndex index) {
  const Place place = place_at(data, index);
  if (place.entry)
    return describe(*place.entry);
  return std::string(place.world->name) + " (" +
         std::string(place.world->iso2) + ", not in IOM's directory)";
}

namespace explain_cpp {
namespace {

// "; it hosts: Global Office in Washington (...)" for a country that hosts
// directory offices without an entry of its own, else "".
std::string hosted_offices(const Dataset &data, std::string_view iso2) {
  std::string offices;
  for (const auto &entry : data.entries)
    if (entry.kind == Kind::office && entry.host == iso2)
      offices += (offices.empty() ? "" : ", ") + describe(entry);
  return offices.empty() ? offices : "; it hosts: " + offices;
}

} // namespace
} // namespace explain_cpp

std::string outside_message(const Dataset &data, std::string_view query,
                            const WorldRow &row) {
  std::string codes(row.iso2);
  if (!row.iso3.empty())
    codes += ", " + std::string(row.iso3);
  return quoted(query) + " is " + std::string(row.name) + " (" + codes +
         "), which has no entry in IOM's directory" +
         explain_cpp::hosted_offices(data, row.iso2);
}

std::string not_found_message(const Dataset &data, std::string_view query,
                              const std::vector<query::Match> &matches,
                              std::string_view prefix,
                              const query::Searcher *searcher) {
  std::string message(prefix);
  if (matches.size() > 1) {
    message += quoted(query) + " is ambiguous; it matches: ";
    for (std::size_t i = 0; i < matches.size(); ++i)
      message += (i ? ", " : "") + describe(data, matches[i].place);
    return message;
  }
  if (matches.size() == 1) {
    const Place place = place_at(data, matches.front().place);
    if (!place.entry)
      return message + outside_message(data, query, *place.world);
  }
  message += "no entry matches " + quoted(query);
  // Cities are no names: several entries share one.
  const std::string city = query::normalise(query);
  const bool is_city =
      !city.empty() &&
      (searcher ? searcher->names_city(city)
                : std::any_of(data.entries.begin(), data.entries.end(),
                              [&](const Entry &entry) {
                                return query::in_city(entry, city);
                              }));
  if (is_city)
    return message + "; it is a city, not a name: 'iom offices --city "
                     "CITY' lists the entries in a city";
  if (const Host *host = query::find_host(data, query)) {
    message += "; the directory has no entry for " + std::string(host->name) +
               explain_cpp::hosted_offices(data, host->iso2);
    return message;
  }
  std::vector<query::Candidate> candidates =
      searcher ? query::suggest(*searcher, query) : query::suggest(data, query);
  if (!candidates.empty()) {
    message += "; did you mean: ";
    for (std::size_t i = 0; i < candidates.size(); ++i)
      message += (i ? ", " : "") + describe(data, candidates[i].place);
  }
  return message;
}

namespace explain_cpp {
namespace {

std::string_view from_words(query::From from) {
  switch (from) {
  case query::From::name:
    return "a name";
  case query::From::iso2:
    return "an alpha-2 code";
  case query::From::iso3:
    return "an alpha-3 code";
  case query::From::numeric:
    return "a numeric code";
  case query::From::alias:
    return "an alias";
  case query::From::any:
    break;
  }
  return "a key";
}

std::string_view kind_words(KeyKind kind) {
  switch (kind) {
  case KeyKind::name:
  case KeyKind::short_name:
  case KeyKind::id:
    return "a name of";
  case KeyKind::alias:
    return "an alias of";
  case KeyKind::iso2:
    return "the alpha-2 code of";
  case KeyKind::iso3:
    return "the alpha-3 code of";
  case KeyKind::numeric:
    return "the numeric code of";
  }
  return "a key of";
}

} // namespace
} // namespace explain_cpp

std::optional<std::string> wrong_kind_message(const Dataset &data,
                                              std::string_view query,
                                              query::From from) {
  if (from == query::From::any)
    return std::nullopt;
  const std::vector<query::Match> matches = query::lookup(data, query);
  if (matches.empty())
    return std::nullopt;
  for (const query::Match &m : matches)
    if (m.place != matches.front().place)
      return std::nullopt; // ambiguous as any key: let the caller say so
  return quoted(query) + " is not " +
         std::string(explain_cpp::from_words(from)) + "; it is " +
         std::string(explain_cpp::kind_words(matches.front().kind)) + " " +
         describe(data, matches.front().place);
}

const Confusable *find_confusable(const Dataset &data, std::string_view query,
                                  PlaceIndex answer) {
  const Place place = place_at(data, answer);
  if (!place.world || data.confusables.empty())
    return nullptr;
  // Normalised only when the answer is a confusable name's country: convert
  // asks this for every distinct line it answers.
  std::string q;
  const std::string_view iso3 = place.world->iso3;
  for (const Confusable &c : data.confusables) {
    // Byte by byte: a memcmp call per confusable costs more than the loop.
    if (c.iso3.size() != iso3.size() ||
        !std::equal(c.iso3.begin(), c.iso3.end(), iso3.begin(),
                    [](char a, char b) { return a == b; }))
      continue;
    if (q.empty())
      q = query::normalise(query);
    if (query::normalise(c.name) == q)
      return &c;
  }
  return nullptr;
}

std::string different_country(const Dataset &data, const Confusable &c) {
  const std::vector<PlaceIndex> places = query::world_places(data);
  for (std::size_t i = 0; i < data.world.size(); ++i)
    if (data.world[i].iso3 == c.other) {
      const Place o = place_at(data, places[i]);
      return std::string(o.entry ? o.entry->short_name : o.world->name) + " (" +
             std::string(o.world->iso2) + ") is a different " +
             (o.entry ? "entry" : "country");
    }
  return {}; // the loader checked that `other` is a world row
}

std::optional<std::string> confusable_note(const Dataset &data,
                                           std::string_view query,
                                           PlaceIndex answer) {
  const Confusable *c = find_confusable(data, query, answer);
  if (!c)
    return std::nullopt;
  return "note: " + quoted(query) + " is " + describe(data, answer) + "; " +
         different_country(data, *c);
}

void report_not_found(const Dataset &data, std::string_view query,
                      const std::vector<query::Match> &matches,
                      std::string_view prefix) {
  util::print_error(not_found_message(data, query, matches, prefix));
}

} // namespace iom::cli
