#!/usr/bin/env python3
"""The results table of tests/bench/run.sh, and BENCHMARKS.md.

usage: report.py WORK --quick | --write BENCHMARKS.md | --noisy NAME

Reads what run.sh left in WORK (hyperfine JSON exports with their labels,
callgrind profiles, RSS readings, key/value files), prints the summary table
to stdout and, with --write, rewrites BENCHMARKS.md.
Exit status: 2 when a step is broken; otherwise, in a full run, 1 when a
target is missed and 0 when all are met; in --quick mode, 0. With --noisy
NAME: prints what the busy-machine check found for the measurement NAME,
and exits 0 when it says that NAME was taken on a busy machine, else 1.
"""

import json
import os
import re
import sys
from pathlib import Path

TARGET_SHOW = 1.2          # iom show kenya / /bin/true, median wall time
TARGET_CSV = 1.5           # iom --lang fr countries -f csv -F all / /bin/true
TARGET_IR = 300_000        # instructions of iom show kenya (issue 17)
TARGET_RSS_KIB = 4 * 1024  # peak RSS of iom show kenya
TARGET_CONVERT = 1.0       # awk time / iom time (>= 1: iom at least as fast)
TARGET_MESSY = 1.5         # the same on the messy mix (issue 17)
TARGET_GARBAGE = 0.5       # the same on distinct misses only (issue 17)
TARGET_MISS_IR = 5_000     # instructions per distinct miss, convert --fuzzy
TARGET_ENRICH = 5.0        # convert --column vs mlr join (issue 15)
TARGET_DATA = 1.3          # iom --data / bare toml++ parse, largest size
# The busy-machine check (busy_check): a step was timed on a busy machine,
# and its ratios are not to be trusted, when other processes used more than
# OTHER_LOAD CPUs on average while it ran, or when its baseline's median is
# more than NOISY times its fastest run. The second test is left out for a
# baseline shorter than SHORT_RUN: on this VM the spread of a 1 ms process is
# the vCPUs' wake-up latency, larger on an idle machine than on a loaded one
# (tests/bench/busy_check.md).
OTHER_LOAD = 0.25
NOISY = 1.25
SHORT_RUN = 0.010


def read_tsv(path):
    """key<TAB>value lines; repeated keys collect into a list."""
    out = {}
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
        key, _, value = line.partition("\t")
        if key in out:
            out[key] = (out[key] if isinstance(out[key], list)
                        else [out[key]]) + [value]
        else:
            out[key] = value
    return out


def median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def hyperfine(work, name):
    """{label: result} pooled over the rounds NAME-1, NAME-2, ... of one
    measurement; labels from NAME-1.labels. Each result has the command, all
    times, their median and min, the exit codes, and the ratio of medians to
    the first label within each round (per_round)."""
    rounds = []
    while (work / f"{name}-{len(rounds) + 1}.json").exists():
        path = work / f"{name}-{len(rounds) + 1}"
        labels = path.with_suffix(".labels").read_text().split()
        results = json.loads(path.with_suffix(".json").read_text())["results"]
        rounds.append(dict(zip(labels, results)))
    if not rounds:
        return {}
    first = next(iter(rounds[0]))
    pooled = {}
    for label, result in rounds[0].items():
        times = [t for r in rounds for t in r[label]["times"]]
        pooled[label] = {
            "command": result["command"], "times": times,
            "median": median(times), "min": min(times),
            "exit_codes": [c for r in rounds for c in r[label]["exit_codes"]],
            "rounds": len(rounds),
            "per_round": sorted(r[label]["median"] / r[first]["median"]
                                for r in rounds)}
    return pooled


def spread_of(result):
    """Median over fastest run: 1.0 when every run took the same time."""
    return result["median"] / result["min"]


def judged(name, r):
    """The result of measurement NAME whose spread the busy-machine check
    looks at: the baseline, or iom where the baseline is a tool that is not
    always the same (convert's awks, enrich's mlr)."""
    if name in ("messy", "garbage"):
        return next(x for label, x in r.items() if label != "iom")
    if name.startswith("data-"):
        return r["toml_parse"]
    return r["true" if name in ("startup", "peers") else "iom"]


def children_cpu(line):
    """User plus system seconds from the children's line of the shell's
    `times` ("0m1.250000s 0m0.310000s" in dash, "0m1.250s 0m0.310s" in bash)."""
    return sum(int(m) * 60 + float(sec)
               for m, sec in re.findall(r"(\d+)m([\d.]+)s", line))


def cpu_use(work, name):
    """What run.sh's CPU marks around measurement NAME (NAME.cpu) say:
    {"others": CPUs that other processes used on average, "steal": CPUs the
    host withheld on average (reported, not judged)}; None without them."""
    path = work / f"{name}.cpu"
    if not path.exists():
        return None
    marks = {}
    for line in path.read_text().splitlines():
        when, _, rest = line.partition("\t")
        kind, _, value = rest.partition("\t")
        marks[when, kind] = value
    try:
        wall = float(marks["after", "clock"]) - float(marks["before", "clock"])
        own = (children_cpu(marks["after", "times"])
               - children_cpu(marks["before", "times"]))
        # cpu user nice system idle iowait irq softirq steal ...
        before = [int(x) for x in marks["before", "stat"].split()[1:]]
        after = [int(x) for x in marks["after", "stat"].split()[1:]]
        tick = os.sysconf("SC_CLK_TCK")
        d = [(a - b) / tick for a, b in zip(after, before)]
        busy = d[0] + d[1] + d[2] + d[5] + d[6]
        steal = d[7]
    except (KeyError, ValueError, IndexError):
        return None
    if wall <= 0:
        return None
    return {"others": (busy - own) / wall, "steal": steal / wall}


