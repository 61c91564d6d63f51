"""The TLS context both mail transports use: system trust store (or a given CA file), verification on."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path
from typing import Any


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


def is_name_mismatch(exc: ssl.SSLCertVerificationError) -> bool:
    """Whether *exc* refuses a certificate that is valid in itself but issued for another name."""
    return exc.verify_code in _NAME_MISMATCH_CODES or "mismatch" in (exc.verify_message or "").lower()


def certificate_names(host: str, port: int, *, starttls: bool, ca_file: Path | None,
                      timeout: float = 5.0) -> list[str]:
    """The names the IMAP server at *host*:*port* holds its certificate for (its subjectAltName DNS names and IP
    addresses, else its subject's CN), read over a second connection that checks the certificate but not the name
    and sends nothing after the handshake; [] when they cannot be read."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    context.check_hostname = False
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 5.0)) as raw:
            if starttls:
                answer = raw.makefile("rb")
                answer.readline()  # the greeting
                raw.sendall(b"n1 STARTTLS\r\n")
                while not (line := answer.readline()).startswith(b"n1 ") and line:
                    pass
                if not line.upper().startswith(b"N1 OK"):
                    return []
            with context.wrap_socket(raw, server_hostname=host) as tls:
                cert: dict[str, Any] = dict(tls.getpeercert() or {})
    except (OSError, ValueError):
        return []
    names = [str(value) for kind, value in cert.get("subjectAltName", ()) if kind in ("DNS", "IP Address")]
    if not names:
        names = [str(value) for field in cert.get("subject", ()) for key, value in field if key == "commonName"]
    return list(dict.fromkeys(names))


def certificate_refused(exc: ssl.SSLCertVerificationError, server: str, where: str, section: str,
                        names: list[str] | None = None) -> str:
    """The one line, with the fix, for the *server* ("IMAP", "SMTP") at *where* whose certificate failed
    verification: one that does not match the name mailbot connects to (the *names* it holds, when known), or one
    it cannot verify; *section*: the configuration table to correct ("inbox", "outbox")."""
    said = " ".join((exc.verify_message or "").split())
    if is_name_mismatch(exc):
        held = (f" (it holds {', '.join(repr(n) for n in names)})" if names else "")
        return (f"the certificate of the {server} server {where} does not match that name ({said or 'name mismatch'})"
                f"; set [{section}] host to a name on the certificate{held}")
    return (f"the certificate of the {server} server {where} cannot be verified ({said or 'verification failed'}); "
            f"set [{section}] ca_file to the certificate authority that signed it, or correct [{section}] host")
