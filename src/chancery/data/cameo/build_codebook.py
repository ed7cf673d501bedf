"""Build ``codebook.tsv`` from the shared CAMEO 0.7b5 code list, GDELT Goldstein scores and CAMEO2PLOVER.

Run offline when a source changes:
``python src/chancery/data/cameo/build_codebook.py ../shared/data/cameo``.
The runtime reads only the generated ``codebook.tsv``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
HEADER = "code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context"


def parent(code: str) -> str:
    """The next code up: 0841 -> 084, 084 -> 080."""
    return code[:3] if len(code) == 4 else code[:2] + "0"


def build(source: Path) -> list[tuple[str, ...]]:
    """The codebook rows: code, name, Goldstein, quad class and PLOVER event, mode, context."""
    names = {}
    for line in (source / "CAMEO_codefile.txt").read_text().splitlines():
        m = re.match(r"LABEL:\s*(\d+)=\s*(.+)", line)
        if m:
            names[m.group(1)] = m.group(2).strip()  # the last LABEL wins: it fixes the 018 typo line
    goldstein = {}
    for line in (source / "gdelt_goldstein.tsv").read_text().splitlines()[1:]:
        code, score = line.split("\t")
        goldstein[code] = float(score)
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (source / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"(\d{3,4}):\s*([^#]*)#", line)
        if m:
            parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
            plover.setdefault(m.group(1), (parts[0], parts[1], parts[2]))
    rows = []
    for code in sorted(names, key=lambda c: (c[:2], c)):
        if len(code) < 3:
            continue
        root = int(code[:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        score = goldstein.get(code, goldstein.get(parent(code), goldstein.get(code[:2], 0.0)))
        if code in plover:
            crosswalk = plover[code]
        elif parent(code) in plover:
            crosswalk = plover[parent(code)]
        elif code.startswith("02"):
            # PLOVER dropped CAMEO 02; its REQUEST covers all requests, so appeals mirror the 10 code
            mirror = "10" + code[2:]
            crosswalk = plover.get(mirror, plover.get(parent(mirror), ("REQUEST", "", "")))
        elif code == "015":
            crosswalk = ("AGREE", "", "")  # the manual's suggested exception
        elif code == "016":
            crosswalk = ("REJECT", "", "")  # likewise: denying responsibility rejects an accusation
        else:
            crosswalk = ("", "", "")  # other 01 statements have no PLOVER event
        rows.append((code, names[code], f"{score:.1f}", str(quad), *crosswalk))
    return rows


def main(argv: list[str]) -> int:
    rows = build(Path(argv[1]))
    body = "\n".join("\t".join(row) for row in rows)
    (HERE / "codebook.tsv").write_text(HEADER + "\n" + body + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
