"""batchfig.py RUN.json: combined root P/R/F1 and mnc per batch folder."""

import json
import sys
from collections import defaultdict
from pathlib import Path

from chancery.evaluate.events import GoldEvent, match


def g(d):
    return GoldEvent(d["source"], d["target"], d["cameo"], d["counted"], d["modality"], d["negated"])


agg = defaultdict(lambda: [0, 0, 0, 0, 0])
for r in json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")):
    b = r["file"].split("/")[-2]
    gold = [g(d) for d in r["gold"]]
    pred = [g(d) for d in r["pred"]]
    pairs, missed, spur = match(gold, pred, lambda c: c[:2])
    a = agg[b]
    a[0] += len(pairs)
    a[1] += len(spur)
    a[2] += len(missed)
    if not gold or any(not x.counted for x in gold):
        a[4] += 1
        _, _, extra = match([x for x in gold if x.counted], [p for p in pred if p.counted], lambda c: c[:2])
        a[3] += len(extra)
for b, (tp, fp, fn, m, n) in sorted(agg.items()):
    P = tp / (tp + fp) if tp + fp else 0
    R = tp / (tp + fn) if tp + fn else 0
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"{b}: {P:.3f} / {R:.3f} / {F:.3f}  mnc {m} in {n}  (tp {tp} fp {fp} fn {fn})")
