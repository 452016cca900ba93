#!/usr/bin/env bash
# Cross-program batching in `sdvp eval` (docs/performance.md, "Cross-program batching"): the same questions
# with one program at a time (--concurrency 1) and with many (--concurrency N), alternating, ROUNDS times.
# Prints each run's eval time (the evaluator's own timer: no JVM or model start-up), the process CPU time,
# and the medians and their ratio; the last run of each setting also prints its --profile breakdown.
# usage: bench/eval-batching.sh TASK DATA_DIR MODULES [ROUNDS] [N] [MAX_BATCH]
#   e.g. bench/eval-batching.sh tag-sim world/tag-sim vlm:runs/student-quick 5 64 64
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TASK="$1" DATA="$2" MODULES="$3" ROUNDS="${4:-5}" N="${5:-64}" MAXB="${6:-64}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
run() { # concurrency round
  /usr/bin/time -f '%e %U %S' -o "$OUT/time-$1-$2" "$ROOT/sdvp" eval --task "$TASK" --data "$DATA" --split test \
    --modules "$MODULES" --concurrency "$1" --max-batch "$MAXB" --profile --out "$OUT/r-$1-$2.json" \
    >"$OUT/out-$1-$2" 2>"$OUT/err-$1-$2"
}
echo "task=$TASK modules=$MODULES rounds=$ROUNDS concurrency 1 vs $N, max batch $MAXB; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
  run 1 "$r"
  run "$N" "$r"
done
python3 - "$OUT" "$N" "$ROUNDS" <<'PY'
import json, statistics, sys, os
out, n, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = {}
for c in ("1", n):
    secs, cpus, scores = [], [], set()
    for r in range(1, rounds + 1):
        res = json.load(open(f"{out}/r-{c}-{r}.json"))
        wall, user, sys_ = (float(x) for x in open(f"{out}/time-{c}-{r}").read().split()[-3:])
        secs.append(res["seconds"]); cpus.append(user + sys_); scores.add(round(res["score"], 6))
        print(f"concurrency {c:>3} round {r}: eval {res['seconds']:.2f} s ({res['count'] / res['seconds']:.1f} q/s), "
              f"process {wall:.1f} s wall, {user + sys_:.1f} s CPU, batches {res['batching']['batches']}, "
              f"score {res['score']:.4f}")
    rows[c] = (statistics.median(secs), statistics.median(cpus), res["count"], scores)
for c, (s, cpu, count, scores) in rows.items():
    print(f"median concurrency {c:>3}: {s:.2f} s = {count / s:.1f} questions/s; process CPU {cpu:.1f} s; scores {sorted(scores)}")
print(f"speed-up (median eval time, concurrency 1 / {n}): {rows['1'][0] / rows[n][0]:.2f}x")
for c in ("1", n):
    print(f"--- profile, concurrency {c}, round {rounds}")
    print("".join(l for l in open(f"{out}/err-{c}-{rounds}") if l.startswith(("time per", "  "))), end="")
PY
