#!/bin/bash
# Completion in a real bash: sources completions/iom.bash, once after
# bash-completion (when installed) and once alone, and drives _iom as readline
# does, through COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT.
# usage: test_bash.sh IOM SOURCE_DIR
set -u
bin=$(realpath "$1")
src=$(realpath "$2")

if [[ ${3-} != suite ]]; then
  status=0
  if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    echo "# with bash-completion"
    bash "$0" "$bin" "$src" suite /usr/share/bash-completion/bash_completion || status=1
  else
    echo "note: bash-completion is not installed"
  fi
  echo "# alone"
  bash "$0" "$bin" "$src" suite || status=1
  exit $status
fi

[[ -n ${4-} ]] && source "$4"
source "$src/completions/iom.bash"

. "$src/tests/shell/completion_lib.sh"
completion_sandbox "$bin" "$src"
mkdir "$tmp/my data"
cp "$src/tests/fixtures/mini.toml" "$tmp/my data/"
mini_queries='east-and-horn-of-africa ethiopia kenya ET KE ETH KEN'

# Splits LINE into COMP_WORDS as readline does with the default
# COMP_WORDBREAKS (blanks separate words, "=" is a word of its own, quotes
# are kept) and completes the word at POINT (default: the end of LINE).
complete_line() {
  local line=$1 word= quote= c i
  COMP_LINE=$line
  COMP_POINT=${2:-${#line}}
  COMP_WORDS=()
  COMP_CWORD=-1
  for ((i = 0; i < ${#line}; i++)); do
    ((i == COMP_POINT && COMP_CWORD < 0)) && COMP_CWORD=${#COMP_WORDS[@]}
    c=${line:i:1}
    if [[ -n $quote ]]; then
      word+=$c
      [[ $c == "$quote" ]] && quote=
    elif [[ $c == [\'\"] ]]; then
      word+=$c
      quote=$c
    elif [[ $c == ' ' || $c == = ]]; then
      [[ -n $word ]] && COMP_WORDS+=("$word")
      [[ $c == = ]] && COMP_WORDS+=("=")
      word=
    else
      word+=$c
    fi
  done
  COMP_WORDS+=("$word")
  ((COMP_CWORD < 0)) && COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _iom
}

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect NAME LINE CANDIDATES: exactly these candidates, in this order.
expect() {
  complete_line "$2"
  [[ "${COMPREPLY[*]}" == "$3" ]] && echo "ok: $1" ||
    fail "$1: '$2' offered [${COMPREPLY[*]}], expected [$3]"
}

# expect_among NAME LINE WANTED UNWANTED: each WANTED offered, no UNWANTED.
expect_among() {
  complete_line "$2"
  local got=" ${COMPREPLY[*]} " word ok=1
  for word in $3; do
    [[ $got == *" $word "* ]] || { fail "$1: '$2' did not offer $word"; ok=; }
  done
  for word in ${4-}; do
    [[ $got == *" $word "* ]] && { fail "$1: '$2' offered $word"; ok=; }
  done
  [[ -n $ok ]] && echo "ok: $1"
}

commands=$(iom --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | tr '\n' ' ')
fields=$(iom fields -f tsv -H | cut -f1 | tr '\n' ' ')
regions=$(iom regions -f tsv -H | cut -f1 | tr '\n' ' ')

expect "commands after 'iom '" 'iom ' "${commands% }"
expect_among "the hidden command is not offered" 'iom _' '' '__complete'
expect_among "a command's options and the global ones after it" \
  'iom countries --' '--region --type --sort --count --format --fields --data --color --help --version' '--to --keep'
expect "an option name" 'iom countries --reg' '--region'
expect "--region: the region codes" 'iom countries --region ' "${regions% }"
expect "-r after a comma: the other codes" 'iom offices -r ap,' 'ap,ehsa ap,lac ap,eca ap,mena ap,wca'
expect "--format: the formats" 'iom -f ' 'table tsv csv json jsonl md'
expect "--format after the command" 'iom regions --format j' 'json jsonl'
fields_after_name=
for field in $fields; do
  [[ $field != name ]] && fields_after_name+="name,$field "
done
expect "--fields continues after the comma, without repeats" \
  'iom countries --fields name,' "${fields_after_name% }"
expect "--fields=LIST" 'iom countries --fields=name,i' 'name,id name,iso2 name,iso3 name,in_directory name,independent'
expect "--sort keeps a leading -" 'iom countries -s name,-region_' \
  'name,-region_name name,-region_basis name,-region_source'
expect "convert --to takes fields" 'iom convert --to iso' 'iso2 iso3'
expect "--from" 'iom convert --to iso3 --from iso' 'iso2 iso3'
expect "--color" 'iom --color ' 'auto always never'
expect "--basis" 'iom countries --basis ' 'sourced default inferred'
expect "--kind" 'iom offices --kind ' 'country territory office'
expect "show ken: Kenya" 'iom show ken' 'kenya'
expect "show: ISO codes" 'iom show KE' 'KE KEN'
expect "show: a name as a safe word" "iom show cote" 'cote-d-ivoire'
expect "an option between the command and its argument" 'iom show -H keny' 'kenya'
expect "convert: the option's value is not an argument" 'iom convert --to iso3 keny' 'kenya'
expect "completions: the shells" 'iom completions ' 'bash zsh fish'
expect "completions takes one shell" 'iom completions bash ' ''
expect "--data honoured" 'iom --data tests/fixtures/mini.toml show ' "$mini_queries"
expect "--data after the command" 'iom show --data tests/fixtures/mini.toml e' \
  'east-and-horn-of-africa ethiopia'
expect "--data=FILE" 'iom --data=tests/fixtures/mini.toml countries -r ' 'ehsa'
expect "a quoted --data path" "iom --data '$tmp/my data/mini.toml' show e" \
  'east-and-horn-of-africa ethiopia'
IOM_DATA=tests/fixtures/mini.toml expect "IOM_DATA honoured" 'iom show ' "$mini_queries"
expect "validate: files" 'iom validate tests/fixtures/mi' 'tests/fixtures/mini.toml'
expect "convert --column: table files" 'iom convert --to iso3 --column 1 tests/fixtures/mi' 'tests/fixtures/mini.toml'
complete_line 'iom cxyz' 5
[[ "${COMPREPLY[*]}" == 'countries convert completions' ]] &&
  echo "ok: only the part before the cursor is completed" ||
  fail "cursor inside a word: offered [${COMPREPLY[*]}]"

# Every value offered from the script's own lists is one iom accepts.
for format in table tsv csv json jsonl md; do
  iom countries -f "$format" -n 1 > /dev/null || fail "iom rejects -f $format"
done
for word in auto always never; do
  iom countries --color "$word" -n 1 > /dev/null || fail "iom rejects --color $word"
done
for word in sourced default inferred; do
  iom offices --basis "$word" -c > /dev/null || fail "iom rejects --basis $word"
done
for word in country territory office; do
  iom offices --kind "$word" -c > /dev/null || fail "iom rejects --kind $word"
done
for word in any name iso2 iso3 numeric alias; do
  iom convert --to iso3 --from "$word" kenya > /dev/null 2>&1
  [[ $? == 2 ]] && fail "iom rejects --from $word"
done
for word in bash zsh fish; do
  iom completions "$word" > /dev/null || fail "iom rejects completions $word"
done
echo "ok: iom accepts every value the script offers"

# Every list of values that --help shows is offered, and accepted by iom.
check_listed_choices

((failures == 0))
