"""batchfig.py RUN.json: combined root P/R/F1 and must-not-count per batch folder."""

import sys

from common import load_rows, per_batch

for b, (tp, fp, fn, m, n) in sorted(per_batch(load_rows(sys.argv[1])).items()):
    P = tp / (tp + fp) if tp + fp else 0
    R = tp / (tp + fn) if tp + fn else 0
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"{b}: {P:.3f} / {R:.3f} / {F:.3f}  mnc {m} in {n}  (tp {tp} fp {fp} fn {fn})")
