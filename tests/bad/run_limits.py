#!/usr/bin/env python3
"""The largest dataset the indices hold: as many regions and office types as
RegionIndex and TypeIndex address (src/model.hpp), made by grow.py. It must
validate, and then every command that reads regions or types must work on
it: `iom validate` succeeding means every command works. One more region or
type is refused (see run_bad.py).

usage: run_limits.py IOM
"""
import json
import subprocess
import sys
import tempfile

import grow

iom = sys.argv[1]
k_max_regions, k_max_types = 255, 256
failures = []

commands = [
    ["validate"],
    ["offices"],
    ["offices", "-f", "json"],
    ["countries", "-f", "csv"],
    ["regions"],
    ["regions", "-f", "json"],
    ["types"],
    ["stats"],
    ["stats", "-f", "csv"],
    ["show", "last"],
    ["search", "lastland"],
    ["countries", "-r", f"r{k_max_regions - 1}", "-t", f"t{k_max_types - 1}"],
]

with tempfile.TemporaryDirectory() as tmp:
    path = f"{tmp}/max.toml"
    with open(path, "w", encoding="utf-8") as f:
        f.write(grow.dataset(k_max_regions, k_max_types))
    outputs = {}
    for args in commands:
        full = [iom, "--data", path, *args]
        if args == ["validate"]:
            full = [iom, "validate", path]
        result = subprocess.run(full, capture_output=True, timeout=60)
        name = " ".join(args)
        outputs[name] = result.stdout.decode()
        if result.returncode != 0 or result.stderr:
            failures.append(f"{name}: exit {result.returncode}, stderr "
                            f"{result.stderr[:200]!r}")

last_region, last_type = f"r{k_max_regions - 1}", f"t{k_max_types - 1}"
checks = [
    ("offices lists Lastland in the last region and type",
     any(line.split("\t")[:4] == ["Lastland", "country", last_region, last_type]
         for line in outputs["offices"].splitlines())),
    ("regions has every region",
     len(json.loads(outputs["regions -f json"] or "[]")) == k_max_regions),
    ("the last region counts Lastland",
     any(r.get("code") == last_region and str(r.get("countries")) == "1"
         for r in json.loads(outputs["regions -f json"] or "[]"))),
    ("types shows the last type", last_type in outputs["types"]),
    ("stats has a row for the last region", last_region in outputs["stats"]),
    ("stats has a column for the last type",
     last_type in outputs["stats -f csv"].splitlines()[0]
     if outputs["stats -f csv"] else False),
    ("the filters reach the last region and type",
     "XL" in outputs[f"countries -r {last_region} -t {last_type}"]),
    ("show reaches the last region", last_region in outputs["show last"]),
]
for what, ok in checks:
    if not ok:
        failures.append(what)

for failure in failures:
    print("FAIL:", failure)
print(f"{len(commands)} commands, {len(checks)} checks, {len(failures)} failures")
sys.exit(1 if failures else 0)