def busy_check(work, name, r, label=None):
    """The busy-machine check of measurement NAME: (busy, what it found, as
    clauses naming its baseline `label`), see OTHER_LOAD. Without CPU marks
    (no /proc/stat), the spread decides alone, whatever the baseline's
    length."""
    baseline = judged(name, r)
    cpu = cpu_use(work, name)
    spread = spread_of(baseline)
    spread_counts = cpu is None or baseline["median"] >= SHORT_RUN
    busy = ((cpu is not None and cpu["others"] > OTHER_LOAD)
            or (spread_counts and spread > NOISY))
    found = []
    if cpu is not None:
        # A small negative figure is the tick granularity of /proc/stat.
        found.append(f"other processes used {max(cpu['others'], 0):.2f} CPUs "
                     f"(≤ {OTHER_LOAD}; the host's steal time, "
                     f"{cpu['steal']:.2f} CPUs, is not judged)")
    found.append(f"the median of {label or 'the baseline'} is {spread:.2f}× "
                 "its fastest run "
                 + (f"(≤ {NOISY})" if spread_counts else
                    f"(not judged under {SHORT_RUN * 1000:.0f} ms)"))
    return busy, found


def callgrind_total(work, name):
    path = work / f"callgrind.{name}.out"
    if not path.exists():
        return None
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    return None


def simplify(function):
    function = re.sub(r" \[[^\]]*\]$", "", function)
    function = function.replace("???:", "")
    string = ("std::__cxx11::basic_string<char, std::char_traits<char>, "
              "std::allocator<char> >")
    function = function.replace(string, "std::string")
    function = re.sub(r", std::allocator<std::string ?> ", "", function)
    function = function.replace("std::__cxx11::", "std::")
    return function if len(function) <= 110 else function[:107] + "..."


def callgrind_top(work, name, kind, count=15):
    """[(Ir, percent, function)] from callgrind_annotate's function table."""
    path = work / f"callgrind.{name}.{kind}.txt"
    if not path.exists():
        return []
    rows, table = [], False
    for line in path.read_text(errors="replace").splitlines():
        if re.match(r"^Ir\s+file:function", line):
            table = True
            continue
        if not table:
            continue
        m = re.match(r"^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*)$", line)
        if m and "(below main)" not in m.group(3):
            rows.append((int(m.group(1).replace(",", "")), float(m.group(2)),
                         simplify(m.group(3))))
        if len(rows) == count:
            break
    return rows


def ms(seconds):
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.3f} s"


def cell(text):
    """Text for a markdown table cell."""
    return str(text).replace("|", "\\|")


def num(n):
    return f"{n:,}"


def yes(ok):
    return "yes" if ok else "**no**"


