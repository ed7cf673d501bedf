"""tlev.py TIMELINE_DIR [A B]: code the dispatches, print events touching A and/or B (country codes)."""

import glob
import sys

from common import mood, pipeline

from chancery.pipeline import code_inputs

d = sys.argv[1]
want = set(sys.argv[2:])
pipe = pipeline()
files = sorted(glob.glob(d + "/*.txt"))
for coded in code_inputs(pipe, files):
    if not hasattr(coded, "events"):
        print("PROBLEM", coded)
        continue
    print("##", coded.article.date, coded.article.title)
    for e in coded.events:
        s = e.source.code
        t = e.target.code if e.target else "-"
        if want and not ({s[:3], t[:3]} & want):
            continue
        print(
            f"  {s}->{t} {e.cameo} {mood(e)} rel={e.relation} [{e.evidence.rule}] :: {e.evidence.text[:160]}"
        )
