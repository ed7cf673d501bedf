"""join.py SRC NAME ABOUT: merge SRC/w*-sentences.jsonl into tests/golden/blind/NAME/sentences.jsonl and
copy SRC/timelines (run from the repository root)."""

import json
import shutil
import sys
from pathlib import Path

src, name, about = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
dst = Path("tests/golden/blind") / name
dst.mkdir(parents=True, exist_ok=True)
lines = [json.dumps({"gold": "events", "about": about}, ensure_ascii=False)]
for f in sorted(src.glob("w*-sentences.jsonl")):
    for i, line in enumerate(f.read_text(encoding="utf-8").splitlines()):
        if i == 0 or not line.strip():
            continue
        json.loads(line)
        lines.append(line.rstrip("\n"))
(dst / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
if (src / "timelines").exists():
    if (dst / "timelines").exists():
        shutil.rmtree(dst / "timelines")
    shutil.copytree(src / "timelines", dst / "timelines")
print(name, len(lines) - 1, "cases")
