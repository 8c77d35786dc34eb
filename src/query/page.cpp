#include "query/page.hpp"

#include "query/match.hpp"
#include "query/normalise.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace iom::query {
namespace {

struct Line {
  std::string_view text; // trimmed
  std::size_t number;
};

std::string_view trim(std::string_view text) {
  const std::string_view space = " \t\r\f\v";
  std::size_t begin = text.find_first_not_of(space);
  if (begin == text.npos)
    return {};
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

// The non-empty lines, trimmed, with their numbers.
std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  std::size_t number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    ++number;
    if (std::string_view t = trim(line); !t.empty())
      lines.push_back({t, number});
    if (end == text.npos)
      break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == text.npos)
      end = text.size();
    if (end > at)
      out.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// A line of site-language codes: words of two or three lowercase letters.
bool is_language_line(std::string_view text) {
  std::vector<std::string> codes = words(text);
  return !codes.empty() &&
         std::all_of(codes.begin(), codes.end(), [](const std::string &w) {
           return (w.size() == 2 || w.size() == 3) &&
                  std::all_of(w.begin(), w.end(),
                              [](char c) { return c >= 'a' && c <= 'z'; });
         });
}

// One directory block: the positions (in the line list) of its "regions",
// "office type" and "apply" lines, and where its list ends.
struct Block {
  std::size_t regions;
  std::size_t types;
  std::size_t apply;
  std::size_t end; // one past the list's last line
};

std::vector<Block> blocks_of(const std::vector<Line> &lines) {
  std::vector<Block> blocks;
  std::size_t regions = lines.size();
  std::size_t types = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text == "regions") {
      regions = i;
      types = lines.size();
    } else if (lines[i].text == "office type" && regions < i) {
      types = i;
    } else if (lines[i].text == "apply" && types < i) {
      if (!blocks.empty())
        blocks.back().end = std::min(blocks.back().end, regions);
      blocks.push_back({regions, types, i, lines.size()});
      regions = types = lines.size();
    }
  }
  return blocks;
}

std::vector<std::string> labels(const std::vector<Line> &lines,
                                std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (std::size_t i = from + 1; i < to; ++i)
    out.emplace_back(lines[i].text);
  return out;
}

bool is_separate(const std::vector<Line> &lines, const Block &block) {
  for (std::size_t i = block.apply + 1; i < block.end; ++i)
    if (is_language_line(lines[i].text))
      return true;
  return false;
}

std::string where(std::string_view name, const Line &line) {
  return std::string(name) + ":" + std::to_string(line.number) + ": ";
}

std::string joined(const std::vector<std::string> &items,
                   std::string_view separator) {
  std::string out;
  for (const auto &item : items)
    out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

} // namespace

Page parse_page(std::string_view text, std::string_view name) {
  const std::vector<Line> lines = lines_of(text);
  const std::vector<Block> blocks = blocks_of(lines);
  const std::string file(name);
  if (blocks.empty())
    throw Error(file +
                ": no directory list found: expected a 'regions' line and the "
                "region labels, an 'office type' line and the type labels, "
                "then 'apply' and the list");
  const Block *list = nullptr;
  for (const Block &block : blocks)
    if (is_separate(lines, block))
      list = &block;
  if (!list)
    throw Error(where(name, lines[blocks.back().apply]) +
                "no directory list with names and site-language codes on "
                "separate lines after 'apply'");

  Page page;
  page.regions = labels(lines, list->regions, list->types);
  page.types = labels(lines, list->types, list->apply);
  for (std::size_t i = list->apply + 1; i < list->end; ++i) {
    const Line &line = lines[i];
    if (is_language_line(line.text) && !page.entries.empty() &&
        page.entries.back().languages.empty()) {
      page.entries.back().languages = words(line.text);
      continue;
    }
    if (is_language_line(line.text))
      throw Error(where(name, line) + "site-language codes '" +
                  std::string(line.text) + "' follow no entry name");
    page.entries.push_back({std::string(line.text), {}, line.number});
  }
  if (page.entries.empty())
    throw Error(where(name, lines[list->apply]) +
                "no directory entries after 'apply'");

  // The other blocks must say the same: their labels, and their glued list
  // entry for entry.
  for (const Block &block : blocks) {
    if (&block == list)
      continue;
    if (labels(lines, block.regions, block.types) != page.regions ||
        labels(lines, block.types, block.apply) != page.types)
      throw Error(where(name, lines[block.regions]) +
                  "these filter labels differ from those at line " +
                  std::to_string(lines[list->regions].number));
    std::size_t at = block.apply + 1;
    for (const PageEntry &entry : page.entries) {
      std::string glued = entry.name + joined(entry.languages, " ");
      if (at >= block.end || lines[at].text != glued)
        throw Error(
            where(name, at < block.end ? lines[at] : lines[block.apply]) +
            "the glued list has '" +
            std::string(at < block.end ? lines[at].text : "") +
            "' where the list at line " + std::to_string(entry.line) +
            " gives '" + glued + "'");
      ++at;
    }
  }
  return page;
}

