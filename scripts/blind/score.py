"""score.py OUT FILES_OR_DIRS...: code every case, write OUT.json (rows) and OUT.tl.json; print summary."""

import json
import os
import sys
from pathlib import Path

from common import ev, pipeline, ratios, sentence_files, timeline_files

from chancery.coding.codebook import Codebook
from chancery.evaluate import events as E
from chancery.evaluate import timelines as T
from chancery.evaluate.gold_file import gold_article

out = sys.argv[1]
args = sys.argv[2:]
pipe = pipeline()
book = Codebook.load()
rows, reports = [], []
for f in sentence_files(args):
    cases = E.load_cases(f)
    coded = list(pipe.code_many([gold_article(c.text, c.date) for c in cases]))
    preds = [[E.predicted(e) for e in a.events] for a in coded]
    rep = E.score(cases, preds, book, str(f))
    reports.append(rep)
    r = rep.levels["root"]
    print(
        f"{f}: {ratios(r)}  mnc {rep.must_not_count_violations} in {rep.must_not_count_cases}",
        flush=True,
    )
    for c, a, p in zip(cases, coded, preds, strict=True):
        rows.append(
            {
                "id": c.id,
                "file": str(f),
                "text": c.text,
                "date": c.date,
                "proves": c.proves,
                "gold": [ev(g) for g in c.events],
                "pred": [
                    dict(
                        ev(g), rule=e.evidence.rule, trigger=e.evidence.trigger, notes=list(e.evidence.notes)
                    )
                    for g, e in zip(p, a.events, strict=True)
                ],
            }
        )
if reports:
    tot = E.combined(reports, "all")
    r = tot.levels["root"]
    print(
        f"TOTAL: {ratios(r)} tp {r.tp} fp {r.fp} fn {r.fn}  "
        f"mnc {tot.must_not_count_violations} in {tot.must_not_count_cases}"
    )
Path(out + ".json").write_text(json.dumps(rows), encoding="utf-8")
if not os.environ.get("NOTL"):
    tls = timeline_files(args)
    treps = []
    for t in tls:
        rep = T.evaluate(t, pipe)
        treps.append(rep)
    if treps:
        tot = T.combined(treps, "all")
        print(
            f"TIMELINES: {tot.timelines} tl, {tot.checks} checks, right {tot.accuracy:.3f} "
            f"({tot.right}/{tot.checks}), false {tot.false_recognitions}"
        )
        Path(out + ".tl.json").write_text(json.dumps([r.to_dict() for r in treps]), encoding="utf-8")
