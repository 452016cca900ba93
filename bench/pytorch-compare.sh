#!/usr/bin/env bash
# Java (DJL 0.36 + libtorch 2.7.1) versus PyTorch (Debian's python3-torch) on the same student network and
# training step, one thread each (docs/performance.md, "Java/PyTorch step time"). Installs python3-torch with
# apt-get when it is missing (here only: never in the build). Random inputs of the default preset's batch
# composition on both sides; the Java side is org.sdvp.models.bench.TrainStepBench, the Python side
# bench/pytorch_step.py. Runs them alternately ROUNDS times (each a warm-up round plus 5 timed rounds of STEPS
# steps) and prints the ratio of the medians of their medians, wall-clock and CPU.
# usage: bench/pytorch-compare.sh [STEPS] [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STEPS="${1:-30}" ROUNDS="${2:-3}"
# Debian's package installs into the system interpreter, which another python3 on PATH (pyenv) does not see
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "installing Debian's python3-torch (benchmark only) ..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q python3-torch >&2; else sudo apt-get install -y -q python3-torch >&2; fi
fi
[ -f "$ROOT/sdvp-cli/target/sdvp-cli.jar" ] || "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -pl sdvp-cli -am package
CORES="$(nproc)"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
echo "machine: $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
  java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$ROOT/sdvp-cli/target/sdvp-cli.jar:$ROOT/sdvp-cli/target/lib/*" \
    org.sdvp.models.bench.TrainStepBench "$STEPS" 5 2>/dev/null | tee -a "$OUT/java"
  "$PY" "$ROOT/bench/pytorch_step.py" "$STEPS" 5 | tee -a "$OUT/python"
done
python3 - "$OUT" <<'PY'
import re, statistics, sys
out = sys.argv[1]
def medians(name, tag):
    rows = [l for l in open(f"{out}/{name}") if l.startswith(tag)]
    wall = [float(re.search(r"median ([\d.]+) ms wall", l).group(1)) for l in rows]
    cpu = [float(re.search(r"([\d.]+) ms CPU", l).group(1)) for l in rows]
    return statistics.median(wall), statistics.median(cpu)
jw, jc = medians("java", "DJL step")
pw, pc = medians("python", "PyTorch step")
print(f"median step: Java {jw:.1f} ms wall / {jc:.1f} ms CPU, PyTorch {pw:.1f} ms wall / {pc:.1f} ms CPU")
print(f"Java/PyTorch step-time ratio: {jw / pw:.2f} (wall), {jc / pc:.2f} (CPU)")
PY
