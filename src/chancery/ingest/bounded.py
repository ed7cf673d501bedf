"""Reading files and streams in bounded pieces: an input is refused at its limit, never held whole past it.

``/dev/zero`` named as a file, 300 MB piped into standard input or a JSONL line without an end
cost at most the limit (and one chunk) in memory before they are refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 1 << 16
_NUL = b"\x00"


@dataclass(frozen=True)
class TooLong:
    """In place of a line longer than the limit: how many bytes it had (read and dropped in chunks)."""

    size: int


class Capped(Exception):
    """The input holds more than the limit allows; ``head`` is what was read before stopping."""

    def __init__(self, parts: list[bytes]) -> None:
        super().__init__(f"over {sum(map(len, parts)) - 1:,} bytes")
        self._parts = parts

    @property
    def head(self) -> bytes:
        return b"".join(self._parts)


def read_capped(stream: BinaryIO, limit: int, *, stop_at_nul: bool = True) -> bytes:
    """All of ``stream`` when it holds at most ``limit`` bytes, else ``Capped``.

    With ``stop_at_nul`` reading also stops at the first chunk holding a NUL byte (binary data,
    refused by the caller whatever its size), so that an endless device is not read to the limit.
    """
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        if stop_at_nul and _NUL in chunk:
            return b"".join(parts)
    if size > limit:
        raise Capped(parts)
    return b"".join(parts)


def capped_lines(stream: BinaryIO, limit: int, head: bytes = b"") -> Iterator[bytes | TooLong]:
    """Each line of ``head`` followed by ``stream``, or ``TooLong`` for a line of over ``limit`` bytes.

    ``TooLong.size`` leaves out the line ending; memory holds at most one line of the limit and a chunk.
    """
    pending = head
    while True:
        newline = pending.find(b"\n")
        if newline >= 0:
            line, pending = pending[: newline + 1], pending[newline + 1 :]
            # Two bytes over for a line ending ("\r\n"): the reader applies the exact limit.
            yield line if len(line) <= limit + 2 else TooLong(len(line.rstrip(b"\r\n")))
            continue
        if len(pending) > limit + 2:  # no end in sight: drop the line in chunks, counting its size
            size, pending = len(pending), b""
            while True:
                chunk = stream.read(CHUNK)
                end = chunk.find(b"\n")
                if not chunk or end >= 0:
                    size += len(chunk) if end < 0 else end - chunk[:end].endswith(b"\r")
                    pending = chunk[end + 1 :] if end >= 0 else b""
                    break
                size += len(chunk)
            yield TooLong(size)
            if not chunk:
                return
            continue
        chunk = stream.read(CHUNK)
        if not chunk:
            if pending:
                yield pending if len(pending) <= limit else TooLong(len(pending))
            return
        pending += chunk
