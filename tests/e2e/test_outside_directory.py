#!/usr/bin/env python3
"""Countries and territories outside IOM's directory are recognised as
themselves and never answered as a directory entry (issue 13, points 3, 4
and 6): by world name, alias, code and French or Spanish name, `show` and
`convert` (with and without --fuzzy) refuse with one line naming the world
row and exit 1, and --world answers the row. Typos of outside names, within
Lucene's AUTO budget, are refused or guessed as the intended country, never
as a directory country.

The expected iso2 of each query is written here by hand; the names and codes
in the messages come from `iom countries --world -f json -F all`.

usage: test_outside_directory.py IOM SOURCE_DIR
"""
import json
import re
import pathlib
import subprocess
import sys

from consumer_lib import check, failures, iom, run, src

sys.path.insert(0, str(pathlib.Path(src) / "tests" / "data"))
from auto_fuzziness import words_within_auto  # noqa: E402

# (query, expected iso2): every row with in_directory = no at least once.
OUTSIDE = [
    # World names (UNTERM or M49 English short), some folded or cased.
    ("Brunei Darussalam", "BN"), ("Democratic People's Republic of Korea", "KP"),
    ("Western Sahara", "EH"), ("western sahara", "EH"), ("Holy See", "VA"),
    ("State of Palestine", "PS"), ("United Arab Emirates", "AE"),
    ("United States of America", "US"), ("Saudi Arabia", "SA"), ("Singapore", "SG"),
    ("Oman", "OM"), ("Israel", "IL"), ("Monaco", "MC"), ("Liechtenstein", "LI"),
    ("San Marino", "SM"), ("Andorra", "AD"), ("Greenland", "GL"), ("Puerto Rico", "PR"),
    ("Guam", "GU"), ("Equatorial Guinea", "GQ"), ("Grenada", "GD"), ("Suriname", "SR"),
    ("Kiribati", "KI"), ("Nauru", "NR"), ("Saint Lucia", "LC"),
    ("Saint Kitts and Nevis", "KN"), ("Cayman Islands", "KY"), ("Bermuda", "BM"),
    ("Réunion", "RE"), ("Reunion", "RE"), ("Curaçao", "CW"), ("Curacao", "CW"),
    ("Åland Islands", "AX"), ("Aland Islands", "AX"), ("Antarctica", "AQ"),
    ("Gibraltar", "GI"), ("American Samoa", "AS"), ("French Guiana", "GF"),
    ("New Caledonia", "NC"), ("Isle of Man", "IM"), ("Falkland Islands (Malvinas)", "FK"),
    ("Taiwan (Province of China)", "TW"),
    ("China, Hong Kong Special Administrative Region", "HK"),
    ("China, Macao Special Administrative Region", "MO"),
    ("Sint Maarten (Dutch part)", "SX"), ("Saint Martin (French Part)", "MF"),
    ("United States Virgin Islands", "VI"), ("British Virgin Islands", "VG"),
    ("Svalbard and Jan Mayen Islands", "SJ"), ("Bonaire, Sint Eustatius and Saba", "BQ"),
    ("Heard Island and McDonald Islands", "HM"), ("United States Minor Outlying Islands", "UM"),
    ("Niue", "NU"), ("Tokelau", "TK"), ("Jersey", "JE"), ("Guernsey", "GG"),
    ("Faroe Islands", "FO"), ("Mayotte", "YT"), ("Martinique", "MQ"), ("Guadeloupe", "GP"),
    ("Montserrat", "MS"), ("Anguilla", "AI"), ("Saint Helena", "SH"), ("Pitcairn", "PN"),
    ("Wallis and Futuna Islands", "WF"), ("Turks and Caicos Islands", "TC"),
    ("Cook Islands", "CK"), ("French Polynesia", "PF"), ("Norfolk Island", "NF"),
    ("Christmas Island", "CX"), ("Cocos (Keeling) Islands", "CC"), ("Bouvet Island", "BV"),
    ("British Indian Ocean Territory", "IO"), ("French Southern Territories", "TF"),
    ("Saint Barthélemy", "BL"), ("Saint Pierre and Miquelon", "PM"),
    ("South Georgia and the South Sandwich Islands", "GS"), ("Northern Mariana Islands", "MP"),
    # Formal names and a comma-inverted one.
    ("the Kingdom of Saudi Arabia", "SA"), ("Sultanate of Oman", "OM"),
    ("the Principality of Monaco", "MC"), ("Korea, Democratic People's Republic of", "KP"),
    # Aliases from data/world_aliases.toml.
    ("North Korea", "KP"), ("DPRK", "KP"), ("Brunei", "BN"), ("BRUNEI", "BN"), ("UAE", "AE"),
    ("Palestine", "PS"), ("Palestinian Territories", "PS"), ("West Bank and Gaza", "PS"),
    ("Vatican", "VA"), ("Vatican City", "VA"), ("Vatican City State", "VA"),
    ("Holy See (Vatican City)", "VA"), ("USA", "US"), ("usa", "US"), ("Taiwan", "TW"),
    ("Taiwan, China", "TW"), ("Hong Kong", "HK"), ("Hong Kong SAR, China", "HK"),
    ("Macau", "MO"), ("Macao", "MO"), ("Macao SAR, China", "MO"), ("BVI", "VG"),
    ("U.S. Virgin Islands", "VI"), ("Virgin Islands (U.S.)", "VI"), ("CNMI", "MP"),
    ("Falkland Islands", "FK"), ("Sint Maarten", "SX"), ("Pitcairn Islands", "PN"),
    ("French Southern and Antarctic Lands", "TF"), ("BIOT", "IO"),
    ("Chagos Archipelago", "IO"), ("Svalbard", "SJ"), ("Cocos Islands", "CC"),
    ("Caribbean Netherlands", "BQ"), ("Spanish Sahara", "EH"), ("Trucial States", "AE"),
    ("Korea, Dem. People's Rep.", "KP"), ("Puerto Rico (US)", "PR"),
    # Codes: iso2, iso3, numeric (with and without its leading zero).
    ("BN", "BN"), ("BRN", "BN"), ("096", "BN"), ("96", "BN"), ("KP", "KP"), ("PRK", "KP"),
    ("prk", "KP"), ("408", "KP"), ("EH", "EH"), ("ESH", "EH"), ("732", "EH"), ("VA", "VA"),
    ("VAT", "VA"), ("336", "VA"), ("AE", "AE"), ("ARE", "AE"), ("784", "AE"), ("PS", "PS"),
    ("PSE", "PS"), ("275", "PS"), ("US", "US"), ("840", "US"), ("TW", "TW"),
    ("TWN", "TW"), ("158", "TW"), ("SG", "SG"), ("702", "SG"), ("GRL", "GL"), ("IL", "IL"),
    ("ISR", "IL"), ("SAU", "SA"), ("682", "SA"), ("OMN", "OM"), ("PR", "PR"), ("630", "PR"),
    # French and Spanish names from data/world.toml (name_fr, name_es).
    ("Arabie saoudite", "SA"), ("Arabia Saudita", "SA"), ("Émirats arabes unis", "AE"),
    ("Emiratos Árabes Unidos", "AE"), ("Sahara occidental", "EH"),
    ("Sáhara Occidental", "EH"), ("Saint-Siège", "VA"), ("Santa Sede", "VA"),
    ("République populaire démocratique de Corée", "KP"),
    ("República Popular Democrática de Corea", "KP"), ("État de Palestine", "PS"),
    ("Estado de Palestina", "PS"), ("États-Unis d'Amérique", "US"),
    ("Estados Unidos de América", "US"), ("Singapour", "SG"), ("Singapur", "SG"),
    ("Groenland", "GL"), ("Groenlandia", "GL"), ("Israël", "IL"), ("Omán", "OM"),
    ("Mónaco", "MC"), ("Saint-Marin", "SM"), ("Porto Rico", "PR"),
    ("Guinée équatoriale", "GQ"), ("Guinea Ecuatorial", "GQ"), ("Sainte-Lucie", "LC"),
    ("Santa Lucía", "LC"), ("Grenade", "GD"), ("Granada", "GD"), ("Îles Caïmanes", "KY"),
    ("Islas Caimán", "KY"), ("Polynésie française", "PF"), ("Nueva Caledonia", "NC"),
    ("Guyane française", "GF"), ("Guayana Francesa", "GF"), ("Île de Man", "IM"),
    ("Islas Feroe", "FO"), ("Antarctique", "AQ"), ("Antártida", "AQ"), ("Curazao", "CW"),
    ("Martinica", "MQ"), ("Guadalupe", "GP"), ("Sainte-Hélène", "SH"),
    ("San Pedro y Miquelón", "PM"), ("Samoa Americana", "AS"),
    # French and Spanish aliases from data/world_aliases.toml.
    ("Corée du Nord", "KP"), ("Corea del Norte", "KP"), ("États-Unis", "US"),
    ("Estados Unidos", "US"), ("EE. UU.", "US"), ("État de la Cité du Vatican", "VA"),
    ("Ciudad del Vaticano", "VA"), ("Territoires palestiniens", "PS"), ("Palestina", "PS"),
    ("Taïwan", "TW"), ("Taiwán", "TW"), ("Brunéi", "BN"), ("Arabia Saudí", "SA"),
    ("Surinam", "SR"), ("Îles Malouines", "FK"), ("Islas Malvinas", "FK"), ("Guyane", "GF"),
    ("Îles Åland", "AX"), ("Pays-Bas caribéens", "BQ"), ("Bermudas", "BM"),
    ("Isla de Navidad", "CX"), ("San Bartolomé", "BL"), ("Islas Marianas del Norte", "MP"),
]

