#!/usr/bin/env python3
"""Creates the golden case directories (args, stdin, env) listed below.

The expectations are then recorded with
    for c in tests/e2e/cases/*; do tests/e2e/run_case.py build/iom $c --update; done
and must be reviewed before they are committed. Existing expectations are
kept; only args/stdin/env are (re)written.
"""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent / "cases"
FORMATS = ["table", "tsv", "csv", "json", "jsonl", "md"]

# Every command x every format.
COMMANDS = {
    "show": ["show", "kenya", "Côte d'Ivoire"],
    "countries": ["countries", "-r", "wca", "-s", "-name", "-n", "5"],
    "offices": ["offices", "-t", "ro,sro"],
    "regions": ["regions"],
    "types": ["types"],
    "stats": ["stats"],
    "fields": ["fields"],
    "search": ["search", "turky"],
    "convert": ["convert", "--to", "iso3,region", "--keep", "Türkiye", "ivory coast"],
}

CASES = {}
for name, args in COMMANDS.items():
    for fmt in FORMATS:
        if name == "convert" and fmt in ("table", "json", "md"):
            continue  # convert is line-oriented; these are usage errors below
        CASES[f"{name}-{fmt}"] = {"args": args + ["-f", fmt]}

CASES.update({
    # show: matching, misses, ambiguity, hints
    "show-not-found-did-you-mean": {"args": ["show", "kenyaa"]},
    "show-not-found-nothing-close": {"args": ["show", "qqqqqq"]},
    "show-ambiguous-brussels": {"args": ["show", "brussels", "-f", "tsv", "-F", "name"]},
    "show-united-states-hint": {"args": ["show", "usa"]},
    "show-partial-found": {"args": ["show", "kenya", "atlantis", "-f", "tsv", "-F", "name,iso3"]},
    "show-json-empty-array": {"args": ["show", "atlantis", "-f", "json"]},
    "show-accents-and-the": {"args": ["show", "turkiye", "the gambia", "cote divoire", "-f", "tsv", "-F", "iso3"]},
    "show-codes-and-numeric": {"args": ["show", "ke", "KEN", "4", "004", "-f", "tsv", "-F", "iso3"]},
    "show-kosovo-user-assigned": {"args": ["show", "kosovo", "-f", "tsv", "-F", "name,iso2,iso3,code_status"]},
    "show-query-too-long": {"args": ["show", "x" * 300]},
    # list filters
    "countries-count": {"args": ["countries", "-c"]},
    "offices-count-offices": {"args": ["offices", "--kind", "office", "-c"]},
    "countries-region-by-name-prefix": {"args": ["countries", "-r", "west", "-c"]},
    "countries-region-accent-case": {"args": ["countries", "-r", "EUROPE AND CENTRAL ASIA", "-c"]},
    "countries-two-regions": {"args": ["countries", "-r", "wca", "-r", "mena", "-c"]},
    "countries-bad-region": {"args": ["countries", "-r", "atlantis"]},
    "countries-ambiguous-region-prefix": {"args": ["countries", "-r", "e"]},
    "countries-bad-type": {"args": ["countries", "-t", "embassy"]},
    "countries-type-name": {"args": ["countries", "-t", "country office with", "-f", "tsv", "-F", "name,type"]},
    "countries-lang": {"args": ["countries", "-l", "es", "-c"]},
    "countries-basis-inferred": {"args": ["countries", "--basis", "inferred", "-f", "tsv", "-F", "name,region_basis,type_basis"]},
    "countries-match": {"args": ["countries", "-m", "guinea", "-f", "tsv", "-F", "name"]},
    "countries-no-match": {"args": ["countries", "-m", "atlantis", "-f", "tsv"]},
    "countries-sort-desc-limit": {"args": ["countries", "-s", "-numeric", "-n", "3", "-f", "tsv", "-F", "name,numeric"]},
    "countries-no-header": {"args": ["countries", "-r", "mena", "-H", "-f", "csv", "-F", "iso3"]},
    "countries-bom-delimiter": {"args": ["countries", "-r", "mena", "-n", "2", "-f", "csv", "--bom", "-d", ";"]},
    "countries-limit-negative": {"args": ["countries", "-n", "-1"]},
    "countries-limit-zero": {"args": ["countries", "-n", "0", "-f", "tsv"]},
    "countries-unknown-field": {"args": ["countries", "-F", "name,capital"]},
    "countries-unknown-format": {"args": ["countries", "-f", "xml"]},
    "countries-bad-kind": {"args": ["countries", "--kind", "state"]},
    "countries-bad-basis": {"args": ["countries", "--basis", "guessed"]},
    "countries-bad-color": {"args": ["countries", "--color", "sometimes"]},
    "countries-bad-delimiter": {"args": ["countries", "-f", "csv", "-d", "ab"]},
    "offices-host-kenya": {"args": ["offices", "--host", "kenya", "-f", "tsv", "-F", "name,city"]},
    "offices-host-usa": {"args": ["offices", "--host", "United States", "-f", "tsv", "-F", "name,city,host_name"]},
    "offices-host-unknown": {"args": ["offices", "--host", "atlantis"]},
    "color-always-dims-assumptions": {"args": ["countries", "-r", "ehsa", "-n", "2", "-f", "table", "-F", "name,type,type_basis", "--color", "always"]},
    "color-no-color-env": {"args": ["countries", "-n", "1", "-f", "table", "--color", "auto"], "env": "NO_COLOR=1"},
    # usage errors
    "no-command": {"args": []},
    "unknown-command": {"args": ["frobnicate"]},
    "unknown-option": {"args": ["countries", "--frob"]},
    "show-no-query": {"args": ["show"]},
    "version": {"args": ["--version"]},
    "help": {"args": ["--help"]},
    # search
    "search-code-first": {"args": ["search", "ne", "-f", "tsv"]},
    "search-niger": {"args": ["search", "niger", "-f", "tsv"]},
    "search-uni-word-starts": {"args": ["search", "uni", "-f", "tsv", "-n", "20"]},
    "search-none": {"args": ["search", "zzzzzzzz", "-f", "tsv"]},
    "search-limit-fields": {"args": ["search", "congo", "-n", "2", "-f", "csv", "-F", "iso3"]},
    # convert
    "convert-stdin-mixed": {"args": ["convert", "--to", "iso3"],
                             "stdin": b"Kenya\r\nturkey\n\nAtlantis\nCOTE D'IVOIRE\n   \nbrussels\nKEN\nusa\nDRC"},
    "convert-from-iso2": {"args": ["convert", "--to", "name", "--from", "iso2"], "stdin": b"KE\nkenya\nTR\n"},
    "convert-fuzzy": {"args": ["convert", "--to", "iso3", "--fuzzy"], "stdin": b"kenyaa\nphillipines\nzz\n"},
    "convert-bad-to": {"args": ["convert", "--to", "capital", "kenya"]},
    "convert-bad-from": {"args": ["convert", "--to", "iso3", "--from", "city", "kenya"]},
    "convert-json-refused": {"args": ["convert", "--to", "iso3", "-f", "json", "kenya"]},
    "convert-list-field": {"args": ["convert", "--to", "languages", "namibia", "kenya"]},
    # A blank or unmatched line gives an empty record in every format, with
    # the input kept by --keep; an empty field is null in jsonl, as elsewhere.
    "convert-blank-miss-csv": {"args": ["convert", "--to", "iso3,region", "-f", "csv"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-blank-miss-tsv": {"args": ["convert", "--to", "iso3,region", "-f", "tsv"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-blank-miss-jsonl": {"args": ["convert", "--to", "iso3,region", "-f", "jsonl"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-keep-blank-miss-csv": {"args": ["convert", "--to", "iso3,region", "--keep", "-f", "csv"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-keep-blank-miss-tsv": {"args": ["convert", "--to", "iso3,region", "--keep", "-f", "tsv"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-keep-blank-miss-jsonl": {"args": ["convert", "--to", "iso3,region", "--keep", "-f", "jsonl"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-one-field-miss-csv": {"args": ["convert", "--to", "iso3", "-f", "csv"], "stdin": b"Kenya\n\nAtlantis\n"},
    "convert-too-long-keep-jsonl": {"args": ["convert", "--to", "iso3", "--keep", "-f", "jsonl"], "stdin": b"x" * 300 + b"\nkenya\n"},
    "convert-jsonl-empty-field-null": {"args": ["convert", "--to", "iso3,numeric,city", "-f", "jsonl", "kosovo", "kenya"]},
    "convert-jsonl-list-field-miss": {"args": ["convert", "--to", "iso3,languages", "-f", "jsonl", "namibia", "atlantis"]},
    # every list goes through its field table: -F and -s work everywhere
    "regions-fields": {"args": ["regions", "-F", "code,name", "-f", "tsv"]},
    "regions-sort-countries-desc": {"args": ["regions", "-s", "-countries", "-f", "tsv", "-F", "code,countries"]},
    "regions-bad-field": {"args": ["regions", "-F", "code,capital"]},
    "regions-bad-sort": {"args": ["regions", "-s", "size"]},
    "types-fields-sort": {"args": ["types", "-s", "-entries,code", "-f", "csv", "-F", "code,entries"]},
    "stats-fields-sort": {"args": ["stats", "-s", "-total", "-F", "region,co,total", "-f", "table"]},
    "search-sort-fields": {"args": ["search", "guinea", "-s", "-name", "-F", "name,score", "-f", "tsv"]},
    "search-bad-field": {"args": ["search", "kenya", "-F", "capital"]},
    "fields-hashtags": {"args": ["fields", "-F", "name,hashtag", "-f", "tsv"]},
    "countries-sort-numeric": {"args": ["countries", "-s", "numeric", "-n", "4", "-f", "tsv", "-F", "name,numeric"]},
    "offices-sort-numeric-empty-last": {"args": ["offices", "-r", "mena", "-s", "-numeric", "-f", "tsv", "-F", "id,numeric"]},
    # usage errors speak iom's language; --bom and -d shape csv only
    "usage-unknown-option-did-you-mean": {"args": ["countries", "--regoin", "ap"]},
    "usage-unknown-command-did-you-mean": {"args": ["contries"]},
    "usage-data-value-named-like-a-command": {"args": ["--data", "stats", "countries"]},
    "usage-unexpected-argument": {"args": ["regions", "foo"]},
    "usage-option-needs-value": {"args": ["countries", "-f"]},
    "usage-unknown-short-option": {"args": ["countries", "-x"]},
    "countries-lang-any-case": {"args": ["countries", "-l", "FR", "-F", "name,languages", "-f", "tsv"]},
    "countries-ambiguous-type-prefix": {"args": ["countries", "-t", "country"]},
    "usage-delimiter-selects-csv": {"args": ["countries", "-r", "mena", "-n", "2", "-F", "name,iso3", "-d", ";"]},
    "usage-delimiter-refused-with-tsv": {"args": ["countries", "-f", "tsv", "-d", ";"]},
    "usage-bom-refused-with-json": {"args": ["regions", "--bom", "-f", "json"]},
    "convert-delimiter-selects-csv": {"args": ["convert", "--to", "iso3,name", "-d", ";", "kenya", "chad"]},
    # validate
    "validate-builtin": {"args": ["validate"]},
    "validate-mini": {"args": ["validate", "@SRC@/tests/bad/files/valid.toml"]},
    "validate-missing-file": {"args": ["validate", "/nonexistent/x.toml"]},
    "data-env-mini": {"args": ["countries", "-f", "tsv"], "env": "IOM_DATA=@SRC@/tests/bad/files/valid.toml"},
    "data-option-mini": {"args": ["--data", "@SRC@/tests/bad/files/valid.toml", "show", "kenya", "-f", "tsv", "-F", "name"]},
    "data-bad-file": {"args": ["--data", "/nonexistent/x.toml", "countries"]},
    # A loaded dataset builds its lookup index only for commands that look
    # names up; each of them must still find names in it.
    "data-mini-offices-host": {"args": ["--data", "@SRC@/tests/fixtures/mini.toml", "offices", "--host", "kenya", "-f", "tsv", "-F", "id,host"]},
    "data-mini-countries-region": {"args": ["--data", "@SRC@/tests/fixtures/mini.toml", "countries", "-r", "ehsa", "-c"]},
    "data-mini-search": {"args": ["--data", "@SRC@/tests/fixtures/mini.toml", "search", "ethiopai", "-f", "tsv"]},
    "data-mini-convert": {"args": ["--data", "@SRC@/tests/fixtures/mini.toml", "convert", "--to", "iso3", "--keep"], "stdin": b"kenya\nETH\nnairobi\nkenyaa\n"},
})

# Issue 13: the world around the directory.
CASES.update({
    "world-show-outside": {"args": ["show", "brunei", "-f", "json"]},
    "world-show-outside-world": {"args": ["show", "--world", "brunei", "-f", "json"]},
    "world-show-outside-card": {"args": ["show", "--world", "western sahara", "-f", "table"]},
    "world-show-ambiguous-korea": {"args": ["show", "korea"]},
    "world-show-ambiguous-dr": {"args": ["show", "DR"]},
    "world-show-ambiguous-virgin": {"args": ["show", "Virgin Islands"]},
    "world-show-congo-note": {"args": ["show", "congo", "Republic of Congo", "-f", "tsv", "-F", "name,iso2"]},
    "world-show-inverted": {"args": ["show", "Gambia, The", "Korea, Republic of", "Congo, Dem. Rep.", "-f", "tsv", "-F", "name,iso3"]},
    "world-countries-count": {"args": ["countries", "--world", "-c"]},
    "world-countries-csv": {"args": ["countries", "--world", "-f", "csv", "-F", "iso3,name,in_directory,m49_region_name,m49_subregion_name"]},
    "world-search-outside": {"args": ["search", "brunei"]},
    "world-search-world": {"args": ["search", "--world", "brunei", "-f", "tsv"]},
    "world-convert-fuzzy": {"args": ["convert", "--fuzzy", "--to", "iso3"], "stdin": b"North Korea\nNorth Sudan\nBrunei\nAlemania\nGuyane\nNorht Korea\nNigera\n"},
    "world-convert-world": {"args": ["convert", "--world", "--to", "iso3,in_directory,m49_region"], "stdin": b"North Korea\nBrunei\nKenya\nGuyane\n"},
    "world-convert-congo-summary": {"args": ["convert", "--to", "iso3"], "stdin": b"Congo\nkenya\nRepublic of Congo\ncongo\nDRC\n"},
})

# Issue 15: the summary, encodings, tables (--column) and HXL.
UNMATCHED = "".join(f"Place {i}\n" for i in range(25)) + "Place 3\nKenya\nPlace 3\n"
CASES.update({
    "convert-summary-capped": {"args": ["convert", "--to", "iso3"], "stdin": UNMATCHED.encode()},
    "convert-verbose": {"args": ["convert", "--to", "iso3", "--verbose", "--fuzzy"], "stdin": b"Atlantis\nkenyaa\nAtlantis\n"},
    "convert-dash-stdin": {"args": ["convert", "--to", "iso3", "kenya", "-", "turkey"], "stdin": b"France\nAtlantis\n"},
    "convert-from-iso2-alpha3": {"args": ["convert", "--to", "name", "--from", "iso2", "KEN", "FRA", "250"]},
    "convert-invalid-utf8": {"args": ["convert", "--to", "iso3"], "stdin": b"Kenya\nAtlantis\nC\xf4te d'Ivoire\nTurkey\n"},
    "convert-cp1252": {"args": ["convert", "--to", "iso3", "--encoding", "cp1252", "--keep"], "stdin": b"C\xf4te d\x92Ivoire\nT\xfcrkiye\n"},
    "convert-cp1252-undefined": {"args": ["convert", "--to", "iso3", "--encoding", "cp1252"], "stdin": b"Kenya\nbad \x81 byte\n"},
    "convert-latin1": {"args": ["convert", "--to", "iso3", "--encoding", "latin1"], "stdin": b"C\xf4te d'Ivoire\n"},
    "convert-bad-encoding": {"args": ["convert", "--to", "iso3", "--encoding", "utf-16", "kenya"]},
    "convert-hxl-line-mode": {"args": ["--hxl", "convert", "--to", "iso3", "kenya"]},
    "enrich-csv": {"args": ["convert", "--to", "iso3,region", "--column", "Country"],
                   "stdin": b'\xef\xbb\xbfcountry,idps\r\n"Congo, Democratic Republic of the",5\r\nKenya,"1,200"\r\nC\xc3\xb4te d\xe2\x80\x99Ivoire,3\r\nTurkey,"say ""hi"""\r\nkenya,2\r\nAtlantis,7\r\n,0\r\nGlobal,9\r\n"multi\r\nline",1\r\n'},
    "enrich-tsv": {"args": ["convert", "--to", "iso3", "--column", "2"], "stdin": b"n\tname\n1\tKenya\n2\tTurkey\n3\tAtlantis\n"},
    "enrich-semicolon": {"args": ["convert", "--to", "iso3,name", "--column", "pays", "--lang", "fr"], "stdin": "pays;valeur\nAllemagne;1\nMaroc;2\n".encode()},
    "enrich-pipe-no-header": {"args": ["-H", "convert", "--to", "iso2", "--column", "1"], "stdin": b"Kenya|x\nChad|y\n"},
    "enrich-hxl-column": {"args": ["convert", "--to", "iso3,region", "--column", "#country+name"],
                          "stdin": b"Country,Population\n#country+name+i_en,#population\nKenya,10\nChad,20\n"},
    "enrich-hxl-add": {"args": ["--hxl", "convert", "--to", "iso3,name_fr", "--column", "country"], "stdin": b"country,n\nKenya,1\n"},
    "enrich-existing-column": {"args": ["convert", "--to", "iso3,region", "--column", "name"], "stdin": b"name,iso3\nKenya,\n"},
    "enrich-ragged": {"args": ["convert", "--to", "iso3", "--column", "2"], "stdin": b"a,country,c\n1,Kenya,x,extra\nonly\n2,Chad\n\n3,Mali,y\n"},
    "enrich-unterminated": {"args": ["convert", "--to", "iso3", "--column", "country"], "stdin": b'country,n\nKenya,1\n"Chad,2\nMali,3\n'},
    "enrich-bad-column": {"args": ["convert", "--to", "iso3", "--column", "contry"], "stdin": b"country,n\nKenya,1\n"},
    "enrich-column-number-out-of-range": {"args": ["convert", "--to", "iso3", "--column", "3"], "stdin": b"country,n\nKenya,1\n"},
    "enrich-duplicate-column": {"args": ["convert", "--to", "iso3", "--column", "country"], "stdin": b"country,country\nKenya,Chad\n"},
    "enrich-hxl-ambiguous": {"args": ["convert", "--to", "iso3", "--column", "#country"], "stdin": b"a,b\n#country+name,#country+code\nKenya,KEN\n"},
    "enrich-hxl-missing": {"args": ["convert", "--to", "iso3", "--column", "#country"], "stdin": b"a,b\nKenya,KEN\n"},
    "enrich-delimiter-tie": {"args": ["convert", "--to", "iso3", "--column", "1"], "stdin": b"a;b,c\nKenya;1,2\n"},
    "enrich-delimiter-given": {"args": ["-d", ";", "convert", "--to", "iso3", "--column", "1"], "stdin": b"a;b,c\nKenya;1,2\n"},
    "enrich-no-header-name-refused": {"args": ["-H", "convert", "--to", "iso3", "--column", "country"], "stdin": b"Kenya\n"},
    "enrich-keep-refused": {"args": ["convert", "--to", "iso3", "--column", "1", "--keep"], "stdin": b"country\nKenya\n"},
    "enrich-format-refused": {"args": ["-f", "json", "convert", "--to", "iso3", "--column", "1"], "stdin": b"country\nKenya\n"},
    "enrich-empty": {"args": ["convert", "--to", "iso3", "--column", "1"], "stdin": b""},
    # An empty first line names no columns, whatever lies further on (a bad
    # byte on line 3 once changed the message with the read size).
    "enrich-empty-first-line": {"args": ["convert", "--to", "iso3", "--column", "1"], "stdin": b"\ncountry\n\x98Kenya\n"},
    "enrich-no-such-column": {"args": ["convert", "--to", "iso3", "--column", "2"], "stdin": b"country\nKenya\n"},
    "enrich-invalid-utf8": {"args": ["convert", "--to", "iso3", "--column", "1"], "stdin": b"country\nKenya\nC\xf4te d'Ivoire\nChad\n"},
    "enrich-missing-file": {"args": ["convert", "--to", "iso3", "--column", "1", "no-such-file.csv"]},
    "hxl-countries-csv": {"args": ["--hxl", "countries", "-r", "wca", "-n", "3", "-f", "csv", "-F", "name,iso2,iso3,numeric,region,region_name"]},
    "hxl-regions-tsv": {"args": ["--hxl", "regions", "-f", "tsv"]},
    "hxl-no-header": {"args": ["--hxl", "-H", "types", "-f", "csv", "-F", "code,name"]},
    "hxl-json-refused": {"args": ["--hxl", "countries", "-f", "json"]},
})

# Issue 14: names in English, French and Spanish.
for lang in ("fr", "es"):
    for fmt in ("table", "csv", "json"):
        CASES[f"lang-{lang}-countries-{fmt}"] = {"args": ["--lang", lang, "countries", "-r", "wca", "-n", "6", "-f", fmt, "-F", "name,short_name,iso3,type_name"]}
        CASES[f"lang-{lang}-offices-{fmt}"] = {"args": ["--lang", lang, "offices", "-f", fmt, "-F", "name,type_name,city"]}
        CASES[f"lang-{lang}-show-{fmt}"] = {"args": ["--lang", lang, "show", "germany", "ivory coast", "-f", fmt] + ([] if fmt == "table" else ["-F", "name,short_name,name_en,name_fr,name_fr_source,name_es,name_es_source,type_name"])}
    CASES[f"lang-{lang}-convert-csv"] = {"args": ["--lang", lang, "convert", "--to", "name,type_name", "--keep", "-f", "csv"], "stdin": "Allemagne\nAlemania\nRoyaume-Uni\nEspaña\nMaroc\nSuisse\nEl Salvador\nGlobal Office in Brussels\n".encode()}
    for fmt in ("tsv", "jsonl"):
        CASES[f"lang-{lang}-convert-{fmt}"] = {"args": ["--lang", lang, "convert", "--to", "name,short_name,type_name", "-f", fmt], "stdin": "Allemagne\nAlemania\nCôte d'Ivoire\nGlobal Office in Brussels\nKosovo\n".encode()}
CASES["lang-es-types-table"] = {"args": ["--lang", "es", "types", "-f", "table", "-F", "code,name,name_es_source"]}
CASES["lang-env"] = {"args": ["countries", "-n", "2", "-f", "tsv", "-F", "name"], "env": "IOM_LANG=es"}
CASES["lang-env-bad"] = {"args": ["countries", "-n", "2"], "env": "IOM_LANG=de"}
CASES["lang-bad"] = {"args": ["--lang", "frr", "countries"]}

# Issue 18: keeping the data alive (diff, import, cities, region notes).
OLD = "@SRC@/tests/fixtures/diff/old.toml"
NEW = "@SRC@/tests/fixtures/diff/new.toml"
SEED = "@SRC@/tests/fixtures/seed_page.txt"
for fmt in ("table", "json", "md", "tsv"):
    CASES[f"diff-{fmt}"] = {"args": ["diff", OLD, NEW, "-f", fmt]}
CASES.update({
    "diff-same": {"args": ["diff", OLD, OLD, "-f", "table"]},
    "diff-same-json": {"args": ["diff", OLD, OLD, "-f", "json"]},
    "diff-builtin-same": {"args": ["diff", "-", "-", "-f", "tsv"]},
    "diff-file-against-builtin": {"args": ["diff", "@SRC@/data/iom.toml", "-", "-f", "tsv"]},
    "diff-missing-file": {"args": ["diff", OLD, "@SRC@/tests/fixtures/diff/absent.toml"]},
    "diff-bad-file": {"args": ["diff", OLD, "@SRC@/tests/bad/files/syntax-error.toml"]},
    "diff-fields": {"args": ["diff", OLD, NEW, "-f", "tsv", "-F", "key,change,field"]},
    "import-seed-no-change": {"args": ["import", SEED, "-f", "table"]},
    "import-seed-no-change-json": {"args": ["import", SEED, "-f", "json"]},
    "import-no-list": {"args": ["import", "@SRC@/tests/fixtures/seed_directory.txt"]},
    "import-empty-page": {"args": ["import", "/dev/null"]},
    "import-missing-page": {"args": ["import", "@SRC@/tests/fixtures/absent.txt"]},
    "show-city-not-a-name": {"args": ["show", "nairobi"]},
    "offices-city-nairobi": {"args": ["offices", "--city", "nairobi", "-f", "tsv", "-F", "name,type,city"]},
    "offices-city-brussels": {"args": ["offices", "--city", "Brussels", "-f", "tsv", "-F", "name,type,city"]},
    "offices-city-washington": {"args": ["offices", "--city", "washington", "-f", "tsv", "-F", "name,city"]},
    "offices-city-geneva": {"args": ["offices", "--city", "Geneva"]},
    "countries-city-two": {"args": ["countries", "--city", "bangkok", "--city", "Yaounde", "-f", "tsv", "-F", "name,city"]},
    "regions-note-field": {"args": ["regions", "-f", "tsv", "-F", "code,basis,note"]},
    "validate-review-marks": {"args": ["validate", "@SRC@/tests/fixtures/review.toml"]},
})

for name, case in CASES.items():
    d = HERE / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "args").write_text("".join(a + "\n" for a in case["args"]), encoding="utf-8")
    if "stdin" in case:
        (d / "stdin").write_bytes(case["stdin"])
    if "env" in case:
        (d / "env").write_text(case["env"] + "\n", encoding="utf-8")
print(f"{len(CASES)} cases")
