#!/usr/bin/env bash
# A real Spark standalone cluster on loopback, from the Maven-resolved jars (no download, no SPARK_HOME to
# install): one master and two workers, each its own JVM, 1 core and 1 GiB per worker by default.
#
#   scripts/spark-cluster.sh start     # prints the master URL (spark://127.0.0.1:17077)
#   ./sdvp eval ... --spark spark://127.0.0.1:17077
#   scripts/spark-cluster.sh status
#   scripts/spark-cluster.sh stop
#   scripts/spark-cluster.sh check     # start, eval + collect locally and on the cluster, compare, stop
#
# Settings (environment): SDVP_SPARK_DIR (state, logs; default runs/spark-cluster), SDVP_SPARK_PORT (17077),
# SDVP_SPARK_WORKERS (2), SDVP_SPARK_WORKER_CORES (1), SDVP_SPARK_WORKER_MEMORY (1g).
# Everything binds to 127.0.0.1; docs/scale.md shows the same commands against a cluster of your own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${SDVP_SPARK_DIR:-$ROOT/runs/spark-cluster}"
PORT="${SDVP_SPARK_PORT:-17077}"
WORKERS="${SDVP_SPARK_WORKERS:-2}"
CORES="${SDVP_SPARK_WORKER_CORES:-1}"
MEMORY="${SDVP_SPARK_WORKER_MEMORY:-1g}"
URL="spark://127.0.0.1:$PORT"
LIB="$ROOT/sdvp-spark/target/lib"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
export DJL_OFFLINE=true OPT_OUT_TRACKING=true

build() {
  if [ ! -f "$ROOT/sdvp-spark/target/sdvp-spark.jar" ] || [ ! -d "$LIB" ]; then
    echo "building sdvp-spark and resolving Spark's jars (Maven) ..." >&2
    "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -pl sdvp-spark -am package >&2
  fi
  # a worker starts executors with SPARK_HOME/jars on their class path: point it at the resolved jars
  mkdir -p "$DIR/home/jars"
  rm -f "$DIR/home/jars/"*.jar
  ln -s "$LIB/"*.jar "$ROOT/sdvp-spark/target/sdvp-spark.jar" "$DIR/home/jars/"
  export SPARK_HOME="$DIR/home"
}

daemon() { # name main-class args...
  local name="$1"; shift
  # shellcheck disable=SC2086
  nice -n "${SDVP_NICE:-0}" java @"$ROOT/sdvp-spark/spark-jvm.options" -Dorg.slf4j.simpleLogger.log.org.apache.spark=info -Xmx512m -cp "$DIR/home/jars/*" "$@" \
    >"$DIR/$name.log" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

running() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

wait_log() { # name pattern seconds
  for _ in $(seq "$3"); do
    grep -q "$2" "$DIR/$1.log" 2>/dev/null && return 0
    running "$1" || { echo "$1 exited; see $DIR/$1.log" >&2; return 1; }
    sleep 1
  done
  echo "$1 did not report '$2' within $3 s; see $DIR/$1.log" >&2
  return 1
}

start() {
  mkdir -p "$DIR"
  if running master; then echo "already running: $URL"; return 0; fi
  build
  daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port $((PORT + 1))
  wait_log master "Starting Spark master at" 300
  for i in $(seq "$WORKERS"); do
    mkdir -p "$DIR/work-$i"
    daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" \
      --work-dir "$DIR/work-$i" --webui-port $((PORT + 1 + i)) "$URL"
  done
  for i in $(seq "$WORKERS"); do wait_log "worker-$i" "Successfully registered with master" 300; done
  echo "$URL ($WORKERS workers x $CORES core, $MEMORY; logs in $DIR)"
}

stop() {
  for f in "$DIR"/worker-*.pid "$DIR"/master.pid; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$f"
  done
  echo "stopped"
}

status() {
  for f in "$DIR"/master.pid "$DIR"/worker-*.pid; do
    [ -f "$f" ] || continue
    n="$(basename "$f" .pid)"
    if running "$n"; then echo "$n: running (pid $(cat "$f"))"; else echo "$n: not running"; fi
  done
}

# eval + collect on a world task and on the GQA fixture: locally, then on the cluster; the outputs must agree
check() {
  trap stop EXIT
  start
  local d="$DIR/check"
  rm -rf "$d"; mkdir -p "$d"
  "$ROOT/sdvp" world generate --task gqa-sim --split val --count 300 --seed 7 --out "$d/gqa-sim" 2>/dev/null
  cp -r "$ROOT/sdvp-data/src/test/resources/fixtures/gqa" "$d/gqa"
  local world=(--task gqa-sim --data "$d/gqa-sim" --split val --modules oracle)
  local gqa=(--dataset gqa --root "$d/gqa" --split val_balanced --modules gqa-oracle)
  for job in world gqa; do
    local -n a="$job"
    "$ROOT/sdvp" eval "${a[@]}" --out "$d/$job-local.json" 2>/dev/null
    "$ROOT/sdvp" eval "${a[@]}" --out "$d/$job-cluster.json" --spark "$URL" 2>"$d/$job-eval.log"
    "$ROOT/sdvp" collect "${a[@]}" --out "$d/$job-local.jsonl" 2>/dev/null
    "$ROOT/sdvp" collect "${a[@]}" --out "$d/$job-cluster.jsonl" --spark "$URL" 2>"$d/$job-collect.log"
    python3 - "$d/$job-local.json" "$d/$job-cluster.json" <<'PY'
import json, sys
def strip(f):
    r = json.load(open(f)); r.pop("seconds"); r.pop("batching"); r["provenance"].pop("spark", None); return r
a, b = strip(sys.argv[1]), strip(sys.argv[2])
assert a == b, "results.json differ"
print("results.json identical (timings aside):", b["count"], "questions, score", b["score"])
PY
    cmp "$d/$job-local.jsonl" "$d/$job-cluster.jsonl"
    echo "calls.jsonl identical: $(wc -l <"$d/$job-cluster.jsonl") calls ($job)"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  check) check ;;
  *) echo "usage: $0 start|stop|status|check" >&2; exit 2 ;;
esac
