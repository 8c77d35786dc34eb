#!/usr/bin/env python3
"""Input for the `iom convert` throughput benchmark.

usage: gen_convert_input.py N SEED [--data FILE] [--map MAP.tsv] > input.txt

Writes N lines to stdout, drawn (deterministically from SEED) from the
countries and territories of data/iom.toml:
  - names and short names (~45%) and aliases (~15%), in varied case (as
    written, lower, UPPER, Title, rAnDoM), with accents stripped or added,
    and now and then with stray spaces;
  - ISO alpha-2, alpha-3 and numeric codes (~39%; numeric sometimes without
    its leading zeros);
  - ~1% garbage that matches nothing.

With --map, also writes the awk baseline's map: one "key<TAB>iso3" line for
each exact lowercase name, short name, alias and code, with no further
normalisation (no accent folding, no punctuation or space folding).
"""

import argparse
import random
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ü",
            "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ü"}


def strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def add_accent(text, rng):
    spots = [i for i, c in enumerate(text) if c in ACCENTED]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + ACCENTED[text[i]] + text[i + 1:]


def vary_case(text, rng):
    r = rng.random()
    if r < 0.40:
        return text
    if r < 0.65:
        return text.lower()
    if r < 0.80:
        return text.upper()
    if r < 0.90:
        return text.title()
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)


def load_entries(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return [e for e in data["entries"] if e.get("iso3")]


def map_lines(entries):
    seen = {}
    for e in entries:
        keys = [e["name"], e["short_name"], *e.get("aliases", []),
                e["iso2"], e["iso3"], e.get("numeric", "")]
        for key in filter(None, keys):
            seen.setdefault(key.lower(), e["iso3"])
    return [f"{k}\t{v}\n" for k, v in seen.items()]


def garbage(rng, known):
    alphabet = "bcdfghjklmnpqrstvwxz0123456789"
    while True:
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 12)))
        if rng.random() < 0.3:
            word += " " + "".join(rng.choice(alphabet) for _ in range(4))
        if word not in known:
            return word


def generate(entries, n, seed):
    rng = random.Random(seed)
    known = {line.split("\t")[0] for line in map_lines(entries)}
    names = [(e["name"], e["short_name"]) for e in entries]
    aliases = [a for e in entries for a in e.get("aliases", [])]
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.01:
            out.append(garbage(rng, known))
            continue
        if r < 0.61:
            text = rng.choice(aliases) if r >= 0.46 else rng.choice(
                rng.choice(names))
            if text != strip_accents(text):
                if rng.random() < 0.5:
                    text = strip_accents(text)
            elif rng.random() < 0.05:
                text = add_accent(text, rng)
            text = vary_case(text, rng)
            if rng.random() < 0.02:
                text = "  " + text.replace(" ", "  ") + " "
            out.append(text)
            continue
        e = rng.choice(entries)
        if r < 0.74:
            code = e["iso2"]
        elif r < 0.87:
            code = e["iso3"]
        elif "numeric" not in e:  # Kosovo has no numeric code
            code = e["iso3"]
        else:
            code = e["numeric"]
            if rng.random() < 0.2:
                code = code.lstrip("0") or "0"
        out.append(code.lower() if rng.random() < 0.3 else code)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("--data", default=str(ROOT / "data" / "iom.toml"))
    parser.add_argument("--map", help="also write the awk map (key TAB iso3)")
    args = parser.parse_args()
    entries = load_entries(args.data)
    if args.map:
        with open(args.map, "w", encoding="utf-8") as f:
            f.writelines(map_lines(entries))
    lines = generate(entries, args.n, args.seed)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
