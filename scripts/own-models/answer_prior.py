#!/usr/bin/python3
"""The answer prior of a calls file (docs/own-models.md, "On a dataset's folder"): the VQA accuracy of a student
that answers every call with the most common gold answer of its question form. Gold is each call's recorded
response (collect with the dataset's oracle, e.g. --modules clevr-oracle); forms are the teacher's (query, verify,
choose per attribute); answers compare as sdvp's AnswerNormalizer compares them (lower case, punctuation,
articles, number words). Only the world's CLEVR-form question wording is recognised.

    /usr/bin/python3 scripts/own-models/answer_prior.py CALLS.jsonl
"""
import collections, json, re, sys
WORDS = {"none": "0", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
         "seven": "7", "eight": "8", "nine": "9", "ten": "10", "true": "yes", "false": "no"}
def norm(a):
    s = re.sub(r"[^\w\s.]|(?<!\d)\.|\.(?!\d)", " ", a.lower().replace("'", ""))
    return " ".join(WORDS.get(w, w) for w in s.split() if w not in ("a", "an", "the"))
ATTR = {**{w: "color" for w in "gray red blue green brown purple cyan yellow".split()},
        **{w: "size" for w in "small large".split()}, **{w: "material" for w in "rubber metal".split()},
        **{w: "shape" for w in "cube sphere cylinder cone".split()}}
def form(q):
    """The teacher's forms: query, verify and choose per attribute (the last word names the attribute)."""
    if q.startswith("What "): return "query " + q.split()[1]
    last = norm(q).split()[-1]
    return ("choose " if " or " in q else "verify ") + ATTR.get(last, "?")
by = collections.defaultdict(collections.Counter)
for line in open(sys.argv[1]):
    c = json.loads(line)
    if c["kind"] == "VQA": by[form(c["text"])][norm(c["response"]["answer"])] += 1
total = right = 0
for f, cnt in sorted(by.items()):
    n = sum(cnt.values()); top = cnt.most_common(1)[0]
    total += n; right += top[1]
    print(f"{f:16s} {n:4d} calls  majority {top[0]!r:12s} {top[1]/n:.3f}  answers {dict(cnt.most_common(4))}")
pooled = collections.defaultdict(lambda: [0, 0])
for f, cnt in by.items():
    k = f.split()[0] if f.split()[0] in ("verify", "choose") else f
    pooled[k][0] += cnt.most_common(1)[0][1]; pooled[k][1] += sum(cnt.values())
print("  ".join(f"{k} {r/n:.3f} ({n})" for k, (r, n) in sorted(pooled.items())))
print(f"all {total} calls: prior {right/total:.3f}")
