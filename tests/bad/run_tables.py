#!/usr/bin/env python3
"""The catalogue of hostile tables for `iom convert --column` (issue 15,
point 8): each is made here (most are too large to commit), enriched with
`iom convert --to iso3 --column ...`, and must give exactly the exit code
and stderr in tables/NAME (first line the exit code, then stderr), with the
rows before any error written, and a peak RSS bounded by the record limit,
not by the input's size.

usage: run_tables.py IOM [--update]
"""
import os
import pathlib
import subprocess
import sys
import tempfile

iom = sys.argv[1]
update = "--update" in sys.argv[2:]
here = pathlib.Path(__file__).resolve().parent / "tables"
failures = []
MIB = 1024 * 1024


def cases(tmp):
    """name -> (column, input bytes or a path, expected stdout row count)."""
    yield "field-100-mb", "country", b"country,n\nKenya,1\n" + b"x" * (100 * MIB) + b",2\nChad,3\n", 2
    wide = ",".join(f"c{i}" for i in range(1_000_000))
    yield "columns-1000000", "c999999", (wide + "\n" + ",".join(["Kenya"] * 1_000_000) + "\n").encode(), 2
    yield "empty-rows-10000000", "country", b"country\n" + b"\n" * 10_000_000, 10_000_001
    yield "nul-bytes", "country", b"country,n\nKen\x00ya,1\n\x00,2\nKenya,3\n", 4
    yield "quote-never-closes", "country", b"country,n\nKenya,1\n\"Chad,2\nMali,3\n" + b"x" * 1000, 2
    yield "invalid-utf8", "country", b"country,n\nKenya,1\nC\xf4te d'Ivoire,2\n", 2
    yield "only-a-bom", "country", b"\xef\xbb\xbf", 0
    yield "header-only-no-newline", "country", b"country", 1
    yield "ragged-and-empty", "2", b"a,b\n1\n\n1,Kenya,extra\n", 4


# Under AddressSanitizer, RSS holds its shadow memory and its quarantine of
# freed blocks: the bound is checked in the release build only.
with open(iom, "rb") as binary:
    sanitized = b"AddressSanitizer" in binary.read()

for name, column, data, rows in cases(None):
    expected = here / name
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout, \
            tempfile.TemporaryFile() as stderr:
        stdin.write(data)
        stdin.seek(0)
        # GNU time's own child is forked from a small process: its peak RSS
        # is iom's, not this script's (a forked child's high-water mark
        # survives exec).
        with tempfile.NamedTemporaryFile() as rss:
            timed = ["/usr/bin/time", "-o", rss.name, "-f", "%M"] if os.path.exists("/usr/bin/time") else []
            result = subprocess.run([*timed, iom, "convert", "--to", "iso3", "--column", column], stdin=stdin,
                                    stdout=stdout, stderr=stderr, timeout=300)
            peak = int(open(rss.name).read().split()[-1]) * 1024 if timed else 0
        stdout.seek(0)
        out = stdout.read()
        stderr.seek(0)
        result.stderr = stderr.read()
    got = f"{result.returncode}\n" + result.stderr.decode("utf-8", "replace")
    if update:
        expected.write_text(got, encoding="utf-8")
    elif not expected.exists() or expected.read_text(encoding="utf-8") != got:
        failures.append(f"{name}: got\n{got}expected\n"
                        f"{expected.read_text(encoding='utf-8') if expected.exists() else '(no file)'}")
    lines = out.count(b"\n")
    if lines != rows:
        failures.append(f"{name}: {lines} output lines, expected {rows}")
    # What is held is bounded by the largest record (at most 16 MiB), not by
    # the input: the record, its field offsets and, for the header, its
    # names (up to about 8 bytes held per byte of a record of one-letter
    # fields), the output buffer and the binary.
    largest = min(len(max(data.split(b"\n"), key=len)), 16 * MIB)
    if not sanitized and peak > 32 * MIB + 8 * largest:
        failures.append(f"{name}: peak RSS {peak // MIB} MiB for a largest record of {largest // MIB} MiB")
    print(f"{name}: exit {result.returncode}, {lines} lines, peak RSS {peak // MIB} MiB")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
