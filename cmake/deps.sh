#!/bin/sh
# Installs the Debian packages a target needs, only those that are missing.
# usage: cmake/deps.sh build|test|bench
set -eu
build="cmake ninja-build g++ lld make pkg-config libcli11-dev libfmt-dev libtomlplusplus-dev doctest-dev python3"
test="$build iso-codes jq clang-14 clang-format-14 libclang-rt-14-dev bash-completion zsh fish shellcheck groff-base mandoc bsdutils dpkg-dev file hyperfine valgrind time unicode-data"
bench="$build hyperfine valgrind time python3-pycountry isoquery jq miller"
case "${1:-build}" in
  build) wanted=$build ;;
  test) wanted=$test ;;
  bench) wanted=$bench ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac
missing=""
for package in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $package" ;;
  esac
done
[ -z "$missing" ] && exit 0
echo "installing missing Debian packages:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "not root: run 'sudo apt-get install$missing' first" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
