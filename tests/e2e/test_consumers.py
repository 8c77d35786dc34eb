#!/usr/bin/env python3
"""Real consumers read iom's scripting output: Python's csv and json modules
and jq. Every field of all 189 entries must round-trip, including names with
commas, quotes and accents.

usage: test_consumers.py IOM SOURCE_DIR
"""
import csv
import io
import json
import shutil
import subprocess
import sys
import tomllib

from consumer_lib import check, failures, iom, run, src


with open(f"{src}/data/iom.toml", "rb") as f:
    data = tomllib.load(f)
regions = [r["code"] for r in data["regions"]]
types = {t["code"]: t for t in data["types"]}
hosts = {h["iso2"]: h["name"] for h in data.get("hosts", [])}
by_iso2 = {e.get("iso2"): e for e in data["entries"] if e["kind"] != "office"}


def flag(iso2):
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in iso2) if iso2 else ""


def expected(entry):
    """What every field of an entry must read as, straight from the TOML."""
    region = next((r for r in data["regions"] if r["code"] == entry.get("region")), None)
    host = entry.get("host") if entry["kind"] == "office" else entry.get("iso2")
    host_name = hosts.get(host) or (by_iso2[host]["short_name"] if host in by_iso2 else "")
    return {
        "id": entry["id"], "name": entry["name"], "short_name": entry["short_name"],
        "kind": entry["kind"], "iso2": entry.get("iso2", ""), "iso3": entry.get("iso3", ""),
        "numeric": entry.get("numeric", ""), "code_status": entry["code_status"],
        "flag": "" if entry["kind"] == "office" else flag(entry.get("iso2", "")),
        "region": entry.get("region", ""), "region_name": region["name"] if region else "",
        "region_basis": entry["region_basis"], "region_source": entry["region_source"],
        "type": entry["type"], "type_name": types[entry["type"]]["name"],
        "type_basis": entry["type_basis"], "type_source": entry["type_source"],
        "city": entry.get("city", ""), "host": host or "", "host_name": host_name or "",
        "languages": entry["languages"], "aliases": entry["aliases"],
        "sources": entry["sources"], "note": entry.get("note", ""),
    }


want = [expected(e) for e in data["entries"]]
lists = {"languages", "aliases", "sources"}

# CSV through Python's csv module.
rows = list(csv.DictReader(io.StringIO(run("offices", "-f", "csv", "-F", "all").decode("utf-8"), newline="")))
check(len(rows) == 189, f"csv: {len(rows)} rows")
for got, exp in zip(rows, want):
    for key, value in exp.items():
        value = "; ".join(value) if key in lists else value
        check(got[key] == value, f"csv {exp['id']}.{key}: {got[key]!r} != {value!r}")

# CSV with a BOM and a semicolon, as Excel users ask for it.
text = run("offices", "-f", "csv", "-F", "name,aliases", "--bom", "-d", ";").decode("utf-8")
check(text.startswith("\ufeff"), "csv --bom: no BOM")
rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";"))
check([r["name"] for r in rows] == [e["name"] for e in want], "csv ; names differ")

# JSON through Python's json module.
objects = json.loads(run("offices", "-f", "json", "-F", "all"))
check(len(objects) == 189, f"json: {len(objects)} objects")


def json_value(key, value):
    if key in lists:
        return value
    return value if value != "" else None


for got, exp in zip(objects, want):
    for key, value in exp.items():
        check(got[key] == json_value(key, value), f"json {exp['id']}.{key}: {got[key]!r} != {value!r}")

# JSON Lines, one object per line.
lines = run("offices", "-f", "jsonl", "-F", "all").decode("utf-8").splitlines()
check(len(lines) == 189, f"jsonl: {len(lines)} lines")
check([json.loads(line) for line in lines] == objects, "jsonl differs from json")

# TSV: unescape and compare.
def unescape(field):
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[field[i + 1]])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


