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

// The commands of the command table; with `only`, just that one: building
// the whole tree costs more than everything else a lookup does.
void add_commands(CLI::App &app, Context &context, std::string_view only);

// The whole tree, for the man page, the completions and the tests.
void build_app(CLI::App &app, Context &context);

// Which of the root's options a run registers: those that argv names (every
// one for --help), or every one, the reference that the tests hold the
// shortcut to.
enum class RootOptions : unsigned char { named, every };

// The tree a run needs: the root's options (--version bound to `version`)
// and the command that argv names (every command when it names none).
void build_app_for(CLI::App &app, Context &context, bool &version, int argc,
                   char **argv, RootOptions which = RootOptions::named);

// The whole tree, for the man page and the completions: a run registers only
// what argv names, so they build their own from `root`'s description, with
// --version, which build_app does not add.
std::unique_ptr<CLI::App> whole_tree(const CLI::App &root, Context &context);

// The first word of argv that is neither an option nor an option's value
// (before a "--"): the command, if argv names one. Reads the options that
// take a value from `root`, which holds the global options.
std::string_view command_in(const CLI::App &root, int argc, char **argv);

} // namespace iom::cli
