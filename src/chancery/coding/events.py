"""Event coding: ``ParsedArticle`` → ``CodedArticle`` with CAMEO, PLOVER, negation, modality and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from chancery.coding.arguments import ACT_NOUNS, ActorIndex
from chancery.coding.codebook import Codebook
from chancery.coding.modality import Analysis, analyse
from chancery.coding.patterns import Governor, Matcher, Pattern, load_governors, load_patterns
from chancery.coding.structure import ARGUMENT_PREPS, CLAUSAL_DEPS, Tree
from chancery.records import Actor, CodedArticle, Event, Evidence, ParsedArticle, Sentence, content_id

# roots whose announced intention CAMEO codes as a threat (13), not an intent to cooperate (03)
CONFLICT_ROOTS = ("14", "15", "16", "17", "18", "19", "20")
# events whose object may be another actor's act ("welcomed Russia's decision to ...")
POSITION_ROOTS = ("051", "052", "110", "111", "112", "120", "022", "102")


@dataclass(frozen=True, eq=False)
class Coder:
    """The loaded codebook and patterns; build once with ``Coder.load()``."""

    codebook: Codebook | None = None
    patterns: tuple[Pattern, ...] = ()
    governors: dict[tuple[str, str], Governor] = field(default_factory=dict)
    matcher: Matcher | None = None

    @classmethod
    def load(cls) -> Coder:
        """Read the codebook, the event patterns and the governing words from ``chancery/data``."""
        patterns = load_patterns()
        return cls(
            codebook=Codebook.load(),
            patterns=patterns,
            governors=load_governors(),
            matcher=Matcher(patterns),
        )


@dataclass
class Draft:
    """One trigger's clause before it becomes events: pattern, arguments and modality."""

    i: int
    pattern: Pattern
    analysis: Analysis
    sources: list[tuple[Actor, str, str | None]]
    source_note: str
    date: tuple[str | None, str, str, str]
    code: str = ""
    targets: list[tuple[Actor, str, str | None]] = field(default_factory=list)
    relation: str | None = None
    detail: str | None = None
    act: str | None = None
    suppressed: bool = False
    events: list[Event] = field(default_factory=list)


def code_article(parsed: ParsedArticle, coder: Coder) -> CodedArticle:
    """Code every event of ``parsed`` with ``coder``."""
    if coder.matcher is None:
        coder = Coder.load()
    tree = Tree(parsed.tokens)
    index = ActorIndex(parsed, tree)
    events: list[Event] = []
    for sentence in parsed.sentences:
        events.extend(_code_sentence(parsed, coder, tree, index, sentence))
    return CodedArticle(
        article=parsed.article,
        events=tuple(events),
        quotes=parsed.quotes,
        sentences=parsed.sentences,
        mentions=parsed.mentions,
    )


