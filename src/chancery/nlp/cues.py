"""Speech cues: the verbs and phrases that attribute words to a speaker, read from the parse.

Reported speech is a speech verb with a clausal complement ("X said (that) ...", "X told
reporters ...") or a clause attributed by "according to X".  The speaker phrase of a cue is
the verb's subject, or its governing verb's subject for "..., adding that ...".
"""

from __future__ import annotations

from dataclasses import dataclass

from chancery.records import Sentence, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# verbs whose clausal complement is reported speech
REPORT_VERBS = _words(
    "say tell state add note stress emphasise emphasize underline underscore insist warn claim "
    "declare announce reiterate confirm explain argue maintain assert acknowledge admit repeat "
    "write tweet reply respond report caution contend allege observe remark concede affirm "
    "reaffirm recall"
)
# verbs that can introduce a direct quote, including partial ones ("called the vote \"a farce\"")
DIRECT_VERBS = REPORT_VERBS | _words("ask call describe continue urge post put conclude begin recall")
# inverted attributions put the subject after the verb: "..., said Mao Ning."
# ("told X" never inverts: X is who was told)
_INVERTIBLE = frozenset({"say", "add", "ask", "continue", "write", "reply", "state", "note"})
_WH = frozenset({"WDT", "WP", "WP$", "WRB"})
_QUESTION_MARKS = frozenset({"whether", "if"})
_NEGATIONS = frozenset({"not", "n't", "never"})
_NOT_YET_AUX = frozenset({"will", "'ll", "shall", "may", "might", "could", "should", "must", "can"})
_NOT_YET_HEADS = frozenset(
    {"expect", "plan", "intend", "want", "hope", "due", "set", "likely", "schedule", "go"}
)


@dataclass(frozen=True)
class Cue:
    """A speech cue: its text, the token it sits on, and the head of its speaker phrase."""

    text: str
    token: int
    speaker_head: int | None
    lemma: str = ""


@dataclass(frozen=True)
class Reported:
    """An indirect quote found from a cue: the reported clause ``[start, end)`` and its cue."""

    start: int
    end: int
    cue: Cue


