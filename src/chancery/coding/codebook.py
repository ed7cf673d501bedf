"""The CAMEO 0.7b5 codebook: names, Goldstein scores, quad classes and the PLOVER crosswalk."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from chancery.errors import ChanceryError
from chancery.records import Plover

CAMEO_VERSION = "0.7b5"
FRAMES = ("intent", "request", "demand", "refusal", "threat")


@dataclass(frozen=True)
class CodeEntry:
    """One CAMEO code with its name, scores and PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: Plover


@dataclass(frozen=True)
class Codebook:
    """Every CAMEO code, and the recoding tables for intents, appeals, demands, refusals and threats."""

    entries: dict[str, CodeEntry]
    frames: dict[str, dict[str, str]]

    @classmethod
    def load(cls) -> Codebook:
        """Read ``data/cameo/codebook.tsv`` and ``data/patterns/frames.tsv``."""
        entries = {}
        for row in _rows("cameo", "codebook.tsv", skip_header=True):
            code, name, goldstein, quad, event, mode, context = (row + [""] * 7)[:7]
            plover = Plover(event=event, mode=mode or None, context=context or None)
            entries[code] = CodeEntry(code, name, float(goldstein), int(quad), plover)
        frames: dict[str, dict[str, str]] = {frame: {} for frame in FRAMES}
        for frame, prefix, code in _rows("patterns", "frames.tsv"):
            if frame not in frames or code not in entries:
                raise ChanceryError(f"frames.tsv: bad row {frame} {prefix} {code}; fix the data file")
            frames[frame][prefix] = code
        return cls(entries=entries, frames=frames)

    def entry(self, code: str) -> CodeEntry:
        """The entry for ``code``; unknown codes fall back to their parent (a coding bug otherwise)."""
        found = self.entries.get(code) or self.entries.get(code[:3]) or self.entries.get(code[:2] + "0")
        if found is None:
            raise ChanceryError(f"unknown CAMEO code {code!r}; add it to data/cameo/codebook.tsv")
        return found

    def recode(self, frame: str, act: str) -> str:
        """The code CAMEO gives to ``act`` when it is intended, requested, demanded, refused or threatened."""
        table = self.frames[frame]
        for length in range(len(act), 0, -1):
            if act[:length] in table:
                return table[act[:length]]
        return table["0"]

    def plover_event(self, code: str) -> str:
        """The PLOVER event type of ``code`` ("" for the 01 statements PLOVER dropped)."""
        return self.entry(code).plover.event


def _rows(folder: str, name: str, skip_header: bool = False) -> list[list[str]]:
    text = resources.files("chancery").joinpath("data", folder, name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:] if skip_header else rows
