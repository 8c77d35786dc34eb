#!/usr/bin/env python3
"""Checks for the world table (data/world.toml).

Usage: check_world.py GENERATOR CSV WORLD_TOML IOM_TOML

  GENERATOR   data/world_from_ocha.py
  CSV         the OCHA countries and territories CSV it reads
  WORLD_TOML  data/world.toml
  IOM_TOML    data/iom.toml, whose directory must agree with the world table

What is checked:
  (a) the generator, run on CSV into a temporary file, writes WORLD_TOML
      byte for byte;
  (b) WORLD_TOML, parsed with tomllib, against the CSV, read here on its own
      (not through the generator): 250 rows, unique codes, and every row's
      codes, names and their source columns, regions and independence;
  (c) the ISO rows against Debian's iso-codes, both ways, when it is
      installed (ISO_3166_JSON overrides the path, default
      /usr/share/iso-codes/json/iso_3166-1.json);
  (d) every country and territory of IOM_TOML's directory, and every host,
      has the codes of its world row.

Python 3.11+ (tomllib; tomli is used on older Pythons if installed).
Exit status: 0 every check passed; 1 a check failed (each failure is
printed); 2 bad usage or unreadable input; 77 every check that could run
passed, but iso-codes is missing, or no TOML parser is ("SKIP ...").
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

try:
    import tomllib
except ImportError:  # Python < 3.11
    try:
        import tomli as tomllib  # type: ignore[no-redef]
    except ImportError:
        tomllib = None  # type: ignore[assignment]

ISO_DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"

# Hard-coded on purpose: a change in them must be a deliberate edit here.
N_ROWS = 250
N_ISO = 249
SOURCE = {
    "source": "https://github.com/OCHA-DAP/hdx-python-country",
    "source_path": "src/hdx/location/Countries & Territories Taxonomy MVP - C&T Taxonomy.csv",
    "source_commit": "b40de354a65723b5bc8b0080112c46a002433f6c",
    "source_date": "2026-02-11",
    "licence": "MIT",
}
# The CSV rows left out (column ID): Netherlands Antilles (deprecated), and
# Azores, Canary Islands, Channel Islands, Galapagos and Sark (no alpha-2).
LEFT_OUT_IDS = {"158", "249", "251", "252", "254", "256"}
# A few rows written out by hand, so that a rule shared by mistake between
# the generator and this checker still shows.
PINNED = {
    "AF": {"numeric": "004", "name": "Afghanistan", "m49_region": "142",
           "m49_subregion": "034", "independent": True},
    "CI": {"name": "Côte d'Ivoire", "name_es": "Côte d\u2019Ivoire",
           "formal_name": "the Republic of Côte d'Ivoire", "m49_intermediate": "011"},
    "XK": {"iso3": "XKX", "numeric": None, "code_status": "user-assigned",
           "name": "Kosovo", "name_source": "Preferred Term", "name_fr": None},
    "AQ": {"numeric": "010", "m49_region": None, "name_source": "M49 English"},
    "MO": {"name": "China, Macao Special Administrative Region",
           "name_source": "M49 English", "formal_name": None},
    "TW": {"name": "Taiwan (Province of China)", "name_source": "Preferred Term",
           "name_es": None},
    "GG": {"m49_intermediate": "830", "m49_intermediate_name": "Channel Islands"},
    "KP": {"name": "Democratic People's Republic of Korea", "independent": True},
    "US": {"numeric": "840", "name": "United States of America"},
}

ROW_REQUIRED = {"iso2", "iso3", "code_status", "name", "name_source", "independent"}
ROW_OPTIONAL = {
    "numeric", "formal_name", "name_fr", "name_fr_source", "name_es", "name_es_source",
    "m49_region", "m49_region_name", "m49_subregion", "m49_subregion_name",
    "m49_intermediate", "m49_intermediate_name",
}
UNTERM = {"English Short", "French Short", "Spanish Short", "English Formal"}
NAME_COLUMNS = {
    "name": ["English Short", "M49 English", "Preferred Term"],
    "name_fr": ["French Short", "M49 French"],
    "name_es": ["Spanish Short", "M49 Spanish"],
}
REGION_COLUMNS = {
    "m49_region": ("Region Code", "Region Name"),
    "m49_subregion": ("Sub-region Code", "Sub-region Name"),
    "m49_intermediate": ("Intermediate Region Code", "Intermediate Region Name"),
}


class Checker:
    def __init__(self) -> None:
        self.n = 0
        self.failures: list[str] = []

    def check(self, cond: bool, msg: str) -> bool:
        self.n += 1
        if not cond:
            self.failures.append(msg)
        return cond


def regenerate(ck, generator: str, csv_path: str, world_path: str) -> None:
    """(a) The committed file is exactly what the generator writes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "world.toml")
        run = subprocess.run([sys.executable, generator, csv_path, "-o", out],
                             capture_output=True, text=True)
        if not ck(run.returncode == 0,
                  f"{generator} exited {run.returncode}: {run.stderr.strip()}"):
            return
        with open(out, "rb") as f:
            fresh = f.read()
    with open(world_path, "rb") as f:
        committed = f.read()
    shown = "" if fresh == committed else "\n".join(list(difflib.unified_diff(
        committed.decode("utf-8", "replace").splitlines(),
        fresh.decode("utf-8", "replace").splitlines(),
        world_path, "regenerated", lineterm="", n=1))[:20])
    ck(fresh == committed, f"{world_path} is not what {os.path.basename(generator)} writes "
                           f"from {csv_path}; run it again and commit the result:\n{shown}")


