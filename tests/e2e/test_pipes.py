#!/usr/bin/env python3
"""Closed pipes end quietly; write errors are reported; convert keeps its
line count over 10,000 lines of mixed and garbage input, and gives each line
the same result whatever lines came before it, and its summary counts the
lines of a listed miss past the cap on distinct misses.

usage: test_pipes.py IOM SOURCE_DIR
"""
import random
import subprocess
import sys
import tomllib

iom, src = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def sh(command):
    return subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                          timeout=60, env={"IOM": iom, "PATH": "/usr/bin:/bin"})


# A reader that goes away ends iom quietly: no message, exit 0, no hang.
result = sh('"$IOM" offices -f tsv | head -1')
check(result.returncode == 0 and result.stderr == b"", f"head -1: {result.returncode} {result.stderr!r}")
check(result.stdout == b"name\tkind\tregion\ttype\tcity\thost\n", f"head -1 stdout {result.stdout!r}")
result = sh('yes kenya | head -100000 | "$IOM" convert --to iso3 | head -1; echo "iom exit ${PIPESTATUS[2]}"')
check(result.stderr == b"" and result.stdout == b"KEN\niom exit 0\n",
      f"convert | head -1: {result.returncode} {result.stderr!r} {result.stdout!r}")

# A failed write is an error, exit 2, with the system's reason.
for args in (["countries"], ["countries", "-f", "json"], ["convert", "--to", "iso3", "kenya"], ["show", "kenya"]):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([iom, *args], stdout=full, stderr=subprocess.PIPE, timeout=60)
    check(result.returncode == 2, f"{args} > /dev/full: exit {result.returncode}")
    check(result.stderr == b"iom: write error: No space left on device\n", f"{args} > /dev/full: {result.stderr!r}")

# convert: 10,000 lines of names, codes, aliases, blanks, CRLF and garbage
# in, exactly 10,000 lines out, each in its place; --verbose tells each miss.
with open(f"{src}/data/iom.toml", "rb") as f:
    entries = tomllib.load(f)["entries"]
rng = random.Random(7)
lines, expect = [], []
for _ in range(10_000):
    e = rng.choice(entries)
    roll = rng.random()
    if roll < 0.05:
        lines.append(b""); expect.append("")
    elif roll < 0.10:
        garbage = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20)))
        lines.append(garbage.decode("utf-8", "replace").encode().replace(b"\n", b"")); expect.append(None)
    elif roll < 0.15:
        lines.append(b"zz " + e["name"].encode() + b" zz"); expect.append("warn")
    elif "iso3" in e and roll < 0.4:
        lines.append(e["iso3"].lower().encode()); expect.append(e["iso3"])
    elif "iso3" in e and roll < 0.6:
        lines.append(e["name"].upper().encode() + b"\r"); expect.append(e["iso3"])
    elif "iso3" in e:
        lines.append(e["short_name"].encode()); expect.append(e["iso3"])
    else:
        lines.append(e["name"].encode()); expect.append("")
data = b"\n".join(lines)  # and no final newline
result = subprocess.run([iom, "convert", "--to", "iso3", "--verbose"], input=data, capture_output=True, timeout=120)
out = result.stdout.decode("utf-8").split("\n")
check(out[-1] == "", "output does not end with a newline")
out = out[:-1]
check(len(out) == len(lines), f"convert: {len(lines)} lines in, {len(out)} out")
for number, (got, want) in enumerate(zip(out, expect), 1):
    if want is not None and got != ("" if want == "warn" else want):
        failures.append(f"line {number}: {lines[number - 1]!r} gave {got!r}, expected {want!r}")
        break
check(result.returncode == 1, f"convert with misses: exit {result.returncode}")
warned = {int(l.split(b":")[1].split()[1]) for l in result.stderr.splitlines() if l.startswith(b"iom: line ")}
must_warn = {n for n, want in enumerate(expect, 1) if want == "warn"}
must_not = {n for n, want in enumerate(expect, 1) if want not in (None, "warn")}
check(must_warn <= warned, f"no warning for lines {sorted(must_warn - warned)[:5]}")
check(not (must_not & warned), f"warnings for good lines {sorted(must_not & warned)[:5]}")

