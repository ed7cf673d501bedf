"""Speakers: who is quoted, read from the subject of a cue and continued through the article.

A speaker's name, role and organisation come from the subject phrase of the speech verb
("Chinese Foreign Ministry spokesperson Mao Ning", "a foreign ministry spokesperson",
"Beijing").  The actor comes from the actors stage's mentions inside that phrase; until a
person mention exists, the name is read from the parse.  Pronouns ("she"), bare roles ("the
spokesperson") and surnames ("Mao") continue the nearest compatible earlier speaker.

``Speaker.rule`` says how a speaker was found: ``subject`` (the cue's subject phrase),
``according-to`` (the object of "according to"), ``name`` (a surname or repeated name
continuing a speaker or a person named in full earlier), ``pronoun``, ``role`` ("the
spokesperson"), ``organisation`` ("the ministry"), ``possessor`` ("its foreign ministry"),
``organisation-context`` (a ministry given the state of the speaker before it) and
``previous-quote`` (an unattributed quote continuing its neighbour's speaker).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chancery.nlp.antecedents import Antecedents
from chancery.nlp.speaker_phrases import PhraseReader, Subject, role_key, same_person
from chancery.records import Mention, Speaker, Token

# documents that speak for whoever issued them
DOCUMENTS = frozenset(
    {"statement", "communique", "communiqué", "declaration", "letter", "readout", "note", "video", "post"}
)


@dataclass
class _Known:
    speaker: Speaker
    gender: str | None
    position: int  # token index of the speaker's latest phrase


class Speakers:
    """Resolves the subjects of cues to speakers, in article order, remembering earlier ones."""

    def __init__(
        self,
        text: str,
        tokens: tuple[Token, ...],
        mentions: tuple[Mention, ...],
        quoted: tuple[tuple[int, int], ...] = (),
    ):
        self.reader = PhraseReader(text, tokens, mentions)
        self.tokens = tokens
        self.mentions = mentions
        self.antecedents = Antecedents(tokens, mentions, self.reader, quoted)
        self.history: list[_Known] = []

    def resolve(self, head: int | None, rule: str = "subject", continuing: bool = False) -> Speaker | None:
        """The speaker named by the phrase headed by token ``head``; remembered for later cues.

        ``continuing`` marks cues that continue a statement ("added", "went on"): their pronoun
        is the last compatible speaker even when someone else was named since.
        """
        if head is None:
            return None
        subject = self._reread(self.reader.describe(head), head)
        if subject.pronoun is not None and subject.refers_to is None:
            found = self._antecedent(subject, head, continuing)
            if found is None:
                return None
            if isinstance(found, _Known):
                return self._again(found, subject, head)
            subject, rule = replace(found, gender=found.gender or subject.gender), "pronoun"
        known = self._continued(subject)
        if known is not None:
            return self._again(known, subject, head)
        subject, rule = self._completed(subject, head, rule)
        if not _says_who(subject):
            return None
        speaker = Speaker(
            name=subject.name,
            role=subject.role,
            organization=subject.organization,
            actor=subject.actor,
            mention_id=subject.mention_id,
            rule=rule,
        )
        self.history.append(_Known(speaker, subject.gender, head))
        return speaker

    def _reread(self, subject: Subject, head: int) -> Subject:
        """Corrections the article itself allows before the phrase is looked up among speakers."""
        token = self.tokens[head]
        if token.lemma.lower() in DOCUMENTS and not _says_who(subject):
            issuer = self.antecedents.issuer(head)
            if issuer is not None:
                return self.reader.describe(issuer)  # "a video released by his ministry"
            if self._determined(head):
                return Subject(pronoun="it")  # "the statement said": its issuer, as "it said" would
        if subject.name is None and token.text[:1].isupper() and self._known_surname(token.text):
            return replace(subject, name=token.text, organization=None)  # "Lavrov", parsed as an ORG
        referent = self.antecedents.head_of(subject.refers_to) if subject.refers_to else None
        if referent is not None and self.antecedents.person_before(head, referent, unknown_only=True):
            # someone the dictionary does not know was named between the pronoun and its referent
            return Subject(pronoun=subject.pronoun, gender=subject.gender)
        return subject

    def _completed(self, subject: Subject, head: int, rule: str) -> tuple[Subject, str]:
        """A new speaker's phrase completed from the article: a surname's full name, an
        organisation's state."""
        if subject.pronoun:
            return subject, "pronoun"
        if subject.written and len(subject.written.split()) == 1:
            # "Wu said" after "Foreign Minister Joseph Wu spoke": the person named in full earlier,
            # who beats a dictionary's person of the same surname ("Harris" for "Simon Harris")
            earlier = self.antecedents.named_before(subject.written, head)
            if earlier is not None:
                if subject.name and earlier.name and subject.name.lower() != earlier.name.lower():
                    subject = replace(subject, name=None, actor=None, mention_id=None)
                return _fill(subject, earlier), "name"
        if (
            subject.role
            and subject.definite
            and not subject.name
            and (subject.contextual or not subject.actor)
        ):
            # "the ambassador said" after "Taiwan's ambassador, Chen Chih-ming, stood beside him"
            earlier = self.antecedents.role_before(subject.role, head)
            if earlier is not None:
                return _fill(replace(subject, actor=None), earlier), "role"
        if subject.name or not (subject.contextual or not subject.actor):
            return subject, rule
        if (subject.organization or subject.role) and self.antecedents.possessor_its(head):
            # "its foreign ministry said": the state or body named last before it
            owner = self.antecedents.actor_before(head)
            if owner is not None:
                return replace(subject, actor=owner, contextual=False), "possessor"
        if not subject.organization:
            return subject, rule
        # "the ministry said": the ministry of the minister or the state last heard speaking
        context = next((k for k in reversed(self.history) if _same_body(subject, k.speaker)), None)
        context = context or next((k for k in reversed(self.history) if _government(k.speaker)), None)
        if context is not None:
            return replace(subject, actor=context.speaker.actor), "organisation-context"
        return subject, rule

    def _determined(self, head: int) -> bool:
        """Whether a noun is made definite: "the statement", "its letter" (not "posts on Telegram")."""
        return any(
            self.tokens[c].dep == "poss" or self.tokens[c].text.lower() in ("the", "this", "that")
            for c in self.reader.children.get(head, ())
        )

    def _again(self, known: _Known, subject: Subject, head: int) -> Speaker:
        """An earlier speaker speaking again: completed by the new phrase and moved to the front."""
        rule = _continuation_rule(subject)
        known.speaker = _merge(known.speaker, subject, rule)
        known.gender = known.gender or subject.gender
        known.position = head
        self.history.remove(known)
        self.history.append(known)
        return known.speaker

    def _antecedent(self, subject: Subject, head: int, continuing: bool = False) -> _Known | Subject | None:
        """What a pronoun without a resolved mention stands for: the nearest compatible earlier
        speaker, or a person (for "he"/"she") or actor (for "it"/"they") named closer before it."""
        known = max(
            (k for k in self.history if _continues(subject, k) and k.position < head),
            key=lambda k: k.position,
            default=None,
        )
        floor = known.position if known else -1
        if subject.pronoun in ("he", "she"):
            person = self.antecedents.person_before(head, floor)
            # a person named since the last speaker takes over only as a subject ("X told Y ...,
            # he said" is still X)
            subject_since = person is not None and self.tokens[person].dep in ("nsubj", "nsubjpass")
            if person is not None and ((subject_since and not continuing) or known is None):
                named = self.reader.describe(person)
                same = next(
                    (
                        k
                        for k in self.history
                        if k.speaker.name and named.name and same_person(named.name, k.speaker.name)
                    ),
                    None,
                )
                return same or named
        else:
            actors = [
                m
                for m in self.mentions
                if floor < m.head < head
                and m.kind not in ("person", "pronoun", "place")
                and self.antecedents.main_subject(self.antecedents.noun_phrase_head(m.head))
                and not self.antecedents.in_quote(m.head)
            ]
            if actors:
                return self.reader.from_mention(actors[-1])
        return known

    def repeat(self, speaker: Speaker | None) -> Speaker | None:
        """An earlier speaker heard again (an unattributed quote paragraph continues its speaker)."""
        return replace(speaker, rule="previous-quote") if speaker is not None else None

    def _known_surname(self, word: str) -> bool:
        word = word.lower()
        return any(k.speaker.name and word in k.speaker.name.lower().split() for k in self.history)

    def _continued(self, subject: Subject) -> _Known | None:
        """The earlier speaker this subject continues, if any (nearest first)."""
        return next((k for k in reversed(self.history) if _continues(subject, k)), None)


