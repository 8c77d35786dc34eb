#include "cli/app.hpp"

#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "query/filter.hpp"
#include "util/error.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>

namespace iom::cli {
namespace {

std::string version_text(const Dataset &data) {
  query::KindCounts kinds = query::count_kinds(data);
  return fmt::format("iom {}\ndata {} (captured {}, {}): {} entries: {} "
                     "countries, {} territories, {} offices\n",
                     IOM_VERSION, data.meta.data_version, data.meta.captured,
                     data.origin, data.entries.size(), kinds.countries,
                     kinds.territories, kinds.offices);
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

constexpr ChoiceList k_format_list{k_formats, "format", "formats"};
constexpr ChoiceList k_color_list{k_color_modes, "--color value"};

std::unique_ptr<CLI::App> whole_tree(const CLI::App &root, Context &context) {
  auto tree =
      std::make_unique<CLI::App>(root.get_description(), root.get_name());
  build_app(*tree, context);
  for (const CLI::Option *option : root.get_options()) {
    if (!option->nonpositional())
      continue;
    std::string names;
    for (const auto &name : option->get_snames())
      names += (names.empty() ? "-" : ",-") + name;
    for (const auto &name : option->get_lnames())
      names += (names.empty() ? "--" : ",--") + name;
    if (tree->get_option_no_throw(names.substr(0, names.find(','))))
      continue;
    CLI::Option *copy = option->get_expected_max() == 0
                            ? tree->add_flag(names, option->get_description())
                            : tree->add_option(names, option->get_description())
                                  ->type_name(option->get_type_name());
    copy->group(option->get_group());
  }
  return tree;
}

std::string_view command_in(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--")
      break;
    for (const auto &command : k_commands)
      if (command.name == arg)
        return command.name;
  }
  return {};
}

void build_app(CLI::App &app, Context &context, std::string_view only) {
  GlobalOptions &o = context.options;
  app.fallthrough();
  app.footer("Exit status: 0 when something was printed, 1 when nothing "
             "matched or a query was not found, 2 for a usage, data or I/O "
             "error.\nRun 'iom COMMAND --help' for a command's options, or "
             "'man iom'.");
  app.add_option("--data", o.data_path,
                 "Use this dataset file instead of the built-in data "
                 "(also $IOM_DATA)")
      ->type_name("FILE");
  add_choices(app.add_option("-f,--format", o.format,
                             "Output format (default: table on a terminal, "
                             "tsv otherwise)"),
              k_format_list)
      ->type_name("FORMAT");
  app.add_option("-F,--fields", o.fields,
                 "Comma-separated fields to show, or 'all' (see 'iom fields')")
      ->type_name("LIST");
  app.add_flag("-H,--no-header", o.no_header,
               "Omit the header line (table, tsv, csv, md)");
  add_choices(app.add_option("--color", o.color,
                             "Colour (auto honours NO_COLOR and TERM=dumb)"),
              k_color_list)
      ->type_name("WHEN");
  app.add_flag("--bom", o.bom, "Start CSV output with a UTF-8 byte order mark");
  app.add_option("-d,--delimiter", o.delimiter, "CSV field delimiter")
      ->type_name("CHAR");
  for (const auto &command : k_commands)
    if (only.empty() || command.name == only)
      command.add(app, context);
}

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
  app.add_flag("-V,--version", version,
               "Show the program version, the data version and the counts");
  build_app(app, context, command_in(argc, argv));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError &e) {
    // A first word that is not a command deserves a plainer message than
    // "argument was not expected".
    const std::vector<std::string> extras = app.remaining();
    if (app.get_subcommands().empty() && !extras.empty() &&
        !extras.front().starts_with('-')) {
      std::string names;
      for (const auto &command : k_commands)
        if (!command.name.starts_with("__")) // hidden helpers
          names += (names.empty() ? "" : ", ") + std::string(command.name);
      throw Error("unknown command '" + extras.front() + "'; commands: " +
                  names);
    }
    throw Error(std::string(e.what()) + "; see 'iom --help'");
  } catch (const CLI::ParseError &e) {
    throw Error(std::string(e.what()) + "; see 'iom --help'");
  }
  if (version) {
    out.write(version_text(context.data()));
    out.flush();
    return k_exit_ok;
  }
  if (app.get_subcommands().empty())
    throw Error("no command given; see 'iom --help'");
  out.flush();
  return context.status;
}

} // namespace iom::cli