# (typo, the name it misspells, that name's iso2): one or two edits per word,
# within Lucene's AUTO budget. The test checks the budget and that the typo
# is no name itself.
TYPOS = [
    ("Brunai", "Brunei", "BN"), ("Brunie", "Brunei", "BN"), ("Vatikan", "Vatican", "VA"),
    ("Vaticna", "Vatican", "VA"), ("Palestin", "Palestine", "PS"),
    ("Westren Sahara", "Western Sahara", "EH"), ("Greenlnd", "Greenland", "GL"),
    ("Liechtenstien", "Liechtenstein", "LI"), ("Singapor", "Singapore", "SG"),
    ("Andora", "Andorra", "AD"), ("Monacco", "Monaco", "MC"), ("San Marno", "San Marino", "SM"),
    ("Gibralter", "Gibraltar", "GI"), ("Isreal", "Israel", "IL"),
    ("Norht Korea", "North Korea", "KP"), ("Saudi Arabai", "Saudi Arabia", "SA"),
    ("Puerto Rcio", "Puerto Rico", "PR"), ("Omaan", "Oman", "OM"),
    ("Surinme", "Suriname", "SR"), ("Kiribaty", "Kiribati", "KI"),
    ("Untied Arab Emirates", "United Arab Emirates", "AE"), ("Bermudda", "Bermuda", "BM"),
    ("Greneda", "Grenada", "GD"), ("Equatorail Guinea", "Equatorial Guinea", "GQ"),
    ("Cayman Islnds", "Cayman Islands", "KY"), ("Taiwn", "Taiwan", "TW"),
    ("Hong Kng", "Hong Kong", "HK"), ("Curacoa", "Curacao", "CW"),
]

