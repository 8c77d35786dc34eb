#pragma once

// The command line: builds the CLI11 tree from the command table, parses,
// runs the chosen command and returns its exit code.

namespace CLI {
class App;
}

namespace iom::cli {

class Context;

int run(int argc, char **argv);

// The whole CLI11 tree, as parsing, the man page and the completions see it.
void build_app(CLI::App &app, Context &context);

} // namespace iom::cli
