#!/usr/bin/env bash
# docs/scale.md's driver-kill check: `collect --spark` killed with SIGKILL (kill -9 of the driver JVM) once some
# partitions are complete, then run again with the same command: the re-run must say how many complete partitions
# it skipped and end with a calls.jsonl byte-identical to the local run's.
#
#   sdvp-spark/scripts/driver-kill.sh OUT [QUESTIONS (default 4000)] [PARTITIONS (default 8)] [KILL_AFTER (default 3)]
#
# OUT gets a generated GQA-format split (gqa-synth.py), local.jsonl, spark.jsonl and each run's log.
# SDVP_SPARK_MASTER (default local[2]) runs it elsewhere, e.g. on scripts/spark-cluster.sh's spark://127.0.0.1:17077.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"; N="${2:-4000}"; PARTS="${3:-8}"; AFTER="${4:-3}"
DATA="$OUT/gqa-$N"
[ -d "$DATA" ] || python3 "$ROOT/sdvp-spark/scripts/gqa-synth.py" "$DATA" --questions "$N" --images 100
ARGS=(collect --dataset gqa --root "$DATA" --split train_balanced --modules gqa-oracle)
SPARK=(--spark "${SDVP_SPARK_MASTER:-local[2]}" --spark-partitions "$PARTS" --out "$OUT/spark.jsonl")
WORK="$OUT/spark.jsonl.spark"
parts() { find "$WORK" -maxdepth 2 -name _SUCCESS 2>/dev/null | wc -l; }

"$ROOT/sdvp" collect --help --spark 'local[1]' >/dev/null # builds sdvp-spark outside the timing
[ -f "$OUT/local.jsonl" ] || "$ROOT/sdvp" "${ARGS[@]}" --out "$OUT/local.jsonl" >"$OUT/local.log" 2>&1
rm -rf "$OUT/spark.jsonl" "$WORK"

echo "$(date -u +%T) first run: ${ARGS[*]} ${SPARK[*]}"
# the launcher execs java, so $! is the driver JVM (with local[2] its executors are threads of it; a cluster's
# executors lose their driver with it and exit)
"$ROOT/sdvp" "${ARGS[@]}" "${SPARK[@]}" >"$OUT/first.log" 2>&1 &
DRIVER=$!
while [ "$(parts)" -lt "$AFTER" ]; do
  if ! kill -0 "$DRIVER" 2>/dev/null; then echo "the driver ended before $AFTER partitions were complete"; exit 1; fi
  sleep 0.2
done
kill -9 "$DRIVER"
wait "$DRIVER" 2>/dev/null || true
echo "$(date -u +%T) killed the driver (pid $DRIVER, SIGKILL) with $(parts) of $PARTS partitions complete;" \
  "temporary folders left: $(find "$WORK" -maxdepth 1 -name '.part-*.tmp' | wc -l); spark.jsonl exists: \
$([ -e "$OUT/spark.jsonl" ] && echo yes || echo no)"

echo "$(date -u +%T) second run, same command"
"$ROOT/sdvp" "${ARGS[@]}" "${SPARK[@]}" >"$OUT/second.log" 2>&1
grep -h "sdvp: resuming" "$OUT/second.log"
echo "$(date -u +%T) temporary folders left: $(find "$WORK" -maxdepth 1 -name '.part-*.tmp' | wc -l)"
sha256sum "$OUT/local.jsonl" "$OUT/spark.jsonl"
if cmp -s "$OUT/local.jsonl" "$OUT/spark.jsonl"; then
  echo "calls.jsonl identical to the local run ($(wc -l <"$OUT/local.jsonl") calls, $N questions)"
else
  echo "calls.jsonl DIFFERS from the local run"; exit 1
fi
