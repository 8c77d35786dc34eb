#!/bin/sh
# Regenerates the committed completion scripts and man page from the binary.
# usage: tests/shell/regen.sh BIN   (run from anywhere; `make regen` runs it)
set -eu
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
# The generated files must not depend on the caller's data.
unset IOM_DATA
mkdir -p "$root/completions" "$root/man"
"$bin" completions bash > "$root/completions/iom.bash"
"$bin" completions zsh > "$root/completions/_iom"
"$bin" completions fish > "$root/completions/iom.fish"
"$bin" man > "$root/man/iom.1"
