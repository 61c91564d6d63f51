"""The signs of a message cut off before its end (a partial export), and what a whole message looks like."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.cutoff import cut_off

HEAD = b"From: disdukcapil@malinaukab.example\nSubject: Laporan\n"


def _multipart() -> bytes:
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "disdukcapil@malinaukab.example", "Laporan"
    msg.set_content("Sisa blangko 812 keping.")
    msg.add_attachment(bytes(range(256)) * 4, maintype="application", subtype="pdf", filename="laporan.pdf")
    return msg.as_bytes()


WHOLE = _multipart()


@pytest.mark.parametrize(("raw", "ends_mid_line", "why"), [
    (HEAD + b"\nSisa blangko 812 keping.\n", False, None),
    (HEAD + b"\nSisa blangko 812 keping.", False, None),  # no final line end: no cut by itself
    (HEAD + b"\n", False, None),  # an empty body after the empty line
    (WHOLE, False, None),
    (WHOLE, True, "its last line stops in the middle"),
    (HEAD + b"Content-Length: 24\n\nSisa blangko 812 keping.", False, None),
    (HEAD.replace(b"\n", b"\r\n") + b"Content-Length: 25\r\n\r\nSisa blangko\r\n812 keping.", False, None),
    (HEAD + b"Content-Length: 25\n\nSisa blangko\n812 keping.", False, None),  # measured with CRLF, stored with LF
    (HEAD + b"Content-Length: 240\n\nSisa blangko 812 keping.", False, "its body holds 24 bytes of the 240"),
    (HEAD, False, "its header block stops before the empty line"),
    (HEAD + b"Content-Type: text/pl", False, "its header block stops before the empty line"),
    (WHOLE[:WHOLE.rindex(b"\n--")], False, "a MIME multipart stops before its closing boundary"),
    (WHOLE[:WHOLE.index(b"\n--") + 1], False, "a MIME multipart stops before its closing boundary"),
    (HEAD + b"Content-Transfer-Encoding: base64\n\nU2lzYSBibGFua28gODEyIGtlcGluZy4=\n", False, None),
    (HEAD + b"Content-Transfer-Encoding: base64\n\nU2lzYSBibGFua28g\r\nODEyIGtlcGluZy4=\t!\n", False, None),
    (HEAD + b"Content-Transfer-Encoding: base64\n\nU2lzYSBibGFua28gODEyIGtlcGl", False,
     "a base64 part stops in the middle of a line"),
])
def test_cut_off(raw: bytes, ends_mid_line: bool, why: str | None) -> None:
    found = cut_off(raw, ends_mid_line=ends_mid_line)
    assert (found is None) if why is None else (found is not None and found.startswith(why)), found
