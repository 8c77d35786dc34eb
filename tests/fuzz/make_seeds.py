#!/usr/bin/env python3
"""Writes the seed corpora of fuzz_commands and fuzz_argv.

usage: make_seeds.py   (from anywhere; rewrites corpus/fuzz_commands/ and
                        corpus/fuzz_argv/, then review the diff)

fuzz_commands: the bad-input catalogue (tests/bad/files/), fuzz_dataset's
hand-made odd and valid files, data/iom.toml itself, and grown versions of a
small valid file (fast to mutate) and of data/iom.toml (189 real entries):
the most regions and types the indices hold (tests/bad/grow.py's 255 and
256), many hosts with an office each, many entries, and long and many
aliases and wide, combining and right-to-left names.

fuzz_argv: each golden case's arguments (tests/e2e/cases/*/args, one a line),
NUL-separated; "@SRC@" stays, the fuzzer reads it as the source tree.
"""
import importlib.util
import pathlib
import re
import shutil

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VALID = (ROOT / "tests/bad/files/valid.toml").read_text(encoding="utf-8")
IOM = (ROOT / "data/iom.toml").read_text(encoding="utf-8")


def load_grow():
    spec = importlib.util.spec_from_file_location("grow",
                                                  ROOT / "tests/bad/grow.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def toml_list(items):
    return "[" + ", ".join('"' + i + '"' for i in items) + "]"


def office(i, host, name, aliases):
    return "\n".join([
        "[[entries]]", f'id = "office-{i}"', f'name = "{name}"',
        f'short_name = "{name}"', 'kind = "office"', 'code_status = "none"',
        'region = "ehsa"', 'region_basis = "sourced"',
        'region_source = "grown"', 'type = "ro"', 'type_basis = "sourced"',
        'type_source = "grown"', 'city = "Nairobi"', f'host = "{host}"',
        'languages = ["en"]', f"aliases = {toml_list(aliases)}",
        "sources = []", ""])


def host(code, numeric):
    return "\n".join([
        "[[hosts]]", f'iso2 = "{code}"', f'iso3 = "{code}Q"',
        f'numeric = "{numeric:03d}"', f'name = "Host {code}"',
        f'aliases = ["Hostland {code}"]', ""])


def many_hosts(base, count):
    """`count` hosts on codes and numbers the base does not use."""
    used = set(re.findall(r'"([A-Z]{2,3}|[0-9]{3})"', base))
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    codes = [a + b for a in letters for b in letters
             if a + b not in used and a + b + "Q" not in used]
    numbers = [n for n in range(1, 1000) if f"{n:03d}" not in used]
    hosts, offices = [], []
    for i, (code, numeric) in enumerate(zip(codes[:count], numbers)):
        hosts.append(host(code, numeric))
        offices.append(office(i, "KE", f"Office in {code}", []))
        offices[-1] = offices[-1].replace('host = "KE"', f'host = "{code}"')
    return base + "\n" + "\n".join(hosts) + "\n" + "\n".join(offices)


def many_entries(base, count):
    return base + "\n" + "\n".join(
        office(i, "KE", f"Office number {i}", [f"Branch {i}", f"Site {i}"])
        for i in range(count))


def most_regions_types(base):
    """The base with regions and types added up to the indices' limits."""
    regions = 255 - base.count("[[regions]]")
    types = 256 - base.count("[[types]]")
    out = [base]
    for i in range(regions):
        out += ["[[regions]]", f'code = "r{i}"', f'name = "Region {i}"',
                'office = "ro-nairobi"' if "ro-nairobi" in base else
                'office = "east-and-horn-of-africa"',
                'city = "Geneva, Switzerland"', 'basis = "sourced"', ""]
    for i in range(types):
        out += ["[[types]]", f'code = "t{i}"', f'name = "Type {i}"',
                f'description = "Office type {i}."', ""]
    return "\n".join(out)


def long_aliases(base):
    names = ["Ωμέγα Κέντρο", "東京事務所", "Cafe\u0301 de\u0301pot",
             "مكتب القاهرة", "ﬁeld ofﬁce", "\U0001F30D Globe"]
    entries = [office(i, "KE", name,
                      ["a" * 255, "b" * 256, "c" * 300, f"alias {i} " * 20] +
                      [f"short {i} {j}" for j in range(40)])
               for i, name in enumerate(names)]
    return base + "\n" + "\n".join(entries)


def commands_seeds():
    out = HERE / "corpus/fuzz_commands"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for path in sorted((ROOT / "tests/bad/files").glob("*.toml")):
        shutil.copy(path, out / f"catalogue_{path.name}")
    for path in sorted((HERE / "corpus/fuzz_dataset").glob("*.toml")):
        if path.name.startswith(("odd_", "valid_")):
            shutil.copy(path, out / path.name)
    shutil.copy(ROOT / "data/iom.toml", out / "iom.toml")
    grow = load_grow()
    seeds = {
        "small_grown_regions_types": grow.dataset(255, 256),
        "small_grown_hosts": many_hosts(VALID, 100),
        "small_grown_entries": many_entries(VALID, 200),
        "small_grown_aliases": long_aliases(VALID),
        "iom_grown_regions_types": most_regions_types(IOM),
        "iom_grown_hosts": many_hosts(IOM, 300),
        "iom_grown_aliases": long_aliases(IOM),
    }
    for name, text in seeds.items():
        (out / f"{name}.toml").write_text(text, encoding="utf-8")


def argv_seeds():
    out = HERE / "corpus/fuzz_argv"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for case in sorted((ROOT / "tests/e2e/cases").iterdir()):
        args = (case / "args").read_text(encoding="utf-8").splitlines()
        (out / case.name).write_bytes("\0".join(args).encode("utf-8"))


if __name__ == "__main__":
    commands_seeds()
    argv_seeds()
