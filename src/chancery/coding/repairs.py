"""Misreadings of the parser that the coder undoes before it reads a sentence: each is a shape the
model gets wrong often enough in wire copy to cost events, undone only where the shape is unambiguous."""

from __future__ import annotations

from dataclasses import replace

from chancery.clauses import across_semicolon
from chancery.records import Token

# prepositions whose gerund complement the parser may take for a modifier of its object
GERUND_PREPS = {"in", "by", "for", "after", "before", "on", "without"}

# nouns whose "of" takes a gerund the parser may misread as a modifier ("no intention of breaking relations")
GERUND_NOUNS = {
    "intention", "intent", "plan", "hope", "aim", "desire", "wish", "thought", "idea", "question",
    "possibility", "prospect",
}  # fmt: skip


# adverbs of direction whose preposition belongs to the verb ("back to Israel", "away from Kabul")
PARTICLE_ADVERBS = {"back", "away", "home", "over", "out"}


def repaired(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The parse with two misreadings undone. "followed the UAE in normalising ties with Israel": the
    parser hangs the gerund on its object as a modifier ("normalising ties": amod) and the object on the
    preposition; the gerund becomes the preposition's complement again, the noun its object. "TAIPEI -
    Nauru severed ...": a sentence's first name, read as an adverbial of the subjectless verb after it,
    is its subject. "demanded that the United States extradite Gulen": a clause's bare verb, tagged an
    adjective though it has a subject and an object, is the verb it is. A clause before a semicolon is
    never the complement of the verb after it."""
    fixed = list(tokens)
    for t in tokens:
        if t.tag != "VBG" or t.dep != "amod" or t.head != t.i + 1 or t.head >= len(tokens):
            continue
        noun = tokens[t.head]
        prep = tokens[noun.head]
        held = prep.lemma.lower() == "of" and tokens[prep.head].lemma.lower() in GERUND_NOUNS
        if noun.dep != "pobj" or prep.pos != "ADP" or (prep.lemma.lower() not in GERUND_PREPS and not held):
            continue
        if any(k.head == noun.i and k.dep in {"det", "poss", "nummod"} for k in tokens[prep.i : noun.i]):
            continue  # "in the ruling party", "in its growing role": a modifier after all
        fixed[t.i] = replace(t, dep="pcomp", head=prep.i)
        fixed[noun.i] = replace(noun, dep="dobj", head=t.i)
    subject_heads = {k.head for k in tokens if k.dep in {"nsubj", "nsubjpass", "expl"}}
    for t in tokens:
        # "TAIPEI - Nauru severed relations with Taiwan": after a blanked dateline the parser may read
        # the sentence's first name as an adverbial of the verb it opens; it is the verb's subject
        named = t.pos == "PROPN" or (t.pos == "ADV" and t.text.istitle())  # "Nauru" tagged RB
        if not named or t.dep not in {"advmod", "npadvmod", "nmod", "dep"} or t.head != t.i + 1:
            continue
        verb = tokens[t.head]
        first = t.i == 0 or tokens[t.i - 1].sentence != t.sentence or not tokens[t.i - 1].text.strip()
        if first and verb.tag in {"VBD", "VBZ", "VBP"} and verb.i not in subject_heads:
            fixed[t.i] = replace(t, dep="nsubj")
    for t in tokens:
        # "Moscow ordered 20 staff to leave; the ministry denied any role in ...": the parser may hang the
        # clause before a semicolon on the verb after it, as what was denied; the two are told apart
        clause = t.dep in {"ccomp", "advcl", "parataxis", "dep"} and t.pos in {"VERB", "AUX"}
        if clause and across_semicolon(tokens, t.i):
            fixed[t.i] = replace(fixed[t.i], dep="ROOT", head=t.i)
    objects_of = {k.head for k in tokens if k.dep == "dobj"}
    for t in tokens:
        # an adjective takes no direct object: with a subject and one, the word is a (subjunctive) verb
        if t.pos == "ADJ" and t.dep in {"ccomp", "xcomp", "conj"} and t.i in subject_heads & objects_of:
            fixed[t.i] = replace(fixed[t.i], pos="VERB", tag="VB")
    for t in tokens:
        # "sent their ambassadors back to Israel": the parser may hang "to Israel" on "back"; the verb's
        # direction is where the ambassadors go
        adverb = tokens[t.head]
        if t.dep == "prep" and adverb.dep == "advmod" and adverb.text.lower() in PARTICLE_ADVERBS:
            verb = tokens[adverb.head]
            if verb.pos in {"VERB", "AUX"} and verb.i != adverb.i:
                fixed[t.i] = replace(fixed[t.i], head=verb.i)
    for t in tokens:
        # "declared Australia's high commissioner persona non grata, accusing him of ...": the parser may
        # read "commissioner persona" as a clause of its own; the envoy is the verb's object, the phrase
        # its predicate, and what hangs on the phrase hangs on the verb
        if t.text.lower() != "persona" or t.dep not in {"ccomp", "xcomp"} or t.head == t.i:
            continue
        if t.i + 2 >= len(tokens) or tokens[t.i + 2].text.lower() != "grata":
            continue
        verb = t.head
        fixed[t.i] = replace(fixed[t.i], dep="oprd")
        for k in tokens:
            if k.head == t.i and k.dep in {"nsubj", "nsubjpass"}:
                fixed[k.i] = replace(fixed[k.i], dep="dobj", head=verb)
            elif k.head == t.i and k.dep in {"advcl", "npadvmod"} and k.i > t.i + 2:
                fixed[k.i] = replace(fixed[k.i], head=verb)
    infinitives = {k.head for k in tokens if k.dep == "aux" and k.tag == "TO"}
    for t in tokens:
        # "agreed to restore the ties that were cut in 1993 and to exchange ambassadors": the parser may join
        # an infinitive to a finite verb of the clause before it; an infinitive is joined to an infinitive
        if t.dep != "conj" or t.i not in infinitives or t.head in infinitives:
            continue
        node = fixed[t.head]
        while node.head != node.i and node.i not in infinitives:
            node = fixed[node.head]
        if node.i in infinitives and node.i != t.i and tokens[node.i].sentence == t.sentence:
            fixed[t.i] = replace(fixed[t.i], head=node.i)
    for t in tokens:
        # "had called home its chiefs of mission": the parser may read "home" and the envoys as two
        # predicates of the verb; "home" is its particle and the envoys its object
        if t.dep == "oprd" and t.text.lower() in PARTICLE_ADVERBS and t.head == t.i - 1:
            held = [k for k in tokens if k.head == t.head and k.dep == "oprd" and k.i > t.i]
            if held:
                fixed[t.i] = replace(fixed[t.i], dep="prt")
                fixed[held[0].i] = replace(fixed[held[0].i], dep="dobj")
    for t in tokens:
        # "will recognise Palestine unless Israel takes steps to end the war, agrees to a ceasefire and
        # commits to peace": the parser may join the conditions after the first to the main verb; a
        # subjectless verb in the form of the condition's, not of the verb it hangs on, right after the
        # condition, is one more
        condition = _condition_before(tokens, t)
        if condition is not None:
            fixed[t.i] = replace(fixed[t.i], head=condition)
    for t in tokens:
        # "Pakistan would never recognise Israel unless the Palestinians got a state, ruling out ...": the
        # parser may hang a closing participle clause on the verb of the subordinate clause before it; a
        # comma-led participle without a subject of its own tells of the clause that subordinate one serves
        clause = _marked_clause_above(fixed, t)
        if clause is not None:
            fixed[t.i] = replace(fixed[t.i], head=fixed[clause].head)
    return tuple(fixed)


# the marks of a subordinate adverbial clause that a closing participle clause does not belong to
SUBORDINATE_MARKS = {"unless", "if", "until", "because", "although", "though", "once", "since", "till"}


def _marked_clause_above(tokens: list[Token], t: Token) -> int | None:
    """The marked adverbial clause a closing participle ``t`` was hung inside of, else None."""
    if t.dep != "advcl" or t.tag != "VBG" or t.i == 0 or tokens[t.i - 1].text != ",":
        return None
    if any(k.head == t.i and k.dep in {"nsubj", "nsubjpass", "mark"} for k in tokens):
        return None
    node = tokens[t.head]
    while node.head != node.i and node.i < t.i:
        marks = {k.lemma.lower() for k in tokens if k.head == node.i and k.dep == "mark"}
        if node.dep == "advcl" and marks & SUBORDINATE_MARKS:
            return node.i
        if node.dep not in {"conj", "xcomp", "ccomp", "advcl", "relcl", "acl"}:
            return None
        node = tokens[node.head]
    return None


# the marks of a condition clause ("if", "unless", "until" ...); kept here, below structure, so that the
# repairs and coding.conditions (which structure's Tree precedes) read one list
CONDITION_MARKS = {"if", "unless", "until", "provided", "providing", "once", "till", "as long as"}
# nouns whose "that" clause states a condition ("on condition that it respects the borders")
CONDITION_NOUNS = {"condition", "proviso", "provision", "understanding"}


def _condition_before(tokens: tuple[Token, ...], t: Token) -> int | None:
    """The verb of the condition clause just before conjunct ``t``, when ``t`` is one more condition the
    parser joined to the main verb, else None."""
    head = tokens[t.head]
    # a condition told in the present ("unless Israel takes ..., agrees ..."): past forms are too often
    # mistagged ("and imposed sanctions", a past tense tagged as a participle) to tell the clauses apart
    if t.dep != "conj" or t.tag not in {"VBZ", "VBP"} or t.head >= t.i or t.tag == head.tag:
        return None
    if any(k.head == t.i and k.dep in {"nsubj", "nsubjpass"} for k in tokens):
        return None
    start = t.i - 1
    while start >= 0 and tokens[start].text.lower() in {",", "and", "or"}:
        start -= 1
    # the verb of the clause that ends right before the conjunct, under the verb it hangs on
    clause = start
    while clause >= 0 and tokens[clause].head != clause and clause != t.head:
        node = tokens[clause]
        if node.pos in {"VERB", "AUX"} and node.dep in {"advcl", "acl"} and node.tag == t.tag:
            marks = {k.lemma.lower() for k in tokens if k.head == node.i and k.dep == "mark"}
            noun = tokens[node.head]
            if marks & CONDITION_MARKS or ("that" in marks and noun.lemma.lower() in CONDITION_NOUNS):
                return node.i
        clause = node.head
    return None
