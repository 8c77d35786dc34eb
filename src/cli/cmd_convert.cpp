// iom convert --to FIELD [--from FIELD] [--fuzzy] [QUERY...]: batch lookup.
//
// Line mode: exactly one record per input line, in order, so that `paste`
// and line numbers keep working; a line that is blank or does not match
// gives an empty record (its fields empty, or null in jsonl). The records
// are written by render::RowStream, as every list command writes its rows.
//
// Table mode (--column COL [FILE...]): the input is a CSV or TSV table, and
// the output is the same table, every original byte of every row kept, with
// the --to fields appended as columns.
//
// Either way, what did not simply match is told once, at the end: the
// counts, each distinct unmatched value with its count, first line and
// did-you-mean (up to k_listed of them), and each distinct guess. --verbose
// tells every line instead. The did-you-mean of a value is computed only
// when it is told.

#include "cli/convert.hpp"

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/explain.hpp"
#include "cli/options.hpp"
#include "cli/suggest.hpp"
#include "query/match.hpp"
#include "query/normalise.hpp"
#include "render/delimited.hpp"
#include "render/stream.hpp"
#include "util/error.hpp"
#include "util/hash.hpp"
#include "util/line_cache.hpp"
#include "util/line_reader.hpp"
#include "util/table_reader.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

