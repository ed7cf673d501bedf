"""exact.py FILE: check every case codes exactly (counted events at root, country level)."""

import sys
from pathlib import Path

from common import pipeline

from chancery.evaluate.events import code_cases, load_cases, match

cases = load_cases(Path(sys.argv[1]))
pipe = pipeline()
bad = 0
for c, pred in zip(cases, code_cases(cases, pipe), strict=True):
    gold = [g for g in c.events if g.counted]
    found = [p for p in pred if p.counted]
    _, missed, extra = match(gold, found, lambda x: x[:2])
    if missed or extra:
        bad += 1
        print("FAIL", c.id, c.text[:120])
        print("   missed", missed)
        print("   extra", extra)
        print("   all", [(p.source, p.target, p.cameo, p.modality, p.negated) for p in pred])
print(len(cases), "cases,", bad, "failing")