def expected_name(r: dict, field: str) -> tuple[str, str] | None:
    """(value, column): the first column with a value, a UNTERM column only
    on a row in the UNTERM list."""
    in_unterm = r["Appears in UNTERM list"] == "Y"
    for col in NAME_COLUMNS[field]:
        if r[col] != "" and (in_unterm or col not in UNTERM):
            return r[col], col
    return None


def three_digits(ck, label: str, value, csv_value: str) -> None:
    ck(isinstance(value, str) and re.fullmatch(r"[0-9]{3}", value) is not None,
       f"{label} {value!r} is not three digits")
    ck(isinstance(value, str) and value.isdigit() and int(value) == int(csv_value),
       f"{label} {value!r} != the CSV's {csv_value!r}")


def against_csv(ck, data: dict, csv_rows: list[dict], csv_sha: str) -> None:
    """(b) The parsed table against the CSV."""
    ck(set(data) == {"meta", "world"}, f"top-level keys {sorted(data)} != ['meta', 'world']")
    meta = data.get("meta", {})
    ck(meta == {**SOURCE, "source_sha256": csv_sha},
       f"[meta] {meta} != the source {SOURCE} with source_sha256 {csv_sha}")
    world = data.get("world", [])
    ck(isinstance(world, list) and len(world) == N_ROWS, f"{len(world)} [[world]] rows, expected {N_ROWS}")

    iso2s = [w.get("iso2") for w in world]
    ck(iso2s == sorted(iso2s, key=str), "rows must be sorted by iso2")
    for k in ("iso2", "iso3", "numeric"):
        dup = [v for v, n in Counter(w[k] for w in world if k in w).items() if n > 1]
        ck(not dup, f"duplicate {k}: {dup}")
    status = Counter(w.get("code_status") for w in world)
    ck(dict(status) == {"iso": N_ISO, "user-assigned": 1},
       f"code_status counts {dict(status)} != {{'iso': {N_ISO}, 'user-assigned': 1}}")

    by_code: dict[str, dict] = {}
    left_out = set()
    for r in csv_rows:
        code = r["ISO 3166-1 Alpha 2-Codes"] or (r["x Alpha2 codes"] if r["Deprecated"] == "N" else "")
        if code:
            ck(code not in by_code, f"the CSV has two rows for {code}")
            by_code[code] = r
        else:
            left_out.add(r["ID"])
    ck(left_out == LEFT_OUT_IDS, f"CSV rows left out (ID) {sorted(left_out)} != {sorted(LEFT_OUT_IDS)}")
    ck(set(iso2s) == set(by_code),
       f"rows differ from the CSV's: missing {sorted(set(by_code) - set(iso2s))}, "
       f"extra {sorted(set(iso2s) - set(by_code), key=str)}")

    for w in world:
        code = w.get("iso2")
        keys = set(w)
        unknown = keys - ROW_REQUIRED - ROW_OPTIONAL
        ck(not unknown, f"{code}: unknown keys {sorted(unknown)}")
        ck(not (ROW_REQUIRED - keys), f"{code}: missing keys {sorted(ROW_REQUIRED - keys)}")
        for k, v in w.items():
            if k == "independent":
                ck(isinstance(v, bool), f"{code}: independent must be a boolean")
            else:
                ck(isinstance(v, str) and v != "" and v.strip() == v,
                   f"{code}.{k} must be a non-empty trimmed string (omit it instead)")
        r = by_code.get(code)
        if r is None:
            continue
        iso = r["ISO 3166-1 Alpha 2-Codes"] != ""
        ck(w.get("code_status") == ("iso" if iso else "user-assigned"),
           f"{code}: code_status {w.get('code_status')!r}")
        ck(w.get("iso3") == (r["ISO 3166-1 Alpha 3-Codes"] if iso else r["x Alpha3 codes"]),
           f"{code}: iso3 {w.get('iso3')!r} != the CSV's")
        if r["m49 numerical code"]:
            three_digits(ck, f"{code}: numeric", w.get("numeric"), r["m49 numerical code"])
        else:
            ck("numeric" not in w, f"{code}: numeric {w.get('numeric')!r}, but the CSV has none")
        for field in NAME_COLUMNS:
            want = expected_name(r, field)
            got = (w[field], w.get(field + "_source")) if field in w else None
            ck(got == want, f"{code}: {field}/{field}_source {got} != {want} from the CSV")
            if field in w:
                ck(r.get(w.get(field + "_source"), None) == w[field],
                   f"{code}: {field} {w[field]!r} is not in the column {w.get(field + '_source')!r}")
            else:
                ck(field + "_source" not in w, f"{code}: {field}_source without {field}")
        formal = r["English Formal"] if r["Appears in UNTERM list"] == "Y" else ""
        ck(w.get("formal_name", "") == formal, f"{code}: formal_name {w.get('formal_name')!r} != {formal!r}")
        for field, (code_col, name_col) in REGION_COLUMNS.items():
            if r[code_col]:
                three_digits(ck, f"{code}: {field}", w.get(field), r[code_col])
                ck(w.get(field + "_name") == r[name_col],
                   f"{code}: {field}_name {w.get(field + '_name')!r} != {r[name_col]!r}")
            else:
                ck(field not in w and field + "_name" not in w, f"{code}: {field}, but the CSV has none")
        ck(r["Independent"] in ("Y", "N") and w.get("independent") is (r["Independent"] == "Y"),
           f"{code}: independent {w.get('independent')!r} != the CSV's {r['Independent']!r}")

    rows = {w.get("iso2"): w for w in world}
    for code, want in PINNED.items():
        w = rows.get(code, {})
        for k, v in want.items():
            ck(w.get(k) == v, f"{code}: {k} is {w.get(k)!r}, pinned {v!r}")


