"""split.py A.json B.json: truth / breadth totals over the batches in A (P R F1 mnc) for A and B."""

import json
import sys
from pathlib import Path

from chancery.evaluate.events import GoldEvent, match


def g(d):
    return GoldEvent(d["source"], d["target"], d["cameo"], d["counted"], d["modality"], d["negated"])


A = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
B = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
batches = {r["file"].split("/")[-2] for r in A}
for name, rows in (("A", A), ("B", B)):
    for kind in ("truth", "breadth"):
        tp = fp = fn = m = 0
        for r in rows:
            b = r["file"].split("/")[-2]
            if b not in batches or not b.startswith(kind):
                continue
            gold = [g(d) for d in r["gold"]]
            pred = [g(d) for d in r["pred"]]
            pairs, missed, spur = match(gold, pred, lambda c: c[:2])
            tp += len(pairs)
            fp += len(spur)
            fn += len(missed)
            if not gold or any(not x.counted for x in gold):
                _, _, extra = match(
                    [x for x in gold if x.counted], [p for p in pred if p.counted], lambda c: c[:2]
                )
                m += len(extra)
        P = tp / (tp + fp)
        R = tp / (tp + fn)
        F = 2 * P * R / (P + R)
        print(name, kind, f"P {P:.4f} R {R:.4f} F1 {F:.4f} tp {tp} fp {fp} fn {fn} mnc {m}")
