#!/bin/sh
# The man page renders without a warning from groff or mandoc, has the
# sections a reader expects, and documents every command and field.
# usage: test_man.sh IOM SOURCE_DIR
set -u
bin=$1
command -v groff > /dev/null || { echo "skip: groff is not installed"; exit 77; }
unset IOM_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

"$bin" man > "$tmp/iom.1" || fail "iom man failed"
groff -man -ww -z "$tmp/iom.1" 2> "$tmp/groff"
[ -s "$tmp/groff" ] && fail "groff warns:" && cat "$tmp/groff" >&2
if command -v mandoc > /dev/null; then
  # -W style reports everything, down to style suggestions.
  mandoc -T lint -W style "$tmp/iom.1" > "$tmp/mandoc" 2>&1
  [ -s "$tmp/mandoc" ] && fail "mandoc -T lint warns:" && cat "$tmp/mandoc" >&2
else
  echo "note: mandoc is not installed; only groff checked"
fi

# What a reader sees, as plain text.
groff -man -T utf8 -P -cbou "$tmp/iom.1" 2> /dev/null > "$tmp/page"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS FIELDS \
  "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
  grep -q "^$section\$" "$tmp/page" || fail "no section $section"
done
for word in IOM_DATA NO_COLOR TERM COLUMNS; do
  grep -Eq "^ +$word( |\$)" "$tmp/page" || fail "ENVIRONMENT lacks $word"
done
# Every command of --help has its subsection, every field its entry.
commands=$("$bin" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$commands" ] || fail "no commands in iom --help"
for command in $commands; do
  grep -q "^   $command\$" "$tmp/page" || fail "COMMANDS lacks $command"
done
grep -q "__complete" "$tmp/page" && fail "the hidden __complete is documented"
for field in $("$bin" fields -f tsv -H | cut -f1); do
  grep -Eq "^       $field( |\$)" "$tmp/page" || fail "FIELDS lacks $field"
done
# Every list of values that --help shows is in the option's entry, in order:
# "--kind KIND:{country,office}" -> "One of country or office."
: > "$tmp/all_listed"
for command in - $commands; do
  if [ "$command" = - ]; then "$bin" --help; else "$bin" "$command" --help; fi |
    sed -n 's/^  \([^ ]*\) [^ ]*:{\([^}]*\)}.*/\1 \2/p' > "$tmp/listed"
  cat "$tmp/listed" >> "$tmp/all_listed"
  while read -r names values; do
    one_of="One of $(echo "$values" | sed 's/,\([^,]*\)$/ or \1/; s/,/, /g')."
    # The entry: from the option's tag line to the next blank line, joined
    # again where groff hyphenated a word.
    awk -v name="${names##*,}" '
      $0 ~ "^       (-[^ ]+, )*" name "( |$)" { entry = 1 }
      entry && /^$/ { exit }
      entry { printf "%s ", $0 }' "$tmp/page" | sed 's/\xe2\x80\x90 *//g' |
      tr -s ' ' > "$tmp/entry"
    grep -qF -- "$one_of" "$tmp/entry" ||
      fail "the entry of ${names##*,} ($command) lacks '$one_of': $(cat "$tmp/entry")"
  done < "$tmp/listed"
done
[ -s "$tmp/all_listed" ] || fail "no option lists its values in iom --help"
# Minus signs, not hyphens, so that options can be copied from the page.
grep -q -- "--region" "$tmp/page" || fail "--region is not rendered with ASCII minus signs"
[ $status = 0 ] && echo "ok: man page renders cleanly and is complete"
exit $status
