#!/bin/sh
# clang-format over the project's C++ sources, with its .clang-format.
# usage: cmake/format.sh check|fix
#   check  lists each file that is not formatted and exits 1 if any is
#   fix    formats them in place
set -eu
cd "$(dirname "$0")/.."
mode=${1:-check}
format=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$format" ] || { echo "clang-format is not installed (apt-get install clang-format)" >&2; exit 2; }
files=$(find src tests -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
case "$mode" in
  fix)
    # shellcheck disable=SC2086
    "$format" -i $files ;;
  check)
    bad=0
    for file in $files; do
      if ! "$format" --dry-run -Werror "$file" > /dev/null 2>&1; then
        echo "not formatted: $file (run 'make format')" >&2
        bad=1
      fi
    done
    exit $bad ;;
  *) echo "usage: $0 check|fix" >&2; exit 2 ;;
esac
