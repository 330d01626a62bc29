#!/usr/bin/env bash
# Chicago strings against citeproc-js (oracles/csl-render):
#  1. the oracle sample seed.csl.json renders to the strings in oracles/README.md, and ours for the
#     same record (the seed with the author A. M. Puzanov) are the same, character for character
#     (18th edition), or differ only as src/chicago/mod.rs documents (17th edition);
#  2. the seed without an author gives design/mapping.md §3's three strings;
#  3. every fixture, with an author added (as seed.csl.json does) and the digital archive's name
#     where the citation leaves it out, through the CLI and through citeproc-js from the
#     crate's own CSL-JSON (`--to csl-json`): same comparison;
#  4. every fixture's note and bibliography read back (`--from chicago-note|chicago-bibliography`)
#     give the title back.
# Env: ARCHIVECITE (the CLI), ORACLES (the oracles folder). Run from the repo root.
set -euo pipefail
: "${ARCHIVECITE:?set ARCHIVECITE to the archivecite binary}"
: "${ORACLES:?set ORACLES to the oracles folder}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

render() { # STYLE FILE -> JSON lines; fails on oracle failure or warning
  local out err
  if ! out=$("$ORACLES/csl-render" "$1" "$2" 2>"$TMP/render.err"); then
    echo "FAIL csl-render on $2:" >&2; cat "$TMP/render.err" >&2; return 1
  fi
  err=$(grep -iv '^csl-render: style ' "$TMP/render.err" || true)
  if [ -n "$err" ]; then echo "FAIL csl-render warned on $2:" >&2; echo "$err" >&2; return 1; fi
  printf '%s\n' "$out"
}

