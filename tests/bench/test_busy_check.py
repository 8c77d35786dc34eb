#!/usr/bin/env python3
"""The busy-machine check of report.py (busy_check, cpu_use) on made-up
measurements: it must fail when other processes used CPU time, whatever the
spread; count the spread of a baseline of 10 ms or more; leave it out under
10 ms; and fall back on the spread alone without CPU marks. Exit 0 when all
hold, 1 with the failures on stderr."""

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
failures = []


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def step(work, name, times, cpu=None):
    """One round of measurement NAME whose baseline took `times` (seconds);
    with cpu=(wall, own, busy), CPU marks over `wall` seconds in which the
    step's own children used `own` CPU seconds, all CPUs were busy for
    `busy` seconds and the host stole 3 seconds (steal time is not judged)."""
    labels = "true iom" if name == "startup" else "iom mawk"
    (work / f"{name}-1.labels").write_text(labels + "\n")
    result = {"command": "x", "times": times, "exit_codes": [0] * len(times),
              "median": report.median(times)}
    (work / f"{name}-1.json").write_text(json.dumps({"results": [result, result]}))
    path = work / f"{name}.cpu"
    if cpu is None:
        path.unlink(missing_ok=True)
        return
    wall, own, busy = cpu
    user = round(busy * TICK)
    path.write_text(
        "before\tclock\t100.000\n"
        "before\ttimes\t0m1.000000s 0m0.500000s\n"
        "before\tstat\tcpu  1000 0 500 9000 0 0 0 40 0 0\n"
        f"after\tclock\t{100 + wall:.3f}\n"
        f"after\ttimes\t0m{1 + own:.6f}s 0m0.500000s\n"
        f"after\tstat\tcpu  {1000 + user} 0 500 9000 0 0 0 {40 + 3 * TICK} 0 0\n")


def check(work, name):
    return report.busy_check(work, name, report.hyperfine(work, name))[0]


with tempfile.TemporaryDirectory() as tmp:
    work = Path(tmp)
    steady_short = [0.001] * 10
    spread_short = [0.001] * 3 + [0.0017] * 7
    steady_long = [0.100] * 10
    spread_long = [0.100] * 3 + [0.140] * 7

    # (what, measurement, baseline times, CPU marks or None, busy?)
    cases = [
        ("quiet, 1 ms baseline with a spread of 1.7", "startup", spread_short,
         (10.0, 5.0, 5.0), False),
        ("others at 0.8 CPUs, steady 1 ms baseline", "startup", steady_short,
         (10.0, 5.0, 13.0), True),
        ("others at 0.24 CPUs", "startup", steady_short, (10.0, 5.0, 7.4), False),
        ("others at 0.26 CPUs", "startup", steady_short, (10.0, 5.0, 7.6), True),
        ("quiet, 100 ms baseline with a spread of 1.4", "convert", spread_long,
         (10.0, 5.0, 5.0), True),
        ("quiet, steady 100 ms baseline", "convert", steady_long,
         (10.0, 5.0, 5.0), False),
        ("others at 0.9 CPUs, steady 100 ms baseline", "convert", steady_long,
         (10.0, 5.0, 14.0), True),
        ("no CPU marks, 1 ms baseline with a spread of 1.7", "startup",
         spread_short, None, True),
        ("no CPU marks, steady 1 ms baseline", "startup", steady_short, None,
         False),
    ]
    for what, name, times, cpu, want in cases:
        step(work, name, times, cpu)
        expect(what, check(work, name), want)

    step(work, "startup", steady_short, (4.0, 2.0, 3.0))
    use = report.cpu_use(work, "startup")
    expect("others at 1 CPU-second in 4 seconds", round(use["others"], 2), 0.25)
    expect("steal of 3 seconds in 4", round(use["steal"], 2), 0.75)

expect("dash's times", report.children_cpu("1m2.500000s 0m0.250000s"), 62.75)
expect("bash's times", report.children_cpu("0m1.250s 0m0.310s"), 1.56)

for failure in failures:
    print(f"test_busy_check: {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)
