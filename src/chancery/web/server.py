"""Running the application under uvicorn, after the safe-default checks."""

from __future__ import annotations

from typing import Any

from chancery.settings import Settings
from chancery.web.app import create_app
from chancery.web.security import check_bind


def serve(settings: Settings, ledger: Any = None) -> None:
    """Serve ``ledger`` (else the one of ``settings``) on the settings' host and port until interrupted.

    Refuses (``ChanceryError``) a non-loopback host when no API token is set.
    """
    import uvicorn

    check_bind(settings.host, settings.api_token)
    app = create_app(settings, ledger=ledger)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
