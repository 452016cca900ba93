#!/usr/bin/env python3
"""Data for scripts/chaos.sh, derived from one generated gqa-sim split (no new rendering).

  make_data.py replicate BASE OUT N            OUT/test: N questions cycling over BASE's, images shared
  make_data.py baddata BASE OUT SEED           OUT/test: BASE with injected faults; prints the expected counts
  make_data.py viper-fuzz DATA OUT N SEED      N mutated ViperGPT programs (some hostile)
  make_data.py viper-load DATA OUT N SEED      N ViperGPT programs, 10 % hostile; OUT.benign lists the benign ids
  make_data.py ids DATA                        DATA's question ids, one a line (for VisProgFuzz)
  make_data.py skip DATA PROGS K OUTDATA OUTPROGS   DATA and PROGS without their first K questions/programs
"""
import json, os, random, shutil, struct, sys, zlib

def load(base):
    with open(os.path.join(base, "test", "questions.json")) as f:
        return json.load(f)

def link_split(base, out):
    os.makedirs(os.path.join(out, "test"), exist_ok=True)
    for name in os.listdir(os.path.join(base, "test")):
        if name == "questions.json":
            continue
        dst = os.path.join(out, "test", name)
        if not os.path.lexists(dst):
            os.symlink(os.path.abspath(os.path.join(base, "test", name)), dst)

def write_questions(root, out):
    with open(os.path.join(out, "test", "questions.json"), "w") as f:
        json.dump(root, f)

def ids(data):
    root = load(data)
    return [(q.get("split") or "") + "-" + str(q["question_index"]) for q in root["questions"]]

def skip(data, progs, k, out_data, out_progs):
    root = load(data)
    root["questions"] = root["questions"][k:]
    link_split(data, out_data)
    write_questions(root, out_data)
    with open(progs) as f, open(out_progs, "w") as g:
        for i, line in enumerate(f):
            if i >= k: g.write(line)

def replicate(base, out, n):
    root = load(base)
    qs = root["questions"]
    root["questions"] = [dict(qs[i % len(qs)], question_index=i) for i in range(n)]
    link_split(base, out)
    write_questions(root, out)

def bomb_png(w, h):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IEND", b"")