#include "cli/cli11.hpp"
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace iom::cli {
namespace cmd_convert_cpp {
namespace {

struct Options {
  ConvertOptions convert;
  std::string encoding = "utf8";
  std::vector<std::string> args;
};

// In query::From's order.
constexpr util::Choice k_froms[] = {
    {"any"}, {"name"}, {"iso2"}, {"iso3"}, {"numeric"}, {"alias"},
};
constexpr ChoiceList k_from_list{k_froms, "--from value"};

// In util::Encoding's order.
constexpr util::Choice k_encodings[] = {
    {"utf8", "UTF-8 (checked: a byte that is not valid is an error)"},
    {"cp1252", "Windows-1252, as Excel writes CSV on Western systems"},
    {"latin1", "ISO 8859-1"},
};
constexpr ChoiceList k_encoding_list{k_encodings, "--encoding value"};

// How many distinct unmatched values (and guesses) the summary names.
constexpr std::size_t k_listed = 20;
// Distinct values counted for "and N more"; past this, "more than N", so
// that a file of distinct garbage costs bounded memory (1 MiB of hashes).
constexpr std::size_t k_max_counted = std::size_t{1} << 16;

query::From parse_from(std::string_view text) {
  return choice_enum<query::From>(k_from_list, text);
}

// Not resolve_style's format: convert writes tsv on a terminal too, and only
// the formats that give one line per record.
render::Format parse_line_format(std::string_view format) {
  if (format.empty() || format == "tsv")
    return render::Format::tsv;
  if (format == "csv")
    return render::Format::csv;
  if (format == "jsonl")
    return render::Format::jsonl;
  throw Error("convert prints one line per input line; use -f tsv, csv or "
              "jsonl, not '" +
              std::string(format) + "'");
}

// The input column (--keep) first, then the --to fields.
std::vector<render::Column>
record_columns(const std::vector<const Field *> &fields, bool keep) {
  std::vector<render::Column> columns;
  if (keep)
    columns.push_back({"input", "INPUT", false, false});
  for (render::Column &column : make_columns(fields))
    columns.push_back(std::move(column));
  return columns;
}

// The writers' options, without a header: one record per input line.
render::Options record_options(const GlobalOptions &options) {
  if (options.hxl)
    throw Error("--hxl needs a header, and line mode writes none: use it with "
                "--column");
  render::Options result = resolve_style(options).options;
  result.header = false;
  return result;
}

// A byte loop: find_first_not_of(" \t") calls memchr on its set for each
// byte it looks at, once per line of input at least.
bool is_blank(std::string_view text) {
  for (const char c : text)
    if (c != ' ' && c != '\t')
      return false;
  return true;
}

std::string_view plural(std::size_t n, std::string_view unit) {
  return n == 1 ? unit.substr(0, unit.size() - 1) : unit;
}

std::string hex_byte(unsigned char byte) {
  return fmt::format("0x{:02X}", byte);
}

// "FILE:LINE:COL: ..." for input that its encoding does not allow.
std::string decode_message(const util::DecodeError &error,
                           std::string_view name, std::size_t line) {
  std::string where = fmt::format("{}:{}:{}: ", name, line, error.column);
  if (error.encoding == util::Encoding::utf8)
    return where + "not valid UTF-8 (byte " + hex_byte(error.byte) +
           "); the input may be Windows-1252 or Latin-1, as Excel exports "
           "often are: read it with --encoding cp1252 (or latin1)";
  return where + "byte " + hex_byte(error.byte) + " is not a " +
         std::string(util::encoding_name(error.encoding)) +
         " character; if the input is Latin-1, use --encoding latin1";
}

bool is_file(const std::string &path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Converts values, one at a time, and keeps the summary of what did not
// simply match. Line mode writes records through a RowStream; table mode
// writes the appended cells of a row (set_delimiter first).
class Converter {
public:
  enum class Mode { lines, table };

  Converter(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, util::Output &out, util::Output &err,
            const query::Searcher *searcher, Mode mode)
      : m_out(out), m_err(err), m_data(data), m_given_searcher(searcher),
        m_fields(parse_fields(options.to)), m_from(parse_from(options.from)),
        m_mode(mode),
        m_format(mode == Mode::lines ? parse_line_format(format_name(global))
                                     : render::Format::csv),
        m_fuzzy(options.fuzzy), m_keep(options.keep), m_world(options.world),
        m_verbose(options.verbose), m_lang(resolve_lang(global)),
        m_columns(record_columns(m_fields, m_keep)), m_row(m_columns.size()),
        m_shared_records(mode == Mode::table || !m_keep),
        m_place_records(m_shared_records ? place_count(data) : 0),
        m_may_confuse(place_count(data), k_unknown) {
    if (mode == Mode::lines)
      m_stream.emplace(out.buffer(), m_columns, m_format,
                       record_options(global));
  }

  const std::vector<const Field *> &fields() const { return m_fields; }
  void set_delimiter(char delimiter) {
    m_delimiter = delimiter;
    m_empty_cells.assign(m_fields.size(), delimiter);
  }

  // Line mode. `length` is the line's true length; `text` may hold only its
  // first k_max_query_bytes + 1 bytes when it is longer (see
  // util::LineReader). `argument`: it came from the command line.
  void line(std::string_view text, std::size_t length, bool argument = false) {
    ++m_line;
    if (!text.empty() && text.back() == '\r' && length == text.size()) {
      text.remove_suffix(1);
      --length;
    }
    if (is_blank(text) && length == text.size()) {
      ++m_blank;
      record(text, std::nullopt);
    } else if (length > k_max_query_bytes) {
      // The same prefix is echoed however the line arrived.
      count_unmatched(text.substr(0, k_max_query_bytes),
                      too_long_message(length), argument);
      record(text.substr(0, k_max_query_bytes), std::nullopt);
    } else {
      value(text, argument);
    }
    m_out.maybe_flush();
    m_err.maybe_flush();
  }

  // Table mode: appends the cells for the value of the row starting on
  // `line` (the field in COL, decoded).
  void cells(std::string_view text, std::size_t line) {
    m_line = line;
    if (is_blank(text)) {
      ++m_blank;
      m_out.buffer() += m_empty_cells;
    } else if (text.size() > k_max_query_bytes) {
      count_unmatched(text.substr(0, k_max_query_bytes),
                      too_long_message(text.size()), false);
      m_out.buffer() += m_empty_cells;
    } else {
      value(text, false);
    }
    m_err.maybe_flush();
  }

  // Table mode: a row too short to have the column.
  void missing_field(std::size_t line, std::size_t fields, std::size_t column) {
    m_line = line;
    count_unmatched(std::string_view("\0missing", 8),
                    "the row has " + std::to_string(fields) +
                        plural_word(fields, " field") + ", so no column " +
                        std::to_string(column + 1),
                    false);
    m_out.buffer() += m_empty_cells;
  }

  // Table mode: an empty line, kept as it is.
  void empty_row() { ++m_blank; }

  // Writes the summary (and `error`, which makes the status 2), flushes.
  int finish(const std::optional<std::string> &error) {
    summarise();
    if (error) {
      util::append_error(m_err.buffer(), *error);
      m_status = k_exit_error;
    }
    if (m_stream)
      m_stream->finish();
    m_out.flush();
    m_err.flush();
    return m_status;
  }

private:
  // What a value resolves to, and the record it gives: a pure function of
  // the value, so it is cached per distinct value. Its strings go in a block
  // of their own, which most values never need: a cache slot, its line's
  // text and its Outcome, then fits one cache line.
  struct Outcome {
    struct Texts {
      // A guess's note, or the message of a miss that a guess outside the
      // directory made; empty for any other miss, whose message is made
      // only if the summary tells it (not_found_message: a search, or for
      // `found` the places its lookup found).
      std::string message;
      std::string record; // with --keep in line mode (else shared_record)
    };

    std::optional<PlaceIndex> place;
    bool miss = false;
    bool found = false; // a miss: the lookup found places, none answered
    const Confusable *confusable = nullptr; // the value is one, see finish
    std::unique_ptr<Texts> texts;           // made when first needed

    std::string_view message() const {
      return texts ? std::string_view(texts->message) : std::string_view();
    }
    // The texts, made if need be (a cache slot keeps them, and their
    // strings' capacity, for the next value that it holds).
    Texts &made_texts() {
      if (!texts)
        texts = std::make_unique<Texts>();
      return *texts;
    }
  };

  static_assert(sizeof(void *) != 8 || sizeof(Outcome) <= 32,
                "a cache slot, a std::string and an Outcome, fits 64 bytes");

  // A distinct value the summary tells, with its count and first line.
  struct Noted {
    std::string value;
    std::string message; // empty until told, for a miss
    std::size_t count = 0;
    std::size_t first_line = 0;
    bool argument = false;
    // A miss that the lookup found places for (ambiguous, or outside the
    // directory): its message is not_found_message of those places.
    bool found = false;
    // `message` is a did-you-mean made when the value was first seen, still
    // without the hint for an argument that names a file.
    bool searched = false;
  };

  // The hashes of distinct values, as an open-addressing table (0 marks an
  // empty slot, so a hash of 0 is kept apart): no node per value. The slot
  // comes from the hash through a multiplier drawn for each process, so that
  // input crafted to share slots (hash_bytes is public, and easily made to
  // agree in its low bits) cannot turn each insert into a scan of the table.
  class HashSet {
  public:
    std::size_t size() const { return m_size; }

    // Whether `hash` was new.
    bool insert(std::uint64_t hash) {
      if (hash == 0) {
        if (m_zero)
          return false;
        m_zero = true;
        ++m_size;
        return true;
      }
      if (2 * (m_size + 1) > m_slots.size())
        grow();
      const std::size_t mask = m_slots.size() - 1;
      std::size_t slot = place(hash);
      while (m_slots[slot] != 0) {
        if (m_slots[slot] == hash)
          return false;
        slot = (slot + 1) & mask;
      }
      m_slots[slot] = hash;
      ++m_size;
      return true;
    }

  private:
    // The top bits of the hash times an odd secret: a table of 2^k slots
    // takes k bits that no input can aim at.
    std::size_t place(std::uint64_t hash) const {
      return static_cast<std::size_t>((hash * secret()) >> m_shift);
    }
    static std::uint64_t secret() {
      static const std::uint64_t value = [] {
        std::uint64_t drawn = 0;
        if (::getrandom(&drawn, sizeof drawn, GRND_NONBLOCK) !=
            static_cast<ssize_t>(sizeof drawn))
          drawn = reinterpret_cast<std::uintptr_t>(&drawn) * 0x9E3779B97F4A7C15;
        return drawn | 1;
      }();
      return value;
    }
    void grow() {
      std::vector<std::uint64_t> old = std::exchange(
          m_slots, std::vector<std::uint64_t>(
                       std::max<std::size_t>(1024, 2 * m_slots.size()), 0));
      m_shift = 64 - static_cast<unsigned>(std::countr_zero(m_slots.size()));
      const std::size_t mask = m_slots.size() - 1;
      for (const std::uint64_t hash : old)
        if (hash != 0) {
          std::size_t slot = place(hash);
          while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
          m_slots[slot] = hash;
        }
    }

    std::vector<std::uint64_t> m_slots;
    unsigned m_shift = 64;
    std::size_t m_size = 0;
    bool m_zero = false;
  };

  // The values of one kind (unmatched, or guessed): the first k_listed
  // distinct ones, and how many distinct ones there were.
  struct Tally {
    std::size_t rows = 0;
    std::vector<Noted> listed;
    std::vector<std::uint64_t> listed_hashes; // parallel to listed
    // A filter of those hashes: bit (hash >> 6) % 8 of byte hash % 64 is set
    // for each, so a clear bit means "not listed".
    std::array<std::uint8_t, 64> listed_bytes{};
    HashSet distinct; // capped
    std::size_t distinct_count = 0;
    bool capped = false;

    // False when no listed value has this hash; true when one may.
    bool maybe_listed(std::uint64_t hash) const {
      return (listed_bytes[hash & 63] & (1u << ((hash >> 6) & 7))) != 0;
    }

    // The entry of `value` in `listed`, or null when it is not listed.
    // `value_hash` is util::hash_bytes(value) (LineCache's hash), when the
    // caller has it.
    Noted *note(std::string_view value, std::size_t line,
                std::optional<std::uint64_t> value_hash = std::nullopt) {
      ++rows;
      const std::uint64_t hash =
          value_hash ? *value_hash : util::hash_bytes(value);
      if (!capped) {
        if (distinct.insert(hash)) {
          ++distinct_count;
          if (distinct.size() >= k_max_counted)
            capped = true;
        }
      }
      // At most k_listed of them; a value that is not among them (most, in
      // a file of garbage) is told apart by one byte of its hash.
      if (maybe_listed(hash))
        for (std::size_t i = 0; i < listed.size(); ++i)
          if (listed_hashes[i] == hash && listed[i].value == value) {
            ++listed[i].count;
            return &listed[i];
          }
      if (listed.size() >= k_listed)
        return nullptr;
      listed_bytes[hash & 63] |=
          static_cast<std::uint8_t>(1u << ((hash >> 6) & 7));
      listed_hashes.push_back(hash);
      listed.push_back({std::string(value), {}, 1, line, false});
      return &listed.back();
    }

    // note(value, line, hash) where it would only count a row: the count of
    // distinct values is capped, the list is full and the filter says that
    // `hash` is not listed. True when it has counted the row; false (nothing
    // done) otherwise. Inline, for a file of distinct misses: most of its
    // lines end here once the cap is reached.
    bool count_unlisted(std::uint64_t hash) {
      if (!capped || listed.size() < k_listed || maybe_listed(hash))
        return false;
      ++rows;
      return true;
    }
  };

  static std::string plural_word(std::size_t n, std::string_view word) {
    return std::string(word) + (n == 1 ? "" : "s");
  }

  std::string_view unit() const {
    return m_mode == Mode::lines ? "lines" : "rows";
  }

  void value(std::string_view text, bool argument) {
    bool fresh = false;
    // One hash for the cache and the summary's counts.
    const std::uint64_t hash = util::LineCache<Outcome>::hash(text);
    const Outcome &outcome = m_cache.get(text, hash, [&](Outcome &slot) {
      resolve(text, slot);
      if (m_shared_records)
        record(text, slot.place);
      else
        slot.made_texts().record.assign(write(text, slot.place));
      fresh = true;
    });
    if (!fresh)
      m_out.buffer() += m_shared_records ? shared_record(outcome.place)
                                         : outcome.texts->record;
    if (outcome.confusable)
      note_confusable(*outcome.confusable, *outcome.place);
    if (outcome.miss) {
      if (!m_verbose && m_unmatched.count_unlisted(hash))
        m_status = k_exit_no_match; // as count_unmatched would
      else
        count_unmatched(text, outcome.message(), argument, outcome.found, hash);
    } else if (!outcome.message().empty()) {
      ++m_matched;
      if (m_verbose) {
        ++m_guessed.rows;
        tell(m_line, outcome.message());
      } else if (Noted *noted = m_guessed.note(text, m_line, hash)) {
        if (noted->message.empty())
          noted->message = outcome.message();
      }
    } else {
      ++m_matched;
    }
  }

  // Counts an unmatched value; `message` may be empty (made when told).
  // `found`: see Noted.
  void count_unmatched(std::string_view text, std::string_view message,
                       bool argument, bool found = false,
                       std::optional<std::uint64_t> hash = std::nullopt) {
    m_status = k_exit_no_match;
    if (m_verbose) {
      ++m_unmatched.rows;
      tell(m_line, message.empty() ? miss_message(text, argument, found)
                                   : std::string(message));
      return;
    }
    if (Noted *noted = m_unmatched.note(text, m_line, hash)) {
      noted->argument = noted->argument || argument;
      // The first message that is given, or the places found (made later):
      // as when every message was made at once.
      if (noted->message.empty() && !noted->found) {
        noted->message = message;
        noted->found = found;
        // --fuzzy has just searched the value for a guess: its did-you-mean
        // is that search again, which the Searcher answers from its last
        // search now, and from scratch when told.
        if (m_fuzzy && message.empty() && !found) {
          noted->message = did_you_mean(text);
          noted->searched = true;
        }
      }
    }
  }

  void tell(std::size_t line, std::string_view message, std::size_t count = 1) {
    std::string text = "line " + std::to_string(line);
    if (count > 1)
      text += " (" + std::to_string(count) + " " + std::string(unit()) + ")";
    text += ": ";
    text += message;
    util::append_error(m_err.buffer(), text);
  }

  void summarise() {
    const std::size_t unmatched = m_unmatched.rows;
    const std::size_t guessed = m_guessed.rows;
    if (unmatched + guessed + m_blank > 0) {
      const std::size_t total = m_matched + unmatched + m_blank;
      std::string counts = std::to_string(total) + " " +
                           std::string(plural(total, unit())) + ": " +
                           std::to_string(m_matched) + " matched";
      if (guessed > 0)
        counts += " (" + std::to_string(guessed) + " guessed)";
      counts += ", " + std::to_string(unmatched) + " unmatched, " +
                std::to_string(m_blank) + " blank";
      util::append_error(m_err.buffer(), counts);
    }
    tell_listed(m_unmatched, "unmatched values");
    tell_listed(m_guessed, "guesses");
    // One note per country that confusable names answered.
    for (const Confused &c : m_confused)
      util::append_error(m_err.buffer(),
                         "note: " + std::to_string(c.lines) + " " +
                             std::string(plural(c.lines, unit())) +
                             " (first line " + std::to_string(c.first_line) +
                             ") named " + describe(m_data, c.place) +
                             " by a name easily taken for "
                             "another; " +
                             different_country(m_data, *c.name));
  }

  void tell_listed(Tally &tally, std::string_view what) {
    if (m_verbose)
      return;
    for (Noted &noted : tally.listed) {
      if (noted.message.empty())
        noted.message = miss_message(noted.value, noted.argument, noted.found);
      else if (noted.searched)
        noted.message += file_hint(noted.value, noted.argument);
      tell(noted.first_line, noted.message, noted.count);
    }
    if (tally.distinct_count > tally.listed.size())
      util::append_error(
          m_err.buffer(),
          "and " + std::string(tally.capped ? "more than " : "") +
              std::to_string(tally.distinct_count - tally.listed.size()) +
              " more distinct " + std::string(what) +
              " (--verbose tells every line)");
  }

  // Fills `out` (a cache slot: its strings keep their capacity) with what
  // `text` resolves to; out.record is the caller's.
  void resolve(std::string_view text, Outcome &out) {
    out.place.reset();
    out.miss = false;
    if (out.texts)
      out.texts->message.clear();
    out.found = false;
    out.confusable = nullptr;
    query::lookup_into(m_matches, m_scratch, m_data, text, m_from);
    if (m_matches.size() == 1 &&
        (m_world || place_at(m_data, m_matches.front().place).entry)) {
      const PlaceIndex place = m_matches.front().place;
      out.place = place;
      if (may_confuse(place))
        out.confusable = find_confusable(m_data, text, place);
      return;
    }
    if (m_fuzzy && m_matches.empty()) {
      if (auto best = guess(text)) {
        const Place place = place_at(m_data, best->place);
        std::string note = "guessed ";
        if (!place.entry && !m_world) {
          out.miss = true;
          out.made_texts().message =
              note + outside_message(m_data, text, *place.world);
          return;
        }
        note += quoted(text) + " is " + describe(m_data, best->place) + " (" +
                std::string(query::to_string(best->reason)) + ", score " +
                std::to_string(best->score) + ")";
        out.place = best->place;
        out.made_texts().message = std::move(note);
        return;
      }
    }
    // The message is made if it is told: a search, or the places found.
    out.miss = true;
    out.found = !m_matches.empty();
  }

  // The --fuzzy guess for a value that matched nothing, when one is safe.
  // A city is no name (several entries share one, and the key that a guess
  // would find, as "RO Nairobi" for "Nairobi", names one of them): no guess,
  // and the miss says so, as show does.
  std::optional<query::Candidate> guess(std::string_view text) {
    // m_scratch is the lookup's normalise(text), unless a comma made it look
    // up the natural order too.
    if (text.find(',') != std::string_view::npos) {
      if (searcher().names_city(query::normalise(text)))
        return std::nullopt;
      return query::confident(searcher().search(text));
    }
    if (searcher().names_city(m_scratch))
      return std::nullopt;
    return query::confident(searcher().search_normalised(text, m_scratch));
  }

  // Whether a confusable name belongs to the country of `place` (so that
  // find_confusable must look at the value): asked once per place, since
  // most places have none and a value's answer is one of a few hundred.
  bool may_confuse(PlaceIndex place) {
    std::int8_t &known = m_may_confuse[place];
    if (known == k_unknown) {
      const WorldRow *row = place_at(m_data, place).world;
      known =
          row &&
          std::any_of(m_data.confusables.begin(), m_data.confusables.end(),
                      [&](const Confusable &c) { return c.iso3 == row->iso3; });
    }
    return known == 1;
  }

  // The message of a value that matched nothing: the kind --from excluded,
  // else the did-you-mean; for a command-line argument naming a file, how
  // to read the file instead.
  // With `found`, the message of the places that its lookup found
  // (ambiguous, outside the directory), as resolve saw them.
  std::string miss_message(std::string_view text, bool argument, bool found) {
    if (found) {
      query::lookup_into(m_matches, m_scratch, m_data, text, m_from);
      return not_found_message(m_data, text, m_matches);
    }
    return did_you_mean(text) + file_hint(text, argument);
  }

  // The message of a value that matched nothing and found no place: the
  // kind --from excluded, else the did-you-mean.
  std::string did_you_mean(std::string_view text) {
    if (auto wrong = wrong_kind_message(m_data, text, m_from))
      return std::move(*wrong);
    return not_found_message(m_data, text, {}, {}, &searcher());
  }

  // For a command-line argument that names a file: how to read the file.
  static std::string file_hint(std::string_view text, bool argument) {
    if (!argument || !is_file(std::string(text)))
      return {};
    return "; " + quoted(text) + " is a file: to convert its lines, use '< " +
           std::string(text) + "', or --column COL " + std::string(text) +
           " for a table";
  }

  const query::Searcher &searcher() {
    if (m_given_searcher)
      return *m_given_searcher;
    if (!m_searcher)
      m_searcher.emplace(m_data);
    return *m_searcher;
  }

  // The record of `place` (or of none) when records are shared: empty until
  // made (and a record that is empty is made each time).
  std::string &shared_record(std::optional<PlaceIndex> place) {
    return place ? m_place_records[*place] : m_no_place_record;
  }

  // Appends the record of `input` to stdout: made once per place (or for no
  // place) when it does not hold the input, else written.
  void record(std::string_view input, std::optional<PlaceIndex> place) {
    if (!m_shared_records) {
      write(input, place);
      return;
    }
    std::string &made = shared_record(place);
    if (made.empty())
      made.assign(write(input, place));
    else
      m_out.buffer() += made;
  }

  // Appends the record of `input` to stdout (line mode: the entry's fields,
  // or empty ones without an entry; table mode: the appended cells) and
  // returns the bytes it appended.
  std::string_view write(std::string_view input,
                         std::optional<PlaceIndex> place) {
    std::string &out = m_out.buffer();
    const std::size_t start = out.size();
    if (m_mode == Mode::table) {
      if (!place) {
        out += m_empty_cells;
      } else {
        fill_row(m_data, place_at(m_data, *place), m_lang, m_fields, m_row);
        for (const render::Cell &cell : m_row) {
          out += m_delimiter;
          render::append_csv_field(out, cell.value(), m_delimiter);
        }
      }
      return std::string_view(out).substr(start);
    }
    if (place && !m_keep) {
      fill_row(m_data, place_at(m_data, *place), m_lang, m_fields, m_row);
    } else if (place) {
      // fill_row fills a whole row; the fields go after the input cell.
      // Swapped, not copied: the cells keep their capacity.
      fill_row(m_data, place_at(m_data, *place), m_lang, m_fields, m_entry_row);
      for (std::size_t i = 0; i < m_entry_row.size(); ++i) {
        m_row[1 + i].text.swap(m_entry_row[i].text);
        m_row[1 + i].items.swap(m_entry_row[i].items);
        m_row[1 + i].lent = m_entry_row[i].lent;
      }
    } else {
      for (render::Cell &cell : m_row) {
        cell.text.clear();
        cell.items.clear();
        cell.lent = {};
      }
    }
    if (m_keep)
      m_row[0].text.assign(input);
    m_stream->row(m_row);
    return std::string_view(out).substr(start);
  }

  // Lines that a confusable name answered, per country they named.
  struct Confused {
    const Confusable *name; // the first one seen
    PlaceIndex place;
    std::size_t lines;
    std::size_t first_line;
  };

  void note_confusable(const Confusable &name, PlaceIndex place) {
    for (Confused &c : m_confused)
      if (c.place == place && c.name->other == name.other) {
        ++c.lines;
        return;
      }
    m_confused.push_back({&name, place, 1, m_line});
  }

  util::Output &m_out;
  util::Output &m_err;
  const Dataset &m_data;
  const query::Searcher *m_given_searcher; // the caller's, or null
  std::vector<const Field *> m_fields;
  query::From m_from;
  Mode m_mode;
  render::Format m_format;
  bool m_fuzzy;
  bool m_keep;
  bool m_world;
  bool m_verbose;
  Lang m_lang;
  std::vector<Confused> m_confused;
  std::vector<render::Column> m_columns;
  std::optional<render::RowStream> m_stream; // line mode
  char m_delimiter = ',';                    // table mode
  std::string m_empty_cells;                 // table mode: a delimiter each
  std::vector<render::Cell> m_row;           // the record being written
  std::vector<render::Cell> m_entry_row;     // the fields, with --keep
  // Without --keep (and in table mode, whose cells never hold the input), a
  // record is a function of its place: made once per place, and once for no
  // place, rather than once per distinct value (m_cache's records).
  bool m_shared_records;
  std::vector<std::string> m_place_records; // per place, empty until made
  std::string m_no_place_record;
  std::size_t m_line = 0;
  std::size_t m_matched = 0;
  std::size_t m_blank = 0;
  Tally m_unmatched;
  Tally m_guessed;
  int m_status = k_exit_ok;
  std::vector<query::Match> m_matches;
  std::optional<query::Searcher> m_searcher; // built at the first miss
  util::LineCache<Outcome> m_cache;
  std::string m_scratch;
  static constexpr std::int8_t k_unknown = -1;
  std::vector<std::int8_t> m_may_confuse; // per place: 1, 0 or k_unknown
};

// Reads the lines of `input` into the converter; the decode error, if any.
std::optional<std::string> convert_lines(Converter &converter,
                                         util::LineReader &input,
                                         std::string_view name,
                                         std::size_t &lines) {
  util::Line line;
  while (input.next(line)) {
    ++lines;
    converter.line(line.text, line.length);
  }
  if (const auto &error = input.error())
    return decode_message(*error, name, lines + 1);
  return std::nullopt;
}

// --- table mode -----------------------------------------------------------

std::string trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos)
    return {};
  const std::size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// A HXL hashtag with its attributes, lowercase: "#country+name+i_en".
struct Hashtag {
  std::string tag;
  std::vector<std::string> include;
  std::vector<std::string> exclude; // only in a pattern ("-attr")
};

// Parses "#tag +attr -attr"; nullopt unless it is one. `pattern` allows
// excluded attributes.
std::optional<Hashtag> parse_hashtag(std::string_view text, bool pattern) {
  const auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  };
  const std::string lower = util::lower_ascii(trimmed(text));
  if (lower.size() < 2 || lower[0] != '#')
    return std::nullopt;
  Hashtag hashtag;
  std::size_t i = 1;
  const auto word = [&](std::string &out) {
    if (i >= lower.size() || !(lower[i] >= 'a' && lower[i] <= 'z'))
      return false;
    while (i < lower.size() && word_char(lower[i]))
      out += lower[i++];
    return true;
  };
  if (!word(hashtag.tag))
    return std::nullopt;
  for (;;) {
    while (i < lower.size() && lower[i] == ' ')
      ++i;
    if (i == lower.size())
      return hashtag;
    const char sign = lower[i];
    if (sign != '+' && (sign != '-' || !pattern))
      return std::nullopt;
    ++i;
    while (i < lower.size() && lower[i] == ' ')
      ++i;
    std::string attribute;
    if (!word(attribute))
      return std::nullopt;
    (sign == '+' ? hashtag.include : hashtag.exclude).push_back(attribute);
  }
}

bool hashtag_matches(const Hashtag &pattern, const Hashtag &column) {
  if (pattern.tag != column.tag)
    return false;
  const auto has = [&](const std::string &a) {
    return std::find(column.include.begin(), column.include.end(), a) !=
           column.include.end();
  };
  return std::all_of(pattern.include.begin(), pattern.include.end(), has) &&
         std::none_of(pattern.exclude.begin(), pattern.exclude.end(), has);
}

// HXL's hashtag row: every non-empty cell a hashtag, and at least one.
// Decided cell by cell: a wide table's first row is not kept twice.
bool is_hashtag_row(const util::Record &record) {
  bool any = false;
  std::string cell;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    util::field_value(record.field_raw(i), record.fields[i].quoted, cell);
    if (is_blank(cell))
      continue;
    if (!parse_hashtag(cell, false))
      return false;
    any = true;
  }
  return any;
}

std::vector<std::string> decoded_fields(const util::Record &record) {
  std::vector<std::string> fields(record.fields.size());
  for (std::size_t i = 0; i < record.fields.size(); ++i)
    util::field_value(record.field_raw(i), record.fields[i].quoted, fields[i]);
  return fields;
}

std::string column_list(const std::vector<std::string> &names) {
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < 30; ++i)
    list += (i ? ", " : "") + std::string("'") + names[i] + "'";
  if (names.size() > 30)
    list += ", ...";
  return list;
}

