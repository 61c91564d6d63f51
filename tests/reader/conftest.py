"""Fixtures for the reader tests: the districts of the repository's config.toml."""

from __future__ import annotations

import tomllib
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailbot.reader import read_message
from mailbot.reader.verdict import District, Verdict

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
OWN_ADDRESSES = ("blangko@disdukcapil.kaltaraprov.example",)


def load_districts() -> tuple[District, ...]:
    """The five districts of config.toml as the reader sees them."""
    config = tomllib.loads((ROOT / "config.toml").read_text(encoding="utf-8"))
    return tuple(
        District(code=d["code"], name=d["name"], senders=tuple(s.lower() for s in d["senders"]))
        for d in config["districts"]
    )


DISTRICTS = load_districts()


@pytest.fixture(scope="session")
def districts() -> tuple[District, ...]:
    return DISTRICTS


def mail(sender: str, subject: str, body: str) -> dict[str, object]:
    """A plain-text mail from *sender*, read as `mailbot parse --json` shows it."""
    raw = (f"From: {sender}\nTo: {OWN_ADDRESSES[0]}\nSubject: {subject}\n\n{body}\n").encode()
    return read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def read_plain(subject: str, text: str, *, sender: str, csv: str | None = None) -> Verdict:
    """What the reader makes of a plain-text mail from *sender* to the desk (with a CSV attachment, harian.csv)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, OWN_ADDRESSES[0], subject
    msg.set_content(text)
    if csv is not None:
        msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="harian.csv")
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES)
