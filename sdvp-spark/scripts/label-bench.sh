#!/usr/bin/env bash
# docs/scale.md's labelling check and figures: one `distill` stage's pseudo-labelling of the same calls file
# locally, with --spark local[1], local[2] and on a standalone cluster, in one run. Prints the labelling step's
# calls/s (stage.json's seconds.label: loading the teacher and student, and with --spark the Spark start-up,
# included), the driver's peak RSS (GNU time) and whether the labels' counts and the student's data hash
# (provenance.dataSha256: every target, its order and pixels) are identical to the local run's.
#
#   sdvp-spark/scripts/label-bench.sh OUT TEACHER STUDENT [QUESTIONS (300)] [spark://127.0.0.1:17077] [modes]
#   modes (default "local spark1 spark2 cluster"); TEACHER a gqa-sim teacher (sdvp teacher train), STUDENT a VLM
#
# The calls: QUESTIONS gqa-sim train questions (seed 5), collected with the oracle, labelled without the
# answer-consistency filter (--no-filter: every call is labelled). Training is one step (--steps 1), no replay.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"; TEACHER="$(cd "$2" && pwd)"; STUDENT="$(cd "$3" && pwd)"
N="${4:-300}"; CLUSTER="${5:-}"; MODES="${6:-local spark1 spark2 cluster}"
# SDVP_CALLS=FILE labels an existing gqa-sim calls file instead (e.g. an experiment stage's calls.jsonl)
if [ -n "${SDVP_CALLS:-}" ] && [ ! -f "$OUT/calls.jsonl" ]; then cp "$SDVP_CALLS" "$OUT/calls.jsonl"; fi
[ -f "$OUT/calls.jsonl" ] || [ -d "$OUT/gqa-sim" ] || "$ROOT/sdvp" world generate --task gqa-sim --split train --count "$N" --seed 5 \
  --out "$OUT/gqa-sim" >/dev/null
[ -f "$OUT/calls.jsonl" ] || "$ROOT/sdvp" collect --task gqa-sim --data "$OUT/gqa-sim" --split train \
  --modules oracle --out "$OUT/calls.jsonl" >/dev/null
STAGE=(distill --task gqa-sim --student "$STUDENT" --teacher "$TEACHER" --calls "$OUT/calls.jsonl" --no-filter
  --steps 1 --replay-scenes 0 --set recalibrate=false)

"$ROOT/sdvp" --version >/dev/null; "$ROOT/sdvp" distill --help --spark 'local[1]' >/dev/null # builds outside the timing
run() { # name extra-args...
  local name="$1"; shift
  rm -rf "$OUT/$name"
  local load0 load1
  load0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$ROOT/sdvp" "${STAGE[@]}" --out "$OUT/$name" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  load1=$(cut -d' ' -f1 /proc/loadavg)
  python3 - "$OUT" "$name" "$load0" "$load1" <<'PY'
import json, re, sys, time
out, name, l0, l1 = sys.argv[1:]
stage = json.load(open(f"{out}/{name}/stage.json"))
sha = json.load(open(f"{out}/{name}/student/config.json"))["provenance"]["dataSha256"]
err = open(f"{out}/{name}.err").read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err))
calls = sum(stage["labels"]["calls"].values())
s = stage["seconds"]["label"]
print(f"{time.strftime('%H:%M:%S', time.gmtime())} {name}: {calls} calls labelled in {s:.1f} s = {calls / s:.1f} calls/s "
      f"(label step), process CPU {cpu:.1f} s, driver peak RSS {rss:.0f} MiB, load average {l0} -> {l1}")
if name != "local":
    try:
        ref = json.load(open(f"{out}/local/stage.json"))["labels"]
        ref_sha = json.load(open(f"{out}/local/student/config.json"))["provenance"]["dataSha256"]
        same = ref == stage["labels"] and ref_sha == sha
        print(f"  labels {'identical to' if same else 'DIFFER from'} the local run's (counts and dataSha256 {sha[:16]}…)")
    except FileNotFoundError:
        pass
PY
}
for m in $MODES; do
  case "$m" in
    local) run local ;;
    spark1) run spark1 --spark 'local[1]' --spark-partitions 4 ;;
    spark2) run spark2 --spark 'local[2]' --spark-partitions 4 ;;
    cluster) [ -n "$CLUSTER" ] && run cluster --spark "$CLUSTER" --spark-partitions 4 ;;
  esac
done
