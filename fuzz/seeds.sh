#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ (git-ignored):
# the curated corpus files, the bad-input fixtures of the matrix (written here, small), the
# curated rules file and variants of it, and queries of the README and the tests.
#
#   fuzz/seeds.sh
set -euo pipefail
cd "$(dirname "$0")"
root=..
for target in corpus_file structure definitions query check_rules; do
    mkdir -p "corpus/$target"
done

# The curated corpus, whole, for the three text targets; and each file's body alone (a bare
# statute text) for the structure and definition targets.
for file in "$root"/corpus/instruments/*.txt; do
    name=$(basename "$file" .txt)
    cp "$file" "corpus/corpus_file/$name"
    cp "$file" "corpus/structure/$name"
    cp "$file" "corpus/definitions/$name"
    awk 'seen >= 2 { print } /^\+\+\+$/ { seen++ }' "$file" >"corpus/structure/$name-body"
    cp "corpus/structure/$name-body" "corpus/definitions/$name-body"
done

# The bad-input fixtures (small versions of the matrix's rows).
header=$(sed -n '1,/^+++$/{p}' "$root/corpus/instruments/INTL-PALERMO-2000.txt" | sed '1!{/^+++$/q}')
bad=corpus/corpus_file
printf '\xff%s\n' "$header" >"$bad/bad-utf8-start"
printf '%s\nSection 1. Caf\xe9.\n' "$header" >"$bad/bad-utf8-middle"
printf '%s\nSection 1.\n\xe2\x82' "$header" >"$bad/bad-utf8-end"
printf '\xff\xfe+\x00+\x00+\x00\n\x00' >"$bad/utf16"
printf 'Section 1.\x00 Text.\n' >"$bad/nul"
: >"$bad/empty"
printf '+++\nid = "XX-TEST-2020"\nSection 1. Text.\n' >"$bad/unterminated"
printf '%s\n' "$header" | sed 's/^kind = .*/kind = 3/' >"$bad/wrong-type"
printf '%s\n' "$header" | sed 's/^kind = \(.*\)/kind = \1\ncolour = "red"/' >"$bad/unknown-field"
printf '%s\n' "$header" | sed 's/^kind = \(.*\)/kind = \1\nkind = "bill"/' >"$bad/duplicate-key"
printf '%s\n' "$header" | sed 's/^jurisdiction = .*/jurisdiction = "XQ"/' >"$bad/unknown-jurisdiction"
printf '%s\n{{gap: never closed\n{{number: | x}}\n{{omitted: y}} z\n' "$header" >"$bad/markers"
awk 'BEGIN { for (level = 0; level < 200; level++) printf "(%d) item\n", level }' >"$bad/nested"
awk 'BEGIN { printf "Section 1. Short title.\n"; for (i = 0; i < 2000; i++) printf "word " }' >"$bad/long-line"
for file in "$bad"/*; do
    case $(basename "$file") in
        [A-Z]*) ;;
        *) cp "$file" corpus/structure/ && cp "$file" corpus/definitions/ ;;
    esac
done

# Queries: the first byte chooses the filters (see lexdef::fuzzing::query).
query=corpus/query
index=0
while IFS= read -r line; do
    index=$((index + 1))
    printf "\\$(printf '%03o' $((index % 64)))%s" "$line" >"$query/q$index"
done <<'QUERIES'
"abuse of the position of vulnerability"
harbor
exploitation
"debt bondage"
"forced labor"
debt AND bondage
labour OR labor
-slavery servitude
heading:"Use of terms"
term:child
text:(recruitment transport*)
"unclosed
colour:red
(((a)))
[a TO z]
"a b"~2
x^2.5
*
QUERIES

# The rules file: the curated one, and one variant per kind of problem.
rules=corpus/check_rules
cp "$root/corpus/lexdef-check.toml" "$rules/curated"
printf 'version = 2\n' >"$rules/version"
printf 'version = 1\n[[rules]]\nid = "Bad Id"\ndescription = "x"\nseverity = "error"\nelements = ["means.nope"]\nqualifiers = { child_age = 300, colour = true }\njurisdictions = ["XQ"]\n' >"$rules/problems"
printf 'version = 1\n[[rules]]\nid = "a"\ndescription = "x"\nseverity = "warning"\ndefines = ["child"]\n[[rules]]\nid = "a"\ndescription = "y"\nseverity = "error"\nconcept = "nothing"\nelements = ["act.recruitment"]\n' >"$rules/duplicate"
printf 'version = 1\n[[rules]]\nid = "x"\n' >"$rules/missing"
printf '\xffversion = 1\n' >"$rules/utf8"
echo "seeds written to fuzz/corpus/"
