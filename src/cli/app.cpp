#include "cli/app.hpp"

#include "model_names.hpp"

#include "cli/choices.hpp"
#include "cli/cli11.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/options.hpp"
#include "cli/suggest.hpp"
#include "query/filter.hpp"
#include "render/provenance.hpp"
#include "util/error.hpp"
#include "version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <string>
#include <string_view>
#include <vector>

namespace iom::cli {
namespace app_cpp {
namespace {

std::string version_text(const Dataset &data) {
  query::KindCounts kinds = query::count_kinds(data);
  return fmt::format("iom {}\ndata {}, {}, {}: {} entries: {} "
                     "countries, {} territories, {} offices\n",
                     IOM_VERSION, data.meta.data_version,
                     render::captured_text(data.meta), data.origin,
                     data.entries.size(), kinds.countries, kinds.territories,
                     kinds.offices);
}

// In render::Format's order.
constexpr util::Choice k_formats[] = {
    {"table"}, {"tsv"}, {"csv"}, {"json"}, {"jsonl"}, {"md"},
};
// In ColorMode's order.
constexpr util::Choice k_color_modes[] = {
    {"auto"},
    {"always"},
    {"never"},
};

} // namespace
} // namespace app_cpp

constexpr ChoiceList k_format_list{app_cpp::k_formats, "format", "formats"};
constexpr ChoiceList k_color_list{app_cpp::k_color_modes, "--color value"};
constexpr ChoiceList k_lang_list{Spelling<Lang>::names, "--lang value"};

namespace app_cpp {
namespace {

// The global options, one line each, in --help's order; registered on the
// root, whose fallthrough lets them follow the command too.
struct GlobalOption {
  std::string_view names;
  std::string_view description;
  std::string_view type_name;                  // empty for a flag
  std::string GlobalOptions::*value = nullptr; // an option's
  bool GlobalOptions::*flag = nullptr;         // or a flag's
  const ChoiceList *choices = nullptr;
};

constexpr GlobalOption k_global_options[] = {
    {"--data",
     "Use this dataset file instead of the built-in data (also $IOM_DATA)",
     "FILE", &GlobalOptions::data_path},
    {"-f,--format",
     "Output format (default: table on a terminal, tsv otherwise)", "FORMAT",
     &GlobalOptions::format, nullptr, &k_format_list},
    {"-F,--fields",
     "Comma-separated fields to show, or 'all' (see 'iom fields')", "LIST",
     &GlobalOptions::fields},
    {"-H,--no-header", "Omit the header line (table, tsv, csv, md)", "",
     nullptr, &GlobalOptions::no_header},
    {"--color", "Colour (auto honours NO_COLOR and TERM=dumb)", "WHEN",
     &GlobalOptions::color, nullptr, &k_color_list},
    {"--lang",
     "Language of the names: English, French or Spanish (also $IOM_LANG; "
     "default en)",
     "LANG", &GlobalOptions::lang, nullptr, &k_lang_list},
    {"--bom", "Start CSV output with a UTF-8 byte order mark", "", nullptr,
     &GlobalOptions::bom},
    {"--hxl",
     "Add a HXL hashtag row under the header (tsv, csv; see the HASHTAG "
     "column of 'iom fields -F all')",
     "", nullptr, &GlobalOptions::hxl},
    {"-d,--delimiter",
     "CSV field delimiter; for convert --column, the table's (default: found "
     "from its header)",
     "CHAR", &GlobalOptions::delimiter},
};

// The root's own flag, left out of build_app's tree: it answers before any
// command runs.
constexpr std::string_view k_version_names = "-V,--version";
constexpr std::string_view k_version_description =
    "Show the program version, the data version and the counts";

void add_version_flag(CLI::App &app, bool &version) {
  app.add_flag(std::string(k_version_names), version,
               std::string(k_version_description));
}

// The global options, or with `words` only those that argv names.
void add_global_options(CLI::App &app, Context &context,
                        const OptionWords *words) {
  GlobalOptions &o = context.options;
  app.fallthrough();
  app.footer("Exit status: 0 when something was printed, 1 when nothing "
             "matched or a query was not found, 2 for a usage, data or I/O "
             "error.\nRun 'iom COMMAND --help' for a command's options, or "
             "'man iom'.");
  for (const GlobalOption &global : k_global_options) {
    if (words && !words->names(global.names))
      continue;
    std::string names(global.names);
    std::string description(global.description);
    CLI::Option *option =
        global.flag ? app.add_flag(names, o.*global.flag, description)
                    : app.add_option(names, o.*global.value, description)
                          ->type_name(std::string(global.type_name));
    if (global.choices)
      add_choices(option, *global.choices);
  }
}

// The root's options in --help's order: --version, then the global ones.
void add_root_options(CLI::App &app, Context &context, bool &version,
                      const OptionWords *words) {
  if (!words || words->names(k_version_names))
    add_version_flag(app, version);
  add_global_options(app, context, words);
}

} // namespace
} // namespace app_cpp

std::unique_ptr<CLI::App> whole_tree(const CLI::App &root, Context &context) {
  auto tree =
      std::make_unique<CLI::App>(root.get_description(), root.get_name());
  build_app(*tree, context);
  // Unbound (a const description is CLI11's flag without a variable): the
  // man page and the completions only read it.
  const std::string description(app_cpp::k_version_description);
  tree->add_flag(std::string(app_cpp::k_version_names), description);
  return tree;
}

std::string_view command_in(const CLI::App &root, int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--")
      break;
    if (arg.size() > 1 && arg.front() == '-') {
      // "--data=FILE" and "-fcsv" carry their value; "--data FILE" and
      // "-f csv" are followed by it, and that word is no command.
      if (arg.find('=') != std::string_view::npos ||
          (!arg.starts_with("--") && arg.size() > 2))
        continue;
      const CLI::Option *option = root.get_option_no_throw(std::string(arg));
      if (option && option->get_expected_max() != 0)
        ++i;
      continue;
    }
    return arg;
  }
  return {};
}

