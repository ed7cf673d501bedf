"""Writing an output file without doing harm: never over a ledger or any SQLite database, never half.

``chancery export -o PATH`` once replaced the ledger it was exporting with CSV when PATH was the
ledger's own file. The checks here refuse that, and a file is written whole or not at all.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from chancery.errors import ChanceryError
from chancery.ledger.presence import is_sqlite_database

_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def write_output(path: Path, text: str, *, ledger_file: Path | None = None) -> None:
    """Write ``text`` to ``path``: refused with one line if that would overwrite a ledger or database.

    A regular file is written beside ``path`` and renamed over it, so that an interrupted write
    leaves the old file; a device or FIFO (``/dev/stdout``) is written directly.
    """
    folder = path.parent
    if not folder.is_dir():
        raise ChanceryError(f"cannot write {path}: folder {folder} does not exist; create it first")
    if path.is_dir():
        raise ChanceryError(f"cannot write {path}: it is a folder; give a file name")
    _refuse_databases(path, ledger_file)
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as handle:
            handle.write(text)
        return
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _refuse_databases(path: Path, ledger_file: Path | None) -> None:
    if ledger_file is not None:
        ledger_names = {ledger_file.resolve()} | {
            Path(f"{ledger_file.resolve()}{suffix}") for suffix in _SQLITE_COMPANIONS
        }
        if path.resolve() in ledger_names or (
            path.exists() and ledger_file.exists() and path.samefile(ledger_file)
        ):
            raise ChanceryError(
                f"refusing to write over {path}: it is the ledger being read; choose another -o"
            )
    if is_sqlite_database(path):
        raise ChanceryError(f"refusing to write over {path}: it is a SQLite database; choose another -o")