DIRECTORY = "which has no entry in IOM's directory"


def iom_run(args, stdin=None):
    result = subprocess.run([iom, *args], input=stdin, capture_output=True, timeout=30, check=False)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


# convert's summary opens with the counts; the tests here read the lines
# after it.
COUNTS = re.compile(r"^iom: \d+ lines?: \d+ matched.*\n", re.M)


def convert(query, *args):
    code, out, err = iom_run(["convert", *args], (query + "\n").encode())
    return code, out, COUNTS.sub("", err)


world = json.loads(run("countries", "--world", "-f", "json", "-F", "all"))
rows = {row["iso2"]: row for row in world}
outside = {iso2 for iso2, row in rows.items() if row["in_directory"] == "no"}
directory_codes = {row[k] for row in world if row["in_directory"] == "yes"
                   for k in ("iso2", "iso3", "numeric") if row[k]}
hosted = {}
for office in json.loads(run("offices", "-F", "id,name,kind,host", "-f", "json")):
    if office["kind"] == "office":
        hosted.setdefault(office["host"], []).append(f"{office['name']} ({office['id']})")
check(len(hosted.get("US", [])) >= 2, f"the United States host no offices: {hosted.get('US')}")


def refusal(query, iso2):
    """The one line that names the world row, and for a host its offices."""
    row = rows[iso2]
    return f"'{query}' is {row['name']} ({row['iso2']}, {row['iso3']}), {DIRECTORY}"


def check_refusal(where, got, query, iso2, prefix):
    expected = prefix + refusal(query, iso2)
    offices = hosted.get(iso2, [])
    if offices:
        check(got.startswith(expected + "; it hosts: ") and got.endswith("\n") and got.count("\n") == 1,
              f"{where}: stderr {got!r}, expected {expected!r} and '; it hosts: ...'")
        for office in offices:
            check(office in got, f"{where}: stderr {got!r} lacks the hosted office {office!r}")
    else:
        check(got == expected + "\n", f"{where}: stderr {got!r}, expected {expected!r}")


