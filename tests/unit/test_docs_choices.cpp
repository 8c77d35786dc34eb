// Every option or argument with a list of choices: the parser accepts
// exactly those values, and --help, the man page and the completions of
// bash, zsh and fish list the same ones.

#include "cli/app.hpp"
#include "cli/choices.hpp"
#include "cli/context.hpp"
#include "docs/completions.hpp"
#include "docs/man.hpp"
#include "util/choices.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

using iom::docs::Shell;

namespace {

struct WholeTree {
  iom::util::Output out;
  iom::cli::Context context{out};
  CLI::App app{"iom: the test tree", "iom"};
  WholeTree() { iom::cli::build_app(app, context); }
};

// An option or argument with choices, found by walking the CLI11 tree.
struct Listed {
  CLI::App *owner;
  CLI::Option *option;
  std::string command; // empty for a global option
  std::vector<std::string> choices;
};

std::vector<std::string> choices_of(CLI::Option &option) {
  try {
    return iom::util::decode_choices(
        option.get_validator(std::string(iom::util::k_choices_validator))
            ->get_description());
  } catch (const CLI::OptionNotFound &) {
    return {};
  }
}

void collect(CLI::App &app, const std::string &command,
             std::vector<Listed> &out) {
  for (CLI::Option *option : app.get_options())
    if (std::vector<std::string> choices = choices_of(*option);
        !choices.empty())
      out.push_back({&app, option, command, choices});
}

std::vector<Listed> everything_listed(CLI::App &app) {
  std::vector<Listed> out;
  collect(app, "", out);
  for (CLI::App *sub : app.get_subcommands({}))
    if (!sub->get_name().empty())
      collect(*sub, sub->get_name(), out);
  return out;
}

std::string join(const std::vector<std::string> &words, std::string_view sep,
                 std::string_view last_sep, std::string_view quote = "") {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0)
      out += i + 1 == words.size() ? last_sep : sep;
    out.append(quote).append(words[i]).append(quote);
  }
  return out;
}

// What parsing `iom [COMMAND] OPTION VALUE --help` does: CLI11 validates the
// values before it answers --help, so a help request means "accepted".
enum class Parsed { accepted, refused };
Parsed parse(CLI::App &app, const Listed &listed, const std::string &value) {
  std::vector<std::string> args{"--help"};
  args.push_back(value);
  if (listed.option->nonpositional())
    args.push_back(listed.option->get_name());
  if (!listed.command.empty())
    args.push_back(listed.command);
  try {
    app.parse(args); // reversed, as CLI11 wants
  } catch (const CLI::CallForHelp &) {
    return Parsed::accepted;
  } catch (const iom::Error &error) {
    CHECK(std::string_view(error.what()).starts_with("unknown "));
    return Parsed::refused;
  }
  FAIL("neither help nor an error for " << value);
  return Parsed::refused;
}

// The lines of `text` that contain `needle`.
std::vector<std::string> lines_with(std::string_view text,
                                    std::string_view needle) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::string_view line = text.substr(0, text.find('\n'));
    if (line.find(needle) != line.npos)
      out.emplace_back(line);
    text.remove_prefix(std::min(text.size(), line.size() + 1));
  }
  return out;
}

// The man page's text for each item (.TP) whose tag line contains `tag`,
// joined into one line.
std::vector<std::string> man_items(const std::string &page,
                                   const std::string &tag) {
  std::vector<std::string> out;
  for (std::size_t at = page.find(".TP\n"); at != page.npos;
       at = page.find(".TP\n", at + 1)) {
    std::size_t tag_end = page.find('\n', at + 4);
    if (page.substr(at, tag_end - at).find(tag) == std::string::npos)
      continue;
    std::size_t end = page.find("\n.", tag_end);
    std::string item = page.substr(tag_end + 1, end - tag_end - 1);
    for (char &c : item)
      if (c == '\n')
        c = ' ';
    out.push_back(item);
  }
  return out;
}

std::string roff_name(std::string_view name) {
  std::string out;
  for (char c : name)
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

} // namespace

