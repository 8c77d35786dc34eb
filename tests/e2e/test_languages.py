#!/usr/bin/env python3
"""French and Spanish names, checked against the TOML (issue 14, point 5).

  (a) In both directions: every French and Spanish display name (world.toml
      name_fr, name_es) and every fr/es alias (world_aliases.toml [[alias]],
      isocodes_names.toml) resolves with `iom convert --world --to iso3` to
      its own row and only to it, or is reported ambiguous with exactly the
      countries that share it ([[ambiguous]], or two rows' data); and
      `iom --lang fr|es countries --world -f json` gives every row exactly
      its world.toml name_fr / name_es, or its English name with a
      name_*_source that says no translation was found.
  (b) `iom --lang es countries -f csv -F all`, read with Python's csv module:
      name, name_en and type_name against world.toml and iom.toml, and the
      untranslated type names flagged by `iom --lang es types`.
  (c) No name of any file, in any language, that folds (check_aliases.py's
      fold) like another country's name resolves to one country: iom must
      answer it ambiguous, naming every country that has it.

The TOML files are read from the source tree this script sits in.

usage: test_languages.py IOM SOURCE_DIR
"""
import csv
import io
import json
import re
import pathlib
import subprocess
import sys
import tomllib

from consumer_lib import check, failures, iom, run

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data"))
from check_aliases import fold  # noqa: E402  (the fold the alias checks use)


def load(name):
    with open(ROOT / "data" / name, "rb") as f:
        return tomllib.load(f)


world = load("world.toml")["world"]
aliases = load("world_aliases.toml")
isocodes = load("isocodes_names.toml")
directory = load("iom.toml")
by_iso3 = {r["iso3"]: r for r in world}
entries = {e["iso3"]: e for e in directory["entries"] if e.get("iso3")}
types = {t["code"]: t for t in directory["types"]}
LANG_WORD = {"fr": "French", "es": "Spanish"}


def english_name(iso3):
    """iom's English name: the directory's where it has the entry."""
    return entries[iso3]["name"] if iso3 in entries else by_iso3[iso3]["name"]


def candidate(iso3):
    """How an ambiguity message names a country."""
    row = by_iso3[iso3]
    if iso3 in entries:
        return f"{english_name(iso3)} ({row['iso2']})"
    return f"{row['name']} ({row['iso2']}, not in IOM's directory)"


def different(iso3):
    """How a confusable note names the other country: by its short name."""
    row = by_iso3[iso3]
    if iso3 in entries:
        return f"{entries[iso3]['short_name']} ({row['iso2']}) is a different entry"
    return f"{row['name']} ({row['iso2']}) is a different country"


# Every name of every file, all languages: folded name -> iso3 -> where.
names = {}


def add(name, iso3, where):
    names.setdefault(fold(name), {}).setdefault(iso3, where)


for r in world:
    for k in ("name", "formal_name", "name_fr", "name_es"):
        if r.get(k):
            add(r[k], r["iso3"], f"world.toml {k}")
for file, rows in (("world_aliases.toml", aliases["alias"]), ("isocodes_names.toml", isocodes["alias"])):
    for a in rows:
        add(a["name"], a["iso3"], f"{file} {a['lang']} alias")
for e in directory["entries"] + directory.get("hosts", []):
    if e.get("iso3"):
        for k in ("name", "short_name"):
            if e.get(k):
                add(e[k], e["iso3"], f"iom.toml {k}")
        for a in e.get("aliases", []):
            add(a, e["iso3"], "iom.toml alias")
ambiguous = {fold(a["name"]): set(a["iso3s"]) for a in aliases["ambiguous"]}
for a in aliases["ambiguous"]:
    for iso3 in a["iso3s"]:
        add(a["name"], iso3, "world_aliases.toml [[ambiguous]]")
shared = {key: set(c) for key, c in names.items() if len(c) > 1}
confusable = {fold(c["name"]): c for c in aliases.get("confusable", [])}


def expect(name, own):
    """(iso3 or None, the set of countries an ambiguity must name)."""
    key = fold(name)
    if key in ambiguous:
        check(key not in shared or shared[key] <= ambiguous[key],
              f"data: '{name}' folds like names of {sorted(shared[key])}, "
              f"[[ambiguous]] lists only {sorted(ambiguous[key])}")
        return None, ambiguous[key] | shared.get(key, set())
    if key in shared:
        return None, shared[key]
    return own, set()