// The delimiter -d gives, or 0 for none.
char given_delimiter(const GlobalOptions &global) {
  const std::string &d = global.delimiter;
  if (d.empty())
    return 0;
  if (d == "tab" || d == "\\t")
    return '\t';
  if (d.size() != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r' ||
      static_cast<unsigned char>(d[0]) >= 0x80)
    throw Error("--delimiter must be one ASCII character other than '\"', CR "
                "or LF (or 'tab')");
  return d[0];
}

std::string delimiter_name(char d) {
  return d == '\t' ? "tab" : std::string("'") + d + "'";
}

class Enricher {
public:
  Enricher(const Dataset &data, const GlobalOptions &global,
           const ConvertOptions &options, util::Output &out, util::Output &err,
           const query::Searcher *searcher)
      : m_global(global), m_options(options), m_out(out),
        m_converter(data, global, options, out, err, searcher,
                    Converter::Mode::table),
        m_header(!global.no_header), m_given(given_delimiter(global)),
        m_terminal(util::stdout_is_terminal()) {
    if (options.keep)
      throw Error("--keep does not apply to --column: the table keeps every "
                  "column already");
    if (!global.format.empty())
      throw Error("--column writes the table in its own format (its "
                  "delimiter, quoting and line endings); -f does not apply");
    if (!global.fields.empty())
      throw Error("--column appends the --to fields; -F does not apply");
    if (!m_header && !all_digits(trimmed(options.column)))
      throw Error("with -H/--no-header the first row is data, so --column "
                  "must be a column number, not '" +
                  options.column + "'");
  }

