// iom convert --to FIELD [--from FIELD] [--fuzzy] [QUERY...]: batch lookup.
// Exactly one output line per input line, in order, so that `paste` and line
// numbers keep working; a line that does not match gives an empty line and a
// warning on stderr.

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/explain.hpp"
#include "query/match.hpp"
#include "render/delimited.hpp"
#include "render/json.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <unistd.h>
#include <utility>

namespace iom::cli {
namespace {

struct Options {
  std::string to;
  std::string from = "any";
  bool fuzzy = false;
  bool keep = false;
  std::vector<std::string> queries;
};

enum class LineFormat : unsigned char { tsv, csv, jsonl };

// In query::From's order.
constexpr util::Choice k_froms[] = {
    {"any"}, {"name"}, {"iso2"}, {"iso3"}, {"numeric"}, {"alias"},
};
constexpr ChoiceList k_from_list{k_froms, "--from value"};

query::From parse_from(std::string_view text) {
  return choice_enum<query::From>(k_from_list, text);
}

LineFormat parse_line_format(std::string_view format) {
  if (format.empty() || format == "tsv")
    return LineFormat::tsv;
  if (format == "csv")
    return LineFormat::csv;
  if (format == "jsonl")
    return LineFormat::jsonl;
  throw Error("convert prints one line per input line; use -f tsv, csv or "
              "jsonl, not '" +
              std::string(format) + "'");
}

class Converter {
public:
  Converter(Context &context, const Options &options)
      : m_context(context), m_data(context.indexed()),
        m_fields(parse_fields(options.to)), m_from(parse_from(options.from)),
        m_format(parse_line_format(context.options.format)),
        m_fuzzy(options.fuzzy), m_keep(options.keep), m_err(2) {
    Style style = resolve_style(context.options);
    m_delimiter = style.options.delimiter;
    if (m_format == LineFormat::csv && style.options.bom)
      m_context.out().buffer() += "\xEF\xBB\xBF";
  }

  // `length` is the line's true length; `text` may hold only its first
  // k_max_query_bytes + 1 bytes when it is longer (see read_lines).
  void line(std::string_view text, std::size_t length) {
    ++m_line;
    if (!text.empty() && text.back() == '\r' && length == text.size()) {
      text.remove_suffix(1);
      --length;
    }
    std::string &out = m_context.out().buffer();
    if (text.empty()) {
      write(out, text, nullptr);
    } else if (length > k_max_query_bytes) {
      // The same prefix is echoed however the line arrived.
      report({nullptr, too_long_message(length), true});
      write(out, text.substr(0, k_max_query_bytes), nullptr);
    } else {
      out += report(find(text)).output;
    }
    m_context.out().maybe_flush();
    m_err.maybe_flush();
  }

  int finish() {
    m_context.out().flush();
    m_err.flush();
    return m_status;
  }

private:
  // What a line resolves to, and the output line it gives: a pure function
  // of the line's text.
  struct Outcome {
    const Entry *entry = nullptr;
    std::string message; // without the "line N: " prefix; empty when none
    bool miss = false;
    std::string output;
  };

  // Batch input repeats itself (a column of country names), so outcomes are
  // cached per distinct line, in a direct-mapped table: a line's hash fixes
  // its slot, and a new line takes the slot over. At most k_max_slots (about
  // 2 MB), near the CPU's cache: a node-based map of every distinct line of
  // a large input (60,000 in the benchmark's million) made convert slower
  // than no cache, and 4,096 or 65,536 slots measured slower than 16,384. It
  // starts small, so that converting a few queries does not pay for clearing
  // the whole table, and grows to full size, keeping what it holds, once it has
  // taken twice as many new lines as it has slots.
  static constexpr std::size_t k_min_slots = 64;
  static constexpr std::size_t k_max_slots = 16384;
  static_assert((k_min_slots & (k_min_slots - 1)) == 0 &&
                (k_max_slots & (k_max_slots - 1)) == 0);
  struct Slot {
    std::string text;
    Outcome outcome;
    bool used = false;
  };

  Slot &slot_of(std::string_view text) {
    return m_cache[std::hash<std::string_view>{}(text) & (m_cache.size() - 1)];
  }

  void grow_cache(std::size_t slots) {
    std::vector<Slot> old = std::exchange(m_cache, std::vector<Slot>(slots));
    for (Slot &slot : old)
      if (slot.used)
        slot_of(slot.text) = std::move(slot);
  }

  const Outcome &find(std::string_view text) {
    if (m_cache.empty())
      grow_cache(k_min_slots);
    else if (m_cache.size() < k_max_slots &&
             m_cache_misses >= 2 * m_cache.size())
      grow_cache(k_max_slots);
    Slot &slot = slot_of(text);
    if (slot.used && slot.text == text)
      return slot.outcome;
    ++m_cache_misses;
    slot.outcome = resolve(text);
    write(slot.outcome.output, text, slot.outcome.entry);
    slot.text.assign(text);
    slot.used = true;
    return slot.outcome;
  }

  Outcome resolve(std::string_view text) {
    query::lookup_into(m_matches, m_scratch, m_data, text, m_from);
    if (m_matches.size() == 1)
      return {&m_data.entries[m_matches.front().entry]};
    if (m_fuzzy && m_matches.empty()) {
      if (auto best = query::confident(searcher().search(text))) {
        const Entry &entry = m_data.entries[best->entry];
        std::string note = "guessed '";
        note.append(text);
        note += "' is " + describe(entry) + " (" +
                std::string(query::to_string(best->reason)) + ", score " +
                std::to_string(best->score) + ")";
        return {&entry, std::move(note)};
      }
    }
    return {nullptr,
            not_found_message(m_data, text, m_matches, {}, &searcher()), true};
  }

