#!/usr/bin/env python3
"""A valid iom dataset of N entries, for the `--data` scale benchmark.

usage: gen_dataset.py N [SEED] [--data FILE] > big.toml

The output is data/iom.toml verbatim (its meta, regions, types, hosts and 189
entries, with their real text) followed by N - 189 synthetic [[entries]] of
the same schema and of about the same size:
  - first, as many synthetic countries as there are free ISO 3166-1 codes
    (unused, not user-assigned alpha-2 codes, each with a unique alpha-3 and
    numeric code); a few hundred;
  - then offices (kind "office", code_status "none", no codes), each hosted
    by a real country and in that country's region, as IOM's 550+ field
    offices would be.
Ids, names, short names and aliases are unique across the whole file (also
without regard to case), so `iom validate` accepts it. Deterministic for a
given N and SEED.
"""

import argparse
import random
import string
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "sa", "bel", "dor", "an",
                  "ith", "qua", "zen", "mar", "lu", "ko", "pel", "ria", "sto",
                  "var", "ne", "gal", "tor", "ush", "fen", "ly", "dro", "ba",
                  "kesh", "mo", "ti", "yan", "ul", "cor", "hem", "na", "os",
                  "pri", "del", "wen"]
CITIES = ["Port", "San", "Nova", "Old", "New", "Upper", "Lower", "East",
          "West", "North", "South", "Mount", "Lake", "Fort"]
LANGUAGES = ["en", "fr", "es", "ar", "ru", "pt", "zh"]


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items):
    return "[" + ", ".join(toml_string(i) for i in items) + "]"


def user_assigned(code):
    a, b = code[0], code[1]
    return (a == "A" and b == "A") or (a == "Q" and b >= "M") or a == "X" or (
        a == "Z" and b == "Z")


class Names:
    """Unique pronounceable names (case-insensitively unique)."""

    def __init__(self, rng, taken):
        self.rng = rng
        self.taken = set(taken)

    def word(self, syllables):
        while True:
            w = "".join(self.rng.choice(BASE_SYLLABLES)
                        for _ in range(syllables)).capitalize()
            if w.lower() not in self.taken:
                return w

    def claim(self, *texts):
        lowered = [t.lower() for t in texts]
        if any(t in self.taken for t in lowered) or len(set(lowered)) < len(
                lowered):
            return False
        self.taken.update(lowered)
        return True


def entry_text(fields):
    lines = ["", "[[entries]]"]
    for key, value in fields:
        if value is None:
            continue
        lines.append(f"{key} = " + (toml_list(value) if isinstance(value, list)
                                    else toml_string(value)))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int, nargs="?", default=7)
    parser.add_argument("--data", default=str(ROOT / "data" / "iom.toml"))
    args = parser.parse_args()

    base_text = Path(args.data).read_text(encoding="utf-8")
    base = tomllib.loads(base_text)
    entries = base["entries"]
    if args.n < len(entries):
        sys.exit(f"gen_dataset.py: N must be at least {len(entries)}")
    rng = random.Random(args.seed)
    regions = [r["code"] for r in base["regions"]]
    types = [t["code"] for t in base["types"]]
    countries = [e for e in entries if e["kind"] != "office"]

    taken = set()
    codes2, codes3, numerics = set(), set(), set()
    for e in entries + base.get("hosts", []):
        taken.update(x.lower() for x in (e.get("id", ""), e["name"],
                                         e.get("short_name", ""),
                                         *e.get("aliases", [])) if x)
        codes2.add(e.get("iso2"))
        codes3.add(e.get("iso3"))
        numerics.add(e.get("numeric"))
    # The world table's codes are taken too: an entry with a world row's
    # iso3 must have that row's codes, so synthetic countries get codes that
    # no row has (they stay unlinked, as a --data country may).
    with open(ROOT / "data" / "world.toml", "rb") as f:
        for row in tomllib.load(f).get("world", []):
            codes2.add(row.get("iso2"))
            codes3.add(row.get("iso3"))
            numerics.add(row.get("numeric"))
    names = Names(rng, taken)

    free2 = [a + b for a in string.ascii_uppercase
             for b in string.ascii_uppercase
             if a + b not in codes2 and not user_assigned(a + b)]
    free_numeric = [f"{i:03d}" for i in range(1, 1000)
                    if f"{i:03d}" not in numerics]
    out = [base_text.rstrip("\n") + "\n"]
    remaining = args.n - len(entries)
    serial = 0

    # Synthetic countries, while free ISO codes last.
    for iso2, numeric in zip(free2, free_numeric):
        if remaining == 0:
            break
        iso3 = next(iso2 + c for c in string.ascii_uppercase
                    if iso2 + c not in codes3)
        codes3.add(iso3)
        while True:
            name = names.word(3)
            official = "Republic of " + name
            if names.claim(name, official):
                break
        region = rng.choice(regions)
        serial += 1
        out.append(entry_text([
            ("id", name.lower()),
            ("name", name),
            ("short_name", name),
            ("kind", "country"),
            ("iso2", iso2),
            ("iso3", iso3),
            ("numeric", numeric),
            ("code_status", "iso"),
            ("region", region),
            ("region_basis", "inferred"),
            ("region_source", "synthetic benchmark entry (tests/bench/"
             "gen_dataset.py): region drawn at random, " + region),
            ("type", "co"),
            ("type_basis", "default"),
            ("type_source", "assumed: no special function found; 'country "
             "office' is the generic type in the seed filter"),
            ("city", name + " City"),
            ("languages", rng.sample(LANGUAGES, rng.randint(1, 2))),
            ("aliases", [official]),
            ("sources", [f"https://example.org/bench/{name.lower()}"]),
            ("note", "synthetic country for the --data scale benchmark"),
        ]))
        remaining -= 1

    # Synthetic field offices, hosted by real countries.
    while remaining > 0:
        host = rng.choice(countries)
        while True:
            city = rng.choice(CITIES) + " " + names.word(3)
            name = f"Field Office {city}"
            short = f"FO {city}"
            if names.claim(name, short, f"IOM {city}"):
                break
        serial += 1
        slug = name.lower().replace(" ", "-")
        out.append(entry_text([
            ("id", slug),
            ("name", name),
            ("short_name", short),
            ("kind", "office"),
            ("code_status", "none"),
            ("region", host["region"]),
            ("region_basis", "inferred"),
            ("region_source", "synthetic benchmark entry (tests/bench/"
             f"gen_dataset.py): the region of its host, {host['name']}"),
            ("type", rng.choice(types)),
            ("type_basis", "inferred"),
            ("type_source", "synthetic benchmark entry: office type drawn at "
             "random from the nine types of the dataset"),
            ("city", city),
            ("host", host["iso2"]),
            ("languages", list(host.get("languages", ["en"]))),
            ("aliases", [f"IOM {city}"]),
            ("sources", [f"https://example.org/bench/offices/{serial}",
                         f"https://example.org/bench/hosts/{host['id']}"]),
            ("note", f"synthetic office number {serial}" if serial % 3 == 0
             else None),
        ]))
        remaining -= 1

    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