void add_commands(CLI::App &app, Context &context, std::string_view only) {
  for (const auto &command : k_commands) {
    if (!only.empty() && command.name != only)
      continue;
    CLI::App *sub = app.add_subcommand(std::string(command.name),
                                       std::string(command.description));
    if (command.hidden)
      sub->group(""); // CLI11 leaves a group-less command out of --help
    command.setup(*sub, context);
  }
}

void build_app(CLI::App &app, Context &context) {
  app_cpp::add_global_options(app, context, nullptr);
  add_commands(app, context, {});
}

void build_app_for(CLI::App &app, Context &context, bool &version, int argc,
                   char **argv, RootOptions which) {
  OptionWords words(argc, argv);
  // --help lists every global option.
  const CLI::Option *help = app.get_help_ptr();
  bool every = which == RootOptions::every || (help && words.names(*help));
  app_cpp::add_root_options(app, context, version, every ? nullptr : &words);
  std::string_view word = command_in(app, argc, argv);
  if (word.empty())
    add_commands(app, context, {}); // `iom`, `iom --help`: the whole list
  else if (find_command(word)) {
    // The command's options, too, only those that argv names; `words` lives
    // as long as this call.
    context.words = every ? nullptr : &words;
    add_commands(app, context, word);
    context.words = nullptr;
  }
  // Any other word registers nothing, and the parse reports it.
}

namespace app_cpp {
namespace {

// Every long and short name of the options `command` accepts: its own and the
// global ones.
std::vector<std::string> option_names(const CLI::App &root,
                                      const CLI::App *command) {
  std::vector<std::string> names;
  for (const CLI::App *app : {command, &root}) {
    if (!app)
      continue;
    for (const CLI::Option *option : app->get_options()) {
      if (!option->nonpositional())
        continue;
      for (const auto &name : option->get_lnames())
        names.push_back("--" + name);
      for (const auto &name : option->get_snames())
        names.push_back("-" + name);
    }
  }
  return names;
}

std::string help_hint(const CLI::App *command) {
  return command ? "; see 'iom " + command->get_name() + " --help'"
                 : std::string("; see 'iom --help'");
}

// An argument CLI11 could not place, in iom's words.
[[noreturn]] void refuse_extra(Context &context, const CLI::App *command,
                               const std::vector<std::string> &extras) {
  for (const std::string &extra : extras) {
    if (extra.size() < 2 || extra.front() != '-')
      continue;
    std::string name = extra.substr(0, extra.find('='));
    // The run's tree holds only the options that argv names; the nearest
    // may be any of the root's or the command's.
    CLI::App root;
    bool version = false;
    add_root_options(root, context, version, nullptr);
    if (command)
      add_commands(root, context, command->get_name());
    std::vector<std::string> names = option_names(
        root, command ? root.get_subcommands({}).front() : nullptr);
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string hint = did_you_mean(name, views);
    throw Error("unknown option '" + name + "'" +
                (hint.empty() ? help_hint(command) : hint));
  }
  const std::string &word = extras.front();
  if (!command) {
    std::vector<std::string_view> names;
    for (const auto &entry : k_commands)
      if (!entry.hidden)
        names.push_back(entry.name);
    std::string hint = did_you_mean(word, names);
    if (hint.empty()) {
      hint = "; commands: ";
      for (std::size_t i = 0; i < names.size(); ++i)
        hint += (i ? ", " : "") + std::string(names[i]);
    }
    throw Error("unknown command '" + word + "'" + hint);
  }
  throw Error("unexpected argument '" + word + "'" + help_hint(command));
}

// CLI11's own wording starts with the option's name; iom's messages are
// sentences about the command line.
std::string parse_message(const CLI::ParseError &error) {
  std::string text = error.what();
  if (dynamic_cast<const CLI::ArgumentMismatch *>(&error)) {
    // "--format: 1 required FORMAT missing"
    std::size_t colon = text.find(':');
    if (colon != std::string::npos && text.starts_with('-'))
      return "option '" + text.substr(0, colon) + "' needs a value";
  }
  return text;
}

} // namespace
} // namespace app_cpp

int run(int argc, char **argv) {
  // A closed pipe is reported by write() as EPIPE and ends us quietly.
  std::signal(SIGPIPE, SIG_IGN);
  util::Output out;
  Context context(out);
  // Never destroyed: tearing the tree down at exit is pure cost. The pointer
  // stays reachable, so leak checkers do not count it.
  static CLI::App *const app_storage =
      new CLI::App{"iom: where the International Organization for Migration "
                   "works: its country offices, other offices, regions and "
                   "office types.",
                   "iom"};
  CLI::App &app = *app_storage;
  bool version = false;
  build_app_for(app, context, version, argc, argv);
  const CLI::App *command = nullptr;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError &) {
    if (!app.get_subcommands().empty())
      command = app.get_subcommands().front();
    app_cpp::refuse_extra(context, command, app.remaining());
  } catch (const CLI::ParseError &e) {
    if (!app.get_subcommands().empty())
      command = app.get_subcommands().front();
    throw Error(app_cpp::parse_message(e) + app_cpp::help_hint(command));
  }
  if (version) {
    out.write(app_cpp::version_text(context.data()));
    out.flush();
    return k_exit_ok;
  }
  if (app.get_subcommands().empty())
    throw Error("no command given; see 'iom --help'");
  out.flush();
  return context.status;
}

} // namespace iom::cli
