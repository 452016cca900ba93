#!/usr/bin/env bash
# One sdvp command run with two builds, alternating, ROUNDS times (docs/performance.md, "Java around the
# network"): BEFORE is a copy of an earlier build's sdvp-cli/target (sdvp-cli.jar + lib/), AFTER this tree's
# (or the folder in $AFTER).
# Prints each run's wall and CPU time (user + system: on a shared machine the CPU a run needed is the figure
# that holds), the medians and their ratio, and whether the two builds wrote the same results.json
# (timings and batch counters aside) and the same per-question predictions and scores.
# usage: bench/before-after.sh BEFORE_TARGET_DIR ROUNDS eval ARGS... (without --out)
#   e.g. cp -r sdvp-cli/target /tmp/before-cli   # at the old commit, after a package build
#        bench/before-after.sh /tmp/before-cli 5 eval --task tag-sim --data DIR --split val \
#            --modules vlm:models/student-default --limit 400
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BEFORE="$1" ROUNDS="$2"
shift 2
[ -f "$BEFORE/sdvp-cli.jar" ] || { echo "no sdvp-cli.jar in $BEFORE" >&2; exit 2; }
AFTER="${AFTER:-$ROOT/sdvp-cli/target}"
[ -f "$AFTER/sdvp-cli.jar" ] || { echo "no sdvp-cli.jar in $AFTER: build this tree first (mvnw -DskipTests package)" >&2; exit 2; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
run() { # build round
  local jar="$BEFORE/sdvp-cli.jar"
  [ "$1" = after ] && jar="$AFTER/sdvp-cli.jar"
  /usr/bin/time -f '%e %U %S' -o "$OUT/time-$1-$2" java -Djava.awt.headless=true -Dsdvp.progress=false \
    -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -jar "$jar" "${@:3}" --out "$OUT/r-$1-$2.json" >"$OUT/out-$1-$2" 2>"$OUT/err-$1-$2"
}
echo "$* | rounds=$ROUNDS | $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) | load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
  run before "$r" "$@"
  run after "$r" "$@"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT" "$ROUNDS" <<'PY'
import gzip, json, os, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])

def result(path):
    r = json.load(open(path))
    for k in ("seconds", "batching"):
        r.pop(k, None)
    return r

def answers(path):
    q = path[: -len(".json")] + ".questions.jsonl.gz"
    if not os.path.exists(q):
        return None
    rows = [json.loads(l) for l in gzip.open(q, "rt")]
    return [(r.get("id"), r.get("prediction"), r.get("score"), r.get("error")) for r in rows]

cpu = {}
for b in ("before", "after"):
    cpu[b] = []
    for r in range(1, rounds + 1):
        wall, user, sys_ = (float(x) for x in open(f"{out}/time-{b}-{r}").read().split()[-3:])
        cpu[b].append(user + sys_)
        print(f"{b:>6} round {r}: {wall:7.1f} s wall, {user + sys_:7.1f} s CPU")
ref = result(f"{out}/r-before-1.json")
ref_answers = answers(f"{out}/r-before-1.json")
same = all(result(f"{out}/r-{b}-{r}.json") == ref for b in ("before", "after") for r in range(1, rounds + 1))
same_answers = all(answers(f"{out}/r-{b}-{r}.json") == ref_answers for b in ("before", "after") for r in range(1, rounds + 1))
mb, ma = statistics.median(cpu["before"]), statistics.median(cpu["after"])
print(f"median CPU: before {mb:.1f} s, after {ma:.1f} s, after/before {ma / mb:.3f} ({100 * (1 - ma / mb):.1f} % less)")
print(f"results.json identical (timings aside): {same}; per-question predictions and scores identical: {same_answers}")
PY
