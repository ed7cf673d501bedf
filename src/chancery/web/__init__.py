"""The web layer: the JSON API under /api/v1 and the dashboard pages, built by ``create_app``."""

from chancery.web.app import create_app

__all__ = ["create_app"]
