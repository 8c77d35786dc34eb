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

# listed_choices: "COMMAND OPTION VALUE..." for every option or argument
# whose --help lists its allowed values ("--kind KIND:{country,office}");
# COMMAND is - for a global option, OPTION is the upper-case name for an
# argument. Needs expected_values (for $commands).
listed_choices() {
  for command in - $commands; do
    if [ "$command" = - ]; then iom --help; else iom "$command" --help; fi |
      sed -n 's/^  \([^ ]*\) [^ ]*:{\([^}]*\)}.*/\1 \2/p' |
      while read -r names values; do
        echo "$command ${names##*,} $(echo "$values" | tr , ' ')"
      done
  done
}

# check_listed_choices: for every list of values that --help shows, the
# shell's `expect` (NAME LINE CANDIDATES) offers exactly those values, and
# iom accepts each of them and refuses a value not in the list (exit 2). So
# the completions, --help and the parser agree for every option with a list.
check_listed_choices() {
  listed=$(listed_choices)
  if [ -z "$listed" ]; then
    echo "FAIL: no option lists its values in --help" >&2
    failures=$((failures + 1))
    return
  fi
  saved_ifs=$IFS
  IFS='
'
  for row in $listed; do
    IFS=$saved_ifs
    # shellcheck disable=SC2086 # a row is words
    set -- $row
    words="iom"
    [ "$1" = - ] || words="$words $1"
    case $2 in -*) words="$words $2" ;; esac
    shift 2
    expect "$words: the values that --help lists" "$words " "$*"
    for value in "$@" "no-such-$1"; do
      # shellcheck disable=SC2086 # words are words
      iom ${words#iom} "$value" --help > /dev/null 2> "$tmp/err"
      status=$?
      case $value in
        no-such-*) want=2 ;;
        *) want=0 ;;
      esac
      if [ $status != $want ] || { [ $want = 2 ] && ! grep -q "^iom: unknown " "$tmp/err"; }; then
        echo "FAIL: '$words $value --help' exits $status, expected $want: $(cat "$tmp/err")" >&2
        failures=$((failures + 1))
      fi
    done
  done
  IFS=$saved_ifs
  echo "ok: iom accepts exactly the listed values"
}
