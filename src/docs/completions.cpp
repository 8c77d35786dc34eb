#include "docs/completions.hpp"

#include "render/fields.hpp"
#include "docs/tree.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>

namespace iom::docs {
namespace {

constexpr std::string_view k_shells[] = {"bash", "zsh", "fish"};

// Where a value comes from. `fields` is the field table; `dataset` is asked
// of `iom __complete` when completing.
enum class Source : unsigned char { none, files, words, fields, dataset };

// How the values of an option or argument are completed. `list` is "." for
// one value, "," for a comma list (the item after the last comma is
// completed) and "-," for a comma list whose items may start with '-'.
struct Rule {
  std::string_view name;
  Source source;
  std::string_view list;
  std::string_view values; // words, or the dataset kind
};

// The tree says which options take a value; this says what the values are.
// The word lists are those of parse_format and color_wanted (cli/emit.cpp),
// dataset::parse_kind, parse_basis and parse_from (cli/cmd_convert.cpp); the
// shell tests check that iom accepts every one.
constexpr Rule k_option_rules[] = {
    {"--data", Source::files, ".", ""},
    {"--format", Source::words, ".", "table tsv csv json jsonl md"},
    {"--color", Source::words, ".", "auto always never"},
    {"--fields", Source::fields, ",", ""},
    {"--to", Source::fields, ",", ""},
    {"--sort", Source::fields, "-,", ""},
    {"--region", Source::dataset, ",", "regions"},
    {"--type", Source::dataset, ",", "types"},
    {"--lang", Source::dataset, ",", "languages"},
    {"--kind", Source::words, ".", "country territory office"},
    {"--basis", Source::words, ".", "sourced default inferred"},
    {"--from", Source::words, ".", "any name iso2 iso3 numeric alias"},
};

// Positional arguments, as "command NAME".
constexpr Rule k_argument_rules[] = {
    {"show QUERY", Source::dataset, ".", "queries"},
    {"convert QUERY", Source::dataset, ".", "queries"},
    {"validate FILE", Source::files, ".", ""},
    {"completions SHELL", Source::words, ".", "bash zsh fish"},
};

constexpr Rule k_no_rule{"", Source::none, ".", ""};

const Rule &option_rule(const Flag &flag) {
  for (const Rule &rule : k_option_rules)
    if (rule.name == flag.long_name())
      return rule;
  return k_no_rule;
}

const Rule &argument_rule(const Command &command,
                          const Positional &positional) {
  std::string key = command.name + " " + positional.name;
  for (const Rule &rule : k_argument_rules)
    if (rule.name == key)
      return rule;
  return k_no_rule;
}

struct Word {
  std::string value;
  std::string description;
};

std::vector<Word> words_of(const Rule &rule) {
  std::vector<Word> out;
  if (rule.source == Source::fields) {
    for (const render::EntryField &field : render::all_fields())
      out.push_back({std::string(field.name), std::string(field.description)});
    return out;
  }
  std::string_view rest = rule.values;
  while (!rest.empty()) {
    std::size_t end = std::min(rest.find(' '), rest.size());
    out.push_back({std::string(rest.substr(0, end)), {}});
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return out;
}

// The flags a command accepts: its own, then the global ones it does not
// shadow (the tree falls through to the root).
std::vector<const Flag *> flags_of(const Tree &tree, const Command *command) {
  std::vector<const Flag *> out;
  if (command)
    for (const Flag &flag : command->flags)
      out.push_back(&flag);
  for (const Flag &flag : tree.flags) {
    bool shadowed = std::any_of(out.begin(), out.end(), [&](const Flag *own) {
      return own->long_name() == flag.long_name();
    });
    if (!shadowed)
      out.push_back(&flag);
  }
  return out;
}

std::string join(const std::vector<std::string> &items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? std::string(sep) : std::string()) + items[i];
  return out;
}

// 'text' for bash and zsh.
std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// 'text' for fish, where \ and ' are escaped inside single quotes.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'')
      out += '\\';
    out += c;
  }
  return out + "'";
}

