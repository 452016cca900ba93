#!/usr/bin/env bash
# Issue #15's end-to-end acceptance, from nothing but this checkout (docs/own-models.md, "End to end"):
# a TorchScript student (the VQA contract fixture) distilled on a world task's CLEVR-format folder
# (--dataset clevr) from the world's teacher, measured on held-out val calls before and after; the saved
# TorchScript reloaded by DJL (distill checks it: "reloaded (DJL): ... largest difference") and opened by
# Python's torch.jit.load (check_student.py, when python3-torch is installed).
#
#   nice -n 15 scripts/own-models/acceptance-clevr.sh [OUT] [TRAIN_QUESTIONS] [STEPS]
#
# Everything is seeded: the same OUT contents on every run (one thread).
set -euo pipefail
OUT=${1:-runs/own-acceptance}
TRAIN_QUESTIONS=${2:-400}
STEPS=${3:-400}
SDVP=${SDVP:-./sdvp}
W=$OUT/world
C=$OUT/clevr

# the world task's data: gqa-sim train (the teacher's scenes) and a held-out val split of other scenes
[ -d "$W/train" ] || $SDVP world generate --task gqa-sim --split train --count 1000 --seed 1 --out "$W"
[ -d "$W/val" ] || $SDVP world generate --task gqa-sim --split val --count 300 --seed 2 --out "$W"
# ... opened exactly as CLEVR's own layout would be (questions/, scenes/, images/SPLIT)
mkdir -p "$C/questions" "$C/scenes" "$C/images"
for s in train val; do
  ln -sfn "$(realpath "$W/$s/questions.json")" "$C/questions/CLEVR_${s}_questions.json"
  ln -sfn "$(realpath "$W/$s/scenes.json")" "$C/scenes/CLEVR_${s}_scenes.json"
  ln -sfn "$(realpath "$W/$s/images")" "$C/images/$s"
done

# the world's teacher for gqa-sim (quick preset)
[ -f "$OUT/teacher/config.json" ] || $SDVP teacher train --task gqa-sim --preset quick --seed 1 --out "$OUT/teacher"

# the student: the VQA contract fixture, random weights
rm -rf "$OUT/student0"
cp -r sdvp-backends/src/test/resources/own-models/vqa-torchscript "$OUT/student0"

# training calls: the programs of the first train questions, the teacher driving (the oracle where it abstains)
[ -f "$OUT/train-calls.jsonl.summary.json" ] || $SDVP collect --dataset clevr --root "$C" --split train \
  --limit "$TRAIN_QUESTIONS" --modules "teacher:$OUT/teacher,clevr-oracle" --out "$OUT/train-calls.jsonl"
# held-out calls: the programs of the val questions on the annotations (the calls a right program makes)
[ -f "$OUT/val-calls.jsonl.summary.json" ] || $SDVP collect --dataset clevr --root "$C" --split val \
  --modules clevr-oracle --out "$OUT/val-calls.jsonl"

$SDVP eval-modules --dataset clevr --root "$C" --calls "$OUT/val-calls.jsonl" \
  --modules "torchscript:$OUT/student0,clevr-oracle" --out "$OUT/before.json"
rm -rf "$OUT/distilled"
$SDVP distill --dataset clevr --root "$C" --student "torchscript:$OUT/student0" --teacher "$OUT/teacher" \
  --calls "$OUT/train-calls.jsonl" --steps "$STEPS" --set learningRate=3e-3 --seed 1 --out "$OUT/distilled"
$SDVP eval-modules --dataset clevr --root "$C" --calls "$OUT/val-calls.jsonl" \
  --modules "torchscript:$OUT/distilled/student,clevr-oracle" --out "$OUT/after.json"
$SDVP eval-modules --dataset clevr --root "$C" --calls "$OUT/val-calls.jsonl" \
  --modules "teacher:$OUT/teacher,clevr-oracle" --out "$OUT/teacher.json"

/usr/bin/python3 scripts/own-models/eval_modules_table.py "$OUT/before.json" "$OUT/after.json" "$OUT/teacher.json"
/usr/bin/python3 scripts/own-models/answer_prior.py "$OUT/val-calls.jsonl"   # the answer prior on the same calls
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  /usr/bin/python3 sdvp-backends/fixtures/check_student.py "$OUT/distilled/student" "$OUT/student0"
else
  echo "python3-torch is not installed: torch.jit.load not checked (apt-get install python3-torch)"
fi
