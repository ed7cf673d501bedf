"""show.py RUN.json [mnc|miss|fp|all] [prefix]: cases with their gold (G) and predicted (P) events."""

import sys

from common import case_match, load_rows, mood

rows = load_rows(sys.argv[1])
mode = sys.argv[2] if len(sys.argv) > 2 else "all"
pre = sys.argv[3] if len(sys.argv) > 3 else ""


def fmt(d):
    return f"{d['source']}->{d['target']} {d['cameo']} {mood(d)}"


for r in rows:
    if not r["id"].startswith(pre):
        continue
    missed, spurious, extra, mnc_case, _ = case_match(r)
    bad = {"mnc": mnc_case and extra, "miss": missed, "fp": spurious, "all": True}[mode]
    if not bad:
        continue
    print(f"== {r['id']} ({r['date']}) {r['proves']}\n   {r['text']}")
    for d in r["gold"]:
        print("   G", fmt(d))
    for d in r["pred"]:
        print("   P", fmt(d), d.get("rule"), "|", d.get("trigger"))
