#!/bin/sh
# The committed completions and man page are what the binary generates now.
# usage: test_stale.sh IOM SOURCE_DIR
set -u
bin=$1
src=$2
unset IOM_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
check() { # FILE COMMAND...
  file=$1
  shift
  if ! "$bin" "$@" > "$tmp/new"; then
    echo "FAIL: iom $* failed" >&2
    status=1
  elif ! diff -u "$src/$file" "$tmp/new" > "$tmp/diff"; then
    echo "FAIL: $file is stale; run 'make regen' and commit it:" >&2
    cat "$tmp/diff" >&2
    status=1
  else
    echo "ok: $file"
  fi
}
check completions/iom.bash completions bash
check completions/_iom completions zsh
check completions/iom.fish completions fish
check man/iom.1 man
exit $status
