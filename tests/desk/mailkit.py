"""Helpers for whole-desk tests: tuning the temp config, building emails, reading the database and the outbox."""

from __future__ import annotations

import email
import email.policy
import functools
import os
import re
import signal
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tests.desk.conftest import WITA, mailbot, outbox_files

if TYPE_CHECKING:
    from mailbot.desk import Desk
    from mailbot.store.schema import OutboxMessage
    from tests.servers import SmtpServer

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


# One large request from each of these districts waits for the managers (held_requests).
HELD = {"a": "65.01", "b": "65.02", "c": "65.03", "d": "65.71"}
AUTO_APPROVE_LIMIT = 1000  # each district asks for 2.000: more than a clerk may give without a manager


def held_requests(desk_dir: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """Send one large request per district in HELD, run, and return each request row with its notice."""
    set_config(desk_dir, "stock", auto_approve_limit=AUTO_APPROVE_LIMIT)
    letters = {}
    for key, code in HELD.items():
        sender = DISTRICT_SENDERS[code]
        letters[key] = write_eml(desk_dir, f"request-{key}.eml", sender=f"Disdukcapil <{sender}>",
                                 subject="Permohonan tambahan blangko KTP-el", body=request_body("2.000", "300"),
                                 message_id=f"<held-{key}@{sender.split('@')[1]}>")
    run_once(desk_dir, *letters.values())
    conn = db(desk_dir)
    held = {}
    for key, letter in letters.items():
        row = conn.execute("select r.* from requests r join messages m on m.id = r.message_pk "
                           "where m.message_id = ?", (message_id_of(letter),)).fetchone()
        assert row is not None and row["state"] == "held", (key, dict(row) if row else None)
        [notice] = [s for s in sent_mail(desk_dir)
                    if row["reference"] in s.subject and sorted(s.to) == sorted(MANAGERS)]
        held[key] = {**dict(row), "notice": notice, "district_sender": DISTRICT_SENDERS[HELD[key]]}
    return held


def request_replied(desk_dir: Path, name: str, sender: str, body: str,
                    subject: str = "Permohonan blangko KTP-el") -> Sent:
    """Send one request and return mailbot's one reply to it."""
    letter = write_eml(desk_dir, f"{name}.eml", sender=sender, subject=subject, body=body,
                       message_id=f"<{name}@{sender.split('@')[1]}>")
    run_once(desk_dir, letter)
    [reply] = replies_to(desk_dir, f"<{name}@{sender.split('@')[1]}>")
    return reply


def answer_reply(desk_dir: Path, reply: Sent, name: str, sender: str, new_text: str, style: str = "gmail") -> str:
    """The district answers mailbot's *reply* from a mail client quoting in *style*; returns its Message-ID."""
    text = reply.text
    if style == "tab":
        quoted = f"\n\n{new_text}\n\n" + "\n".join(f"\t{line}" for line in text.splitlines())
        body = quoted.strip("\n") + "\n"
    elif style == "gmail":
        body = (f"{new_text}\n\nPada Jum, 4 Des 2026 pukul 10.05 {reply.msg['From']} menulis:\n\n"
                + "\n".join(f"> {line}" for line in text.splitlines()) + "\n")
    else:  # Outlook in English, the earlier message below a From:/Sent: block
        body = (f"{new_text}\n\nFrom: {reply.msg['From']}\nSent: Friday, December 4, 2026 10:05 AM\n"
                f"To: {sender}\nSubject: {reply.subject}\n\n{text}\n")
    mid = f"<{name}@{sender.split('@')[1]}>"
    letter = write_eml(desk_dir, f"{name}.eml", sender=sender, subject=f"Re: {reply.subject}", body=body,
                       message_id=mid,
                       extra_headers=f"In-Reply-To: {reply.message_id}\nReferences: {reply.message_id}\n")
    run_once(desk_dir, letter)
    return mid


def manager_answers_held_notice(desk_dir: Path, name: str, body: str) -> None:
    """The first manager answers the one "Menunggu keputusan" notice with *body* (a SETUJU line), in its thread."""
    [notice] = [s for s in sent_mail(desk_dir)
                if sorted(s.to) == sorted(MANAGERS) and "Menunggu keputusan" in s.subject]
    answer = write_eml(desk_dir, f"{name}.eml", sender=MANAGERS[0], subject=f"Re: {notice.subject}",
                       message_id=f"<{name}@disdukcapil.kaltaraprov.example>", body=body,
                       extra_headers=f"In-Reply-To: {notice.message_id}\nReferences: {notice.message_id}\n")
    run_once(desk_dir, answer)


def request_row(desk_dir: Path, reference: str) -> dict:  # type: ignore[type-arg]
    return dict(db(desk_dir).execute("select * from requests where reference = ?", (reference,)).fetchone())


def reference_of(reply: Sent) -> str:
    """The request's reference in the subject of the desk's reply ("... [REQ-2026-0001]")."""
    return reply.subject.split("[", 1)[1].split("]", 1)[0]


def open_queue(desk_dir: Path) -> dict[str, str]:
    """Message-ID -> reason of every open queue item about a message."""
    rows = db(desk_dir).execute("select m.message_id, a.reason from attention_items a join messages m "
                                "on m.id = a.message_pk where a.closed_at is null").fetchall()
    return {r[0]: r[1] for r in rows}


def reply_to_notice(desk_dir: Path, notice: Sent, *, sender: str, command: str, name: str,
                     style: str = "gmail", extra_headers: str = "") -> Path:
    """The manager's answer as a mail client writes it: the command on top, the notice quoted below."""
    sent_at = datetime(2026, 11, 27, 11, 5, tzinfo=WITA)
    if style == "gmail":
        quote = (f"Pada Jum, 27 Nov 2026 pukul 10.05 {notice.msg['From']} menulis:\n\n"
                 + "\n".join(f"> {line}" for line in notice.text.splitlines()))
    else:  # Outlook in Indonesian: the earlier message below a header block, not prefixed
        quote = (f"-----Pesan Asli-----\nDari: {notice.msg['From']}\nDikirim: Jumat, 27 November 2026 10.05\n"
                 f"Kepada: {', '.join(notice.to)}\nPerihal: {notice.subject}\n\n{notice.text}")
    body = f"{command}\n\n{quote}\n"
    return write_eml(desk_dir, f"{name}.eml", sender=sender, subject=f"Re: {notice.subject}", body=body,
                     message_id=f"<{name}@{sender.split('@')[1]}>", date=format_datetime(sent_at),
                     extra_headers=f"In-Reply-To: {notice.message_id}\nReferences: {notice.message_id}\n"
                                   + extra_headers)


# The districts whose mail a run of numbered messages cycles through (numbered_message).
RUN_SENDERS = ["disdukcapil@bulungankab.example", "disdukcapil@malinaukab.example",
               "disdukcapil@nunukankab.example", "disdukcapil@tanatidungkab.example",
               "disdukcapil@tarakankota.example"]


def queued_reply(desk: Desk, n: int = 1, raw: bytes = b"x") -> OutboxMessage:
    """Outbox row of the desk's *n*-th reply (purpose reply:*n*, Message-ID <r*n*@desk.example>), queued and due now,
    never tried: the mail a test of sending hands to the server."""
    from mailbot.store.schema import OutboxMessage

    return OutboxMessage(purpose=f"reply:{n}", message_id=f"<r{n}@desk.example>", category="reply", sender=OFFICE,
                         recipients=["a@b.example"], subject="Re: x", raw=raw, status="queued", attempts=0,
                         next_attempt_at=desk.now(), created_at=desk.now())


def numbered_message(i: int) -> bytes:
    """Message *i* of a run: every third a daily report, the others requests, from the districts in turn."""
    sender = RUN_SENDERS[i % len(RUN_SENDERS)]
    if i % 3 == 0:
        body = f"Laporan harian 2{i % 7}/11/2026\nPerekaman: {100 + i % 50} | Pencetakan: {90 + i % 40} | " \
               f"Sisa blangko: {3000 - i}\n"
        subject = f"Laporan harian {i}"
    else:
        body = f"Dengan hormat,\nmohon tambahan blangko KTP-el sebanyak {1000 + (i % 5) * 100} keping, " \
               f"sisa stok kami {400 + i % 100} keping.\nTerima kasih.\n"
        subject = f"Permohonan blangko {i}"
    return (f"From: <{sender}>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\nSubject: {subject}\r\n"
            f"Date: Thu, 26 Nov 2026 09:{i % 60:02d}:00 +0800\r\nMessage-ID: <crash-{i}@test.example>\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode()


def assert_desk_invariants(desk_dir: Path, total: int) -> None:
    """Nothing lost, nothing doubled after a run of *total* messages: each stored, read and answered once."""
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    assert db.execute("select count(*) from messages").fetchone() == (total,), "every message stored once"
    assert db.execute("select count(*) from messages where status != 'processed'").fetchone() == (0,)
    dup = db.execute("select purpose, count(*) from outbox group by purpose having count(*) > 1").fetchall()
    assert dup == []
    assert db.execute("select count(*) from outbox where status = 'queued'").fetchone() == (0,), "all sent"
    replies = db.execute("select count(*) from outbox where purpose like 'reply:%'").fetchone()[0]
    replied_messages = db.execute("select count(distinct purpose) from outbox where purpose like 'reply:%'"
                                  ).fetchone()[0]
    assert replies == replied_messages
    files = outbox_files(desk_dir)
    assert len(files) == db.execute("select count(*) from outbox where status = 'sent'").fetchone()[0]
    message_ids = [line for f in files for line in f.read_text(errors="replace").splitlines()
                   if line.lower().startswith("message-id:")]
    assert len(message_ids) == len(set(message_ids)), "no reply delivered twice"
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert not list((inbox / "new").iterdir())
    assert len(list((inbox / "cur").iterdir())) == total
    # requests: exactly one per district request message
    requests = db.execute("select count(*) from requests where message_pk is not null").fetchone()[0]
    request_messages = db.execute("select count(*) from messages where kind = 'request'").fetchone()[0]
    assert requests == request_messages


def desk_progress(db_path: Path) -> tuple[int, int]:
    """(messages stored, replies sent) as the database shows them now; (0, 0) before it exists."""
    if not db_path.exists():
        return 0, 0
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.2)
        try:
            stored = db.execute("select count(*) from messages").fetchone()[0]
            sent = db.execute("select count(*) from outbox where status = 'sent'").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:  # created but not migrated yet, or busy
        return 0, 0
    return int(stored), int(sent)


def catches_sigterm(pid: int) -> bool:
    """Whether process *pid* has a SIGTERM handler of its own (the SigCgt mask of /proc/PID/status)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)))


def process_group(pgid: int) -> list[int]:
    """The live processes of process group *pgid*."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry))
    return found


def wait_gone(pgid: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while process_group(pgid) and time.monotonic() < deadline:
        time.sleep(0.02)


# The district addresses an authenticated request of a run comes from in turn (authenticated_request).
AUTHENTICATED_SENDERS = ["disdukcapil@bulungankab.example", "operator.bulungan@bulungankab.example",
                         "disdukcapil@malinaukab.example", "disdukcapil@nunukankab.example",
                         "capil.nunukan@nunukankab.example", "disdukcapil@tanatidungkab.example",
                         "disdukcapil@tarakankota.example"]


def authenticated_request(i: int) -> bytes:
    """Request *i* of a run, vouched for by the office's mail server."""
    sender = AUTHENTICATED_SENDERS[i % len(AUTHENTICATED_SENDERS)]
    domain = sender.rsplit("@", 1)[1]
    return (f"Authentication-Results: {AUTHSERV_ID}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}\r\n"
            f"From: <{sender}>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
            f"Subject: Permohonan blangko {i}\r\nDate: Thu, 26 Nov 2026 09:{i % 60:02d}:00 +0800\r\n"
            f"Message-ID: <slow-smtp-{i}@{domain}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Dengan hormat,\r\nmohon tambahan blangko KTP-el sebanyak {1000 + (i % 5) * 100} keping, "
            f"sisa stok kami {400 + i % 100} keping.\r\nTerima kasih.\r\n").encode()


def use_smtp(desk_dir: Path, smtp: SmtpServer) -> None:
    """The desk sends through *smtp* instead of its Maildir outbox, with no rate limit in the way."""
    config = desk_dir / "config.toml"
    text = config.read_text()
    text = re.sub(r'\[outbox\]\n(?:#.*\n)*kind = "maildir"\npath = "var/mail/outbox"\n',
                  f'[outbox]\nkind = "smtp"\nhost = "{smtp.host}"\nport = {smtp.port}\ntls = "none"\n'
                  f"timeout_seconds = 5\n", text)
    assert 'kind = "smtp"' in text
    config.write_text(text)
    set_guards(desk_dir, max_outbound_per_minute=100_000, max_replies_per_sender_per_day=100_000)


def message_id_in(raw: bytes) -> str:
    found = re.search(rb"^Message-ID: (<[^>]+>)", raw, re.MULTILINE | re.IGNORECASE)
    assert found is not None
    return found.group(1).decode()


# The environment variable the desk's config names for the SMTP password in check-config tests.
PASSWORD_ENV = "MAILBOT_TEST_SMTP_PASSWORD"


def replace_section(desk_dir: Path, table: str, body: str) -> None:
    """The body of [*table*] in the desk's config.toml replaced by *body*."""
    path = desk_dir / "config.toml"
    text = path.read_text()
    found = re.search(rf"^\[{table}\]\n.*?(?=^\[)", text, re.MULTILINE | re.DOTALL)
    assert found, table
    path.write_text(text[:found.start()] + f"[{table}]\n{body}\n\n" + text[found.end():])


def check_connect(desk_dir: Path) -> tuple[int, list[str]]:
    """`mailbot check-config --connect`: its exit code and the lines it wrote to stderr."""
    env = {**os.environ, PASSWORD_ENV: "rahasia"}
    result = mailbot(desk_dir, "check-config", "--connect", env=env)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.strip().splitlines()


def on_hand(db_path: Path, location: str = "province") -> int:
    """The KTP-el blanks the ledger holds at *location* (the province's store, or a district's code)."""
    db = sqlite3.connect(db_path)
    return db.execute("select sum(on_hand) from ledger_entries where item = 'ktp-el' and location = ?",
                      (location,)).fetchone()[0]


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
