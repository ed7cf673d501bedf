"""Running the application under uvicorn, after the safe-default checks."""

from __future__ import annotations

from chancery.settings import Settings
from chancery.web.app import create_app
from chancery.web.security import check_bind


def serve(settings: Settings) -> None:
    """Serve the ledger of ``settings`` on its host and port until interrupted.

    Refuses (``ChanceryError``) a non-loopback host when no API token is set.
    """
    import uvicorn

    check_bind(settings.host, settings.api_token)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")
