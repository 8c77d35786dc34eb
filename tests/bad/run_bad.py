#!/usr/bin/env python3
"""The catalogue of bad inputs: each dataset in files/ (plus the ones made
here because they cannot be committed: a directory, /dev/null, a FIFO, an
unreadable file (run as nobody under root), 10 MB on one line, nesting 10,000 deep, a file over the
256 MiB bound, more regions or types than their indices hold, from grow.py)
is given to `iom validate FILE` and `iom --data FILE countries`, and must
give exactly the stderr and exit code in expected/.

Expected files: first line the exit code, then stderr exactly, with @FILE@
standing for the path given.

usage: run_bad.py IOM [--update]
"""
import os
import pathlib
import subprocess
import sys
import tempfile

import grow

iom = sys.argv[1]
update = "--update" in sys.argv[2:]
here = pathlib.Path(__file__).resolve().parent
failures = []


def made_cases(tmp):
    """name -> path of the cases that are made at run time."""
    cases = {}
    d = tmp / "a-directory.toml"
    d.mkdir()
    cases["directory"] = d
    cases["dev-null"] = pathlib.Path("/dev/null")
    fifo = tmp / "fifo.toml"
    os.mkfifo(fifo)
    cases["fifo"] = fifo
    long_line = tmp / "long-line.toml"
    long_line.write_bytes(b'x = "' + b"a" * (10 * 1024 * 1024) + b'"\n')
    cases["ten-megabytes-one-line"] = long_line
    nested = tmp / "nested.toml"
    nested.write_bytes(b"x = " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    cases["nested-10000-deep"] = nested
    huge = tmp / "huge.toml"
    with open(huge, "wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: costs no disk
    cases["over-256-mib"] = huge
    # 32,801 regions once passed validate and crashed offices (issue 12).
    for name, regions, types in (("regions-32801", 32_801, 9),
                                 ("regions-256", 256, 9),
                                 ("types-257", 6, 257)):
        path = tmp / f"{name}.toml"
        path.write_text(grow.dataset(regions, types), encoding="utf-8")
        cases[name] = path
    unreadable = tmp / "unreadable.toml"
    unreadable.write_text("[meta]\n")
    unreadable.chmod(0)
    cases["unreadable"] = unreadable
    return cases


def as_user(name):
    # Root reads anything, so the unreadable case runs as nobody.
    if name == "unreadable" and os.geteuid() == 0:
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return []


def check(name, path):
    for mode, args in (("validate", ["validate", str(path)]),
                       ("data", ["--data", str(path), "countries"])):
        result = subprocess.run([*as_user(name), iom, *args], capture_output=True, timeout=60)
        actual = f"{result.returncode}\n".encode() + result.stderr.replace(str(path).encode(), b"@FILE@")
        expected_path = here / "expected" / f"{name}.{mode}"
        if update:
            expected_path.parent.mkdir(exist_ok=True)
            expected_path.write_bytes(actual)
            continue
        if not expected_path.exists():
            failures.append(f"{name} ({mode}): no expectation {expected_path.name}")
        elif expected_path.read_bytes() != actual:
            failures.append(f"{name} ({mode}):\n  expected {expected_path.read_bytes()!r}\n  actual   {actual!r}")
        if result.returncode != 0 and result.stdout:
            failures.append(f"{name} ({mode}): wrote to stdout: {result.stdout[:80]!r}")


with tempfile.TemporaryDirectory() as tmp:
    cases = {p.stem: p for p in sorted((here / "files").iterdir())}
    cases.update(made_cases(pathlib.Path(tmp)))
    for name, path in cases.items():
        check(name, path)

for failure in failures:
    print("FAIL:", failure)
print(f"{len(cases)} cases, {len(failures)} failures")
sys.exit(1 if failures else 0)
