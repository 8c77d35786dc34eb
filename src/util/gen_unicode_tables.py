#!/usr/bin/env python3
"""Writes iom's Unicode tables from the Unicode Character Database.

usage: gen_unicode_tables.py [--ucd DIR] [--out ROOT] [--check]

Reads UnicodeData.txt, DerivedAge.txt, EastAsianWidth.txt, CaseFolding.txt,
PropList.txt, HangulSyllableType.txt and Blocks.txt from DIR (default
/usr/share/unicode, Debian's unicode-data) and writes, under ROOT (default
the source tree):

  src/util/width_tables.inc   k_zero_width and k_wide, for display_width
  src/query/fold_table.inc    k_fold_0080 and k_fold_1e00, for normalise

The tables follow Unicode UNICODE_VERSION below. The UCD files may be of that
version or newer: a code point assigned after UNICODE_VERSION (DerivedAge) is
treated as unassigned, so newer files give the same tables as long as Unicode
keeps the properties of the older characters. Moving to a newer version is a
change of UNICODE_VERSION, a rerun, and a review of the diff.

--check writes into a temporary directory and compares with the committed
files: exit 0 when they are equal, 1 (with a diff) when they are stale, 77
when the UCD files are missing or older than UNICODE_VERSION.
"""

import argparse
import difflib
import re
import sys
import tempfile
from pathlib import Path

UNICODE_VERSION = (14, 0)

ROOT = Path(__file__).resolve().parents[2]
WIDTH_FILE = Path("src/util/width_tables.inc")
FOLD_FILE = Path("src/query/fold_table.inc")
UCD_FILES = ["UnicodeData.txt", "DerivedAge.txt", "EastAsianWidth.txt",
             "CaseFolding.txt", "PropList.txt", "HangulSyllableType.txt",
             "Blocks.txt"]

# UAX #11: unassigned code points here default to East_Asian_Width W.
DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]

# k_wide joins two runs of wide characters across at most this many
# unassigned code points (the longest such gap in Unicode 14.0 is 154, in the
# enclosed ideographic supplement); a longer stretch, such as the 8,935 after
# the Tangut supplement, says nothing about what will be encoded there.
WIDE_GAP = 256

# Folded by hand to ASCII after decomposition and case folding: letters
# without a decomposition that readers still take for a base letter.
FOLD_TO_ASCII = {
    "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ħ": "h", "ŧ": "t", "ı": "i", "ĸ": "k", "ŋ": "n", "ƀ": "b", "ƒ": "f",
    "ɖ": "d", "ə": "e", "ǝ": "e", "ŀ": "l",
}
# Apostrophe-like letters and signs: deleted, like ASCII "'" ("d'ivoire").
APOSTROPHES = set("ʹʻʼʽʾʿ´")
# The ranges that k_fold_* cover; normalise.cpp indexes them by offset.
FOLD_RANGES = [("k_fold_0080", 0x0080, 0x0530), ("k_fold_1e00", 0x1E00, 0x2000)]


class UcdError(Exception):
    pass


def code_points(field):
    first, _, last = field.strip().partition("..")
    return range(int(first, 16), int(last or first, 16) + 1)


