# Shared by the completion tests (test_bash.sh, test_fish.sh, test_zsh.sh);
# sourced, POSIX sh.

# completion_sandbox IOM SOURCE_DIR: a scratch HOME with `iom` (a link to
# IOM) first on PATH, no IOM_DATA, and the source tree as the working
# directory. Sets bin, src, tmp (removed on exit) and failures=0.
completion_sandbox() {
  bin=$(realpath "$1")
  src=$(realpath "$2")
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir "$tmp/bin"
  ln -s "$bin" "$tmp/bin/iom"
  PATH=$tmp/bin:$PATH
  unset IOM_DATA
  export HOME="$tmp"
  cd "$src" || exit 2
  failures=0
}

# What every shell must offer, read from the binary itself: commands,
# regions (the region codes), fields_after_name ("name,FIELD" for every other
# field) and mini_queries (the queries of tests/fixtures/mini.toml).
expected_values() {
  commands=$(iom --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')
  regions=$(iom regions -f tsv -H | cut -f1)
  fields_after_name=$(iom fields -f tsv -H | cut -f1 | grep -vx name | sed 's/^/name,/')
  mini_queries='east-and-horn-of-africa ethiopia kenya ET KE ETH KEN'
}

# check_set NAME LINE GOT WANT: GOT and WANT hold the same words, in any
# order; counts a failure otherwise.
check_set() {
  got=$(for word in $3; do echo "$word"; done | sort | tr '\n' ' ')
  want=$(for word in $4; do echo "$word"; done | sort | tr '\n' ' ')
  if [ "$got" = "$want" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1: '$2' offered [$got], expected [$want]" >&2
    failures=$((failures + 1))
  fi
}
