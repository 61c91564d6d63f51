"""Fixtures for the reader tests: the districts of the repository's config.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mailbot.reader.verdict import District

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
