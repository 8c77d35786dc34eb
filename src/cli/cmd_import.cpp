// iom import PAGE [--write FILE]: how a new text capture of the directory
// page differs from the data in use, and optionally the updated dataset.

#include "cli/changes.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/options.hpp"
#include "dataset/load.hpp"
#include "dataset/write.hpp"
#include "query/normalise.hpp"
#include "query/page.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include "cli/cli11.hpp"

#include <algorithm>
#include <deque>
#include <fstream>
#include <memory>
#include <unordered_set>

namespace iom::cli {
namespace cmd_import_cpp {
namespace {

struct Options {
  std::string page;
  std::string write;
};

constexpr std::string_view k_new_review =
    "new in the capture: only the name and the site languages come from the "
    "page; the name's casing, short_name, kind, codes, region and type are "
    "placeholders, with no source";
constexpr std::string_view k_casing_review =
    "renamed in the capture: restore the proper English casing of the name "
    "(the page is lowercase)";
constexpr std::string_view k_unreviewed =
    "not reviewed: the page capture gives no source for it";

// The updated entries and the strings they point into.
class Edit {
public:
  std::string_view keep(std::string text) {
    return m_strings.emplace_back(std::move(text));
  }
  Strings keep(std::vector<std::string_view> items) {
    const auto &kept = m_lists.emplace_back(std::move(items));
    return {kept.data(), kept.size()};
  }
  std::vector<Entry> entries;

private:
  std::deque<std::string> m_strings;
  std::deque<std::vector<std::string_view>> m_lists;
};

Strings languages(Edit &edit, const query::PageEntry &on_page) {
  std::vector<std::string_view> out;
  for (const auto &language : on_page.languages)
    out.push_back(edit.keep(language));
  return edit.keep(std::move(out));
}

// The captured name in proper casing, when one of the entry's own names
// (short name, alias, its world row's names) spells it; else nothing.
std::optional<std::string_view> cased(const Dataset &data, const Entry &entry,
                                      std::string_view name) {
  const std::string wanted = query::normalise(name);
  std::vector<std::string_view> names{entry.short_name};
  names.insert(names.end(), entry.aliases.begin(), entry.aliases.end());
  if (entry.world != k_no_world) {
    const WorldRow &row = data.world[to_size(entry.world)];
    names.push_back(row.name);
    names.push_back(row.formal_name);
  }
  for (std::string_view candidate : names)
    if (!candidate.empty() && query::normalise(candidate) == wanted)
      return candidate;
  return std::nullopt;
}

TypeIndex country_office(const Dataset &data) {
  for (std::size_t t = 0; t < data.types.size(); ++t)
    if (query::normalise(data.types[t].name) == "country office")
      return static_cast<TypeIndex>(t);
  return TypeIndex{};
}

void updated_entries(Edit &edit, const Dataset &data, const query::Page &page,
                     const query::PageMatch &match) {
  std::unordered_set<std::string> ids;
  for (const Entry &entry : data.entries)
    ids.emplace(entry.id);
  for (std::size_t p = 0; p < page.entries.size(); ++p) {
    const query::PageEntry &on_page = page.entries[p];
    if (match.entry_of[p]) {
      Entry entry = data.entries[*match.entry_of[p]];
      entry.languages = languages(edit, on_page);
      if (match.renamed[p]) {
        std::vector<std::string_view> aliases(entry.aliases.begin(),
                                              entry.aliases.end());
        auto name = cased(data, entry, on_page.name);
        // The old name becomes an alias; the new one is no longer one.
        std::erase_if(aliases, [&](std::string_view alias) {
          return query::normalise(alias) == query::normalise(on_page.name);
        });
        aliases.push_back(entry.name);
        entry.aliases = edit.keep(std::move(aliases));
        entry.name = name ? *name : edit.keep(on_page.name);
        if (!name)
          entry.review = k_casing_review;
      }
      edit.entries.push_back(entry);
      continue;
    }
    std::string id = query::slug(on_page.name);
    for (int n = 2; ids.contains(id); ++n)
      id = query::slug(on_page.name) + "-" + std::to_string(n);
    ids.insert(id);
    Entry entry{};
    entry.id = edit.keep(id);
    entry.name = edit.keep(on_page.name);
    entry.short_name = entry.name;
    entry.kind = Kind::country;
    entry.code_status = CodeStatus::none;
    entry.region = k_no_region;
    entry.region_basis = Basis::assumed;
    entry.region_source = k_unreviewed;
    entry.type = country_office(data);
    entry.type_basis = Basis::assumed;
    entry.type_source = k_unreviewed;
    entry.languages = languages(edit, on_page);
    entry.review = k_new_review;
    edit.entries.push_back(entry);
  }
}

void write_dataset(const Dataset &data, const query::Page &page,
                   const query::PageMatch &match, const Options &options) {
  Edit edit;
  updated_entries(edit, data, page, match);
  Dataset updated = data;
  updated.entries = edit.entries;
  std::string text = dataset::to_toml(
      updated,
      "Written by 'iom import " + options.page + " --write' from " +
          std::string(data.origin) +
          ".\nUnchanged entries keep every fact; renamed ones keep theirs and "
          "their old name as an alias.\nReview each entry marked 'review' "
          "('iom validate' lists them), then bump\ndata_version and captured "
          "and write the changelog entry (data/SOURCES.md).");
  std::ofstream file(options.write, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file)
    throw Error(options.write + ": cannot write the dataset");
}

int run(Context &context, const Options &options) {
  const query::Page page =
      query::parse_page(dataset::read_file(options.page), options.page);
  const Dataset &data = context.indexed();
  const query::PageMatch match = query::match_page(data, page);
  const std::vector<Change> changes = query::compare_page(data, page, match);
  if (!options.write.empty()) {
    write_dataset(data, page, match, options);
    // A label's code, office and casing are not on the page: no guess.
    if (std::any_of(changes.begin(), changes.end(),
                    [](const Change &c) { return c.section != "entries"; }))
      util::print_error(options.write +
                        ": the region and type labels are as before; edit "
                        "the changed ones by hand");
  }
  return emit_changes(context, changes,
                      std::string(data.origin) + " -> " + options.page);
}

} // namespace
} // namespace cmd_import_cpp

void setup_import(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_import_cpp::Options>();
  command
      .add_option("PAGE", options->page,
                  "Text capture of IOM's home page with its \"where we "
                  "work\" directory (filter labels, 'apply', the list)")
      ->required();
  OptionAdder(command, context)
      .option("--write", options->write,
              "Also write the updated dataset to FILE; new entries are "
              "marked for review")
      .type_name("FILE");
  command.callback([&context, options] {
    context.status = cmd_import_cpp::run(context, *options);
  });
}

} // namespace iom::cli
