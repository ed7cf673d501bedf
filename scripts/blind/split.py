"""split.py A.json B.json: truth and breadth totals over the batches in A (P, R, F1, must-not-count), for
A and for B."""

import sys

from common import load_rows, per_batch

A = load_rows(sys.argv[1])
B = load_rows(sys.argv[2])
batches = {r["file"].split("/")[-2] for r in A}
for name, rows in (("A", A), ("B", B)):
    totals = per_batch(rows)
    for kind in ("truth", "breadth"):
        tp, fp, fn, m = (
            sum(t[k] for b, t in totals.items() if b in batches and b.startswith(kind)) for k in range(4)
        )
        P = tp / (tp + fp)
        R = tp / (tp + fn)
        F = 2 * P * R / (P + R)
        print(name, kind, f"P {P:.4f} R {R:.4f} F1 {F:.4f} tp {tp} fp {fp} fn {fn} mnc {m}")
