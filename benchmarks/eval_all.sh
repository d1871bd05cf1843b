#!/usr/bin/env bash
# Baseline figures on every gold set: gold texts → `parley extract` → `parley eval`.
# Usage: bash benchmarks/eval_all.sh [SET...]   (sets: indomain ggt polnear plover; default all)
# Writes predictions and reports under out/eval/. Needs ../shared beside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${PARLEY_SHARED:-../shared}"
OUT="${OUT:-out/eval}"
PARLEY="${PARLEY:-.venv/bin/parley}"
mkdir -p "$OUT"
declare -A GOLD=(
  [indomain]="$SHARED/gold/indomain-dev.jsonl"
  [ggt]="$SHARED/gold/quotes/ggt.jsonl"
  [polnear]="$SHARED/gold/quotes/polnear-dev.jsonl"
  [plover]="$SHARED/gold/events/plover-gsr.jsonl"
)
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(indomain ggt polnear plover)
for s in "${sets[@]}"; do
  g="${GOLD[$s]}"
  "$PARLEY" inputs "$s" --gold "$g" --out "$OUT/$s.in.jsonl"
  start=$(date +%s.%N)
  "$PARLEY" extract "$OUT/$s.in.jsonl" --out "$OUT/$s.pred.jsonl" --quiet
  end=$(date +%s.%N)
  echo "== $s  (extract: $(python3 -c "print(f'{$end-$start:.1f}')") s)" | tee "$OUT/$s.report.txt"
  "$PARLEY" eval "$s" --gold "$g" --pred "$OUT/$s.pred.jsonl" | tee -a "$OUT/$s.report.txt"
  "$PARLEY" eval "$s" --gold "$g" --pred "$OUT/$s.pred.jsonl" --json > "$OUT/$s.scores.json"
done
