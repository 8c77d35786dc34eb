#!/usr/bin/env python3
"""`iom convert --column` against Python's csv module (issue 15, point 2).

Random tables are written by Python's csv writer with every dialect iom
accepts (comma, semicolon, pipe, tab; LF or CRLF; a BOM or none; minimal or
full quoting, quoted delimiters, doubled quotes and line breaks inside
quotes; ragged rows; a HXL hashtag row). iom enriches each, and Python reads
input and output back: every row is there, in order, with every original
cell unchanged, the appended cells are the fields of the row's own value,
and the output keeps the input's delimiter, line endings and BOM. Then:
several files, the file-argument hint, a real Windows-1252 file, and the
summary's counts.

usage: test_enrich.py IOM SOURCE_DIR
"""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile

iom, src = sys.argv[1], sys.argv[2]
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def run(args, stdin=b"", env=None):
    result = subprocess.run([iom, *args], input=stdin, capture_output=True, timeout=120, env=env)
    return result.returncode, result.stdout, result.stderr.decode("utf-8", "replace")


# What each value converts to, from iom itself (line mode, one run).
countries = json.loads(subprocess.run([iom, "countries", "-f", "json", "-F", "name,iso3,region"],
                                      capture_output=True, check=True).stdout)
names = [c["name"] for c in countries] + ["Türkiye", "Côte d’Ivoire", "kenya", "  Kenya ",
                                          "Congo, Democratic Republic of the", "DRC", "KEN"]
garbage = ["Global", "Regional", "Upper Valley 12", "", "   ", "N/A", 'say "hi"', "a,b;c|d\te",
           "two\nlines", "cr\r\nlf"]
values = names + garbage
code, out, _ = run(["convert", "--to", "iso3,region", "-f", "jsonl"],
                   "".join(v.replace("\r", " ").replace("\n", " ") + "\n" for v in values).encode())
expected = {}
for value, line in zip(values, out.decode().splitlines()):
    record = json.loads(line)
    expected[value] = [record["iso3"] or "", record["region"] or ""]
check(len(expected) == len(set(values)), f"line mode gave {len(expected)} answers")

rng = random.Random(15)
DELIMITERS = [",", ";", "|", "\t"]


def make_table(delimiter, terminator, quoting, ragged, hxl):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
    header = ["id", "country", "note"]
    rows = [header]
    if hxl:
        rows.append(["#meta+id", "#country+name", "#meta+note"])
    for i in range(rng.randrange(1, 60)):
        value = rng.choice(values)
        if "\r" in value and terminator == "\n":
            value = value.replace("\r", "")  # Python's reader would split a lone CR
        row = [str(i), value, rng.choice(["", "x", "a, b", 'q"uote', "multi\nline", "é"])]
        if ragged and rng.random() < 0.2:
            row = row[:rng.choice([1, 2])] if rng.random() < 0.5 else row + ["extra"]
        rows.append(row)
    writer.writerows(rows)
    return rows, buffer.getvalue()


def read(data, delimiter):
    return list(csv.reader(io.StringIO(data, newline=""), delimiter=delimiter))


cases = 0
for trial in range(200):
    delimiter = rng.choice(DELIMITERS)
    terminator = rng.choice(["\n", "\r\n"])
    quoting = rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])
    ragged, hxl, bom = rng.random() < 0.3, rng.random() < 0.3, rng.random() < 0.3
    rows, text = make_table(delimiter, terminator, quoting, ragged, hxl)
    data = ("\ufeff" if bom else "") + text
    column = rng.choice(["country", "COUNTRY ", "2"] + (["#country+name"] if hxl else []))
    code, out, err = run(["convert", "--to", "iso3,region", "--column", column], data.encode())
    where = f"trial {trial} (delimiter {delimiter!r}, {terminator!r}, quoting {quoting}, bom {bom}, hxl {hxl})"
    cases += 1
    if code not in (0, 1):
        failures.append(f"{where}: exit {code}: {err[:300]}")
        continue
    got_text = out.decode("utf-8")
    check(got_text.startswith("\ufeff") == bom, f"{where}: BOM not kept")
    got_text = got_text.removeprefix("\ufeff")
    got = read(got_text, delimiter)
    check(len(got) == len(rows), f"{where}: {len(rows)} rows in, {len(got)} out")
    # Line endings: every record ends as the input's did.
    other = "\n" if terminator == "\r\n" else "\r\n"
    if terminator == "\n":
        check("\r\n" not in got_text.replace("\r\nlf", ""), f"{where}: CRLF appeared")
    unmatched = 0
    for n, (row, back) in enumerate(zip(rows, got)):
        if back[:len(row)] != row:
            failures.append(f"{where}: row {n} changed: {row!r} -> {back!r}")
            break
        added = back[len(row):]
        if n == 0:
            check(added == ["iso3", "region"], f"{where}: header added {added}")
        elif hxl and n == 1:
            check(added == ["#country+code+v_iso3", "#region+code+v_iom"], f"{where}: hashtags {added}")
        else:
            value = row[1] if len(row) > 1 else None
            want = expected.get(value, ["", ""]) if value is not None else ["", ""]
            if value is not None and value.strip() == "":
                want = ["", ""]
            check(added == want, f"{where}: row {n} {value!r} gave {added}, expected {want}")
            if value is None or (value.strip() and want == ["", ""]):
                unmatched += 1
    check(code == (1 if unmatched else 0), f"{where}: exit {code} with {unmatched} unmatched")