class Report:
    def __init__(self, work):
        self.work = work
        self.meta = read_tsv(work / "meta.tsv")
        self.root = self.meta.get("root", "")
        self.rows = []          # the summary table
        self.missed = []
        self.unjudged = []      # met, but timed on a busy machine
        self.noisy = []         # baselines timed on a busy machine
        self.details = []       # markdown sections
        self.commands = []
        self.broken = [line for line in
                       (work / "broken.txt").read_text().splitlines()
                       if line] if (work / "broken.txt").exists() else []

    def short(self, text):
        """Paths relative to the repository root, the scratch dir as $WORK."""
        work = self.meta.get("work", "")
        if work:
            text = text.replace(work, "$WORK")
        if self.root:
            text = text.replace(self.root + "/", "")
        return text

    def check(self, step, r, label, counts=True, tries=True):
        """(busy, note): the busy-machine check of measurement `step`, whose
        baseline is called `label`, and what it found; with `tries`, how
        many times run.sh measured it (quiet_rounds). A busy step counts in
        self.noisy unless `counts` is false."""
        busy, found = busy_check(self.work, step, r, label)
        tries = self.attempts(step) if tries else ""
        if busy:
            if counts:
                self.noisy.append(label)
            return busy, ("**Busy machine:** " + "; ".join(found) + ". These "
                          "ratios are unreliable; run again on an idle "
                          f"machine.{tries}")
        return busy, ("Busy-machine check passed: " + "; ".join(found)
                      + f".{tries}")

    def attempts(self, step, what="Measured"):
        """' (Measured N times ...)' from run.sh's STEP.attempts (attempts
        made, most allowed, seconds between, retry budget), else ''."""
        path = self.work / f"{step}.attempts"
        if not path.exists():
            return ""
        made, most, pause, budget = path.read_text().split()
        return (f" ({what} {made} time(s) of at most {most}: run.sh "
                f"measures a step again, {pause} s later, while its busy-machine "
                f"check fails, in the run's first {budget} s.)")

    def row(self, measure, result, baseline, ratio, target, met, busy=False):
        """`busy`: the step's busy-machine check failed. A ratio is "met" only in a
        run where it passed (issue 17 point 4); a miss stays a miss."""
        if met and busy:
            shown = "not judged (busy machine)"
            self.unjudged.append(measure)
        else:
            shown = "n/a" if met is None else yes(met)
        self.rows.append((measure, result, baseline, ratio, target, shown))
        if met is False:
            self.missed.append(measure)

    def command(self, result):
        self.commands.append(self.short(result["command"]))

    # 1. start-up -------------------------------------------------------------
    def startup(self):
        r = hyperfine(self.work, "startup")
        if not r:
            return
        labels = ("true", "show", "csv")
        for label in labels:
            self.command(r[label])
        true = r["true"]["median"]
        busy, note = self.check("startup", r, "/bin/true (start-up)")
        for label, text, target in (("show", "`iom show kenya`", TARGET_SHOW),
                                    ("csv",
                                     "`iom --lang fr countries -f csv -F all`",
                                     TARGET_CSV)):
            x = r[label]["median"]
            self.row(f"start-up: {text}", ms(x), f"/bin/true {ms(true)}",
                     f"{x / true:.2f}×", f"≤ {target}×", x / true <= target,
                     busy)
        lines = [f"{r['true']['rounds']} short hyperfine round(s), each timing "
                 "the three commands one after the other, so that all three "
                 "are sampled over the same stretch of time; the ratio is of "
                 "the medians pooled over all rounds. The spread of the "
                 "per-round ratios and the ratio of the fastest runs show how "
                 "noisy the machine was.", "",
                 "| command | median | ratio to /bin/true | per-round ratio "
                 "(min / median / max) | fastest run | ratio of fastest | "
                 "runs |", "|---|---|---|---|---|---|---|"]
        for label in labels:
            x = r[label]
            p = x["per_round"]
            lines.append(
                f"| `{cell(self.short(x['command']))}` | {ms(x['median'])} | "
                f"{x['median'] / true:.2f}× | {p[0]:.2f} / {median(p):.2f} / "
                f"{p[-1]:.2f} | {ms(x['min'])} | "
                f"{x['min'] / r['true']['min']:.2f}× | {len(x['times'])} |")
        lines.append("\n" + note)
        self.details.append(("1. Start-up (hyperfine, `-N`, no shell)",
                             "\n".join(lines)))

    # 2. instructions -----------------------------------------------------------
    def instructions(self):
        show = callgrind_total(self.work, "show")
        true = callgrind_total(self.work, "true")
        csv = callgrind_total(self.work, "csv")
        if show is None:
            return
        self.row("instructions: `iom show kenya`", f"{num(show)} Ir",
                 f"/bin/true {num(true or 0)} Ir",
                 f"{show / true:.1f}×" if true else "?",
                 f"≤ {num(TARGET_IR)} Ir", show <= TARGET_IR)
        text = [f"Total instructions (callgrind `Ir`): `iom show kenya` "
                f"**{num(show)}**, `iom --lang fr countries -f csv -F all` "
                f"{num(csv or 0)}, `/bin/true` {num(true or 0)} (dynamically "
                f"linked, so its count is mostly the dynamic loader)."]
        for kind, title in (("self", "self cost"),
                            ("inclusive", "inclusive cost")):
            top = callgrind_top(self.work, "show", kind)
            if not top:
                continue
            text.append(f"\nTop 15 functions of `iom show kenya` by {title}:\n")
            text.append("| Ir | % | function |\n|---:|---:|---|")
            text += [f"| {num(ir)} | {pct:.1f} | `{cell(fn)}` |"
                     for ir, pct, fn in top]
        self.details.append(("2. Instructions (valgrind --tool=callgrind)",
                             "\n".join(text)))
        self.commands.append("valgrind --tool=callgrind "
                             f"{self.short(self.meta.get('iom', 'iom'))} show kenya"
                             "   (and /bin/true, and --lang fr countries -f csv -F all)")

    # 3. peak RSS -------------------------------------------------------------
    def rss(self):
        rss = read_tsv(self.work / "rss.tsv")
        if "show" not in rss:
            return
        show, true = int(rss["show"]), int(rss.get("true", 0))
        self.row("peak RSS: `iom show kenya`", f"{show / 1024:.2f} MiB",
                 f"/bin/true {true / 1024:.2f} MiB",
                 f"{show / true:.2f}×" if true else "?", "≤ 4 MiB",
                 show <= TARGET_RSS_KIB)
        self.details.append(("3. Peak RSS (`/usr/bin/time -f %M`, largest of 3)",
                             "| command | peak RSS |\n|---|---|\n" + "\n".join(
                                 f"| {label} | {int(k):,} KiB |" for label, k in (
                                     ("/bin/true", rss.get("true", 0)),
                                     ("iom show kenya", show),
                                     ("iom --lang fr countries -f csv -F all",
                                      rss.get("csv", 0))))))
        self.commands.append("/usr/bin/time -f %M "
                             f"{self.short(self.meta.get('iom', 'iom'))} show kenya")

    # 9. enrichment ----------------------------------------------------------------
    def enrich(self):
        c = read_tsv(self.work / "enrich.tsv")
        r = hyperfine(self.work, "enrich")
        if not r or "iom" not in r:
            return
        rows = int(c["rows"])
        iom = r["iom"]["median"]
        self.commands.append(f"python3 tests/bench/gen_enrich_input.py {rows} 15 "
                             "--lookup $WORK/enrich-lookup.csv > $WORK/enrich-input.csv")
        for x in r.values():
            self.command(x)
        busy, note = self.check("enrich", r, "iom convert --column")
        if "mlr" in r:
            t = r["mlr"]["median"]
            self.row(f"enrich: {rows:,}-row CSV, `convert --column` vs `mlr join`",
                     f"{rows / iom:,.0f} rows/s", f"mlr {rows / t:,.0f} rows/s",
                     f"{t / iom:.1f}×", f"≥ {TARGET_ENRICH:.0f}×", t / iom >= TARGET_ENRICH, busy)
        small, big = int(c.get("rss_small", 0)), int(c.get("rss_big", 0))
        big_rows = int(c.get("big_rows", 0))
        self.row(f"enrich: peak RSS at {rows:,} and {big_rows:,} rows",
                 f"{big / 1024:.1f} MiB at {big_rows:,}", f"{small / 1024:.1f} MiB at {rows:,}",
                 f"{big / small:.2f}×" if small else "-", "does not grow (≤ 1.1×)",
                 bool(small) and big <= small * 1.1)
        text = [f"Input: `gen_enrich_input.py {rows} 15`, {rows:,} rows of 5 columns "
                f"({int(c.get('bytes', 0)) / 1e6:.1f} MB): a country column drawn from the "
                "directory's names, short names and aliases with real-world noise (case, "
                "dropped accents, stray spaces, quoted names with commas). mlr's lookup table "
                "has every exact name, short name and alias; `mlr join` matches exact keys only.",
                "", "| program | median | rows/s | runs |", "|---|---|---|---|"]
        for label, x in r.items():
            text.append(f"| {label} | {ms(x['median'])} | {rows / x['median']:,.0f} | "
                        f"{len(x['times'])} |")
        text.append("")
        text.append(note + "\n")
        text.append(f"Checks: iom wrote {int(c.get('out_rows', 0)):,} data rows for {rows:,} "
                    f"and filled {int(c.get('matched', 0)):,}; its stderr had "
                    f"{int(c.get('stderr_lines', 0))} lines (the summary, not one per row)"
                    + (f"; `mlr join` paired {int(c['mlr_matched']):,} rows" if "mlr_matched" in c else "")
                    + f". Peak RSS, streamed: {small:,} KiB at {rows:,} rows, {big:,} KiB at "
                    f"{big_rows:,} rows (the {rows:,} rows {big_rows // rows if rows else 0} times over, "
                    "one header, piped to `iom convert --column country --to iso3,region`).")
        self.details.append(("9. Enrichment: `convert --column`", "\n".join(text)))

    # 4. convert ------------------------------------------------------------------
    def convert(self):
        c = read_tsv(self.work / "convert.tsv")
        r = hyperfine(self.work, "convert")
        if not r or "iom" not in r:
            return
        lines = int(c["lines"])
        iom = r["iom"]["median"]
        self.commands.append(f"python3 tests/bench/gen_convert_input.py {lines} "
                             "42 --map $WORK/convert-map.tsv > "
                             "$WORK/convert-input.txt")
        for x in r.values():
            self.command(x)
        awks = [a for a in r if a != "iom"]
        busy, note = self.check("convert", r, "iom convert")
        for a in awks:
            t = r[a]["median"]
            self.row(f"convert: {lines:,} lines, iom vs {a} hash join",
                     f"{lines / iom:,.0f} lines/s",
                     f"{a} {lines / t:,.0f} lines/s", f"{t / iom:.2f}×",
                     f"≥ {TARGET_CONVERT}×", t / iom >= TARGET_CONVERT, busy)
        absent = c.get("absent", [])
        absent = [absent] if isinstance(absent, str) else absent
        text = [f"Input: {lines:,} lines from `gen_convert_input.py {lines} 42` "
                "(names and short names in varied case, with accents stripped "
                "or added, aliases, ISO alpha-2/alpha-3/numeric codes, ~1% "
                "garbage). The awk map has every exact lowercase name, short "
                "name, alias and code; awk does no other normalisation. "
                f"Default `awk` here is `{c.get('default_awk', '?')}`; measured: "
                f"{', '.join(awks)}"
                + (f"; not installed: {', '.join(absent)}" if absent else "")
                + ".", "",
                "| program | median | lines/s | ratio (awk time / iom time) | "
                "per-round ratios (min–max) | runs |",
                "|---|---|---|---|---|---|"]
        for label, x in r.items():
            ratio = "-" if label == "iom" else f"{x['median'] / iom:.2f}×"
            p = x["per_round"]
            spread = "-" if label == "iom" else f"{p[0]:.2f}–{p[-1]:.2f}"
            text.append(f"| {label} | {ms(x['median'])} | "
                        f"{lines / x['median']:,.0f} | {ratio} | {spread} | "
                        f"{len(x['times'])} |")
        hits_iom, hits_awk = int(c.get("iom_hits", 0)), int(c.get("awk_hits", 0))
        text.append("")
        text.append(note + "\n")
        text.append(
            f"Checks: iom printed {int(c.get('iom_lines', 0)):,} lines for "
            f"{lines:,} input lines "
            f"({'equal' if int(c.get('iom_lines', 0)) == lines else 'NOT EQUAL'}); "
            f"it answered {hits_iom:,} lines ({hits_iom / lines:.1%}) and warned "
            f"about {int(c.get('iom_warnings', 0)):,}; awk answered {hits_awk:,} "
            f"({hits_awk / lines:.1%}); lines where awk answered and iom "
            f"disagreed: {int(c.get('disagreements', 0)):,}.")
        ir_iom = callgrind_total(self.work, "convert_iom")
        ir_awk = callgrind_total(self.work, "convert_awk")
        slice_lines = int(c.get("slice_lines", 0) or 0)
        if ir_iom and ir_awk and slice_lines:
            text.append(
                f"\nInstructions over the first {slice_lines:,} lines "
                f"(callgrind, noise-free): iom {num(ir_iom)} Ir "
                f"({ir_iom / slice_lines:,.0f} per line), {awks[0] if awks else 'awk'} "
                f"{num(ir_awk)} Ir ({ir_awk / slice_lines:,.0f} per line, map "
                f"loading included): ratio {ir_awk / ir_iom:.2f}×.")
            for kind in ("self", "inclusive"):
                top = callgrind_top(self.work, "convert_iom", kind)
                if top:
                    text.append("\nTop 15 functions of `iom convert --to "
                                f"iso3` over that slice, by {kind} cost:\n")
                    text.append("| Ir | % | function |\n|---:|---:|---|")
                    text += [f"| {num(ir)} | {pct:.1f} | `{cell(fn)}` |"
                             for ir, pct, fn in top]
        self.details.append(("4. `convert` throughput", "\n".join(text)))

    # 5. messy input ----------------------------------------------------------------
    def messy(self):
        m = read_tsv(self.work / "messy.tsv")
        if not m:
            return
        lines = int(m["lines"])
        text = [f"Inputs from `gen_messy_input.py`: the messy mix is "
                f"`gen_messy_input.py {lines} 42` ({lines:,} lines: 70% "
                "directory and world names in English, French and Spanish, "
                "aliases included, in random case, with extra spaces and some "
                "accents dropped; 30% distinct strings shaped like "
                "sub-national place names, \"Upper Valley 1234\"); all "
                f"garbage is `gen_messy_input.py {lines} 43 --garbage 1` "
                f"({lines:,} distinct misses). The awk map (`--map`) has "
                "every one of those names lowercased as written. iom's stderr "
                "goes to /dev/null in every timing.", "",
                "| input | program | median | lines/s | ratio (awk time / iom "
                "time) | per-round ratios (min–max) | runs |",
                "|---|---|---|---|---|---|---|"]
        self.commands += [
            f"python3 tests/bench/gen_messy_input.py {lines} 42 --map "
            "$WORK/messy-map.tsv > $WORK/messy-input.txt",
            f"python3 tests/bench/gen_messy_input.py {lines} 43 --garbage 1 "
            "> $WORK/garbage-input.txt",
            f"head -n {m.get('misses', '?')} $WORK/garbage-input.txt > "
            "$WORK/misses.txt"]
        for kind, title, target in (("messy", "messy mix", TARGET_MESSY),
                                    ("garbage", "all garbage",
                                     TARGET_GARBAGE)):
            r = hyperfine(self.work, kind)
            if not r or "iom" not in r:
                continue
            iom = r["iom"]["median"]
            for x in r.values():
                self.command(x)
            baseline = [a for a in r if a != "iom"]
            if baseline:
                busy, note = self.check(kind, r, f"{baseline[0]} ({title})")
            for a in baseline:
                t = r[a]["median"]
                self.row(f"convert, {title}: {lines:,} lines, iom vs {a}",
                         f"{lines / iom:,.0f} lines/s",
                         f"{a} {lines / t:,.0f} lines/s", f"{t / iom:.2f}×",
                         f"≥ {target}×", t / iom >= target, busy)
            for label, x in r.items():
                ratio = "-" if label == "iom" else f"{x['median'] / iom:.2f}×"
                p = x["per_round"]
                spread = "-" if label == "iom" else f"{p[0]:.2f}–{p[-1]:.2f}"
                text.append(f"| {title} | {label} | {ms(x['median'])} | "
                            f"{lines / x['median']:,.0f} | {ratio} | {spread} "
                            f"| {len(x['times'])} |")
            if baseline:
                text += ["", note, ""]
        if "iom_hits" in m:
            text.append(
                f"Checks on the messy mix: iom answered "
                f"{int(m['iom_hits']):,} lines ({int(m['iom_hits']) / lines:.1%}), "
                f"awk {int(m['awk_hits']):,} "
                f"({int(m['awk_hits']) / lines:.1%}); lines where awk answered "
                f"and iom left the line empty (a shared name, or a country "
                f"outside the directory): {int(m.get('iom_empty', 0)):,}; where "
                f"both answered and disagreed: {int(m['disagreements']):,}; iom wrote "
                f"{int(m['iom_stderr']):,} lines to stderr.")
        misses = int(m.get("misses", 0) or 0)
        ir = callgrind_total(self.work, "misses")
        empty = callgrind_total(self.work, "misses_empty")
        if misses and ir and empty is not None:
            per = (ir - empty) / misses
            self.row(f"instructions per distinct miss: `convert --fuzzy`, "
                     f"{misses:,} lines", f"{per:,.0f} Ir",
                     f"empty input {num(empty)} Ir", "-",
                     f"≤ {num(TARGET_MISS_IR)} Ir", per <= TARGET_MISS_IR)
            text.append(
                f"\nInstructions per distinct miss (callgrind, noise-free): "
                f"`iom convert --fuzzy --to iso3` over the first {misses:,} "
                f"lines of the all-garbage file, {num(ir)} Ir, less an empty "
                f"input, {num(empty)} Ir, over {misses:,}: **{per:,.0f} Ir** "
                "per line. `--fuzzy` searches every miss for a guess, then "
                "again for its did-you-mean; stderr to /dev/null.")
            parts = callgrind_top(self.work, "misses", "inclusive", 80)
            share = []
            for prefix, what in (
                    ("iom::query::Searcher::search(", "Searcher::search (the "
                     "did-you-mean search; a repeat of the last query is "
                     "answered from memory)"),
                    ("iom::query::lookup_into(", "lookup_into (the exact "
                     "lookup)"),
                    ("iom::query::find_host(", "find_host (normalises every "
                     "host's names for each miss)"),
                    ("iom::cli::not_found_message", "not_found_message (all "
                     "of the message, search and find_host included)")):
                hit = next((ir for ir, _, fn in parts if fn.startswith(prefix)),
                           None)
                if hit is not None:
                    share.append(f"| {what} | {hit / misses:,.0f} |")
            if share:
                text.append("\nWhere a miss's instructions go (inclusive, per "
                            "line):\n")
                text.append("| function | Ir per miss |\n|---|---:|")
                text += share
            for kind in ("self", "inclusive"):
                top = callgrind_top(self.work, "misses", kind)
                if top:
                    text.append(f"\nTop 15 functions of that run, {kind} "
                                "cost:\n")
                    text.append("| Ir | % | function |\n|---:|---:|---|")
                    text += [f"| {num(i)} | {pct:.1f} | `{cell(fn)}` |"
                             for i, pct, fn in top]
            self.commands.append(
                f"valgrind --tool=callgrind {self.short(self.meta.get('iom', 'iom'))}"
                " convert --fuzzy --to iso3 < $WORK/misses.txt   (and < /dev/null)")
        self.details.append(("5. `convert` on messy input and on misses",
                             "\n".join(text)))

    # 7. candidate-index methods -----------------------------------------------
    def methods(self):
        m = read_tsv(self.work / "methods.tsv")
        if not m or "none" not in m:
            return
        none = callgrind_total(self.work, "method_none")
        base = m["none"].split("\t")
        queries = int(base[0])
        text = ["The methods of issue 17 point 1 for finding the words of "
                "the keys within the AUTO edit budget of a query word, side "
                "by side on the built-in words (`iom_index_methods`, "
                "tests/bench/index_methods.cpp): each finds its candidates "
                "and verifies every one with the edit distance. Queries: "
                f"the {queries:,} words of `head -n {m.get('lines', '?')}` of "
                "the messy mix, normalised. Instructions are callgrind's, "
                "less a run that only reads the queries (`none`).", "",
                "| method | Ir per query word | candidates verified per query "
                "word | words found | agrees with deletion |",
                "|---|---:|---:|---:|---|"]
        reference = m.get("deletion", "").split("\t")
        for method, title in (("deletion", "symmetric deletion (chosen)"),
                              ("qgram", "bigram postings, count filter"),
                              ("bktree", "BK-tree (Levenshtein, radius 2×bound)"),
                              ("scan", "scan by length and letters (before)")):
            if method not in m:
                continue
            _, verified, found, checksum = m[method].split("\t")
            ir = callgrind_total(self.work, f"method_{method}")
            per = f"{(ir - none) / queries:,.0f}" if ir and none else "?"
            agrees = (found, checksum) == tuple(reference[2:4]) \
                if len(reference) == 4 else "?"
            text.append(f"| {title} | {per} | {int(verified) / queries:,.1f} "
                        f"| {int(found):,} | {yes(agrees) if agrees != '?' else '?'} |")
        text.append(
            "\nWhy symmetric deletion: its candidates are nearly all real "
            "matches, and it costs a few hash probes per variant of the "
            "query word whatever the number of words; the bigram count "
            "filter lets almost every word of a similar length through for "
            "the short words of place names (for a word of 3-5 bytes and one "
            "edit the bound is at or below zero), and the BK-tree needs a "
            "metric, which the optimal string alignment distance is not (its "
            "triangle inequality fails), so it searches a radius twice as "
            "wide and computes a distance at every node it visits. Its "
            "tables are generated at build time (`iom-gen`) and for a "
            "`--data` file built with its keys.")
        self.details.append(("7. The candidate index: methods compared",
                             "\n".join(text)))
        tests = Path(self.meta.get("toml_parse", "build-bench/tests/x")).parent
        self.commands.append("valgrind --tool=callgrind "
                             f"{self.short(str(tests))}/iom_index_methods METHOD < "
                             "$WORK/methods-queries.txt   (METHOD: none, "
                             "deletion, qgram, bktree, scan)")

    # 6. --data at scale ----------------------------------------------------------
    def data(self):
        path = self.work / "data.tsv"
        if not path.exists() or not path.read_text().strip():
            return
        sizes = []
        for line in path.read_text().splitlines():
            n, size, valid, count, rss_iom, rss_parse = line.split("\t")
            r = hyperfine(self.work, f"data-{n}")
            if not r:
                continue
            sizes.append(dict(n=int(n), bytes=int(size), valid=valid,
                              count=count, rss_iom=int(rss_iom or 0),
                              rss_parse=int(rss_parse or 0),
                              iom=r["iom"]["median"],
                              parse=r["toml_parse"]["median"],
                              runs=len(r["iom"]["times"]),
                              spread=r["iom"]["per_round"],
                              codes=r["iom"]["exit_codes"]))
            self.commands.append(f"python3 tests/bench/gen_dataset.py {n} > "
                                 f"$WORK/data-{n}.toml")
            for x in r.values():
                self.command(x)
        if not sizes:
            return
        text = ["Datasets from `gen_dataset.py N`: data/iom.toml verbatim plus "
                "synthetic entries of the same schema (a few hundred countries "
                "with free ISO codes, then offices hosted by real countries). "
                "Each is checked with `iom validate FILE` first.", "",
                "| entries | file | `iom validate` | toml++ parse | `iom --data` "
                "| ratio | per-round ratios | runs | RSS toml++ | RSS iom | iom exit |",
                "|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|"]
        for s in sizes:
            codes = sorted(set(s["codes"]))
            text.append(
                f"| {s['n']:,} | {s['bytes'] / 1e6:.1f} MB | "
                f"{'ok' if s['valid'] == 'ok' else 'refused: ' + cell(self.short(s['valid']))} | "
                f"{ms(s['parse'])} | {ms(s['iom'])} | "
                f"{s['iom'] / s['parse']:.2f}× | "
                f"{s['spread'][0]:.2f}–{s['spread'][-1]:.2f} | {s['runs']} | "
                f"{s['rss_parse'] / 1024:.1f} MiB"
                f" | {s['rss_iom'] / 1024:.1f} MiB | "
                f"{', '.join(map(str, codes))} |")
        growth = []
        for a, b in zip(sizes, sizes[1:]):
            k = b["n"] / a["n"]
            t_iom, t_parse = b["iom"] / a["iom"], b["parse"] / a["parse"]
            m_iom = b["rss_iom"] / max(a["rss_iom"], 1)
            shape = ("about linear" if t_iom <= k * 1.5 else
                     "worse than linear")
            growth.append(
                f"- {a['n']:,} → {b['n']:,} entries ({k:.3g}×): iom's time "
                f"×{t_iom:.1f} ({shape}), toml++ alone ×{t_parse:.1f}; "
                f"iom's peak RSS ×{m_iom:.1f}.")
        last = sizes[-1]
        per_entry = [f"- At {last['n']:,} entries: {last['iom'] / last['n'] * 1e6:.1f} µs "
                     f"and {last['rss_iom'] / last['n']:.1f} KiB "
                     f"of peak RSS per entry for iom, "
                     f"{last['parse'] / last['n'] * 1e6:.1f} µs and "
                     f"{last['rss_parse'] / last['n']:.1f} KiB for the bare "
                     f"parse; the file is {last['bytes'] / last['n']:.0f} bytes "
                     "per entry."]
        text.append("")
        checks = {s["n"]: busy_check(self.work, f"data-{s['n']}",
                                     hyperfine(self.work, f"data-{s['n']}"),
                                     "toml_parse")
                  for s in sizes}
        busy = [n for n, (b, _) in checks.items() if b]
        self.noisy += [f"toml_parse ({n:,})" for n in busy]
        text.append(("**Busy machine** at " + ", ".join(f"{n:,}" for n in busy)
                     + " entries: those ratios are unreliable. " if busy else "")
                    + "Busy-machine check at each size: " + "; ".join(
                        f"{n:,} entries, {'busy' if b else 'passed'}: "
                        + ", ".join(found) for n, (b, found) in checks.items())
                    + "." + self.attempts(f"data-{last['n']}",
                                          "The largest size was measured"))
        text += ["", "How the cost grows:", ""] + growth + per_entry
        refused = [s for s in sizes if s["valid"] != "ok"]
        if refused:
            text.append("- Refused sizes (" + ", ".join(
                f"{s['n']:,}" for s in refused) + ") are timed as they run: "
                "the whole parse and the checks, then exit 2 with the "
                "message above; they count as a missed target.")
        profiled = [s["n"] for s in sizes
                    if callgrind_total(self.work, f"data_iom_{s['n']}")]
        for n in profiled:
            ir_iom = callgrind_total(self.work, f"data_iom_{n}")
            ir_parse = callgrind_total(self.work, f"data_parse_{n}")
            text.append(f"- Instructions at {n:,} entries (callgrind): iom "
                        f"{num(ir_iom)}, toml++ alone {num(ir_parse or 0)}: "
                        f"{ir_iom / (ir_parse or 1):.2f}×.")
            for kind in ("self", "inclusive"):
                top = callgrind_top(self.work, f"data_iom_{n}", kind)
                if top:
                    text.append(f"\nTop 15 functions of `iom --data` at "
                                f"{n:,} entries, {kind} cost:\n")
                    text.append("| Ir | % | function |\n|---:|---:|---|")
                    text += [f"| {num(ir)} | {pct:.1f} | `{cell(fn)}` |"
                             for ir, pct, fn in top]
        for s in sizes:
            ok = s["valid"] == "ok" and s["iom"] / s["parse"] <= TARGET_DATA
            # The target is set at the largest size; smaller ones are shown.
            self.row(f"--data {s['n']:,} entries: `countries -r eca -c`",
                     ms(s["iom"]) + ("" if s["valid"] == "ok"
                                     else " (refused)"),
                     f"toml++ parse {ms(s['parse'])}",
                     f"{s['iom'] / s['parse']:.2f}×", f"≤ {TARGET_DATA}×"
                     if s is last else "(≤ 1.3× at the largest)",
                     ok if s is last else None, checks[s["n"]][0])
            self.row(f"--data {s['n']:,} entries: peak RSS",
                     f"{s['rss_iom'] / 1024:.1f} MiB",
                     f"toml++ parse {s['rss_parse'] / 1024:.1f} MiB",
                     f"{s['rss_iom'] / max(s['rss_parse'], 1):.2f}×",
                     "(reported)", None)
        self.details.append(("6. `--data` at scale", "\n".join(text)))

    # 8. peers --------------------------------------------------------------------
    def peers(self):
        r = hyperfine(self.work, "peers")
        p = read_tsv(self.work / "peers.tsv")
        if not r:
            return
        true, show = r["true"]["median"], r["show"]["median"]
        lines = ["| tool | command | median | ratio to `iom show kenya` | "
                 "ratio to /bin/true |", "|---|---|---|---|---|"]
        for label, x in r.items():
            self.command(x)
            t = x["median"]
            lines.append(f"| {label} | `{cell(self.short(x['command']))}` | {ms(t)} | "
                         f"{t / show:.2f}× | {t / true:.2f}× |")
            if label not in ("true", "show"):
                self.row(f"peer: {label}", ms(t), f"iom show kenya {ms(show)}",
                         f"{t / show:.1f}×", "(reported)", None)
        lines.append("\n" + self.check("peers", r, "/bin/true (peers)",
                                        counts=False, tries=False)[1]
                     + " The peers are several times slower or more, so their order "
                     "stands even then.")
        absent = p.get("absent", [])
        absent = [absent] if isinstance(absent, str) else absent
        if absent:
            lines.append(f"\nNot installed, so not measured: {', '.join(absent)}.")
        self.details.append(("8. Peers: the same question with other tools",
                             "\n".join(lines)))

    # output ----------------------------------------------------------------------
    def table(self):
        head = ("measure", "result", "baseline (same run)", "ratio", "target",
                "met")
        widths = [max(len(str(r[i])) for r in [head, *self.rows])
                  for i in range(6)]
        out = ["  ".join(str(c).ljust(w) for c, w in zip(head, widths)),
               "  ".join("-" * w for w in widths)]
        out += ["  ".join(str(c).replace("**", "").ljust(w)
                          for c, w in zip(r, widths)) for r in self.rows]
        return "\n".join(out)

    def markdown(self):
        m = self.meta
        md = ["# Benchmarks", "",
              "Generated by `make bench` (`sh tests/bench/run.sh`); do not edit "
              "by hand, run it again. Every timing is a ratio to a baseline "
              "measured in the same run, so the machine's noise cancels out. "
              "Targets: SPEC.md section 5 and issues 7 and 17. A ratio is "
              "marked met only in a run whose busy-machine check passed: "
              f"other processes used at most {OTHER_LOAD} CPUs on average "
              "while the step ran (/proc/stat's busy time less the CPU time "
              "of the measured commands), and its baseline's median was at "
              f"most {NOISY}× its fastest run. That second test is left out "
              f"for baselines under {SHORT_RUN * 1000:.0f} ms, whose spread "
              "on this VM is wake-up latency, not load (see \"The "
              "busy-machine check\" at the end).", "",
              "## Machine", "",
              "| | |", "|---|---|",
              f"| machine | `{m.get('uname', '?')}` |",
              f"| CPU | {m.get('cpu', '?')} ({m.get('cpus', '?')} CPUs) |",
              f"| date | {m.get('date', '?')} |",
              f"| load average (1, 5, 15 min) | {m.get('load', '?')} |",
              f"| commit | `{m.get('commit', '?')}` |",
              f"| binary | `{self.short(m.get('iom', '?'))}`, "
              f"{m.get('linkage', '?')}ally linked, "
              f"{int(m.get('binary_size', 0)) / 1e6:.1f} MB, Release, "
              f"{m.get('linker') or 'default linker'} |",
              f"| start-up layout | {m.get('startup_order', '?')} |",
              f"| tools | {m.get('hyperfine', '?')}, {m.get('valgrind', '?')} |",
              "", "## Results", "",
              "| measure | result | baseline (same run) | ratio | target | met |",
              "|---|---|---|---|---|---|"]
        md += ["| " + " | ".join(cell(c) for c in r) + " |" for r in self.rows]
        if self.missed:
            md += ["", "Targets missed: " + "; ".join(self.missed) + "."]
        elif self.unjudged:
            md += ["", "No target missed, but not all judged: the machine "
                   "was busy for " + "; ".join(self.unjudged) + "."]
        else:
            md += ["", "All targets met."]
        if self.noisy:
            md += ["", "**The machine was busy** while these were timed: "
                   + ", ".join(self.noisy) + ". Their ratios are unreliable; "
                   "see the busy-machine checks below and run again."]
        if self.broken:
            md += ["", "Broken steps:", ""] + [f"- {b}" for b in self.broken]
        md += ["", "## Commands", "",
               "Paths are relative to the repository root; `$WORK` is the "
               "scratch directory (`build-bench/bench-work` by default). "
               "hyperfine runs use `-N` (no shell) except `convert`, which "
               "needs shell redirections for both programs.", "", "```"]
        md += self.commands + ["```"]
        for title, body in self.details:
            md += ["", f"## {title}", "", body]
        for file, title in (("startup_notes.md",
                             "Start-up: where the instructions go"),
                            ("busy_check.md", "The busy-machine check")):
            notes = Path(__file__).with_name(file)
            if notes.exists():
                md += ["", f"## {title}", "",
                       notes.read_text(encoding="utf-8").rstrip()]
        return "\n".join(md) + "\n"


