#pragma once

// The command line: builds the CLI11 tree from the command table, parses,
// runs the chosen command and returns its exit code.

#include <string_view>

namespace CLI {
class App;
}

namespace iom::cli {

class Context;

int run(int argc, char **argv);

// The CLI11 tree, as parsing, the man page and the completions see it. With
// `only`, just that subcommand is registered: building the whole tree costs
// more than everything else a lookup does, and a run needs one command.
void build_app(CLI::App &app, Context &context, std::string_view only = {});

// The subcommand named on the command line, if any: the first argument that
// is exactly a command's name (before a "--").
std::string_view command_in(int argc, char **argv);

} // namespace iom::cli
