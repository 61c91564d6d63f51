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


# OpenSSL's verify codes for a certificate valid in itself but issued for another name (X509_V_ERR_HOSTNAME_MISMATCH,
# X509_V_ERR_IP_ADDRESS_MISMATCH).
_NAME_MISMATCH_CODES = (62, 64)


def certificate_refused(exc: ssl.SSLCertVerificationError, server: str, where: str, section: str) -> str:
    """The one line, with the fix, for the *server* ("IMAP", "SMTP") at *where* whose certificate failed
    verification: one that does not match the name mailbot connects to, or one it cannot verify; *section*: the
    configuration table to correct ("inbox", "outbox")."""
    said = " ".join((exc.verify_message or "").split())
    if exc.verify_code in _NAME_MISMATCH_CODES or "mismatch" in said.lower():
        return (f"the certificate of the {server} server {where} does not match that name ({said or 'name mismatch'})"
                f"; set [{section}] host to the name on the certificate")
    return (f"the certificate of the {server} server {where} cannot be verified ({said or 'verification failed'}); "
            f"set [{section}] ca_file to the certificate authority that signed it, or correct [{section}] host")
