#!/bin/sh
# The benchmark suite of iom (SPEC section 5, issue 7). One run measures every
# result together with its baseline, so that ratios cancel the machine's noise.
#
# usage: sh tests/bench/run.sh [--quick]        (or: make bench)
#
#   full run   prints the results table and rewrites BENCHMARKS.md.
#              Exit 0: every target met; 1: a target missed; 2: a step broke.
#   --quick    the smoke that CI runs through CTest (bench_smoke): a couple of
#              runs of each step at small sizes, to prove the suite works end
#              to end. BENCHMARKS.md is left alone. Exit 0 unless a step broke
#              (2); missed targets do not count. Exit 77 (skip) when hyperfine
#              or valgrind is missing.
#
# Steps: 1 start-up (hyperfine), 2 instructions (callgrind), 3 peak RSS
# (/usr/bin/time), 4 convert throughput vs an awk hash join, 5 convert on
# messy input and on distinct misses vs awk, and callgrind's instructions per
# miss (issue 17), 6 --data at 1k/10k/100k entries vs a bare toml++ parse,
# 7 the candidate-index methods side by side, 8 peers (pycountry, isoquery,
# jq). The tools come from `sh cmake/deps.sh bench`; this script installs
# nothing.
#
# Environment:
#   IOM_BIN           binary to measure (default: built in build-bench/,
#                     Release, static unless BENCH_CMAKE_ARGS says otherwise)
#   TOML_PARSE_BIN    the toml++ baseline (default: built with IOM_BIN)
#   BENCH_WORK        scratch directory (default: build-bench/bench-work)
#   BENCH_CMAKE_ARGS  extra arguments for configuring build-bench/
#   BENCH_SIZES       --data sizes (default "1000 10000 100000"; quick "1000")
#   BENCH_LINES       convert input lines (default 1000000; quick 20000)
#   BENCH_MISSES      distinct misses under callgrind (default 100000;
#                     quick 2000)
#   INDEX_METHODS_BIN the methods of step 7 (default: built with IOM_BIN)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

say() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------
missing=""
for tool in hyperfine valgrind callgrind_annotate; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -x /usr/bin/time ] || missing="$missing /usr/bin/time(time)"
if [ -n "$missing" ]; then
  say "bench: missing:$missing; run 'sh cmake/deps.sh bench' first"
  [ "$quick" = 1 ] && exit 77
  exit 2
fi
# Python with tomllib (3.11+) for the generators; pycountry is a Debian
# package, so it is looked for in the system Python first.
python=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import tomllib' >/dev/null 2>&1; then
    python=$(command -v "$candidate"); break
  fi
done
if [ -z "$python" ]; then
  say "bench: python3 >= 3.11 (tomllib) is needed"
  [ "$quick" = 1 ] && exit 77
  exit 2
fi

# --- sizes and run counts ----------------------------------------------------
if [ "$quick" = 1 ]; then
  startup="1 --warmup 1 --runs 3"
  peers="1 --warmup 1 --runs 2"
  convert="1 --warmup 0 --runs 2"
  lines=${BENCH_LINES:-20000}
  misses=${BENCH_MISSES:-2000}
  method_lines=200
  sizes=${BENCH_SIZES:-1000}
  enrich_rows=${BENCH_ENRICH_ROWS:-20000}
  enrich="--warmup 0 --runs 2"
else
  startup="30 --warmup 2 --runs 10"
  peers="5 --warmup 2 --runs 10"
  convert="5 --warmup 1 --runs 2"
  lines=${BENCH_LINES:-1000000}
  misses=${BENCH_MISSES:-100000}
  method_lines=1000
  sizes=${BENCH_SIZES:-1000 10000 100000}
  enrich_rows=${BENCH_ENRICH_ROWS:-1000000}
  enrich="--warmup 1 --runs 3"
fi
data_runs() { # ROUNDS and hyperfine options; fewer for the big files
  if [ "$quick" = 1 ]; then echo "1 --warmup 0 --runs 2"
  elif [ "$1" -ge 50000 ]; then echo "2 --warmup 0 --runs 2"
  elif [ "$1" -ge 5000 ]; then echo "5 --warmup 1 --runs 4"
  else echo "5 --warmup 2 --runs 10"; fi
}