  // Reads one table; false when it stopped on an error (see finish).
  bool input(util::LineReader &reader, std::string_view name) {
    util::TableReader table(reader);
    const std::string_view first = table.peek_line();
    char delimiter = m_given;
    if (delimiter == 0) {
      const bool tsv = name.ends_with(".tsv") || name.ends_with(".tab");
      delimiter = util::detect_delimiter(first, tsv ? '\t' : ',');
      if (delimiter == 0)
        return stop(std::string(name) +
                    ":1: cannot tell the delimiter: the first line holds as "
                    "many of two of tab, ',', ';' and '|'; give it with -d");
    }
    if (m_files > 0 && delimiter != m_delimiter)
      return stop(std::string(name) + ":1: its delimiter is " +
                  delimiter_name(delimiter) + ", not " +
                  delimiter_name(m_delimiter) + " as in " + m_first_name +
                  "; enrich them one at a time");
    table.set_delimiter(delimiter);
    if (m_files == 0) {
      m_delimiter = delimiter;
      m_first_name = name;
      m_converter.set_delimiter(delimiter);
    }

    util::Record record;
    bool got = table.next(record);
    std::string header_raw;
    std::string header_ending;
    std::vector<std::string> header;
    if (m_header) {
      // An empty last line (a BOM alone, say) is no header either.
      if (got && record.fields.empty() && record.ending.empty())
        got = table.next(record);
      if (!got) {
        std::string error = end_error(table, reader, name);
        return stop(error.empty()
                        ? std::string(name) +
                              ": the table is empty: a header line was "
                              "expected (-H if the first row is data)"
                        : std::move(error));
      }
      // Not end_error: the readers may already hold an error further on.
      if (record.fields.empty())
        return stop(std::string(name) +
                    ":1: the first line is empty, so it names no columns: a "
                    "header line was expected (-H if the first row is data)");
      header_raw = record.raw;
      header_ending = record.ending;
      header = decoded_fields(record);
      got = table.next(record);
    }
    // HXL's hashtag row, under the header (or first without one).
    std::vector<std::string> hashtags;
    std::string hxl_raw;
    std::string hxl_ending;
    if (got && is_hashtag_row(record)) {
      hashtags = decoded_fields(record);
      hxl_raw = record.raw;
      hxl_ending = record.ending;
      got = table.next(record);
    }

    if (m_files == 0) {
      m_first_header = std::move(header);
      m_first_hashtags = std::move(hashtags);
      m_column = resolve_column(name, m_first_header, m_first_hashtags);
      write_head(table.bom(), header_raw, header_ending, m_first_header.size(),
                 hxl_raw, hxl_ending, !m_first_hashtags.empty());
    } else if (header != m_first_header || hashtags != m_first_hashtags) {
      return stop(std::string(name) + ":1: its header differs from " +
                  m_first_name + "'s; enrich them one at a time");
    }
    ++m_files;

    while (got) {
      row(record);
      got = table.next(record);
    }
    if (std::string error = end_error(table, reader, name); !error.empty())
      return stop(std::move(error));
    return true;
  }

