#!/bin/sh
# Source lists are explicit (CMakeLists.txt, tests/CMakeLists.txt); this
# catches a .cpp file that none of them names, which would silently not build.
# usage: test_sources_listed.sh SOURCE_DIR
set -u
cd "$1" || exit 2
status=0
for file in $(find src -name '*.cpp' ! -path 'src/gen/*' ! -name main.cpp) \
  $(find tests/unit -name '*.cpp'); do
  name=${file#tests/}
  if ! grep -q "$name" CMakeLists.txt tests/CMakeLists.txt; then
    echo "not in any source list: $file" >&2
    status=1
  fi
done
exit $status
