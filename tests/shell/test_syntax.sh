#!/bin/sh
# The shell code parses in its own shell, and shellcheck finds nothing in the
# bash code: the runtime files under src/docs/shell/ that iom embeds, and the
# committed completions/ that it generates from them.
# usage: test_syntax.sh IOM SOURCE_DIR
set -u
src=$2
status=0
check() { # NAME COMMAND...
  name=$1
  shift
  if "$@"; then
    echo "ok: $name"
  else
    echo "FAIL: $name" >&2
    status=1
  fi
}
for tool in bash zsh fish shellcheck; do
  command -v $tool > /dev/null || { echo "skip: $tool is not installed"; exit 77; }
done
for file in src/docs/shell/iom.bash completions/iom.bash; do
  check "bash -n $file" bash -n "$src/$file"
  check "shellcheck $file" shellcheck -s bash "$src/$file"
done
for file in src/docs/shell/iom.zsh completions/_iom; do
  check "zsh -n $file" zsh -n "$src/$file"
done
for file in src/docs/shell/iom.fish completions/iom.fish; do
  check "fish -n $file" fish --no-config -n "$src/$file"
done
exit $status
