#!/usr/bin/env bash
# docs/scale.md's figures: `collect` over a generated GQA-format split, locally and with --spark local[1] and
# local[2] (and a standalone cluster's URL if given), each JVM under -Xmx1g, in one run; prints questions/s,
# the driver's peak RSS (GNU time) and whether every calls.jsonl is byte-identical to the local one.
#
#   sdvp-spark/scripts/scale-bench.sh OUT QUESTIONS [spark://127.0.0.1:17077] [modes]
#   modes (default "local spark1 spark2 cluster"): which runs to make, in that order; "spark2" alone for the 1M
#   run; repeat them to alternate ("local spark1 spark2 local spark1 spark2": ratios from neighbouring runs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$1"; N="$2"; CLUSTER="${3:-}"; MODES="${4:-local spark1 spark2 cluster}"
mkdir -p "$OUT"
DATA="$OUT/gqa-$N"
[ -d "$DATA" ] || python3 "$ROOT/sdvp-spark/scripts/gqa-synth.py" "$DATA" --questions "$N" --images 1000
export SDVP_JAVA_OPTS="-Xmx1g ${SDVP_JAVA_OPTS:-}"
ARGS=(collect --dataset gqa --root "$DATA" --split train_balanced --modules gqa-oracle)

# once a minute while a run lasts, into OUT/NAME.rss: the time, the driver JVM's current and peak RSS
# (VmRSS, VmHWM; with local[N] its executors are its threads), complete partitions and calls written so far
sample() { # OUT/NAME pid-of-time
  local jvm=""
  while kill -0 "$2" 2>/dev/null; do
    [ -n "$jvm" ] || jvm=$(pgrep -P "$2" -x java || true)
    if [ -n "$jvm" ] && [ -r "/proc/$jvm/status" ]; then
      echo "$(date -u +%T) $(grep -E '^(VmRSS|VmHWM)' "/proc/$jvm/status" | tr -s ' \t\n' ' ')" \
        "partitions complete: $(find "$1.jsonl.spark" -maxdepth 2 -name _SUCCESS 2>/dev/null | wc -l)" \
        "calls.jsonl bytes: $(stat -c %s "$1.jsonl" 2>/dev/null || echo 0)" >>"$1.rss"
    fi
    sleep 60
  done
}

run() { # name extra-args...
  local name="$1"; shift
  rm -rf "$OUT/$name.jsonl" "$OUT/$name.jsonl.spark" "$OUT/$name.rss"
  local t0 t1 rss cpu load0 load1
  load0=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  /usr/bin/time -v "$ROOT/sdvp" "${ARGS[@]}" --out "$OUT/$name.jsonl" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" &
  local timed=$!
  sample "$OUT/$name" "$timed" &
  local sampler=$!
  wait "$timed"
  t1=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  load1=$(cut -d' ' -f1 /proc/loadavg)
  rss=$(grep "Maximum resident set size" "$OUT/$name.err" | awk '{print $NF}')
  cpu=$(grep -E "(User|System) time \(seconds\)" "$OUT/$name.err" | awk '{s+=$NF} END {print s}')
  local line="s=$t1-$t0; print(f'$(date -u +%T) $name: $N questions in {s:.1f} s = {$N/s:.1f} q/s, CPU {$cpu:.1f} s"
  line+=" (user+sys), driver peak RSS {$rss/1024:.0f} MiB, load average $load0 -> $load1')"
  python3 -c "$line"
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
