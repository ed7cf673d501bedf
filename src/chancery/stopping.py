"""Stopping on SIGTERM or Ctrl-C: at once, except inside a section that must not be cut short.

A signal handler that raises can do so anywhere, also in the middle of a database driver's call,
which then leaves its connection broken and answers with an error of its own. ``uncut()`` marks
the sections where that must not happen (each write to the ledger); a stop that arrives inside
one is raised as soon as the section ends, so that its transaction is committed or rolled back
by the driver itself.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Stopped(BaseException):
    """The process was asked to stop; not an ``Exception``, so that no handler of one article's
    failure takes it for that article's."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Sections:
    """How deep the main thread is in sections not to be cut, and a stop waiting for their end."""

    depth = 0
    pending: int | None = None


def on_signal(signum: int, _frame: FrameType | None) -> None:
    """The handler to install for SIGTERM and SIGINT (only the command line installs it)."""
    if _Sections.depth:
        _Sections.pending = signum
        return
    raise Stopped(signum)


@contextmanager
def uncut() -> Iterator[None]:
    """A section a stop request must not interrupt; the request is raised when the section ends."""
    _Sections.depth += 1
    try:
        yield
    finally:
        _Sections.depth -= 1
    if _Sections.depth == 0 and _Sections.pending is not None:
        signum, _Sections.pending = _Sections.pending, None
        raise Stopped(signum)
