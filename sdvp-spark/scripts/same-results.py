#!/usr/bin/env python3
"""docs/scale.md's comparison of two `sdvp eval` outputs: results.json must be equal but for the timings
(`seconds`, `batching`) and where it ran (`provenance.spark`); the questions file beside it
(FILE-STEM.questions.jsonl.gz) equal but for each step's `micros`. Exit 1 and say what differs otherwise.

    same-results.py LOCAL.json OTHER.json [LABEL]
"""
import gzip
import json
import os
import sys


def results(path):
    r = json.load(open(path))
    r.pop("seconds", None)
    r.pop("batching", None)
    r.get("provenance", {}).pop("spark", None)
    return r


def questions(path):
    q = path[: -len(".json")] + ".questions.jsonl.gz"
    if not os.path.exists(q):
        return None
    lines = []
    with gzip.open(q, "rt") as f:
        for line in f:
            o = json.loads(line)
            for step in o.get("steps", []):
                step.pop("micros", None)
            lines.append(o)
    return lines


def main():
    local, other = sys.argv[1], sys.argv[2]
    label = sys.argv[3] if len(sys.argv) > 3 else other
    a, b = results(local), results(other)
    if a != b:
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        print(f"{label}: results.json DIFFERS from {local} in {keys}")
        sys.exit(1)
    qa, qb = questions(local), questions(other)
    if qa != qb:
        print(f"{label}: the questions file DIFFERS from the local run's")
        sys.exit(1)
    spark = json.load(open(other)).get("provenance", {}).get("spark", "local")
    print(
        f"{label}: results.json identical (timings aside): {b['count']} questions, score {b['score']}, "
        f"errors {b.get('errors', 0)}; questions file identical ({len(qb or [])} lines); ran on {spark}"
    )


main()
