"""floors.py RUN.json: per-batch figures vs tests/golden/blind/floors.json (BELOW / NEW)."""

import json
import sys
from collections import defaultdict
from pathlib import Path

from chancery.evaluate.events import GoldEvent, match

FL = json.loads(Path("tests/golden/blind/floors.json").read_text(encoding="utf-8"))["sentences"]


def g(d):
    return GoldEvent(d["source"], d["target"], d["cameo"], d["counted"], d["modality"], d["negated"])


agg = defaultdict(lambda: [0, 0, 0, 0])
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
        _, _, extra = match([x for x in gold if x.counted], [p for p in pred if p.counted], lambda c: c[:2])
        a[3] += len(extra)
for b, (tp, fp, fn, m) in sorted(agg.items()):
    P = tp / (tp + fp) if tp + fp else 0
    R = tp / (tp + fn) if tp + fn else 0
    f = FL.get(b)
    if not f:
        print(f"NEW {b}: R {R:.4f} P {P:.4f} mnc {m}")
        continue
    bad = []
    if f["root_recall"] > R:
        bad.append(f"R {R:.4f}<{f['root_recall']}")
    if f["root_precision"] > P:
        bad.append(f"P {P:.4f}<{f['root_precision']}")
    if m > f["must_not_count_violations"]:
        bad.append(f"mnc {m}>{f['must_not_count_violations']}")
    if bad:
        print("BELOW", b, " ".join(bad))