check(len(OUTSIDE) >= 40, f"only {len(OUTSIDE)} outside names")
for query, iso2 in OUTSIDE:
    if iso2 not in outside:
        failures.append(f"list error: {query!r} expects {iso2}, which is not a row outside the directory")
        continue
    name = rows[iso2]["name"]
    where = f"show {query!r}"
    code, out, err = iom_run(["show", query, "-f", "json"])
    check(code == 1, f"{where}: exit {code}, expected 1 (refusal); stdout {out!r}")
    check(out == "[]\n", f"{where}: stdout {out!r}, expected []")
    check_refusal(where, err, query, iso2, "iom: ")

    for flags in ([], ["--fuzzy"]):
        where = f"convert {' '.join(flags + ['--to', 'iso2'])} <<< {query!r}"
        code, out, err = convert(query, *flags, "--to", "iso2")
        check(code == 1, f"{where}: exit {code}, expected 1 (refusal); stdout {out!r}")
        check(out == "\n", f"{where}: stdout {out!r}, expected an empty record"
              + (" (a directory country's code)" if out.strip() in directory_codes else ""))
        check_refusal(where, err, query, iso2, "iom: line 1: ")

    for flags in (["--world"], ["--world", "--fuzzy"]):
        where = f"convert {' '.join(flags)} --to iso2,in_directory <<< {query!r}"
        code, out, err = convert(query, *flags, "--to", "iso2,in_directory")
        check((code, out, err) == (0, f"{iso2}\tno\n", ""),
              f"{where}: exit {code}, stdout {out!r}, stderr {err!r}; expected {iso2}\\tno, exit 0")

    where = f"show --world {query!r} -f json"
    code, out, err = iom_run(["show", "--world", query, "-f", "json"])
    check(code == 0 and err == "", f"{where}: exit {code}, stderr {err!r}")
    try:
        answer = json.loads(out)
    except json.JSONDecodeError as error:
        failures.append(f"{where}: not JSON ({error}): {out!r}")
        continue
    if not (isinstance(answer, list) and len(answer) == 1):
        failures.append(f"{where}: expected one object, got {out!r}")
        continue
    obj = answer[0]
    check(obj.get("iso2") == iso2 and obj.get("name") == name and obj.get("in_directory") == "no",
          f"{where}: {obj.get('iso2')} {obj.get('name')!r} in_directory={obj.get('in_directory')!r}, "
          f"expected {iso2} {name!r} no")
    for field in ("region", "type", "city"):
        check(obj.get(field) in (None, ""), f"{where}: {field} is {obj.get(field)!r}, expected empty")


def check_no_directory_guess(where, err, iso2):
    """A refusal names the intended country first and guesses nothing."""
    intended = f"{rows[iso2]['name']} ({iso2}, not in IOM's directory)"
    lines = err.splitlines()
    check(len(lines) == 1 and "guessed" not in err, f"{where}: stderr {err!r}")
    head, _, candidates = err.partition("; did you mean: ")
    check(head.endswith("'") and candidates.startswith(intended),
          f"{where}: stderr {err!r} does not name {intended!r} first")


check(len(TYPOS) >= 10, f"only {len(TYPOS)} typos")
for typo, meant, iso2 in TYPOS:
    if iso2 not in outside:
        failures.append(f"list error: typo {typo!r} expects {iso2}, which is not a row outside the directory")
        continue
    within = words_within_auto(typo.lower().split(), meant.lower().split())
    check(within and typo != meant, f"list error: {typo!r} is not within AUTO of {meant!r}")
    code, out, err = convert(typo, "--world", "--to", "iso2")
    check(code == 1 and out == "\n", f"list error: {typo!r} is itself a name ({out.strip()})")

    where = f"convert --fuzzy --to iso2 <<< {typo!r}"
    code, out, err = convert(typo, "--fuzzy", "--to", "iso2")
    if out.strip() in directory_codes:
        failures.append(f"{where}: WRONG, printed the directory country {out.strip()}, exit {code}; "
                        f"{typo!r} misspells {meant!r} ({iso2})")
    check(code == 1 and out == "\n", f"{where}: exit {code}, stdout {out!r}, expected an empty record")
    if err.startswith("iom: line 1: guessed "):
        check_refusal(where, err, typo, iso2, "iom: line 1: guessed ")
    else:
        check_no_directory_guess(where, err, iso2)

    where = f"convert --world --fuzzy --to iso2 <<< {typo!r}"
    code, out, err = convert(typo, "--world", "--fuzzy", "--to", "iso2")
    if out.strip() in directory_codes:
        failures.append(f"{where}: WRONG, printed the directory country {out.strip()}, exit {code}")
    if out == f"{iso2}\n":
        guess = f"iom: line 1: guessed '{typo}' is {rows[iso2]['name']} ({iso2}, not in IOM's directory) ("
        check(code == 0 and err.startswith(guess) and err.count("\n") == 1,
              f"{where}: exit {code}, stderr {err!r}, expected {guess!r}...")
    else:
        check(code == 1 and out == "\n", f"{where}: exit {code}, stdout {out!r}, expected {iso2} or nothing")
        check_no_directory_guess(where, err, iso2)

covered = {iso2 for _, iso2 in OUTSIDE} & outside
print(f"{len(OUTSIDE)} outside names and {len(TYPOS)} typos checked; "
      f"covers {len(covered)} of {len(outside)} rows outside the directory")
for failure in failures[:50]:
    print("FAIL:", failure)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
