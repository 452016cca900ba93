#!/usr/bin/python3
"""The rows of docs/own-models.md's held-out table, one per `sdvp eval-modules --out` JSON: VQA accuracy on all
calls and per form (verify and choose pooled over their four attributes, weighted by calls).

    /usr/bin/python3 scripts/own-models/eval_modules_table.py RESULT.json...
"""
import json, sys
COLS = [("query colour", ["crop_query_color"]), ("query size", ["crop_query_size"]), ("query shape", ["crop_query_shape"]),
        ("query material", ["crop_query_material"]),
        ("verify", [f"crop_verify_{a}" for a in ("color", "size", "shape", "material")]),
        ("choose", [f"crop_choose_{a}" for a in ("color", "size", "shape", "material")])]
for path in sys.argv[1:]:
    j = json.load(open(path)); m = j.get("metrics", j)
    cells = [f"{m['vqa.accuracy']:.3f}"]
    for name, keys in COLS:
        n = sum(m.get(f"vqa.{k}.calls", 0) for k in keys)
        r = sum(m.get(f"vqa.{k}", 0) * m.get(f"vqa.{k}.calls", 0) for k in keys)
        cells.append(f"{r / n:.3f}" if n else "-")
    print(f"| {path} | " + " | ".join(cells) + " |")
