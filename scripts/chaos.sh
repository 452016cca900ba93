#!/usr/bin/env bash
# The reliability campaign of issue #17 (docs/reliability.md): kill -9 and resume, a second writer, bad
# data mid-run, LLM endpoint faults, load, and fuzzing; prints one table (also runs/chaos/table.md).
# Not part of the test suite (the suite has fast versions of every case). Everything runs under nice.
#
#   scripts/chaos.sh                 # every case, full size (about an hour on 2 busy cores)
#   scripts/chaos.sh resume lock     # some cases (resume-pretrain, resume-teacher: training kills)
#   QUICK=1 scripts/chaos.sh         # every case, small sizes (a few minutes)
#
# Environment: SEED (default 17), KILLS (kill -9 points per command, default 20; TRAIN_KILLS, TRAIN_STEPS,
# TRAIN_EVERY, TRAIN_SCENES, TRAIN_EVAL_SCENES and TRAIN_SET for the training cases; TRAIN_REF_SHA and KILL_FROM
# to run points K.. beside a first campaign), OUT (default runs/chaos);
# sizes: RESUME_N (3000), LOAD_N (20000), VLOAD_N (2000), FUZZ_N (100000), VFUZZ_N (10000); QUICK=1 makes
# them small. On a machine shared with other work, pass smaller sizes and say so with the figures.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEED="${SEED:-17}"
KILLS="${KILLS:-20}"
OUT="${OUT:-$ROOT/runs/chaos}"
QUICK="${QUICK:-}"
CASES=("$@")
[ ${#CASES[@]} -eq 0 ] && CASES=(resume resume-pretrain resume-teacher lock baddata llm llm-e2e load viper-load fuzz-visprog fuzz-viper diskfull)
mkdir -p "$OUT"
TABLE="${TABLE:-$OUT/table.md}"
: > "$TABLE.rows"
PY="$ROOT/scripts/chaos/make_data.py"
size() { if [ -n "$QUICK" ]; then echo "$2"; else echo "$1"; fi; }
RESUME_N="${RESUME_N:-$(size 3000 600)}"; LOAD_N="${LOAD_N:-$(size 20000 2000)}"; VLOAD_N="${VLOAD_N:-$(size 2000 300)}"
FUZZ_N="${FUZZ_N:-$(size 100000 5000)}"; VFUZZ_N="${VFUZZ_N:-$(size 10000 500)}"
# a replicated split of N questions over the generated base split (images shared), made once per size
replicated() {  # $1 = folder, $2 = N
  if [ ! -f "$1/test/questions.json" ] || [ "$(jq '.questions|length' "$1/test/questions.json")" != "$2" ]; then
    rm -rf "$1"; python3 "$PY" replicate "$OUT/base" "$1" "$2"
  fi
}

# one code version for the whole campaign (the launcher would mark it -dirty as soon as any file changes)
export SDVP_COMMIT="${SDVP_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD)}"
# under nice 15 (not deeper when the script itself was started under nice: 19 gets no CPU on a busy machine)
NICE=(); [ "$(nice)" -lt 15 ] && NICE=(nice -n $(( 15 - $(nice) )))
"${NICE[@]}" "$ROOT/sdvp" --version >/dev/null 2>&1 || true   # builds the jar once, before any timing
SDVP=("${NICE[@]}" "$ROOT/sdvp")
row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3" | tee -a "$TABLE.rows"; }
# results.json without what only says how long it took (seconds; batch counts and busy times)
norm() { jq -S 'del(.seconds, .batching)' "$1"; }
# peak RSS in MiB of a command, via GNU time
peak() { /usr/bin/time -f '%M' -o "$OUT/.rss" "$@"; local rc=$?; echo $(( $(cat "$OUT/.rss" | tail -1) / 1024 )) > "$OUT/.rss.mib"; return $rc; }

base() {
  if [ ! -f "$OUT/base/test/questions.json" ]; then
    "${SDVP[@]}" world generate --task gqa-sim --split test --count "$(size 300 120)" --seed "$SEED" \
      --out "$OUT/base" 2>/dev/null >/dev/null
  fi
}

# --- 1. kill -9 at random points, resume, compare with an uninterrupted run ------------------------
RESUME_CMDS=(eval collect)
resume_ref() {  # $1 = eval|collect: the uninterrupted run and its hash
  local cmd=$1 ext; [ "$cmd" = eval ] && ext=json || ext=jsonl
  local ref="$OUT/resume-$cmd-ref.$ext"; rm -f "$ref" "$ref.journal"
  local t0=$SECONDS
  "${SDVP[@]}" "$cmd" "${RESUME_ARGS[@]}" --out "$ref" >/dev/null 2>&1 || { echo "reference $cmd run failed" >&2; return 1; }
  eval "FULL_$cmd=$(( SECONDS - t0 ))"
  eval "WANT_$cmd=$(hash_of "$cmd" "$ref")"
  : > "$OUT/resume-$cmd-sha256.txt"
  echo "resume $cmd: uninterrupted run $(( SECONDS - t0 ))s, sha256 $(hash_of "$cmd" "$ref")" | tee -a "$OUT/resume-$cmd-sha256.txt" >&2
}
hash_of() { if [ "$1" = eval ]; then norm "$2" 2>/dev/null | sha256sum | cut -c1-64; else sha256sum < "$2" | cut -c1-64; fi; }
same_as() { if [ "$1" = "$2" ]; then echo identical; else echo DIFFERENT; fi; }  # $1 = got, $2 = want
# kill -9 PID once PROBE (a command printing a number) reaches TARGET, or not at all if PID ends first;
# prints the PROBE value at the kill. Drawing the point in units of progress, not of time, keeps the points
# inside the run however loaded the machine is (a time drawn from a loaded reference run fell after the end).
kill_at() {  # $1 = pid, $2 = target, $3.. = probe
  local pid=$1 target=$2; shift 2
  local now=0
  while kill -0 "$pid" 2>/dev/null; do
    now=$("$@" 2>/dev/null); now=${now:-0}
    if [ "$now" -ge "$target" ]; then
      # a random 0-250 ms more, so that a kill can fall anywhere within the step or question
      sleep "0.$(printf '%03d' $(( RANDOM % 250 )))"
      kill -9 "$pid" 2>/dev/null; break
    fi
    sleep 0.05
  done
  wait "$pid" 2>/dev/null
  echo "$now"
}
journalled() { [ -f "$1" ] && echo $(( $(wc -l < "$1") - 1 )) || echo 0; }
resume_kill() {  # $1 = eval|collect, $2 = point number: kill -9 at a random point, resume, compare
  local cmd=$1 i=$2 ext; [ "$cmd" = eval ] && ext=json || ext=jsonl
  local out="$OUT/resume-$cmd-$i.$ext"; rm -f "$out" "$out.journal" "$out.summary.json"
  # a random point in the run: when T questions are journalled, T in 0..N-1
  local target=$(( RANDOM * RESUME_N / 32768 ))
  # with its progress bar drawn (into OUT.bar), so a kill can fall while the bar's thread writes
  SDVP_PROGRESS=true "${SDVP[@]}" "$cmd" "${RESUME_ARGS[@]}" --out "$out" >/dev/null 2>"$out.bar" &
  local pid=$!
  # nice and the launcher exec: $pid is the JVM
  kill_at "$pid" "$target" journalled "$out.journal" >/dev/null
  local done=0; [ -f "$out.journal" ] && done=$(( $(wc -l < "$out.journal") - 1 ))
  [ -f "$out" ] && [ ! -f "$out.journal" ] && done=finished
  local redraws; redraws=$(tr -cd '\r' < "$out.bar" | wc -c)
  "${SDVP[@]}" "$cmd" "${RESUME_ARGS[@]}" --out "$out" >/dev/null 2>"$out.err" || echo "resume $cmd $i failed: $(tail -2 "$out.err")" >&2
  local got want; got=$(hash_of "$cmd" "$out"); eval "want=\$WANT_$cmd"
  local verdict; verdict=$(same_as "$got" "$want")
  echo "kill $i at $target journalled: $done questions journalled, progress bar drawn $redraws times; resumed sha256 $got $verdict" | tee -a "$OUT/resume-$cmd-sha256.txt" >&2
}
resume_cases() {
  local n=$RESUME_N data="$OUT/resume-data"; replicated "$data" "$n"
  RESUME_ARGS=(--task gqa-sim --data "$data" --split test --modules oracle --concurrency 4)
  local cmd i
  for cmd in "${RESUME_CMDS[@]}"; do resume_ref "$cmd" || return; done
  RANDOM=$SEED
  # eval and collect alternate, so that a campaign cut short still has points of both
  for i in $(seq 1 "$KILLS"); do for cmd in "${RESUME_CMDS[@]}"; do resume_kill "$cmd" "$i"; done; done
  for cmd in "${RESUME_CMDS[@]}"; do
    local f="$OUT/resume-$cmd-sha256.txt"
    row "resume $cmd ($n questions, $KILLS kill -9 points)" \
        "journalled at kill: $(grep -o ': [a-z0-9]* questions' "$f" | cut -d' ' -f2 | tr '\n' ' ')" \
        "$(grep -c ' identical$' "$f")/$KILLS identical to the uninterrupted run ($(basename "$f"))"
  done
}

# --- 1b. kill -9 during pretrain / teacher train, resume, compare model.params ---------------------------
# small settings (TRAIN_STEPS steps, a state every 10): the point is the resume, not the model
TRAIN_STEPS="${TRAIN_STEPS:-$(size 200 60)}"; TRAIN_KILLS="${TRAIN_KILLS:-$KILLS}"; TRAIN_EVERY="${TRAIN_EVERY:-10}"
train_args() {  # $1 = pretrain|teacher
  if [ "$1" = pretrain ]; then
    echo pretrain --preset quick --seed "$SEED" --checkpoint-every "$TRAIN_EVERY" --set steps="$TRAIN_STEPS" \
      --set scenes="${TRAIN_SCENES:-$(size 300 60)}" --set evalScenes="${TRAIN_EVAL_SCENES:-$(size 40 10)}"
  else
    echo teacher train --task gqa-sim --preset quick --seed "$SEED" --checkpoint-every "$TRAIN_EVERY" \
      --set steps="$TRAIN_STEPS" --set questions="$(size 100 30)"
  fi
}
# the training progress bar's last count of FILE ("... 13/20 ..."), 0 before the bar
bar_step() { tr '\r' '\n' < "$1" | grep -o " [0-9]*/$2 " | tail -1 | cut -d/ -f1 | tr -d ' '; }
train_once() {  # $1 = pretrain|teacher, $2 = --out: one uninterrupted run; prints model.params' SHA-256
  local args; read -r -a args <<< "$(train_args "$1") ${TRAIN_SET:-}"
  rm -rf "$2" "$2.state"
  "${SDVP[@]}" "${args[@]}" --out "$2" >/dev/null 2>"$2.err" || { echo "uninterrupted $1 failed: $(tail -2 "$2.err")" >&2; return 1; }
  sha256sum < "$2/model.params" | cut -c1-64
}
train_resume_case() {  # $1 = pretrain|teacher
  local what=$1 args; read -r -a args <<< "$(train_args "$what") ${TRAIN_SET:-}"
  local ref="$OUT/train-$what-ref" f="$OUT/train-$what-sha256.txt"
  # two uninterrupted runs first: a resumed hash proves something only if the training is bit-reproducible
  local t0=$SECONDS want want2
  if [ -n "${TRAIN_REF_SHA:-}" ]; then  # the references of an earlier run of this case (same settings and seed)
    want=$TRAIN_REF_SHA; want2=$TRAIN_REF_SHA
  else
    want=$(train_once "$what" "$ref") || return
    want2=$(train_once "$what" "$ref-2") || return
  fi
  local full=$(( SECONDS - t0 ))
  local repro="bit-reproducible: the two uninterrupted runs agree"
  [ "$want" != "$want2" ] && repro="NOT bit-reproducible: the two uninterrupted runs differ ($want2), so a differing resumed hash does not show a resume fault"
  echo "$what (${args[*]}): uninterrupted run ${full}s, model.params sha256 $want; second uninterrupted run $want2: $repro" | tee "$f" >&2
  RANDOM=$SEED
  local i
  for i in $(seq 1 "$TRAIN_KILLS"); do
    local out="$OUT/train-$what-$i"; rm -rf "$out" "$out.state"
    # a random step 1..TRAIN_STEPS (the progress bar's count; TRAIN_STEPS: after the last step, in the held-out
    # evaluation or the writing of the checkpoint), then 0-250 ms more
    local target=$(( 1 + RANDOM * TRAIN_STEPS / 32768 ))
    # KILL_FROM=K: only the points K.. (a second campaign beside the first; the draws stay the same)
    [ "$i" -lt "${KILL_FROM:-1}" ] && continue
    SDVP_PROGRESS=true "${SDVP[@]}" "${args[@]}" --out "$out" >/dev/null 2>"$out.bar" &
    local pid=$!
    local reached; reached=$(kill_at "$pid" "$target" bar_step "$out.bar" "$TRAIN_STEPS")
    local at=none; [ -f "$out.state/latest" ] && at=$(cat "$out.state/latest")
    [ -f "$out/config.json" ] && [ ! -d "$out.state" ] && at=finished
    "${SDVP[@]}" "${args[@]}" --out "$out" >/dev/null 2>"$out.err" || echo "resume $what $i failed: $(tail -2 "$out.err")" >&2
    local got; got=$(sha256sum < "$out/model.params" 2>/dev/null | cut -c1-64)
    local verdict; verdict=$(same_as "$got" "$want")
    [ "$verdict" = DIFFERENT ] && [ "$got" = "$want2" ] && verdict="identical to the second run"
    echo "kill $i at step $target (bar at $reached): saved state $at; resumed model.params sha256 $got $verdict" | tee -a "$f" >&2
  done
  row "resume $what ($TRAIN_STEPS steps, $TRAIN_KILLS kill -9 points${TRAIN_SET:+, $TRAIN_SET})" \
      "state at kill: $(grep -o 'saved state [a-z0-9-]*' "$f" | cut -d' ' -f3 | tr '\n' ' ')" \
      "$(grep -c ' identical$' "$f")/$TRAIN_KILLS identical to the uninterrupted run; training $repro ($(basename "$f"))"
}

# --- 1c. is training bit-reproducible? two uninterrupted runs of each setting ----------------------------
# DET_SETTINGS: "label|ENV=V ...|--set k=v ..." entries separated by ';' (default: the ones below); DET_STEPS steps
determinism_case() {
  local f="$OUT/determinism.txt"; : > "$f"
  local steps="${DET_STEPS:-30}" settings entry
  # MALLOC_PERTURB_ fills every malloc'd block with one byte: if runs that differ agree with it, a kernel reads
  # memory it never wrote; OMP/MKL_NUM_THREADS=1 also fix the threads of native threads DJL never configured
  IFS=';' read -r -a settings <<< "${DET_SETTINGS:-baseline||;perturb|MALLOC_PERTURB_=165|;omp1|OMP_NUM_THREADS=1 MKL_NUM_THREADS=1|;mkl-cbwr|MKL_CBWR=COMPATIBLE|;onednn-sse41|ONEDNN_MAX_CPU_ISA=SSE41 DNNL_MAX_CPU_ISA=SSE41|;crop96||--arch cropSize=96}"
  for entry in "${settings[@]}"; do
    local label envs sets; IFS='|' read -r label envs sets <<< "$entry"
    local h=() r t0=$SECONDS
    for r in 1 2; do
      # shellcheck disable=SC2086
      h+=("$( [ -n "$envs" ] && export $envs; TRAIN_STEPS=$steps TRAIN_SET=$sets; train_once pretrain "$OUT/det-$label-$r")")
    done
    local verdict=DIFFERENT; [ -n "${h[0]}" ] && [ "${h[0]}" = "${h[1]}" ] && verdict=identical
    echo "$label [$envs $sets] $steps steps, $(( (SECONDS - t0) / 2 )) s a run: ${h[0]} ${h[1]} $verdict" | tee -a "$f" >&2
    row "pretrain twice, $steps steps: $label" "${envs:-no environment} ${sets}" "$verdict (${h[0]:0:8} / ${h[1]:0:8})"
  done
}

# --- 2. a second writer on the same --out -----------------------------------------------------------
lock_case() {
  # a first run long enough (3,000 questions, one at a time) to be still running when the second starts:
  # with the 300-question split the first had finished before the second's JVM was up, and the second ran
  local data="$OUT/lock-data"; replicated "$data" "${LOCK_N:-3000}"
  local out="$OUT/lock.json"; rm -f "$out" "$out.journal"
  local args=(eval --task gqa-sim --data "$data" --split test --modules oracle --concurrency 1 --out "$out")
  "${SDVP[@]}" "${args[@]}" >/dev/null 2>&1 &
  local first=$!
  local tries=0; while [ ! -f "$out.journal" ] && [ $tries -lt 1200 ]; do sleep 0.1; tries=$((tries+1)); done
  "${SDVP[@]}" "${args[@]}" >/dev/null 2>"$OUT/lock.err"
  local rc=$? alive="the first had already ended"
  if kill -0 "$first" 2>/dev/null; then alive="the first still running"; kill "$first"; fi
  wait "$first" 2>/dev/null
  row "second writer on the same --out" "exit $rc: $(grep -m1 'sdvp:' "$OUT/lock.err" | cut -c1-200)" "$alive when the second ended"
}

# --- 3. bad data in the middle of a run -------------------------------------------------------------
baddata_case() {
  local data="$OUT/bad-data"
  local expected; expected=$(python3 "$PY" baddata "$OUT/base" "$data" "$SEED")
  local out="$OUT/bad.json"; rm -f "$out"
  "${SDVP[@]}" eval --task gqa-sim --data "$data" --split test --modules oracle --out "$out" --restart >/dev/null 2>"$OUT/bad.err"
  local rc=$?
  local got; got=$(jq -c -S '.errorsByReason' "$out" 2>/dev/null)
  local verdict=FAIL; [ "$(echo "$expected" | jq -c -S .)" = "$got" ] && verdict="counts exact"
  local others; others=$(jq '[.misses[] | select(.error == null)] | length' "$out" 2>/dev/null)
  row "bad data ($(jq .count "$out") questions, exit $rc)" "injected $expected" "$verdict: $got; wrong answers without error: $others"
  # heap cost of refusing the 50,000 x 50,000 PNG header: measured in the suite (ImagesTest), by allocation
}

# --- 4. LLM endpoint faults -------------------------------------------------------------------------
# a) the suite's client-level fault tests (EndpointFaultsTest); their table lines
llm_case() {
  ( cd "$ROOT" && "${NICE[@]}" ./mvnw -B -q -pl sdvp-llm -am package -Dtest=EndpointFaultsTest \
      -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 )
  local rc=$?
  local rep="$ROOT/sdvp-llm/target/surefire-reports/TEST-org.sdvp.llm.client.EndpointFaultsTest.xml"
  grep -o 'FAULT|[^&]*' "$rep" | sed 's/^FAULT//' > "$OUT/llm-faults.md"
  row "LLM endpoint faults (EndpointFaultsTest, exit $rc)" "$(wc -l < "$OUT/llm-faults.md") faults" "table: llm-faults.md"
}
# b) end to end: sdvp eval --programs llm against scripts/chaos/llm_faults.py on 127.0.0.1, one run per fault
#    (LLM_N questions, --llm-timeout LLM_TIMEOUT s, --llm-retries 2); the table goes to llm-e2e.md
llm_e2e_case() {
  local n="${LLM_N:-20}" timeout="${LLM_TIMEOUT:-2}" f="$OUT/llm-e2e.md"
  local common=(eval --task gqa-sim --data "$OUT/base" --split test --modules oracle --limit "$n" --concurrency 4
                --programs llm --llm-model fake --llm-timeout "$timeout" --llm-retries 2 --reasks 0)
  { echo "| fault | LLM requests served | retries (llm_retries) | outcome (score; errorsByReason; llm counters) | exit | wall time |"
    echo "|---|---|---|---|---|---|"; } > "$f"
  local spec
  for spec in "ok" "refused" "silent" "trickle" "truncated --once" "429 --once" "503 --once" "500" "malformed" "slow"; do
    local mode=${spec%% *} label=${spec// --/-} url pid="" served=-
    if [ "$mode" = refused ]; then  # a port nobody listens on
      url="http://127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')/v1"
    else
      rm -f "$OUT/llm-port"
      # shellcheck disable=SC2086
      python3 "$ROOT/scripts/chaos/llm_faults.py" $spec --port-file "$OUT/llm-port" 2>"$OUT/llm-server-$label.err" &
      pid=$!
      local tries=0; while [ ! -s "$OUT/llm-port" ] && [ $tries -lt 100 ]; do sleep 0.1; tries=$((tries+1)); done
      url="http://127.0.0.1:$(cat "$OUT/llm-port")/v1"
    fi
    local out="$OUT/llm-$label.json"; rm -f "$out" "$out.journal" "$OUT/llm-cache-$label.jsonl"
    local t0; t0=$(date +%s%N)
    "${SDVP[@]}" "${common[@]}" --llm-base-url "$url" --llm-cache "$OUT/llm-cache-$label.jsonl" --out "$out" \
        >/dev/null 2>"$out.err"
    local rc=$? ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; served=$(grep -o '[0-9]*' "$OUT/llm-server-$label.err" | tail -1); fi
    local outcome; outcome=$(jq -r '"score \(.score*1000|round/1000), \(.count) questions; \(.errorsByReason|tostring); calls \(.programs.llm_calls), errors \(.programs.llm_errors), fallbacks \(.programs.llm_fallbacks)"' "$out" 2>/dev/null || echo "no results.json: $(tail -1 "$out.err")")
    local retries; retries=$(jq -r '.programs.llm_retries // "-"' "$out" 2>/dev/null)
    echo "| $spec | $served | $retries | $outcome | $rc | $ms ms |" | tee -a "$f"
  done
  row "LLM faults end to end ($n questions each, timeout ${timeout}s, 2 retries)" "$(($(wc -l < "$f") - 2)) faults" "table: llm-e2e.md"
}

# --- 5. load: 20,000 questions at concurrency 64 ----------------------------------------------------
load_case() {
  local n=$LOAD_N
  local data="$OUT/load-data"; replicated "$data" "$n"
  local out="$OUT/load.json"; rm -f "$out"
  peak "${SDVP[@]}" eval --task gqa-sim --data "$data" --split test --modules oracle --concurrency 64 \
      --out "$out" --restart >/dev/null 2>"$OUT/load.err"
  local rc=$?
  row "eval load: $n questions, concurrency 64 (exit $rc)" "$(jq -r '"\(.count) answered, score \(.score), \(.errors) errors, \(.seconds|floor) s"' "$out")" \
      "peak RSS $(cat "$OUT/.rss.mib") MiB"
}

viper_load_case() {
  local n=$VLOAD_N
  local data="$OUT/viper-load-data"; replicated "$data" "$n"
  local progs="$OUT/viper-load.jsonl"; python3 "$PY" viper-load "$data" "$progs" "$n" "$SEED"
  rm -f /tmp/sdvp-chaos-canary
  local out="$OUT/viper-load.json" quiet="$OUT/viper-quiet.json"
  peak "${SDVP[@]}" eval --task gqa-sim --data "$data" --split test --framework viper --programs "$progs" \
      --modules oracle --limit "$n" --concurrency 64 --out "$out" --restart >/dev/null 2>"$OUT/viper-load.err"
  local rc=$? rss; rss=$(cat "$OUT/.rss.mib")
  # the quiet run: only the benign programs, one at a time
  jq -c 'select(true)' "$progs" | grep -F -f <(jq -r '.id | "\"id\":\"" + . + "\""' "$progs.benign") > "$OUT/viper-benign.jsonl"
  "${SDVP[@]}" eval --task gqa-sim --data "$data" --split test --framework viper --programs "$OUT/viper-benign.jsonl" \
      --modules oracle --limit "$n" --concurrency 1 --out "$quiet" --restart >/dev/null 2>&1
  local hostile; hostile=$(jq -r '.id' "$progs" | grep -v -x -F -f <(jq -r .id "$progs.benign") | jq -R . | jq -s .)
  local stopped; stopped=$(jq --argjson h "$hostile" '[.misses[] | select(.id as $i | $h | index($i)) | select(.error != null)] | length' "$out")
  # benign answers: the same misses (id, prediction, error) in both runs, the others right in both
  local diff; diff=$(diff <(jq -c --argjson h "$hostile" '[.misses[] | select(.id as $i | $h | index($i) | not) | {id, prediction, error}] | sort_by(.id)' "$out") \
                         <(jq -c --argjson h "$hostile" '[.misses[] | select(.id as $i | $h | index($i) | not) | select(.reason != "no-program") | {id, prediction, error}] | sort_by(.id)' "$quiet") >/dev/null && echo same || echo DIFFERENT)
  local escaped=no; [ -e /tmp/sdvp-chaos-canary ] && escaped=YES
  row "viper load: $n programs, $(jq length <<<"$hostile") hostile, concurrency 64 (exit $rc)" \
      "hostile stopped $stopped/$(jq length <<<"$hostile"); benign answers vs quiet run: $diff; escape: $escaped" \
      "peak RSS $rss MiB, $(jq '.seconds|floor' "$out") s"
}

# --- 6. fuzzing -------------------------------------------------------------------------------------
fuzz_case() {  # $1 = visprog|viper
  local fw=$1 n
  if [ "$fw" = visprog ]; then n=$FUZZ_N; else n=$VFUZZ_N; fi
  local data="$OUT/fuzz-$fw-data"; replicated "$data" "$n"
  local progs="$OUT/fuzz-$fw.jsonl"
  if [ "$fw" = visprog ]; then
    # generated from the module registry's signatures, then mutated (org.sdvp.bench.fuzz.VisProgFuzz)
    [ -f "$ROOT/sdvp-bench/target/sdvp-bench.jar" ] || "${NICE[@]}" "$ROOT/mvnw" -q -B -o -f "$ROOT/pom.xml" \
        -DskipTests -pl sdvp-bench -am package >&2
    python3 "$PY" ids "$data" > "$OUT/fuzz-visprog-ids.txt"
    "${NICE[@]}" java -cp "$ROOT/sdvp-bench/target/sdvp-bench.jar:$ROOT/sdvp-bench/target/lib/*" \
        org.sdvp.bench.fuzz.VisProgFuzz "$OUT/fuzz-visprog-ids.txt" "$progs" "$SEED" | tee "$OUT/fuzz-visprog-corpus.txt" >&2
  else
    python3 "$PY" "$fw-fuzz" "$data" "$progs" "$n" "$SEED"
  fi
  if [ "${FUZZ_FROM:-0}" -gt 0 ]; then  # only programs FUZZ_FROM.. of the corpus (the rest of a run cut short)
    python3 "$PY" skip "$data" "$progs" "$FUZZ_FROM" "$data-from$FUZZ_FROM" "$progs.from$FUZZ_FROM"
    data="$data-from$FUZZ_FROM"; progs="$progs.from$FUZZ_FROM"
  fi
  rm -f /tmp/sdvp-chaos-canary
  local out="$OUT/fuzz-$fw.json"
  peak "${SDVP[@]}" eval --task gqa-sim --data "$data" --split test --framework "$fw" --programs "$progs" \
      --modules oracle --limit "$n" --concurrency 8 --out "$out" --restart >/dev/null 2>"$OUT/fuzz-$fw.err"
  local rc=$?
  local escaped=no; [ -e /tmp/sdvp-chaos-canary ] && escaped=YES
  # what an uncaught exception would have been: its message, by count (empty when there is none)
  jq -r '.misses[] | select(.reason == "internal-error") | .error' "$out" 2>/dev/null | sort | uniq -c | sort -rn > "$OUT/fuzz-$fw-internal.txt"
  row "fuzz $fw: programs ${FUZZ_FROM:-0}..$(( n - 1 )) of $n (exit $rc; JVM death = exit > 2)" \
      "$(jq -c '.errorsByReason' "$out")" \
      "uncaught (internal-error): $(jq '.errorsByReason["internal-error"] // 0' "$out"); escapes: $escaped; $(jq '.seconds|floor' "$out") s, peak RSS $(cat "$OUT/.rss.mib") MiB"
}

# --- 7. disk full: the outputs on a size-limited filesystem (a tmpfs; mounting needs root) -------------
# The disk fills in the middle of the run: a filler file takes all but DISKFULL_FREE_KB of the tmpfs once the
# run is under way. Checked: exit 1 and the message; the previous complete output and the saved journal or state
# intact; after the filler is deleted ("free space"), the same command continues to the reference's bytes.
df_fill() {  # $1 = mount point: a filler leaving DISKFULL_FREE_KB free
  local avail; avail=$(df -k --output=avail "$1" | tail -1)
  dd if=/dev/zero of="$1/filler" bs=1k count=$(( avail - ${DISKFULL_FREE_KB:-64} )) status=none 2>/dev/null
  echo "$(df -k --output=avail "$1" | tail -1 | tr -d ' ') KB free"
}
df_mount() {  # $1 = mount point, $2 = size: a fresh tmpfs, or a row saying why not
  mkdir -p "$1"; umount "$1" 2>/dev/null
  mount -t tmpfs -o size="$2" tmpfs "$1" 2>"$OUT/diskfull-mount.err" && return 0
  row "disk full" "not run: mount -t tmpfs failed: $(head -1 "$OUT/diskfull-mount.err")" "needs root, or a loop device"
  return 1
}
diskfull_eval_case() {  # a previous complete result (20 questions) at --out, then the whole split; the journal fills the disk
  local mnt="$OUT/diskfull-mnt" f="$OUT/diskfull.txt"
  df_mount "$mnt" "${DISKFULL_EVAL_SIZE:-2m}" || return
  local args=(eval --task gqa-sim --data "$OUT/base" --split test --modules oracle --concurrency 4)
  local ref="$OUT/diskfull-ref.json" out="$mnt/r.json"; rm -f "$ref" "$ref.journal"
  "${SDVP[@]}" "${args[@]}" --out "$ref" >/dev/null 2>&1
  local want; want=$(hash_of eval "$ref")
  "${SDVP[@]}" "${args[@]}" --limit 20 --out "$out" >/dev/null 2>&1
  local prev; prev=$(hash_of file "$out")
  local free; free=$(df_fill "$mnt")
  "${SDVP[@]}" "${args[@]}" --out "$out" >/dev/null 2>"$OUT/diskfull-eval.err"
  local rc=$? msg; msg=$(grep -m1 'sdvp:' "$OUT/diskfull-eval.err" | cut -c1-220)
  local kept=changed; [ "$(hash_of file "$out")" = "$prev" ] && kept="intact (sha256 ${prev:0:16}...)"
  local lines; lines=$(journalled "$out.journal")
  local bad; bad=$(tail -n +2 "$out.journal" | head -n -1 | jq -c . 2>&1 >/dev/null | wc -l)
  rm -f "$mnt/filler"
  "${SDVP[@]}" "${args[@]}" --out "$out" >/dev/null 2>"$OUT/diskfull-eval-2.err"
  local rc2=$? got; got=$(hash_of eval "$out")
  local verdict; verdict=$(same_as "$got" "$want")
  { echo "eval on a ${DISKFULL_EVAL_SIZE:-2m} tmpfs filled to $free: exit $rc: $msg"
    echo "  previous result.json $kept; journal: $lines questions, $bad damaged lines before its last"
    echo "  after the filler was deleted: exit $rc2: $(grep -m1 resuming "$OUT/diskfull-eval-2.err"); sha256 $got $verdict (reference $want)"
  } | tee -a "$f" >&2
  row "disk full during eval (tmpfs ${DISKFULL_EVAL_SIZE:-2m}, $free left)" "exit $rc: $msg; previous results.json $kept; journal $lines questions, $bad damaged" \
      "freed, run again: exit $rc2, $verdict to the uninterrupted run"
  umount "$mnt"
}
diskfull_train_case() {  # pretrain: a previous complete checkpoint at --out; the disk fills after the first saved state
  local mnt="$OUT/diskfull-mnt" f="$OUT/diskfull.txt" free rc msg kept rc2 got verdict
  df_mount "$mnt" "${DISKFULL_TRAIN_SIZE:-512m}" || return
  local targs; read -r -a targs <<< "$(train_args pretrain) ${TRAIN_SET:-}"
  local tout="$mnt/student"
  "${SDVP[@]}" "${targs[@]}" --out "$tout" >/dev/null 2>"$OUT/diskfull-train-ref.err" || { row "disk full during pretrain" "the first run failed: $(tail -1 "$OUT/diskfull-train-ref.err")" "-"; umount "$mnt"; return; }
  local twant; twant=$(hash_of params "$tout/model.params")
  "${SDVP[@]}" "${targs[@]}" --out "$tout" >/dev/null 2>"$OUT/diskfull-train.err" &
  local pid=$!
  while [ ! -f "$tout.state/latest" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  local at; at=$(cat "$tout.state/latest" 2>/dev/null)
  free=$(df_fill "$mnt")
  wait "$pid"; rc=$?
  msg=$(grep -m1 'sdvp:' "$OUT/diskfull-train.err" | cut -c1-260)
  local after; after=$(cat "$tout.state/latest" 2>/dev/null)
  kept=changed; [ -f "$tout/config.json" ] && [ "$(hash_of params "$tout/model.params")" = "$twant" ] && kept="intact"
  rm -f "$mnt/filler"
  "${SDVP[@]}" "${targs[@]}" --out "$tout" >/dev/null 2>"$OUT/diskfull-train-2.err"
  rc2=$?; got=$(hash_of params "$tout/model.params")
  verdict=$(same_as "$got" "$twant")
  { echo "pretrain (${targs[*]}) on a ${DISKFULL_TRAIN_SIZE:-512m} tmpfs, filled to $free after state $at: exit $rc: $msg"
    echo "  previous checkpoint $kept; state after the failure: $after"
    echo "  after the filler was deleted: exit $rc2: $(grep -m1 resuming "$OUT/diskfull-train-2.err"); model.params sha256 $got $verdict (first run $twant)"
  } | tee -a "$f" >&2
  row "disk full during pretrain (tmpfs ${DISKFULL_TRAIN_SIZE:-512m}, $free left after $at)" "exit $rc: $msg; previous checkpoint $kept; state kept: $after" \
      "freed, run again: exit $rc2, $verdict to the first run"
  umount "$mnt"
}

# the generated split, for every case but the training ones
for c in "${CASES[@]}"; do case "$c" in resume-pretrain|resume-teacher|determinism) ;; *) base; break ;; esac; done
for c in "${CASES[@]}"; do
  case "$c" in
    resume) resume_cases ;;
    resume-pretrain) train_resume_case pretrain ;;
    resume-teacher) train_resume_case teacher ;;
    determinism) determinism_case ;;
    lock) lock_case ;;
    baddata) baddata_case ;;
    llm) llm_case ;;
    llm-e2e) llm_e2e_case ;;
    load) load_case ;;
    viper-load) viper_load_case ;;
    fuzz-visprog) fuzz_case visprog ;;
    fuzz-viper) fuzz_case viper ;;
    diskfull) : > "$OUT/diskfull.txt"; diskfull_eval_case; diskfull_train_case ;;
    *) echo "unknown case: $c" >&2; exit 2 ;;
  esac
done
{ echo "| case | what happened | result |"; echo "|---|---|---|"; cat "$TABLE.rows"; } > "$TABLE"
echo; cat "$TABLE"
