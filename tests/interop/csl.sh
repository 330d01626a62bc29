#!/usr/bin/env bash
# CSL-JSON interop: the CLI's CSL-JSON for the seed and every fixture, plus the library's output
# for a record with every field, 200 generated records and 300 foreign journal articles, must
# pass csl-validate --strict and render with citeproc-js (csl-render) without error or warning.
# Env: ARCHIVECITE (the CLI), ORACLES (the oracles folder). Run from the repo root.
# CSL_INTEROP_SKIP_CLI=1 skips the CLI part (only for trying the script before the CLI exists).
set -euo pipefail
: "${ARCHIVECITE:?set ARCHIVECITE to the archivecite binary}"
: "${ORACLES:?set ORACLES to the oracles folder}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cli" "$tmp/lib" "$tmp/again"
fail=0

if [[ "${CSL_INTEROP_SKIP_CLI:-0}" != 1 ]]; then
    "$ARCHIVECITE" convert --to csl-json -o "$tmp/cli" tests/fixtures/*.txt
    n_in=$(ls tests/fixtures/*.txt | wc -l)
    n_out=$(ls "$tmp"/cli/*.csl.json | wc -l)
    if [[ "$n_in" != "$n_out" ]]; then
        echo "csl.sh: $n_in fixtures but $n_out CSL files" >&2
        fail=1
    fi
    # Reading our CSL back and writing it again gives the same CSL.
    for f in "$tmp"/cli/*.csl.json; do
        "$ARCHIVECITE" convert --from csl-json --to csl-json "$f" > "$tmp/again/$(basename "$f")"
        if ! cmp -s "$f" "$tmp/again/$(basename "$f")"; then
            echo "csl.sh: $f: csl-json -> csl-json is not the identity" >&2
            diff "$f" "$tmp/again/$(basename "$f")" | head -20 >&2 || true
            fail=1
        fi
    done
fi

# The library's own files: every fixture, every field, generated records, foreign articles.
CSL_OUT_DIR="$tmp/lib" cargo test -q --test csl_oracle >/dev/null

shopt -s nullglob
files=("$tmp"/cli/*.csl.json "$tmp"/lib/*.csl.json)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "csl.sh: no CSL files to check" >&2
    exit 1
fi

"$ORACLES/csl-validate" --strict -q "${files[@]}" || fail=1

# A real library: every entry of the 25,596-entry Beebe bibliography, as CSL-JSON, is valid.
beebe="$ORACLES/../bench-data/beebe-fish.bib"
if [[ -f "$beebe" ]]; then
    "$ARCHIVECITE" convert --quiet --from bibtex --to csl-json "$beebe" > "$tmp/beebe.csl.json" \
        || { echo "csl.sh: converting $beebe failed" >&2; fail=1; }
    n=$(grep -c '^	{$' "$tmp/beebe.csl.json" || true)
    if [[ "$n" != 25596 ]]; then
        echo "csl.sh: beebe-fish.bib gave $n CSL items, not 25596" >&2
        fail=1
    fi
    if "$ORACLES/csl-validate" --strict -q "$tmp/beebe.csl.json"; then
        echo "csl.sh: beebe-fish.bib -> $n CSL-JSON items, csl-validate --strict passed"
    else
        fail=1
    fi
fi

for f in "${files[@]}"; do
    # (chicago-notes-bibliography-18th is not used: by design it gives no bibliography entry
    # for an archival item without `archive`, which csl-render counts as a failure.)
    for style in chicago-fullnote-bibliography; do
        if ! "$ORACLES/csl-render" "$style" "$f" > "$tmp/render.out" 2> "$tmp/render.err"; then
            echo "csl.sh: csl-render $style $f failed:" >&2
            cat "$tmp/render.err" >&2
            fail=1
        elif grep -Eiv '^csl-render: style ' "$tmp/render.err" | grep -Eiq 'warn|error'; then
            echo "csl.sh: csl-render $style $f warned:" >&2
            cat "$tmp/render.err" >&2
            fail=1
        fi
    done
done

if [[ $fail -ne 0 ]]; then
    echo "csl.sh: FAILED" >&2
    exit 1
fi
echo "csl.sh: ${#files[@]} CSL-JSON files valid (strict) and rendered by citeproc-js"
