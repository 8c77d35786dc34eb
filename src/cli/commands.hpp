#pragma once

// The command table, as ninja's kTools[]: one entry and one file
// (cmd_<name>.cpp) per subcommand. The table drives the registration, --help,
// the man page and the did-you-mean for a misspelt command; each `setup`
// registers the command's options and the callback that runs it.

#include <string_view>

namespace CLI {
class App;
}

namespace iom::cli {

class Context;

struct Command {
  std::string_view name;
  std::string_view description; // one line: --help, the man page
  // Registers the command's options, which it owns, and its callback.
  void (*setup)(CLI::App &command, Context &context);
  bool hidden = false; // left out of --help, the man page and did-you-mean
};

void setup_show(CLI::App &command, Context &context);
void setup_countries(CLI::App &command, Context &context);
void setup_offices(CLI::App &command, Context &context);
void setup_search(CLI::App &command, Context &context);
void setup_convert(CLI::App &command, Context &context);
void setup_regions(CLI::App &command, Context &context);
void setup_types(CLI::App &command, Context &context);
void setup_stats(CLI::App &command, Context &context);
void setup_fields(CLI::App &command, Context &context);
void setup_validate(CLI::App &command, Context &context);
void setup_diff(CLI::App &command, Context &context);
void setup_import(CLI::App &command, Context &context);
void setup_completions(CLI::App &command, Context &context);
void setup_man(CLI::App &command, Context &context);
void setup_complete(CLI::App &command, Context &context);

inline constexpr Command k_commands[] = {
    {"show",
     "Show one detailed record per query (exact match on name, short name, "
     "alias or ISO code; never guesses)",
     setup_show},
    {"countries", "List the directory's countries and territories",
     setup_countries},
    {"offices",
     "List every directory entry: country offices and the other offices",
     setup_offices},
    {"search",
     "Rank typo-tolerant candidates for TEXT, with a score and the reason for "
     "each match",
     setup_search},
    {"convert",
     "Convert names or codes, one output line per input line (stdin when no "
     "QUERY is given), or append fields to a CSV or TSV table (--column)",
     setup_convert},
    {"regions", "List the regions with their counts of countries and entries",
     setup_regions},
    {"types", "List the office types with counts and descriptions",
     setup_types},
    {"stats",
     "Show the region x type cross-table, the page's headline claims beside "
     "the dataset's counts, and the data version",
     setup_stats},
    {"fields", "List the fields that --fields and --sort accept", setup_fields},
    {"validate",
     "Check a dataset file (default: the data in use); errors are printed as "
     "FILE:LINE:COL: message",
     setup_validate},
    {"import",
     "Compare a text capture of the directory page with the data in use; "
     "--write writes the updated dataset",
     setup_import},
    {"diff",
     "Compare two dataset files field by field ('-' is the built-in data); "
     "exit 1 when they differ",
     setup_diff},
    {"completions", "Print the completion script for a shell",
     setup_completions},
    {"man", "Print the man page (roff); read it with 'iom man | man -l -'",
     setup_man},
    // Hidden: what the completion scripts call for the dataset's values.
    {"__complete", "Print the dataset's values for shell completion",
     setup_complete, true},
};

inline const Command *find_command(std::string_view name) {
  for (const Command &command : k_commands)
    if (command.name == name)
      return &command;
  return nullptr;
}

} // namespace iom::cli
