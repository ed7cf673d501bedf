"""A seeded corpus of short wire stories about real diplomatic events, as JSONL article records.

For ``chancery batch``: its tests and ``benchmarks/batch.py``. Each story retells one real event
(a recognition, relations restored or cut, an envoy expelled, a mediation) in sentences written
for this project from templates, varied by the seed: who reacts, with what words, a quote from a
spokesperson, a denial or a condition, and paragraphs of background on earlier events, as a wire
story carries them (some 200 words a story, a short wire report). Stories fall on their events'
dates, so a corpus spans many months. No two stories have the same text, and the same seed and
size give the same records.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import date, timedelta
from pathlib import Path

# (date, city of the dateline, the event told three ways, the parties that may react)
EVENTS = (
    (
        "2025-07-03", "MOSCOW",
        (
            "Russia formally recognised the Taliban government of Afghanistan{when}.",
            "Moscow became the first capital to recognise the Taliban administration in Kabul{when}.",
            "The Russian government granted recognition to the Islamic Emirate of Afghanistan{when}.",
        ),
        ("China", "Pakistan", "Iran", "Uzbekistan"),
    ),
    (
        "2024-05-28", "MADRID",
        (
            "Spain, Ireland and Norway recognised the State of Palestine{when}.",
            "Madrid, Dublin and Oslo formally recognised a Palestinian state{when}.",
            "Spain recognised Palestine as a state{when}, alongside Ireland and Norway.",
        ),
        ("Israel", "Egypt", "Jordan", "Saudi Arabia"),
    ),
    (
        "2023-03-10", "BEIJING",
        (
            "Saudi Arabia and Iran agreed to restore diplomatic relations{when} after talks in Beijing.",
            "Riyadh and Tehran agreed{when} to reopen their embassies within two months.",
            "Iran and Saudi Arabia announced{when} that they would resume diplomatic ties.",
        ),
        ("China", "Iraq", "Oman", "Qatar"),
    ),
    (
        "2023-03-26", "TEGUCIGALPA",
        (
            "Honduras established diplomatic relations with China{when} and cut its ties with Taiwan.",
            "Honduras broke off diplomatic relations with Taiwan{when} to recognise Beijing.",
            "The Honduran government switched its recognition from Taipei to Beijing{when}.",
        ),
        ("China", "Taiwan", "United States", "Guatemala"),
    ),
    (
        "2024-01-15", "YAREN",
        (
            "Nauru severed diplomatic relations with Taiwan{when}.",
            "Nauru cut its diplomatic ties with Taipei{when} and recognised the People's Republic of China.",
            "The government of Nauru broke off relations with Taiwan{when}.",
        ),
        ("China", "Taiwan", "Australia", "United States"),
    ),
    (
        "2023-08-25", "NIAMEY",
        (
            "Niger's military rulers expelled the French ambassador{when}.",
            "The junta in Niamey ordered the French ambassador to leave the country{when}.",
            "Niger gave the French ambassador 48 hours to leave{when}.",
        ),
        ("France", "Nigeria", "Mali", "Burkina Faso"),
    ),
    (
        "2022-01-31", "BAMAKO",
        (
            "Mali expelled the French ambassador{when}.",
            "The Malian government ordered the French ambassador to leave Bamako{when}.",
            "Mali's transitional authorities expelled France's envoy{when}.",
        ),
        ("France", "Senegal", "Niger", "Guinea"),
    ),
    (
        "2025-09-21", "LONDON",
        (
            "Britain, Canada and Australia recognised the State of Palestine{when}.",
            "The United Kingdom formally recognised a Palestinian state{when}.",
            "London recognised Palestine{when}, joining Canada and Australia.",
        ),
        ("Israel", "France", "United States", "Jordan"),
    ),
    (
        "2022-10-11", "KYIV",
        (
            "Ukraine's president condemned the Russian missile strikes on Kyiv{when}.",
            "Kyiv accused Moscow of striking civilian targets{when}.",
            "Ukraine condemned Russia for the missile attacks{when}.",
        ),
        ("Poland", "Germany", "France", "Turkey"),
    ),
    (
        "2024-02-14", "CAIRO",
        (
            "Qatar and Egypt hosted talks on a ceasefire in Gaza{when}.",
            "Egypt and Qatar mediated between Israel and Hamas{when}.",
            "Mediators from Qatar and Egypt met Israeli officials in Cairo{when}.",
        ),
        ("United States", "Israel", "Turkey", "Jordan"),
    ),
)  # fmt: skip

REACTIONS = (
    "{who} welcomed the decision{when}.",
    "{who} said it respected the choice as a sovereign matter.",
    "{who} condemned the move{when}.",
    "{who} has not recognised the government and said its position had not changed.",
    "{who} urged all sides to show restraint.",
    "{who} said it would not follow suit for now.",
    "{who} denied that it had been consulted beforehand.",
    "{who} said it could consider a similar step if the authorities formed an inclusive government.",
)
SPEAKERS = (
    "a foreign ministry spokesperson",
    "a senior official",
    "the foreign minister",
    "a government spokesman",
)
QUOTES = (
    "We take note of this decision and will study its consequences carefully",
    "Our position has not changed and we will keep talking to all parties",
    "This is a step that serves stability in the region",
    "We regret this decision, which does not help the search for peace",
)
# Context a wire story carries below its lead: earlier events, told in the past, with their dates.
BACKGROUND = (
    "The Taliban took control of Kabul on 15 August 2021 as the last foreign troops withdrew.",
    "China accepted the credentials of a Taliban-appointed ambassador in Beijing in January 2024.",
    "Pakistan has kept its embassy in Kabul open but has not formally recognised the administration.",
    "Sweden recognised the State of Palestine in 2014, the first member of the European Union in Western "
    "Europe to do so.",
    "More than 140 of the 193 members of the United Nations recognise a Palestinian state.",
    "Saudi Arabia cut ties with Iran in 2016 after protesters stormed its embassy in Tehran.",
    "Oman and Iraq hosted several rounds of talks between Saudi and Iranian officials in 2021 and 2022.",
    "Taiwan now keeps formal relations with only a dozen states, most of them small.",
    "Costa Rica switched its recognition from Taipei to Beijing in 2007.",
    "France withdrew its last troops from Mali in August 2022 after nine years of operations.",
    "The Economic Community of West African States suspended Niger after the coup of 26 July 2023.",
    "Russia expelled several European diplomats in 2022 in response to expulsions of its own envoys.",
    "Qatar has hosted a political office of Hamas in Doha since 2012.",
    "Egypt and Jordan have kept diplomatic relations with Israel for decades.",
    "The United States has said it will not recognise a Palestinian state outside a negotiated settlement.",
    "Norway brokered the Oslo Accords between Israel and the Palestine Liberation Organization in 1993.",
)
WHENS = ("", " on Monday", " on Tuesday", " on Wednesday", " on Thursday", " on Friday", " last week")
PUBLISHERS = ("Reuters", "AFP", "AP", "Anadolu", "Xinhua", "TASS", "PTI")


def stories(count: int, seed: int = 14) -> list[dict[str, str]]:
    """``count`` distinct article records (``id``, ``title``, ``date``, ``publisher``, ``url``, ``text``)."""
    rng = random.Random(seed)
    made: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(made) < count:
        day, city, tellings, parties = rng.choice(EVENTS)
        published = date.fromisoformat(day) + timedelta(days=rng.randrange(0, 40))
        lead = rng.choice(tellings).format(when=rng.choice(WHENS))
        context = rng.sample(BACKGROUND, len(BACKGROUND))  # each told once a story
        paragraphs = [[lead]]
        for _ in range(rng.randrange(2, 5)):  # reactions, background and quotes, a paragraph each
            paragraph = [
                rng.choice(REACTIONS).format(who=who, when=rng.choice(WHENS))
                for who in rng.sample(parties, rng.randrange(1, 3))
            ]
            paragraph.extend(context.pop() for _ in range(rng.randrange(1, 4)) if context)
            if rng.random() < 0.6:
                quote, speaker, who = rng.choice(QUOTES), rng.choice(SPEAKERS), rng.choice(parties)
                paragraph.append(f'"{quote}," {speaker} in {who} said{rng.choice(WHENS)}.')
            rng.shuffle(paragraph)
            paragraphs.append(paragraph)
        body = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)
        text = f"{city} ({rng.choice(PUBLISHERS)}) - {body}"
        if text in seen:
            continue
        seen.add(text)
        number = len(made) + 1
        made.append(
            {
                "id": f"wire-{seed}-{number:05d}",
                "title": f"{city.title()}: {lead[:60]}",
                "date": published.isoformat(),
                "publisher": text.split("(", 1)[1].split(")", 1)[0],
                "url": f"https://news.example/{seed}/{number}",
                "text": text,
            }
        )
    return made


def write_jsonl(path: Path, records: list[dict[str, str]]) -> str:
    """Write ``records`` one per line; returns a short digest of the file."""
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode()).hexdigest()[:16]


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    print(write_jsonl(Path(sys.argv[2] if len(sys.argv) > 2 else "stories.jsonl"), stories(size)))
