#!/bin/sh
# Completion in a real zsh: the script parses (zsh -n), and an interactive
# zsh in a pseudo-terminal (zsh_complete.zsh) offers the expected candidates.
# usage: test_zsh.sh IOM SOURCE_DIR
set -u
command -v zsh > /dev/null || { echo "skip: zsh is not installed"; exit 77; }
. "$(dirname "$0")/completion_lib.sh"
completion_sandbox "$1" "$2"
mkdir "$tmp/fpath"
cp "$src/completions/_iom" "$tmp/fpath/"

if zsh -n "$src/completions/_iom"; then
  echo "ok: zsh -n"
else
  echo "FAIL: zsh -n completions/_iom" >&2
  failures=$((failures + 1))
fi

# expect NAME LINE CANDIDATES: an interactive zsh offers exactly these for
# LINE, in any order.
expect() {
  check_set "$1" "$2" "$(timeout 30 zsh "$src/tests/shell/zsh_complete.zsh" \
    "$tmp/fpath" "$2")" "$3"
}

expected_values

expect "commands after 'iom '" 'iom ' "$commands"
expect "an option name" 'iom countries --reg' '--region'
expect "--region: the region codes" 'iom countries --region ' "$regions"
expect "-r after a comma: the other codes" 'iom offices -r ap,' 'ap,ehsa ap,lac ap,eca ap,mena ap,wca'
expect "--format after the command" 'iom regions --format j' 'json jsonl'
expect "--fields continues after the comma, without repeats" \
  'iom countries --fields name,' "$fields_after_name"
expect "--fields=LIST" 'iom countries --fields=name,i' \
  '--fields=name,id --fields=name,iso2 --fields=name,iso3 --fields=name,in_directory --fields=name,independent'
expect "--sort keeps a leading -" 'iom countries -s name,-region_' \
  'name,-region_name name,-region_basis name,-region_source'
expect "--color" 'iom --color ' 'auto always never'
expect "--basis" 'iom countries --basis ' 'sourced default inferred'
expect "show ken: Kenya" 'iom show ken' 'kenya'
expect "an option between the command and its argument" 'iom show -H keny' 'kenya'
expect "convert: the option's value is not an argument" 'iom convert --to iso3 keny' 'kenya'
# zsh's _files offers the last path component after the typed directory.
expect "convert --column: table files" 'iom convert --to iso3 --column 1 tests/fixtures/mi' 'mini.toml'
expect "completions: the shells" 'iom completions ' 'bash zsh fish'
expect "completions takes one shell" 'iom completions bash z' ''
expect "--data honoured" 'iom --data tests/fixtures/mini.toml show ' "$mini_queries"
expect "--data after the command" 'iom show --data tests/fixtures/mini.toml e' \
  'east-and-horn-of-africa ethiopia'
IOM_DATA=tests/fixtures/mini.toml expect "IOM_DATA honoured" 'iom show ' "$mini_queries"
check_listed_choices

[ $failures = 0 ]