def _code_sentence(
    parsed: ParsedArticle, coder: Coder, tree: Tree, index: ActorIndex, sentence: Sentence
) -> list[Event]:
    assert coder.matcher is not None and coder.codebook is not None
    triggers: dict[int, Pattern] = {}
    for i in range(sentence.first, sentence.last):
        pattern = coder.matcher.match(tree, i, index.is_actor)
        if pattern is not None:
            triggers[i] = pattern
    for i, pattern in list(triggers.items()):
        if pattern.pos == "V" and pattern.objects:
            # "extended recognition", "suspended its part in the talks": one event, on the verb
            for arg in _argument_tokens(tree, i):
                for node in tree.subtree(arg, stop=CLAUSAL_DEPS):
                    if node in triggers and triggers[node].pos == "N" and tree.lemma(node) in pattern.objects:
                        del triggers[node]
    if not triggers:
        return []
    text = parsed.article.text
    question = text[sentence.start : sentence.end].rstrip().endswith("?")
    frames = {i: p.frame for i, p in triggers.items() if p.frame}
    drafts: dict[int, Draft] = {}
    for i, pattern in triggers.items():
        analysis = analyse(tree, i, coder.governors, frames, text, question)
        date = _date(parsed, sentence, tree, i)
        if pattern.pos == "V":
            source_tokens, how = tree.subjects(i)
        else:
            source_tokens, how = tree.noun_agent(i)
            if how == "modifier-agent" and "nomod" in pattern.flags:
                source_tokens, how = [], "modifier-is-not-agent"
        sources = index.resolve(source_tokens, date[0])
        drafts[i] = Draft(i, pattern, analysis, sources, "source:" + how, date, code=pattern.cameo)
    for draft in drafts.values():
        draft.sources.extend(_elliptical_sources(tree, index, draft))
        if not draft.sources and "mutual" in draft.pattern.flags:
            between = tree.prep_objects(draft.i, "between")  # "relations were established between A and B"
            draft.sources = index.resolve(between, draft.date[0])
            draft.source_note = "source:mutual-between"
        draft.targets = _targets(tree, index, draft)
        if draft.source_note == "source:clause-subject" and not draft.targets:
            draft.suppressed = True  # "urged X ... during talks": whose talks, with whom, is unknown
        if "reverse" in draft.pattern.flags:
            draft.sources, draft.targets = draft.targets, draft.sources
            draft.source_note += ":reversed"
    _apply_frames(tree, index, coder.codebook, drafts)
    for draft in drafts.values():
        bare = "bare" in draft.pattern.flags and _governs_other(tree, drafts, draft.i)
        # an appeal made during a call or meeting ("called X to urge restraint") is still an event,
        # the purpose of a protest ("rallied to demand reforms") is not
        head = drafts.get(tree.tokens[draft.i].head)
        spoken = (
            draft.pattern.frame in {"request", "demand"} and head is not None and head.code.startswith("04")
        )
        background = draft.analysis.background and not spoken
        if bare or "silent" in draft.pattern.flags or background:
            draft.suppressed = True
    extras = []
    for draft in drafts.values():
        if draft.pattern.also and draft.pattern.also in coder.matcher.by_id:
            extra = Draft(**{**draft.__dict__, "pattern": coder.matcher.by_id[draft.pattern.also]})
            extra.code = extra.pattern.cameo
            extra.targets = _targets(tree, index, extra)
            extras.append(extra)
    # nested acts first, so their ids exist when the events about them are built
    order = sorted([*drafts.values(), *extras], key=lambda d: _depth(tree, d.i), reverse=True)
    events: list[Event] = []
    live = [d for d in order if not d.suppressed]
    for draft in live:
        _nest(tree, drafts, draft)
        draft.events = _events(parsed, coder.codebook, sentence, draft)
    for draft in live:
        # an act noun beside a clause ("..., a step Israel condemned") may point at a shallower event
        if draft.act is None and _nest(tree, drafts, draft):
            draft.events = _events(parsed, coder.codebook, sentence, draft)
    for draft in live:
        events.extend(draft.events)
    events.sort(key=lambda e: (e.evidence.trigger_start or 0, e.source.code))
    return events


def _elliptical_sources(tree: Tree, index: ActorIndex, draft: Draft) -> list[tuple[Actor, str, str | None]]:
    """Subjects of an elliptical "as did X" clause share the event ("Portugal recognised, as did Spain")."""
    found = []
    for clause in tree.children(draft.i, "advcl"):
        if tree.lemma(clause) == "do" and any(tree.lemma(k) == "as" for k in tree.children(clause, "mark")):
            subjects = [s for k in tree.children(clause, "nsubj") for s in tree.with_conjuncts(k)]
            known = {s[0].code for s in draft.sources}
            found.extend(a for a in index.resolve(subjects, draft.date[0]) if a[0].code not in known)
    return found


def _governs_other(tree: Tree, drafts: dict[int, Draft], i: int) -> bool:
    clauses = [k for k in tree.children(i, "xcomp", "ccomp", "prep")]
    return any(d.i != i and any(d.i in tree.subtree(c) for c in clauses) for d in drafts.values())