tsv = run("offices", "-f", "tsv", "-F", "all").decode("utf-8").split("\n")
check(tsv[-1] == "" and len(tsv) == 191, f"tsv: {len(tsv)} lines")
header = tsv[0].split("\t")
for line, exp in zip(tsv[1:], want):
    got = dict(zip(header, map(unescape, line.split("\t"))))
    for key, value in exp.items():
        value = "; ".join(value) if key in lists else value
        check(got[key] == value, f"tsv {exp['id']}.{key}: {got[key]!r} != {value!r}")

# show -f json is always an array, even for one entry.
shown = json.loads(run("show", "kenya", "-f", "json"))
check(isinstance(shown, list) and len(shown) == 1 and shown[0]["iso3"] == "KEN", "show -f json")

# convert writes one record per input line through the same writers: a blank
# or unmatched line is an empty record (never a skipped line), and an entry
# reads the same as in offices.
def convert(fmt, *args):
    result = subprocess.run([iom, "convert", "-f", fmt, *args], input=b"Kenya\n\nAtlantis\nkosovo\n",
                            capture_output=True, check=False)
    check(result.returncode == 1, f"convert -f {fmt} {args}: exit {result.returncode}")
    return result.stdout


rows = list(csv.reader(io.StringIO(convert("csv", "--to", "iso3,numeric", "--keep").decode(), newline="")))
check(rows == [["Kenya", "KEN", "404"], ["", "", ""], ["Atlantis", "", ""], ["kosovo", "XKX", ""]],
      f"convert csv --keep: {rows}")
rows = list(csv.reader(io.StringIO(convert("csv", "--to", "iso3").decode(), newline="")))
check(rows == [["KEN"], [""], [""], ["XKX"]], f"convert csv, one field: {rows}")
records = [json.loads(line) if line.strip() else "(empty line)"
           for line in convert("jsonl", "--to", "iso3,numeric", "--keep").splitlines()]
check(records == [{"input": "Kenya", "iso3": "KEN", "numeric": "404"},
                  {"input": None, "iso3": None, "numeric": None},
                  {"input": "Atlantis", "iso3": None, "numeric": None},
                  {"input": "kosovo", "iso3": "XKX", "numeric": None}], f"convert jsonl --keep: {records}")
listed = json.loads(run("offices", "-m", "kosovo", "-f", "jsonl", "-F", "iso3,numeric"))
check(records[3] == {"input": "kosovo", **listed}, f"convert and offices disagree: {records[3]} {listed}")

# jq, when installed.
if shutil.which("jq"):
    export = run("offices", "-f", "json", "-F", "all")
    result = subprocess.run(["jq", "-r", '.[] | select(.iso2=="CI") | .name'], input=export,
                            capture_output=True, check=False)
    check(result.stdout.decode("utf-8") == "Côte d'Ivoire\n", f"jq: {result.stdout!r}")
    result = subprocess.run(["jq", "-r", '[.[] | select(.kind=="office")] | length'], input=export,
                            capture_output=True, check=False)
    check(result.stdout == b"13\n", f"jq offices: {result.stdout!r}")
    result = subprocess.run(["jq", "-sr", 'map(.aliases | length) | add'],
                            input=run("offices", "-f", "jsonl", "-F", "aliases"),
                            capture_output=True, check=False)
    total = sum(len(e["aliases"]) for e in want)
    check(result.stdout.decode() == f"{total}\n", f"jq jsonl aliases: {result.stdout!r}")
    # One jq result per input line, blank and unmatched lines included.
    result = subprocess.run(["jq", "-r", '.iso3 // "none"'], input=convert("jsonl", "--to", "iso3"),
                            capture_output=True, check=False)
    check(result.stdout == b"KEN\nnone\nnone\nXKX\n", f"jq convert: {result.stdout!r}")
else:
    print("jq not installed: jq checks skipped")

for failure in failures[:50]:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
