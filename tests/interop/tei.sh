#!/usr/bin/env bash
# TEI interop: the seed and every fixture → TEI with the CLI → tei-validate (TEI P5 4.12.0
# tei_all.rng, jing + xmllint); all fixtures as one teiCorpus → tei-validate; and the TEI reads
# back to the same record (block → record JSON equals block → TEI → record JSON).
# Env: ARCHIVECITE (the built CLI), ORACLES (the oracles folder). Run from the repo root.
# Fails if any oracle fails or prints anything but "valid".
set -euo pipefail
: "${ARCHIVECITE:?set ARCHIVECITE to the archivecite binary}"
: "${ORACLES:?set ORACLES to the oracles folder}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shopt -s nullglob

inputs=(tests/fixtures/*.txt)
[ ${#inputs[@]} -gt 0 ] || { echo "tei.sh: no fixtures in tests/fixtures" >&2; exit 1; }

# every oracle line must say "valid"; anything else (errors, warnings) fails
validate() {
  local out
  if ! out=$("$ORACLES/tei-validate" "$@" 2>&1); then
    printf '%s\n' "$out"
    echo "tei.sh: tei-validate failed" >&2
    return 1
  fi
  if grep -v ': valid TEI (tei_all.rng)$' <<<"$out" | grep -q .; then
    printf '%s\n' "$out"
    echo "tei.sh: tei-validate printed warnings" >&2
    return 1
  fi
  printf '%s\n' "$out"
}

# 1. one TEI document per fixture
mkdir -p "$tmp/tei"
"$ARCHIVECITE" convert --to tei -o "$tmp/tei" "${inputs[@]}"
files=("$tmp"/tei/*.tei.xml)
if [ ${#files[@]} -ne ${#inputs[@]} ]; then
  echo "tei.sh: expected ${#inputs[@]} TEI files, found ${#files[@]}" >&2
  exit 1
fi
validate "${files[@]}"

# 2. all fixtures at once on stdout: one teiCorpus
"$ARCHIVECITE" convert --to tei "${inputs[@]}" > "$tmp/corpus.tei.xml"
grep -q '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">' "$tmp/corpus.tei.xml" || {
  echo "tei.sh: several inputs on stdout did not give a teiCorpus" >&2
  exit 1
}
validate "$tmp/corpus.tei.xml"

# 3. TEI is lossless: block → record equals block → TEI → record
mkdir -p "$tmp/direct" "$tmp/via"
"$ARCHIVECITE" convert --to record -o "$tmp/direct" "${inputs[@]}"
"$ARCHIVECITE" convert --from tei --to record -o "$tmp/via" "${files[@]}"
fail=0
for input in "${inputs[@]}"; do
  stem=$(basename "$input" .txt)
  direct="$tmp/direct/$stem.record.json"
  via="$tmp/via/$stem.tei.record.json"
  [ -f "$via" ] || via="$tmp/via/$stem.record.json"
  if [ ! -f "$direct" ] || [ ! -f "$via" ]; then
    echo "tei.sh: $stem: missing record JSON ($direct, $via)" >&2
    fail=1
  elif ! diff -u "$direct" "$via"; then
    echo "tei.sh: $stem: the record changed through TEI" >&2
    fail=1
  fi
done
[ $fail -eq 0 ] || exit 1
echo "tei.sh: ${#inputs[@]} fixtures and one teiCorpus valid; all round-trip through TEI"
