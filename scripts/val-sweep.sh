#!/usr/bin/env bash
# Choose distillation settings on VALIDATION splits, never on test (docs/results.md, "Choosing the defaults").
#
#   scripts/val-sweep.sh TARGET CALLS S0 TEACHER VALDATA OUT 'name|distill options' ...
#
# One SDVP stage per setting (reusing the calls an experiment stage collected, so only labelling, replay and
# training differ), then the new student evaluated on the val split of the target task and of the three
# unseen tasks; S0 is evaluated the same way once. Prints one TSV line per setting:
#   name  target  count-sim  ref-sim  tag-sim  unseen-mean-change  distill-seconds
# Two sweeps over one S0 may run side by side once S0's four scores are cached in its folder (the first run
# writes them; two runs computing the same score at once collide on its output lock).
# VALDATA holds TASK/val for every task (sdvp world generate --split val --count 300 --seed 1 --out VALDATA/TASK).
set -euo pipefail
target=$1 calls=$2 s0=$3 teacher=$4 val=$5 out=$6; shift 6
here=$(cd "$(dirname "$0")/.." && pwd)
sdvp="${SDVP:-$here/sdvp}"   # SDVP=PATH: another launcher (e.g. a copied build while the tree is rebuilt)
unseen=(count-sim ref-sim tag-sim)
mkdir -p "$out"

score() {  # student task -> accuracy on the task's val split (cached in the student's folder)
  local student=$1 task=$2 f="$1/$(basename "$val")-$2.json"
  [[ -s $f ]] || "$sdvp" eval --task "$task" --data "$val/$task" --split val --modules "vlm:$student" --out "$f" >/dev/null 2>&1
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['score'])" "$f"
}

row() {  # name student seconds
  local name=$1 student=$2 secs=$3 t; local -a s=()
  for t in "$target" "${unseen[@]}"; do s+=("$(score "$student" "$t")"); done
  python3 - "$name" "$secs" "${s[@]}" "${base[@]}" <<'PY'
import sys
name, secs, *v = sys.argv[1:]; v = [float(x) for x in v]; mine, base = v[:4], v[4:]
change = sum(m - b for m, b in zip(mine[1:], base[1:])) / 3 * 100
print("\t".join([name] + [f"{x*100:.1f}" for x in mine] + [f"{change:+.1f}", secs]), flush=True)
PY
}

printf 'setting\t%s\tcount-sim\tref-sim\ttag-sim\tunseen-change\tdistill-s\n' "$target"
base=("$(score "$s0" "$target")" "$(score "$s0" count-sim)" "$(score "$s0" ref-sim)" "$(score "$s0" tag-sim)")
row S0 "$s0" 0
for spec in "$@"; do
  name=${spec%%|*} opts=${spec#*|} dir="$out/${spec%%|*}"
  if [[ ! -f $dir/student/model.params ]]; then
    # shellcheck disable=SC2086
    "$sdvp" distill --task "$target" --student "$s0" --teacher "$teacher" --calls "$calls" --out "$dir" $opts \
      >"$dir.log" 2>&1 || { echo "$name: distill failed, see $dir.log" >&2; continue; }
  fi
  secs=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['seconds']['distill']))" "$dir/stage.json")
  row "$name" "$dir/student" "$secs"
done
