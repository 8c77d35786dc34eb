#!/usr/bin/env python3
"""Checks for the alias files (data/world_aliases.toml, data/isocodes_names.toml).

Usage: check_aliases.py ALIASES_TOML ISOCODES_TOML GENERATOR WORLD_TOML IOM_TOML

  ALIASES_TOML   data/world_aliases.toml, kept by hand
  ISOCODES_TOML  data/isocodes_names.toml, written by GENERATOR
  GENERATOR      data/isocodes_names.py
  WORLD_TOML     data/world.toml
  IOM_TOML       data/iom.toml

What is checked ("fold" is case, accent and punctuation folding, plus the
token rules the matcher applies: "&"/"and", "St"/"Saint", a leading "the" or
"(the)", and the French and Spanish articles of issue 14):
  (a) every iso3 of both files is a row of WORLD_TOML;
  (b) every [[alias]] has a name, a lang (en, fr, es), a kind (short,
      former, exonym, statistical) and a source; every [[ambiguous]] has a
      name, a lang, two or more iso3s and a reason;
  (c) no alias folds like a different country's world name, formal_name,
      name_fr, name_es, iso2 or iso3 code, like a directory name, short_name or alias of
      IOM_TOML, or like another country's alias in either file, unless that
      name is in [[ambiguous]] with both countries;
  (d) no hand alias repeats what the matcher has for its own country (its
      world and iom.toml names fold alike), and no two hand aliases of one
      country and language fold alike; an [[ambiguous]] name is nobody's
      name;
  (e) GENERATOR, run into a temporary file, writes ISOCODES_TOML byte for
      byte, when the installed iso-codes is the version recorded there.
Then every check is run once more on a broken copy of its input, which it
must reject, so that a check that can no longer fail shows.

Python 3.11+ (tomllib). Exit status: 0 every check passed; 1 a check failed
(each failure is printed); 2 bad usage or unreadable input; 77 every check
that could run passed, but iso-codes is not installed at the recorded
version, so (e) was skipped ("SKIP ...").
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import tempfile
import tomllib
import unicodedata

LANGS = {"en", "fr", "es"}
KINDS = {"short", "former", "exonym", "statistical", "name"}
# Issue 14: articles ignored the way "(the)" and a leading "the" are.
PAREN_ARTICLES = ("the", "le", "la", "les", "l", "el", "los", "las",
                  "royaume des", "reino de los")
LEADING_ARTICLES = {"the", "le", "la", "les", "l", "el", "los", "las"}


def fold(s: str, leading: bool = True) -> str:
    """The folded key; `leading` also drops a leading article ("El Salvador"
    folds like "Salvador"), which the collision check wants and the
    redundancy check does not (the matcher may keep "El Salvador" whole)."""
    s = unicodedata.normalize("NFKD", s.replace("&", " and "))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[\u2019\u2018\u02bc\u00b4`]", "'", s)
    for art in PAREN_ARTICLES:
        s = re.sub(r"\(\s*" + art.replace(" ", r"\s+") + r"\s*'?\s*\)", " ", s)
    # As the matcher does: a leading elided "l'" is the article "l"; every
    # other apostrophe and period is deleted ("d'Ivoire" -> "divoire").
    s = re.sub(r"^\s*l'", "l ", s)
    s = re.sub(r"['.]", "", s)
    words = re.sub(r"[^a-z0-9]+", " ", s).split()
    if leading and len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join("saint" if w == "st" else w for w in words)


def load(path: str) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def own_names(world: list[dict], iom: dict, leading: bool = True) -> dict[str, dict[str, str]]:
    """Per iso3: folded name -> where it comes from, for world and iom.toml."""
    out: dict[str, dict[str, str]] = {}
    for r in world:
        for k in ("name", "formal_name", "name_fr", "name_es"):
            if r.get(k):
                out.setdefault(r["iso3"], {})[fold(r[k], leading)] = f"world.toml {k} '{r[k]}'"
    for e in iom.get("entries", []) + iom.get("hosts", []):
        if not e.get("iso3"):
            continue
        for k in ("name", "short_name"):
            if e.get(k):
                out.setdefault(e["iso3"], {})[fold(e[k], leading)] = f"iom.toml {k} '{e[k]}'"
        for a in e.get("aliases", []):
            out.setdefault(e["iso3"], {})[fold(a, leading)] = f"iom.toml alias '{a}'"
    return out


def check_codes(aliases: dict, isocodes: dict, world: list[dict]) -> list[str]:
    codes = {r["iso3"] for r in world}
    errs = []
    for table, rows in (("world_aliases [[alias]]", aliases.get("alias", [])),
                        ("isocodes_names [[alias]]", isocodes.get("alias", []))):
        errs += [f"{table} '{a.get('name')}': iso3 {a.get('iso3')!r} is not in world.toml"
                 for a in rows if a.get("iso3") not in codes]
    for a in aliases.get("ambiguous", []):
        errs += [f"[[ambiguous]] '{a.get('name')}': iso3 {c!r} is not in world.toml"
                 for c in a.get("iso3s", []) if c not in codes]
    return errs


def check_fields(aliases: dict) -> list[str]:
    errs = []
    for a in aliases.get("alias", []):
        who = f"[[alias]] {a.get('iso3')} '{a.get('name')}'"
        if not str(a.get("name", "")).strip():
            errs.append(f"{who}: no name")
        if a.get("lang") not in LANGS:
            errs.append(f"{who}: lang {a.get('lang')!r} is not one of en, fr, es")
        if a.get("kind") not in KINDS:
            errs.append(f"{who}: kind {a.get('kind')!r} is not one of {sorted(KINDS)}")
        if not str(a.get("source", "")).strip():
            errs.append(f"{who}: no source")
    for a in aliases.get("ambiguous", []):
        who = f"[[ambiguous]] '{a.get('name')}'"
        if not str(a.get("name", "")).strip() or a.get("lang") not in LANGS:
            errs.append(f"{who}: needs a name and a lang (en, fr, es)")
        if len(set(a.get("iso3s", []))) < 2:
            errs.append(f"{who}: needs two or more iso3s")
        if not str(a.get("reason", "")).strip():
            errs.append(f"{who}: no reason")
    return errs


def check_collisions(aliases: dict, isocodes: dict, world: list[dict], iom: dict) -> list[str]:
    names: dict[str, dict[str, str]] = {}  # fold -> iso3 -> what
    for iso3, folded in own_names(world, iom).items():
        for key, what in folded.items():
            names.setdefault(key, {}).setdefault(iso3, what)
    for r in world:  # a code is a name too: "US" may stand for USA only
        for k in ("iso2", "iso3"):
            names.setdefault(fold(r[k]), {}).setdefault(r["iso3"], f"world.toml {k} {r[k]}")
    for file, rows in (("world_aliases.toml", aliases.get("alias", [])),
                       ("isocodes_names.toml", isocodes.get("alias", []))):
        for a in rows:
            names.setdefault(fold(a["name"]), {}).setdefault(a["iso3"], f"{file} alias '{a['name']}'")
    shared = {fold(a["name"]): set(a.get("iso3s", [])) for a in aliases.get("ambiguous", [])}
    errs = []
    for file, rows in (("world_aliases.toml", aliases.get("alias", [])),
                       ("isocodes_names.toml", isocodes.get("alias", []))):
        for a in rows:
            key = fold(a["name"])
            others = {c: w for c, w in names[key].items() if c != a["iso3"]}
            if others and not (key in shared and {a["iso3"], *others} <= shared[key]):
                what = "; ".join(f"{c}: {w}" for c, w in sorted(others.items()))
                errs.append(f"{file} alias '{a['name']}' ({a['iso3']}) folds like another "
                            f"country's name: {what}; list it in [[ambiguous]] or drop it")
    return errs


def check_redundant(aliases: dict, world: list[dict], iom: dict) -> list[str]:
    own = own_names(world, iom, leading=False)
    errs, seen = [], {}
    for a in aliases.get("alias", []):
        key = fold(a["name"], leading=False)
        # A display name where OCHA's taxonomy has none (kind "name") may
        # repeat the English one: that it is the same is the fact recorded.
        if key in own.get(a["iso3"], {}) and a.get("kind") != "name":
            errs.append(f"[[alias]] {a['iso3']} '{a['name']}' repeats {own[a['iso3']][key]}")
        slot = (a["iso3"], a.get("lang"), key)
        if slot in seen:
            errs.append(f"[[alias]] {a['iso3']} '{a['name']}' folds like '{seen[slot]}' "
                        f"(same country and language)")
        seen.setdefault(slot, a["name"])
    every = {k: v for folded in own.values() for k, v in folded.items()}
    for a in aliases.get("ambiguous", []):
        if fold(a["name"], leading=False) in every:
            errs.append(f"[[ambiguous]] '{a['name']}' is a name "
                        f"({every[fold(a['name'], leading=False)]}), "
                        f"not an ambiguous alias")
    return errs


def installed_isocodes() -> str | None:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def check_regenerates(generator: str, isocodes_text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "isocodes_names.toml")
        run = subprocess.run([sys.executable, generator, "-o", out], capture_output=True, text=True)
        if run.returncode != 0:
            return [f"{generator} failed ({run.returncode}): {run.stderr.strip()}"]
        with open(out, encoding="utf-8") as f:
            fresh = f.read()
    if fresh == isocodes_text:
        return []
    a, b = isocodes_text.splitlines(), fresh.splitlines()
    line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return [f"isocodes_names.toml differs from a fresh run of {os.path.basename(generator)} "
            f"from line {line + 1} on; rerun it and commit the result"]


def self_test(aliases: dict, isocodes: dict, world: list[dict], iom: dict,
              generator: str | None, isocodes_text: str) -> list[str]:
    """Each check must reject one broken copy of its input."""
    def broken(edit):
        al, ic = copy.deepcopy(aliases), copy.deepcopy(isocodes)
        edit(al, ic)
        return al, ic

    first = aliases["alias"][0]
    other = next(r for r in world if r["iso3"] != first["iso3"])
    cases = {
        "(a) unknown iso3": (check_codes, broken(lambda al, ic: al["alias"][0].update(iso3="ZZZ"))),
        "(b) no source": (check_fields, broken(lambda al, ic: al["alias"][0].pop("source"))),
        "(c) another country's name": (check_collisions, broken(
            lambda al, ic: al["alias"].append(dict(first, name=other["name"].upper())))),
        "(c) another country's code": (check_collisions, broken(
            lambda al, ic: ic["alias"].append(dict(first, name=other["iso3"].lower())))),
        "(c) an [[ambiguous]] name as a plain alias": (check_collisions, broken(
            lambda al, ic: al.update(ambiguous=[x for x in al["ambiguous"] if fold(x["name"]) != "korea"])
            or al["alias"].append(dict(first, iso3="KOR", name="Korea")) or
            al["alias"].append(dict(first, iso3="PRK", name="KOREA")))),
        "(d) repeats its own name": (check_redundant, broken(
            lambda al, ic: al["alias"].append(dict(first, name=first["name"] + " ", lang="xx")) or
            al["alias"].append(dict(first, name="Türkiye (the)", iso3="TUR")))),
    }
    errs = []
    for what, (check, (al, ic)) in cases.items():
        args = {check_codes: (al, ic, world), check_fields: (al,),
                check_collisions: (al, ic, world, iom), check_redundant: (al, world, iom)}[check]
        if not check(*args):
            errs.append(f"self-test: check {what} accepted a broken copy")
    if generator and not check_regenerates(generator, isocodes_text.replace("Birmanie", "Birmania", 1)):
        errs.append("self-test: check (e) accepted an edited isocodes_names.toml")
    return errs


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    aliases_path, isocodes_path, generator, world_path, iom_path = argv
    try:
        aliases, isocodes = load(aliases_path), load(isocodes_path)
        world, iom = load(world_path)["world"], load(iom_path)
        with open(isocodes_path, encoding="utf-8") as f:
            isocodes_text = f.read()
    except (OSError, KeyError, tomllib.TOMLDecodeError) as e:
        print(f"check_aliases.py: {e}", file=sys.stderr)
        return 2
    errs = check_codes(aliases, isocodes, world) + check_fields(aliases)
    if not errs:  # the later checks index by iso3 and need the fields
        errs += check_collisions(aliases, isocodes, world, iom)
        errs += check_redundant(aliases, world, iom)
    recorded = isocodes.get("meta", {}).get("isocodes_version")
    installed = installed_isocodes()
    regen = installed is not None and installed == recorded
    if regen:
        errs += check_regenerates(generator, isocodes_text)
    if not errs:
        errs += self_test(aliases, isocodes, world, iom, generator if regen else None, isocodes_text)
    for e in errs:
        print(f"FAIL {e}")
    if errs:
        return 1
    n, amb = len(aliases.get("alias", [])), len(aliases.get("ambiguous", []))
    print(f"ok: {n} hand aliases, {amb} ambiguous names, "
          f"{len(isocodes.get('alias', []))} iso-codes aliases")
    if not regen:
        print(f"SKIP (e): iso-codes {installed or 'not installed'}, the file records {recorded}")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
