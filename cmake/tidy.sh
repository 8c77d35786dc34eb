#!/bin/sh
# clang-tidy over src/ with the project's .clang-tidy, using the compile
# commands of a configured build tree, not a unity build (-DIOM_UNITY=OFF):
# there the files of cli/ and docs/ have no compile command of their own.
# usage: cmake/tidy.sh BUILD_DIR
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-tidy}
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[ -n "$tidy" ] || { echo "clang-tidy is not installed (apt-get install clang-tidy)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "$build/compile_commands.json is missing: configure $build first" >&2; exit 2; }
! grep -q '/Unity/unity_' "$build/compile_commands.json" || { echo "$build is a unity build: configure it with -DIOM_UNITY=OFF" >&2; exit 2; }
# shellcheck disable=SC2046
exec "$tidy" -p "$build" --quiet $(find src -name '*.cpp' | LC_ALL=C sort)
