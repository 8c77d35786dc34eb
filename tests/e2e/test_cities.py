#!/usr/bin/env python3
"""A city is no name: several entries may share one, and a guess from it
names one of them. For every city of the directory (`iom offices -F city`),
as written, lowercased and uppercased:
  - `convert --fuzzy --to id` answers exactly what `convert --to id`
    answers (the entry that the text names exactly, or nothing): it never
    guesses from a city ("Nairobi" was guessed as the East and Horn of
    Africa regional office, whose alias is "RO Nairobi");
  - where nothing names it exactly, the summary says it is a city, and
    `show` refuses it with exit 1, saying so too.

usage: test_cities.py IOM SOURCE_DIR
"""
import json
import subprocess
import sys

from consumer_lib import check, failures, iom, run

offices = json.loads(run("offices", "-f", "json", "-F", "id,city"))
cities = sorted({o["city"] for o in offices if o["city"]})
check(len(cities) >= 20, f"only {len(cities)} cities in the directory")
queries = [q for c in cities for q in (c, c.lower(), c.upper())]
stdin = "".join(q + "\n" for q in queries).encode()


def convert(*options):
    result = subprocess.run([iom, "convert", "--to", "id", *options],
                            input=stdin, capture_output=True, check=False)
    lines = result.stdout.decode().split("\n")
    check(len(lines) == len(queries) + 1 and lines[-1] == "",
          f"convert {options}: {len(lines) - 1} lines for {len(queries)}")
    return lines[:-1], result.stderr.decode()


exact, _ = convert()
fuzzy, summary = convert("--fuzzy", "--verbose")
city_note = "it is a city, not a name"
for i, query in enumerate(queries):
    if i >= len(exact) or i >= len(fuzzy):
        break
    check(fuzzy[i] == exact[i],
          f"WRONG: convert --fuzzy answered {query!r} with {fuzzy[i]!r}, "
          f"where convert answers {exact[i]!r}")
    if exact[i]:
        continue
    check(f"line {i + 1}: no entry matches '{query}'; {city_note}" in summary,
          f"convert --fuzzy --verbose: no city message for line {i + 1} "
          f"{query!r}")
    shown = subprocess.run([iom, "show", query, "-f", "json"],
                           capture_output=True, check=False)
    check(shown.returncode == 1 and city_note in shown.stderr.decode(),
          f"show {query!r}: exit {shown.returncode}, "
          f"stderr {shown.stderr.decode()!r}")

print(f"{len(cities)} cities, {len(queries)} queries checked")
for failure in failures[:50]:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
