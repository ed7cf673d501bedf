"""Antecedents: where the article named the people and bodies a later phrase may stand for.

A pronoun, a bare role, a surname or "its" points back to someone named earlier; these
look-ups search the parse for them, outside direct quotes (a name inside a quote is who the
speaker talks about, not who speaks).
"""

from __future__ import annotations

from chancery.nlp.speaker_phrases import PhraseReader, Subject, role_key, same_person
from chancery.records import Actor, Mention, Token


class Antecedents:
    """Searches an article's parse for earlier persons, subjects and organisations."""

    def __init__(
        self,
        tokens: tuple[Token, ...],
        mentions: tuple[Mention, ...],
        reader: PhraseReader,
        quoted: tuple[tuple[int, int], ...] = (),
    ):
        self.tokens = tokens
        self.mentions = mentions
        self.reader = reader
        self.quoted = quoted  # direct-quote spans

    def issuer(self, document: int) -> int | None:
        """The agent of "a statement issued by X": the head of X."""
        kids = self.reader.children
        for acl in (c for c in kids.get(document, ()) if self.tokens[c].dep == "acl"):
            for agent in (c for c in kids.get(acl, ()) if self.tokens[c].dep == "agent"):
                objects = [c for c in kids.get(agent, ()) if self.tokens[c].dep == "pobj"]
                if objects:
                    return objects[0]
        return None

    def person_before(self, head: int, floor: int, unknown_only: bool = False) -> int | None:
        """The phrase head of the nearest person named before ``head`` (after ``floor``), outside quotes.

        Within the nearest sentence naming people, the grammatical subject is preferred.  With
        ``unknown_only``, only main-clause subjects that no person mention covers count.
        """
        known = {i for m in self.mentions if m.kind == "person" for i in range(m.first, m.last)}
        people = [
            i
            for i in range(floor + 1, head)
            if self.tokens[i].ent_type == "PERSON"
            and not self.in_quote(i)
            and not (unknown_only and i in known)
        ]
        if unknown_only:
            people = [i for i in people if self.main_subject(self.phrase_head(i))]
        else:
            people += [m.head for m in self.mentions if m.kind == "person" and floor < m.head < head]
        if not people:
            return None
        sentence = self.tokens[max(people)].sentence
        heads = [self.phrase_head(i) for i in sorted(set(people)) if self.tokens[i].sentence == sentence]
        subjects = [h for h in heads if self.tokens[h].dep in ("nsubj", "nsubjpass")]
        return (subjects or heads)[-1]

    def named_before(self, surname: str, head: int) -> Subject | None:
        """The fuller phrase of a person named earlier with this surname, outside quotes."""
        for i in range(head - 1, -1, -1):
            token = self.tokens[i]
            if token.text == surname and token.ent_type == "PERSON" and not self.in_quote(i):
                named = self.reader.describe(self.phrase_head(i))
                if named.name and len(named.name.split()) > 1 and same_person(surname, named.name):
                    return named
        return None

    def role_before(self, role: str, head: int) -> Subject | None:
        """The nearest person named earlier, outside quotes, whose phrase gives this role."""
        seen = set()
        for i in range(head - 1, -1, -1):
            if self.tokens[i].ent_type != "PERSON" or self.in_quote(i):
                continue
            phrase = self.phrase_head(i)
            if phrase in seen:
                continue
            seen.add(phrase)
            named = self.reader.describe(phrase)
            if named.name and named.role and role_key(named.role) == role_key(role):
                return named
        return None

    def main_subject(self, i: int) -> bool:
        """Whether token ``i`` is the subject of its sentence's main verb."""
        token = self.tokens[i]
        return token.dep in ("nsubj", "nsubjpass") and self.tokens[token.head].dep == "ROOT"

    def possessor_its(self, head: int) -> bool:
        """Whether the phrase headed by ``head`` is owned by "its" or "their"."""
        return any(
            t.head == head and t.dep == "poss" and t.text.lower() in ("its", "their")
            for t in self.tokens[max(0, head - 4) : head]
        )

    def actor_before(self, head: int) -> Actor | None:
        """The actor of the nearest state, capital or organisation mention before ``head``, outside quotes."""
        before = [
            m
            for m in self.mentions
            if m.head < head and m.kind not in ("person", "pronoun", "place") and not self.in_quote(m.head)
        ]
        # "Armenia recognised the State of Palestine, its foreign ministry said": "its" is the
        # subject's, so the nearest subject comes before the nearest mention
        subjects = [
            m for m in before if self.tokens[self.noun_phrase_head(m.head)].dep in ("nsubj", "nsubjpass")
        ]
        chosen = subjects or before
        return max(chosen, key=lambda m: m.head).actor if chosen else None

    def noun_phrase_head(self, i: int) -> int:
        """Climb from a modifier to its noun phrase's head ("Ecuador" in "Ecuador's presidency")."""
        while self.tokens[i].dep in ("poss", "compound", "amod", "flat") and self.tokens[i].head != i:
            i = self.tokens[i].head
        return i

    def head_of(self, mention_id: str) -> int:
        """The head token of the mention with this id (-1 when there is none)."""
        mention = next((m for m in self.mentions if m.id == mention_id), None)
        return mention.head if mention else -1

    def phrase_head(self, i: int) -> int:
        """Climb from a name token to the head of its noun phrase ("minister" in "the minister, X,")."""
        while self.tokens[i].dep in ("compound", "appos", "flat") and self.tokens[i].head != i:
            i = self.tokens[i].head
        return i

    def in_quote(self, i: int) -> bool:
        """Whether token ``i`` lies inside a direct quote."""
        return any(start <= self.tokens[i].start < end for start, end in self.quoted)
