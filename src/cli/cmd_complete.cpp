// iom __complete KIND (hidden): the dataset's values for the completion
// scripts, one "VALUE<TAB>DESCRIPTION" line each. The scripts call back into
// iom rather than embed the values, so --data and IOM_DATA are honoured.

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

#include "cli/cli11.hpp"

#include <memory>

#include <algorithm>
#include <set>

namespace iom::cli {
namespace cmd_complete_cpp {
namespace {

struct Options {
  std::string kind;
};

constexpr std::string_view k_kinds = "regions, types, languages, queries";

// Values go into shell words unquoted, so only plain ones are offered (the
// built-in data's all are; a --data file may hold anything).
bool is_shell_word(std::string_view value) {
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

void add_line(std::string &out, std::string_view value,
              std::string_view description) {
  if (!is_shell_word(value))
    return;
  out += value;
  out += '\t';
  // An ASCII control (a tab, a newline) would break the completion line;
  // bytes of 0x80 and above belong to UTF-8 sequences and are kept.
  for (char c : description) {
    auto byte = static_cast<unsigned char>(c);
    out += byte < 0x80 && util::is_control(byte) ? ' ' : c;
  }
  out += '\n';
}

int run(Context &context, const Options &options) {
  const Dataset &data = context.data();
  std::string &out = context.out().buffer();
  if (options.kind == "regions") {
    for (const Region &region : data.regions)
      add_line(out, region.code, region.name);
  } else if (options.kind == "types") {
    for (const OfficeType &type : data.types)
      add_line(out, type.code, type.name);
  } else if (options.kind == "languages") {
    std::set<std::string_view> codes;
    for (const Entry &entry : data.entries)
      codes.insert(entry.languages.begin(), entry.languages.end());
    for (std::string_view code : codes)
      add_line(out, code, {});
  } else if (options.kind == "queries") {
    // Ids are lookup keys that need no quoting ("cote-d-ivoire"); codes follow.
    for (const Entry &entry : data.entries)
      add_line(out, entry.id, entry.name);
    for (const Entry &entry : data.entries)
      add_line(out, entry.iso2, entry.short_name);
    for (const Entry &entry : data.entries)
      add_line(out, entry.iso3, entry.short_name);
  } else {
    throw Error("unknown completion kind '" + options.kind +
                "'; valid values: " + std::string(k_kinds));
  }
  context.out().flush();
  return k_exit_ok;
}

} // namespace
} // namespace cmd_complete_cpp

void setup_complete(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_complete_cpp::Options>();
  command
      .add_option("KIND", options->kind, std::string(cmd_complete_cpp::k_kinds))
      ->required();
  command.callback([&context, options] {
    context.status = cmd_complete_cpp::run(context, *options);
  });
}

} // namespace iom::cli