def convert_all(queries, *flags):
    """One run of `iom convert --world --to iso3` over every query; returns
    the failures of each line against what expect() wants, exactly."""
    text = "".join(q + "\n" for q, _, _ in queries)
    result = subprocess.run([iom, "convert", "--world", *flags, "--to", "iso3"], input=text.encode(),
                            capture_output=True, timeout=30, check=False)
    out, err = result.stdout.decode(), result.stderr.decode()
    lines = out.split("\n")
    check(out.endswith("\n") and len(lines) == len(queries) + 1,
          f"convert: {len(lines) - 1} records for {len(queries)} lines")
    want_err, notes, ambiguous_lines = [], {}, 0
    for n, (query, iso3, where) in enumerate(queries, 1):
        got = lines[n - 1] if n <= len(lines) else None
        own, countries = expect(query, iso3)
        if own:
            check(got == own, f"(a) '{query}' ({where} of {own}) gives {got!r}, expected {own}")
            con = confusable.get(fold(query))
            if con and con["iso3"] == own:
                notes.setdefault((own, con["other"]), []).append(n)
        else:
            ambiguous_lines += 1
            check(got == "", f"'{query}' ({where}) gives {got!r}, expected an empty record "
                  f"(ambiguous: {sorted(countries)})")
            named = sorted(candidate(c) for c in countries)
            want_err.append((n, query, named))
    # stderr: one ambiguity line per ambiguous query, in order, then the notes.
    got_err = err.split("\n")
    check(err.endswith("\n") or err == "", f"stderr does not end in a newline: {err[-80:]!r}")
    # The summary's counts come first: the lines it tells follow.
    counts = [line for line in got_err if re.match(r"iom: \d+ lines?: \d+ matched", line)]
    check(len(counts) == (1 if want_err else 0), f"convert: count lines {counts}")
    got_err = [line for line in got_err if line and line not in counts]
    i = 0
    for n, query, named in want_err:
        head = f"iom: line {n}: '{query}' is ambiguous; it matches: "
        line = got_err[i] if i < len(got_err) else ""
        i += 1
        if not line.startswith(head):
            failures.append(f"'{query}' (line {n}): stderr {line!r}, expected {head!r}...")
            continue
        listed = line[len(head):]
        order = sorted(named, key=lambda c: listed.find(c))
        check(listed == ", ".join(order) and all(c in listed for c in named),
              f"'{query}' (line {n}): iom names {listed!r}, expected exactly {named}")
    for (own, other), at in notes.items():
        count = f"{len(at)} line" + ("s" if len(at) > 1 else "")
        note = (f"iom: note: {count} (first line {at[0]}) named {candidate(own)} by a name easily "
                f"taken for another; {different(other)}")
        line = got_err[i] if i < len(got_err) else ""
        i += 1
        check(line == note, f"confusable note: stderr {line!r}, expected {note!r}")
    check(i == len(got_err), f"stderr has {len(got_err) - i} unexpected lines: {got_err[i:i + 3]}")
    code = 1 if want_err else 0
    check(result.returncode == code, f"convert exited {result.returncode}, expected {code}")
    return ambiguous_lines


# (a) name -> row: every French and Spanish name and alias, one run.
queries, seen = [], set()
for r in world:
    for k in ("name_fr", "name_es"):
        if r.get(k) and (r[k], r["iso3"]) not in seen:
            seen.add((r[k], r["iso3"]))
            queries.append((r[k], r["iso3"], f"world.toml {k}"))
for file, rows in (("world_aliases.toml", aliases["alias"]), ("isocodes_names.toml", isocodes["alias"])):
    for a in rows:
        if a["lang"] in LANG_WORD and (a["name"], a["iso3"]) not in seen:
            seen.add((a["name"], a["iso3"]))
            queries.append((a["name"], a["iso3"], f"{file} {a['lang']} alias"))
for a in aliases["ambiguous"]:
    if a["lang"] in LANG_WORD:
        queries.append((a["name"], None, "[[ambiguous]]"))
check(len(queries) > 800, f"(a) only {len(queries)} French and Spanish names")
amb_a = convert_all(queries)

# (a) row -> name: --lang fr and --lang es over the whole world table.
display = {(a["iso3"], a["lang"]): (a["name"], a["source"])
           for a in aliases["alias"] if a.get("kind") == "name"}
check(("XKX", "fr") in display and ("XKX", "es") in display,
      "world_aliases.toml: Kosovo's French and Spanish display names are missing")
