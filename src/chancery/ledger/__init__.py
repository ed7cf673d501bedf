"""The ledger stage: stores coded articles (SQLite or PostgreSQL) and answers queries over them."""

from chancery.ledger.dedup import LedgerEvent
from chancery.ledger.ledger import DEFAULT_URL, Ledger, open_ledger

__all__ = ["DEFAULT_URL", "Ledger", "LedgerEvent", "open_ledger"]
