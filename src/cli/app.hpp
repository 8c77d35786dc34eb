#pragma once

// The command line: builds the CLI11 tree from the command table, parses,
// runs the chosen command and returns its exit code.

#include <memory>
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

// The whole tree, for the man page and the completions: a run registers only
// the command it runs, so they build their own from `root`'s description and
// its options that build_app does not add (--version).
std::unique_ptr<CLI::App> whole_tree(const CLI::App &root, Context &context);

// The subcommand named on the command line, if any: the first argument that
// is exactly a command's name (before a "--").
std::string_view command_in(int argc, char **argv);

} // namespace iom::cli