def _government(speaker: Speaker) -> bool:
    """A nameless speaker for a government ("China said"), whose ministries speak for it too."""
    actor = speaker.actor
    return not speaker.name and actor is not None and actor.sector in (None, "GOV")


def _same_body(subject: Subject, speaker: Speaker) -> bool:
    """A speaker of the same kind of organisation ("Ministry" and "Foreign Ministry"), with an actor."""
    if not (speaker.organization and speaker.actor and subject.organization):
        return False
    return speaker.organization.split()[-1].lower() == subject.organization.split()[-1].lower()


def _says_who(subject: Subject) -> bool:
    return bool(subject.name or subject.role or subject.organization or subject.actor)


def _continues(subject: Subject, known: _Known) -> bool:
    """Whether ``subject`` can be the earlier speaker ``known`` again."""
    earlier = known.speaker
    if subject.refers_to is not None:
        same_name = bool(subject.name and earlier.name and earlier.name.lower() == subject.name.lower())
        return earlier.mention_id == subject.refers_to or same_name
    if subject.pronoun in ("he", "she"):
        return bool(earlier.name) and known.gender in (None, subject.gender)
    if subject.pronoun == "it":
        return not earlier.name
    if subject.pronoun == "they":
        return True
    if subject.written and earlier.name and same_person(subject.written, earlier.name):
        return True  # the article's own "Harris" beats a dictionary's other Harris
    if subject.name:
        return bool(earlier.name) and same_person(subject.name, earlier.name)
    if subject.organization and not subject.role and subject.definite and earlier.organization:
        if earlier.name:
            return False  # "the ministry" after its minister spoke is the ministry, not the minister
        # "the ministry" after "The Russian Foreign Ministry" spoke
        same_kind = earlier.organization.split()[-1].lower() == subject.organization.split()[-1].lower()
        return same_kind and (subject.contextual or not subject.actor or subject.actor == earlier.actor)
    if subject.role and subject.definite and (subject.contextual or not subject.actor):
        return bool(earlier.role) and role_key(earlier.role) == role_key(subject.role)
    return False


def _continuation_rule(subject: Subject) -> str:
    if subject.pronoun:
        return "pronoun"
    if subject.name:
        return "name"
    return "role" if subject.role else "organisation"


def _fill(subject: Subject, earlier: Subject) -> Subject:
    """A short phrase ("Wu") completed by the fuller one naming the same person earlier."""
    return replace(
        subject,
        name=earlier.name,
        role=subject.role or earlier.role,
        organization=subject.organization or earlier.organization,
        actor=subject.actor or earlier.actor,
        mention_id=subject.mention_id or earlier.mention_id,
        gender=subject.gender or earlier.gender,
    )


def _merge(earlier: Speaker, subject: Subject, rule: str) -> Speaker:
    """The earlier speaker, completed by anything the new phrase adds (a role, an actor)."""
    return Speaker(
        name=earlier.name or subject.name,
        role=earlier.role or subject.role,
        organization=earlier.organization or subject.organization,
        actor=earlier.actor or subject.actor,
        mention_id=earlier.mention_id or subject.mention_id,
        rule=rule,
    )
