"""Helpers for whole-desk tests: tuning the temp config, building emails, reading the database and the outbox."""

from __future__ import annotations

import email
import email.policy
import functools
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from pathlib import Path

from tests.desk.conftest import mailbot, outbox_files

OFFICE = "blangko@disdukcapil.kaltaraprov.example"
OFFICE_DOMAIN = "disdukcapil.kaltaraprov.example"
MANAGERS = ("kadis@disdukcapil.kaltaraprov.example", "kabid.piak@disdukcapil.kaltaraprov.example")
OPERATOR = "operator.blangko@disdukcapil.kaltaraprov.example"
AUTHSERV_ID = "mx.kaltaraprov.example"
DISTRICT_SENDERS = {
    "65.01": "disdukcapil@bulungankab.example",
    "65.02": "disdukcapil@malinaukab.example",
    "65.03": "capil.nunukan@nunukankab.example",
    "65.04": "disdukcapil@tanatidungkab.example",
    "65.71": "disdukcapil@tarakankota.example",
}


def set_config(desk_dir: Path, table: str, **values: object) -> None:
    """Set keys of one [table] of the temp config.toml (a commented-out key is switched on, a missing one added)."""
    path = desk_dir / "config.toml"
    text = path.read_text()
    head, sep, rest = text.partition(f"\n[{table}]\n")
    assert sep, f"config.toml has no [{table}] table"
    end = re.search(r"^\[", rest, re.MULTILINE)
    body, tail = (rest[:end.start()], rest[end.start():]) if end else (rest, "")
    for key, value in values.items():
        line = f"{key} = {_toml(value)}"
        pattern = re.compile(rf"^#?\s*{re.escape(key)}\s*=.*$", re.MULTILINE)
        body = pattern.sub(line, body, count=1) if pattern.search(body) else body.rstrip("\n") + f"\n{line}\n\n"
    path.write_text(head + sep + body + tail)


def set_guards(desk_dir: Path, **values: object) -> None:
    set_config(desk_dir, "guards", **values)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def write_eml(folder: Path, name: str, *, sender: str, subject: str, body: str, message_id: str,
              extra_headers: str = "", to: str = OFFICE, date: str = "Fri, 27 Nov 2026 08:30:00 +0800") -> Path:
    """A plain-text email as district staff would send it; *extra_headers* are raw header lines."""
    text = (f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: {message_id}\n"
            f"{extra_headers}MIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\n"
            f"Content-Transfer-Encoding: 8bit\n\n{body}")
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def request_body(requested: str = "2.000", stock: str = "750") -> str:
    return (f"Yth. Kepala Disdukcapil Provinsi Kalimantan Utara,\n\nDengan hormat, sisa stok blangko KTP-el kami "
            f"{stock} keping. Untuk itu\nmohon tambahan blangko {requested} keping.\n\nTerima kasih.\n")


def run_once(desk_dir: Path, *files: Path) -> str:
    """Import *files* (if any) and run the desk once through the real CLI; returns its stdout."""
    if files:
        imported = mailbot(desk_dir, "import", *map(str, files))
        assert imported.returncode == 0, imported.stderr
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def db(desk_dir: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    conn.row_factory = sqlite3.Row
    return conn


class _HeaderClasses(HeaderRegistry):
    """email.policy.default's registry of header classes, making each class once: the stdlib's makes a new class
    (type(...)) every time a header is read, and the parser reads Content-Type several times per part; and each
    header parsed once per name and value: the stdlib parses the value again every time a header is read (the
    parser reads Content-Type again and again while it splits the parts), which was most of the CPU of reading
    the outbox. A parsed header is a str whose name, value, parse tree and defects never change, so one object
    serves every message that holds the same header."""

    @functools.lru_cache(maxsize=256)  # noqa: B019 (one registry for the process: nothing to let go of)
    def __getitem__(self, name: str) -> type:
        return super().__getitem__(name)

    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def __call__(self, name: str, value: str) -> BaseHeader:
        return super().__call__(name, value)


# email.policy.default with the header classes made once (the same headers, the same values)
DEFAULT = email.policy.default.clone(header_factory=_HeaderClasses())


@functools.lru_cache(maxsize=2048)
def parse(raw: bytes) -> EmailMessage:
    """The mail *raw* parsed (once per test process: a test reads the outbox again after each step; the
    tests only read the message, never change it)."""
    msg = email.message_from_bytes(raw, policy=DEFAULT)
    assert isinstance(msg, EmailMessage)
    return msg


class Mail:
    """What a test reads of a message the desk sent (*msg*, parsed): its subject and its plain text."""

    msg: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.msg["Subject"])

    @property
    def text(self) -> str:
        part = self.msg.get_body(("plain",))
        assert part is not None
        return str(part.get_content())


@dataclass(frozen=True)
class Sent(Mail):
    """One message mailbot delivered into the outbox Maildir."""

    path: Path
    raw: bytes
    msg: EmailMessage

    @property
    def to(self) -> list[str]:
        return [a.addr_spec.lower() for a in self.msg["To"].addresses]

    @property
    def message_id(self) -> str:
        return str(self.msg["Message-ID"]).strip()

    @property
    def in_reply_to(self) -> str | None:
        value = self.msg["In-Reply-To"]
        return str(value).strip() if value is not None else None

    @property
    def html(self) -> str | None:
        part = self.msg.get_body(("html",))
        return str(part.get_content()) if part is not None else None


def sent_mail(desk_dir: Path) -> list[Sent]:
    result = []
    for path in outbox_files(desk_dir):
        raw = path.read_bytes()
        result.append(Sent(path, raw, parse(raw)))
    return result


def replies_to(desk_dir: Path, message_id: str) -> list[Sent]:
    """Delivered messages that answer the message with *message_id*."""
    return [s for s in sent_mail(desk_dir) if s.in_reply_to == message_id]


def message_id_of(path: Path) -> str:
    return str(parse(path.read_bytes())["Message-ID"]).strip()


def numbers_in(text: str) -> set[int]:
    """Every number written in *text*, Indonesian grouping ("2.000") or plain, as integers."""
    found = set()
    for token in re.findall(r"\d+(?:[.,]\d{3})*", text):
        found.add(int(re.sub(r"[.,]", "", token)))
    return found


class SetClock:
    """A desk's clock that a test moves by hand: `clock.now = ...` (days later, a week later)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
