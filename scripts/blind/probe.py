"""probe.py DATE TEXT...: code a text and print events with rule/notes."""

import sys

from common import mood, pipeline

from chancery.evaluate.gold_file import gold_article

pipe = pipeline()
date = sys.argv[1]
for text in sys.argv[2:]:
    print("##", text)
    for a in pipe.code_many([gold_article(text, date)]):
        for e in a.events:
            print(
                f"  {e.source.code}->{e.target.code if e.target else None} {e.cameo} {mood(e)} "
                f"[{e.evidence.rule}|{e.evidence.trigger}] {'; '.join(e.evidence.notes)[:300]}"
            )
