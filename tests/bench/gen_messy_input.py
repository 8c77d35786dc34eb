#!/usr/bin/env python3
"""Messy input for the `iom convert` benchmarks of issue 17.

usage: gen_messy_input.py N SEED [--garbage FRACTION] [--map MAP.tsv] > input.txt

Writes N lines to stdout, drawn deterministically from SEED:
  - (1 - FRACTION) of them country names from the directory and the world
    table in all three languages (data/iom.toml names, short names and
    aliases; data/world.toml's name, formal_name, name_fr and name_es;
    the aliases of data/world_aliases.toml and data/isocodes_names.toml),
    in random case, now and then with extra spaces or an accent dropped;
  - FRACTION of them (default 0.3) distinct strings shaped like
    sub-national place names ("Upper Valley 1234", "Lac Rouge-Nord 5017"):
    a numbered word or two that no country has, each line different, so
    that every one of them is a distinct miss that iom must search for.
With --garbage 1, every line is a distinct miss (the "all garbage" file).

With --map, also writes the awk baseline's map: one "key<TAB>iso3" line for
each of those names, lowercased as written (no accent or space folding).
"""

import argparse
import random
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Words of sub-national place names; none is a country's name by itself,
# and the number after them makes each line distinct.
PREFIXES = ["Upper", "Lower", "North", "South", "East", "West", "Central",
            "Haut", "Bas", "Alto", "Bajo", "Nueva", "San", "Santa", "Lac",
            "Mont", "Rio", "Wadi", "Jebel", "Port", "Fort", "Grand"]
NOUNS = ["Valley", "Plateau", "Coast", "Hills", "Delta", "Highlands",
         "Lakes", "Province", "District", "Prefecture", "Municipio",
         "Region", "Zone", "Camp", "Settlement", "Riverside", "Marsh",
         "Forest", "Basin", "Oasis", "Rouge", "Verde", "Blanca", "Negro",
         "Global", "Regional", "Crossing", "Junction", "Bay", "Ridge"]
SUFFIXES = ["", "", "", "-Nord", "-Sud", " Est", " Ouest", " Norte",
            " Sur", " Centre"]


def strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def country_names():
    """(name, iso3) for every name of every country, in data order."""
    names = []
    for e in load(ROOT / "data" / "iom.toml")["entries"]:
        if e.get("iso3"):
            for name in [e["name"], e["short_name"], *e.get("aliases", [])]:
                names.append((name, e["iso3"]))
    for row in load(ROOT / "data" / "world.toml")["world"]:
        for field in ("name", "formal_name", "name_fr", "name_es"):
            if row.get(field):
                names.append((row[field], row["iso3"]))
    for file in ("world_aliases.toml", "isocodes_names.toml"):
        for alias in load(ROOT / "data" / file).get("alias", []):
            names.append((alias["name"], alias["iso3"]))
    return names


def vary(text, rng):
    r = rng.random()
    if r < 0.30:
        pass
    elif r < 0.55:
        text = text.lower()
    elif r < 0.70:
        text = text.upper()
    elif r < 0.80:
        text = text.title()
    else:
        text = "".join(c.upper() if rng.random() < 0.5 else c.lower()
                       for c in text)
    if rng.random() < 0.10:
        text = "  " + text.replace(" ", "   ") + " "
    if text != strip_accents(text) and rng.random() < 0.3:
        text = strip_accents(text)
    return text


def place_name(rng, serial):
    words = [rng.choice(PREFIXES), rng.choice(NOUNS)]
    if rng.random() < 0.3:
        words.pop(0)
    text = " ".join(words) + rng.choice(SUFFIXES)
    return f"{text} {serial}"


def generate(n, seed, garbage):
    rng = random.Random(seed)
    names = country_names()
    # Serials are distinct and shuffled (a permutation stride), so no two
    # garbage lines are equal and none is a code.
    serial = rng.randrange(1000, 9000)
    out = []
    for _ in range(n):
        if rng.random() < garbage:
            serial += 7
            out.append(place_name(rng, serial))
        else:
            out.append(vary(rng.choice(names)[0], rng))
    return out


def map_lines():
    seen = {}
    for name, iso3 in country_names():
        seen.setdefault(name.lower(), iso3)
    return [f"{k}\t{v}\n" for k, v in seen.items()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("--garbage", type=float, default=0.3)
    parser.add_argument("--map", help="also write the awk map (key TAB iso3)")
    args = parser.parse_args()
    if args.map:
        with open(args.map, "w", encoding="utf-8") as f:
            f.writelines(map_lines())
    lines = generate(args.n, args.seed, args.garbage)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
