#!/bin/sh
# Completion in a real fish: sources completions/iom.fish and asks fish what
# it offers with `complete -C LINE`.
# usage: test_fish.sh IOM SOURCE_DIR
set -u
command -v fish > /dev/null || { echo "skip: fish is not installed"; exit 77; }
. "$(dirname "$0")/completion_lib.sh"
completion_sandbox "$1" "$2"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"

if fish -n "$src/completions/iom.fish"; then
  echo "ok: fish -n"
else
  echo "FAIL: fish -n completions/iom.fish" >&2
  failures=$((failures + 1))
fi

# expect NAME LINE CANDIDATES: fish offers exactly these for LINE (without
# their descriptions), in any order.
expect() {
  check_set "$1" "$2" "$(fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
    "$src/completions/iom.fish" "$2" | cut -f1)" "$3"
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
expect "--sort=LIST keeps a leading -" 'iom countries --sort=name,-region_' \
  '--sort=name,-region_name --sort=name,-region_basis --sort=name,-region_source'
expect "--color" 'iom --color ' 'auto always never'
expect "--basis" 'iom countries --basis ' 'sourced default inferred'
expect "show ken: Kenya (and its codes, fish matching case-insensitively)" \
  'iom show ken' 'kenya KEN'
expect "an option between the command and its argument" 'iom show -H keny' 'kenya'
expect "convert: the option's value is not an argument" 'iom convert --to iso3 keny' 'kenya'
expect "convert --column: table files" 'iom convert --to iso3 --column 1 tests/fixtures/mi' 'tests/fixtures/mini.toml'
expect "completions: the shells" 'iom completions ' 'bash zsh fish'
expect "completions takes one shell" 'iom completions bash ' ''
expect "--data honoured" 'iom --data tests/fixtures/mini.toml show ' "$mini_queries"
expect "--data after the command" 'iom show --data tests/fixtures/mini.toml e' \
  'east-and-horn-of-africa ethiopia ET ETH'
IOM_DATA=tests/fixtures/mini.toml expect "IOM_DATA honoured" 'iom show ' "$mini_queries"
check_listed_choices

[ $failures = 0 ]