  int finish() { return m_converter.finish(m_error); }

private:
  bool stop(std::string message) {
    m_error = std::move(message);
    return false;
  }

  // Once `table` has returned false: what stopped it early (a byte its
  // encoding does not allow, or a bad record), as a message; empty at a
  // clean end of input. Only then: the line reader checks a read as it
  // comes, so it may already know of an error lines ahead of the table.
  static std::string end_error(const util::TableReader &table,
                               const util::LineReader &reader,
                               std::string_view name) {
    if (const auto &error = reader.error())
      return decode_message(*error, name, table.lines_read() + 1);
    if (const auto &error = table.error())
      return fmt::format("{}:{}:{}: {}", name, error->line, error->column,
                         error->message);
    return {};
  }

  // COL: a header name, a column number or a HXL hashtag pattern; 0-based.
  std::size_t resolve_column(std::string_view name,
                             const std::vector<std::string> &header,
                             const std::vector<std::string> &hashtags) {
    const std::string spec = trimmed(m_options.column);
    const std::string where = std::string(name) + ": ";
    if (spec.starts_with('#')) {
      const auto pattern = parse_hashtag(spec, true);
      if (!pattern)
        throw Error(where + "'" + spec + "' is not a HXL hashtag pattern");
      if (hashtags.empty())
        throw Error(where + "'" + spec +
                    "' is a HXL hashtag, but the table has no hashtag row");
      std::vector<std::size_t> found;
      for (std::size_t i = 0; i < hashtags.size(); ++i)
        if (auto tag = parse_hashtag(hashtags[i], false))
          if (hashtag_matches(*pattern, *tag))
            found.push_back(i);
      if (found.size() == 1)
        return found.front();
      if (found.empty())
        throw Error(where + "no column's hashtag matches '" + spec +
                    "'; the hashtags are: " + column_list(hashtags));
      std::string list;
      for (std::size_t i : found)
        list += (list.empty() ? "" : ", ") + std::to_string(i + 1) + " (" +
                hashtags[i] + ")";
      throw Error(where + "'" + spec + "' matches columns " + list +
                  "; give a longer hashtag or the column number");
    }
    std::vector<std::size_t> named;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (util::equal_ignoring_ascii_case(trimmed(header[i]), spec))
        named.push_back(i);
    if (named.size() > 1)
      throw Error(where + "columns " + std::to_string(named[0] + 1) + " and " +
                  std::to_string(named[1] + 1) + " are both named '" + spec +
                  "'; give the column number");
    if (all_digits(spec)) {
      const std::size_t number = std::stoul(spec);
      if (named.size() == 1 && named.front() + 1 != number)
        throw Error(where + "'" + spec + "' is both column number " + spec +
                    " and the name of column " +
                    std::to_string(named.front() + 1) +
                    "; rename the column or give its hashtag");
      if (number == 0 || (m_header && number > header.size()))
        throw Error(where + "there is no column " + spec + "; the table has " +
                    util::counted(header.size(), "column", "columns"));
      return number - 1;
    }
    if (named.size() == 1)
      return named.front();
    std::vector<std::string_view> candidates;
    for (const std::string &h : header)
      candidates.push_back(h);
    throw Error(where + "no column is named '" + spec + "'" +
                did_you_mean(spec, candidates) +
                " (the columns are: " + column_list(header) + ")");
  }

