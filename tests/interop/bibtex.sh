#!/usr/bin/env bash
# BibLaTeX and BibTeX output of the seed and every fixture, judged by third-party tools:
# - biber --validate-datamodel (BibLaTeX, plain and biblatex-chicago flavour): no WARN/ERROR;
# - pandoc -f biblatex|bibtex -t csljson and citation.js (biblatex / bibtex mode): must succeed
#   without warnings, and the CSL-JSON they print must hold the title, the date (year) and the
#   archive location (the shelfmark, which both put into `note`).
# Env: ARCHIVECITE = the CLI binary, ORACLES = the oracles folder. Run from the repo root.
set -euo pipefail

: "${ARCHIVECITE:?set ARCHIVECITE to the archivecite binary}"
: "${ORACLES:?set ORACLES to the oracles folder}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=(tests/fixtures/*.txt)
failed=0

mkdir -p "$work/biblatex" "$work/bibtex" "$work/record"
"$ARCHIVECITE" convert --to biblatex -o "$work/biblatex" "${inputs[@]}"
"$ARCHIVECITE" convert --to bibtex -o "$work/bibtex" "${inputs[@]}"
"$ARCHIVECITE" convert --to record -o "$work/record" "${inputs[@]}"
chicago_flag=""
if "$ARCHIVECITE" convert --help 2>&1 | grep -q -- '--biblatex-chicago'; then
    chicago_flag="--biblatex-chicago"
    mkdir -p "$work/chicago"
    "$ARCHIVECITE" convert --to biblatex $chicago_flag -o "$work/chicago" "${inputs[@]}"
fi

# check_json JSON RECORD LABEL: title, year and shelfmark of RECORD are in the CSL-JSON.
check_json() {
    python3 - "$1" "$2" "$3" <<'EOF'
import json, sys, unicodedata
csl_path, rec_path, label = sys.argv[1:4]
items = json.load(open(csl_path))
rec = json.load(open(rec_path))
rec = rec[0] if isinstance(rec, list) else rec
if len(items) != 1:
    sys.exit(f"{label}: expected 1 item, got {len(items)}")
it = items[0]
# pandoc makes quotes curly and ~ a no-break space: compare without those differences.
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
norm = lambda s: " ".join(unicodedata.normalize("NFC", s).translate(QUOTES).split())
problems = []
title = norm(it.get("title", ""))
if not title or norm(rec["title"]) not in title:
    problems.append(f"title {it.get('title')!r} does not hold {rec['title']!r}")
edtf = (rec.get("date") or {}).get("edtf", "")
year = next((p for p in edtf.split("/") if p[:4].isdigit()), "")[:4]
if year:
    parts = (it.get("issued") or {}).get("date-parts") or [[None]]
    if str(parts[0][0]) != str(int(year)):
        problems.append(f"issued {it.get('issued')!r} is not year {year}")
shelf = (rec.get("original") or {}).get("raw")
if shelf:
    text = norm(" ".join(str(v) for v in it.values() if isinstance(v, str)))
    if norm(shelf) not in text:
        problems.append(f"archive location {shelf!r} not in the CSL-JSON")
if problems:
    sys.exit(f"{label}: " + "; ".join(problems))
print(f"{label}: title, date and archive location present")
EOF
}

for input in "${inputs[@]}"; do
    name=$(basename "$input" .txt)
    rec="$work/record/$name.record.json"
    for flavour in biblatex chicago; do
        [ "$flavour" = chicago ] && [ -z "$chicago_flag" ] && continue
        bib="$work/$flavour/$name.bib"
        echo "== $flavour: $name"
        "$ORACLES/biber-check" "$bib" || { echo "FAIL biber-check $bib"; failed=1; }
        if "$ORACLES/pandoc-to-csl" "$bib" >"$work/p.json"; then
            check_json "$work/p.json" "$rec" "pandoc $flavour $name" || failed=1
        else
            echo "FAIL pandoc-to-csl $bib"; failed=1
        fi
        if "$ORACLES/citationjs-to-csl" "$bib" >"$work/c.json"; then
            check_json "$work/c.json" "$rec" "citation.js $flavour $name" || failed=1
        else
            echo "FAIL citationjs-to-csl $bib"; failed=1
        fi
    done
    bib="$work/bibtex/$name.bibtex.bib"
    echo "== bibtex: $name"
    if "$ORACLES/pandoc-to-csl" --bibtex "$bib" >"$work/p.json"; then
        check_json "$work/p.json" "$rec" "pandoc bibtex $name" || failed=1
    else
        echo "FAIL pandoc-to-csl --bibtex $bib"; failed=1
    fi
    if "$ORACLES/citationjs-to-csl" --bibtex "$bib" >"$work/c.json"; then
        check_json "$work/c.json" "$rec" "citation.js bibtex $name" || failed=1
    else
        echo "FAIL citationjs-to-csl --bibtex $bib"; failed=1
    fi
    # Our own reader takes back what we wrote.
    "$ARCHIVECITE" convert --from biblatex --to record "$work/biblatex/$name.bib" >/dev/null \
        || { echo "FAIL reading back $name.bib"; failed=1; }
done

# Non-archival data through the hub's bibliographic vocabulary: a .bib library and foreign
# CSL-JSON (journal articles, a book) written as BibLaTeX must be valid for biber too.
mkdir -p "$work/foreign"
"$ARCHIVECITE" convert --from biblatex --to biblatex examples/data/library.bib >"$work/foreign/library.bib"
"$ARCHIVECITE" convert --from csl-json --to biblatex tests/golden/csl/articles.csl.json >"$work/foreign/articles.bib"
for bib in "$work"/foreign/*.bib; do
    echo "== foreign: $(basename "$bib")"
    "$ORACLES/biber-check" "$bib" || { echo "FAIL biber-check $bib"; failed=1; }
    "$ORACLES/pandoc-to-csl" "$bib" >/dev/null || { echo "FAIL pandoc-to-csl $bib"; failed=1; }
done

if [ "$failed" -ne 0 ]; then
    echo "bibtex interop: FAILED"
    exit 1
fi
echo "bibtex interop: all passed"