def main():
    if len(sys.argv) < 3 or sys.argv[2] not in ("--quick", "--write",
                                                 "--noisy"):
        sys.exit(__doc__)
    work = Path(sys.argv[1])
    if sys.argv[2] == "--noisy":
        r = hyperfine(work, sys.argv[3])
        if not r:
            return 1
        busy, found = busy_check(work, sys.argv[3], r)
        print("; ".join(found))
        return 0 if busy else 1
    report = Report(work)
    for part in (report.startup, report.instructions, report.rss,
                 report.convert, report.messy, report.data, report.methods,
                 report.enrich, report.peers):
        try:
            part()
        except Exception as error:  # a missing or malformed result file
            report.broken.append(f"report: {part.__name__}: {error!r}")
    print(report.table())
    print()
    if report.noisy:
        print("busy machine, unreliable ratios for: " + ", ".join(report.noisy))
    if report.missed:
        print("targets missed: " + "; ".join(report.missed))
    elif report.unjudged:
        print("not judged (busy machine): " + "; ".join(report.unjudged))
    else:
        print("all targets met")
    for line in report.broken:
        print(f"BROKEN: {line}")
    if sys.argv[2] == "--write":
        Path(sys.argv[3]).write_text(report.markdown(), encoding="utf-8")
        print(f"wrote {sys.argv[3]}")
    if report.broken:
        return 2
    if sys.argv[2] == "--quick":
        print("(quick smoke: timings are indicative only; targets do not "
              "fail it)")
        return 0
    return 1 if report.missed or report.unjudged else 0


if __name__ == "__main__":
    sys.exit(main())
