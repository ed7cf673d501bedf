"""show.py RUN.json [mnc|miss|fp|all] [prefix]"""

import json
import sys
from pathlib import Path

from common import mood

from chancery.evaluate.events import GoldEvent, match

rows = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
mode = sys.argv[2] if len(sys.argv) > 2 else "all"
pre = sys.argv[3] if len(sys.argv) > 3 else ""


def g(d):
    return GoldEvent(d["source"], d["target"], d["cameo"], d["counted"], d["modality"], d["negated"])


def fmt(d):
    return f"{d['source']}->{d['target']} {d['cameo']} {mood(d)}"


for r in rows:
    if not r["id"].startswith(pre):
        continue
    gold = [g(d) for d in r["gold"]]
    pred = [g(d) for d in r["pred"]]
    pairs, missed, spur = match(gold, pred, lambda c: c[:2])
    mnc = not gold or any(not x.counted for x in gold)
    _, _, extra = match([x for x in gold if x.counted], [p for p in pred if p.counted], lambda c: c[:2])
    bad = {"mnc": mnc and extra, "miss": missed, "fp": spur, "all": True}[mode]
    if not bad:
        continue
    print(f"== {r['id']} ({r['date']}) {r['proves']}\n   {r['text']}")
    for d in r["gold"]:
        print("   G", fmt(d))
    for d in r["pred"]:
        print("   P", fmt(d), d.get("rule"), "|", d.get("trigger"))
