// A run registers only the root and command options that argv names; every
// command line must parse as it does with all of them (RootOptions::every,
// the reference).

#include "cli/app.hpp"
#include "cli/context.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <string>
#include <vector>

using iom::cli::RootOptions;

namespace {

// Everything a parse decides, flattened for a readable comparison.
std::string outcome(std::vector<std::string> args, RootOptions which) {
  args.insert(args.begin(), "iom");
  std::vector<char *> argv;
  for (std::string &arg : args)
    argv.push_back(arg.data());
  iom::util::Output out(iom::util::Output::k_in_memory);
  iom::cli::Context context(out);
  CLI::App app{"iom: the test tree", "iom"};
  bool version = false;
  iom::cli::build_app_for(app, context, version, static_cast<int>(argv.size()),
                          argv.data(), which);
  std::string error;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError &e) {
    error = e.get_name() + ": " + e.what();
  } catch (const iom::Error &e) {
    error = e.what();
  }
  const iom::cli::GlobalOptions &o = context.options;
  std::string text = "error=" + error + "\nversion=" + (version ? "1" : "0") +
                     "\nstatus=" + std::to_string(context.status) +
                     "\ndata=" + o.data_path + "\nformat=" + o.format +
                     "\nfields=" + o.fields +
                     "\nno_header=" + (o.no_header ? "1" : "0") +
                     "\ncolor=" + o.color + "\nbom=" + (o.bom ? "1" : "0") +
                     "\ndelimiter=" + o.delimiter + "\nlang=" + o.lang;
  text += "\ncommand=";
  for (const CLI::App *command : app.get_subcommands())
    text += command->get_name() + " ";
  text += "\nremaining=";
  for (const std::string &extra : app.remaining())
    text += extra + " ";
  return text + "\nout=" + out.buffer();
}

} // namespace

TEST_CASE("a run parses argv as it would with every root option") {
  const std::vector<std::vector<std::string>> lines = {
      {"show", "kenya"},
      {"show", "kenya", "-Hfcsv"},
      {"-fjson", "show", "kenya"},
      {"--format=jsonl", "show", "kenya", "niger"},
      {"show", "-F", "name,iso3", "--no-header", "kenya"},
      {"--lang", "fr", "countries", "-f", "csv", "-F", "all"},
      {"countries", "--bom", "-f", "csv", "-d", ";"},
      {"-d", "stats", "countries"},
      {"--data", "stats", "countries"},
      {"countries", "--data"},
      {"countries", "-f"},
      {"--color", "nevr", "countries"},
      {"--lang", "xx", "countries"},
      {"-f", "csv", "show", "--", "kenya"},
      {"show", "kenya", "--frob"},
      {"show", "kenya", "--formt", "csv"},
      {"show", "kenya", "-x"},
      {"search", "-f", "tsv", "nigr"},
      {"-V"},
      {"--version", "show", "kenya"},
      {"-H"},
      {"types", "--help"},
      {"--help"},
      {},
      // The commands' own options.
      {"countries", "-r", "eca", "-n", "3", "-s", "-name"},
      {"countries", "-reca", "-cn3"},
      {"countries", "--region=eca", "--kind", "territory", "--count"},
      {"countries", "--kind", "terr"},
      {"countries", "--regoin", "ap"},
      {"countries", "--basis", "sourced", "-l", "fr"},
      {"offices", "-t", "co", "-m", "nai", "--city", "Nairobi"},
      {"offices", "-t"},
      {"offices", "--", "-t"},
      {"convert", "kenya"},
      {"convert", "--to", "iso3", "--from", "iso2", "KE"},
      {"convert", "--to=iso3", "--encoding", "latin1", "--keep", "kenya"},
      {"convert", "--to", "iso3", "--frm", "iso2", "KE"},
      {"search", "-n", "2", "--world", "congo"},
      {"search", "--limit", "x", "congo"},
      {"show", "--world", "kosovo"},
      {"fields", "-s", "name"},
      {"countries", "-s"},
      {"countries", "-r", "eca", "--help"},
  };
  for (const auto &line : lines) {
    std::string joined;
    for (const auto &arg : line)
      joined += arg + " ";
    CAPTURE(joined);
    CHECK(outcome(line, RootOptions::named) ==
          outcome(line, RootOptions::every));
  }
}

TEST_CASE("a lookup registers only the root options it names") {
  iom::util::Output out(iom::util::Output::k_in_memory);
  iom::cli::Context context(out);
  CLI::App app{"iom: the test tree", "iom"};
  bool version = false;
  std::string args[] = {"iom", "-fcsv", "show", "kenya"};
  char *argv[] = {args[0].data(), args[1].data(), args[2].data(),
                  args[3].data()};
  iom::cli::build_app_for(app, context, version, 4, argv);
  CHECK(app.get_option_no_throw("--format") != nullptr);
  CHECK(app.get_option_no_throw("--data") == nullptr);
  CHECK(app.get_option_no_throw("--version") == nullptr);
  CHECK(app.get_subcommands({}).size() == 1);
  CHECK(app.get_subcommands({}).front()->get_option_no_throw("--world") ==
        nullptr);
  CHECK(context.words == nullptr); // the run's words outlive no call

  // The man page and the completions still get every option.
  auto tree = iom::cli::whole_tree(app, context);
  CHECK(tree->get_option_no_throw("--data") != nullptr);
  CHECK(tree->get_option_no_throw("--version") != nullptr);
  CHECK(tree->get_option_no_throw("--format") != nullptr);
}

TEST_CASE("a command registers only the options that argv names") {
  iom::util::Output out(iom::util::Output::k_in_memory);
  iom::cli::Context context(out);
  CLI::App app{"iom: the test tree", "iom"};
  bool version = false;
  std::string args[] = {"iom", "countries", "-reca", "--count"};
  char *argv[] = {args[0].data(), args[1].data(), args[2].data(),
                  args[3].data()};
  iom::cli::build_app_for(app, context, version, 4, argv);
  const CLI::App *countries = app.get_subcommands({}).front();
  CHECK(countries->get_option_no_throw("--region") != nullptr);
  CHECK(countries->get_option_no_throw("--count") != nullptr);
  CHECK(countries->get_option_no_throw("--type") == nullptr);
  CHECK(countries->get_option_no_throw("--world") == nullptr);

  // A required option is there whether or not argv names it.
  CLI::App convert_app{"iom: the test tree", "iom"};
  std::string convert_args[] = {"iom", "convert", "kenya"};
  char *convert_argv[] = {convert_args[0].data(), convert_args[1].data(),
                          convert_args[2].data()};
  iom::cli::build_app_for(convert_app, context, version, 3, convert_argv);
  const CLI::App *convert = convert_app.get_subcommands({}).front();
  CHECK(convert->get_option_no_throw("--to") != nullptr);
  CHECK(convert->get_option_no_throw("--fuzzy") == nullptr);

  // --help lists them all.
  CLI::App help_app{"iom: the test tree", "iom"};
  std::string help_args[] = {"iom", "countries", "--help"};
  char *help_argv[] = {help_args[0].data(), help_args[1].data(),
                       help_args[2].data()};
  iom::cli::build_app_for(help_app, context, version, 3, help_argv);
  CHECK(help_app.get_subcommands({}).front()->get_option_no_throw("--type") !=
        nullptr);
}