  const query::Searcher &searcher() {
    if (!m_searcher)
      m_searcher.emplace(m_data);
    return *m_searcher;
  }

  const Outcome &report(const Outcome &outcome) {
    if (outcome.miss)
      m_status = k_exit_no_match;
    if (!outcome.message.empty())
      util::append_error(m_err.buffer(), "line " + std::to_string(m_line) +
                                             ": " + outcome.message);
    return outcome;
  }

  void write(std::string &out, std::string_view input, const Entry *entry) {
    if (m_format == LineFormat::jsonl) {
      if (!entry && !input.empty()) {
        out += "null\n";
        return;
      }
      if (!entry) {
        out += '\n';
        return;
      }
      out += '{';
      bool first = true;
      if (m_keep) {
        out += "\"input\":";
        render::append_json_string(out, input);
        first = false;
      }
      for (const Field *field : m_fields) {
        field->get(m_data, *entry, m_cell);
        out += first ? "" : ",";
        first = false;
        render::append_json_string(out, field->name);
        out += ':';
        if (field->is_list) {
          out += '[';
          for (std::size_t i = 0; i < m_cell.items.size(); ++i) {
            out += i ? "," : "";
            render::append_json_string(out, m_cell.items[i]);
          }
          out += ']';
        } else {
          render::append_json_string(out, m_cell.text);
        }
      }
      out += "}\n";
      return;
    }
    if (!entry && !m_keep) {
      out += m_format == LineFormat::csv ? "\r\n" : "\n";
      return;
    }
    bool first = true;
    auto field_out = [&](std::string_view value) {
      if (!first)
        out += m_format == LineFormat::csv ? m_delimiter : '\t';
      first = false;
      if (m_format == LineFormat::csv)
        render::append_csv_field(out, value, m_delimiter);
      else
        render::append_tsv_field(out, value);
    };
    if (m_keep)
      field_out(input);
    for (const Field *field : m_fields) {
      if (entry) {
        field->get(m_data, *entry, m_cell);
        field_out(m_cell.text);
      } else {
        field_out("");
      }
    }
    out += m_format == LineFormat::csv ? "\r\n" : "\n";
  }

  Context &m_context;
  const Dataset &m_data;
  std::vector<const Field *> m_fields;
  query::From m_from;
  LineFormat m_format;
  bool m_fuzzy;
  bool m_keep;
  char m_delimiter = ',';
  util::Output m_err;
  std::size_t m_line = 0;
  int m_status = k_exit_ok;
  std::vector<query::Match> m_matches;
  std::optional<query::Searcher> m_searcher; // built at the first miss
  std::vector<Slot> m_cache;
  std::size_t m_cache_misses = 0; // new lines taken into the table
  std::string m_scratch;
  render::Cell m_cell;
};

void read_lines(int fd, Converter &converter) {
  // A line longer than the query bound is kept only up to the bound (plus
  // one byte), with its true length: a hostile endless line costs no memory
  // and still counts as one (too long) line.
  constexpr std::size_t k_keep = k_max_query_bytes + 1;
  std::string pending;
  std::size_t pending_length = 0;
  auto keep = [&](std::string_view piece) {
    if (pending.size() < k_keep)
      pending.append(piece.substr(0, k_keep - pending.size()));
    pending_length += piece.size();
  };
  // Left uninitialised: clearing 256 KiB would cost a one-line convert more
  // than the rest of its run.
  constexpr std::size_t k_buffer_size = 256 * 1024;
  const auto buffer = std::make_unique_for_overwrite<char[]>(k_buffer_size);
  for (;;) {
    ssize_t n = ::read(fd, buffer.get(), k_buffer_size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw Error(std::string("read error: ") + std::strerror(errno));
    if (n == 0)
      break;
    std::string_view chunk(buffer.get(), static_cast<std::size_t>(n));
    std::size_t start = 0;
    for (std::size_t nl = chunk.find('\n'); nl != std::string_view::npos;
         nl = chunk.find('\n', start)) {
      std::string_view piece = chunk.substr(start, nl - start);
      if (pending_length == 0) {
        converter.line(piece.substr(0, k_keep), piece.size());
      } else {
        keep(piece);
        converter.line(pending, pending_length);
        pending.clear();
        pending_length = 0;
      }
      start = nl + 1;
    }
    keep(chunk.substr(start)); // a partial line waits for the next chunk
  }
  if (pending_length > 0)
    converter.line(pending, pending_length); // the final line had no newline
}

int run(Context &context, const Options &options) {
  Converter converter(context, options);
  if (options.queries.empty())
    read_lines(0, converter);
  else
    for (const auto &query : options.queries)
      converter.line(query, query.size());
  return converter.finish();
}

} // namespace

void add_convert(CLI::App &app, Context &context) {
  static Options options;
  CLI::App *command = app.add_subcommand(
      "convert", "Convert names or codes, one output line per input line "
                 "(stdin when no QUERY is given)");
  command
      ->add_option("--to", options.to,
                   "Field(s) to print, comma-separated (see 'iom fields')")
      ->required()
      ->type_name("FIELDS");
  add_choices(
      command->add_option("--from", options.from,
                          "Match input only as this kind of key (default any)"),
      k_from_list)
      ->type_name("FIELD");
  command->add_flag("--fuzzy", options.fuzzy,
                    "Accept the top search candidate when it is clearly "
                    "ahead; each guess is reported on stderr");
  command->add_flag("--keep", options.keep,
                    "Keep the input as the first column");
  command->add_option("QUERY", options.queries,
                      "Names or codes to convert (default: read stdin)");
  command->callback([&context] { context.status = run(context, options); });
}

} // namespace iom::cli