def _argument_tokens(tree: Tree, i: int) -> list[int]:
    found = tree.objects(i) + tree.datives(i)
    for clause in tree.children(i, "ccomp", "xcomp"):
        found.extend(tree.children(clause, "nsubj"))
    for prep in tree.children(i, "prep", "agent"):
        found.extend(tree.children(prep, "pobj"))
    return found


def _targets(tree: Tree, index: ActorIndex, draft: Draft) -> list[tuple[Actor, str, str | None]]:
    """The target actors, from the pattern's roles in order (the first role that names one wins)."""
    i = draft.i
    day = draft.date[0]
    source_codes = {s[0].code for s in draft.sources}
    for role in draft.pattern.targets:
        if role == "dobj":
            tokens = tree.objects(i)
        elif role == "iobj":
            tokens = tree.datives(i)
        elif role.startswith("prep:"):
            tokens = tree.prep_objects(i, role[5:])
        elif role == "poss":
            tokens = tree.children(i, "poss")
        elif role == "obj":
            # the first argument that names an actor: "expelled Iranian diplomats in response to ..."
            for token in _argument_tokens(tree, i):
                head = tree.tokens[token].head
                if tree.tokens[head].pos == "ADP" and tree.lemma(head) not in ARGUMENT_PREPS - {"by"}:
                    continue
                together = tree.with_conjuncts(token)
                actors = [
                    a
                    for a in index.resolve(together, day, as_target=True)
                    if not _same_actor(a[0].code, source_codes)
                ]
                if actors:
                    return [(a, "target:obj", q) for a, _, q in actors]
            tokens = []
        else:
            tokens = []
        actors = [a for a in index.resolve(tokens, day, True) if not _same_actor(a[0].code, source_codes)]
        if actors:
            return [(a, f"target:{role}", q) for a, _, q in actors]
    if "parties" in draft.pattern.flags:
        return _parties(tree, index, draft, source_codes)
    if draft.pattern.pos == "V":
        # "offered to hand over to Great Britain two nationals": the target sits in the complement
        for clause in tree.children(i, "xcomp", "ccomp"):
            for token in _argument_tokens(tree, clause):
                actors = [
                    a for a in index.resolve([token], day, True) if not _same_actor(a[0].code, source_codes)
                ]
                if actors:
                    return [(a, "target:complement-argument", q) for a, _, q in actors]
    return []


def _parties(tree: Tree, index: ActorIndex, draft: Draft, source_codes: set[str]):
    """The subjects of the clause a mediation sits in ("restored ties in a deal brokered by China")."""
    node = draft.i
    for _ in range(4):
        token = tree.tokens[node]
        if token.head == node:
            return []
        node = token.head
        if tree.tokens[node].pos in {"VERB", "AUX"}:
            subjects = tree.subjects(node)[0]
            actors = [a for a in index.resolve(subjects, draft.date[0]) if a[0].code not in source_codes]
            return [(a, "target:parties-of-clause", q) for a, _, q in actors]
    return []


def _same_actor(code: str, others: set[str]) -> bool:
    """A target naming the source again ("Syria" for "Syria's government") is no target."""
    for other in others:
        if code == other or (code[:3] == other[:3] and min(len(code), len(other)) == 3):
            return not code.startswith("IGO")
    return False


