#!/usr/bin/env python3
"""iom under a pseudo-terminal (util-linux `script`): the table format is the
default, headers are bold, unsourced provenance is dim, wide tables are
truncated with an ellipsis, regions and stats draw bars, NO_COLOR and
TERM=dumb turn colour off, and control characters never reach the terminal.

usage: test_tty.py IOM SOURCE_DIR
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata

iom, src = sys.argv[1], sys.argv[2]
if not shutil.which("script"):
    print("script(1) not installed")
    sys.exit(77)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def tty(args, columns=100, env=None):
    """Runs iom on a pty of the given width; returns the output as text."""
    command = f"stty cols {columns} rows 50; {shlex.quote(iom)} {args}"
    full_env = {"PATH": os.environ["PATH"], "LC_ALL": "C.UTF-8", "TERM": "xterm"}
    full_env.update(env or {})
    result = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True,
                            env=full_env, timeout=60)
    return result.stdout.decode("utf-8", "replace").replace("\r\n", "\n"), result.returncode


def width(line):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in line)


out, status = tty("countries -r wca -F name,iso3,type_basis")
check(status == 0, f"countries exit {status}")
check("\x1b[1m" in out, "header is not bold on a terminal")
check("\x1b[2m" in out, "default provenance is not dimmed")
check("\t" not in out, "table expected on a terminal, got tabs")
plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
lines = plain.splitlines()
check(lines[0].split() == ["NAME", "ISO3", "TYPE", "BASIS"], f"header: {lines[0]!r}")
# Côte d'Ivoire is aligned by display width like every other row.
positions = {line.find("CIV") if "CIV" in line else line.find("BEN") for line in lines[1:] if "CIV" in line or "BEN" in line}
check(len(positions) == 1, f"columns not aligned: {positions}")

# A table wider than the screen is truncated with an ellipsis.
out, _ = tty("countries -F name,region_source", columns=60)
lines = [l for l in out.splitlines() if l]
check(all(width(l) <= 60 for l in lines), f"line wider than 60: {max(map(width, lines))}")
check(any("…" in l for l in lines), "no ellipsis in a truncated table")
# ...but never in a pipe.
piped = subprocess.run([iom, "countries", "-F", "name,region_source", "-f", "table"],
                       capture_output=True, env={"COLUMNS": "60", "PATH": os.environ["PATH"]}).stdout.decode()
check("…" not in piped and max(map(width, piped.splitlines())) > 60, "pipe output was truncated")
check("\x1b" not in piped, "colour in a pipe")

# Bars.
out, _ = tty("regions")
check("█" in out, "regions draws no bars on a terminal")
out, _ = tty("stats")
check("█" in out and "172" in out and "176" in out, "stats lacks bars or claims")
piped = subprocess.run([iom, "regions", "-f", "table"], capture_output=True).stdout.decode()
check("█" not in piped, "bars in a pipe")

# NO_COLOR and TERM=dumb turn colour off; --color always forces it back on.
out, _ = tty("countries -n 2", env={"NO_COLOR": "1"})
check("\x1b[" not in out, "colour despite NO_COLOR")
out, _ = tty("countries -n 2", env={"TERM": "dumb"})
check("\x1b[" not in out, "colour despite TERM=dumb")
out, _ = tty("countries -n 2 --color always", env={"NO_COLOR": "1"})
check("\x1b[1m" in out, "--color always did not colour")
out, _ = tty("countries -n 2 --color never")
check("\x1b[" not in out, "colour despite --color never")

# show prints cards on a terminal.
out, status = tty("show kenya")
check(status == 0 and "Kenya" in out and "sources" in out and "🇰🇪" in out, "show card")

# Control characters from data or queries never reach the terminal raw.
with tempfile.TemporaryDirectory() as tmp:
    text = open(f"{src}/data/iom.toml", encoding="utf-8").read()
    start = text.index('id = "kenya"')
    at = text.index('note = "', start) + len('note = "')
    text = text[:at] + "evil \\u001b]0;pwned\\u0007 \\u001b[2J \\u009b31m end " + text[at:]
    path = os.path.join(tmp, "evil.toml")
    open(path, "w", encoding="utf-8").write(text)
    for args in (f"--data {path} show kenya", f"--data {path} countries -F name,note -m kenya",
                 f"--data {path} offices -F note -m kenya -f tsv", f"--data {path} offices -F note -m kenya -f md",
                 f"--data {path} convert --to note kenya", f"--data {path} convert --to note -f csv kenya"):
        out, status = tty(args)
        raw = re.sub(r"\x1b\[[0-9;]*m", "", out)  # our own colour codes only
        check(status == 0, f"{args}: exit {status}")
        check("\x1b" not in raw and "\x07" not in raw and "\u009b" not in raw,
              f"{args}: raw control character reached the terminal: {raw!r}")
        check("\\x1b" in raw, f"{args}: escape not shown as \\x1b")
out, status = tty("show $(printf 'a\\033[31mb')")
check("\x1b[31m" not in out and "\\x1b" in out, f"query echoed raw: {out!r}")
for fmt in ("tsv", "csv"):
    out, status = tty(f"convert --to iso3 --keep -f {fmt} kenya $(printf 'a\\033[31mb') 2>/dev/null")
    check(status == 1 and "\x1b[31m" not in out and "\\x1b" in out, f"convert -f {fmt} echoed raw: {out!r}")

for failure in failures:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
