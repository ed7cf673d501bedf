"""render.py OUTDIR TAG DIR...: write NAME_TAG.txt and NAME_timelines_TAG.txt for each batch dir."""

import sys
from pathlib import Path

from common import pipeline, sentence_files, timeline_files

from chancery.evaluate import events as E
from chancery.evaluate import timelines as T

outdir, tag = Path(sys.argv[1]), sys.argv[2]
pipe = pipeline()
for d in sys.argv[3:]:
    name = Path(d).name
    reps = [E.evaluate(f, pipe) for f in sentence_files([d])]
    rep = E.combined(reps, name) if len(reps) > 1 else reps[0]
    rep.path = name
    txt = rep.render()
    (outdir / f"{name}_{tag}.txt").write_text(txt + "\n")
    print(txt.splitlines()[0:4])
    tls = timeline_files([d])
    if tls:
        trep = T.combined([T.evaluate(t, pipe) for t in tls], name)
        (outdir / f"{name}_timelines_{tag}.txt").write_text(trep.render() + "\n")
        print(trep.render().splitlines()[:3])
