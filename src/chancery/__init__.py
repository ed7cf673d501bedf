"""chancery: an evidence-backed ledger of international relations, coded from news."""

__version__ = "0.1.0"