def property_lines(path):
    """(code point range, value) of each data line of a UCD property file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            fields = [f.strip() for f in line.split(";")]
            yield code_points(fields[0]), fields[1:]


def file_version(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.search(r"-(\d+)\.(\d+)\.\d+\.txt", first)
    if not match:
        raise UcdError(f"{path}: no version in its first line")
    return int(match.group(1)), int(match.group(2))


class Ucd:
    """The properties iom needs, as of UNICODE_VERSION."""

    def __init__(self, directory):
        for name in UCD_FILES:
            if not (directory / name).is_file():
                raise UcdError(f"{directory / name}: missing")
        self.version = file_version(directory / "DerivedAge.txt")
        if self.version < UNICODE_VERSION:
            raise UcdError(f"{directory}: Unicode {self.version}, older than "
                           f"{UNICODE_VERSION}")
        self.assigned = set()
        for cps, (age,) in property_lines(directory / "DerivedAge.txt"):
            if tuple(int(p) for p in age.split(".")) <= UNICODE_VERSION:
                self.assigned.update(cps)
        self.category = {}
        self.combining = {}
        self.decomposition = {}
        self._read_unicode_data(directory / "UnicodeData.txt")
        self.east_asian_width = {}
        for cps, (value,) in property_lines(directory / "EastAsianWidth.txt"):
            for cp in cps:
                self.east_asian_width[cp] = value
        self.case_folding = {}
        for cps, fields in property_lines(directory / "CaseFolding.txt"):
            if fields[0] in ("C", "F"):  # full case folding, as str.casefold
                self.case_folding[cps[0]] = "".join(
                    chr(int(c, 16)) for c in fields[1].split())
        self.prepended = set()
        for cps, (name,) in property_lines(directory / "PropList.txt"):
            if name == "Prepended_Concatenation_Mark":
                self.prepended.update(cps)
        self.hangul = {}
        for cps, (kind,) in property_lines(
                directory / "HangulSyllableType.txt"):
            for cp in cps:
                self.hangul[cp] = kind
        self.blocks = [(cps[0], cps[-1]) for cps, _ in
                       property_lines(directory / "Blocks.txt")]

    def _read_unicode_data(self, path):
        first = None
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split(";")
            cp = int(fields[0], 16)
            if fields[1].endswith(", First>"):
                first = cp
                continue
            span = range(first, cp + 1) if fields[1].endswith(", Last>") \
                else range(cp, cp + 1)
            first = None
            for c in span:
                if c not in self.assigned:
                    continue
                self.category[c] = fields[2]
                if fields[3] != "0":
                    self.combining[c] = int(fields[3])
                if fields[5] and c == cp:
                    self.decomposition[c] = [
                        int(p, 16) for p in fields[5].split()
                        if not p.startswith("<")]

    def gc(self, cp):
        return self.category.get(cp, "Cn")

    def width_class(self, cp):
        if cp in self.assigned:
            return self.east_asian_width.get(cp, "N")
        wide = any(lo <= cp <= hi for lo, hi in DEFAULT_WIDE)
        return "W" if wide else "N"

    def nfkd(self, text):
        out = []
        for c in text:
            self._decompose(ord(c), out)
        # Canonical ordering: marks of one base sorted by combining class.
        i = 0
        while i < len(out):
            j = i
            while j < len(out) and self.combining.get(out[j], 0):
                j += 1
            out[i:j] = sorted(out[i:j], key=lambda c: self.combining[c])
            i = j + 1
        return "".join(chr(c) for c in out)

    def _decompose(self, cp, out):
        if 0xAC00 <= cp <= 0xD7A3:
            raise UcdError("Hangul syllables are not decomposed here")
        if cp in self.decomposition:
            for part in self.decomposition[cp]:
                self._decompose(part, out)
        else:
            out.append(cp)

    def casefold(self, text):
        return "".join(self.case_folding.get(ord(c), c) for c in text)


def ranges(cps, merge_over=lambda cp: False, longest_gap=0):
    """Sorted (first, last) runs of cps, joined across gaps of at most
    longest_gap code points that are all merge_over."""
    out = []
    for cp in sorted(cps):
        gap = range(out[-1][1] + 1, cp) if out else range(0)
        if out and len(gap) <= longest_gap and all(map(merge_over, gap)):
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def zero_width(ucd):
    """Mn, Me and Cf, except the soft hyphen and the prepended concatenation
    marks, which terminals draw; and the Hangul medial vowels and final
    consonants, which join the preceding syllable (to the end of their
    block, so that later jamo are covered)."""
    cps = {cp for cp, gc in ucd.category.items() if gc in ("Mn", "Me", "Cf")}
    cps -= {0x00AD} | ucd.prepended
    jamo = [cp for cp, kind in ucd.hangul.items() if kind in ("V", "T")]
    for lo, hi in ucd.blocks:
        inside = [cp for cp in jamo if lo <= cp <= hi]
        if inside:
            cps.update(range(min(inside), hi + 1))
    return cps


def wide(ucd, zero):
    """East_Asian_Width W or F (with UAX #11's defaults for unassigned code
    points), less the zero-width ones."""
    return {cp for cp in range(0x110000)
            if ucd.width_class(cp) in ("W", "F") and cp not in zero}


def fold(ucd, cp):
    """What normalise makes of one code point: "" deletes it, " " makes it
    a separator, any other text is the token text it becomes."""
    c = chr(cp)
    gc = ucd.gc(cp)
    if c in APOSTROPHES:
        return ""
    if gc[0] == "L":
        folded = ucd.casefold(c)
        if folded in FOLD_TO_ASCII:
            return FOLD_TO_ASCII[folded]

        def strip_marks(text):
            return "".join(x for x in ucd.nfkd(text)
                           if ucd.gc(ord(x))[0] != "M")
        text = strip_marks(ucd.casefold(strip_marks(c)))
        return "".join(FOLD_TO_ASCII.get(x, x) for x in text
                       if x not in APOSTROPHES)
    if gc[0] == "M" or gc in ("Sk", "Cf"):
        return ""
    if gc[0] in "PSZ" or gc == "Cc":
        return " "
    return c  # digits, other numbers, unassigned: kept as they are


def version_text():
    return ".".join(str(p) for p in UNICODE_VERSION)


def header(what):
    return (f"// {what}\n"
            f"// Generated by src/util/gen_unicode_tables.py from the Unicode "
            f"{version_text()} character\n"
            "// database. Do not edit: change the script and rerun it.\n")


def range_table(name, runs, comment):
    lines = [f"// {line}" for line in comment] + [
        f"constexpr Range {name}[] = {{"]
    cells = [f"{{0x{lo:04x}, 0x{hi:04x}}}," for lo, hi in runs]
    for i in range(0, len(cells), 4):
        lines.append("    " + " ".join(cells[i:i + 4]))
    lines.append("};")
    return "\n".join(lines) + "\n"


def width_tables(ucd):
    zero = zero_width(ucd)
    unassigned = lambda cp: ucd.gc(cp) == "Cn"
    return (header("Display width tables for util/utf8.cpp.") +
            "// clang-format off\n" +
            range_table("k_zero_width", ranges(zero), [
                "Zero width: General_Category Mn, Me and Cf (except the soft "
                "hyphen and the",
                "prepended concatenation marks) and the Hangul medial vowels "
                "and final",
                "consonants."]) + "\n" +
            range_table("k_wide", ranges(wide(ucd, zero), unassigned, WIDE_GAP), [
                "East_Asian_Width W or F, which includes the emoji with "
                "default emoji",
                "presentation, and UAX #11's wide defaults for unassigned CJK "
                "and planes 2-3.",
                f"Runs are merged across unassigned gaps of up to {WIDE_GAP} "
                "code points, so",
                "characters added there later are likely right."]) +
            "// clang-format on\n")


def literal(ucd, cp, text):
    if cp not in ucd.assigned:  # kept as its bytes; no editor shows it
        return '"' + "".join(f"\\x{b:02x}" for b in text.encode()) + '"'
    return '"' + text + '"'


def fold_table(ucd):
    out = [header("Case and accent folding tables for query/normalise.cpp."),
           "// clang-format off\n"]
    for name, first, end in FOLD_RANGES:
        out.append(f"constexpr std::string_view {name}[] = {{\n")
        for row in range(first, end, 8):
            cells = [literal(ucd, cp, fold(ucd, cp)) for cp in
                     range(row, row + 8)]
            out.append(f"    /* {row:04X} */ " + ", ".join(cells) + ",\n")
        out.append("};\n")
    out.append("// clang-format on\n")
    return "".join(out)


def write_tables(ucd, root):
    for path, text in ((WIDTH_FILE, width_tables(ucd)),
                       (FOLD_FILE, fold_table(ucd))):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def check(ucd, root):
    stale = False
    with tempfile.TemporaryDirectory() as temp:
        write_tables(ucd, Path(temp))
        for path in (WIDTH_FILE, FOLD_FILE):
            fresh = (Path(temp) / path).read_text(encoding="utf-8")
            committed = (root / path).read_text(encoding="utf-8") \
                if (root / path).is_file() else ""
            if fresh != committed:
                stale = True
                sys.stdout.writelines(difflib.unified_diff(
                    committed.splitlines(True), fresh.splitlines(True),
                    f"committed/{path}", f"regenerated/{path}"))
    if stale:
        print("Unicode tables are stale: run src/util/gen_unicode_tables.py",
              file=sys.stderr)
    return 1 if stale else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ucd", type=Path, default=Path("/usr/share/unicode"))
    parser.add_argument("--out", type=Path, default=ROOT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    try:
        ucd = Ucd(args.ucd)
    except UcdError as error:
        print(f"gen_unicode_tables.py: {error}", file=sys.stderr)
        return 77 if args.check else 2
    if args.check:
        return check(ucd, args.out)
    write_tables(ucd, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
