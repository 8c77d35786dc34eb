// iom convert --to FIELD [--from FIELD] [--fuzzy] [QUERY...]: batch lookup.
// Exactly one record per input line, in order, so that `paste` and line
// numbers keep working; a line that is blank or does not match gives an empty
// record (its fields empty, or null in jsonl) and, when it does not match, a
// warning on stderr. The records are written by render::RowStream, as every
// list command writes its rows.

#include "cli/convert.hpp"

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/explain.hpp"
#include "query/match.hpp"
#include "render/stream.hpp"
#include "util/error.hpp"
#include "util/line_cache.hpp"
#include "util/line_reader.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iom::cli {
namespace {

struct Options {
  ConvertOptions convert;
  std::vector<std::string> queries;
};

// In query::From's order.
constexpr util::Choice k_froms[] = {
    {"any"}, {"name"}, {"iso2"}, {"iso3"}, {"numeric"}, {"alias"},
};
constexpr ChoiceList k_from_list{k_froms, "--from value"};

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
  render::Options result = resolve_style(options).options;
  result.header = false;
  return result;
}

class Converter {
public:
  Converter(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, util::Output &out, util::Output &err,
            const query::Searcher *searcher)
      : m_out(out), m_err(err), m_data(data), m_given_searcher(searcher),
        m_fields(parse_fields(options.to)), m_from(parse_from(options.from)),
        m_format(parse_line_format(format_name(global))),
        m_fuzzy(options.fuzzy), m_keep(options.keep), m_world(options.world),
        m_lang(resolve_lang(global)),
        m_columns(record_columns(m_fields, m_keep)),
        m_stream(out.buffer(), m_columns, m_format, record_options(global)),
        m_row(m_columns.size()) {}

  // `length` is the line's true length; `text` may hold only its first
  // k_max_query_bytes + 1 bytes when it is longer (see util::LineReader).
  void line(std::string_view text, std::size_t length) {
    ++m_line;
    if (!text.empty() && text.back() == '\r' && length == text.size()) {
      text.remove_suffix(1);
      --length;
    }
    if (text.empty()) {
      write(text, std::nullopt);
    } else if (length > k_max_query_bytes) {
      // The same prefix is echoed however the line arrived.
      report({std::nullopt, too_long_message(length), true});
      write(text.substr(0, k_max_query_bytes), std::nullopt);
    } else {
      bool fresh = false;
      const Outcome &outcome = m_cache.get(text, [&](Outcome &slot) {
        slot = resolve(text);
        slot.record.assign(write(text, slot.place));
        fresh = true;
      });
      report(outcome);
      if (!fresh)
        m_out.buffer() += outcome.record;
    }
    m_out.maybe_flush();
    m_err.maybe_flush();
  }

  int finish() {
    // The summary: one note per country that confusable names answered.
    for (const Confused &c : m_confused)
      util::append_error(m_err.buffer(),
                         "note: " + std::to_string(c.lines) +
                             (c.lines == 1 ? " line" : " lines") +
                             " (first line " + std::to_string(c.first_line) +
                             ") named " + describe(m_data, c.place) +
                             " by a name easily taken for "
                             "another; " +
                             different_country(m_data, *c.name));
    m_stream.finish();
    m_out.flush();
    m_err.flush();
    return m_status;
  }

private:
  // What a line resolves to, and the record it gives: a pure function of the
  // line's text, so it is cached per distinct line.
  struct Outcome {
    std::optional<PlaceIndex> place;
    std::string message; // without the "line N: " prefix; empty when none
    bool miss = false;
    std::string record;
    const Confusable *confusable = nullptr; // the line is one, see finish
  };

  Outcome resolve(std::string_view text) {
    query::lookup_into(m_matches, m_scratch, m_data, text, m_from);
    if (m_matches.size() == 1 &&
        (m_world || place_at(m_data, m_matches.front().place).entry)) {
      const PlaceIndex place = m_matches.front().place;
      Outcome outcome{place};
      outcome.confusable = find_confusable(m_data, text, place);
      return outcome;
    }
    if (m_fuzzy && m_matches.empty()) {
      if (auto best = query::confident(searcher().search(text))) {
        const Place place = place_at(m_data, best->place);
        std::string note = "guessed ";
        if (!place.entry && !m_world)
          return {std::nullopt,
                  note + outside_message(m_data, text, *place.world), true};
        note += "'";
        note.append(text);
        note += "' is " + describe(m_data, best->place) + " (" +
                std::string(query::to_string(best->reason)) + ", score " +
                std::to_string(best->score) + ")";
        return {best->place, std::move(note)};
      }
    }
    return {std::nullopt,
            not_found_message(m_data, text, m_matches, {}, &searcher()), true};
  }

