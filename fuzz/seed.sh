#!/usr/bin/env bash
# Fills fuzz/corpus/pipeline with seeds in the target's input form (a flags byte, then the tender
# and its bids separated by NUL bytes): every case of fixtures/, the CLI test cases, every file of
# tests/malformed/ as a tender, and every bid of it with the base tender.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/pipeline
mkdir -p "$out"
n=0
seed() { # seed NAME FLAGS FILE...
  local name=$1 flags=$2; shift 2
  { printf "\\x$(printf %02x "$flags")"; local first=1
    for f in "$@"; do [ $first = 1 ] || printf '\0'; first=0; cat "$f"; done; } > "$out/$name"
  n=$((n + 1))
}
flags_of() { # flags_of TENDER BID
  local f=0
  [[ $1 == *.json ]] && f=$((f | 1))
  [[ ${2:-} == *.json ]] && f=$((f | 2))
  echo $f
}
for dir in fixtures/* crates/cli/tests/data/small crates/cli/tests/data/order; do
  tender=$(ls "$dir"/tender.toml "$dir"/tender.json 2>/dev/null | head -1 || true)
  [ -n "$tender" ] || continue
  for fmt in toml json; do
    bids=( $(ls "$dir"/bids/*."$fmt" 2>/dev/null | head -8 || true) )
    [ ${#bids[@]} -gt 0 ] || continue
    seed "case-$(basename "$dir")-$fmt" "$(flags_of "$tender" "${bids[0]}")" "$tender" "${bids[@]}"
  done
  seed "tender-$(basename "$dir")" "$(flags_of "$tender")" "$tender"
done
for f in tests/malformed/tender-*; do
  seed "malformed-$(basename "$f")" "$(flags_of "$f")" "$f"
done
for f in tests/malformed/bid-* tests/malformed/base/bid.toml; do
  seed "malformed-$(basename "$f")" "$(flags_of tests/malformed/base/tender.toml "$f")" tests/malformed/base/tender.toml "$f"
done
echo "$n seeds in $out"