  // The header and the hashtag row, with the new columns' names and tags.
  void write_head(bool bom, const std::string &header_raw,
                  const std::string &header_ending, std::size_t header_fields,
                  const std::string &hxl_raw, const std::string &hxl_ending,
                  bool has_hxl) {
    std::string &out = m_out.buffer();
    if (bom || m_global.bom)
      out += "\xEF\xBB\xBF";
    const auto &fields = m_converter.fields();
    if (m_header) {
      append_raw(out, header_raw);
      for (const Field *field : fields) {
        std::string column(field->name);
        while (std::any_of(m_first_header.begin(), m_first_header.end(),
                           [&](const std::string &h) {
                             return util::equal_ignoring_ascii_case(trimmed(h),
                                                                    column);
                           }))
          column = "iom_" + column;
        out += m_delimiter;
        render::append_csv_field(out, column, m_delimiter);
      }
      out += header_ending.empty() ? std::string_view("\n") : header_ending;
    }
    if (has_hxl || m_global.hxl) {
      if (has_hxl)
        append_raw(out, hxl_raw);
      else if (header_fields > 1)
        out.append(header_fields - 1, m_delimiter);
      for (const Field *field : fields) {
        out += m_delimiter;
        render::append_csv_field(out, field->hashtag, m_delimiter);
      }
      out += has_hxl && !hxl_ending.empty() ? std::string_view(hxl_ending)
             : header_ending.empty()        ? std::string_view("\n")
                                            : std::string_view(header_ending);
    }
    m_newline = header_ending.empty() ? "\n" : header_ending;
  }

