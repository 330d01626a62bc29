#!/usr/bin/env bash
# Times the archivecite CLI against pandoc and citation.js on the same inputs, interleaved, and
# prints medians, ratios and peak memory (GNU time's maximum resident set size).
#
#   bench/compare.sh [RUNS]        (default 3 runs per tool and task)
#
# Installs nothing by hand: builds the CLI in release mode and runs ../shared/oracles/setup
# --no-tex (pandoc, node and citation.js) if the tools are missing. Tasks:
#   1. BibTeX -> CSL-JSON   on ../shared/bench-data/beebe-fish.bib (27 MB, 25,596 entries)
#   2. CSL-JSON -> BibLaTeX on ../shared/bench-data/beebe-fish.csl.json (22.7 MB)
#   3. block -> every format on 10,000 page files generated from tests/fixtures (ours only:
#      no other tool reads archive pages)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
DATA="$ROOT/../shared/bench-data"
ORACLES="${ORACLES:-$ROOT/../shared/oracles}"
command -v pandoc >/dev/null && [ -d "${ORACLES_HOME:-/opt/oracles}/node/node_modules/@citation-js" ] \
  || "$ORACLES/setup" --no-tex --quiet
cargo build --release --quiet
AC="$ROOT/target/release/archivecite"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# run NAME CMD...: one timed run; appends "seconds maxrss_kb" to $WORK/NAME.times
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" \
    || { echo "$name failed:"; tail -5 "$WORK/$name.err"; return 1; }
  cat "$WORK/t" >> "$WORK/$name.times"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
report() { # task bytes name...
  local task=$1 bytes=$2; shift 2
  local ours; ours=$(cut -d' ' -f1 "$WORK/$1.times" | median)
  printf '\n%s (input %.1f MB, %s runs, medians)\n' "$task" "$(awk "BEGIN {print $bytes/1e6}")" "$RUNS"
  printf '  %-12s %9s %10s %12s %10s\n' tool seconds MB/s "peak RSS MB" "vs ours"
  for n in "$@"; do
    local s m
    s=$(cut -d' ' -f1 "$WORK/$n.times" | median)
    m=$(cut -d' ' -f2 "$WORK/$n.times" | median)
    awk -v n="${n#*-}" -v s="$s" -v m="$m" -v b="$bytes" -v o="$ours" \
      'BEGIN {printf "  %-12s %9.3f %10.1f %12.1f %9.1fx\n", n, s, b/1e6/(s+0.0005), m/1024, s/(o+0.0005)}' 
  done
}

BIB="$DATA/beebe-fish.bib"; CSL="$DATA/beebe-fish.csl.json"
for i in $(seq "$RUNS"); do
  run bib-archivecite "$AC" convert --from bibtex --to csl-json "$BIB"
  run bib-citation.js node bench/citationjs.js bibtex csl "$BIB"
  run bib-pandoc pandoc -f bibtex -t csljson "$BIB"
  run csl-archivecite "$AC" convert --from csl-json --to biblatex "$CSL"
  run csl-citation.js node bench/citationjs.js csl biblatex "$CSL"
  run csl-pandoc pandoc -f csljson -t biblatex "$CSL"
  run cslrt-archivecite "$AC" convert --from csl-json --to csl-json "$CSL"
done
report "BibTeX -> CSL-JSON" "$(stat -c %s "$BIB")" bib-archivecite bib-citation.js bib-pandoc
report "CSL-JSON -> BibLaTeX" "$(stat -c %s "$CSL")" csl-archivecite csl-citation.js csl-pandoc
report "CSL-JSON -> records -> CSL-JSON (target: under 1 s, peak memory under 5x the file)" "$(stat -c %s "$CSL")" cslrt-archivecite
n_items=$(grep -c '^	{$' "$WORK/bib-archivecite.out" || true)
echo "  (archivecite wrote $n_items CSL-JSON items)"

# 10,000 pages from the fixtures (copies, each with a distinct title so no two are equal)
mkdir -p "$WORK/pages"
i=0
while [ "$i" -lt 10000 ]; do
  for f in tests/fixtures/*.txt; do
    [ "$i" -lt 10000 ] || break
    sed "s/Journal of Soviet/Journal $i of Soviet/" "$f" > "$WORK/pages/p$i.txt"
    i=$((i + 1))
  done
done
pages_bytes=$(cat "$WORK"/pages/*.txt | wc -c)
for i in $(seq "$RUNS"); do
  run stdout-archivecite "$AC" convert --quiet --to all "$WORK/pages"
  rm -rf "$WORK/out"; run files-archivecite "$AC" convert --quiet --to all -o "$WORK/out" "$WORK/pages"
done
report "block -> all 9 formats, 10,000 files -> one stream on stdout" "$pages_bytes" stdout-archivecite
report "block -> all 9 formats, 10,000 files -> 90,000 files (-o DIR)" "$pages_bytes" files-archivecite
echo "  ($(ls "$WORK/out" | wc -l) files written; this one is bound by file creation in the kernel)"
