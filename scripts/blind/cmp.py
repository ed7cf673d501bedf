"""cmp.py A.json B.json: the cases whose matches, false positives or must-not-count events changed."""

import sys

from common import case_match, load_rows


def stats(row):
    _, spurious, extra, _, pairs = case_match(row)
    return len(pairs), len(spurious), len(extra)


A = {r["id"]: r for r in load_rows(sys.argv[1])}
B = {r["id"]: r for r in load_rows(sys.argv[2])}
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
