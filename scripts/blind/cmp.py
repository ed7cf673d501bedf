"""cmp.py A.json B.json: per-case changes in tp/fp/mnc."""

import json
import sys
from pathlib import Path

from chancery.evaluate.events import GoldEvent, match


def g(d):
    return GoldEvent(d["source"], d["target"], d["cameo"], d["counted"], d["modality"], d["negated"])


def stats(r):
    gold = [g(d) for d in r["gold"]]
    pred = [g(d) for d in r["pred"]]
    pairs, _, spur = match(gold, pred, lambda c: c[:2])
    mnc = 0
    if not gold or any(not x.counted for x in gold):
        _, _, extra = match([x for x in gold if x.counted], [p for p in pred if p.counted], lambda c: c[:2])
        mnc = len(extra)
    return len(pairs), len(spur), mnc


A = {r["id"]: r for r in json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))}
B = {r["id"]: r for r in json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))}
T = [0, 0, 0]
for k in A:
    if k not in B:
        continue
    a, b = stats(A[k]), stats(B[k])
    if a != b:
        d = [b[i] - a[i] for i in range(3)]
        T = [T[i] + d[i] for i in range(3)]
        print(f"{k}: tp {d[0]:+d} fp {d[1]:+d} mnc {d[2]:+d}  | {B[k]['text'][:150]}")
print(f"TOTAL tp {T[0]:+d} fp {T[1]:+d} mnc {T[2]:+d}")
