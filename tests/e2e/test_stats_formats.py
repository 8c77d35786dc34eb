#!/usr/bin/env python3
"""`iom stats` shows the same facts in every format: the cross-table, the
totals, the page's headline claims beside the dataset's counts, the data
version and the type legend. Real consumers read them: Python's json and csv
modules and jq; `iom stats | cat` shows everything the terminal shows.

usage: test_stats_formats.py IOM SOURCE_DIR
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
meta = data["meta"]
regions = [r["code"] for r in data["regions"]]
types = [t["code"] for t in data["types"]]
entries = data["entries"]
counts = {(r, t): 0 for r in regions + [None] for t in types}
for e in entries:
    counts[(e.get("region"), e["type"])] += 1
no_region = sum(counts[(None, t)] for t in types)

# The facts every format must carry, as text.
facts = [meta["data_version"], meta["captured"], meta["source"], meta["claim_countries"],
         meta["claim_field_offices"], f"{len(entries)} directory entries"]
facts += [t["name"] for t in data["types"]]

# JSON: one object, through Python's json module.
doc = json.loads(run("stats", "-f", "json"))
check(list(doc) == ["regions", "no_region", "totals", "claims", "data", "types"], f"json keys {list(doc)}")
check([row["region"] for row in doc["regions"]] == regions, f"json regions {doc['regions']}")
for row in doc["regions"]:
    for t in types:
        check(row[t] == counts[(row["region"], t)], f"json {row['region']} {t}: {row[t]}")
    check(row["total"] == sum(counts[(row["region"], t)] for t in types), f"json {row['region']} total")
check(doc["no_region"]["region"] is None and doc["no_region"]["total"] == no_region, f"json no_region {doc['no_region']}")
check(doc["totals"]["region"] is None and doc["totals"]["total"] == len(entries), f"json totals {doc['totals']}")
check(sum(row["total"] for row in doc["regions"]) + doc["no_region"]["total"] == doc["totals"]["total"],
      "json: the region totals do not add up")
for t in types:
    check(doc["totals"][t] == sum(1 for e in entries if e["type"] == t), f"json totals {t}")
check([c["page"] for c in doc["claims"]] == [meta["claim_countries"], meta["claim_field_offices"], meta["claim_regions"]],
      f"json claims {doc['claims']}")
check(doc["data"] == {"data_version": meta["data_version"], "captured": meta["captured"],
                      "captured_basis": meta["captured_basis"], "source": meta["source"],
                      "origin": "built-in"}, f"json data {doc['data']}")
check(doc["types"] == [{"code": t["code"], "name": t["name"]} for t in data["types"]], "json types")

# JSON Lines: the same object, on one line.
lines = run("stats", "-f", "jsonl").decode().splitlines()
check(len(lines) == 1 and json.loads(lines[0]) == doc, "jsonl differs from json")

if shutil.which("jq"):
    result = subprocess.run(["jq", "-r", ".totals.total, .data.data_version, (.regions | map(.total) | add)"],
                            input=run("stats", "-f", "json"), capture_output=True, check=False)
    want = f"{len(entries)}\n{meta['data_version']}\n{len(entries) - no_region}\n"
    check(result.stdout.decode() == want, f"jq: {result.stdout!r}")
else:
    print("jq not installed: jq checks skipped")


def blocks(rows):
    """Tables separated by an empty row."""
    out = [[]]
    for row in rows:
        if row:
            out[-1].append(row)
        else:
            out.append([])
    return out


def check_tables(name, tables):
    check(len(tables) == 5, f"{name}: {len(tables)} tables")
    if len(tables) != 5:
        return
    cross, totals, claims, meta_table, legend = tables
    check(cross[0] == ["region"] + types + ["total"], f"{name} cross header {cross[0]}")
    labels = [row[0] for row in cross[1:]]
    check(labels == regions + ([""] if no_region else []), f"{name} region column {labels}")
    check(totals[0] == cross[0] and totals[1][0] == "" and totals[1][-1] == str(len(entries)),
          f"{name} totals {totals}")
    check(claims[0] == ["claim", "page", "dataset"] and len(claims) == 4, f"{name} claims {claims}")
    check(meta_table == [["data_version", "captured", "captured_basis", "source", "origin"],
                         [meta["data_version"], meta["captured"], meta["captured_basis"],
                          meta["source"], "built-in"]],
          f"{name} data {meta_table}")
    check(legend == [["code", "name"]] + [[t["code"], t["name"]] for t in data["types"]], f"{name} legend")


# csv through Python's csv module, tsv split on tabs.
check_tables("csv", blocks(csv.reader(io.StringIO(run("stats", "-f", "csv").decode(), newline=""))))
tsv = run("stats", "-f", "tsv").decode()
check_tables("tsv", blocks([line.split("\t") if line else [] for line in tsv.split("\n")[:-1]]))

# A pipe gets tsv, and every fact the terminal table shows.
piped = subprocess.run(f'"{iom}" stats | cat', shell=True, capture_output=True).stdout.decode()
check(piped == tsv, "iom stats | cat is not the tsv")
table = run("stats", "-f", "table").decode()
md = run("stats", "-f", "md").decode()
for fact in facts:
    for name, text in (("table", table), ("pipe", piped), ("md", md)):
        check(fact in text, f"{name} lacks {fact!r}")

for failure in failures[:50]:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