def against_iso_codes(ck, world: list[dict], path: str) -> None:
    """(c) The ISO rows are exactly iso-codes' ISO 3166-1, codes for codes."""
    with open(path, encoding="utf-8") as f:
        records = json.load(f)["3166-1"]
    by2 = {r["alpha_2"]: r for r in records}
    iso = [w for w in world if w.get("code_status") == "iso"]
    for w in iso:
        r = by2.get(w.get("iso2"), {})
        theirs = (r.get("alpha_2"), r.get("alpha_3"), r.get("numeric"))
        ck(theirs == (w.get("iso2"), w.get("iso3"), w.get("numeric")),
           f"{w.get('iso2')}: {w.get('iso2')}/{w.get('iso3')}/{w.get('numeric')} != iso-codes "
           f"{r.get('alpha_2')}/{r.get('alpha_3')}/{r.get('numeric')}")
    missing = sorted(set(by2) - {w.get("iso2") for w in iso})
    ck(not missing, f"iso-codes entries missing from the world table: {missing}")
    for w in world:
        if w.get("code_status") == "user-assigned":
            ck(w.get("iso2") not in by2 and all(r["alpha_3"] != w.get("iso3") for r in records),
               f"{w.get('iso2')}: user-assigned codes must not be ISO 3166-1 codes")


