#!/usr/bin/env bash
# Student VLM throughput (docs/performance.md, "Neural modules"): training samples/s on the pretraining mix
# and inference samples/s (VQA on crops, LOC on whole images) at batch 1 and 32, with 1 and 2 PyTorch
# threads. Each line is the median of REPEATS runs, wall-clock and per CPU-second of the calling thread.
# usage: bench/models-bench.sh [REPEATS]   (builds the CLI first if needed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEATS="${1:-5}"
[ -f "$ROOT/sdvp-cli/target/sdvp-cli.jar" ] || "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -pl sdvp-cli -am package
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
for threads in 1 2; do
  java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$ROOT/sdvp-cli/target/sdvp-cli.jar:$ROOT/sdvp-cli/target/lib/*" \
    org.sdvp.models.bench.ModelsBenchmark "$REPEATS" 2>/dev/null
done