  const query::Searcher &searcher() {
    if (m_given_searcher)
      return *m_given_searcher;
    if (!m_searcher)
      m_searcher.emplace(m_data);
    return *m_searcher;
  }

  const Outcome &report(const Outcome &outcome) {
    if (outcome.miss)
      m_status = k_exit_no_match;
    if (outcome.confusable)
      note_confusable(*outcome.confusable, *outcome.place);
    if (!outcome.message.empty())
      util::append_error(m_err.buffer(), "line " + std::to_string(m_line) +
                                             ": " + outcome.message);
    return outcome;
  }

  // Appends the record of `input` to stdout (the entry's fields, or empty
  // ones without an entry) and returns the bytes it appended.
  std::string_view write(std::string_view input,
                         std::optional<PlaceIndex> place) {
    if (place && !m_keep) {
      fill_row(m_data, place_at(m_data, *place), m_lang, m_fields, m_row);
    } else if (place) {
      // fill_row fills a whole row; the fields go after the input cell.
      // Swapped, not copied: the cells keep their capacity.
      fill_row(m_data, place_at(m_data, *place), m_lang, m_fields, m_entry_row);
      for (std::size_t i = 0; i < m_entry_row.size(); ++i) {
        m_row[1 + i].text.swap(m_entry_row[i].text);
        m_row[1 + i].items.swap(m_entry_row[i].items);
      }
    } else {
      for (render::Cell &cell : m_row) {
        cell.text.clear();
        cell.items.clear();
      }
    }
    if (m_keep)
      m_row[0].text.assign(input);
    std::string &out = m_out.buffer();
    const std::size_t start = out.size();
    m_stream.row(m_row);
    return std::string_view(out).substr(start);
  }

  util::Output &m_out;
  util::Output &m_err;
  const Dataset &m_data;
  const query::Searcher *m_given_searcher; // the caller's, or null
  std::vector<const Field *> m_fields;
  query::From m_from;
  render::Format m_format;
  bool m_fuzzy;
  bool m_keep;
  bool m_world;
  Lang m_lang;
  // Lines that a confusable name answered, per country they named.
  struct Confused {
    const Confusable *name; // the first one seen
    PlaceIndex place;
    std::size_t lines;
    std::size_t first_line;
  };
  std::vector<Confused> m_confused;

  void note_confusable(const Confusable &name, PlaceIndex place) {
    for (Confused &c : m_confused)
      if (c.place == place && c.name->other == name.other) {
        ++c.lines;
        return;
      }
    m_confused.push_back({&name, place, 1, m_line});
  }
  std::vector<render::Column> m_columns;
  render::RowStream m_stream;
  std::vector<render::Cell> m_row;       // the record being written
  std::vector<render::Cell> m_entry_row; // the fields, with --keep
  std::size_t m_line = 0;
  int m_status = k_exit_ok;
  std::vector<query::Match> m_matches;
  std::optional<query::Searcher> m_searcher; // built at the first miss
  util::LineCache<Outcome> m_cache;
  std::string m_scratch;
};

int run(Context &context, const Options &options) {
  util::Output err(2);
  if (options.queries.empty()) {
    util::LineReader reader(0, k_convert_keep);
    return convert(context.indexed(), context.options, options.convert, reader,
                   context.out(), err);
  }
  return convert(context.indexed(), context.options, options.convert,
                 options.queries, context.out(), err);
}

} // namespace

int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, util::LineReader &input,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher) {
  Converter converter(data, global, options, out, err, searcher);
  util::Line line;
  while (input.next(line))
    converter.line(line.text, line.length);
  return converter.finish();
}

int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, std::span<const std::string> queries,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher) {
  Converter converter(data, global, options, out, err, searcher);
  for (const std::string &query : queries)
    converter.line(query, query.size());
  return converter.finish();
}

void setup_convert(CLI::App &command, Context &context) {
  auto options = std::make_shared<Options>();
  command
      .add_option("--to", options->convert.to,
                  "Field(s) to print, comma-separated (see 'iom fields')")
      ->required()
      ->type_name("FIELDS");
  add_choices(
      command.add_option("--from", options->convert.from,
                         "Match input only as this kind of key (default any)"),
      k_from_list)
      ->type_name("FIELD");
  command.add_flag("--fuzzy", options->convert.fuzzy,
                   "Accept a guess when it is the only candidate in the "
                   "whole world; each guess is reported on stderr");
  command.add_flag("--keep", options->convert.keep,
                   "Keep the input as the first column");
  add_world_option(command, options->convert.world);
  command.add_option("QUERY", options->queries,
                     "Names or codes to convert (default: read stdin)");
  command.callback(
      [&context, options] { context.status = run(context, *options); });
}

} // namespace iom::cli