def baddata(base, out, seed):
    """Copies BASE, then damages it: every kind of bad input at known places; prints expected counts."""
    rnd = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(base, out)
    root = load(out)
    qs = root["questions"]
    images = sorted({q["image_filename"] for q in qs})
    rnd.shuffle(images)
    imgdir = os.path.join(out, "test", "images")
    damage = {}
    kinds = ["empty-file", "truncated-image", "not-an-image", "image-too-large", "missing-file"]
    for i, kind in enumerate(kinds):
        for img in images[3 * i:3 * i + 3]:  # three images of each kind
            p = os.path.join(imgdir, img)
            data = open(p, "rb").read()
            if kind == "empty-file": open(p, "wb").close()
            elif kind == "truncated-image": open(p, "wb").write(data[: len(data) // 2])
            elif kind == "not-an-image": open(p, "w").write("<html>not an image</html>\n")
            elif kind == "image-too-large": open(p, "wb").write(bomb_png(50000, 50000))
            else: os.remove(p)
            damage[img] = kind
    expected = {}
    untouched = [i for i, q in enumerate(qs) if q["image_filename"] not in damage]
    for q in qs:
        k = damage.get(q["image_filename"])
        if k: expected[k] = expected.get(k, 0) + 1
    picks = rnd.sample(untouched, 12)
    for n, i in enumerate(picks):
        q = qs[i]
        if n < 3: q["question"] = {"nested": [1, 2]}; k = "wrong-field-type"
        elif n < 6: q["question_index"] = 10 ** 40; k = "absurd-value"
        elif n < 9: del q["image_filename"]; k = "missing-field"
        else:
            q["extra"] = "__DEEP__"; k = "nested-too-deep"  # replaced by 300 levels when written
        expected[k] = expected.get(k, 0) + 1
    path = os.path.join(out, "test", "questions.json")
    # Python's json module recurses per level: the deep value is spliced in as text
    text = json.dumps(root).replace('"__DEEP__"', "[" * 300 + "0" + "]" * 300)
    open(path, "w").write(text)
    print(json.dumps(dict(sorted(expected.items()))))

def mutate(text, rnd, tokens):
    s = list(text)
    for _ in range(rnd.randint(0, 4)):
        op = rnd.random()
        i = rnd.randrange(len(s) + 1)
        if op < 0.3 and s: del s[min(i, len(s) - 1)]
        elif op < 0.6: s[i:i] = list(rnd.choice(tokens))
        elif op < 0.75 and s: j = rnd.randrange(len(s)); s[i:j] = []  # cut a span
        elif op < 0.85: s[i:i] = list(text[rnd.randrange(len(text)):][:40])  # duplicate a piece
        elif op < 0.92: s[i:i] = ["("] * rnd.randint(50, 3000)  # deep nesting
        else: s[i:i] = list(chr(rnd.randrange(1, 0x2FFF)))
    return "".join(s)

def write_programs(out, pairs):
    with open(out, "w") as f:
        for qid, prog in pairs:
            f.write(json.dumps({"id": qid, "program": prog}) + "\n")

VIPER_BENIGN = [
    "def execute_command(image):\n    image_patch = ImagePatch(image)\n    return str(len(image_patch.find('{obj}')))\n",
    "def execute_command(image):\n    image_patch = ImagePatch(image)\n    patches = image_patch.find('{obj}')\n"
    "    if len(patches) == 0:\n        return image_patch.simple_query('{q}')\n    return patches[0].simple_query('{q}')\n",
    "def execute_command(image):\n    image_patch = ImagePatch(image)\n    return bool_to_yesno(image_patch.exists('{obj}'))\n",
    "def execute_command(image):\n    image_patch = ImagePatch(image)\n    p = image_patch.find('{obj}')\n"
    "    return 'yes' if len(p) > 0 and p[0].verify_property('{obj}', 'red') else 'no'\n",
]
CANARY = "/tmp/sdvp-chaos-canary"
VIPER_HOSTILE = [
    "def execute_command(image):\n    while True:\n        pass\n",
    "def execute_command(image):\n    x = [0] * (10 ** 10)\n    return len(x)\n",
    "def execute_command(image):\n    s = 'a'\n    while True:\n        s = s + s\n",
    "def f(n):\n    return f(n + 1)\ndef execute_command(image):\n    return f(0)\n",
    "def execute_command(image):\n    open('%s', 'w').write('escaped')\n    return 'yes'\n" % CANARY,
    "import os\ndef execute_command(image):\n    os.system('touch %s')\n    return 'yes'\n" % CANARY,
    "import socket\ndef execute_command(image):\n    socket.socket().connect(('127.0.0.1', 22))\n    return 'yes'\n",
    "import java\ndef execute_command(image):\n    return str(java.type('java.lang.Runtime').getRuntime().exec('touch %s'))\n" % CANARY,
    "def execute_command(image):\n    return str(_API.getClass().forName('java.lang.Runtime'))\n",
    "def execute_command(image):\n    return str(().__class__.__base__.__subclasses__())\n",
]
VIPER_TOKENS = ["(", ")", ":", "\n", "    ", "import os\n", "while True: pass\n", "10 ** 10", "'", "[", "lambda: ",
                "__import__('os')", "open('%s','w')" % CANARY, "*" * 3, "def ", "return ", "yield ", "\t", "\\"]

def viper_program(rnd, hostile):
    if hostile:
        return rnd.choice(VIPER_HOSTILE)
    return rnd.choice(VIPER_BENIGN).format(obj=rnd.choice(["cube", "sphere", "cylinder", "red cube"]),
                                           q=rnd.choice(["What color is it?", "What material is it?"]))

def viper_fuzz(data, out, n, seed):
    rnd = random.Random(seed)
    qids = ids(data)[:n]
    write_programs(out, [(q, mutate(viper_program(rnd, rnd.random() < 0.1), rnd, VIPER_TOKENS)) for q in qids])

def viper_load(data, out, n, seed):
    rnd = random.Random(seed)
    qids = ids(data)[:n]
    pairs, benign = [], []
    for i, q in enumerate(qids):
        hostile = i % 10 == 3
        pairs.append((q, viper_program(rnd, hostile)))
        if not hostile: benign.append(q)
    write_programs(out, pairs)
    write_programs(out + ".benign", [(q, "") for q in benign])

if __name__ == "__main__":
    cmd, a = sys.argv[1], sys.argv[2:]
    if cmd == "replicate": replicate(a[0], a[1], int(a[2]))
    elif cmd == "baddata": baddata(a[0], a[1], int(a[2]))
    elif cmd == "viper-fuzz": viper_fuzz(a[0], a[1], int(a[2]), int(a[3]))
    elif cmd == "ids": print("\n".join(ids(a[0])))
    elif cmd == "skip": skip(a[0], a[1], int(a[2]), a[3], a[4])
    elif cmd == "viper-load": viper_load(a[0], a[1], int(a[2]), int(a[3]))
    else: sys.exit(__doc__)