  void row(const util::Record &record) {
    std::string &out = m_out.buffer();
    if (m_unterminated) {
      out += m_newline; // the last file ended without a line break
      m_unterminated = false;
    }
    append_raw(out, record.raw);
    if (record.fields.empty()) {
      m_converter.empty_row();
    } else if (m_column >= record.fields.size()) {
      m_converter.missing_field(record.line, record.fields.size(), m_column);
    } else {
      util::field_value(record.field_raw(m_column),
                        record.fields[m_column].quoted, m_value);
      m_converter.cells(m_value, record.line);
    }
    out += record.ending;
    m_unterminated = record.ending.empty();
    m_out.maybe_flush();
  }

  // The row's own bytes; on a terminal, control characters other than tab
  // and line breaks are escaped, as every writer does there.
  void append_raw(std::string &out, std::string_view raw) {
    if (!m_terminal || !util::needs_escape(raw)) {
      out += raw;
      return;
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i)
      if (i == raw.size() || raw[i] == '\t' || raw[i] == '\n' ||
          raw[i] == '\r') {
        util::append_escaped_control(out, raw.substr(start, i - start));
        if (i < raw.size())
          out += raw[i];
        start = i + 1;
      }
  }

  const GlobalOptions &m_global;
  const ConvertOptions &m_options;
  util::Output &m_out;
  Converter m_converter;
  bool m_header;
  char m_given;
  bool m_terminal;
  char m_delimiter = ',';
  std::size_t m_files = 0;
  std::string m_first_name;
  std::vector<std::string> m_first_header;
  std::vector<std::string> m_first_hashtags;
  std::size_t m_column = 0;
  std::string m_value;
  std::string m_newline = "\n";
  bool m_unterminated = false;
  std::optional<std::string> m_error;
};