# --- binaries ----------------------------------------------------------------
build="$root/build-bench"
if [ -z "${IOM_BIN:-}" ] || [ -z "${TOML_PARSE_BIN:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    say "bench: configuring $build (Release)"
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      ${BENCH_CMAKE_ARGS:-} >/dev/null || { say "bench: configure failed"; exit 2; }
  fi
  say "bench: building iom, the toml++ baseline and the index methods in $build"
  cmake --build "$build" --target iom iom_toml_parse iom_index_methods \
    >/dev/null || { say "bench: build failed"; exit 2; }
fi
iom=${IOM_BIN:-$build/iom}
toml_parse=${TOML_PARSE_BIN:-$build/tests/iom_toml_parse}
index_methods=${INDEX_METHODS_BIN:-$build/tests/iom_index_methods}
for binary in "$iom" "$toml_parse"; do
  [ -x "$binary" ] || { say "bench: no executable $binary"; exit 2; }
done

work=${BENCH_WORK:-$build/bench-work}
# The scratch directory is emptied, so it must be one this script made.
if [ -d "$work" ] && [ ! -f "$work/.iom-bench" ] && [ -n "$(ls -A "$work")" ]; then
  say "bench: $work exists and is not a bench scratch directory; not touching it"
  exit 2
fi
rm -rf "$work"
mkdir -p "$work/log"
: >"$work/.iom-bench"
: >"$work/broken.txt"
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# A broken step is recorded and the run goes on; the report lists it.
broken() {
  printf '%s\n' "$*" >>"$work/broken.txt"
  say "bench: BROKEN: $*"
}
# hyperfine NAME "LABELS" [options and commands...]: the JSON export, the
# labels of its results in order, and hyperfine's text output in log/.
# (POSIX sh has no local variables: each helper uses its own names.)
bench() {
  b_name=$1; printf '%s\n' "$2" >"$work/$b_name.labels"; shift 2
  if ! hyperfine --style basic --export-json "$work/$b_name.json" "$@" \
      >"$work/log/$b_name.txt" 2>&1; then
    broken "$b_name: hyperfine failed (log: $work/log/$b_name.txt)"
    tail -5 "$work/log/$b_name.txt" >&2
    return 1
  fi
}
# cpu_mark WHEN FILE: for the busy-machine check (report.py), appends to FILE
# the clock, the CPU time of this shell's children so far (the `times`
# builtin, so it must run in this shell, not in a subshell) and the first
# line of /proc/stat (all CPUs' busy and idle time). Between a "before" and
# an "after" mark, /proc/stat's busy time less the children's CPU time is
# what other processes used.
cpu_mark() {
  times >"$work/times.tmp"
  {
    printf '%s\tclock\t%s\n' "$1" "$(date +%s.%N)"
    printf '%s\ttimes\t%s\n' "$1" "$(tail -1 "$work/times.tmp")"
    printf '%s\tstat\t%s\n' "$1" "$(head -1 /proc/stat 2>/dev/null || true)"
  } >>"$2"
}
# rounds NAME "LABELS" ROUNDS [options and commands...]: hyperfine times one
# command after the other, so a change of load between them would skew their
# ratio. Several short rounds instead (NAME-1, NAME-2, ...) sample all the
# commands over the same stretch of time; the report pools them. NAME.cpu
# holds the CPU marks before and after the rounds.
rounds() {
  r_name=$1; r_labels=$2; r_count=$3; shift 3
  : >"$work/$r_name.cpu"
  cpu_mark before "$work/$r_name.cpu"
  r_i=1
  while [ "$r_i" -le "$r_count" ]; do
    bench "$r_name-$r_i" "$r_labels" "$@" || return 1
    r_i=$((r_i + 1))
  done
  cpu_mark after "$work/$r_name.cpu"
}
# quiet_rounds ATTEMPTS NAME "LABELS" ROUNDS [options and commands...]:
# rounds, measured again from scratch, retry_pause seconds later, while the
# busy-machine check that judges NAME (report.py --noisy) says that it was
# busy, up to ATTEMPTS measurements in all. A ratio is judged only when the check
# passes, so a stretch of load elsewhere on the host costs a retry, not the
# step. No step is measured again once the run has taken retry_budget
# seconds (a quiet run takes about 380 s in all), so that a busy machine
# cannot push make bench past 10 minutes. NAME.attempts holds the attempts
# made, the most allowed, retry_pause and retry_budget, for the report.
retry_budget=300
retry_pause=10
quiet_rounds() {
  q_max=$1; q_name=$2; q_labels=$3; shift 3
  q_attempt=1
  while :; do
    rounds "$q_name" "$q_labels" "$@" || return 1
    printf '%s\t%s\t%s\t%s\n' "$q_attempt" "$q_max" "$retry_pause" \
      "$retry_budget" >"$work/$q_name.attempts"
    if [ "$quick" = 1 ] || [ "$q_attempt" -ge "$q_max" ] ||
        [ $(($(date +%s) - started)) -ge "$retry_budget" ] ||
        ! q_noise=$("$python" "$here/report.py" "$work" --noisy "$q_name"); then
      return 0
    fi
    say "bench: busy machine at $q_name ($q_noise; load $(cut -d' ' -f1 /proc/loadavg)); again in $retry_pause s"
    rm -f "$work/$q_name"-[0-9]*.json "$work/$q_name"-[0-9]*.labels \
      "$work/log/$q_name"-[0-9]*.txt
    sleep "$retry_pause"
    q_attempt=$((q_attempt + 1))
  done
}
# peak_rss LABEL COMMAND...: the largest of three max-RSS readings, in KiB.
peak_rss() {
  p_label=$1; shift
  p_best=0
  for _ in 1 2 3; do
    /usr/bin/time -f %M -o "$work/rss.tmp" "$@" >/dev/null 2>&1 || true
    p_kib=$(tail -1 "$work/rss.tmp")
    [ "$p_kib" -gt "$p_best" ] && p_best=$p_kib
  done
  printf '%s\t%s\n' "$p_label" "$p_best" >>"$work/rss.tsv"
}
step() { say "bench: [$1/9] $2 ($(( $(date +%s) - started )) s)"; }

# --- 0. sanity ---------------------------------------------------------------
if ! "$iom" show kenya >"$work/show.txt" 2>"$work/log/show.err"; then
  broken "iom show kenya failed: $(cat "$work/log/show.err")"
fi

# --- 1. start-up ---------------------------------------------------------------
step 1 "start-up: /bin/true vs iom show kenya vs iom --lang fr countries -f csv -F all"
# A busy machine (other jobs) swamps a 1 ms measurement. On this VM's host
# the quiet stretches come and go within minutes, and an attempt takes about
# 8 s: up to 12 attempts (about 3.5 minutes at most).
# shellcheck disable=SC2086
quiet_rounds 12 startup "true show csv" $startup -N \
  /bin/true "$iom show kenya" "$iom --lang fr countries -f csv -F all" || true

# --- 2. instructions -----------------------------------------------------------
step 2 "instructions: callgrind"
# callgrind NAME COMMAND...: total Ir and the annotated profile (self and
# inclusive). The command's exit status does not matter, only that it ran;
# its stdout and stderr go to /dev/null, valgrind's messages to log/.
callgrind() {
  c_name=$1; shift
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$c_name.out" \
    --log-file="$work/log/callgrind.$c_name.txt" "$@" >/dev/null 2>/dev/null ||
    true
  if grep -q '^totals:' "$work/callgrind.$c_name.out" 2>/dev/null; then
    callgrind_annotate "$work/callgrind.$c_name.out" \
      >"$work/callgrind.$c_name.self.txt" 2>/dev/null
    callgrind_annotate --inclusive=yes "$work/callgrind.$c_name.out" \
      >"$work/callgrind.$c_name.inclusive.txt" 2>/dev/null
  else
    broken "callgrind $c_name failed (log: $work/log/callgrind.$c_name.txt)"
  fi
}
callgrind true /bin/true
callgrind show "$iom" show kenya
callgrind csv "$iom" --lang fr countries -f csv -F all

# --- 3. peak RSS ---------------------------------------------------------------
step 3 "peak RSS: /usr/bin/time -f %M"
: >"$work/rss.tsv"
peak_rss true /bin/true
peak_rss show "$iom" show kenya
peak_rss csv "$iom" --lang fr countries -f csv -F all

# --- 4. convert throughput -----------------------------------------------------
step 4 "convert: $lines lines, iom vs awk hash join"
input="$work/convert-input.txt"
map="$work/convert-map.tsv"
if "$python" "$here/gen_convert_input.py" "$lines" 42 --map "$map" \
    >"$input" 2>"$work/log/gen_convert.txt"; then
  # shellcheck disable=SC2016 # the $ fields are awk's
  awk_program='NR==FNR{map[$1]=$2; next} {k=tolower($0); print (k in map ? map[k] : "")}'
  join="-F'\\t' '$awk_program'"
  awks=""
  default_awk=$(readlink -f "$(command -v awk)" 2>/dev/null || echo awk)
  for a in mawk gawk; do
    command -v "$a" >/dev/null 2>&1 && awks="$awks $a"
  done
  [ -z "$awks" ] && awks=" awk"
  {
    printf 'lines\t%s\n' "$lines"
    printf 'default_awk\t%s\n' "$default_awk"
    printf 'awks\t%s\n' "$awks"
    for a in mawk gawk; do
      command -v "$a" >/dev/null 2>&1 ||
        printf 'absent\t%s\n' "$a"
    done
  } >"$work/convert.tsv"
  set -- "$iom convert --to iso3 < '$input' > /dev/null 2>/dev/null"
  for a in $awks; do
    set -- "$@" "$a $join '$map' '$input' > /dev/null"
  done
  # -i: iom exits 1 because the garbage lines match nothing (as specified).
  # shellcheck disable=SC2086
  quiet_rounds 3 convert "iom$awks" $convert -i "$@" || true

  # Correctness: one output line per input line, and agreement with awk
  # wherever awk finds an answer.
  "$iom" convert --to iso3 <"$input" >"$work/convert-iom.out" \
    2>"$work/convert-iom.err" || true
  first_awk=${awks# }
  first_awk=${first_awk%% *}
  eval "$first_awk $join '$map' '$input'" >"$work/convert-awk.out"
  out_lines=$(wc -l <"$work/convert-iom.out")
  {
    printf 'iom_lines\t%s\n' "$out_lines"
    printf 'iom_hits\t%s\n' "$(grep -c . "$work/convert-iom.out" || true)"
    printf 'iom_warnings\t%s\n' "$(wc -l <"$work/convert-iom.err")"
    printf 'awk_hits\t%s\n' "$(grep -c . "$work/convert-awk.out" || true)"
    printf 'disagreements\t%s\n' "$(paste "$work/convert-iom.out" \
      "$work/convert-awk.out" | awk -F'\t' '$2 != "" && $1 != $2' | wc -l)"
  } >>"$work/convert.tsv"
  [ "$out_lines" -eq "$lines" ] ||
    broken "iom convert printed $out_lines lines for $lines input lines"

  # Instructions per line, free of timing noise: both over the same slice.
  head -n 20000 "$input" >"$work/convert-slice.txt"
  printf 'slice_lines\t%s\n' "$(wc -l <"$work/convert-slice.txt")" >>"$work/convert.tsv"
  callgrind convert_iom "$iom" convert --to iso3 <"$work/convert-slice.txt"
  callgrind convert_awk "$first_awk" -F'\t' "$awk_program" "$map" \
    "$work/convert-slice.txt"
else
  broken "gen_convert_input.py failed: $(tail -3 "$work/log/gen_convert.txt")"
fi

# --- 5. messy input and misses ------------------------------------------------
step 5 "convert on messy input and distinct misses: $lines lines, iom vs awk"
messy="$work/messy-input.txt"
garbage="$work/garbage-input.txt"
messy_map="$work/messy-map.tsv"
if "$python" "$here/gen_messy_input.py" "$lines" 42 --map "$messy_map" \
    >"$messy" 2>"$work/log/gen_messy.txt" &&
    "$python" "$here/gen_messy_input.py" "$lines" 43 --garbage 1 \
    >"$garbage" 2>>"$work/log/gen_messy.txt"; then
  m_awk="awk"
  command -v mawk >/dev/null 2>&1 && m_awk=mawk
  # shellcheck disable=SC2016 # the $ fields are awk's
  m_program='NR==FNR{map[$1]=$2; next} {k=tolower($0); print (k in map ? map[k] : "")}'
  m_join="-F'\\t' '$m_program'"
  printf 'lines\t%s\n' "$lines" >"$work/messy.tsv"
  for kind in messy garbage; do
    # -i: iom exits 1 because the misses match nothing (as specified).
    # shellcheck disable=SC2086
    quiet_rounds 3 "$kind" "iom $m_awk" $convert -i \
      "$iom convert --to iso3 < '$work/$kind-input.txt' > /dev/null 2>/dev/null" \
      "$m_awk $m_join '$messy_map' '$work/$kind-input.txt' > /dev/null" || true
  done
  "$iom" convert --to iso3 <"$messy" >"$work/messy-iom.out" \
    2>"$work/messy-iom.err" || true
  eval "$m_awk $m_join '$messy_map' '$messy'" >"$work/messy-awk.out"
  {
    printf 'iom_hits\t%s\n' "$(grep -c . "$work/messy-iom.out" || true)"
    printf 'iom_stderr\t%s\n' "$(wc -l <"$work/messy-iom.err")"
    printf 'awk_hits\t%s\n' "$(grep -c . "$work/messy-awk.out" || true)"
    # iom leaves a shared name (ambiguous) and a country outside the
    # directory empty, where awk takes the first country it was given.
    printf 'iom_empty\t%s\n' "$(paste "$work/messy-iom.out" \
      "$work/messy-awk.out" | awk -F'\t' '$2 != "" && $1 == ""' | wc -l)"
    printf 'disagreements\t%s\n' "$(paste "$work/messy-iom.out" \
      "$work/messy-awk.out" | awk -F'\t' '$2 != "" && $1 != "" && $1 != $2' | wc -l)"
  } >>"$work/messy.tsv"
  [ "$(wc -l <"$work/messy-iom.out")" -eq "$lines" ] ||
    broken "iom convert printed $(wc -l <"$work/messy-iom.out") lines for $lines messy lines"
  # The cost of a distinct miss, free of timing noise: --fuzzy searches each
  # one; an empty run is the cost of everything else.
  head -n "$misses" "$garbage" >"$work/misses.txt"
  printf 'misses\t%s\n' "$(wc -l <"$work/misses.txt")" >>"$work/messy.tsv"
  callgrind misses_empty "$iom" convert --fuzzy --to iso3 </dev/null
  callgrind misses "$iom" convert --fuzzy --to iso3 <"$work/misses.txt"
else
  broken "gen_messy_input.py failed: $(tail -3 "$work/log/gen_messy.txt")"
fi

# --- 6. --data at scale --------------------------------------------------------
step 6 "--data: sizes $sizes, iom vs a bare toml++ parse"
# callgrind profiles the largest size up to 10,000 entries (under valgrind a
# larger file takes minutes).
profile_size=""
for n in $sizes; do
  [ "$n" -le 10000 ] && profile_size=$n
done
: >"$work/data.tsv"
for n in $sizes; do
  file="$work/data-$n.toml"
  if ! "$python" "$here/gen_dataset.py" "$n" >"$file" 2>"$work/log/gen_dataset-$n.txt"; then
    broken "gen_dataset.py $n failed: $(tail -3 "$work/log/gen_dataset-$n.txt")"
    continue
  fi
  if "$iom" validate "$file" >"$work/log/validate-$n.txt" 2>&1; then
    valid=ok
  else
    valid=$(head -1 "$work/log/validate-$n.txt")
    # Small files must load; at 100k a loader limit is a missed target.
    [ "$quick" = 1 ] && broken "iom validate data-$n.toml: $valid"
  fi
  if ! parsed=$("$toml_parse" "$file" 2>"$work/log/toml_parse-$n.txt") ||
      [ "$parsed" != "$n" ]; then
    broken "toml_parse data-$n.toml: $parsed $(cat "$work/log/toml_parse-$n.txt")"
    continue
  fi
  count=$("$iom" --data "$file" countries -r eca -c 2>/dev/null || true)
  : >"$work/rss.tmp"
  /usr/bin/time -f %M -o "$work/rss.tmp" "$iom" --data "$file" countries -r eca -c \
    >/dev/null 2>&1 || true
  rss_iom=$(tail -1 "$work/rss.tmp")
  /usr/bin/time -f %M -o "$work/rss.tmp" "$toml_parse" "$file" >/dev/null 2>&1 || true
  rss_parse=$(tail -1 "$work/rss.tmp")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$(wc -c <"$file")" "$valid" \
    "${count:-}" "$rss_iom" "$rss_parse" >>"$work/data.tsv"
  if [ "$n" = "$profile_size" ]; then
    callgrind "data_iom_$n" "$iom" --data "$file" countries -r eca -c
    callgrind "data_parse_$n" "$toml_parse" "$file"
  fi
  # -i: a file the loader refuses (exit 2) is still timed, and reported.
  # shellcheck disable=SC2046
  quiet_rounds 3 "data-$n" "toml_parse iom" $(data_runs "$n") -N -i \
    "$toml_parse $file" "$iom --data $file countries -r eca -c" || true
done

# --- 7. candidate-index methods ---------------------------------------------------
step 7 "candidate-index methods: callgrind of iom_index_methods"
if [ -x "$index_methods" ] && [ -f "$messy" ]; then
  head -n "$method_lines" "$messy" >"$work/methods-queries.txt"
  printf 'lines\t%s\n' "$method_lines" >"$work/methods.tsv"
  for method in none deletion qgram bktree scan; do
    if result=$("$index_methods" "$method" <"$work/methods-queries.txt" \
        2>"$work/log/methods-$method.txt"); then
      printf '%s\n' "$result" >>"$work/methods.tsv"
      callgrind "method_$method" "$index_methods" "$method" \
        <"$work/methods-queries.txt"
    else
      broken "iom_index_methods $method failed"
    fi
  done
elif [ "$quick" = 1 ]; then
  say "bench: no $index_methods; step 7 skipped"
else
  broken "no executable $index_methods"
fi

# --- 9 (run here, before the peers). enrichment --------------------------------
step 9 "enrich: $enrich_rows rows, iom convert --column vs mlr join"
table="$work/enrich-input.csv"
lookup="$work/enrich-lookup.csv"
if "$python" "$here/gen_enrich_input.py" "$enrich_rows" 15 --lookup "$lookup" \
    >"$table" 2>"$work/log/gen_enrich.txt"; then
  printf 'rows\t%s\nbytes\t%s\n' "$enrich_rows" "$(wc -c <"$table")" >"$work/enrich.tsv"
  set -- "$iom convert --column country --to iso3,region '$table' > /dev/null 2>/dev/null"
  labels="iom"
  if command -v mlr >/dev/null 2>&1; then
    labels="iom mlr"
    set -- "$@" "mlr --icsv --ocsv join --ul -j country -f '$lookup' '$table' > /dev/null"
  else
    printf 'absent\tmlr (miller)\n' >>"$work/enrich.tsv"
  fi
  # -i: iom exits 1 when a row is unmatched (the noise makes a few).
  # shellcheck disable=SC2086
  quiet_rounds 3 enrich "$labels" 1 $enrich -i "$@" || true
  "$iom" convert --column country --to iso3,region "$table" >"$work/enrich-iom.out" \
    2>"$work/enrich-iom.err" || true
  {
    printf 'out_rows\t%s\n' "$(($(wc -l <"$work/enrich-iom.out") - 1))"
    printf 'matched\t%s\n' "$(awk -F, 'NR > 1 && $NF != ""' "$work/enrich-iom.out" | wc -l)"
    printf 'stderr_lines\t%s\n' "$(wc -l <"$work/enrich-iom.err")"
    if command -v mlr >/dev/null 2>&1; then
      printf 'mlr_matched\t%s\n' "$(mlr --icsv --ojson join -j country -f "$lookup" "$table" | grep -c '"iso3"')"
    fi
  } >>"$work/enrich.tsv"
  # Peak RSS at this size and at ten times it, streamed through a pipe: it
  # must not grow with the input. The big input is the table's rows ten
  # times over (one header): its country column holds the same distinct
  # values as ten times as many fresh rows would (2,343 at 1,000,000 rows,
  # 2,330 at 500,000), without a minute of generating them.
  /usr/bin/time -f %M -o "$work/rss.tmp" "$iom" convert --column country \
    --to iso3,region "$table" >/dev/null 2>&1 || true
  printf 'rss_small\t%s\n' "$(tail -1 "$work/rss.tmp")" >>"$work/enrich.tsv"
  big=$((enrich_rows * 10))
  {
    cat "$table"
    for _ in 2 3 4 5 6 7 8 9 10; do tail -n +2 "$table"; done
  } | /usr/bin/time -f %M -o "$work/rss.tmp" "$iom" convert --column country \
    --to iso3,region >/dev/null 2>&1 || true
  printf 'big_rows\t%s\nrss_big\t%s\n' "$big" "$(tail -1 "$work/rss.tmp")" >>"$work/enrich.tsv"
else
  broken "gen_enrich_input.py failed: $(tail -3 "$work/log/gen_enrich.txt")"
fi

# --- 8. peers ------------------------------------------------------------------
step 8 "peers: pycountry, isoquery, jq"
"$iom" countries -f json -F all >"$work/export.json" 2>"$work/log/export.txt" ||
  broken "iom countries -f json -F all failed"
set -- /bin/true "$iom show kenya"
labels="true show"
: >"$work/peers.tsv"
if "$python" -c 'import pycountry' >/dev/null 2>&1; then
  labels="$labels pycountry"
  set -- "$@" "$python -c 'import pycountry; print(pycountry.countries.lookup(\"kenya\").alpha_3)'"
else
  printf 'absent\tpycountry (python3-pycountry)\n' >>"$work/peers.tsv"
fi
if command -v isoquery >/dev/null 2>&1; then
  labels="$labels isoquery"
  set -- "$@" "isoquery KE"
else
  printf 'absent\tisoquery\n' >>"$work/peers.tsv"
fi
if command -v jq >/dev/null 2>&1; then
  labels="$labels jq"
  set -- "$@" "jq '.[] | select(.iso2==\"KE\")' $work/export.json"
else
  printf 'absent\tjq\n' >>"$work/peers.tsv"
fi
# shellcheck disable=SC2086
rounds peers "$labels" $peers -N "$@" || true

# --- report --------------------------------------------------------------------
say "bench: done in $(( $(date +%s) - started )) s"
{
  printf 'uname\t%s\n' "$(uname -a)"
  printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  printf 'cpus\t%s\n' "$(nproc)"
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'load\t%s\n' "$load_before before, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') after"
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit (with uncommitted changes)"
  fi
  printf 'commit\t%s\n' "$commit"
  if readelf -l "$iom" 2>/dev/null | grep -q INTERP; then linkage=dynamic
  else linkage=static; fi
  printf 'linkage\t%s\n' "$linkage"
  printf 'binary_size\t%s\n' "$(wc -c <"$iom")"
  # lld and cmake/startup_order.txt lay start-up's functions out together.
  printf 'linker\t%s\n' "$(readelf -p .comment "$iom" 2>/dev/null |
    grep -o 'Linker: [^]]*' | head -1 || true)"
  printf 'startup_order\t%s\n' "$(sh "$root/cmake/startup_order.sh" --check "$iom" 2>&1 |
    sed 's/^startup_order: //' || true)"
  printf 'hyperfine\t%s\n' "$(hyperfine --version)"
  printf 'valgrind\t%s\n' "$(valgrind --version)"
  printf 'root\t%s\n' "$root"
  printf 'work\t%s\n' "$work"
  printf 'iom\t%s\n' "$iom"
  printf 'toml_parse\t%s\n' "$toml_parse"
  printf 'python\t%s\n' "$python"
} >"$work/meta.tsv"

if [ "$quick" = 1 ]; then
  "$python" "$here/report.py" "$work" --quick
else
  "$python" "$here/report.py" "$work" --write "$root/BENCHMARKS.md"
fi
