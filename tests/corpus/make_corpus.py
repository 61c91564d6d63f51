"""Write the reader's test corpus: one .eml per case plus expected.toml.

Run from the repository root: `.venv/bin/python tests/corpus/make_corpus.py`. The tests read the
generated files, not this script; it exists so MIME, base64, charset and .xlsx cases stay exact.
"""

from __future__ import annotations

import base64
import quopri
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases import CASES  # noqa: E402
from cases_clerk import CLERK_CASES  # noqa: E402
from cases_clerk2 import CLERK2_CASES  # noqa: E402
from cases_clerk3 import CLERK3_CASES  # noqa: E402
from cases_clerk4 import CLERK4_CASES  # noqa: E402
from cases_clerk5 import CLERK5_CASES  # noqa: E402
from cases_more import MORE_CASES  # noqa: E402
from kit import Part  # noqa: E402

OFFICE = "Disdukcapil Provinsi Kaltara <blangko@disdukcapil.kaltaraprov.example>"


@dataclass
class Case:
    """One corpus message and what the reader must make of it."""

    name: str
    sender: str
    subject: str
    body: str | None = None
    expect: dict[str, object] = field(default_factory=dict)
    html: str | None = None
    layout: str = "plain"  # plain | alt | html | mixed
    charset: str = "utf-8"
    cte: str = "8bit"
    headers: tuple[tuple[str, str], ...] = ()
    attachments: tuple[Part, ...] = ()
    date: str = "Mon, 12 Jan 2026 09:15:00 +0800"
    raw: bytes | None = None
    to: str = OFFICE


def encode(text: str, charset: str, cte: str) -> bytes:
    data = text.replace("\n", "\r\n").encode(charset)
    if cte == "quoted-printable":
        return quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if cte == "base64":
        return base64.encodebytes(data).replace(b"\n", b"\r\n")
    return data


def leaf_bytes(part: Part) -> bytes:
    ctype = part.ctype + (f'; charset="{part.charset}"' if part.charset else "")
    if part.filename:
        ctype += f'; name="{part.filename}"'
    head = [f"Content-Type: {ctype}", f"Content-Transfer-Encoding: {part.cte}"]
    if part.filename:
        head.append(f'Content-Disposition: attachment; filename="{part.filename}"')
    payload = part.payload
    if part.cte == "base64" and not part.ctype.startswith("text/"):
        payload = base64.encodebytes(payload).replace(b"\n", b"\r\n")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


def multipart(subtype: str, parts: list[bytes], boundary: str) -> bytes:
    out = [f"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"\r\n\r\n".encode()]
    out.append(b"This is a multi-part message in MIME format.\r\n")
    for p in parts:
        out.append(f"\r\n--{boundary}\r\n".encode() + p)
    out.append(f"\r\n--{boundary}--\r\n".encode())
    return b"".join(out)


def build(case: Case) -> bytes:
    if case.raw is not None:
        return case.raw
    domain = case.sender.rsplit("@", 1)[-1].strip(">").strip() if "@" in case.sender else "example"
    headers = [
        f"From: {case.sender}",
        f"To: {case.to}",
        f"Subject: {case.subject}",
        f"Date: {case.date}",
        f"Message-ID: <{case.name}@{domain}>",
        "MIME-Version: 1.0",
    ]
    headers += [f"{k}: {v}" for k, v in case.headers]
    head = ("\r\n".join(headers) + "\r\n").encode("utf-8")
    text_part = None
    if case.body is not None:
        text_part = Part("text/plain", encode(case.body, case.charset, case.cte), case.charset, case.cte)
    html_part = None
    if case.html is not None:
        html_part = Part("text/html", encode(case.html, case.charset, case.cte), case.charset, case.cte)
    if case.layout == "plain" and not case.attachments:
        assert text_part is not None
        return head + leaf_bytes(text_part)
    if case.layout == "html" and not case.attachments:
        assert html_part is not None
        return head + leaf_bytes(html_part)
    if case.layout == "alt" and not case.attachments:
        assert text_part is not None and html_part is not None
        return head + multipart("alternative", [leaf_bytes(text_part), leaf_bytes(html_part)], "alt-" + case.name)
    # mixed: body (plain, html or alternative) plus attachments
    if text_part is not None and html_part is not None:
        body = multipart("alternative", [leaf_bytes(text_part), leaf_bytes(html_part)], "alt-" + case.name)
    elif html_part is not None:
        body = leaf_bytes(html_part)
    else:
        assert text_part is not None
        body = leaf_bytes(text_part)
    parts = [body] + [leaf_bytes(a) for a in case.attachments]
    return head + multipart("mixed", parts, "mix-" + case.name)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    every = CASES + MORE_CASES + CLERK_CASES + CLERK2_CASES + CLERK3_CASES + CLERK4_CASES + CLERK5_CASES
    cases = [Case(**c) if isinstance(c, dict) else c for c in every]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    for old in HERE.glob("*.eml"):
        old.unlink()
    lines = [
        "# Expected verdicts for every corpus message (generated by make_corpus.py).",
        "# An omitted quantity, district or item means the reader must give null.",
        "# doubts: \"field:reason\" entries that must be among the verdict's doubts.",
        "# reasons: automated reason codes that must be among the verdict's reasons.",
        "",
    ]
    for case in cases:
        (HERE / f"{case.name}.eml").write_bytes(build(case))
        lines.append(f'["{case.name}"]')
        for key, value in case.expect.items():
            lines.append(f"{key} = {toml_value(value)}")
        lines.append("")
    (HERE / "expected.toml").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {len(cases)} messages to {HERE}")


if __name__ == "__main__":
    main()
