#!/bin/sh
# Fuzzes each target for SECONDS (default 60), as `make fuzz` does:
#   sh tests/fuzz/run.sh [SECONDS] [TARGET...]
# Configures build-asan (the "asan" CMake preset, clang-14: the sanitizer
# tree, which holds the fuzz targets) when it is missing.
# Each target starts from a copy of its committed corpus in
# build-asan/fuzz-work/TARGET/corpus, so the committed corpus never grows by
# itself (to keep new inputs, minimise them with -merge=1 and commit them by
# hand). FUZZ_JOBS targets run at once (default: the number of CPUs);
# FUZZ_FLAGS adds libFuzzer flags (e.g. "-fork=1 -ignore_crashes=1" to go on
# past a known crash and collect every distinct one).
# Prints each target's executions and the coverage of the corpus it ended
# with (libFuzzer's cov: and ft: on replaying it); exits 1 if any target
# crashed, with the input kept in build-asan/fuzz-crashes/TARGET/.
set -eu

seconds=${1:-60}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build-asan
targets=${*:-fuzz_dataset fuzz_match fuzz_convert fuzz_writers fuzz_commands fuzz_argv fuzz_table}
jobs=${FUZZ_JOBS:-$(nproc)}

cd "$root"
[ -f "$build/build.ninja" ] || cmake --preset asan >/dev/null
# shellcheck disable=SC2086 # one word per target
cmake --build "$build" -j "$jobs" --target $targets >/dev/null

fuzz() {
  target=$1
  work=$build/fuzz-work/$target
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/crashes"
  cp "$here/corpus/$target/"* "$work/corpus/"
  set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/crashes/"
  if [ -f "$here/$target.dict" ]; then
    set -- "$@" -dict="$here/$target.dict"
  fi
  if [ -f "$here/$target.options" ]; then
    # shellcheck disable=SC2046 # one flag a line
    set -- "$@" $(cat "$here/$target.options")
  fi
  # shellcheck disable=SC2086 # one word per flag
  set -- "$@" ${FUZZ_FLAGS:-}
  if "$build/tests/fuzz/$target" "$@" "$work/corpus" >"$work/log" 2>&1; then
    echo ok >"$work/status"
  else
    echo failed >"$work/status"
  fi
  # Coverage of the corpus the run ended with, the same way in -fork mode.
  "$build/tests/fuzz/$target" -runs=0 "$work/corpus" >"$work/replay" 2>&1 || true
}

# The last value libFuzzer printed for a field ("cov: 123", "exec/s: 9"; in
# -fork mode "exec/s 9").
last() { grep -o "$1[: ] *[0-9][0-9]*" "$2" | tail -1 | sed 's/.*[: ] *//'; }

# Executions: the final stats, or in -fork mode the last "#N" status line.
executions() {
  last stat::number_of_executed_units "$1" | grep . ||
    grep -o '^#[0-9]*' "$1" | tail -1 | tr -d '#'
}

echo "fuzzing $targets for $seconds s each, $jobs at a time"
running=0
for target in $targets; do
  fuzz "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
done
wait

failed=0
printf '%-14s %12s %8s %6s %7s %7s  %s\n' target executions exec/s cov ft corpus result
for target in $targets; do
  work=$build/fuzz-work/$target
  log=$work/log
  status=$(cat "$work/status")
  printf '%-14s %12s %8s %6s %7s %7s  %s\n' "$target" \
    "$(executions "$log")" "$(last exec/s "$log")" \
    "$(last cov "$work/replay")" "$(last ft "$work/replay")" \
    "$(last corp "$work/replay")" "$status"
  if [ "$status" != ok ]; then
    failed=1
    mkdir -p "$build/fuzz-crashes/$target"
    cp "$work/crashes/"* "$build/fuzz-crashes/$target/" 2>/dev/null || true
    grep -E 'ERROR|check failed|runtime error|SUMMARY' "$log" | head -5 | sed 's/^/    /'
    for crash in "$build/fuzz-crashes/$target/"*; do
      if [ -e "$crash" ]; then echo "    input: $crash"; fi
    done
    echo "    log: $log"
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "reproduce: build-asan/tests/fuzz/TARGET INPUT; then add INPUT to tests/fuzz/regressions/TARGET/"
fi
exit "$failed"
