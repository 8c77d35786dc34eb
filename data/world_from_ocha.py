#!/usr/bin/env python3
"""Write data/world.toml, the world table, from OCHA's countries and territories CSV.

Usage: world_from_ocha.py [CSV] [-o OUTPUT]

CSV defaults to ../shared/facts/world/ocha-countries-and-territories.csv and
OUTPUT to data/world.toml, both relative to the repository root (the parent
of this script's folder). The output depends only on the CSV's bytes, so
running the script twice gives the same file; tests/data/check_world.py
holds the committed file to that.

Python 3.8+, standard library only. Exit status: 0 written; 1 the CSV is not
the shape this script expects (every problem is printed as FILE:LINE:
message, and nothing is written); 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import re
import sys
import textwrap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = os.path.join(REPO, "..", "shared", "facts", "world",
                           "ocha-countries-and-territories.csv")
DEFAULT_OUTPUT = os.path.join(REPO, "data", "world.toml")

SOURCE_REPO = "OCHA-DAP/hdx-python-country"
SOURCE_URL = "https://github.com/" + SOURCE_REPO
SOURCE_PATH = "src/hdx/location/Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
SOURCE_COMMIT = "b40de354a65723b5bc8b0080112c46a002433f6c"
SOURCE_DATE = "2026-02-11"
# The notice that the MIT licence asks to keep with anything derived from the
# CSV, as LICENSE in that repository words it (its last paragraph is about the
# Regex column, which is not copied here).
MIT_NOTICE = """\
Copyright (c) 2016 Michael Rans

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""

ISO2, ISO3 = "ISO 3166-1 Alpha 2-Codes", "ISO 3166-1 Alpha 3-Codes"
X2, X3 = "x Alpha2 codes", "x Alpha3 codes"
NUMERIC = "m49 numerical code"
IN_UNTERM = "Appears in UNTERM list"
# (field, [columns in order of preference]); the first column with a value
# wins and is recorded as the field's source. A UNTERM column counts only on a
# row that appears in the UNTERM list: on the others OCHA filled `English
# Short` itself ("Macao", "Falkland Islands"), which is not a UNTERM name.
UNTERM_COLUMNS = {"English Short", "French Short", "Spanish Short", "English Formal"}
NAMES = [
    ("name", ["English Short", "M49 English", "Preferred Term"]),
    ("name_fr", ["French Short", "M49 French"]),
    ("name_es", ["Spanish Short", "M49 Spanish"]),
]
REGIONS = [
    ("m49_region", "Region Code", "Region Name"),
    ("m49_subregion", "Sub-region Code", "Sub-region Name"),
    ("m49_intermediate", "Intermediate Region Code", "Intermediate Region Name"),
]
COLUMNS = [ISO2, ISO3, X2, X3, NUMERIC, IN_UNTERM, "Independent", "Deprecated",
           "Preferred Term", "English Short", "French Short", "Spanish Short",
           "English Formal", "M49 English", "M49 French", "M49 Spanish"] + \
          [c for _, code, name in REGIONS for c in (code, name)]


class Problems(Exception):
    pass


