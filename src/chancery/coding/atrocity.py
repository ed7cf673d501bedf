"""Mass killing (CAMEO 202) and bombings by their kind (1831, 1832): violence told by its scale or means.

CAMEO separates killing people (1823) from "engaging in mass killings" (202): "killed hundreds of
civilians in Axum", "killed some 8,000 men and boys", "executed hundreds of captured cadets". What tells
them apart in wire copy is the count of the dead the object gives: hundreds or thousands, or a number of
a hundred or more. "Killed scores" or "dozens" stays a killing.
"""

from __future__ import annotations

from chancery.coding.structure import Tree

MASS_KILLING = "202"
# the codes of killing that become mass killing by their scale
KILLING = ("1823",)
# nouns that count in hundreds or more ("hundreds of civilians", "thousands of people")
LARGE_COUNTS = {"hundred", "thousand", "million"}
# the smallest number of dead the code calls a mass killing
MASS = 100


def mass_killing(tree: Tree, i: int, code: str) -> bool:
    """Whether killing ``i`` (coded ``code``) counts its dead in hundreds or more."""
    if not code.startswith(KILLING):
        return False
    counted = []
    for k in tree.objects(i):
        counted += [k, *tree.children(k, "nummod", "appos")]
        counted += [m for m in tree.children(k, "appos") for m in tree.children(m, "nummod")]
    return any(tree.lemma(k) in LARGE_COUNTS or _number(tree.words[k]) >= MASS for k in counted)


def _number(word: str) -> float:
    """The value of a written number ("8,000", "500"), or zero."""
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return 0.0


SUICIDE_BOMBING = "1831"
ASSASSINATION_ATTEMPT = "185"
VEHICLE_BOMBING = "1832"
# vehicles a bomb is carried in ("a truck bombing", "a car bomb")
VEHICLES = {"car", "truck", "lorry", "vehicle", "van", "bus", "motorcycle"}
# nouns of a blast
BLASTS = {"bomb", "bombing", "blast", "explosion", "attack"}


def bombing_code(tree: Tree, i: int, code: str) -> str:
    """The code of an attack by its means: a suicide bomber's (1831: "a Hamas suicide bomber blew up a bus",
    "a suicide bombing outside the airport"), a vehicle bomb (1832: "Tuesday's truck bombing"), or fire on a
    leader's motorcade (185, an attempted assassination); else ``code``."""
    if not code.startswith(("18", "19")) or code.startswith(("1831", "1832")):
        return code
    words = [i, *tree.subjects(i)[0], *tree.objects(i)]
    marks = {tree.lemma(m) for k in words for m in tree.children(k, "compound", "amod", "nmod")}
    if "suicide" in marks or tree.lemma(i) == "suicide":
        return SUICIDE_BOMBING
    if marks & VEHICLES and any(tree.lemma(k) in BLASTS | {"bomber"} for k in words):
        return VEHICLE_BOMBING
    aimed = [
        o for p in tree.children(i, "prep") if tree.lemma(p) in {"on", "at"} for o in tree.children(p, "pobj")
    ]
    if any(tree.lemma(k) == "motorcade" for k in [*tree.objects(i), *aimed]):
        return ASSASSINATION_ATTEMPT  # "gunmen opened fire on Mubarak's motorcade"
    return code


MILITARY_DISPLAY = "150"
MISSILES = {"missile", "rocket", "projectile", "warhead"}
# where a missile fired for show falls ("fired missiles into the sea off Taiwan's ports")
OPEN_WATER = {"sea", "water", "waters", "ocean", "strait", "gulf"}


def display_code(tree: Tree, i: int, code: str) -> str:
    """A missile fired into the sea or test-fired is a display of force (150), not an attack on anyone:
    "China fired three unarmed missiles into waters off Taiwan's ports", "Iran test-fired nine missiles"."""
    if not code.startswith("19") or not any(tree.lemma(k) in MISSILES for k in tree.objects(i)):
        return code
    tested = i >= 2 and tree.words[i - 1] == "-" and tree.words[i - 2] in {"test", "flight"}
    into = [
        o
        for p in tree.children(i, "prep")
        if tree.lemma(p) in {"into", "over"}
        for o in tree.children(p, "pobj")
    ]
    return MILITARY_DISPLAY if tested or any(tree.lemma(k) in OPEN_WATER for k in into) else code
