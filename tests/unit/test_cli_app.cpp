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
#include <utility>
#include <vector>

using iom::cli::RootOptions;

namespace {

// The tree that build_app_for builds for `iom ARGS...`, with its own
// in-memory output and context.
struct BuiltTree {
  iom::util::Output out{iom::util::Output::k_in_memory};
  iom::cli::Context context{out};
  CLI::App app{"iom: the test tree", "iom"};
  bool version = false;
  std::vector<std::string> args;
  std::vector<char *> argv;

  explicit BuiltTree(std::vector<std::string> words,
                     RootOptions which = RootOptions::named)
      : args(std::move(words)) {
    args.insert(args.begin(), "iom");
    for (std::string &arg : args)
      argv.push_back(arg.data());
    iom::cli::build_app_for(app, context, version, argc(), argv.data(), which);
  }
  int argc() const { return static_cast<int>(argv.size()); }
  // The first command under the root.
  const CLI::App &command() { return *app.get_subcommands({}).front(); }
};

// Everything a parse decides, flattened for a readable comparison.
std::string outcome(std::vector<std::string> args, RootOptions which) {
  BuiltTree built(std::move(args), which);
  CLI::App &app = built.app;
  const iom::cli::Context &context = built.context;
  std::string error;
  try {
    app.parse(built.argc(), built.argv.data());
  } catch (const CLI::ParseError &e) {
    error = e.get_name() + ": " + e.what();
  } catch (const iom::Error &e) {
    error = e.what();
  }
  const iom::cli::GlobalOptions &o = context.options;
  std::string text =
      "error=" + error + "\nversion=" + (built.version ? "1" : "0") +
      "\nstatus=" + std::to_string(context.status) + "\ndata=" + o.data_path +
      "\nformat=" + o.format + "\nfields=" + o.fields +
      "\nno_header=" + (o.no_header ? "1" : "0") + "\ncolor=" + o.color +
      "\nbom=" + (o.bom ? "1" : "0") + "\ndelimiter=" + o.delimiter +
      "\nlang=" + o.lang;
  text += "\ncommand=";
  for (const CLI::App *command : app.get_subcommands())
    text += command->get_name() + " ";
  text += "\nremaining=";
  for (const std::string &extra : app.remaining())
    text += extra + " ";
  return text + "\nout=" + built.out.buffer();
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
  BuiltTree built({"-fcsv", "show", "kenya"});
  const CLI::App &app = built.app;
  CHECK(app.get_option_no_throw("--format") != nullptr);
  CHECK(app.get_option_no_throw("--data") == nullptr);
  CHECK(app.get_option_no_throw("--version") == nullptr);
  CHECK(app.get_subcommands({}).size() == 1);
  CHECK(built.command().get_option_no_throw("--world") == nullptr);
  CHECK(built.context.words == nullptr); // the run's words outlive no call

  // The man page and the completions still get every option.
  auto tree = iom::cli::whole_tree(built.app, built.context);
  CHECK(tree->get_option_no_throw("--data") != nullptr);
  CHECK(tree->get_option_no_throw("--version") != nullptr);
  CHECK(tree->get_option_no_throw("--format") != nullptr);
}

TEST_CASE("a command registers only the options that argv names") {
  BuiltTree built({"countries", "-reca", "--count"});
  const CLI::App &countries = built.command();
  CHECK(countries.get_option_no_throw("--region") != nullptr);
  CHECK(countries.get_option_no_throw("--count") != nullptr);
  CHECK(countries.get_option_no_throw("--type") == nullptr);
  CHECK(countries.get_option_no_throw("--world") == nullptr);

  // A required option is there whether or not argv names it.
  BuiltTree convert({"convert", "kenya"});
  CHECK(convert.command().get_option_no_throw("--to") != nullptr);
  CHECK(convert.command().get_option_no_throw("--fuzzy") == nullptr);

  // --help lists them all.
  BuiltTree help({"countries", "--help"});
  CHECK(help.command().get_option_no_throw("--type") != nullptr);
}
