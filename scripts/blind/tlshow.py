"""tlshow.py RUN.tl.json [substr]"""

import json
import sys
from pathlib import Path

s = sys.argv[2] if len(sys.argv) > 2 else ""
for r in json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")):
    if s not in r["path"]:
        continue
    print(f"== {r['path']}  {r['right']}/{r['checks']} false {r['false_recognitions']}")
    for p in r["problems"]:
        print("  problem", p)
    for w in r["wrong"]:
        print(f"  {w['id']} {w['as_of']}: {w['question']}: exp {w['expected']} got {w['got']}")
