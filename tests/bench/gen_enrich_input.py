#!/usr/bin/env python3
"""Input for the enrichment benchmark (`iom convert --column`, issue 15).

usage: gen_enrich_input.py N SEED [--lookup LOOKUP.csv] > input.csv

Writes a CSV table of N rows and 5 columns (id, country, admin1, date,
value), about 44 bytes a row, to stdout. The country column is drawn
(deterministically from SEED) from the names, short names and aliases of the
countries and territories in data/iom.toml, with the spelling noise of real
exports: varied case, accents dropped, stray spaces, and quoted names with
commas ("Congo, Democratic Republic of the"); the csv module quotes as RFC
4180 asks.

With --lookup, also writes the exact-join baseline's table: one row
(country,iso3,region) for each exact name, short name and alias, which is
what `mlr join -j country -f LOOKUP.csv` can match.
"""

import argparse
import csv
import functools
import random
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADMIN1 = ["North", "South", "East", "West", "Central", "Upper", "Lower", "Coast"]


@functools.lru_cache(maxsize=None)  # a few hundred names, millions of rows
def strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def noisy(text, rng):
    if text != strip_accents(text) and rng.random() < 0.5:
        text = strip_accents(text)
    r = rng.random()
    if r < 0.25:
        text = text.lower()
    elif r < 0.35:
        text = text.upper()
    if rng.random() < 0.03:
        text = " " + text + "  "
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("--lookup")
    args = parser.parse_args()
    with open(ROOT / "data" / "iom.toml", "rb") as f:
        entries = [e for e in tomllib.load(f)["entries"] if e.get("iso3")]
    names = [n for e in entries for n in (e["name"], e["short_name"], *e.get("aliases", []))]
    if args.lookup:
        with open(args.lookup, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["country", "iso3", "region"])
            seen = set()
            for e in entries:
                for n in (e["name"], e["short_name"], *e.get("aliases", [])):
                    if n not in seen:
                        seen.add(n)
                        writer.writerow([n, e["iso3"], e["region"]])
    rng = random.Random(args.seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "country", "admin1", "date", "value"])
    for i in range(args.n):
        out.writerow([i, noisy(rng.choice(names), rng), f"{rng.choice(ADMIN1)} {rng.randrange(100)}",
                      f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", rng.randrange(100000)])


if __name__ == "__main__":
    main()
