"""Events told in a statement name who announced them: the spokesperson, with role, organisation and actor."""

from __future__ import annotations


def test_an_event_in_reported_speech_names_its_announcer(code):
    coded = code(
        "BEIJING (Wire) - Chinese Foreign Ministry spokesperson Mao Ning said on Friday that China "
        "welcomed Russia's decision to recognise the Taliban government.",
        date="2025-07-05",
    )
    [welcome] = [e for e in coded.events if e.cameo == "051"]
    assert welcome.source.code.startswith("CHN")
    speaker = welcome.speaker
    assert (speaker.name, speaker.role) == ("Mao Ning", "spokesperson")
    assert speaker.organization == "Foreign Ministry"
    assert speaker.actor.code == "CHNGOV"
    assert welcome.quote_id in {q.id for q in coded.quotes}


def test_an_event_the_narrator_tells_has_no_announcer(code):
    coded = code("Russia formally recognised the Taliban government on Thursday.", date="2025-07-04")
    [recognition] = [e for e in coded.events if e.cameo == "054"]
    assert recognition.speaker is None and recognition.quote_id is None