for lang, word in LANG_WORD.items():
    field = f"name_{lang}"
    got = json.loads(run("--lang", lang, "countries", "--world", "-f", "json", "-F", "iso3,name"))
    src = {o["iso3"]: o[f"{field}_source"] for o in json.loads(
        run("--lang", lang, "countries", "--world", "-f", "json", "-F", f"iso3,{field}_source"))}
    check(sorted(o["iso3"] for o in got) == sorted(by_iso3), f"--lang {lang}: rows differ from world.toml")
    for o in got:
        row = by_iso3.get(o["iso3"], {})
        if row.get(field):
            check(o["name"] == row[field], f"--lang {lang} {o['iso3']}: name {o['name']!r}, "
                  f"world.toml {field} {row[field]!r}")
            check(src[o["iso3"]].startswith(("UNTERM", "UN M49")),
                  f"--lang {lang} {o['iso3']}: {field}_source {src[o['iso3']]!r}")
        elif row and (o["iso3"], lang) in display:
            # A sourced display name where OCHA has none (Kosovo).
            name, source = display[(o["iso3"], lang)]
            check(o["name"] == name and src[o["iso3"]] == source,
                  f"--lang {lang} {o['iso3']}: {o['name']!r} / {src[o['iso3']]!r}, "
                  f"expected world_aliases.toml's {name!r} / {source!r}")
        elif row:
            check(o["name"] == english_name(o["iso3"]), f"--lang {lang} {o['iso3']}: name {o['name']!r}, "
                  f"expected the English {english_name(o['iso3'])!r} (world.toml has no {field})")
            want = f"no {word} name found: the English name is kept"
            check(src[o["iso3"]] == want, f"--lang {lang} {o['iso3']}: {field}_source "
                  f"{src[o['iso3']]!r}, expected {want!r}")

# (b) a consumer: --lang es countries, every field, through Python's csv.
rows = list(csv.DictReader(io.StringIO(run("--lang", "es", "countries", "-f", "csv", "-F", "all")
                                       .decode("utf-8"), newline="")))
check(sorted(r["iso3"] for r in rows) == sorted(entries), f"csv: {len(rows)} rows, not the directory's")
untranslated = {c for c, t in types.items() if not t.get("name_es")}
for r in rows:
    iso3, e = r["iso3"], entries.get(r["iso3"])
    if not e:
        continue
    want = (by_iso3[iso3].get("name_es") or display.get((iso3, "es"), (None,))[0]
            or e["name"])
    check(r["name"] == want, f"csv {iso3}: name {r['name']!r}, expected {want!r}")
    check(r["name_en"] == e["name"], f"csv {iso3}: name_en {r['name_en']!r}, iom.toml {e['name']!r}")
    t = types[e["type"]]
    want = t.get("name_es") or t["name"]
    check(r["type"] == e["type"] and r["type_name"] == want,
          f"csv {iso3}: type {r['type']} {r['type_name']!r}, expected {e['type']} {want!r}")
type_rows = list(csv.DictReader(io.StringIO(run("--lang", "es", "types", "-f", "csv", "-F",
                                                "code,name,name_es_source").decode("utf-8"), newline="")))
check(sorted(t["code"] for t in type_rows) == sorted(types), "types: not iom.toml's types")
for t in type_rows:
    if t["code"] in untranslated:
        want = "no Spanish name found: the English name is kept"
        check(t["name"] == types[t["code"]]["name"] and t["name_es_source"] == want,
              f"types {t['code']}: {t['name']!r}, {t['name_es_source']!r}; expected the English name, {want!r}")
    else:
        check(t["name"] == types[t["code"]]["name_es"] and t["name_es_source"] == types[t["code"]].get(
            "name_es_source"), f"types {t['code']}: {t['name']!r}, {t['name_es_source']!r}")

# (c) every folded name that two countries share: iom says ambiguous.
spelling = {}
for r in world:
    for k in ("name", "formal_name", "name_fr", "name_es"):
        if r.get(k):
            spelling.setdefault(fold(r[k]), r[k])
for a in aliases["alias"] + isocodes["alias"] + aliases["ambiguous"]:
    spelling.setdefault(fold(a["name"]), a["name"])
for e in directory["entries"] + directory.get("hosts", []):
    if e.get("iso3"):
        for name in [e["name"], e.get("short_name")] + e.get("aliases", []):
            if name:
                spelling.setdefault(fold(name), name)
pairs = [(spelling[key], None, f"shared by {sorted(c)}") for key, c in sorted(shared.items())]
check(len(pairs) >= len(ambiguous), f"(c) only {len(pairs)} shared names")
convert_all(pairs)
not_listed = sorted(spelling[k] for k in shared if k not in ambiguous)

print(f"(a) {len(queries)} French and Spanish names ({amb_a} ambiguous), 2 x {len(world)} rows; "
      f"(b) {len(rows)} csv rows; (c) {len(pairs)} shared names")
if not_listed:
    print("shared by two rows' data but not in [[ambiguous]]:", "; ".join(
        f"{n} {sorted(shared[fold(n)])}" for n in not_listed))
for failure in failures[:60]:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
