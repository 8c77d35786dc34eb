#!/bin/sh
# Writes cmake/startup_order.txt: the functions that the common commands run,
# one symbol per line, in the order of callgrind's output (not the order
# they run in: what matters is that they sit together). The release build
# links with lld and --symbol-ordering-file=cmake/startup_order.txt, so that
# start-up code sits in a few pages instead of being spread over the whole
# 3 MB of text: each page fault maps 16 pages of text around the fault, and
# the kernel's cost of mapping and unmapping them was most of the time by
# which `iom show kenya` trailed /bin/true (BENCHMARKS.md).
#
#   sh cmake/startup_order.sh [IOM]          rewrite the file
#   sh cmake/startup_order.sh --check [IOM]  exit 1 if a function that the
#                                            commands run is missing
#
# IOM: a release binary, or the build directory that holds it (default
# build-bench); needs valgrind.
# Regenerate after a change that adds functions to the start-up path; a
# missing name only costs speed (lld ignores names it does not find).
set -eu
check=0
if [ "${1:-}" = --check ]; then
  check=1
  shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
iom=${1:-$root/build-bench}
[ -d "$iom" ] && iom=$iom/iom
order=$root/cmake/startup_order.txt
[ -x "$iom" ] || { echo "startup_order: $iom is missing: build it first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "startup_order: valgrind is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The commands whose start-up the order serves: a lookup, the lists in each
# format, a search, a short convert, and an error.
i=0
run() {
  i=$((i + 1))
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$i.out" \
    "$iom" "$@" <"$work/input" >/dev/null 2>&1 || true
}
printf 'Kenya\nkenia\nUpper Valley 1234\n' >"$work/input"
run show kenya
run --lang fr countries -f csv -F all
run countries
run countries -f json
run offices -f tsv
run regions
run types
run stats
run search kenia
run convert --to iso3
run show nowhere

# callgrind names a function the first time it appears (fn= or cfn=) and
# numbers it after that; unnamed code (0x...) has no symbol to order.
for n in $(seq 1 "$i"); do
  sed -n 's/^c\{0,1\}fn=([0-9]*) \(.*\)$/\1/p' "$work/$n.out"
done | grep -v '^0x' | awk '!seen[$0]++' >"$work/order.txt"

if [ "$check" = 1 ]; then
  missing=$(grep -Fvxcf "$order" "$work/order.txt" || true)
  echo "startup_order: $missing of $(wc -l <"$work/order.txt") start-up functions missing from cmake/startup_order.txt"
  [ "$missing" -eq 0 ]
  exit
fi
cp "$work/order.txt" "$order"
echo "startup_order: wrote $(wc -l <"$order") symbols to cmake/startup_order.txt"