// An open file, closed when done.
class File {
public:
  explicit File(const std::string &path) {
    if (path == "-") {
      m_fd = 0;
      return;
    }
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
      throw Error("cannot open '" + path + "': " + std::strerror(errno));
    struct stat st {};
    if (::fstat(m_fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(m_fd);
      throw Error("'" + path + "' is a directory");
    }
  }
  ~File() {
    if (m_fd > 0)
      ::close(m_fd);
  }
  File(const File &) = delete;
  File &operator=(const File &) = delete;
  int fd() const { return m_fd; }

private:
  int m_fd = -1;
};

int run(Context &context, Options &options) {
  util::Output err(2);
  options.convert.encoding =
      choice_enum<util::Encoding>(k_encoding_list, options.encoding);
  if (!options.convert.column.empty())
    return enrich(context.indexed(), context.options, options.convert,
                  options.args, context.out(), err);
  if (options.args.empty()) {
    util::LineReader reader(0, k_convert_keep,
                            util::LineReader::k_default_buffer,
                            options.convert.encoding);
    return convert(context.indexed(), context.options, options.convert, reader,
                   context.out(), err);
  }
  return convert(context.indexed(), context.options, options.convert,
                 options.args, context.out(), err);
}

} // namespace
} // namespace cmd_convert_cpp

int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, util::LineReader &input,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher, std::string_view name) {
  cmd_convert_cpp::Converter converter(data, global, options, out, err,
                                       searcher,
                                       cmd_convert_cpp::Converter::Mode::lines);
  std::size_t lines = 0;
  return converter.finish(
      cmd_convert_cpp::convert_lines(converter, input, name, lines));
}

int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, std::span<const std::string> queries,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher) {
  cmd_convert_cpp::Converter converter(data, global, options, out, err,
                                       searcher,
                                       cmd_convert_cpp::Converter::Mode::lines);
  std::optional<std::string> error;
  std::size_t stdin_lines = 0;
  for (const std::string &query : queries) {
    if (query == "-") {
      util::LineReader reader(0, k_convert_keep,
                              util::LineReader::k_default_buffer,
                              options.encoding);
      error = cmd_convert_cpp::convert_lines(converter, reader, "stdin",
                                             stdin_lines);
      if (error)
        break;
      continue;
    }
    converter.line(query, query.size(), true);
  }
  return converter.finish(error);
}

int enrich(const Dataset &data, const GlobalOptions &global,
           const ConvertOptions &options, std::span<const std::string> files,
           util::Output &out, util::Output &err,
           const query::Searcher *searcher) {
  cmd_convert_cpp::Enricher enricher(data, global, options, out, err, searcher);
  static const std::string k_stdin = "-";
  const std::span<const std::string> names =
      files.empty() ? std::span<const std::string>(&k_stdin, 1) : files;
  for (const std::string &name : names) {
    std::optional<cmd_convert_cpp::File> file;
    try {
      file.emplace(name);
    } catch (const Error &) {
      enricher.finish();
      throw;
    }
    util::LineReader reader(file->fd(), k_table_keep,
                            util::LineReader::k_default_buffer,
                            options.encoding);
    if (!enricher.input(reader, name == "-" ? "stdin" : name))
      break;
  }
  return enricher.finish();
}

int enrich(const Dataset &data, const GlobalOptions &global,
           const ConvertOptions &options, util::LineReader &input,
           util::Output &out, util::Output &err,
           const query::Searcher *searcher, std::string_view name) {
  cmd_convert_cpp::Enricher enricher(data, global, options, out, err, searcher);
  enricher.input(input, name);
  return enricher.finish();
}

void setup_convert(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_convert_cpp::Options>();
  OptionAdder add(command, context);
  add.required_option("--to", options->convert.to,
                      "Field(s) to print, comma-separated (see 'iom fields')")
      .type_name("FIELDS");
  add.option("--from", options->convert.from,
             "Match input only as this kind of key (default any)")
      .choices(cmd_convert_cpp::k_from_list)
      .type_name("FIELD");
  add.flag("--fuzzy", options->convert.fuzzy,
           "Accept a guess when it is the only candidate in the "
           "whole world; each guess is reported on stderr");
  add.flag("--keep", options->convert.keep,
           "Keep the input as the first column");
  add_world_option(add, options->convert.world);
  add.option("--column", options->convert.column,
             "Enrich a CSV or TSV table: append the --to fields to each "
             "row, matching the value in this column (a header name, a "
             "1-based number, or a HXL hashtag such as #country+name)")
      .type_name("COL");
  add.option("--encoding", options->encoding,
             "Encoding of the input (default utf8); the "
             "output is always UTF-8")
      .choices(cmd_convert_cpp::k_encoding_list)
      .type_name("ENCODING");
  add.flag("--verbose", options->convert.verbose,
           "Tell every unmatched or guessed line on stderr, instead "
           "of a summary of the distinct values");
  command.add_option("QUERY", options->args,
                     "Names or codes to convert ('-' reads stdin; default: "
                     "stdin); with --column, the table files ('-' for stdin)");
  command.callback([&context, options] {
    context.status = cmd_convert_cpp::run(context, *options);
  });
}

} // namespace iom::cli
