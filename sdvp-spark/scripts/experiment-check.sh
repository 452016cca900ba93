#!/usr/bin/env bash
# docs/scale.md's end-to-end check of `experiment --spark`: the quick experiment locally, then again with every
# stage's pseudo-labelling on Spark, from the same data, S0 and teachers (copied from the local run, so that
# only the stages and the evaluations run again); the two reports must agree cell by cell and in every stage's
# checkpoint hash.
#
#   sdvp-spark/scripts/experiment-check.sh OUT [MASTER (local[2])] [experiment options (--preset quick --jobs 1)]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"; MASTER="${2:-local[2]}"; shift $(($# < 2 ? $# : 2))
OPTS=("$@"); [ ${#OPTS[@]} -gt 0 ] || OPTS=(--preset quick --jobs 1)
stamp() { echo "$(date -u +%T) $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"; }

if [ ! -f "$OUT/local/report.json" ]; then
  stamp "local run: sdvp experiment ${OPTS[*]} --out $OUT/local"
  /usr/bin/time -v "$ROOT/sdvp" experiment "${OPTS[@]}" --out "$OUT/local" >"$OUT/local.out" 2>"$OUT/local.err"
fi
stamp "local run done"
mkdir -p "$OUT/spark"
for part in data teachers student; do
  if [ -d "$OUT/local/$part" ] && [ ! -e "$OUT/spark/$part" ]; then cp -a "$OUT/local/$part" "$OUT/spark/$part"; fi
done
stamp "Spark run: sdvp experiment ${OPTS[*]} --out $OUT/spark --spark $MASTER"
/usr/bin/time -v "$ROOT/sdvp" experiment "${OPTS[@]}" --out "$OUT/spark" --spark "$MASTER" >"$OUT/spark.out" 2>"$OUT/spark.err"
stamp "Spark run done"
grep -h "partitions\|labels:" "$OUT/spark.err" | head -20 || true
python3 - "$OUT/local/report.json" "$OUT/spark/report.json" <<'PY'
import json, re, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
def tail(v):  # checkpoint entries name their folders (OUT/local/..., OUT/spark/...): compare the hashes
    return re.sub(r"^.*?(sha256)", r"\1", v) if isinstance(v, str) else v
pa = {k: tail(v) for k, v in a["provenance"].items()}
pb = {k: tail(v) for k, v in b["provenance"].items()}
diff = sorted(k for k in set(pa) | set(pb) if pa.get(k) != pb.get(k))
same_tables = a["frameworks"] == b["frameworks"]
print(f"tables identical: {same_tables}; provenance entries {len(pa)}, differing: {diff}")
sys.exit(0 if same_tables and not diff else 1)
PY
