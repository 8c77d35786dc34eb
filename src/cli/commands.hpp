#pragma once

// The command table: one entry and one file (cmd_<name>.cpp) per subcommand.
// Each `add` registers the subcommand, its options and the callback that runs
// it with the parsed options.

#include <string_view>

namespace CLI {
class App;
}

namespace iom::cli {

class Context;

struct Command {
  std::string_view name;
  void (*add)(CLI::App &app, Context &context);
  bool hidden = false; // left out of --help, the man page and did-you-mean
};

void add_show(CLI::App &app, Context &context);
void add_countries(CLI::App &app, Context &context);
void add_offices(CLI::App &app, Context &context);
void add_search(CLI::App &app, Context &context);
void add_convert(CLI::App &app, Context &context);
void add_regions(CLI::App &app, Context &context);
void add_types(CLI::App &app, Context &context);
void add_stats(CLI::App &app, Context &context);
void add_fields(CLI::App &app, Context &context);
void add_validate(CLI::App &app, Context &context);
void add_completions(CLI::App &app, Context &context);
void add_man(CLI::App &app, Context &context);
void add_complete(CLI::App &app, Context &context);

inline constexpr Command k_commands[] = {
    {"show", add_show},
    {"countries", add_countries},
    {"offices", add_offices},
    {"search", add_search},
    {"convert", add_convert},
    {"regions", add_regions},
    {"types", add_types},
    {"stats", add_stats},
    {"fields", add_fields},
    {"validate", add_validate},
    {"completions", add_completions},
    {"man", add_man},
    // Hidden: what the completion scripts call for the dataset's values.
    {"__complete", add_complete, true},
};

inline const Command *find_command(std::string_view name) {
  for (const Command &command : k_commands)
    if (command.name == name)
      return &command;
  return nullptr;
}

} // namespace iom::cli