def toml_string(s: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character
    escaped, everything else (UTF-8, both apostrophes) kept as it is."""
    short = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t",
             "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for ch in s:
        if ch in short:
            out.append(short[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def comment(text: str) -> str:
    return "\n".join(("# " + line).rstrip() for line in text.split("\n")) + "\n"


def read_rows(path: str, data: bytes) -> list[tuple[int, dict]]:
    """(line, row) for every CSV record; line is where the record starts."""
    text = data.decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise Problems([f"{path}:1: missing columns: {', '.join(missing)}"])
    rows = []
    start = reader.line_num + 1
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise Problems([f"{path}:{start}: wrong number of fields"])
        rows.append((start, row))
        start = reader.line_num + 1
    return rows


def m49_code(value: str) -> str:
    """M49 codes are written with three digits ("004"); the CSV drops the zeros."""
    return value.zfill(3)


def convert(path: str, rows: list[tuple[int, dict]]) -> tuple[list[dict], list[tuple[int, dict]]]:
    """The world rows, sorted by alpha-2, and the rows left out."""
    problems: list[str] = []
    world: list[dict] = []
    left_out: list[tuple[int, dict]] = []

    def bad(line: int, msg: str) -> None:
        problems.append(f"{path}:{line}: {msg}")

    for line, r in rows:
        for k in COLUMNS:
            if r[k] != r[k].strip():
                bad(line, f"{k} {r[k]!r} has surrounding white space")
        for k in ("Independent", "Deprecated"):
            if r[k] not in ("Y", "N"):
                bad(line, f"{k} {r[k]!r} is neither Y nor N")
        if r[IN_UNTERM] not in ("Y", ""):
            bad(line, f"{IN_UNTERM} {r[IN_UNTERM]!r} is neither Y nor empty")
        if r[ISO2] or r[ISO3]:
            status, iso2, iso3 = "iso", r[ISO2], r[ISO3]
            if r[X2] or r[X3]:
                bad(line, "a row with ISO codes also has user-assigned codes")
            if not r[NUMERIC]:
                bad(line, "an ISO row has no m49 numerical code")
        elif r[X2] and r[X3] and r["Deprecated"] == "N":
            status, iso2, iso3 = "user-assigned", r[X2], r[X3]
        else:
            # No alpha-2 code (Azores, Sark...) or withdrawn (Netherlands Antilles).
            left_out.append((line, r))
            continue
        if r["Deprecated"] != "N":
            bad(line, f"{iso2}: a deprecated row with ISO codes")
        if not re.fullmatch(r"[A-Z]{2}", iso2) or not re.fullmatch(r"[A-Z]{3}", iso3):
            bad(line, f"codes {iso2!r}/{iso3!r} are not two and three capital letters")
        w: dict = {"iso2": iso2, "iso3": iso3}
        if status == "iso":
            if not re.fullmatch(r"[0-9]{1,3}", r[NUMERIC]):
                bad(line, f"{iso2}: m49 numerical code {r[NUMERIC]!r} is not 1 to 3 digits")
            w["numeric"] = m49_code(r[NUMERIC])
        elif r[NUMERIC]:
            bad(line, f"{iso2}: a user-assigned row with a numeric code; say in the header what it is")
        w["code_status"] = status
        in_unterm = r[IN_UNTERM] == "Y"
        for field, columns in NAMES:
            col = next((c for c in columns
                        if r[c] and (in_unterm or c not in UNTERM_COLUMNS)), None)
            if col is not None:
                w[field] = r[col]
                w[field + "_source"] = col
            elif field == "name":
                bad(line, f"{iso2}: no English name in {', '.join(columns)}")
            if field == "name" and in_unterm and r["English Formal"]:
                w["formal_name"] = r["English Formal"]  # beside the short name
        for field, code_col, name_col in REGIONS:
            if bool(r[code_col]) != bool(r[name_col]):
                bad(line, f"{iso2}: {code_col} and {name_col} must both be set or both empty")
            elif r[code_col]:
                if not re.fullmatch(r"[0-9]{1,3}", r[code_col]):
                    bad(line, f"{iso2}: {code_col} {r[code_col]!r} is not 1 to 3 digits")
                w[field] = m49_code(r[code_col])
                w[field + "_name"] = r[name_col]
        w["independent"] = r["Independent"] == "Y"
        w["_line"] = line
        world.append(w)

    for key in ("iso2", "iso3", "numeric"):
        seen: dict[str, int] = {}
        for w in world:
            if key in w:
                if w[key] in seen:
                    bad(w["_line"], f"{key} {w[key]} repeats the row at line {seen[w[key]]}")
                seen[w[key]] = w["_line"]
    if problems:
        raise Problems(problems)
    world.sort(key=lambda w: w["iso2"])
    return world, left_out


def render(world: list[dict], left_out: list[tuple[int, dict]], sha256: str) -> str:
    n_iso = sum(1 for w in world if w["code_status"] == "iso")
    user = [w for w in world if w["code_status"] != "iso"]
    user_text = ", ".join(f"{w['name']} ({w['iso2']}/{w['iso3']})" for w in user)

    def codes(r: dict) -> str:
        c = [r[k] for k in (X2, X3) if r[k]] or ([f"M49 {r[NUMERIC]}"] if r[NUMERIC] else [])
        why = "deprecated" if r["Deprecated"] == "Y" else "no alpha-2 code"
        return f"{r['Preferred Term']} ({'/'.join(c) or 'no code'}, {why})"

    skipped = "; ".join(codes(r) for _, r in left_out)
    rows_text = textwrap.fill(
        f"Rows: {len(world)}, one [[world]] table each, sorted by iso2: the {n_iso} "
        f"ISO 3166-1 entries and {user_text}. Left out, the {len(left_out)} other "
        f"rows of the CSV, which have no ISO 3166-1 code: {skipped}.",
        width=76, break_on_hyphens=False, break_long_words=False)
    header = f"""\
iom: the world table, every country and territory of ISO 3166-1 and Kosovo.

GENERATED by data/world_from_ocha.py from the CSV named below; do not edit
by hand: change the script and run it (`python3 data/world_from_ocha.py`).
tests/data/check_world.py fails when this file and the script's output differ.

Source: OCHA's "Countries & Territories Taxonomy", the country list behind
the Humanitarian Data Exchange: repository {SOURCE_REPO}
({SOURCE_URL}), file
"{SOURCE_PATH}",
commit {SOURCE_COMMIT} ({SOURCE_DATE}).
SHA-256 of the CSV read:
{sha256}
Licence: MIT. Its notice, which travels with anything derived from the CSV:

{MIT_NOTICE}

{rows_text}

Fields (a field with nothing to say is omitted, never left empty):
- iso2, iso3: ISO 3166-1 alpha-2 and alpha-3 (`ISO 3166-1 Alpha 2-Codes`,
  `ISO 3166-1 Alpha 3-Codes`); for Kosovo the user-assigned XK and XKX
  (`x Alpha2 codes`, `x Alpha3 codes`), which are not ISO codes.
- numeric: ISO 3166-1 numeric (`m49 numerical code`: ISO's numeric codes are
  the UN M49 codes), with three digits as ISO writes it; the CSV drops the
  leading zeros ("4" for Afghanistan's 004). Kosovo has none: the CSV gives
  it no M49 code, and ISO 3166-1 assigns it no code.
- code_status: "iso" or "user-assigned", as in data/iom.toml.
- name: the English short name, from the column that name_source names:
  UNTERM's `English Short` on the rows that `Appears in UNTERM list`; else
  the UN Statistics Division's `M49 English`; else OCHA's `Preferred Term`.
  On the rows outside the UNTERM list OCHA fills `English Short` with short
  forms of its own ("Macao", "Falkland Islands"): they are not UNTERM's, so
  they are not used.
- formal_name: UNTERM's `English Formal` ("the Republic of Kenya"); UNTERM
  rows only.
- name_fr, name_es: the French and Spanish short names, from the column that
  name_fr_source / name_es_source names: UNTERM's `French Short` / `Spanish
  Short`, else `M49 French` / `M49 Spanish`; omitted where the CSV has
  neither (nothing is translated here).
- m49_region, m49_subregion, m49_intermediate and their *_name: the UN M49
  region, sub-region and intermediate region (`Region Code`, `Region Name`,
  `Sub-region ...`, `Intermediate Region ...`): the code with three digits
  ("002"), the name in English.
- independent: `Independent` (Y/N), as OCHA records it.
Names are copied as the CSV writes them, with both apostrophes: UNTERM
writes "Côte d'Ivoire" in English, M49 and UNTERM's Spanish "Côte d’Ivoire"."""
    out = [comment(header), "\n[meta]\n"]
    meta = [("source", SOURCE_URL), ("source_path", SOURCE_PATH),
            ("source_commit", SOURCE_COMMIT), ("source_date", SOURCE_DATE),
            ("source_sha256", sha256), ("licence", "MIT")]
    out += [f"{k} = {toml_string(v)}\n" for k, v in meta]
    for w in world:
        out.append("\n[[world]]\n")
        for k, v in w.items():
            if k.startswith("_"):
                continue
            value = ("true" if v else "false") if isinstance(v, bool) else toml_string(v)
            out.append(f"{k} = {value}\n")
    return "".join(out)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Write data/world.toml from OCHA's CSV.")
    ap.add_argument("csv", nargs="?", default=DEFAULT_CSV, help="the OCHA CSV")
    ap.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="the TOML file to write")
    args = ap.parse_args(argv[1:])
    try:
        with open(args.csv, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"world_from_ocha: cannot read {args.csv}: {e}", file=sys.stderr)
        return 2
    try:
        world, left_out = convert(args.csv, read_rows(args.csv, data))
    except UnicodeDecodeError as e:
        print(f"world_from_ocha: {args.csv} is not UTF-8: {e}", file=sys.stderr)
        return 1
    except csv.Error as e:
        print(f"world_from_ocha: {args.csv}: {e}", file=sys.stderr)
        return 1
    except Problems as e:
        for msg in e.args[0]:
            print(msg, file=sys.stderr)
        return 1
    text = render(world, left_out, hashlib.sha256(data).hexdigest())
    tmp = args.output + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, args.output)
    except OSError as e:
        print(f"world_from_ocha: cannot write {args.output}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
