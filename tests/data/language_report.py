#!/usr/bin/env python3
"""The numbers issue 14 asks for in the build owner's note (a tool, not a
test): names and aliases per language (en, fr, es) by source, and a
did-you-mean sample of 20 French and Spanish typos run through iom.

Sources: UNTERM (world.toml names whose *_source is UNTERM's English, French
or Spanish Short, and UNTERM's English formal names), M49 (the M49 columns),
OCHA (its Preferred Term, where neither has a name), iso-codes
(isocodes_names.toml), hand aliases (world_aliases.toml, by kind, and its
[[ambiguous]] names), directory (iom.toml: names, short names and aliases of
entries and hosts, in English; the office types' French and Spanish names
from IOM's pages).

usage: language_report.py [IOM]   (default: build-ci/iom of this tree)
"""
import collections
import pathlib
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data"))
from auto_fuzziness import words_within_auto  # noqa: E402
from check_aliases import fold  # noqa: E402

LANGS = ("en", "fr", "es")
COLUMN = {"English Short": ("en", "UNTERM"), "French Short": ("fr", "UNTERM"),
          "Spanish Short": ("es", "UNTERM"), "M49 English": ("en", "M49"),
          "M49 French": ("fr", "M49"), "M49 Spanish": ("es", "M49"),
          "Preferred Term": ("en", "OCHA Preferred Term")}

# (typo, the name it misspells, its iso3): one or two edits per word, within
# Lucene's AUTO budget (0 edits up to 2 letters, 1 up to 5, else 2).
TYPOS = [
    ("Allemagen", "Allemagne", "DEU"), ("Suise", "Suisse", "CHE"), ("Marco", "Maroc", "MAR"),
    ("Espagen", "Espagne", "ESP"), ("Belgiqeu", "Belgique", "BEL"), ("Sénégl", "Sénégal", "SEN"),
    ("Cameroum", "Cameroun", "CMR"), ("Éthiopei", "Éthiopie", "ETH"),
    ("Royaume-Unu", "Royaume-Uni", "GBR"), ("Birmanei", "Birmanie", "MMR"),
    ("Alemanai", "Alemania", "DEU"), ("Marruecoss", "Marruecos", "MAR"), ("Epsaña", "España", "ESP"),
    ("Suzia", "Suiza", "CHE"), ("Reino Unidoo", "Reino Unido", "GBR"), ("Turqia", "Turquía", "TUR"),
    ("Colombai", "Colombia", "COL"), ("Venezuala", "Venezuela", "VEN"),
    ("Guatemela", "Guatemala", "GTM"), ("Kennia", "Kenia", "KEN"),
]


def load(name):
    with open(ROOT / "data" / name, "rb") as f:
        return tomllib.load(f)


def within_auto(typo, meant):
    words, meant_words = fold(typo, False).split(), fold(meant, False).split()
    return words_within_auto(words, meant_words) and words != meant_words


def counts():
    world, aliases = load("world.toml")["world"], load("world_aliases.toml")
    isocodes, directory = load("isocodes_names.toml"), load("iom.toml")
    tally = collections.Counter()  # (lang, source) -> names
    keys = {lang: set() for lang in LANGS}  # distinct folded names per language

    def add(lang, source, name):
        tally[lang, source] += 1
        keys[lang].add(fold(name))

    for r in world:
        add(*COLUMN[r["name_source"]], r["name"])
        if r.get("formal_name"):
            add("en", "UNTERM (formal name)", r["formal_name"])
        for k in ("name_fr", "name_es"):
            if r.get(k):
                add(*COLUMN[r[f"{k}_source"]], r[k])
    for a in isocodes["alias"]:
        add(a["lang"], "iso-codes", a["name"])
    for a in aliases["alias"]:
        add(a["lang"], f"hand alias ({a['kind']})", a["name"])
    for a in aliases["ambiguous"]:
        add(a["lang"], "hand [[ambiguous]]", a["name"])
    for e in directory["entries"] + directory.get("hosts", []):
        for name in [e["name"], e.get("short_name")] + e.get("aliases", []):
            if name:
                add("en", "directory (iom.toml)", name)
    for t in directory["types"]:
        add("en", "directory type (iom.toml)", t["name"])
        for lang in ("fr", "es"):
            if t.get(f"name_{lang}"):
                add(lang, "directory type (iom.toml)", t[f"name_{lang}"])
    sources = sorted({s for _, s in tally}, key=lambda s: (s.startswith("hand"), s))
    width = max(map(len, sources))
    print("Names and aliases per language and source (raw entries):")
    print(f"  {'source':<{width}}  {'en':>5} {'fr':>5} {'es':>5}")
    for s in sources:
        print(f"  {s:<{width}}  " + " ".join(f"{tally[lang, s]:>5}" for lang in LANGS))
    print(f"  {'total':<{width}}  " + " ".join(
        f"{sum(n for (lg, _), n in tally.items() if lg == lang):>5}" for lang in LANGS))
    print(f"  {'distinct folded names':<{width}}  " + " ".join(f"{len(keys[lang]):>5}" for lang in LANGS))
    print(f"  (the world table has {len(world)} rows; {sum(len(k) for k in keys.values())} "
          f"language-name pairs, {len(set().union(*keys.values()))} distinct folded keys in all)")


def sample(iom):
    world = {r["iso3"]: r for r in load("world.toml")["world"]}
    print("\nDid-you-mean sample (French, then Spanish):")
    good = 0
    for typo, meant, iso3 in TYPOS:
        budget = "" if within_auto(typo, meant) else "  [NOT within AUTO]"
        show = subprocess.run([iom, "show", typo], capture_output=True, text=True, timeout=30)
        conv = subprocess.run([iom, "convert", "--fuzzy", "--world", "--to", "iso3"], input=typo + "\n",
                              capture_output=True, text=True, timeout=30)
        answer = conv.stdout.strip()
        ok = answer == iso3
        good += ok
        print(f"- {typo!r} (meant {meant!r}, {iso3} {world[iso3]['name']}){budget}")
        print(f"    show (exit {show.returncode}): {show.stderr.strip() or '(no stderr)'}")
        print(f"    convert --fuzzy --world (exit {conv.returncode}): {answer or '(empty)'}"
              f" -> {'intended' if ok else 'NOT the intended country'}")
        if conv.stderr.strip():
            print(f"      stderr: {conv.stderr.strip()}")
    print(f"\n{good} of {len(TYPOS)} typos answered as the intended country by convert --fuzzy --world")


if __name__ == "__main__":
    counts()
    sample(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build-ci" / "iom"))
