"""Relation states derived from event reports: pure functions, no SQL.

Relations are derived at query time from the stored events rather than kept in a table.  The
states of a pair are a function of the whole set of its reports (a late-arriving report of an
earlier date can split an interval that is already stored), so deriving from the set on every
query makes the answer independent of ingest order by construction, never stale when the rules
change, and free of a second copy to keep consistent inside each store transaction.  The cost is
reading the hinted events of the actors asked about, which the ``relation`` index keeps small.

Rules (each state records the one that produced it in ``Relation.rule``):

- ``counted-hint``: a counted event with a ``kind:state`` hint gives that state, source → target.
- ``negated-recognition``: a negated, asserted event hinted ``recognition:recognized`` gives
  ``recognition:not_recognized`` ("China has not formally recognised the Taliban").
- ``stated-condition``: a conditional event hinted ``condition:conditional`` gives a ``condition``
  whose detail lists the conditions (also a negated one: "will not recognise X until ...").
- ``establishment-is-recognition``: a counted 054 that establishes relations (hinted
  ``diplomatic_relations:active``) also gives ``recognition:recognized``: CAMEO codes establishing
  relations as granting recognition, so a state with formal relations recognises the government.
- ``relations-with-taipei``: relations with Taipei are the recognition of the Republic of China, so
  a counted break with TWN also gives ``recognition:withdrawn`` (and a counted 054 with it, recognized);
  a counted break by TWN with X gives X's ``recognition:withdrawn`` of TWN (Taipei breaks first when an ally
  switches to Beijing).
- ``ambassador-back-ends-recall``: a counted ``representation:hosts_ambassador`` (the host has the sender's
  ambassador again) ends the sender's ``recalled`` state toward the host, and states nothing of its own.
- any other event that is not counted gives no state.

Subjects and objects are parties: a state and its government are one party shown as the state
(``RUS`` for reports by ``RUSGOV`` or the Kremlin); the actor that acted stays in the evidence.

A report dated only to a week, a month or a year ("severed relations in January 2016", "recognised
Kosovo this week") stands for some day of that period: it joins the earliest day-precise report of the
same state inside the period, so it never moves a known start earlier; otherwise the state starts on
the first day it is sure to hold: the period's last day, or the article's publication if that comes
first. The ledger never claims a state on a day the reports leave open ("as of 15 May, who recognises
Palestine?" is not answered yes from "recognised it in May" alone).

A state and its government are one party (``RUS`` and ``RUSGOV`` report on one timeline); other
sectors stay apart (``AFGREB`` is not ``AFGGOV``).  Positions are kept per act (the event's detail),
so backing one decision and condemning another are two timelines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from chancery.ledger.reports import Report, party, party_matches, representative
from chancery.records import RELATION_KINDS, Actor, Relation


@dataclass(frozen=True)
class Claim:
    """What one report says about a pair: a state (and for conditions, which ones), by which rule."""

    report: Report
    kind: str
    state: str
    rule: str
    converse: bool = (
        False  # the claim is the target's, about the source (Taipei's break ends X's recognition)
    )

    @property
    def parties(self) -> tuple[Actor, Actor]:
        """(subject, object): source → target, unless the event makes its target the subject
        ("X appointed an ambassador to Y": Y hosts X's ambassador) or the claim is the converse one."""
        event = self.report.event
        assert event.target is not None  # claims are only made for events with a target
        if (event.relation_subject == "target") != self.converse:
            return event.target, event.source
        return event.source, event.target

    @property
    def key(self) -> tuple[str, str, str, str]:
        event = self.report.event
        subject, object_ = self.parties
        topic = _norm(event.detail or event.act) if self.kind == "position" else ""
        return (party(subject), party(object_), self.kind, topic)

    @property
    def value(self) -> tuple[str, str]:
        """What two claims must share to agree: the state, and for conditions the conditions."""
        return (self.state, _norm(self.report.event.detail) if self.kind == "condition" else "")


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def claim_of(report: Report) -> Claim | None:
    """The relation claim a report makes under the rules above, or None."""
    event = report.event
    if event.target is None or not event.relation:
        return None
    kind, _, state = event.relation.partition(":")
    if state not in RELATION_KINDS.get(kind, ()):
        return None
    if event.counted:
        return Claim(report, kind, state, "counted-hint")
    if event.negated and event.modality == "asserted" and event.relation == "recognition:recognized":
        return Claim(report, kind, "not_recognized", "negated-recognition")
    if event.modality == "conditional" and event.relation == "condition:conditional":
        return Claim(report, kind, state, "stated-condition")
    return None


def claims_of(report: Report) -> list[Claim]:
    """Every claim a report makes: its own (``claim_of``) and the recognition its relations imply."""
    claim = claim_of(report)
    if claim is None:
        return []
    found = [claim]
    event = report.event
    if claim.rule == "counted-hint" and claim.kind == "diplomatic_relations" and event.target is not None:
        if claim.state == "active" and event.cameo == "054":
            found.append(Claim(report, "recognition", "recognized", "establishment-is-recognition"))
        elif claim.state == "severed" and party(claim.parties[1]) == "TWN":
            found.append(Claim(report, "recognition", "withdrawn", "relations-with-taipei"))
        elif claim.state == "severed" and party(claim.parties[0]) == "TWN":
            # "Taiwan ended diplomatic relations with Honduras": Taipei breaks first when an ally
            # switches to Beijing, and the ally's recognition of the Republic of China ends with them
            found.append(Claim(report, "recognition", "withdrawn", "relations-with-taipei", converse=True))
    if claim.rule == "counted-hint" and claim.kind == "representation" and claim.state == "hosts_ambassador":
        # "Sudan's ambassador returned to his post in Cairo": the sender's recall from the host is over
        found.append(Claim(report, "representation", RETURNED, "ambassador-back-ends-recall", converse=True))
    return found


def derive_relations(reports: list[Report]) -> list[Relation]:
    """Every relation state the reports support, as timelines per (subject, object, kind, act)."""
    return [relation for timeline in derive_timelines(reports).values() for relation in timeline]


def derive_timelines(reports: list[Report]) -> dict[tuple[str, str, str, str], list[Relation]]:
    """The states of each (subject, object, kind, act) the reports speak of, in key order.

    A timeline is a function of the reports with its key alone, so one timeline can be derived
    again from those reports without the others.
    """
    claims: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for report in reports:
        for claim in claims_of(report):
            claims[claim.key].append(claim)
    return {key: _timeline(claims[key]) for key in sorted(claims)}


@dataclass
class _Interval:
    """A state being built: its value, start and end, every report in it and those that support it."""

    value: tuple[str, str]
    since: str | None
    until: str | None = None
    claims: list[Claim] = field(default_factory=list)
    supporting: list[Claim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _timeline(claims: list[Claim]) -> list[Relation]:
    """One pair's intervals: a later different state closes the earlier one; a repeat extends it."""
    by_day: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_day[_placed(claim, claims) or ""].append(claim)
    intervals: list[_Interval] = []
    for day in sorted(by_day):
        told = [c for c in by_day[day] if c.state != RETURNED] or by_day[day]
        if told[0].state == RETURNED and not (intervals and intervals[-1].value[0] == "recalled"):
            continue  # an ambassador back ends a recall, and nothing else ("hosts" states share the key)
        value, supporting, note = _believe(told, day)
        if not intervals or intervals[-1].value != value:
            if intervals:
                intervals[-1].until = day
            intervals.append(_Interval(value, day or None))
        current = intervals[-1]
        current.claims.extend(told)
        current.supporting.extend(supporting)
        current.notes.extend([note] if note else [])
    return [_relation(interval) for interval in intervals if interval.value[0] != RETURNED]


def _placed(claim: Claim, claims: list[Claim]) -> str | None:
    """The day a claim takes in its timeline: a week, month or year report ("in January 2016") takes
    the earliest day-precise report of the same value inside its period, else the first day it is sure
    to hold (the period's last day, or the publication day if earlier)."""
    period = claim.report.period()
    if period is None:
        return claim.report.day
    inside = [
        c.report.day
        for c in claims
        if c.value == claim.value
        and c.report.period() is None
        and c.report.day
        and period[0] <= c.report.day < period[1]
    ]
    if inside:
        return min(inside)
    last = (date.fromisoformat(period[1]) - timedelta(days=1)).isoformat()
    published = claim.report.published
    return min(last, published) if published and published >= period[0] else last


# the sender's side of an ambassador hosted again: it ends a recall and is no state of its own
RETURNED = "ambassador-back"
# states that end another (a withdrawal ends a recognition, a break ends relations)
ENDINGS = frozenset({"withdrawn", "severed", "expelled", "recalled"})


def _believe(claims: list[Claim], day: str) -> tuple[tuple[str, str], list[Claim], str | None]:
    """The value the ledger believes among same-day claims, the claims for it, and why (if contested)."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.value].append(claim)
    if len(groups) == 1:
        value = next(iter(groups))
        return value, groups[value], None

    def rank(value: tuple[str, str]) -> tuple[int, str, int]:
        group = groups[value]
        latest = max((c.report.published or "") for c in group)
        return (len({c.report.outlet for c in group}), latest, len(group))

    best = max(rank(v) for v in groups)
    # a tie between a state and its ending told on one day ("had recognised Taipei for 80 years and has
    # now switched"): the ending comes after what it ends
    value = min((v for v in groups if rank(v) == best), key=lambda v: (v[0] not in ENDINGS, v))
    others = sorted(sorted(v for v in groups if v != value), key=rank, reverse=True)
    runner = rank(others[0])
    if best[0] > runner[0]:
        why = "more sources"
    elif best[1] > runner[1]:
        why = f"equally sourced, and the most recent report (published {best[1]})"
    elif best[2] > runner[2]:
        why = "equally sourced and recent, and more reports"
    elif value[0] in ENDINGS and all(v[0] not in ENDINGS for v in others if rank(v) == best):
        why = "the reports tie; an ending comes after the state it ends"
    else:
        why = "the reports tie; chosen by name order"
    against = "; ".join(f"{_describe(v, groups[v])}" for v in others)
    note = f"on {day or 'an undated day'} believes {_describe(value, groups[value])} over {against}: {why}"
    return value, groups[value], note


def _describe(value: tuple[str, str], group: list[Claim]) -> str:
    outlets = sorted({c.report.outlet for c in group})
    label = value[0] + (f" ({value[1]})" if value[1] else "")
    return f"{label} [{len(outlets)} source{'s' if len(outlets) != 1 else ''}: {', '.join(outlets)}]"


def _relation(interval: _Interval) -> Relation:
    claims = sorted(interval.claims, key=lambda c: c.report.order())
    supporting = sorted(interval.supporting, key=lambda c: c.report.order())
    events = [c.report.event for c in supporting]
    return Relation(
        subject=_as_party(representative([c.parties[0] for c in supporting])),
        object=_as_party(representative([c.parties[1] for c in supporting])),
        kind=supporting[0].kind,
        state=interval.value[0],
        since=interval.since,
        until=interval.until,
        detail=next((e.detail for e in events if e.detail), None),
        evidence=tuple(c.report.evidence() for c in claims),
        rule=", ".join(sorted({c.rule for c in supporting})),
        note="; ".join(interval.notes) or None,
    )


def _as_party(actor: Actor) -> Actor:
    """The actor as the party it acts for: a government or a person of it is its state ("RUSGOV" → "RUS")."""
    code = party(actor)
    if code != actor.code and actor.country == code:
        return Actor(text=actor.text, code=code, country=code)
    return actor


def valid_on(relation: Relation, day: str) -> bool:
    """Whether a state holds on ``day``: since <= day < until, open ends holding."""
    return (relation.since is None or relation.since <= day) and (
        relation.until is None or day < relation.until
    )


def select(
    relations: list[Relation],
    *,
    actor: str | None = None,
    kind: str | None = None,
    as_of: str | None = None,
    subject: str | None = None,
    object: str | None = None,
) -> list[Relation]:
    """The relations matching the filters; actor codes are prefixes (``RUS`` matches ``RUSGOV``)."""

    def keep(r: Relation) -> bool:
        s, o = party(r.subject), party(r.object)
        return (
            (kind is None or r.kind == kind)
            and (as_of is None or valid_on(r, as_of))
            and (actor is None or party_matches(s, actor) or party_matches(o, actor))
            and (subject is None or party_matches(s, subject))
            and (object is None or party_matches(o, object))
        )

    return [r for r in relations if keep(r)]


def recognition_summary(
    relations: list[Relation], government: str, as_of: str | None = None
) -> dict[str, Any]:
    """Who recognises ``government`` on ``as_of`` (or now), since when and on what evidence; who does not."""
    held = [
        r
        for r in relations
        if r.kind == "recognition"
        and party_matches(party(r.object), government)
        and (valid_on(r, as_of) if as_of else r.until is None)
    ]

    def entries(state: str) -> list[dict[str, Any]]:
        chosen = sorted(
            (r for r in held if r.state == state), key=lambda r: (party(r.subject), r.since or "")
        )
        return [
            {
                "subject": r.subject.to_dict(),
                "since": r.since,
                "detail": r.detail,
                "rule": r.rule,
                "note": r.note,
                "evidence": [e.to_dict() for e in r.evidence],
            }
            for r in chosen
        ]

    recognized, refused, withdrawn = entries("recognized"), entries("not_recognized"), entries("withdrawn")
    # Only actors with a country are states; an IGO's recognition is listed but not counted as one.
    states = sorted({e["subject"]["country"] for e in recognized if e["subject"]["country"]})
    when = f"as of {as_of}" if as_of else "on the latest reports"
    text = (
        f"{government.upper()} is recognised by {len(states)} state{'s' if len(states) != 1 else ''} {when}"
    )
    text += f" ({', '.join(states)})" if states else ""
    if refused:
        text += f"; {len(refused)} explicitly do{'es' if len(refused) == 1 else ''} not recognise it"
        text += f" ({', '.join(e['subject']['code'] for e in refused)})"
    return {
        "government": government.upper(),
        "as_of": as_of,
        "summary": text,
        "recognized_by_states": len(states),
        "recognized_by": recognized,
        "not_recognized_by": refused,
        "withdrawn_by": withdrawn,
    }