std::string slug(std::string_view name) {
  std::string out;
  for (const std::string &word : words(normalise(name)))
    out += (out.empty() ? "" : "-") + word;
  return out;
}

PageMatch match_page(const Dataset &data, const Page &page) {
  PageMatch match;
  match.entry_of.resize(page.entries.size());
  match.renamed.resize(page.entries.size());
  std::unordered_map<std::string, EntryIndex> by_name;
  for (std::size_t i = 0; i < data.entries.size(); ++i)
    by_name.emplace(normalise(data.entries[i].name),
                    static_cast<EntryIndex>(i));
  std::unordered_set<EntryIndex> taken;
  for (std::size_t p = 0; p < page.entries.size(); ++p) {
    auto found = by_name.find(normalise(page.entries[p].name));
    if (found != by_name.end() && taken.insert(found->second).second)
      match.entry_of[p] = found->second;
  }
  // A rename: the new name is another name of exactly one entry that no
  // page name matched.
  for (std::size_t p = 0; p < page.entries.size(); ++p) {
    if (match.entry_of[p])
      continue;
    std::optional<EntryIndex> only;
    std::size_t count = 0;
    for (const Match &m : lookup(data, page.entries[p].name))
      if (m.place < data.entries.size() &&
          !taken.contains(static_cast<EntryIndex>(m.place)) &&
          (!only || *only != m.place)) {
        only = static_cast<EntryIndex>(m.place);
        ++count;
      }
    if (count == 1) {
      taken.insert(*only);
      match.entry_of[p] = only;
      match.renamed[p] = true;
    }
  }
  return match;
}

namespace {

// Labels of the filter against the dataset's names, by position for a
// rename.
template <typename Item>
void compare_labels(std::vector<Change> &out, std::string_view section,
                    std::span<const Item> items,
                    const std::vector<std::string> &labels) {
  std::unordered_set<std::string> names;
  for (const Item &item : items)
    names.insert(normalise(item.name));
  std::unordered_set<std::string> on_page;
  for (const auto &label : labels)
    on_page.insert(normalise(label));
  std::vector<bool> used(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    used[i] = names.contains(normalise(labels[i]));
  std::vector<Change> removed;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item &item = items[i];
    if (on_page.contains(normalise(item.name)))
      continue;
    if (i < labels.size() && !used[i]) {
      used[i] = true;
      out.push_back({std::string(section), std::string(item.code),
                     ChangeKind::renamed, "name", std::string(item.name),
                     labels[i]});
    } else {
      removed.push_back({std::string(section), std::string(item.code),
                         ChangeKind::removed, "", std::string(item.name), ""});
    }
  }
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (!used[i])
      out.push_back({std::string(section), slug(labels[i]), ChangeKind::added,
                     "", "", labels[i]});
  out.insert(out.end(), removed.begin(), removed.end());
}

std::string languages_of(const Entry &entry) {
  std::string out;
  for (std::string_view language : entry.languages)
    out += (out.empty() ? "" : ", ") + std::string(language);
  return out;
}

} // namespace

std::vector<Change> compare_page(const Dataset &data, const Page &page,
                                 const PageMatch &match) {
  std::vector<Change> out;
  compare_labels(out, "regions", data.regions, page.regions);
  compare_labels(out, "types", data.types, page.types);
  std::vector<bool> seen(data.entries.size());
  for (std::size_t p = 0; p < page.entries.size(); ++p) {
    const PageEntry &on_page = page.entries[p];
    if (!match.entry_of[p]) {
      out.push_back({"entries", slug(on_page.name), ChangeKind::added, "", "",
                     on_page.name});
      continue;
    }
    const Entry &entry = data.entries[*match.entry_of[p]];
    seen[*match.entry_of[p]] = true;
    const std::string id(entry.id);
    if (match.renamed[p])
      out.push_back({"entries", id, ChangeKind::renamed, "name",
                     std::string(entry.name), on_page.name});
    std::string languages = joined(on_page.languages, ", ");
    if (languages != languages_of(entry))
      out.push_back({"entries", id, ChangeKind::changed, "languages",
                     languages_of(entry), languages});
  }
  for (std::size_t i = 0; i < data.entries.size(); ++i)
    if (!seen[i])
      out.push_back({"entries", std::string(data.entries[i].id),
                     ChangeKind::removed, "", std::string(data.entries[i].name),
                     ""});
  return out;
}

} // namespace iom::query