check(cases == 200, "not every trial ran")

# Several files: one header, the rows of each in order; a differing header
# is refused after the first file's rows.
with tempfile.TemporaryDirectory() as tmp:
    a, b, c = (os.path.join(tmp, n) for n in ("a.csv", "b.csv", "c.csv"))
    open(a, "wb").write(b"country,n\r\nKenya,1\r\nChad,2")  # no final line break
    open(b, "wb").write(b"country,n\r\nMali,3\r\n")
    open(c, "wb").write(b"pays,n\r\nMali,3\r\n")
    code, out, err = run(["convert", "--to", "iso3", "--column", "country", a, b])
    check((code, out) == (0, b"country,n,iso3\r\nKenya,1,KEN\r\nChad,2,TCD\r\nMali,3,MLI\r\n"),
          f"two files: {code} {out!r} {err!r}")
    code, out, err = run(["convert", "--to", "iso3", "--column", "country", a, "-"], b"country,n\nNiger,4\n")
    check((code, out) == (0, b"country,n,iso3\r\nKenya,1,KEN\r\nChad,2,TCD\r\nNiger,4,NER\n"),
          f"file then stdin: {code} {out!r} {err!r}")
    code, out, err = run(["convert", "--to", "iso3", "--column", "country", b, c])
    check(code == 2 and out == b"country,n,iso3\r\nMali,3,MLI\r\n"
          and err == f"iom: {c}:1: its header differs from {b}'s; enrich them one at a time\n",
          f"differing headers: {code} {out!r} {err!r}")

    # A file name given to line mode: the hint says how to read it.
    names_txt = os.path.join(tmp, "names.txt")
    open(names_txt, "w").write("Kenya\n")
    code, out, err = run(["convert", "--to", "iso3", names_txt])
    check(code == 1 and f"'{names_txt}' is a file: to convert its lines, use '< {names_txt}'" in err,
          f"file argument: {code} {err!r}")

    # A real Windows-1252 export: refused as UTF-8 with the hint, read with
    # --encoding cp1252; the output is UTF-8.
    export = os.path.join(tmp, "export.csv")
    open(export, "wb").write("country;idps\r\nCôte d'Ivoire;12\r\nTürkiye;3\r\n".encode("cp1252"))
    code, out, err = run(["convert", "--to", "iso3", "--column", "country", export])
    check(code == 2 and out == b"country;idps;iso3\r\n"
          and err.startswith(f"iom: {export}:2:2: not valid UTF-8 (byte 0xF4); the input may be Windows-1252"),
          f"cp1252 as UTF-8: {code} {out!r} {err!r}")
    code, out, err = run(["convert", "--to", "iso3", "--column", "country", "--encoding", "cp1252", export])
    check((code, out.decode("utf-8"), err) == (0, "country;idps;iso3\r\nCôte d'Ivoire;12;CIV\r\nTürkiye;3;TUR\r\n", ""),
          f"cp1252: {code} {out!r} {err!r}")

# The summary: one line per distinct value, however often it repeats.
table = "country\n" + "Narnia\n" * 1507 + "Kenya\n" * 10 + "".join(f"Place {i}\n" for i in range(30))
code, out, err = run(["convert", "--to", "iso3", "--column", "country"], table.encode())
lines = err.splitlines()
check(code == 1 and lines[0] == "iom: 1547 rows: 10 matched, 1537 unmatched, 0 blank", f"summary counts: {lines[:1]}")
check(lines[1] == "iom: line 2 (1507 rows): no entry matches 'Narnia'; did you mean: Namibia (NA)"
      or lines[1].startswith("iom: line 2 (1507 rows): no entry matches 'Narnia'"), f"summary first value: {lines[1:2]}")
check(len(lines) == 22 and lines[-1] == "iom: and 11 more distinct unmatched values (--verbose tells every line)",
      f"summary: {len(lines)} lines, last {lines[-1:]}")
code, out, err = run(["convert", "--to", "iso3", "--column", "country", "--verbose"], table.encode())
check(len(err.splitlines()) == 1537 + 1, f"--verbose: {len(err.splitlines())} lines")

print(f"{cases} random tables")
for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