check() { # LABEL EXPECTED GOT
  if [ "$2" == "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1"; echo "  expected: $2"; echo "  got:      $3"; fail=1
  fi
}

# 1. The oracle sample.
SEED_NOTE18='A. M. Puzanov, “Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,” trans. Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive.'
SEED_BIB18='Puzanov, A. M. “Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957.” Translated by Gary Goldberg. December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public Policy Program Digital Archive.'
SEED_NOTE17='A. M. Puzanov, “Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,” trans. Gary Goldberg (December 7, 1957), AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive.'
SEED_BIB17='Puzanov, A. M. “Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957.” Translated by Gary Goldberg, December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public Policy Program Digital Archive.'
j18=$(render chicago-notes-bibliography-18th "$ORACLES/samples/seed.csl.json")
j17=$(render chicago-fullnote-bibliography "$ORACLES/samples/seed.csl.json")
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
check "oracle seed note 18th = README" "$SEED_NOTE18" "$(field "$j18" note)"
check "oracle seed bibliography 18th = README" "$SEED_BIB18" "$(field "$j18" bibliography)"
check "oracle seed note 17th = README" "$SEED_NOTE17" "$(field "$j17" note)"
check "oracle seed bibliography 17th = README" "$SEED_BIB17" "$(field "$j17" bibliography)"

# The seed record with the author, through our CLI.
"$ARCHIVECITE" convert --to record tests/fixtures/seed.txt > "$TMP/seed.record.json"
python3 - "$TMP/seed.record.json" <<'EOF'
import json, sys
p = sys.argv[1]
r = json.load(open(p))
r["authors"] = [{"person": {"given": "A. M.", "family": "Puzanov"}}]
json.dump(r, open(p, "w"), ensure_ascii=False)
EOF
ours() { "$ARCHIVECITE" convert --from record --edition "$1" --to "$2" "$3"; }
check "ours seed note 18th = citeproc" "$SEED_NOTE18" "$(ours 18 chicago-note "$TMP/seed.record.json")"
check "ours seed bibliography 18th = citeproc" "$SEED_BIB18" "$(ours 18 chicago-bibliography "$TMP/seed.record.json")"
# 17th: the documented differences (mod.rs "Differences from citeproc-js"): no parentheses
# around a manuscript's date in notes; a period, not a comma, after the translator.
check "ours seed note 17th = citeproc less (date)" "${SEED_NOTE17/ (December 7, 1957),/, December 7, 1957,}" "$(ours 17 chicago-note "$TMP/seed.record.json")"
check "ours seed bibliography 17th = citeproc, period after translator" "${SEED_BIB17/Goldberg, December/Goldberg. December}" "$(ours 17 chicago-bibliography "$TMP/seed.record.json")"

# 2. The seed as the archive gives it (no author): mapping.md §3.
check "seed note = mapping.md" '“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957,” trans. Gary Goldberg, December 7, 1957, AVPRF F. 0102, Op. 13, Delo 5, History and Public Policy Program Digital Archive.' "$("$ARCHIVECITE" convert --to chicago-note tests/fixtures/seed.txt)"
check "seed short note = mapping.md" '“Journal of Soviet Ambassador,” December 7, 1957.' "$("$ARCHIVECITE" convert --to chicago-short-note tests/fixtures/seed.txt)"
check "seed bibliography = mapping.md" '“Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 7 December 1957.” Translated by Gary Goldberg. December 7, 1957. AVPRF F. 0102, Op. 13, Delo 5. History and Public Policy Program Digital Archive.' "$("$ARCHIVECITE" convert --to chicago-bibliography tests/fixtures/seed.txt)"

# Known, not fixed: citeproc-js turns straight quotes inside a title into curly single ones
# and moves the comma/period inside them (CMOS 6.9, 13.30); we print the title verbatim.
# Reported as KNOWN, not failed, only when that mapping makes the strings agree.
known() { python3 - "$1" "$2" <<'PY'
import re, sys
theirs, ours = sys.argv[1], sys.argv[2]
t = re.sub(r"(^|(?<=[\s(“]))'", "‘", ours)
t = t.replace("'", "’")
t = re.sub(r"’([,.])”", r"\1’”", t.replace(".’.”", ".’”"))
sys.exit(0 if t == theirs and "'" in ours else 1)
PY
}
compare() { # LABEL THEIRS OURS
  if [ "$2" != "$3" ] && known "$2" "$3"; then echo "KNOWN $1: straight quotes in the title (see mod.rs)"; else check "$1" "$2" "$3"; fi
}


# The differences mod.rs documents, taken out of citeproc-js's strings: "with <contributor>"
# (Contributors) and the genre beside a title (Genre).
documented() { # CSL_FILE RENDERED_JSON -> RENDERED_JSON
  python3 - "$1" "$2" <<'PY'
import json, sys
item, j = json.load(open(sys.argv[1]))[0], json.loads(sys.argv[2])
name = lambda n: " ".join(x for x in (n.get("given"), n.get("family"), n.get("literal")) if x)
w = " and ".join(name(n) for n in item.get("contributor", []))
g = item.get("genre", "")
n, b = j["note"], j["bibliography"]
if w:
    n, b = n.replace(f", with {w},", ","), b.replace(f" With {w}.", "")
if g:
    n = n.replace(f"({g}, ", "(").replace(f"\u201d {g}, ", "\u201d ")
    b = b.replace(f"\u201d {g}. ", "\u201d ")
j["note"], j["bibliography"] = n, b
print(json.dumps(j))
PY
}

# 3. Every fixture, with an author, against citeproc-js.
for page in tests/fixtures/*.txt; do
  name=$(basename "$page" .txt)
  "$ARCHIVECITE" convert --to record "$page" > "$TMP/$name.record.json"
  if ! python3 - "$TMP/$name.record.json" <<'EOF'
import json, sys
src = sys.argv[1]
r = json.load(open(src))
if not r.get("authors"):
    r["authors"] = [{"person": {"given": "A. M.", "family": "Puzanov"}}]
# Every fixture is a Wilson Center document; some citation lines leave the archive's name out.
# Without CSL `archive`, chicago-notes-bibliography-18th treats the item as a private
# "unpublished manuscript" (no bibliography entry at all): not the case compared here.
r.setdefault("digital", {}).setdefault("name", "History and Public Policy Program Digital Archive")
json.dump(r, open(src, "w"), ensure_ascii=False)
EOF
  then echo "skip $name (see above)"; continue; fi
  # the crate's own CSL-JSON for the same record
  "$ARCHIVECITE" convert --from record --to csl-json "$TMP/$name.record.json" > "$TMP/$name.csl.json"
  "$ORACLES/csl-validate" -q "$TMP/$name.csl.json" || { echo "FAIL csl-validate $name"; fail=1; continue; }
  c18=$(render chicago-notes-bibliography-18th "$TMP/$name.csl.json") || { fail=1; continue; }
  c17=$(render chicago-fullnote-bibliography "$TMP/$name.csl.json") || { fail=1; continue; }
  # Our date text, from the short note ("“Short,” DATE.").
  date=$("$ARCHIVECITE" convert --from record --to chicago-short-note "$TMP/$name.record.json" | python3 -c 'import sys; s=sys.stdin.read().strip(); print(s.split("\u201d ",1)[1][:-1] if "\u201d " in s else "")')
  c18=$(documented "$TMP/$name.csl.json" "$c18"); c17=$(documented "$TMP/$name.csl.json" "$c17")
  compare "$name note 18th" "$(field "$c18" note)" "$(ours 18 chicago-note "$TMP/$name.record.json")"
  compare "$name bibliography 18th" "$(field "$c18" bibliography)" "$(ours 18 chicago-bibliography "$TMP/$name.record.json")"
  n17=$(field "$c17" note); b17=$(field "$c17" bibliography)
  if [ -n "$date" ]; then
    n17=${n17/ ($date),/, $date,}; n17=${n17/ ($date)./, $date.}; n17=${n17/”, $date/,” $date}
    b17=${b17/, $date./. $date.}; b17=${b17/,” $date./.” $date.}
  fi
  compare "$name note 17th (documented differences applied)" "$n17" "$(ours 17 chicago-note "$TMP/$name.record.json")"
  compare "$name bibliography 17th (documented differences applied)" "$b17" "$(ours 17 chicago-bibliography "$TMP/$name.record.json")"
done

# 4. Read back.
for page in tests/fixtures/*.txt; do
  name=$(basename "$page" .txt)
  title=$("$ARCHIVECITE" convert --to record "$page" | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])')
  for form in chicago-note chicago-bibliography chicago-short-note; do
    "$ARCHIVECITE" convert --to "$form" "$page" > "$TMP/$name.$form.txt"
    back=$("$ARCHIVECITE" convert --from "$form" --to record "$TMP/$name.$form.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])')
    if [ "$form" = chicago-short-note ]; then
      # the short title: at most four of the title's words, in their order (mod.rs short_title)
      ok=$(python3 -c 'import sys; t, s = sys.argv[1].split(), sys.argv[2].split(); t = t[1:] if len(t) > 4 and t[0] in ("A", "An", "The") else t; print("yes" if 0 < len(s) <= max(4, len(t)) and " ".join(t).startswith(" ".join(s).rstrip(",;:")) else "no")' "$title" "$back")
      check "$name $form read back: a short title of the title" "yes" "$ok"
    else
      check "$name $form read back: title" "$title" "$back"
    fi
  done
done

[ "$fail" = 0 ] && echo "chicago interop: all checks passed"
exit "$fail"
