"""mentions.py DATE TEXT: print the parse's mentions (kind, rule, actor code)."""

import sys

from common import pipeline

from chancery.evaluate.gold_file import gold_article

pipe = pipeline()
p = pipe.parse(gold_article(sys.argv[2], sys.argv[1]))
for m in p.mentions:
    print(m.first, m.last, m.head, repr(m.text), m.kind, m.rule, m.actor.code if m.actor else None)
