#!/usr/bin/env python3
"""Runs one golden end-to-end case against the real binary.

A case is a directory holding:
  args     one argument per line ("@SRC@" is replaced by the source tree)
  stdin    optional bytes fed to stdin (default: empty)
  env      optional KEY=VALUE lines added to a clean environment
  stdout   the exact expected stdout
  stderr   the exact expected stderr
  status   the expected exit code

usage: run_case.py IOM CASE_DIR [--update]
--update rewrites stdout/stderr/status from the actual run (review the diff).
"""
import difflib
import os
import pathlib
import subprocess
import sys

SRC = pathlib.Path(__file__).resolve().parents[2]


def run(iom, case):
    args = [a.replace("@SRC@", str(SRC))
            for a in (case / "args").read_text(encoding="utf-8").splitlines()]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    if (case / "env").exists():
        for line in (case / "env").read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            env[key] = value.replace("@SRC@", str(SRC))
    stdin = (case / "stdin").read_bytes() if (case / "stdin").exists() else b""
    result = subprocess.run([iom] + args, input=stdin, capture_output=True,
                            env=env, timeout=60)
    # Paths under the source tree are written as @SRC@, as in args.
    src = str(SRC).encode()
    return (result.stdout.replace(src, b"@SRC@"),
            result.stderr.replace(src, b"@SRC@"), result.returncode)


def show_diff(name, expected, actual):
    exp = expected.decode("utf-8", "backslashreplace").splitlines(True)
    act = actual.decode("utf-8", "backslashreplace").splitlines(True)
    sys.stdout.writelines(difflib.unified_diff(exp, act, f"expected {name}",
                                               f"actual {name}"))
    print()


def main():
    iom, case = sys.argv[1], pathlib.Path(sys.argv[2])
    stdout, stderr, status = run(iom, case)
    if "--update" in sys.argv[3:]:
        (case / "stdout").write_bytes(stdout)
        (case / "stderr").write_bytes(stderr)
        (case / "status").write_text(f"{status}\n")
        return 0
    ok = True
    for name, actual in (("stdout", stdout), ("stderr", stderr)):
        expected = (case / name).read_bytes()
        if expected != actual:
            ok = False
            show_diff(name, expected, actual)
    expected_status = int((case / "status").read_text())
    if expected_status != status:
        ok = False
        print(f"exit status: expected {expected_status}, got {status}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