// A rule as the bash runtime reads it: SOURCE LIST WORD...
std::string bash_spec(const Rule &rule) {
  std::string spec;
  switch (rule.source) {
  case Source::none:
    spec = "none";
    break;
  case Source::files:
    spec = "files";
    break;
  case Source::words:
  case Source::fields:
    spec = "words";
    break;
  case Source::dataset:
    spec = "dataset";
    break;
  }
  spec += " " + std::string(rule.list);
  if (rule.source == Source::dataset)
    spec += " " + std::string(rule.values);
  else
    for (const Word &word : words_of(rule))
      spec += " " + word.value;
  return spec;
}

// case patterns grouped by the spec they share, in first-seen order.
struct CaseTable {
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;

  void add(const std::string &pattern, const std::string &spec) {
    for (auto &[known, patterns] : rows)
      if (known == spec) {
        patterns.push_back(pattern);
        return;
      }
    rows.push_back({spec, {pattern}});
  }

  std::string render(std::string_view indent) const {
    std::string out;
    for (const auto &[spec, patterns] : rows)
      out += std::string(indent) + join(patterns, " | ") + ") echo " +
             sh_quote(spec) + " ;;\n";
    return out;
  }
};

constexpr std::string_view k_bash_runtime = R"bash(
# 'a b', "a b", a\ b and ~/x as the shell would pass them.
_iom_dequote() {
    local value=$1
    case $value in
        \'*\') value=${value:1:${#value}-2} ;;
        \"*\") value=${value:1:${#value}-2} ;;
        *) value=${value//\\/} ;;
    esac
    [[ $value == \~/* ]] && value=$HOME/${value#\~/}
    printf '%s\n' "$value"
}

# The dataset's values of one KIND, from the iom being completed with the
# command line's --data (IOM_DATA is in the environment).
_iom_dataset() {
    local i value description
    local -a data=()
    for ((i = 1; i < _iom_cword; i++)); do
        case ${_iom_words[i]} in
            --data) ((i + 1 < _iom_cword)) &&
                data=(--data "$(_iom_dequote "${_iom_words[i + 1]}")") ;;
            --data=*) data=(--data "$(_iom_dequote "${_iom_words[i]#--data=}")") ;;
        esac
    done
    "$(_iom_dequote "${_iom_words[0]}")" "${data[@]}" __complete "$1" 2>/dev/null |
        while IFS=$'\t' read -r value description; do
            printf '%s\n' "$value"
        done
}

# Adds the candidates for CUR to COMPREPLY, each after PREFIX.
# usage: _iom_complete_value PREFIX CUR SOURCE LIST WORD...
_iom_complete_value() {
    local prefix=$1 cur=$2 source=$3 list=$4 head= used item
    shift 4
    if [[ $list != . ]]; then
        head=${cur%"${cur##*,}"}
        cur=${cur##*,}
        if [[ $list == -, && $cur == -* ]]; then
            head+=-
            cur=${cur#-}
        fi
    fi
    case $source in
        none) return ;;
        files)
            compopt -o filenames 2>/dev/null
            if [[ -z $prefix ]] && declare -F _filedir >/dev/null; then
                _filedir
            else
                while IFS= read -r item; do
                    COMPREPLY+=("$prefix$item")
                done < <(compgen -f -- "$(_iom_dequote "$cur")")
            fi
            return ;;
        dataset) set -- $(_iom_dataset "$1") ;;
    esac
    # An item already in the list is not offered again.
    used=,$head
    [[ $list == -, ]] && used=${used//,-/,}
    for item in "$@"; do
        [[ $used == *",$item,"* ]] && continue
        [[ $item == "$cur"* ]] && COMPREPLY+=("$prefix$head$item")
    done
}

_iom() {
    local -a _iom_words=()
    local _iom_cword=0 i word
    # COMP_WORDBREAKS splits --option=value at the "="; join it back.
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if ((i > 0)) && [[ ($word == = && ${_iom_words[-1]} == --* &&
            ${_iom_words[-1]} != *=*) ||
            (${COMP_WORDS[i - 1]} == = && ${_iom_words[-1]} == --*=) ]]; then
            _iom_words[-1]+=$word
        else
            _iom_words+=("$word")
        fi
        ((i == COMP_CWORD)) && _iom_cword=$((${#_iom_words[@]} - 1))
    done
    # Only the part of the word before the cursor is completed.
    local cur=${_iom_words[_iom_cword]}
    if [[ -n ${COMP_LINE-} ]]; then
        local line=${COMP_LINE:0:COMP_POINT}
        while [[ -n $cur && $line != *"$cur" ]]; do
            cur=${cur%?}
        done
    fi

    local command= args=0 dashdash=
    for ((i = 1; i < _iom_cword; i++)); do
        word=${_iom_words[i]}
        if [[ -n $dashdash || $word != -?* ]]; then
            if [[ -z $command ]]; then
                command=$word
            else
                args=$((args + 1))
            fi
        elif [[ $word == -- ]]; then
            dashdash=1
        elif [[ $word != *=* ]] && _iom_value_rule "$command" "$word" >/dev/null; then
            i=$((i + 1))
        fi
    done

    local prefix= rule prev=
    ((_iom_cword > 1)) && prev=${_iom_words[_iom_cword - 1]}
    COMPREPLY=()
    if [[ -z $dashdash && $cur == --*=* ]]; then
        [[ $COMP_WORDBREAKS == *=* ]] || prefix=${cur%%=*}=
        rule=$(_iom_value_rule "$command" "${cur%%=*}") &&
            _iom_complete_value "$prefix" "${cur#*=}" $rule
    elif [[ -z $dashdash && $prev == -?* && $prev != *=* ]] &&
        rule=$(_iom_value_rule "$command" "$prev"); then
        _iom_complete_value "" "$cur" $rule
    elif [[ -z $dashdash && $cur == -* ]]; then
        _iom_complete_value "" "$cur" words . $(_iom_options "$command")
    elif [[ -z $command ]]; then
        _iom_complete_value "" "$cur" words . $_iom_commands
    elif rule=$(_iom_argument_rule "$command" "$args"); then
        _iom_complete_value "" "$cur" $rule
    fi
}

complete -F _iom iom
)bash";

std::string bash_script(const Tree &tree) {
  std::string out =
      "# bash completion for iom.                                -*- sh -*-\n"
      "# Generated by 'iom completions bash' from iom's command-line "
      "definition.\n"
      "# Do not edit; run 'make regen'.\n\n";

  std::vector<std::string> names;
  for (const Command &command : tree.commands)
    names.push_back(command.name);
  out += "_iom_commands=" + sh_quote(join(names, " ")) + "\n\n";

  out += "# The options of COMMAND (none: before the command), global ones "
         "included.\n_iom_options() {\n    case $1 in\n";
  auto option_names = [&](const Command *command) {
    std::vector<std::string> all;
    for (const Flag *flag : flags_of(tree, command))
      all.insert(all.end(), flag->names.begin(), flag->names.end());
    return sh_quote(join(all, " "));
  };
  for (const Command &command : tree.commands)
    out += "        " + command.name + ") echo " + option_names(&command) +
           " ;;\n";
  out += "        *) echo " + option_names(nullptr) + " ;;\n    esac\n}\n\n";

  // Global options fall through, so they are matched for any command.
  out += "# How the value of OPTION of COMMAND is completed (SOURCE LIST "
         "WORD...);\n# fails when the option takes no value.\n"
         "_iom_value_rule() {\n    case $1:$2 in\n";
  // A command's own options first: they shadow the global ones.
  CaseTable own;
  CaseTable global;
  auto add_flags = [&](CaseTable &values, const std::string &scope,
                       const std::vector<Flag> &flags) {
    for (const Flag &flag : flags) {
      if (flag.value.empty())
        continue;
      std::vector<std::string> patterns;
      for (const auto &name : flag.names)
        patterns.emplace_back(scope + ':').append(name);
      values.add(join(patterns, " | "), bash_spec(option_rule(flag)));
    }
  };
  for (const Command &command : tree.commands)
    add_flags(own, command.name, command.flags);
  add_flags(global, "*", tree.flags);
  out += own.render("        ") + global.render("        ");
  out += "        *) return 1 ;;\n    esac\n}\n\n";

  out += "# How argument INDEX (from 0) of COMMAND is completed; fails past "
         "the last.\n_iom_argument_rule() {\n    case $1:$2 in\n";
  CaseTable arguments;
  for (const Command &command : tree.commands)
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const Positional &positional = command.positionals[i];
      bool last = i + 1 == command.positionals.size();
      arguments.add(command.name + ":" +
                        (positional.many && last ? "*" : std::to_string(i)),
                    bash_spec(argument_rule(command, positional)));
    }
  out += arguments.render("        ");
  out += "        *) return 1 ;;\n    esac\n}\n";
  out += k_bash_runtime;
  return out;
}

// Text inside an _arguments [description].
std::string zsh_description(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '[' || c == ']' || c == ':')
      out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const Rule &rule, std::string_view tag) {
  std::string list(rule.list);
  switch (rule.source) {
  case Source::none:
    return " ";
  case Source::files:
    return "_files";
  case Source::dataset:
    return "{_iom_dataset_values " + std::string(tag) + " " + list + " " +
           std::string(rule.values) + "}";
  case Source::fields:
    // Their descriptions hold colons, which an action cannot.
    return "{_iom_field_values " + std::string(tag) + " " + list + "}";
  case Source::words:
    break;
  }
  std::vector<std::string> values;
  for (const Word &word : words_of(rule))
    values.push_back(word.value);
  return "{_iom_values " + std::string(tag) + " " + list + " " +
         join(values, " ") + "}";
}

std::string zsh_tag(const Flag &flag) {
  std::string tag = flag.long_name();
  tag.erase(0, tag.find_first_not_of('-'));
  return tag;
}

// One _arguments spec per name of the flag, quoted for the script.
std::vector<std::string> zsh_specs(const Flag &flag) {
  std::string exclusions =
      flag.repeatable ? "*" : "(" + join(flag.names, " ") + ")";
  std::vector<std::string> out;
  for (const auto &name : flag.names) {
    std::string spec = exclusions + name;
    if (!flag.value.empty())
      spec += name.starts_with("--") ? "=" : "+";
    spec += "[" + zsh_description(flag.description) + "]";
    if (!flag.value.empty())
      spec +=
          ":" + flag.value + ":" + zsh_action(option_rule(flag), zsh_tag(flag));
    out.push_back(sh_quote(spec));
  }
  return out;
}

constexpr std::string_view k_zsh_runtime = R"zsh(
# The dataset's values of one KIND as VALUE:DESCRIPTION in $reply, from the
# iom being completed with the command line's --data (IOM_DATA is in the
# environment).
(( $+functions[_iom_dataset] )) ||
_iom_dataset() {
  local -a data lines
  local i word line value description
  for (( i = 2; i < _iom_current; i++ )); do
    word=${_iom_line[i]}
    if [[ $word == --data ]] && (( i + 1 < _iom_current )); then
      data=(--data ${(Q)_iom_line[i + 1]})
    elif [[ $word == --data=* ]]; then
      data=(--data ${(Q)word#--data=})
    fi
  done
  (( $#data )) && data[2]=${data[2]/#\~/$HOME}
  word=${(Q)_iom_line[1]}
  lines=(${(f)"$(${word/#\~/$HOME} $data __complete $1 2>/dev/null)"})
  reply=()
  for line in $lines; do
    value=${line%%$'\t'*}
    description=${line#*$'\t'}
    reply+=("${value//:/\\:}${description:+:$description}")
  done
}

# Completes one value, or the item after the last comma of a list; items
# already in the list are not offered again.
# usage: _iom_values TAG LIST VALUE[:DESCRIPTION]...
(( $+functions[_iom_values] )) ||
_iom_values() {
  local tag=$1 list=$2 used value
  shift 2
  local -a values kept
  values=("$@")
  if [[ $list != . ]]; then
    compset -P '*,'
    [[ $list == -, ]] && compset -P '-'
    used=,${IPREFIX#*=}
    [[ $list == -, ]] && used=${used//,-/,}
    for value in $values; do
      [[ $used == *,${value%%:*},* ]] || kept+=("$value")
    done
    values=("${kept[@]}")
  fi
  _describe -t $tag $tag values
}

(( $+functions[_iom_field_values] )) ||
_iom_field_values() {
  local -a reply
  _iom_fields
  _iom_values $1 $2 $reply
}

(( $+functions[_iom_dataset_values] )) ||
_iom_dataset_values() {
  local -a reply
  _iom_dataset $3
  _iom_values $1 $2 $reply
}
)zsh";

std::string zsh_script(const Tree &tree) {
  std::string out = "#compdef iom\n"
                    "# zsh completion for iom.\n"
                    "# Generated by 'iom completions zsh' from iom's "
                    "command-line definition.\n"
                    "# Do not edit; run 'make regen'.\n";
  out += k_zsh_runtime;
  out += "\n# The fields that --fields, --sort and --to take, as "
         "VALUE:DESCRIPTION in $reply.\n"
         "(( $+functions[_iom_fields] )) ||\n_iom_fields() {\n  reply=(\n";
  for (const Word &word : words_of({"", Source::fields, ",", ""}))
    out += "    " + sh_quote(word.value + ":" + word.description) + "\n";
  out += "  )\n}\n";
  out += "\n# The whole command line, for _iom_dataset: _arguments shifts "
         "$words.\nlocal -a _iom_line\n_iom_line=(\"${words[@]}\")\n"
         "local _iom_current=$CURRENT\n"
         "local curcontext=$curcontext state state_descr line ret=1\n"
         "local -A opt_args\n\n";

  auto spec_lines = [](const std::vector<const Flag *> &flags,
                       std::string_view indent) {
    std::string lines;
    for (const Flag *flag : flags)
      for (const auto &spec : zsh_specs(*flag))
        lines += std::string(indent) + spec + "\n";
    return lines;
  };
  // Global options fall through to every command; $common holds those that
  // no command has a flag of its own for.
  std::vector<const Flag *> common;
  for (const Flag &flag : tree.flags) {
    bool shadowed = false;
    for (const Command &command : tree.commands)
      for (const Flag &own : command.flags)
        shadowed = shadowed || own.long_name() == flag.long_name();
    if (!shadowed)
      common.push_back(&flag);
  }
  out += "local -a globals common specs\nglobals=(\n" +
         spec_lines(flags_of(tree, nullptr), "  ") + ")\ncommon=(\n" +
         spec_lines(common, "  ") + ")\n";
  out += "_arguments -C -s -S $globals '(-): :->command' '(-)*:: :->args' && "
         "ret=0\n\n";

  out += "case $state in\n  command)\n    local -a commands\n"
         "    commands=(\n";
  for (const Command &command : tree.commands)
    out += "      " + sh_quote(command.name + ":" + command.description) + "\n";
  out += "    )\n    _describe -t commands 'iom command' commands && ret=0\n"
         "    ;;\n  args)\n    curcontext=${curcontext%:*:*}:iom-$line[1]:\n"
         "    case $line[1] in\n";
  for (const Command &command : tree.commands) {
    std::vector<const Flag *> flags;
    for (const Flag *flag : flags_of(tree, &command))
      if (std::find(common.begin(), common.end(), flag) == common.end())
        flags.push_back(flag);
    out += "      " + command.name + ")\n        specs=(\n";
    out += spec_lines(flags, "          ");
    for (const Positional &positional : command.positionals) {
      std::string arity = positional.many       ? "*:"
                          : positional.required ? ":"
                                                : "::";
      std::string tag = positional.name;
      std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
      });
      out += "          " +
             sh_quote(arity + positional.name + ":" +
                      zsh_action(argument_rule(command, positional), tag)) +
             "\n";
    }
    out += "        )\n        _arguments -s -S $common $specs && ret=0\n"
           "        ;;\n";
  }
  out += "    esac\n    ;;\nesac\n\nreturn ret\n";
  return out;
}

constexpr std::string_view k_fish_runtime = R"fish(
# The dataset's values of one KIND, from the iom being completed with the
# command line's --data (IOM_DATA is in the environment).
function __iom_dataset
    set -l tokens (commandline -opc)
    set -l data
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --data
                set -l next (math $i + 1)
                set -q tokens[$next]; and set data --data $tokens[$next]
            case '--data=*'
                set data --data (string replace -- --data= '' $tokens[$i])
        end
    end
    set data (string replace -r -- '^~/' "$HOME/" $data)
    set -l command (string replace -r -- '^~/' "$HOME/" $tokens[1])
    $command $data __complete $argv 2>/dev/null
end

# Each VALUE, or after the last comma of the current token for a list (LIST
# is . for one value, "," for a list, "-," for a list whose items may start
# with -). Items already in the list are not offered again.
function __iom_values
    set -l list $argv[1]
    set -e argv[1]
    set -l token (commandline -ct)
    set token (string replace -r -- '^--[^=]*=' '' $token)
    set -l head
    if test "$list" != .
        set head (string match -r -- '^.*,' $token)
        set -l rest (string replace -r -- '^.*,' '' $token)
        if test "$list" = -,; and string match -q -- '-*' $rest
            set head "$head-"
        end
    end
    set -l used (string split , -- (string replace -a -- ',-' , ",$head"))
    for value in $argv
        set -l name (string split -m 1 \t -- $value)[1]
        contains -- $name $used; and continue
        printf '%s%s\n' "$head" $value
    end
end

function __iom_needs_command
    not __iom_parse >/dev/null
end

# True when completing an argument of COMMAND, and with MAX, when it has
# fewer than MAX arguments so far.
function __iom_using
    set -l parsed (__iom_parse); or return 1
    test "$parsed[1]" = "$argv[1]"; or return 1
    test (count $argv) -lt 2; or test $parsed[2] -lt $argv[2]
end
)fish";

std::string fish_values(const Rule &rule) {
  switch (rule.source) {
  case Source::none:
  case Source::files:
    return {};
  case Source::dataset:
    return "(__iom_values " + std::string(rule.list) + " (__iom_dataset " +
           std::string(rule.values) + "))";
  case Source::fields:
    return "(__iom_values " + std::string(rule.list) + " (__iom_fields))";
  case Source::words:
    break;
  }
  std::vector<std::string> values;
  for (const Word &word : words_of(rule))
    values.push_back(word.value);
  if (rule.list == ".")
    return join(values, " ");
  return "(__iom_values " + std::string(rule.list) + " " + join(values, " ") +
         ")";
}

// -a for an option's or an argument's values, or -F for files.
std::string fish_arguments(const Rule &rule) {
  if (rule.source == Source::files)
    return " -F";
  std::string values = fish_values(rule);
  return values.empty() ? "" : " -a " + fish_quote(values);
}

std::string fish_flag(const Flag &flag, const std::string &condition) {
  std::string line = "complete -c iom" + condition;
  for (const auto &name : flag.names)
    line += (name.starts_with("--") ? " -l " : " -s ") +
            name.substr(name.find_first_not_of('-'));
  if (!flag.value.empty()) {
    const Rule &rule = option_rule(flag);
    line += rule.source == Source::files ? " -r" : " -x";
    line += fish_arguments(rule);
  }
  return line + " -d " + fish_quote(flag.description) + "\n";
}

std::string fish_script(const Tree &tree) {
  std::string out = "# fish completion for iom.\n"
                    "# Generated by 'iom completions fish' from iom's "
                    "command-line definition.\n"
                    "# Do not edit; run 'make regen'.\n";

  // Options that take a value, so that __iom_parse skips their values.
  std::vector<std::string> takes_value;
  auto collect = [&](const std::vector<Flag> &flags) {
    for (const Flag &flag : flags)
      if (!flag.value.empty())
        for (const auto &name : flag.names)
          if (std::find(takes_value.begin(), takes_value.end(), name) ==
              takes_value.end())
            takes_value.push_back(name);
  };
  collect(tree.flags);
  for (const Command &command : tree.commands)
    collect(command.flags);
  out += R"fish(
# The command on the line and its number of arguments so far, or nothing
# before a command.
function __iom_parse
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l command
    set -l count 0
    set -l skip 0
    set -l dashdash 0
    for token in $tokens
        if test $skip = 1
            set skip 0
        else if test $dashdash = 0; and test "$token" = --
            set dashdash 1
        else if test $dashdash = 0; and string match -qr -- '^-.' $token
            contains -- $token )fish";
  out += join(takes_value, " ");
  out += R"fish(; and set skip 1
        else if test -z "$command"
            set command $token
        else
            set count (math $count + 1)
        end
    end
    test -n "$command"; and printf '%s\n' $command $count
end
)fish";
  out += k_fish_runtime;
  out += "\n# The fields that --fields, --sort and --to take, with their "
         "descriptions.\nfunction __iom_fields\n    printf '%s\\t%s\\n'";
  for (const Word &word : words_of({"", Source::fields, ",", ""}))
    out += " \\\n        " + fish_quote(word.value) + " " +
           fish_quote(word.description);
  out += "\nend\n";

  out += "\ncomplete -c iom -f\n\n";
  for (const Command &command : tree.commands)
    out += "complete -c iom -n __iom_needs_command -a " + command.name +
           " -d " + fish_quote(command.description) + "\n";
  out += "\n# Global options, before or after the command.\n";
  for (const Flag &flag : tree.flags)
    out += fish_flag(flag, "");
  for (const Command &command : tree.commands) {
    out += "\n";
    std::string condition = " -n " + fish_quote("__iom_using " + command.name);
    for (const Flag &flag : command.flags)
      if (!flag.is_help())
        out += fish_flag(flag, condition);
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const Positional &positional = command.positionals[i];
      std::string max = positional.many ? "" : " " + std::to_string(i + 1);
      std::string arguments =
          fish_arguments(argument_rule(command, positional));
      if (!arguments.empty())
        out.append("complete -c iom -n ")
            .append(fish_quote("__iom_using " + command.name + max))
            .append(arguments)
            .append("\n");
    }
  }
  return out;
}

} // namespace

std::string completion_script(const CLI::App &app, std::string_view shell) {
  const Tree tree = read_tree(app);
  if (shell == "bash")
    return bash_script(tree);
  if (shell == "zsh")
    return zsh_script(tree);
  if (shell == "fish")
    return fish_script(tree);
  std::vector<std::string> names(std::begin(k_shells), std::end(k_shells));
  throw Error("unknown shell '" + std::string(shell) +
              "'; valid values: " + join(names, ", "));
}

} // namespace iom::docs
