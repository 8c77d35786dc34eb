#!/bin/sh
# The Debian package: CPack builds iom_<version>_<arch>.deb from this build
# tree; unpacked into a temporary root, it holds a working iom, the man page
# and the completions at Debian's paths, and the documentation.
# usage: test_package.sh IOM SOURCE_DIR BUILD_DIR
set -u
src=$(realpath "$2")
build=$(realpath "$3")
for tool in cpack dpkg-deb dpkg; do
  command -v $tool > /dev/null || { echo "skip: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" > "$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log" >&2
  fail "cpack -G DEB"
  exit 1
fi
version=$(sed -n 's/^#define IOM_VERSION "\(.*\)"$/\1/p' "$build/generated/version.hpp")
deb=$tmp/out/iom_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] && ok "built $(basename "$deb")" || { ls "$tmp/out" >&2; fail "no $deb"; exit 1; }

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = iom ] && [ "$(field Version)" = "$version" ] &&
  [ "$(field Section)" = utils ] && field Maintainer | grep -q '^.* <.*@.*>$' &&
  field Description | grep -q 'International Organization for Migration' &&
  ok "control fields" || { dpkg-deb -I "$deb" >&2; fail "control fields"; }

root=$tmp/root
dpkg-deb -x "$deb" "$root"
for path in usr/bin/iom usr/share/man/man1/iom.1.gz \
  usr/share/bash-completion/completions/iom \
  usr/share/zsh/vendor-completions/_iom \
  usr/share/fish/vendor_completions.d/iom.fish \
  usr/share/doc/iom/README.md usr/share/doc/iom/SOURCES.md \
  usr/share/doc/iom/DATA-CHANGELOG.md \
  usr/share/doc/iom/copyright usr/share/doc/iom/changelog.gz; do
  [ -f "$root/$path" ] || fail "the package lacks /$path"
done
cmp -s "$root/usr/share/bash-completion/completions/iom" "$src/completions/iom.bash" &&
  cmp -s "$root/usr/share/zsh/vendor-completions/_iom" "$src/completions/_iom" &&
  cmp -s "$root/usr/share/fish/vendor_completions.d/iom.fish" "$src/completions/iom.fish" &&
  gzip -dc "$root/usr/share/man/man1/iom.1.gz" | cmp -s - "$src/man/iom.1" &&
  ok "the completions and the man page are the committed ones" ||
  fail "installed completions or man page differ from the committed ones"

# The man page's FILES section names the package's paths, and says where a
# source install (prefix /usr/local) puts them instead.
sed -n '/^\.SH FILES/,/^\.SH /p' "$src/man/iom.1" | sed 's/\\-/-/g' > "$tmp/files"
named=$(sed -n 's/^\.IR* \(\/usr\/[^ ]*\).*/\1/p' "$tmp/files" | grep -v "^/usr/local")
[ -n "$named" ] || fail "the man page's FILES section names no path"
for path in $named; do
  [ -f "$root$path" ] || fail "FILES names $path, which the package lacks"
done
grep -q '^\.I /usr/local$' "$tmp/files" && ok "FILES: $(echo $named | wc -w) paths, both prefixes" ||
  fail "FILES does not name the /usr/local prefix of a source install"

unset IOM_DATA
"$root/usr/bin/iom" --version > "$tmp/version" &&
  grep -q "^iom $version\$" "$tmp/version" && ok "iom --version" ||
  fail "iom --version: $(cat "$tmp/version")"
"$root/usr/bin/iom" show kenya -f tsv -F name,iso3 > "$tmp/show" &&
  [ "$(cat "$tmp/show")" = "$(printf 'name\tiso3\nKenya\tKEN')" ] &&
  ok "iom show kenya" || fail "iom show kenya: $(cat "$tmp/show")"
if command -v man > /dev/null; then
  LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man1/iom.1.gz" 2> "$tmp/man.err" |
    grep -q 'iom \[OPTIONS\] show \[OPTIONS\] QUERY' && [ ! -s "$tmp/man.err" ] &&
    ok "man -l shows the installed page" || fail "man -l: $(cat "$tmp/man.err")"
fi
[ -f "$root/usr/share/lintian/overrides/iom" ] &&
  ok "the package holds its lintian override" ||
  fail "the package lacks /usr/share/lintian/overrides/iom"
# `make install` is not the package: the override is the package's alone.
cmake --install "$build" --prefix "$tmp/local" > "$tmp/install.log" 2>&1 &&
  [ -x "$tmp/local/bin/iom" ] && [ ! -e "$tmp/local/share/lintian" ] &&
  ok "cmake --install leaves out the lintian override" ||
  fail "cmake --install: $(find "$tmp/local" -path '*lintian*'; cat "$tmp/install.log")"
[ $failures = 0 ]