TEST_CASE("every list of choices is the same in the parser, --help, the man "
          "page and the completions") {
  WholeTree tree;
  std::vector<Listed> listed = everything_listed(tree.app);
  // -f, --color, --lang, --kind and --basis twice, --from, --encoding,
  // completions SHELL.
  REQUIRE(listed.size() == 10);

  const std::string page = iom::docs::man_page(tree.app);
  const std::string bash = iom::docs::completion_script(tree.app, Shell::bash);
  const std::string zsh = iom::docs::completion_script(tree.app, Shell::zsh);
  const std::string fish = iom::docs::completion_script(tree.app, Shell::fish);

  for (const Listed &item : listed) {
    const std::string name = item.option->nonpositional()
                                 ? "--" + item.option->get_lnames().front()
                                 : item.option->get_name();
    CAPTURE(item.command);
    CAPTURE(name);
    const std::vector<std::string> &values = item.choices;

    for (const std::string &value : values)
      CHECK(parse(tree.app, item, value) == Parsed::accepted);
    CHECK(parse(tree.app, item, "no-such-" + values.front()) ==
          Parsed::refused);

    // --help: "-f,--format FORMAT:{table,tsv,...}".
    std::string listed_in_help = ":{" + join(values, ",", ",") + "}";
    CHECK(lines_with(item.owner->help(), listed_in_help).size() == 1);

    // The man page: "One of `table`, `tsv` ... or `md`." in the item.
    std::string tag = item.option->nonpositional()
                          ? "\\fB" + roff_name(name) + "\\fR"
                          : "\\fI" + name + "\\fR";
    std::vector<std::string> items = man_items(page, tag);
    REQUIRE(!items.empty());
    std::string in_man = "One of " + join(values, ", ", " or ", "") + ".";
    for (const std::string &text : items) {
      std::string plain = text;
      for (std::string_view font : {"\\fB", "\\fR"})
        for (std::size_t at = plain.find(font); at != plain.npos;
             at = plain.find(font))
          plain.erase(at, font.size());
      CHECK(plain.find(in_man) != plain.npos);
    }

    // The completions: the same words, in the same order.
    std::string words = join(values, " ", " ");
    std::string long_name = name.substr(name.find_first_not_of('-'));
    if (item.option->nonpositional()) {
      std::string scope = item.command.empty() ? "*" : item.command;
      CHECK(lines_with(bash, scope + ":" + name + ")").size() +
                lines_with(bash, scope + ":" + name + " |").size() ==
            1);
      CHECK(lines_with(bash, "echo 'words . " + words + "' ;;").size() == 1);
      CHECK(!lines_with(zsh, name + "=[").empty());
      for (const std::string &line : lines_with(zsh, name + "=["))
        CHECK(line.ends_with(":{_iom_values " + long_name + " . " + words +
                             "}'"));
      std::string fish_option = " -l " + long_name + " ";
      CHECK(!lines_with(fish, fish_option).empty());
      for (const std::string &line : lines_with(fish, fish_option))
        CHECK(line.find(" -x -a '" + words + "' -d ") != line.npos);
    } else {
      CHECK(
          lines_with(bash, item.command + ":0) echo 'words . " + words + "' ;;")
              .size() == 1);
      std::string tag_name = long_name;
      for (char &c : tag_name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(lines_with(zsh, "':" + name + ":{_iom_values " + tag_name + " . " +
                                words + "}'")
                .size() == 1);
      CHECK(lines_with(fish, "'__iom_using " + item.command + " 1' -a '" +
                                 words + "'")
                .size() == 1);
    }
  }
}

TEST_CASE("a bad value gets iom's message and the nearest valid one") {
  using iom::cli::choice_error;
  using iom::cli::k_format_list;
  CHECK(choice_error(k_format_list, "jsn") ==
        "unknown format 'jsn'; did you mean 'json'? valid formats: table, "
        "tsv, csv, json, jsonl, md");
  CHECK(choice_error(k_format_list, "JSON") ==
        "unknown format 'JSON'; did you mean 'json'? valid formats: table, "
        "tsv, csv, json, jsonl, md");
  CHECK(choice_error(k_format_list, "tabel") ==
        "unknown format 'tabel'; did you mean 'table'? valid formats: table, "
        "tsv, csv, json, jsonl, md");
  // Nothing is near enough: no guess.
  CHECK(choice_error(k_format_list, "xml") ==
        "unknown format 'xml'; valid formats: table, tsv, csv, json, jsonl, "
        "md");
  CHECK(choice_error(k_format_list, "") ==
        "unknown format ''; valid formats: table, tsv, csv, json, jsonl, md");
  CHECK(iom::cli::choice_enum<iom::cli::ColorMode>(
            iom::cli::k_color_list, "never") == iom::cli::ColorMode::never);
  CHECK_THROWS_AS(iom::cli::choice_index(k_format_list, "xml"), iom::Error);
}