class Parse:
    """The article's tokens with child lists, for walking the dependency tree."""

    def __init__(self, tokens: tuple[Token, ...], sentences: tuple[Sentence, ...]):
        self.tokens = tokens
        self.sentences = sentences
        self.children: dict[int, list[int]] = {}
        for token in tokens:
            if token.head != token.i:
                self.children.setdefault(token.head, []).append(token.i)

    def kids(self, i: int, *deps: str) -> list[int]:
        """The children of token ``i``, only those with one of ``deps`` when given."""
        return [c for c in self.children.get(i, ()) if not deps or self.tokens[c].dep in deps]

    def subtree(self, i: int) -> tuple[int, int]:
        """The first and last token index of ``i``'s subtree."""
        low = high = i
        stack = [i]
        while stack:
            node = stack.pop()
            low, high = min(low, node), max(high, node)
            stack.extend(self.children.get(node, ()))
        return low, high

    def cue_at(self, i: int) -> Cue | None:
        """The cue on token ``i`` if it is a speech verb or the "according" of "according to"."""
        token = self.tokens[i]
        if token.text.lower() == "according":
            to = self.kids(i, "prep")
            if to and self.tokens[to[0]].text.lower() == "to":
                objects = self.kids(to[0], "pobj")
                return Cue("according to", i, objects[0] if objects else None, "according to")
            return None
        if token.pos in ("VERB", "AUX") and token.lemma.lower() in DIRECT_VERBS:
            return Cue(token.text, i, self.speaker_of(i), token.lemma.lower())
        return None

    def speaker_of(self, verb: int) -> int | None:
        """The head token of the speaker phrase of a speech verb."""
        seen = set()
        while verb not in seen:
            seen.add(verb)
            token = self.tokens[verb]
            quoted = self.kids(verb, "dobj") if token.lemma.lower() == "quote" else []
            if quoted:
                return quoted[0]  # "Reuters quoted Wang Yi as saying": Wang Yi speaks
            subjects = self.kids(verb, "nsubj", "nsubjpass")
            if subjects:
                subject = self.tokens[subjects[0]]
                if subject.dep == "nsubjpass" and subject.text.lower() == "it":
                    return None  # "it was reported that": nobody in particular
                if subject.tag in _WH and token.dep == "relcl":
                    # "Wang Yi, the party's top official, who told him": the noun "who" stands for
                    noun = token.head
                    while self.tokens[noun].dep == "appos" and self.tokens[noun].head != noun:
                        noun = self.tokens[noun].head
                    return noun
                return subjects[0]
            before = self.tokens[verb - 1] if verb > 0 else None
            if before is not None and token.dep != "relcl" and _name_taken_for_a_word(before, token):
                return verb - 1  # "..., May said": a name the tagger took for a word
            if token.lemma.lower() in _INVERTIBLE:
                after = [
                    c
                    for c in self.kids(verb, "dobj", "attr", "npadvmod", "appos", "oprd", "dep")
                    if c > verb and self.tokens[c].pos in ("PROPN", "NOUN")
                ]
                if after and self.tokens[after[0]].lemma.lower() not in ("reporter", "journalist"):
                    return after[0]
            # "..., adding that ...", "she paused and added": the governing verb's subject speaks
            if token.dep in ("advcl", "conj", "xcomp") and token.head != verb:
                verb = self._speech_ancestor(verb) if token.tag == "VBG" else token.head
                continue
            if token.dep == "pcomp" and self.tokens[token.head].dep == "prep":
                verb = self.tokens[token.head].head  # "was quoted as saying"
                continue
            return None
        return None

    def _speech_ancestor(self, verb: int) -> int:
        """For "..., adding that": the speech verb it continues, though the parse may hang the
        participle on a verb inside the first report ("said that X would not ..., adding")."""
        node = self.tokens[verb].head
        while self.tokens[node].head != node and self.tokens[node].lemma.lower() not in DIRECT_VERBS:
            node = self.tokens[node].head
        return node if self.tokens[node].lemma.lower() in DIRECT_VERBS else self.tokens[verb].head

    def reporting_candidates(self) -> list[Token]:
        """The only tokens ``according_to`` or ``reported`` can find a clause on: "according" and verbs."""
        return [t for t in self.tokens if t.pos == "VERB" or t.text.lower() == "according"]

    def reported(self, verb: int) -> Reported | None:
        """The clause a speech verb reports, if it has one and states something."""
        token = self.tokens[verb]
        if token.pos != "VERB" or token.lemma.lower() not in REPORT_VERBS:
            return None
        if any(self.tokens[c].text.lower() in _NEGATIONS for c in self.kids(verb, "neg")):
            return None  # "did not say that ...": nothing was stated
        if self._not_yet_said(verb):
            return None  # "is expected to announce that ...", "will say that ...": not said yet
        complements = self.kids(verb, "ccomp") or self._that_clause_on_object(verb)
        if not complements:
            return self._parenthetical(verb) if token.dep == "parataxis" else None
        clause = complements[0]
        marks = [self.tokens[c].text.lower() for c in self.kids(clause, "mark")]
        if set(marks) & _QUESTION_MARKS:
            return None  # "declined to say whether ...": a question, not a statement
        own_subjects = [
            s for s in self.kids(clause, "nsubj", "nsubjpass", "expl") if self.tokens[s].tag not in _WH
        ]
        if token.dep == "relcl" and not own_subjects:
            return None  # "a balloon that Washington said was used for spying": no clause of its own
        if self.tokens[clause].pos not in ("VERB", "AUX") and "that" not in marks:
            return None  # "declared the ambassador persona non grata": a verdict, not a statement
        low, high = self.subtree(clause)
        subjects = self.kids(clause, "nsubj", "nsubjpass", "expl")
        for child in self.kids(clause, "prep", "npadvmod"):
            # "said on Friday it would ...": the parse may hang the saying's time on the clause
            if child == low and subjects and self.subtree(child)[1] < subjects[0] and child < clause:
                low = self.subtree(child)[1] + 1
        for k in range(clause + 1, high + 1):
            # "..., according to state media": the source of the report, not what was reported
            if self.tokens[k].text.lower() == "according" and self.subtree(k)[1] >= high - 1:
                high = k - 1
                break
        for child in self.kids(clause, "advcl"):
            # ", escalating a dispute ...": the writer's gloss on the report, not part of it
            if child > clause and self.tokens[child].tag == "VBG" and self.tokens[child - 1].text == ",":
                high = min(high, child - 2)
        # the complementiser, even where the tagger took "that" for a pronoun
        while low < high and (
            self.tokens[low].dep == "mark"
            or self.tokens[low].pos in ("PUNCT", "SPACE")
            or (
                self.tokens[low].text.lower() == "that"
                and low < clause
                and "subj" not in self.tokens[low].dep
            )
        ):
            if self.tokens[low].text in ('"', "“", "«"):
                break
            low += 1
        if self.tokens[low].tag in _WH:
            return None
        low, high = self.trim(self.after_dateline(low, high), high)
        speaker = self.speaker_of(verb)
        if speaker is None and high < verb:
            # "<clause>, Melanie Joly, the foreign minister, said": the parse sometimes swallows
            # the speaker into the clause; a name set off by a comma just before the verb speaks
            low, high, speaker = self._swallowed_speaker(low, high)
        if high - low < 1:
            return None
        return Reported(
            self.tokens[low].start, self.tokens[high].end, Cue(token.text, verb, speaker, token.lemma.lower())
        )

    def _not_yet_said(self, verb: int) -> bool:
        """A statement announced for later or only possible: "will say", "is expected to announce"."""
        if any(self.tokens[c].text.lower() in _NOT_YET_AUX for c in self.kids(verb, "aux")):
            return True
        token = self.tokens[verb]
        return token.dep == "xcomp" and self.tokens[token.head].lemma.lower() in _NOT_YET_HEADS

    def _swallowed_speaker(self, low: int, high: int) -> tuple[int, int, int | None]:
        """Split "<clause>, <Name>[, <role>]" into the clause and the name's head, if it ends so."""
        for k in range(low + 1, high + 1):
            if self.tokens[k].ent_type == "PERSON" and self.tokens[k - 1].text == ",":
                last = k
                while last + 1 <= high and self.tokens[last + 1].ent_type == "PERSON":
                    last += 1
                rest = range(last + 1, high + 1)
                if all(
                    self.tokens[r].head in range(k, high + 1) or self.tokens[r].pos == "PUNCT" for r in rest
                ):
                    clause_low, clause_high = self.trim(low, k - 2)
                    return clause_low, clause_high, last
        return low, high, None

    def _that_clause_on_object(self, verb: int) -> list[int]:
        """ "said in a statement that ...", "told a news conference that ...": the parse may hang
        the reported clause on the noun rather than the verb."""
        nouns = self.kids(verb, "dobj", "dative")
        for prep in self.kids(verb, "prep"):
            nouns += self.kids(prep, "pobj")
        for noun in sorted(nouns):
            for clause in self.kids(noun, "acl", "ccomp", "relcl"):
                if any(self.tokens[m].text.lower() == "that" for m in self.kids(clause, "mark")):
                    return [clause]
        return []

    def _parenthetical(self, verb: int) -> Reported | None:
        """ "The envoy left, the ministry said, without ...": the parse hangs the speech verb on the
        clause it reports; the clause is what remains before (or after) the attribution."""
        low, high = self.subtree(self.tokens[verb].head)
        first, last = self.subtree(verb)
        if first > low and all(self.tokens[k].pos in ("PUNCT", "SPACE") for k in range(last + 1, high + 1)):
            start, end = self.trim(low, first - 1)
        elif first <= low:
            start, end = self.trim(last + 1, high)
        else:
            return None
        if end <= start:
            return None
        start = self.after_dateline(start, end)
        token = self.tokens[verb]
        return Reported(
            self.tokens[start].start,
            self.tokens[end].end,
            Cue(token.text, verb, self.speaker_of(verb), token.lemma.lower()),
        )

    def according_to(self, i: int) -> Reported | None:
        """The clause attributed by "according to X" on token ``i``, or None."""
        if self.tokens[i].text.lower() != "according":
            return None  # only "according" can carry that cue (and speech verbs' cues cost more)
        cue = self.cue_at(i)
        if cue is None or cue.text != "according to":
            return None
        low, high = self.subtree(i)
        sentence = self.sentences[self.tokens[i].sentence]
        first, last = self.trim(sentence.first, sentence.last - 1)
        if low <= first:  # "According to X, <clause>."
            start, end = self.trim(high + 1, last)
        elif high >= last or all(self.tokens[k].pos in ("PUNCT", "SPACE") for k in range(high + 1, last + 1)):
            start, end = self.trim(first, low - 1)  # "<clause>, according to X."
        else:
            start, end = first, last  # "<part>, according to X, <part>": the whole sentence
        start = self.after_dateline(start, end)
        if end <= start:
            return None
        return Reported(self.tokens[start].start, self.tokens[end].end, cue)

    def after_dateline(self, low: int, high: int) -> int:
        """Skip a wire dateline ("BOGOTÁ —", "MOSCOW, July 4 (Reuters) -") opening the clause."""
        for k in range(low, min(high, low + 12)):
            token = self.tokens[k]
            if token.text in ("—", "–", "--", "-") and k > low:
                return k + 1
            dateline = (
                token.text.isupper() or token.pos in ("PUNCT", "NUM", "SPACE") or token.ent_type == "DATE"
            )
            if not dateline and not (token.pos == "PROPN" and k > low):
                return low
        return low

    def trim(self, low: int, high: int) -> tuple[int, int]:
        """Drop punctuation and spaces at both ends, keeping a quotation mark that closes inside."""
        while low <= high and self.tokens[low].pos in ("PUNCT", "SPACE") and not _is_mark(self.tokens[low]):
            low += 1
        while high >= low and self.tokens[high].pos in ("PUNCT", "SPACE"):
            if _is_mark(self.tokens[high]) and any(_is_mark(self.tokens[k]) for k in range(low, high)):
                break
            high -= 1
        if (
            low <= high
            and _is_mark(self.tokens[low])
            and not any(_is_mark(self.tokens[k]) for k in range(low + 1, high + 1))
        ):
            low += 1  # an opening mark whose quote ends outside the clause
        return low, high


def _name_taken_for_a_word(before: Token, verb: Token) -> bool:
    """A capitalised modal before a past-tense verb ("May told") cannot be a modal: it is a name."""
    if before.ent_type == "PERSON":
        return True
    return before.tag == "MD" and verb.tag == "VBD" and before.text[:1].isupper()


def _is_mark(token: Token) -> bool:
    return token.text in ('"', "“", "”", "«", "»", "'", "‘", "’")
