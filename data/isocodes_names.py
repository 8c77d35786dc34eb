#!/usr/bin/env python3
"""Write data/isocodes_names.toml: Debian iso-codes' names of ISO 3166-1 as aliases.

Usage: isocodes_names.py [-o OUTPUT]

Reads, from the installed iso-codes package:
  - /usr/share/iso-codes/json/iso_3166-1.json: the English name,
    official_name and common_name of each alpha-3 code;
  - /usr/share/locale/{fr,es}/LC_MESSAGES/iso_3166-1.mo: their French and
    Spanish translations (read with gettext, the language named explicitly,
    so that the caller's locale plays no part);
and data/world.toml and data/iom.toml from this repository, to leave out
what the matcher already knows.

Writes one [[alias]] per alpha-3, language and distinct name, keeping only
names that add something: a French or Spanish translation is left out when,
after case, accent and punctuation folding, it equals one of the country's
English iso-codes names (an untranslated string), one of its world.toml names
(UNTERM/M49: name, formal_name, name_fr, name_es) or one of its iom.toml
names or aliases. The English names are written on the same terms (lang
"en"), which in practice keeps only the rows outside IOM's directory, since
iom.toml already carries the iso-codes English variants of its entries.
Known translation errors are left out by the EXCEPTIONS table below, each
with its reason.

The output depends only on those files and on the iso-codes version, which
the header records (dpkg-query); tests/data/check_aliases.py regenerates it
and compares when that version is installed.

Python 3.11+ (tomllib), standard library only. Exit status: 0 written; 2 a
file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
LOCALE_DIR = "/usr/share/locale"
LANGS = ("fr", "es")
FIELDS = ("name", "official_name", "common_name")
DEFAULT_OUTPUT = os.path.join(REPO, "data", "isocodes_names.toml")

# Translations left out on purpose: (lang, alpha-3, translated text) -> reason.
# iso-codes 4.15.0 has these errors; a later version that fixes one simply no
# longer produces it, and the entry here stays harmless.
EXCEPTIONS = {
    ("es", "CIV", "Costa de Marfíl"):
        "stray accent: the Spanish name is 'Costa de Marfil' (RAE, CLDR)",
    ("es", "CIV", "República de Costa de Marfíl"):
        "stray accent, as in 'Costa de Marfíl'",
    ("es", "DZA", "Algeria"):
        "left untranslated: Spanish is 'Argelia' (UNTERM, in world.toml)",
    ("es", "SUR", "Surinám"):
        "stray accent: Spanish writes 'Surinam' or 'Suriname'",
    ("es", "SXM", "Isla de San Martín (zona holandsea)"):
        "typo 'holandsea' (for 'holandesa')",
    ("es", "BFA", "Burquina Faso"):
        "not a spelling UNTERM, CLDR or the RAE use ('Burkina Faso'); unverified",
    ("es", "COM", "Comores, Islas"):
        "French spelling: Spanish is 'Comoras' (UNTERM, in world.toml)",
    ("es", "COM", "Unión de las Comores"):
        "French spelling 'Comores' (Spanish: 'Comoras')",
    ("es", "VIR", "Islas Vírgenes, de EEUU"):
        "malformed inversion ('X, de EEUU'): no natural order to restore",
    ("fr", "BTN", "Royaume du Bouthan"):
        "typo 'Bouthan': French is 'Bhoutan' (UNTERM, in world.toml)",
    ("fr", "BGD", "République populaire du Bengladesh"):
        "non-standard spelling 'Bengladesh' (UNTERM: 'Bangladesh')",
}


def fold(s: str) -> str:
    """Case, accent and punctuation folding: the words, lowercased, in ASCII."""
    s = unicodedata.normalize("NFKD", s.replace("&", " and "))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def toml_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def isocodes_version() -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def known_names(world: list[dict], iom: dict) -> dict[str, set[str]]:
    """Folded names the matcher already has, per alpha-3."""
    known: dict[str, set[str]] = {}
    for r in world:
        known.setdefault(r["iso3"], set()).update(
            fold(r[k]) for k in ("name", "formal_name", "name_fr", "name_es") if r.get(k))
    for e in iom.get("entries", []) + iom.get("hosts", []):
        if e.get("iso3"):
            names = [e.get("name", ""), e.get("short_name", "")] + e.get("aliases", [])
            known.setdefault(e["iso3"], set()).update(fold(n) for n in names if n)
    return known


def build(iso: list[dict], catalogs: dict, known: dict[str, set[str]]):
    """The kept rows, and the (lang, iso3, text, reason) of the excepted ones."""
    rows, excepted = [], []
    for r in sorted(iso, key=lambda r: r["alpha_3"]):
        iso3 = r["alpha_3"]
        if iso3 not in known:
            continue  # not a row of world.toml: nothing to attach it to
        english = {fold(r[f]) for f in FIELDS if f in r}
        for lang in ("en",) + LANGS:
            seen = set(known[iso3])
            if lang != "en":
                seen |= english
            for field in FIELDS:
                if field not in r:
                    continue
                text = r[field] if lang == "en" else catalogs[lang].gettext(r[field])
                reason = EXCEPTIONS.get((lang, iso3, text))
                if reason:
                    if (lang, iso3, text, reason) not in excepted:
                        excepted.append((lang, iso3, text, reason))
                    continue
                key = fold(text)
                if key in seen:
                    continue
                seen.add(key)
                rows.append({"iso3": iso3, "name": text, "lang": lang,
                             "field": field, "msgid": r[field]})
    return rows, excepted


def untranslated(iso: list[dict], catalogs: dict) -> list[str]:
    out = []
    for lang in LANGS:
        cat = catalogs[lang]._catalog  # the msgids the .mo file holds
        for r in iso:
            for field in FIELDS:
                if field in r and r[field] not in cat:
                    out.append(f"{lang} {r['alpha_3']} {field} '{r[field]}'")
    return out


def render(rows, excepted, missing, version: str, hashes: dict) -> str:
    counts = {lang: sum(1 for r in rows if r["lang"] == lang) for lang in ("en",) + LANGS}
    out = [
        "# iom: Debian iso-codes' names of ISO 3166-1 countries, as aliases.",
        "#",
        "# GENERATED by data/isocodes_names.py; do not edit by hand: run",
        "# `python3 data/isocodes_names.py`. tests/data/check_aliases.py regenerates",
        "# it and fails when it differs, whenever the iso-codes version below is",
        "# installed.",
        "#",
        f"# Read: iso-codes {version} (dpkg-query -W iso-codes), files",
        f"#   {ISO_JSON} (English name, official_name, common_name)",
        f"#   {LOCALE_DIR}/{{fr,es}}/LC_MESSAGES/iso_3166-1.mo (their translations)",
        "# and data/world.toml and data/iom.toml of this repository.",
        "# iso-codes is LGPL-2.1+; its names are facts about ISO 3166-1.",
        "#",
        "# One [[alias]] per alpha-3, language and distinct name. Left out, after",
        "# case/accent/punctuation folding: a translation equal to one of the",
        "# country's English iso-codes names (untranslated), and any name equal to",
        "# one of its world.toml names (UNTERM/M49 name, formal_name, name_fr,",
        "# name_es) or its iom.toml name, short_name or aliases. These are aliases",
        "# and a cross-check, never display names. iso-codes writes ISO's inverted",
        "# style ('Corée, République de'); the matcher's comma inversion reads it.",
        "# Fields: iso3; name; lang (en, fr, es); field, the iso-codes field",
        "# translated; msgid, the English text it translates.",
        f"# Rows: {len(rows)} (en {counts['en']}, fr {counts['fr']}, es {counts['es']}).",
        "#",
        "# Left out as known errors (EXCEPTIONS in the script):",
    ]
    out += [f"#   {lang} {iso3} '{text}': {reason}" for lang, iso3, text, reason in excepted]
    out += ["#", "# Not translated in this version (nothing to add):"]
    out += [f"#   {m}" for m in missing]
    out += ["", "[meta]", f"isocodes_version = {toml_string(version)}"]
    out += [f"{k} = {toml_string(v)}" for k, v in hashes.items()]
    for r in rows:
        out += ["", "[[alias]]"]
        out += [f"{k} = {toml_string(r[k])}" for k in ("iso3", "name", "lang", "field", "msgid")]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)
    mo = {lang: os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", "iso_3166-1.mo") for lang in LANGS}
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            iso = json.load(f)["3166-1"]
        catalogs = {lang: gettext.translation("iso_3166-1", localedir=LOCALE_DIR,
                                              languages=[lang]) for lang in LANGS}
        with open(os.path.join(REPO, "data", "world.toml"), "rb") as f:
            world = tomllib.load(f)["world"]
        with open(os.path.join(REPO, "data", "iom.toml"), "rb") as f:
            iom = tomllib.load(f)
        hashes = {"json_sha256": sha256(ISO_JSON)}
        hashes.update({f"mo_{lang}_sha256": sha256(mo[lang]) for lang in LANGS})
    except (OSError, KeyError, ValueError) as e:
        print(f"isocodes_names.py: {e}", file=sys.stderr)
        return 2
    rows, excepted = build(iso, catalogs, known_names(world, iom))
    text = render(rows, excepted, untranslated(iso, catalogs), isocodes_version(), hashes)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
