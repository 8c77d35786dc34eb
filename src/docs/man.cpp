#include "docs/man.hpp"

#include "dataset/builtin.hpp"
#include "docs/tree.hpp"
#include "render/fields.hpp"
#include "render/provenance.hpp"
#include "util/utf8.hpp"
#include "version.hpp"

#include "cli/cli11.hpp"

#include <cstdio>
#include <utility>

namespace iom::docs {
namespace man_cpp {
namespace {

// The prose sections, with @PLACEHOLDERS@ for the generated ones.
constexpr std::string_view k_template =
#include "docs/man_template.inc"
    ;

// An invalid sequence becomes \[uFFFD]; the help texts are valid UTF-8.
void append_utf8_escape(std::string &out, std::string_view text,
                        std::size_t &i) {
  const util::CodePoint cp = util::decode_utf8(text, i);
  i += cp.length - 1;
  char hex[16];
  std::snprintf(hex, sizeof hex, "\\[u%04X]", static_cast<unsigned>(cp.value));
  out += hex;
}

// Text for roff: backslashes escaped, a hyphen that starts a word (an option
// name) made a minus so that it can be copied, non-ASCII characters named, and
// `code` set in bold. A leading . or ' would be a request, so it is guarded.
std::string roff(std::string_view text) {
  std::string out;
  bool code = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char before = i ? text[i - 1] : ' ';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && (before == ' ' || before == '-' || before == '(' ||
                            before == '\'' || before == '"' || before == '`' ||
                            before == '/')) {
      out += "\\-";
    } else if (c == '`') {
      out += code ? "\\fR" : "\\fB";
      code = !code;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      append_utf8_escape(out, text, i);
    } else {
      out += c;
    }
  }
  if (code)
    out += "\\fR";
  if (!out.empty() && (out.front() == '.' || out.front() == '\''))
    out.insert(0, "\\&");
  return out;
}

// Roff text filled into input lines of at most 78 bytes (mandoc's style
// check wants 80); the lines are joined again when the page is formatted.
std::string wrap(std::string_view text) {
  constexpr std::size_t k_width = 78;
  std::string out;
  std::size_t line_start = 0;
  while (!text.empty()) {
    std::size_t end = text.find(' ');
    std::string_view word = text.substr(0, end);
    text.remove_prefix(end == text.npos ? text.size() : end + 1);
    if (out.size() > line_start &&
        out.size() - line_start + 1 + word.size() > k_width) {
      out += '\n';
      line_start = out.size();
    } else if (out.size() > line_start) {
      out += ' ';
    }
    if (out.size() == line_start &&
        (word.starts_with('.') || word.starts_with('\'')))
      out += "\\&";
    out += word;
  }
  return out;
}

// An option's name: every hyphen a minus, as typed.
std::string option_name(std::string_view name) {
  std::string out;
  for (char c : name)
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

std::string names_of(const Flag &flag) {
  std::string out;
  for (const auto &name : flag.names)
    out += (out.empty() ? "\\fB" : ", \\fB") + option_name(name) + "\\fR";
  if (!flag.value.empty())
    out += " \\fI" + roff(flag.value) + "\\fR";
  return out;
}

// "`a`, `b` or `c`": set in bold by roff().
std::string choice_list(const std::vector<std::string> &choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0)
      out += i + 1 == choices.size() ? " or " : ", ";
    out += "`" + choices[i] + "`";
  }
  return out;
}

void append_item(std::string &out, std::string_view tag,
                 std::string_view text) {
  out += ".TP\n";
  out += tag;
  out += '\n';
  out += wrap(roff(sentence(text)));
  out += '\n';
}

// The description, then the allowed values when there is a list of them:
// "Output format. One of `table`, `tsv` or `csv`."
std::string described(std::string_view description,
                      const std::vector<std::string> &choices) {
  std::string out = sentence(description);
  if (!choices.empty())
    out += " One of " + choice_list(choices) + ".";
  return out;
}

