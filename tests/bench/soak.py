#!/usr/bin/env python3
"""Soak test: the whole golden suite (tests/e2e/cases/*) many times over, from
several processes at once on at most 2 CPUs, every stdout, stderr and exit
status byte-identical to its golden copy. Nothing in iom may depend on
timing, on scheduling or on state shared between runs. Not part of CI.

usage: soak.py IOM [--rounds 1000] [--workers 4] [--cpus 2] [--max-seconds S]

Each worker process runs its share of the rounds, each round every case once
in its own shuffled order, so that cases overlap differently every time.
Prints the runs, the failures (the first few with their diff), the wall and
CPU time and the runs a second; exits 1 if any run differed. With
--max-seconds, each worker stops after the round that ends past it, and the
report says how many rounds ran.
"""
import argparse
import multiprocessing
import os
import pathlib
import random
import resource
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
import run_case  # noqa: E402  (tests/e2e/run_case.py: how a case is run)

CASES = HERE.parent / "e2e" / "cases"


def golden(case):
    return ((case / "stdout").read_bytes(), (case / "stderr").read_bytes(),
            int((case / "status").read_text()))


def worker(args):
    iom, cases, rounds, seed, deadline = args
    rng = random.Random(seed)
    expected = {case: golden(case) for case in cases}
    runs, failures = 0, []
    for round_number in range(rounds):
        if deadline and time.monotonic() > deadline:
            break
        order = list(cases)
        rng.shuffle(order)
        for case in order:
            actual = run_case.run(iom, case)
            runs += 1
            if actual != expected[case]:
                what = [name for name, a, e in
                        zip(("stdout", "stderr", "status"), actual,
                            expected[case]) if a != e]
                failures.append((case.name, round_number, what, actual[:2]))
    return runs, failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("iom")
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=0)
    args = parser.parse_args()
    iom = str(pathlib.Path(args.iom).resolve())
    cpus = sorted(os.sched_getaffinity(0))[:args.cpus]
    os.sched_setaffinity(0, cpus)  # inherited by the workers and by iom
    cases = sorted(p for p in CASES.iterdir() if (p / "args").exists())
    shares = [args.rounds // args.workers +
              (1 if i < args.rounds % args.workers else 0)
              for i in range(args.workers)]
    print(f"soak: {len(cases)} cases x {args.rounds} rounds = "
          f"{len(cases) * args.rounds} runs, {args.workers} processes on "
          f"CPUs {cpus}", flush=True)
    start = time.monotonic()
    deadline = start + args.max_seconds if args.max_seconds else 0
    with multiprocessing.Pool(args.workers) as pool:
        results = pool.map(worker, [(iom, cases, share, seed, deadline)
                                    for seed, share in enumerate(shares)])
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    runs = sum(r for r, _ in results)
    failures = [f for _, fs in results for f in fs]
    print(f"runs: {runs} ({runs / len(cases):.0f} rounds); differing: "
          f"{len(failures)}")
    print(f"wall {wall:.1f} s, CPU {usage.ru_utime + usage.ru_stime:.1f} s "
          f"(user {usage.ru_utime:.1f}, system {usage.ru_stime:.1f}), "
          f"{runs / wall:.0f} runs/s")
    for name, round_number, what, (stdout, stderr) in failures[:10]:
        print(f"  {name} (round {round_number}): {', '.join(what)} differ")
        print("    stdout: " + stdout[:200].decode("utf-8", "replace"))
        print("    stderr: " + stderr[:200].decode("utf-8", "replace"))
    by_case = {}
    for name, *_ in failures:
        by_case[name] = by_case.get(name, 0) + 1
    for name, count in sorted(by_case.items()):
        print(f"  {name}: {count} of {args.rounds}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
