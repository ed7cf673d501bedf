"""Role phrases: how a country or organisation and the role nouns after it combine into one actor."""

from __future__ import annotations

from dataclasses import replace

from chancery.nlp.dictionary import Entry
from chancery.nlp.matching import Match, Text
from chancery.nlp.people import Found
from chancery.records import DatedCode

PREFIX_KINDS = frozenset({"state", "demonym", "capital", "place", "seat", "igo", "group"})
KIND_NAMES = {"seat": "capital", "state": "state"}
RULE_NAMES = {
    "state": "state-name",
    "demonym": "demonym",
    "capital": "capital-as-government",
    "seat": "seat-of-power",
    "igo": "igo",
    "group": "group",
    "place": "place",
}
# words that may stand between a country and its role noun ("Chinese senior officials")
MODIFIERS = frozenset(
    {"top", "senior", "new", "interim", "caretaker", "local", "federal", "national", "visiting"}
)
POSSESSIVE = frozenset({"'s", "'"})
# sectors whose members belong to the place they are in ("rebels in Syria", "civilians in Gaza") or come
# from ("refugees from Syria"; "refugees in Lebanon" and "rebels from Syria" need not be its own)
LOCAL_SECTORS = {"in": frozenset({"REB", "CVL"}), "from": frozenset({"REF", "CVL"})}
# "in eastern Ukraine": words between "in" and the place
REGIONS = frozenset(
    {"eastern", "western", "northern", "southern", "central", "north", "south", "east", "west"}
)
SERIES = frozenset({"and", ",", "or"})


def bare_found(match: Match) -> Found:
    """A name standing alone: the state, demonym, capital, seat, organisation or group it names."""
    entry = match.entry
    return Found(
        first=match.first,
        last=match.last,
        kind=KIND_NAMES.get(entry.kind, entry.kind),
        rule=f"{RULE_NAMES[entry.kind]}:{entry.slug}",
        codes=entry.codes,
        organization=entry.name if entry.kind in ("igo", "group") else None,
    )


def place_found(match: Match) -> Found:
    """A place ("talks in Doha", "visited Moscow", "in Donetsk"): its country, never its government."""
    entry = match.entry
    return Found(
        first=match.first,
        last=match.last,
        kind="place",
        rule=f"place:{entry.slug}",
        codes=(DatedCode(entry.codes[0].code[:3]),),
    )


def merge_roles(roles: list[Entry]) -> Entry:
    """One entry for a phrase of role nouns: the last noun's flags, the latest role and organisation."""
    last = roles[-1]
    return replace(
        last,
        slug="-".join(r.slug for r in roles),
        role=next((r.role for r in reversed(roles) if r.role), None),
        organization=next((r.organization for r in reversed(roles) if r.organization), None),
        sector=next((r.sector for r in roles if r.sector and "inherit" not in r.flags), last.sector),
        gender=next((r.gender for r in reversed(roles) if r.gender), None),
    )


def body_name(entry: Entry) -> str | None:
    """The organisation a prefix names: an IGO's or group's name, a seat's own ("State Department")."""
    return entry.name or (entry.alias if entry.kind == "seat" else None)


def same_state(prefix: Entry, seat: Entry) -> bool:
    """Whether a seat belongs to the state a prefix names ("India's" and "Ministry of External Affairs")."""
    if prefix.kind not in ("state", "demonym", "capital", "seat"):
        return False
    return prefix.codes[0].code[:3] == seat.codes[0].code[:3] and not seat.codes[0].code.startswith("IGO")


def seat_as_role(seat: Entry) -> Entry:
    """A seat of power read as the role noun of its own state ("India's" + "Ministry of External Affairs")."""
    return replace(
        seat, kind="role", sector=seat.codes[0].code[3:] or "GOV", organization=seat.alias, codes=()
    )


def owned_in(role: Entry, place: Entry, link: str = "in") -> bool:
    """Whether "<role> in <place>" (or "from <place>") is the place's own.

    "Officials in Beijing", "separatists in Donetsk", "civilians in Gaza", "authorities in Srinagar" and
    "refugees from Syria" are;
    "troops in Syria", "protesters in Nairobi" and "the embassy in Kabul" need not be.
    """
    if place.kind in ("capital", "seat") and role.sector == "GOV":
        return "abroad" not in role.flags
    if place.kind == "place" and link == "in" and role.sector in ("GOV", "COP"):
        return "abroad" not in role.flags  # "authorities in Srinagar", "police in Kano": the place's own
    if place.kind == "state" and link == "in" and role.sector == "GOV" and role.organization:
        # "the interim government in Kyrgyzstan", "any government in Afghanistan": that state's own rulers
        return "abroad" not in role.flags
    return role.sector in LOCAL_SECTORS[link] and place.kind in ("state", "capital", "place")


def determined(text: Text, first: int) -> bool:
    """ "the spokesperson", "a foreign ministry spokesperson": a role noun standing for someone."""
    return text.lower(first - 1) in ("the", "a", "an", "its", "their")


def compose_codes(prefix: Entry, roles: list[Entry]) -> tuple[DatedCode, ...]:
    """The codes of a country or organisation with role nouns ("Russian" + "troops" → RUSMIL)."""
    own = [r.sector for r in roles if r.sector and "inherit" not in r.flags]
    inherited = [r.sector for r in roles if r.sector]
    if prefix.kind in ("igo", "group") or prefix.codes[0].code.startswith(("IGO", "NGO")):
        return prefix.codes  # a Taliban spokesman speaks for the Taliban, whatever their status that day
    country = prefix.codes[0].code[:3]
    if own:
        sector = own[0]
    elif prefix.kind in ("capital", "seat"):
        sector = prefix.codes[0].code[3:] or "GOV"
    else:
        sector = inherited[0] if inherited else ""
    return (DatedCode(country + sector),)
