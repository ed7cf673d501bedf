"""What each dashboard page shows, built from ledger records: plain rows, links and charts.

Templates only write these out; every choice of what to show, in what order and where it links
is made here, from the same records the page's JSON twin returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlencode

from chancery.ingest.language import language_name
from chancery.ledger.reports import party
from chancery.records import Actor, Event, Quote, Relation, RelationEvidence
from chancery.web import charts
from chancery.web.highlight import Mark, pieces


def article_href(article_id: str, event_id: str | None = None) -> str:
    """The article page, with an event selected (its sentence highlighted) when given."""
    if event_id:
        return f"/articles/{article_id}?{urlencode({'event': event_id})}#selected"
    return f"/articles/{article_id}"


def language_label(code: str | None) -> str | None:
    """An article's language as its page names it ("French (fr)"); None when it was not told apart
    (a text too short to tell, or an article stored before chancery recorded languages)."""
    return None if code is None else f"{language_name(code)} ({code})"


def actor_href(code: str) -> str:
    return f"/actors/{code}"


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"code": actor.code, "text": actor.text, "href": actor_href(actor.code)}


def evidence_rows(evidence: Iterable[RelationEvidence | dict[str, Any]]) -> list[dict[str, Any]]:
    """Each report behind a state: its sentence, date and publisher, linking to it in its article."""
    rows = []
    for item in evidence:
        found = item if isinstance(item, dict) else item.to_dict()
        rows.append(
            {
                "text": found["text"],
                "date": found.get("date"),
                "publisher": found.get("publisher"),
                "href": article_href(found["article_id"], found.get("event_id")),
            }
        )
    return rows


def relation_row(
    relation: Relation, anchor: str | None = None, party_role: str = "subject"
) -> dict[str, Any]:
    """A relation state as a table row; ``party`` is its ``party_role`` (the other side of a page's actor)."""
    return {
        "anchor": anchor,
        "party": _actor(getattr(relation, party_role)),
        "subject": _actor(relation.subject),
        "object": _actor(relation.object),
        "kind": relation.kind,
        "state": relation.state.replace("_", " "),
        "since": relation.since or "undated",
        "until": relation.until or "",
        "detail": relation.detail or "",
        "note": relation.note or "",
        "evidence": evidence_rows(relation.evidence),
    }


def recognition_rows(entries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries of a recognition summary as table rows."""
    return [
        {
            "subject": {
                "code": entry["subject"]["code"],
                "text": entry["subject"]["text"],
                "href": actor_href(entry["subject"]["code"]),
            },
            "since": entry["since"] or "undated",
            "note": entry["note"] or "",
            "evidence": evidence_rows(entry["evidence"]),
        }
        for entry in entries
    ]


def timeline_chart(found: Sequence[Relation], as_of: str | None) -> Any:
    """A bar per dated relation state over the years, linking to its first report."""
    bars = []
    for relation in found:
        if not relation.since or not relation.evidence:
            continue
        label = f"{relation.subject.code} {relation.state.replace('_', ' ')} {relation.object.code}"
        first = relation.evidence[0]
        bars.append(
            charts.Bar(
                label=label,
                start=relation.since,
                end=relation.until,
                css=relation.state,
                href=article_href(first.article_id, first.event_id),
                title=f"{label}, {relation.since} to {relation.until or 'now'}: {first.text}",
            )
        )
    days = [d for r in found for d in (r.since, r.until) if d] + ([as_of] if as_of else [])
    return charts.timeline(bars, marker=as_of, last_day=max(days, default="2000-01-01"))


def network(found: Sequence[Relation]) -> dict[str, Any]:
    """Nodes (the parties), arrows coloured by kind, and the table rows the arrows link to."""
    names = sorted({party(r.subject) for r in found} | {party(r.object) for r in found})
    rows = [relation_row(r, anchor=f"rel-{index}") for index, r in enumerate(found)]
    edges = [
        charts.Edge(
            source=party(r.subject),
            target=party(r.object),
            css=r.kind,
            href=f"#rel-{index}",
            title=f"{party(r.subject)} {r.state.replace('_', ' ')} {party(r.object)}, since {r.since or '?'}",
        )
        for index, r in enumerate(found)
    ]
    return {
        "chart": charts.network([(name, actor_href(name)) for name in names], edges),
        "rows": rows,
        "nodes": names,
        "kinds": sorted({r.kind for r in found}),
    }


def event_row(event: Event, selected: str | None = None) -> dict[str, Any]:
    """An event as a list row, linking to its selection on its article's page."""
    return {
        "id": event.id,
        "date": event.date or "undated",
        "source": _actor(event.source),
        "target": _actor(event.target),
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "modality": event.modality,
        "negated": event.negated,
        "counted": event.counted,
        "trigger": event.evidence.trigger,
        "href": article_href(event.article_id, event.id),
        "selected": event.id == selected,
    }


def event_details(event: Event) -> list[tuple[str, str]]:
    """The codes and decisions of a selected event, as (name, value) rows."""
    plover = event.plover
    target = event.target.code if event.target else "none"
    return [
        ("source → target", f"{event.source.code} ({event.source.text}) → {target}"),
        ("CAMEO", f"{event.cameo} {event.cameo_name}"),
        ("quad class, Goldstein", f"{event.quad_class}, {event.goldstein:+.1f}"),
        ("PLOVER", " / ".join(p for p in (plover.event, plover.mode, plover.context) if p)),
        ("modality", event.modality + (", negated" if event.negated else "")),
        ("counted", "yes" if event.counted else "no: not an asserted, affirmed event"),
        ("date", f"{event.date or 'undated'} ({event.date_basis}, to the {event.date_precision})"),
        ("trigger", event.evidence.trigger),
        ("rule", event.evidence.rule),
        *(("note", note) for note in event.evidence.notes),
    ]


def quote_row(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "text": quote.text,
        "date": quote.date or "undated",
        "direct": quote.direct,
        "speaker": (speaker.name or speaker.organization or "") if speaker else "unknown",
        "role": (speaker.role or "") if speaker else "",
        "actor": _actor(speaker.actor) if speaker else None,
        "href": article_href(quote.article_id) + f"#quote-{quote.id}",
    }


def article_text(spans: Any, selected: Event | None) -> list[Any]:
    """The article's text in pieces marked with actors, quotes, triggers and the selected event."""
    marks = [
        Mark(m.span.start, m.span.end, "actor", f"{m.actor.code} · {m.kind} · {m.rule}")
        for m in spans.mentions
    ]
    for quote in spans.quotes:
        speaker = quote.speaker.name if quote.speaker and quote.speaker.name else "an unnamed speaker"
        marks.append(Mark(quote.start, quote.end, "quote", f"quote of {speaker}"))
    for event in spans.events:
        start, end = event.evidence.trigger_start, event.evidence.trigger_end
        if start is not None and end is not None:
            marks.append(Mark(start, end, "trigger", f"{event.cameo} {event.cameo_name} ({event.modality})"))
    if selected is not None:
        marks.append(Mark(selected.evidence.start, selected.evidence.end, "selected"))
    return pieces(spans.article.text, marks)


def columns(rows: Sequence[dict[str, Any]], key: str, label: str) -> Any:
    """A column chart of count rows (``{key: name, "events": n}``)."""
    return charts.columns([(row[key] or "undated", row["events"]) for row in rows], label=label)
