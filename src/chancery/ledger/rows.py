"""Records to table rows and back: the one place that knows how each record is laid out in SQL."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from chancery.records import (
    Actor,
    Article,
    DatedCode,
    Event,
    Evidence,
    Mention,
    Plover,
    Quote,
    Run,
    Sentence,
    Speaker,
    TextSpan,
)


def run_row(run: Run) -> dict[str, Any]:
    """The ``runs`` row of ``run``."""
    row = run.to_dict()
    row["inputs"] = list(run.inputs)
    return row


def run_from(row: Mapping[str, Any]) -> Run:
    """The ``Run`` of a ``runs`` row."""
    return Run.from_dict(dict(row))


def article_row(article: Article, run_id: str | None) -> dict[str, Any]:
    """The ``articles`` row of ``article``, stamped with the run that stored it."""
    row = article.to_dict()
    row["run_id"] = run_id
    row["stored_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    return row


def article_from(row: Mapping[str, Any]) -> Article:
    """The ``Article`` of an ``articles`` row (run and storage stamps dropped)."""
    return Article.from_dict(dict(row))


def sentence_row(article: Article, sentence: Sentence) -> dict[str, Any]:
    """The ``sentences`` row of ``sentence``, with its text cut from the article."""
    return {
        "article_id": article.id,
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "paragraph": sentence.paragraph,
        "text": article.text[sentence.start : sentence.end],
    }


def quote_row(quote: Quote) -> dict[str, Any]:
    """The ``quotes`` row of ``quote``: speaker fields as columns, the whole speaker as JSON."""
    speaker = quote.speaker
    actor = speaker.actor if speaker else None
    return {
        "article_id": quote.article_id,
        "id": quote.id,
        "text": quote.text,
        "direct": quote.direct,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
        "date": quote.date,
        "speaker_name": speaker.name if speaker else None,
        "speaker_role": speaker.role if speaker else None,
        "speaker_organization": speaker.organization if speaker else None,
        "speaker_code": actor.code if actor else None,
        "speaker": speaker.to_dict() if speaker else None,
        "sentences": list(quote.sentences),
    }


def quote_from(row: Mapping[str, Any], article_date: str | None = None) -> Quote:
    """The ``Quote`` of a ``quotes`` row; an undated quote takes its article's date."""
    return Quote(
        id=row["id"],
        article_id=row["article_id"],
        text=row["text"],
        direct=bool(row["direct"]),
        start=row["start"],
        end=row["end"],
        cue=row["cue"],
        date=row["date"] or article_date,
        speaker=Speaker.from_dict(row["speaker"]) if row["speaker"] else None,
        sentences=tuple(row["sentences"] or ()),
    )


def _actor_fields(role: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{role}_code": actor.code if actor else None,
        f"{role}_country": actor.country if actor else None,
        f"{role}_sector": actor.sector if actor else None,
        role: actor.to_dict() if actor else None,
    }


def event_row(event: Event) -> dict[str, Any]:
    """The ``events`` row of ``event``: every contract field a column, actors and evidence also JSON."""
    evidence = event.evidence
    return {
        "id": event.id,
        "article_id": event.article_id,
        "sentence": event.sentence,
        **_actor_fields("source", event.source),
        **_actor_fields("target", event.target),
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_event": event.plover.event,
        "plover_mode": event.plover.mode,
        "plover_context": event.plover.context,
        "negated": event.negated,
        "modality": event.modality,
        "counted": event.counted,
        "date": event.date,
        "date_basis": event.date_basis,
        "date_precision": event.date_precision,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_text": evidence.text,
        "evidence_trigger": evidence.trigger,
        "evidence_rule": evidence.rule,
        "evidence": evidence.to_dict(),
        "quote_id": event.quote_id,
        "detail": event.detail,
        "relation": event.relation,
        "relation_subject": event.relation_subject,
        "act": event.act,
        "speaker": event.speaker.to_dict() if event.speaker else None,
    }


def event_from(row: Mapping[str, Any]) -> Event:
    """The ``Event`` of an ``events`` row."""
    return Event(
        id=row["id"],
        article_id=row["article_id"],
        sentence=row["sentence"],
        source=Actor.from_dict(row["source"]),
        target=Actor.from_dict(row["target"]) if row["target"] else None,
        cameo=row["cameo"],
        cameo_name=row["cameo_name"],
        quad_class=row["quad_class"],
        goldstein=float(row["goldstein"]),
        plover=Plover(row["plover_event"], row["plover_mode"], row["plover_context"]),
        negated=bool(row["negated"]),
        modality=row["modality"],
        counted=bool(row["counted"]),
        date=row["date"],
        date_basis=row["date_basis"],
        evidence=Evidence.from_dict(row["evidence"]),
        quote_id=row["quote_id"],
        date_precision=row["date_precision"],
        detail=row["detail"],
        relation=row["relation"],
        relation_subject=row["relation_subject"],
        act=row["act"],
        speaker=Speaker.from_dict(row["speaker"]) if row["speaker"] else None,
    )


def mention_row(article_id: str, mention: Mention) -> dict[str, Any]:
    """The ``mentions`` row of ``mention``: its offsets and actor code as columns, the actor as JSON."""
    return {
        "article_id": article_id,
        "id": mention.id,
        "start": mention.span.start,
        "end": mention.span.end,
        "text": mention.text,
        "sentence": mention.sentence,
        "first": mention.first,
        "last": mention.last,
        "head": mention.head,
        "actor_code": mention.actor.code,
        "actor": mention.actor.to_dict(),
        "rule": mention.rule,
        "codes": [code.to_dict() for code in mention.codes],
        "kind": mention.kind,
        "refers_to": mention.refers_to,
    }


def mention_from(row: Mapping[str, Any]) -> Mention:
    """The ``Mention`` of a ``mentions`` row."""
    return Mention(
        id=row["id"],
        span=TextSpan(row["start"], row["end"]),
        text=row["text"],
        sentence=row["sentence"],
        first=row["first"],
        last=row["last"],
        head=row["head"],
        actor=Actor.from_dict(row["actor"]),
        rule=row["rule"],
        codes=tuple(DatedCode.from_dict(code) for code in row["codes"]),
        kind=row["kind"],
        refers_to=row["refers_to"],
    )
