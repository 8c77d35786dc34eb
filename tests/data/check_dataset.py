#!/usr/bin/env python3
"""Consistency checks for the bundled dataset (data/iom.toml).

Usage: check_dataset.py DATA_TOML SEED_DIRECTORY_FIXTURE

Python 3.11+, standard library only. Exit status:
  0   every check passed ("ok: N checks")
  1   at least one check failed (each failure is printed)
  2   bad usage or unreadable input
  77  every other check passed, but the ISO 3166-1 comparison was skipped
      because Debian's iso-codes file is missing ("SKIP iso-codes")

The iso-codes path can be overridden with the ISO_3166_JSON environment
variable (default /usr/share/iso-codes/json/iso_3166-1.json).

The expected counts below are computed from ../shared/facts/entries.tsv and
hard-coded on purpose: a change in them must be a deliberate edit here.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict

ISO_DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"

# --- expected shape (from the seed and entries.tsv) --------------------------

# The seed's filter labels, in the seed's order.
REGIONS = [
    ("ehsa", "east, horn and southern africa"),
    ("lac", "latin america and the caribbean"),
    ("ap", "asia and the pacific"),
    ("eca", "europe and central asia"),
    ("mena", "middle east and north africa"),
    ("wca", "west and central africa"),
]
TYPES = [
    ("ac", "administrative centre"),
    ("un", "iom office at the united nations"),
    ("co", "country office"),
    ("cocf", "country office with coordination function"),
    ("copa", "country office for partnerships and advocacy"),
    ("go", "global office"),
    ("ro", "regional office"),
    ("sro", "subregional office"),
    ("slo", "special liaison office"),
]

N_ENTRIES = 189
KIND_COUNTS = {"country": 174, "territory": 2, "office": 13}
# country + territory entries per region
REGION_PLACES = {"ehsa": 25, "lac": 31, "ap": 34, "eca": 50, "mena": 14, "wca": 22}
# office entries per region (None = offices with no region)
REGION_OFFICES = {"ehsa": 2, "lac": 1, "ap": 1, "eca": 2, "mena": 1, "wca": 1, None: 5}
TYPE_COUNTS = {
    "ac": 2, "un": 1, "co": 166, "cocf": 5, "copa": 4,
    "go": 2, "ro": 6, "sro": 2, "slo": 1,
}
TERRITORIES = {"aruba", "unsc resolution 1244-administered kosovo"}

BASES = {"sourced", "default", "inferred"}
KINDS = {"country", "territory", "office"}
CODE_STATUSES = {"iso", "user-assigned", "none"}

TOP_KEYS = {"meta", "regions", "types", "hosts", "entries"}
META_KEYS = {
    "data_version", "captured", "captured_basis", "source", "source_note",
    "claim_countries", "claim_field_offices", "claim_regions",
}
REGION_KEYS = {"code", "name", "office", "city", "basis", "note"}
TYPE_KEYS = {"code", "name", "description"}
TYPE_OPTIONAL = {"name_fr", "name_fr_source", "name_es", "name_es_source"}
# IOM's own French and Spanish office-type names, as
# ../shared/facts/world/README.md cites them (None: no source found, the
# English name stands). Compared case-insensitively: the data capitalises the
# first letter as the English names do.
TYPE_TRANSLATIONS = {
    "co": ("bureau de pays", "oficina en país"),
    "cocf": ("bureau de pays à fonctions de coordination",
             "oficina en país con funciones de coordinación"),
    "ro": ("bureau régional", "oficina regional"),
    "ac": ("centre administratif", "centro administrativo"),
    "slo": ("bureau spécial de liaison", None),
}
HOST_KEYS = {"iso2", "iso3", "numeric", "name", "aliases"}
ENTRY_REQUIRED = {
    "id", "name", "short_name", "kind", "code_status", "region_basis",
    "region_source", "type", "type_basis", "type_source", "languages",
    "aliases", "sources",
}
ENTRY_OPTIONAL = {"iso2", "iso3", "numeric", "region", "city", "city_source", "host", "note", "review"}
ENTRY_LISTS = {"languages", "aliases", "sources"}

URL_RE = re.compile(r"https?://[^\s|]+")


def urls_in(text: str) -> list[str]:
    """URLs in a *_source text, with trailing punctuation removed."""
    return [u.rstrip(").,;") for u in URL_RE.findall(text)]


def fold(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    )


def norm(s: str) -> str:
    """Lookup key, as strict as the matcher or stricter: case, accents and
    punctuation dropped, '&' read as 'and', '(the)' and a leading 'the'
    dropped, 'st' read as 'saint', and spaces removed."""
    s = fold(s).lower().replace("&", " and ").replace("(the)", " ")
    words = re.sub(r"[^a-z0-9]+", " ", s).split()
    if words and words[0] == "the":
        words = words[1:]
    words = ["saint" if w == "st" else w for w in words]
    return "".join(words)


class Checker:
    def __init__(self) -> None:
        self.n = 0
        self.failures: list[str] = []

    def check(self, cond: bool, msg: str) -> bool:
        self.n += 1
        if not cond:
            self.failures.append(msg)
        return cond


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(f"usage: {argv[0]} DATA_TOML SEED_DIRECTORY_FIXTURE", file=sys.stderr)
        return 2
    try:
        with open(argv[1], "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        print(f"FAIL: cannot load {argv[1]}: {e}", file=sys.stderr)
        return 2
    try:
        with open(argv[2], encoding="utf-8") as f:
            fixture = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        print(f"FAIL: cannot read {argv[2]}: {e}", file=sys.stderr)
        return 2

    c = Checker()
    ck = c.check

    # ---- schema -------------------------------------------------------------
    ck(set(data) == TOP_KEYS, f"top-level tables {sorted(data)} != {sorted(TOP_KEYS)}")
    meta = data.get("meta", {})
    regions = data.get("regions", [])
    types = data.get("types", [])
    hosts = data.get("hosts", [])
    entries = data.get("entries", [])

    ck(set(meta) == META_KEYS, f"meta keys {sorted(meta)} != {sorted(META_KEYS)}")
    for k, v in meta.items():
        ck(isinstance(v, str) and v != "", f"meta.{k} must be a non-empty string")
    ck(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta.get("captured", ""))) is not None,
       "meta.captured must be YYYY-MM-DD")
    ck(meta.get("claim_countries") == "172", "meta.claim_countries must be the page's '172'")
    ck(meta.get("claim_field_offices") == "over 550",
       "meta.claim_field_offices must be the page's 'over 550'")
    ck(meta.get("claim_regions") == "6", "meta.claim_regions must be the page's '6'")

    def check_table(kind: str, i: int, t: dict, required: set, optional: set = set()) -> None:
        keys = set(t)
        ck(not (keys - required - optional),
           f"{kind}[{i}]: unknown keys {sorted(keys - required - optional)}")
        ck(not (required - keys), f"{kind}[{i}]: missing keys {sorted(required - keys)}")
        for k, v in t.items():
            if k in ENTRY_LISTS or k == "aliases":
                ok = isinstance(v, list) and all(isinstance(x, str) and x.strip() == x and x for x in v)
                ck(ok, f"{kind}[{i}].{k} must be a list of non-empty trimmed strings")
            else:
                ok = isinstance(v, str) and v != "" and v.strip() == v
                ck(ok, f"{kind}[{i}].{k} must be a non-empty trimmed string "
                       "(omit optional keys instead of leaving them empty)")

    for i, r in enumerate(regions):
        check_table("regions", i, r, REGION_KEYS)
    for i, t in enumerate(types):
        check_table("types", i, t, TYPE_KEYS, TYPE_OPTIONAL)
        fr, es = TYPE_TRANSLATIONS.get(t.get("code"), (None, None))
        for lang, want in (("fr", fr), ("es", es)):
            got = t.get("name_" + lang)
            ck((got or "").lower() == (want or ""),
               f"types[{i}].name_{lang} {got!r} != the sourced {want!r}")
            ck(("name_" + lang in t) == ("name_" + lang + "_source" in t),
               f"types[{i}]: name_{lang} and name_{lang}_source go together")
    for i, h in enumerate(hosts):
        check_table("hosts", i, h, HOST_KEYS)
    for i, e in enumerate(entries):
        check_table("entries", i, e, ENTRY_REQUIRED, ENTRY_OPTIONAL)

    # ---- regions and types --------------------------------------------------
    ck([r.get("code") for r in regions] == [c_ for c_, _ in REGIONS],
       f"region codes {[r.get('code') for r in regions]} != {[c_ for c_, _ in REGIONS]} (seed order)")
    ck([str(r.get("name", "")).lower() for r in regions] == [l for _, l in REGIONS],
       "lowercased region names must be the seed's region labels, in order")
    ck([t.get("code") for t in types] == [c_ for c_, _ in TYPES],
       f"type codes {[t.get('code') for t in types]} != {[c_ for c_, _ in TYPES]} (seed order)")
    ck([str(t.get("name", "")).lower() for t in types] == [l for _, l in TYPES],
       "lowercased type names must be the seed's office-type labels, in order")
    for r in regions:
        ck(r.get("basis") in BASES, f"region {r.get('code')}: basis {r.get('basis')!r} not in {sorted(BASES)}")
    for t in types:
        ck("\n" not in str(t.get("description", "")), f"type {t.get('code')}: description must be one line")
    region_codes = {r.get("code") for r in regions}
    type_codes = {t.get("code") for t in types}

    # ---- entries: names against the seed fixture ---------------------------
    ck(len(fixture) == N_ENTRIES, f"fixture has {len(fixture)} lines, expected {N_ENTRIES}")
    ck(len(entries) == N_ENTRIES, f"{len(entries)} entries, expected {N_ENTRIES}")
    lowered = [str(e.get("name", "")).lower() for e in entries]
    diff = next((i for i, (a, b) in enumerate(zip(lowered, fixture)) if a != b), None)
    where = "" if diff is None else f" (first difference at entry {diff}: {lowered[diff]!r} != seed {fixture[diff]!r})"
    ck(lowered == fixture, "lowercased entry names must equal the seed directory, in order" + where)

    # ---- counts ---------------------------------------------------------------
    kinds = Counter(e.get("kind") for e in entries)
    ck(dict(kinds) == KIND_COUNTS, f"kind counts {dict(kinds)} != {KIND_COUNTS}")
    ck(kinds["country"] + kinds["territory"] == 176, "expected 176 countries and territories")
    for e in entries:
        if e.get("kind") == "territory":
            ck(str(e.get("name", "")).lower() in TERRITORIES,
               f"{e.get('id')}: unexpected territory")
    places = Counter(e.get("region") for e in entries if e.get("kind") != "office")
    ck(dict(places) == REGION_PLACES,
       f"country/territory counts per region {dict(places)} != {REGION_PLACES}")
    offices = Counter(e.get("region") for e in entries if e.get("kind") == "office")
    ck(dict(offices) == REGION_OFFICES,
       f"office counts per region {dict(offices)} != {REGION_OFFICES}")
    tcount = Counter(e.get("type") for e in entries)
    ck(dict(tcount) == TYPE_COUNTS, f"type counts {dict(tcount)} != {TYPE_COUNTS}")

    # ---- per-entry fields -------------------------------------------------------
    ids = {e.get("id"): e for e in entries}
    host_codes = {e.get("iso2") for e in entries if e.get("code_status") == "iso"}
    host_codes |= {h.get("iso2") for h in hosts}
    for e in entries:
        eid = e.get("id", "?")
        kind = e.get("kind")
        ck(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(eid)) is not None,
           f"{eid}: id must be lowercase ascii words joined by '-'")
        ck(kind in KINDS, f"{eid}: kind {kind!r} not in {sorted(KINDS)}")
        ck(e.get("code_status") in CODE_STATUSES,
           f"{eid}: code_status {e.get('code_status')!r} not in {sorted(CODE_STATUSES)}")
        ck(e.get("region_basis") in BASES, f"{eid}: region_basis {e.get('region_basis')!r}")
        ck(e.get("type_basis") in BASES, f"{eid}: type_basis {e.get('type_basis')!r}")
        if "region" in e:
            ck(e["region"] in region_codes, f"{eid}: region {e['region']!r} does not exist")
        else:
            ck(kind == "office", f"{eid}: only offices may lack a region")
        ck(e.get("type") in type_codes, f"{eid}: type {e.get('type')!r} does not exist")
        for lang in e.get("languages", []):
            ck(re.fullmatch(r"[a-z]{2}", lang) is not None, f"{eid}: language code {lang!r}")
        for k in ("iso2", "iso3", "numeric"):
            if k in e:
                pat = {"iso2": r"[A-Z]{2}", "iso3": r"[A-Z]{3}", "numeric": r"[0-9]{3}"}[k]
                ck(re.fullmatch(pat, str(e[k])) is not None, f"{eid}: {k} {e[k]!r} has the wrong shape")
        status = e.get("code_status")
        if kind == "office":
            ck(status == "none" and not ({"iso2", "iso3", "numeric"} & set(e)),
               f"{eid}: offices carry no codes (code_status 'none')")
            ck("host" in e, f"{eid}: an office needs a host")
            ck(e.get("host") in host_codes, f"{eid}: host {e.get('host')!r} is neither an entry nor a [[hosts]] code")
        else:
            ck("host" not in e, f"{eid}: only offices have a host")
            if status == "iso":
                ck({"iso2", "iso3", "numeric"} <= set(e), f"{eid}: an ISO entry needs iso2, iso3 and numeric")
            elif status == "user-assigned":
                ck({"iso2", "iso3"} <= set(e), f"{eid}: a user-assigned entry needs iso2 and iso3")
            else:
                ck(False, f"{eid}: a country or territory needs codes")
        want = []
        for u in urls_in(str(e.get("region_source", ""))) + urls_in(str(e.get("type_source", ""))):
            if u not in want:
                want.append(u)
        ck(e.get("sources") == want,
           f"{eid}: sources must be the URLs of region_source and type_source, deduplicated, in order")

    # Every city has a source, and a city is no alias: `--city` lists the
    # entries of a city, so a city names no single entry.
    cities = {norm(str(e["city"])) for e in entries if "city" in e}
    for e in entries:
        eid = e.get("id")
        ck(("city" in e) == ("city_source" in e), f"{eid}: city and city_source go together")
        if "city_source" in e:
            ck(urls_in(str(e["city_source"])) != [], f"{eid}: city_source cites no URL")
        for a in e.get("aliases", []):
            ck(norm(a) not in cities, f"{eid}: alias {a!r} is a city; use --city instead")
        ck("review" not in e, f"{eid}: the bundled data has no entry left for review")
    ck(meta.get("captured_basis") == "inferred",
       "meta.captured_basis: the page states no capture time; the date is inferred from it")

    for r in regions:
        o = ids.get(r.get("office"))
        ck(o is not None and o.get("kind") == "office" and o.get("type") == "ro"
           and o.get("region") == r.get("code"),
           f"region {r.get('code')}: office {r.get('office')!r} is not a regional-office entry of that region")

    # ---- uniqueness ---------------------------------------------------------------
    def uniq(label: str, values: list) -> None:
        dup = [v for v, n in Counter(values).items() if n > 1]
        ck(not dup, f"duplicate {label}: {dup}")

    uniq("id", [e.get("id") for e in entries])
    uniq("name", [e.get("name") for e in entries])
    uniq("normalised name", [norm(str(e.get("name", ""))) for e in entries])
    uniq("short_name", [norm(str(e.get("short_name", ""))) for e in entries])
    for k in ("iso2", "iso3", "numeric"):
        uniq(k, [e[k] for e in entries if k in e] + [h[k] for h in hosts if k in h])

    # ---- aliases ------------------------------------------------------------------
    # owner -> (label, is_office, host, city); keys by normalised text
    owners: dict[str, tuple] = {}
    names_of: dict[str, set[str]] = defaultdict(set)   # key -> owners (name/short/code)
    alias_of: dict[str, set[str]] = defaultdict(set)   # key -> owners (alias)
    for e in entries:
        oid = "entry " + str(e.get("id"))
        owners[oid] = (e.get("kind") == "office", e.get("host"), e.get("city"))
        for k in ("name", "short_name", "iso2", "iso3"):
            if k in e:
                names_of[norm(str(e[k]))].add(oid)
    for h in hosts:
        oid = "host " + str(h.get("iso2"))
        owners[oid] = (False, None, None)
        for k in ("name", "iso2", "iso3"):
            if k in h:
                names_of[norm(str(h[k]))].add(oid)

    for k, who in names_of.items():
        ck(len(who) == 1, f"name/short_name/code key {k!r} belongs to several entries: {sorted(who)}")

    def alias_lists():
        for e in entries:
            yield "entry " + str(e.get("id")), e.get("aliases", [])
        for h in hosts:
            yield "host " + str(h.get("iso2")), h.get("aliases", [])

    for oid, aliases in alias_lists():
        seen: set[str] = set()
        for a in aliases:
            k = norm(a)
            ck(k != "", f"{oid}: alias {a!r} normalises to nothing")
            ck(k not in seen, f"{oid}: alias {a!r} duplicates another alias of the same entry after normalisation")
            seen.add(k)
            ck(oid not in names_of.get(k, set()),
               f"{oid}: alias {a!r} only repeats its own name, short_name or code after normalisation")
            others = names_of.get(k, set()) - {oid}
            ck(not others, f"{oid}: alias {a!r} equals a name, short_name or code of {sorted(others)}")
            alias_of[k].add(oid)

    # An alias may be shared only by offices with the same host and city
    # (the city alias, e.g. "Brussels" for both Brussels offices).
    for k, who in alias_of.items():
        if len(who) < 2:
            continue
        places_ = {owners[o][1:] for o in who}
        ok = all(owners[o][0] for o in who) and len(places_) == 1 and None not in next(iter(places_))
        ck(ok, f"alias key {k!r} shared by {sorted(who)} (only offices in the same host+city may share)")

    # ---- ISO 3166-1 -------------------------------------------------------------------
    iso_path = os.environ.get("ISO_3166_JSON", ISO_DEFAULT)
    iso_skipped = False
    if os.path.exists(iso_path):
        with open(iso_path, encoding="utf-8") as f:
            records = json.load(f)["3166-1"]
        by2 = {r["alpha_2"]: r for r in records}
        by3 = {r["alpha_3"]: r for r in records}
        byn = {r["numeric"]: r for r in records}
        for e in entries:
            eid = e.get("id")
            if e.get("code_status") == "iso":
                r = by2.get(e.get("iso2"))
                ck(r is not None and by3.get(e.get("iso3")) is r and byn.get(e.get("numeric")) is r,
                   f"{eid}: iso2/iso3/numeric {e.get('iso2')}/{e.get('iso3')}/{e.get('numeric')} "
                   "are not one iso-codes record")
            elif e.get("code_status") == "user-assigned":
                ck(e.get("iso2") not in by2 and e.get("iso3") not in by3
                   and ("numeric" not in e or e["numeric"] not in byn),
                   f"{eid}: user-assigned codes must not be ISO 3166-1 codes")
            if "host" in e:
                ck(e["host"] in by2, f"{eid}: host {e['host']!r} is not an ISO alpha-2 code")
        for h in hosts:
            r = by2.get(h.get("iso2"))
            ck(r is not None and by3.get(h.get("iso3")) is r and byn.get(h.get("numeric")) is r,
               f"host {h.get('iso2')}: codes are not one iso-codes record")
            if r is not None:
                variants = {r.get(k) for k in ("name", "official_name", "common_name")} - {None}
                ck(h.get("name") in variants, f"host {h.get('iso2')}: name {h.get('name')!r} not in iso-codes {sorted(variants)}")
    else:
        iso_skipped = True

    for msg in c.failures:
        print("FAIL: " + msg, file=sys.stderr)
    if c.failures:
        print(f"{len(c.failures)} of {c.n} checks failed", file=sys.stderr)
        return 1
    if iso_skipped:
        print(f"SKIP iso-codes ({iso_path} not found); other {c.n} checks ok")
        return 77
    print(f"ok: {c.n} checks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