# Input that is not UTF-8 stops convert at its line: the lines before it are
# converted and written, the error names the line and column, the exit is 2.
result = subprocess.run([iom, "convert", "--to", "iso3"], input=b"Kenya\n" * 70000 + b"Chad\n\xff\nMali\n",
                        capture_output=True, timeout=60)
check(result.returncode == 2, f"invalid UTF-8: exit {result.returncode}")
check(result.stdout == b"KEN\n" * 70000 + b"TCD\n", f"invalid UTF-8: {len(result.stdout.splitlines())} lines out")
check(result.stderr.startswith(b"iom: stdin:70002:1: not valid UTF-8 (byte 0xFF)"), f"invalid UTF-8: {result.stderr[:200]!r}")

# convert remembers recent lines in a small table whose slots new lines take
# over; what a line gives must not depend on what came before it. 30,000
# lines, most of them distinct (many more than the table holds), give the
# same output line and the same message for each line in either order.
def numbered_messages(stderr):
    by_line = {}
    for message in stderr.decode("utf-8", "replace").splitlines():
        head, _, rest = message.partition(": ")
        if head == "iom" and rest.startswith("line "):
            number, _, text = rest[len("line "):].partition(": ")
            by_line[int(number)] = text
    return by_line


names = [e["name"] for e in entries] + [e["iso3"] for e in entries if "iso3" in e]
many = []
for i in range(30_000):
    roll = rng.random()
    if roll < 0.5:
        many.append(f"{rng.choice(names)}")
    elif roll < 0.8:
        many.append(f"{rng.choice(names)} {i}")  # distinct, and a near miss
    else:
        many.append(f"x{i:05d}q")  # distinct garbage
runs = []
for order in (many, many[::-1]):
    result = subprocess.run([iom, "convert", "--to", "iso3,name", "--keep", "--verbose"],
                            input="\n".join(order).encode(), capture_output=True, timeout=300)
    runs.append((result.stdout.decode().split("\n")[:-1], numbered_messages(result.stderr)))
(forward, forward_messages), (backward, backward_messages) = runs
check(len(forward) == len(many) and len(backward) == len(many),
      f"convert order test: {len(many)} lines in, {len(forward)} and {len(backward)} out")
n = len(many)
for i in range(min(len(forward), len(backward))):
    if forward[i] != backward[n - 1 - i] or \
            forward_messages.get(i + 1) != backward_messages.get(n - i):
        failures.append(f"line {i + 1} {many[i]!r}: {forward[i]!r} / "
                        f"{forward_messages.get(i + 1)!r} forwards, {backward[n - 1 - i]!r} / "
                        f"{backward_messages.get(n - i)!r} backwards")
        break
check(len(forward_messages) > 10_000, f"only {len(forward_messages)} messages")

# The summary counts every line of a listed miss, and caps the count of
# distinct ones, past the point where a miss that is not listed is only
# counted (Tally::count_unlisted): 20 misses listed first, then 70,000
# distinct ones, with the 20 coming back among them once before the cap
# (65,536 distinct) and k + 1 times after it.
listed = [f"zz{k}q" for k in range(20)]
lines = list(listed)
for i in range(70_000):
    lines.append(f"x{i:05d}q")
    if i % 1000 == 999 and i // 1000 < 20:
        lines.append(listed[i // 1000])
    if i >= 66_000 and i % 200 == 199 and (i - 66_000) // 200 < 20:
        k = (i - 66_000) // 200
        lines.extend([listed[k]] * (k + 1))
result = subprocess.run([iom, "convert", "--to", "iso3"], input="\n".join(lines).encode(),
                        capture_output=True, timeout=300)
summary = result.stderr.decode().splitlines()
check(result.returncode == 1 and summary[0] == f"iom: {len(lines)} lines: 0 matched, "
      f"{len(lines)} unmatched, 0 blank", f"summary: {summary[:1]}")
for k in range(20):
    check(len(summary) > k + 1 and summary[k + 1].startswith(f"iom: line {k + 1} ({k + 3} lines): ")
          and f"'{listed[k]}'" in summary[k + 1], f"listed miss {k}: {summary[k + 1:k + 2]}")
check(summary[-1] == "iom: and more than 65516 more distinct unmatched values "
      "(--verbose tells every line)", f"summary end: {summary[-1:]}")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
