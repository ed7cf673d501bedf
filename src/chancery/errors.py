"""The one exception family chancery raises; the CLI turns each into one line and an exit code."""


class ChanceryError(Exception):
    """Base class: the message names the problem and, where it can, the fix."""

    exit_code = 2


class InputError(ChanceryError):
    """An input (file, line, URL) could not be read or decoded."""

    exit_code = 1


class ModelError(ChanceryError):
    """The spaCy pipeline named in the settings could not be loaded."""


class LedgerError(ChanceryError):
    """The ledger database could not be opened, migrated or written."""


class StorageError(LedgerError):
    """The ledger cannot be written at all (disk full, read-only, locked, unreachable): no article's fault."""


class SettingsError(ChanceryError):
    """A setting has an unknown name or a value of the wrong kind."""


class GoldError(ChanceryError):
    """A gold file for ``chancery eval`` is malformed."""


class QueryError(LedgerError):
    """A ledger query was given a malformed parameter (a date, a cursor, a search)."""
