"""The TLS context both mail transports use: system trust store (or a given CA file), verification on."""

from __future__ import annotations

import ssl
from pathlib import Path


def client_context(*, verify_certificate: bool, ca_file: Path | None) -> ssl.SSLContext:
    """A client context that verifies the server's certificate and name unless told not to."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    if not verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context
