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
# SDVP_SPARK_WORKERS (2), SDVP_SPARK_WORKER_CORES (1), SDVP_SPARK_WORKER_MEMORY (1g); for check,
# SDVP_CHECK_QUESTIONS (300) and SDVP_EXECUTOR_WAIT_MS (600000: how long a job waits for its first executor).
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

# docs/scale.md's acceptance check. eval + collect on a world task and on the GQA fixture: locally, with local[2] and
# on the cluster; results.json (timings aside), the questions file and calls.jsonl must agree. Then a corrupt image
# read by a cluster executor (that question's error, as locally) and an unreachable master (exit 2 naming the URL).
check() {
  trap stop EXIT
  start
  # a loaded machine can take minutes to start an executor JVM (the default wait is 60 s)
  export SDVP_JAVA_OPTS="-Dsdvp.spark.executorWaitMs=${SDVP_EXECUTOR_WAIT_MS:-600000} ${SDVP_JAVA_OPTS:-}"
  local d="$DIR/check" same="$ROOT/sdvp-spark/scripts/same-results.py" bad=0
  rm -rf "$d"; mkdir -p "$d"
  "$ROOT/sdvp" world generate --task gqa-sim --split val --count "${SDVP_CHECK_QUESTIONS:-300}" --seed 7 \
    --out "$d/gqa-sim" >/dev/null 2>&1
  cp -r "$ROOT/sdvp-data/src/test/resources/fixtures/gqa" "$d/gqa"
  local world=(--task gqa-sim --data "$d/gqa-sim" --split val --modules oracle)
  local gqa=(--dataset gqa --root "$d/gqa" --split val_balanced --modules gqa-oracle)
  for job in world gqa; do
    local -n a="$job"
    timed "$d/$job-local.eval" eval "${a[@]}" --out "$d/$job-local.json"
    timed "$d/$job-local.collect" collect "${a[@]}" --out "$d/$job-local.jsonl"
    for m in local2 cluster; do
      local master='local[2]'; [ "$m" = cluster ] && master="$URL"
      timed "$d/$job-$m.eval" eval "${a[@]}" --out "$d/$job-$m.json" --spark "$master"
      python3 "$same" "$d/$job-local.json" "$d/$job-$m.json" "eval $job --spark $master" || bad=1
      timed "$d/$job-$m.collect" collect "${a[@]}" --out "$d/$job-$m.jsonl" --spark "$master"
      if cmp -s "$d/$job-local.jsonl" "$d/$job-$m.jsonl"; then
        echo "collect $job --spark $master: calls.jsonl identical, $(wc -l <"$d/$job-$m.jsonl") calls, sha256 $(sha256sum <"$d/$job-$m.jsonl" | cut -c1-16)"
      else
        echo "collect $job --spark $master: calls.jsonl DIFFERS from the local run's"; bad=1
      fi
    done
  done
  # a corrupt image: a PNG header and nothing else, read by an executor JVM of the cluster
  cp -r "$d/gqa-sim" "$d/corrupt"
  local image; image="$(find "$d/corrupt/val" -name '*.png' | sort | head -1)"
  printf '\x89PNG\x00\x01\x02\x03' >"$image"
  local corrupt=(--task gqa-sim --data "$d/corrupt" --split val --modules oracle)
  timed "$d/corrupt-local.eval" eval "${corrupt[@]}" --out "$d/corrupt-local.json"
  timed "$d/corrupt-cluster.eval" eval "${corrupt[@]}" --out "$d/corrupt-cluster.json" --spark "$URL"
  python3 "$same" "$d/corrupt-local.json" "$d/corrupt-cluster.json" "eval with a corrupt image --spark $URL" || bad=1
  python3 - "$d/corrupt-cluster.json" "$(basename "$image")" <<'PY' || bad=1
import json, sys
r = json.load(open(sys.argv[1]))
named = sys.argv[2] in json.dumps(r["misses"])
print(f"  the corrupt image's question: errors {r['errors']}, errorsByReason {r.get('errorsByReason')},"
      f" {sys.argv[2]} named in misses: {named}")
sys.exit(0 if r["errors"] >= 1 and named else 1)
PY
  # an unreachable master: nothing listens on PORT+9
  local nowhere="spark://127.0.0.1:$((PORT + 9))" code=0
  "$ROOT/sdvp" eval "${world[@]}" --out "$d/never.json" --spark "$nowhere" >"$d/unreachable.log" 2>&1 || code=$?
  echo "unreachable master: exit $code: $(grep -m1 'cannot reach' "$d/unreachable.log")"
  [ "$code" = 2 ] && grep -q "cannot reach the Spark master $nowhere" "$d/unreachable.log" || bad=1
  [ "$bad" = 0 ] && echo "check: every output identical to the local run's" || echo "check: FAILED (see above; logs in $d)"
  return "$bad"
}

# runs `sdvp ARGS...`, its output and GNU time's report in LOG.out/LOG.err; prints the wall time
timed() { # LOG args...
  local log="$1"; shift
  local t0; t0=$(date +%s.%N)
  if ! /usr/bin/time -v "$ROOT/sdvp" "$@" >"$log.out" 2>"$log.err"; then
    echo "sdvp $* failed; see $log.err" >&2; return 1
  fi
  python3 -c "import sys; print(f'  {sys.argv[1]}: {float(sys.argv[3]) - float(sys.argv[2]):.1f} s')" \
    "$(basename "$log")" "$t0" "$(date +%s.%N)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  check) check ;;
  *) echo "usage: $0 start|stop|status|check" >&2; exit 2 ;;
esac