def _apply_frames(tree: Tree, index: ActorIndex, codebook: Codebook, drafts: dict[int, Draft]) -> None:
    """Recode intents (03), and appeals, demands, refusals and threats after the act they govern."""
    for draft in drafts.values():
        a = draft.analysis
        willing = not a.negated or a.intent_by_governor  # "will not recognise" stays 054, negated
        intended = a.intent and willing and a.modality in {"intended", "conditional"}
        if intended and draft.code[:2] in CONFLICT_ROOTS:
            # CAMEO: announcing a coercive or violent act is a threat, made now and counted
            draft.code = codebook.recode("threat", draft.code)
            a.modality = "asserted"
            a.notes.append("threat:stated-intent-of-conflict")
        elif intended and not draft.code.startswith("03"):
            draft.code = codebook.recode("intent", draft.code)
    for draft in drafts.values():
        frame = draft.pattern.frame
        if frame is None:
            continue
        complement = _complement(tree, drafts, draft.i)
        if complement is None:
            if frame in {"request", "demand"} and not draft.targets:
                # "demanded that the EU reconnect ...": the addressee is the complement's subject
                clauses = tree.children(draft.i, "ccomp", "xcomp", "acl")
                subjects = [s for k in clauses for s in tree.children(k, "nsubj")]
                found = index.resolve(subjects, draft.date[0])
                if not found and tree.tokens[draft.i].dep == "advcl":  # "called X to urge restraint"
                    found = index.resolve(tree.objects(tree.tokens[draft.i].head), draft.date[0])
                draft.targets = [(a, "target:addressee-subject", q) for a, _, q in found]
            continue
        act = complement.pattern.cameo
        draft.code = codebook.recode(frame, act)
        if frame in {"refusal", "threat"}:
            complement.suppressed = True
            if not draft.targets:
                draft.targets = complement.targets
            if frame == "refusal" and complement.pattern.relation == "recognition:recognized":
                draft.relation = "recognition:not_recognized"
        else:
            complement.analysis.modality = "requested"
            if complement.sources and not draft.targets:
                draft.targets = [(a, "target:requested-actor", q) for a, _, q in complement.sources]
            if complement.pattern.pos == "N":
                complement.suppressed = True  # "called for a ceasefire": no one is asked to act
            mutual = "mutual" in complement.pattern.flags and len(complement.sources) > 1
            if not complement.targets and draft.sources and not mutual:
                # "Israel demanded that Hamas release the hostages": done for the one who asks
                complement.targets = [(a, "target:requester", q) for a, _, q in draft.sources]
        draft.detail = codebook.entry(act).name + " (" + tree.tokens[complement.i].text + ")"


def _complement(tree: Tree, drafts: dict[int, Draft], governor: int) -> Draft | None:
    """The act a request, demand, refusal or threat is about: the nearest trigger below it."""
    governed = [d for d in drafts.values() if d.analysis.governed_by == governor]
    if governed:
        return min(governed, key=lambda d: abs(d.i - governor))
    below = [
        d
        for d in drafts.values()
        if d.i != governor and d.i in tree.subtree(governor, stop={"relcl", "advcl", "nsubj", "ccomp"})
    ]
    return min(below, key=lambda d: _depth(tree, d.i), default=None)


