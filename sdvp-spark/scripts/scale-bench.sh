#!/usr/bin/env bash
# docs/scale.md's figures: `collect` over a generated GQA-format split, locally and with --spark local[1] and
# local[2] (and a standalone cluster's URL if given), each JVM under -Xmx1g, in one run; prints questions/s,
# the driver's peak RSS (GNU time) and whether every calls.jsonl is byte-identical to the local one.
#
#   sdvp-spark/scripts/scale-bench.sh OUT QUESTIONS [spark://127.0.0.1:17077] [modes]
#   modes (default "local spark1 spark2 cluster"): which runs to make; "spark2" alone for the 1M run
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$1"; N="$2"; CLUSTER="${3:-}"; MODES="${4:-local spark1 spark2 cluster}"
mkdir -p "$OUT"
DATA="$OUT/gqa-$N"
[ -d "$DATA" ] || python3 "$ROOT/sdvp-spark/scripts/gqa-synth.py" "$DATA" --questions "$N" --images 1000
export SDVP_JAVA_OPTS="-Xmx1g ${SDVP_JAVA_OPTS:-}"
ARGS=(collect --dataset gqa --root "$DATA" --split train_balanced --modules gqa-oracle)

run() { # name extra-args...
  local name="$1"; shift
  rm -rf "$OUT/$name.jsonl" "$OUT/$name.jsonl.spark"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v "$ROOT/sdvp" "${ARGS[@]}" --out "$OUT/$name.jsonl" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  t1=$(date +%s.%N)
  local rss
  rss=$(grep "Maximum resident set size" "$OUT/$name.err" | awk '{print $NF}')
  python3 -c "import sys; s=$t1-$t0; print(f'$name: $N questions in {s:.1f} s = {$N/s:.1f} q/s, driver peak RSS {$rss/1024:.0f} MiB')"
  if [ "$name" != local ] && [ -f "$OUT/local.jsonl" ]; then
    cmp -s "$OUT/local.jsonl" "$OUT/$name.jsonl" && echo "  calls.jsonl identical to the local run" \
      || echo "  calls.jsonl DIFFERS from the local run"
  fi
}

"$ROOT/sdvp" --version >/dev/null; "$ROOT/sdvp" collect --help --spark local[1] >/dev/null  # build both outside the timing
for m in $MODES; do
  case "$m" in
    local) run local ;;
    spark1) run spark1 --spark 'local[1]' ;;
    spark2) run spark2 --spark 'local[2]' ;;
    cluster) [ -n "$CLUSTER" ] && run cluster --spark "$CLUSTER" ;;
  esac
done
wc -l "$OUT"/*.jsonl | tail -n +1
