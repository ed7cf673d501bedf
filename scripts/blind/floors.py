"""floors.py RUN.json: batches below their floor in tests/golden/blind/floors.json, and new ones."""

import sys

from common import load_rows, per_batch

FLOORS = load_rows("tests/golden/blind/floors.json")["sentences"]

for b, (tp, fp, fn, m, _) in sorted(per_batch(load_rows(sys.argv[1])).items()):
    P = tp / (tp + fp) if tp + fp else 0
    R = tp / (tp + fn) if tp + fn else 0
    f = FLOORS.get(b)
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
