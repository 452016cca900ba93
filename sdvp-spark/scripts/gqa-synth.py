#!/usr/bin/env python3
"""A GQA-format split of any size for scale measurements: questions/NAME_questions.json, NAME's prefix
_sceneGraphs.json and images/*.jpg (small PNGs: the oracle answers from the scene graphs, and decoding stays
cheap), made by cloning the committed fixture (sdvp-data/src/test/resources/fixtures/gqa, val_balanced).

  gqa-synth.py OUT --questions 1000000 [--images 1000] [--split train_balanced]

Question i is fixture question (i mod 32) with id g%08d on a clone of its image, so ids sort in file order.
The questions file is written entry by entry (never held in memory); deterministic (no randomness).
"""
import argparse, json, os, struct, zlib

FIXTURE = os.path.join(os.path.dirname(__file__), "../../sdvp-data/src/test/resources/fixtures/gqa")
SCALE = 10  # fixture images are 640x480; clones are 64x48 with every box scaled alike


def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def scaled(graph):
    g = json.loads(json.dumps(graph))
    g["width"], g["height"] = max(1, g["width"] // SCALE), max(1, g["height"] // SCALE)
    for o in g["objects"].values():
        for k in ("x", "y"):
            o[k] = o[k] // SCALE
        for k in ("w", "h"):
            o[k] = max(1, o[k] // SCALE)
    return g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--questions", type=int, required=True)
    ap.add_argument("--images", type=int, default=1000)
    ap.add_argument("--split", default="train_balanced")
    a = ap.parse_args()
    questions = json.load(open(os.path.join(FIXTURE, "questions/val_balanced_questions.json")))
    graphs = json.load(open(os.path.join(FIXTURE, "val_sceneGraphs.json")))
    bases = sorted(graphs)  # image ids of the fixture: clone k copies bases[k % len(bases)]
    os.makedirs(os.path.join(a.out, "questions"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "images"), exist_ok=True)
    clones = {}
    for k in range(a.images):
        base = bases[k % len(bases)]
        clones[f"s{k}"] = scaled(graphs[base])
        g = clones[f"s{k}"]
        with open(os.path.join(a.out, "images", f"s{k}.jpg"), "wb") as f:
            f.write(png(g["width"], g["height"], (90 + 40 * (k % len(bases)), 120, 150)))
    with open(os.path.join(a.out, a.split.split("_")[0] + "_sceneGraphs.json"), "w") as f:
        json.dump(clones, f)
    templates = [questions[q] for q in sorted(questions)]
    per_base = a.images // len(bases)
    with open(os.path.join(a.out, "questions", a.split + "_questions.json"), "w") as f:
        f.write("{")
        for i in range(a.questions):
            t = dict(templates[i % len(templates)])
            b = bases.index(t["imageId"])
            k = ((i // len(templates)) % per_base) * len(bases) + b
            t["imageId"] = f"s{k}"
            qid = f"g{i:08d}"
            t["equivalent"] = [qid]
            f.write(("," if i else "") + json.dumps(qid) + ":" + json.dumps(t, separators=(",", ":")))
        f.write("}")
    print(f"{a.questions} questions over {a.images} images -> {a.out}")


if __name__ == "__main__":
    main()