def _nest(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> bool:
    """Support or condemnation of another actor's act targets that actor and names the act."""
    if not draft.code.startswith(POSITION_ROOTS) or draft.pattern.frame:
        return False
    heads = _argument_tokens(tree, draft.i) if draft.pattern.pos == "V" else _noun_objects(tree, draft.i)
    token = tree.tokens[draft.i]
    for head in heads:
        if not (tree.lemma(head) in ACT_NOUNS or head in drafts):
            continue
        inner = [d for d in drafts.values() if d.i != draft.i and d.i in tree.subtree(head) and d.events]
        if not inner and token.dep == "relcl" and head == token.head:
            # "..., a step Israel condemned": the step stands for the clause it hangs beside
            node = head
            for _ in range(3):
                node = tree.tokens[node].head
                inner = [d for d in drafts.values() if d.i == node and d.events]
                if inner or tree.tokens[node].head == node:
                    break
        if not inner:
            continue
        nested = min(inner, key=lambda d: _depth(tree, d.i))
        first = nested.events[0]
        actors = {e.source.code: e.source for e in nested.events}
        draft.targets = [(a, "target:actor-of-nested-act", None) for a in actors.values()]
        target = first.target.code if first.target else "?"
        draft.detail = f"{first.cameo} {first.cameo_name}: {first.source.code}→{target}"
        draft.act = first.id
        return True
    return False


def _noun_objects(tree: Tree, i: int) -> list[int]:
    found = []
    for prep in tree.children(i, "prep"):
        found.extend(tree.children(prep, "pobj"))
    return found


def _depth(tree: Tree, i: int) -> int:
    depth = 0
    while tree.tokens[i].head != i and depth < 100:
        i = tree.tokens[i].head
        depth += 1
    return depth


def _events(parsed: ParsedArticle, codebook: Codebook, sentence: Sentence, draft: Draft) -> list[Event]:
    """The events of one draft: one per source and target pair."""
    if not draft.sources:
        return []
    a = draft.analysis
    token = parsed.tokens[draft.i]
    entry = codebook.entry(draft.code)
    if draft.code.startswith("03") and a.modality == "asserted":
        a.modality = "intended"  # CAMEO 03 codes are expressed intentions, never the act itself
        a.notes.append("modality:intended:03-code")
    counted = Event.is_counted(a.negated, a.modality)
    relation = draft.relation or draft.pattern.relation
    if a.modality == "conditional":
        relation = "condition:conditional"
    elif not counted:
        relation = None
    detail = draft.detail
    if a.conditions:
        detail = "conditions: " + "; ".join(a.conditions)
    pairs: list[tuple[tuple[Actor, str, str | None], tuple[Actor, str, str | None] | None]] = []
    if draft.targets:
        pairs = [(s, t) for s in draft.sources for t in draft.targets if t[0].code != s[0].code]
    elif "mutual" in draft.pattern.flags and len(draft.sources) > 1:
        pairs = [(s, t) for s in draft.sources for t in draft.sources if s is not t]
    if not pairs:
        pairs = [(s, None) for s in draft.sources]
    text = parsed.article.text
    day, basis, precision, date_note = draft.date
    quote = None
    for q in parsed.quotes:
        if q.start <= token.start < q.end:
            quote = q.id
    events = []
    for source, target in pairs:
        target_actor = target[0] if target else None
        notes = [draft.source_note, source[1], *(a.notes), date_note]
        if target:
            notes.insert(2, target[1])
        event = Event(
            id=_event_id(parsed, sentence, token.start, draft.code, source[0], target_actor),
            article_id=parsed.article.id,
            sentence=sentence.index,
            source=source[0],
            target=target_actor,
            cameo=entry.code,
            cameo_name=entry.name,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=entry.plover,
            negated=a.negated,
            modality=a.modality,
            counted=counted,
            date=day,
            date_basis=basis,
            date_precision=precision,
            evidence=Evidence(
                start=sentence.start,
                end=sentence.end,
                text=text[sentence.start : sentence.end],
                trigger=token.text,
                rule=draft.pattern.id,
                trigger_start=token.start,
                trigger_end=token.end,
                notes=tuple(notes),
            ),
            quote_id=source[2] or (target[2] if target else None) or quote,
            detail=detail,
            relation=relation,
            act=draft.act,
        )
        events.append(event)
    return events


def _event_id(
    parsed: ParsedArticle, sentence: Sentence, start: int, code: str, source: Actor, target: Actor | None
) -> str:
    target_code = target.code if target else None
    return content_id(parsed.article.id, sentence.index, start, code, source.code, target_code)


def _date(parsed: ParsedArticle, sentence: Sentence, tree: Tree, i: int) -> tuple[str | None, str, str, str]:
    """The event's date: one in the trigger's clause, else a current one in its sentence, else publication."""
    nodes = tree.subtree(i, stop={"relcl", "ccomp", "advcl"})
    low, high = parsed.tokens[nodes[0]].start, parsed.tokens[nodes[-1]].end
    in_sentence = [d for d in parsed.dates if d.sentence == sentence.index and d.span is not None]
    inside = [d for d in in_sentence if low <= d.span.start and d.span.end <= high]  # type: ignore[union-attr]
    current = [d for d in in_sentence if not d.historical]
    pick = (inside or current or [None])[0]
    if pick is not None:
        return pick.value, pick.basis, pick.precision, f"date:{pick.basis}:{pick.text}"
    if parsed.publication is not None:
        pub = parsed.publication
        return pub.value, "publication", pub.precision, "date:publication"
    return None, "publication", "day", "date:unknown"
