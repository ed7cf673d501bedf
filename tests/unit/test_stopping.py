"""stopping: a stop request waits for the end of a section that must not be cut, and only for that."""

from __future__ import annotations

import signal

import pytest

from chancery.stopping import Stopped, on_signal, uncut


def test_a_stop_outside_any_section_is_raised_at_once():
    with pytest.raises(Stopped) as stopped:
        on_signal(signal.SIGTERM, None)
    assert stopped.value.signum == signal.SIGTERM and str(stopped.value) == "SIGTERM"


def test_a_stop_inside_a_section_waits_for_its_end_even_when_nested():
    steps = []
    with pytest.raises(Stopped), uncut():
        with uncut():
            on_signal(signal.SIGINT, None)
            steps.append("inner finished")
        steps.append("outer finished")
    assert steps == ["inner finished", "outer finished"]
    with uncut():  # the request was used up: a later section runs to its end untroubled
        steps.append("later")
    assert steps[-1] == "later"


def test_a_stop_is_no_exception_an_article_handler_could_swallow():
    assert not issubclass(Stopped, Exception)
