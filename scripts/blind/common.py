from pathlib import Path


def pipeline():
    from chancery.pipeline import Pipeline
    from chancery.settings import Settings

    return Pipeline.from_settings(Settings.load(env={}))


def sentence_files(args):
    out = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            if (p / "sentences.jsonl").exists():
                out.append(p / "sentences.jsonl")
            out += sorted(p.glob("w*-sentences.jsonl"))
        elif p.suffix == ".jsonl" and p.name != "expected.jsonl":
            out.append(p)
    return out


def timeline_files(args):
    out = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out += sorted(p.glob("timelines/*/expected.jsonl"))
    return out


def ev(g):
    return {
        "source": g.source,
        "target": g.target,
        "cameo": g.cameo,
        "counted": g.counted,
        "modality": g.modality,
        "negated": g.negated,
    }


def mood(event) -> str:
    """An event's modality, with NEG when negated and C when counted (records or scoring dicts alike)."""
    get = event.get if isinstance(event, dict) else lambda k: getattr(event, k)
    return get("modality") + (" NEG" if get("negated") else "") + (" C" if get("counted") else "")


def ratios(r) -> str:
    """P / R / F1 of a Tally."""
    return f"P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f}"
