#!/usr/bin/env bash
# Own models' throughput (docs/performance.md, "Own models: TorchScript and ONNX calls/s"): calls/s of the
# committed TorchScript and ONNX fixtures and of the world's own student (models/student-default) on the same
# world calls, at batch 1 and 32, one PyTorch / ONNX Runtime thread. Each line is the median of REPEATS runs,
# wall-clock and per CPU-second of the calling thread.
# usage: bench/backends-bench.sh [REPEATS] [CALLS]   (builds the CLI first if needed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEATS="${1:-5}"
CALLS="${2:-64}"
# SDVP_BENCH_CP: another class path to measure (e.g. classes compiled elsewhere); otherwise the CLI's jar
[ -n "${SDVP_BENCH_CP:-}" ] || [ -f "$ROOT/sdvp-cli/target/sdvp-cli.jar" ] || "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -pl sdvp-cli -am package
F="$ROOT/sdvp-backends/src/test/resources/own-models"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -cp "${SDVP_BENCH_CP:-$ROOT/sdvp-cli/target/sdvp-cli.jar:$ROOT/sdvp-cli/target/lib/*}" \
  org.sdvp.cli.models.BackendsBenchmark "$REPEATS" "$CALLS" \
  "torchscript:$F/vqa-torchscript" "onnx:$F/vqa-onnx" "torchscript:$F/vqa-student-torchscript" \
  "torchscript:$F/loc-torchscript" "onnx:$F/loc-onnx" "torchscript:$F/match-torchscript" "onnx:$F/match-onnx" \
  "vlm:$ROOT/models/student-default" 2>/dev/null