def against_directory(ck, world: list[dict], iom: dict) -> None:
    """(d) Each directory country, territory and host has its world row's codes."""
    rows = {w.get("iso2"): w for w in world}
    places = 0
    for e in iom.get("entries", []):
        eid = e.get("id")
        if e.get("kind") == "office":
            ck(not ({"iso2", "iso3", "numeric"} & set(e)), f"directory {eid}: an office has codes")
            continue
        places += 1
        w = rows.get(e.get("iso2"))
        if not ck(w is not None, f"directory {eid}: iso2 {e.get('iso2')!r} has no world row"):
            continue
        for k in ("iso3", "numeric", "code_status"):
            ck(e.get(k) == w.get(k), f"directory {eid}: {k} {e.get(k)!r} != world {w.get(k)!r}")
    ck(places == 176, f"{places} directory countries and territories, expected 176")
    for h in iom.get("hosts", []):
        w = rows.get(h.get("iso2"), {})
        ck(all(h.get(k) == w.get(k) for k in ("iso2", "iso3", "numeric")),
           f"host {h.get('iso2')}: codes != world row's")


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print(f"usage: {argv[0]} GENERATOR CSV WORLD_TOML IOM_TOML", file=sys.stderr)
        return 2
    generator, csv_path, world_path, iom_path = argv[1:]
    try:
        with open(csv_path, "rb") as f:
            csv_bytes = f.read()
        csv_rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8"), newline="")))
        with open(world_path, "rb") as f:
            world_bytes = f.read()
        with open(iom_path, "rb") as f:
            iom_bytes = f.read()
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        print(f"FAIL: cannot read the inputs: {e}", file=sys.stderr)
        return 2

    c = Checker()
    regenerate(c.check, generator, csv_path, world_path)
    skipped = []
    if tomllib is None:
        skipped.append("TOML checks (no tomllib: Python 3.11+ or tomli needed)")
    else:
        try:
            data = tomllib.loads(world_bytes.decode("utf-8"))
            iom = tomllib.loads(iom_bytes.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            print(f"FAIL: cannot parse {world_path} or {iom_path}: {e}", file=sys.stderr)
            return 1
        against_csv(c.check, data, csv_rows, hashlib.sha256(csv_bytes).hexdigest())
        world = data.get("world", [])
        iso_path = os.environ.get("ISO_3166_JSON", ISO_DEFAULT)
        if os.path.exists(iso_path):
            against_iso_codes(c.check, world, iso_path)
        else:
            skipped.append(f"iso-codes ({iso_path} not found)")
        against_directory(c.check, world, iom)

    for msg in c.failures:
        print("FAIL: " + msg, file=sys.stderr)
    if c.failures:
        print(f"{len(c.failures)} of {c.n} checks failed", file=sys.stderr)
        return 1
    if skipped:
        print(f"SKIP {'; '.join(skipped)}; other {c.n} checks ok")
        return 77
    print(f"ok: {c.n} checks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
