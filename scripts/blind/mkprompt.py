"""mkprompt.py BATCH WRITER truth|breadth OUTDIR FOCUS TASKFILE: write a writer's task file."""

import sys
from pathlib import Path

batch, writer, kind, outdir, focus, taskfile = sys.argv[1:7]
if kind == "truth":
    body = f"""# Task: blind batch {batch}, writer {writer} (diplomacy, issue 11)

Read /work/blind/COMMON.md first and follow it, then /work/blind/FORMAT.md.

Write into the folder `{outdir}` (create it):
1. `{writer}-sentences.jsonl`: the header line, then **75** cases with ids `{batch}-{writer}-001` ..
   `{batch}-{writer}-075`. Diplomatic news about real events 2000-2026: recognition (of governments, of
   states, of juntas, of election winners, withdrawn or switched recognition), relations established,
   restored, normalised, maintained, suspended, downgraded, cut; ambassadors named, accredited, presenting
   credentials, recalled, expelled, summoned; embassies opened, reopened, closed; envoys hosted; support or
   condemnation of another state's decision; conditions set for ties or recognition; statements of intent,
   appeals, demands, threats, refusals. At least 25 must-not-count cases. Vary the wording and the sources
   (wire styles, quotes, headlines, capitals as actors, pronouns).
2. `timelines/` with **5** timelines, folders named `t{batch.split("-")[-1]}-{writer}-<slug>` (the slug
   your own, e.g. a place and years), each with 3-8 dispatches and an `expected.jsonl` with **at least 12**
   checks (state checks and set checks, several dates before, between and after the dispatches, at least
   one per timeline against a trap).

Focus for your cases: {focus}
"""
else:
    lo, hi = ("01", "10") if writer == "w1" else ("11", "20")
    body = f"""# Task: blind batch {batch}, writer {writer} (general political news, issue 12)

Read /work/blind/COMMON.md first and follow it, then /work/blind/FORMAT.md.

Write into the folder `{outdir}` (create it) one file `{writer}-sentences.jsonl`: the header line, then
**100** cases with ids `{batch}-{writer}-001` .. `{batch}-{writer}-100`: general political news about real
events 1990-2026, **10 cases for each CAMEO root {lo} to {hi}** (the root of the case's main event), spread
over regions and decades. Each case lists every event a careful analyst codes (source, target, cameo code at
the most specific level you are sure of, negated, modality, counted). At least **30** must-not-count cases.
No timelines.

Focus for your cases: {focus}
"""
Path(taskfile).write_text(body, encoding="utf-8")
print(taskfile)
