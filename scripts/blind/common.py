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


def as_gold(d):
    from chancery.evaluate.events import GoldEvent

    return GoldEvent(d["source"], d["target"], d["cameo"], d["counted"], d["modality"], d["negated"])


def case_match(row):
    """A scored row's root-level match: (missed gold, spurious predictions, counted extras in a must-not-count
    case, whether it is one, matched pairs), as chancery.evaluate.events.score counts them."""
    from chancery.evaluate.events import match

    gold = [as_gold(d) for d in row["gold"]]
    pred = [as_gold(d) for d in row["pred"]]
    pairs, missed, spurious = match(gold, pred, lambda c: c[:2])
    mnc_case = not gold or any(not g.counted for g in gold)
    extra = []
    if mnc_case:
        counted = [g for g in gold if g.counted]
        _, _, extra = match(counted, [p for p in pred if p.counted], lambda c: c[:2])
    return missed, spurious, extra, mnc_case, pairs


def per_batch(rows):
    """{batch: [tp, fp, fn, must-not-count events, must-not-count cases]} over scored rows."""
    totals = {}
    for row in rows:
        missed, spurious, extra, mnc_case, pairs = case_match(row)
        t = totals.setdefault(row["file"].split("/")[-2], [0, 0, 0, 0, 0])
        for k, n in enumerate((len(pairs), len(spurious), len(missed), len(extra), int(mnc_case))):
            t[k] += n
    return totals


def load_rows(path):
    import json

    return json.loads(Path(path).read_text(encoding="utf-8"))