std::string usage(const Tree &tree, const Command &command) {
  std::string out = "\\fB" + roff(tree.name) + "\\fR [\\fIOPTIONS\\fR] \\fB" +
                    roff(command.name) + "\\fR";
  bool optional = false;
  for (const Flag &flag : command.flags) {
    if (flag.required)
      out += " \\fB" + option_name(flag.long_name()) + "\\fR \\fI" +
             roff(flag.value) + "\\fR";
    else
      optional = optional || !flag.is_help();
  }
  if (optional)
    out += " [\\fIOPTIONS\\fR]";
  for (const Positional &positional : command.positionals) {
    std::string arg = "\\fI" + roff(positional.name) + "\\fR" +
                      (positional.many ? "..." : "");
    out += positional.required ? " " + arg : " [" + arg + "]";
  }
  return out;
}

std::string synopsis(const Tree &tree) {
  std::string out;
  for (const Command &command : tree.commands)
    out += wrap(usage(tree, command)) + "\n.br\n";
  out += "\\fB" + roff(tree.name) + "\\fR \\fB\\-\\-version\\fR\n.br\n";
  out += "\\fB" + roff(tree.name) + "\\fR [\\fICOMMAND\\fR] \\fB\\-\\-help\\fR";
  return out;
}

std::string commands(const Tree &tree) {
  std::string out;
  for (const Command &command : tree.commands) {
    out += ".SS " + roff(command.name) + "\n";
    out += wrap(roff(sentence(command.description))) + "\n";
    for (const Positional &positional : command.positionals)
      append_item(out,
                  "\\fI" + roff(positional.name) + "\\fR" +
                      (positional.many ? "..." : ""),
                  described(positional.description, positional.choices));
    for (const Flag &flag : command.flags)
      if (!flag.is_help())
        append_item(out, names_of(flag),
                    described(flag.description, flag.choices));
  }
  out.pop_back();
  return out;
}

std::string options(const Tree &tree) {
  std::string out;
  for (const Flag &flag : tree.flags)
    append_item(out, names_of(flag), described(flag.description, flag.choices));
  out.pop_back();
  return out;
}

std::string fields() {
  std::string out;
  for (const render::EntryField &field : render::all_fields()) {
    std::string text(field.description);
    if (field.is_list)
      text += " (a list)";
    text += "; HXL " + std::string(field.hashtag);
    append_item(out, "\\fB" + roff(field.name) + "\\fR", text);
  }
  out.pop_back();
  return out;
}

// The choices of a global option.
std::vector<std::string> choices_of(const Tree &tree, std::string_view name) {
  for (const Flag &flag : tree.flags)
    if (flag.long_name() == name)
      return flag.choices;
  return {};
}

// "iom: where ..." -> "iom \\- where ...".
std::string name_line(const Tree &tree) {
  std::string_view text = tree.description;
  std::string prefix = tree.name + ": ";
  if (text.starts_with(prefix))
    text.remove_prefix(prefix.size());
  if (text.ends_with('.'))
    text.remove_suffix(1);
  return wrap(roff(tree.name) + " \\- " + roff(text));
}

} // namespace
} // namespace man_cpp

std::string man_page(const CLI::App &app) {
  const Tree tree = read_tree(app);
  const Meta &meta = dataset::builtin().meta;
  // The page is dated by the built-in data, not by today, so regenerating it
  // gives the same bytes.
  const std::pair<std::string_view, std::string> values[] = {
      {"@DATE@", man_cpp::roff(meta.captured)},
      {"@VERSION@", man_cpp::roff(IOM_VERSION)},
      {"@DATA_VERSION@", man_cpp::roff(meta.data_version)},
      {"@DATA_CAPTURED@", man_cpp::roff(render::captured_text(meta))},
      {"@DATA_SOURCE@", man_cpp::roff(meta.source)},
      {"@NAME@", man_cpp::name_line(tree)},
      {"@SYNOPSIS@", man_cpp::synopsis(tree)},
      {"@COMMANDS@", man_cpp::commands(tree)},
      {"@OPTIONS@", man_cpp::options(tree)},
      {"@FIELDS@", man_cpp::fields()},
      {"@FORMATS@", man_cpp::roff(man_cpp::choice_list(
                        man_cpp::choices_of(tree, "--format")))},
  };
  std::string out(man_cpp::k_template);
  for (const auto &[key, value] : values)
    for (std::size_t at = out.find(key); at != out.npos;
         at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  return out;
}

} // namespace iom::docs
