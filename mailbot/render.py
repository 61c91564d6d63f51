"""Renders outgoing mail from templates/ and builds complete, safely headed RFC 5322 messages."""

from __future__ import annotations

import email.charset
import email.policy
import functools
import re
import weakref
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path
from typing import Literal

import jinja2
import jinja2.bccache

from mailbot import indonesian

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LOOP_MARKER = "mailbot"


class _FoldingRemembered(email.policy.Compat32):
    """compat32, folding each of the headers every message repeats (From, Auto-Submitted, the MIME
    headers, a district's address) once: the folded bytes are a function of the name and the value alone,
    and the stdlib's Header folder costs more than the rest of writing a reply."""

    def fold_binary(self, name: str, value: str) -> bytes:
        if name in _REPEATED and isinstance(value, str):
            return _fold_binary(self, name, value)
        if isinstance(value, str) and self.max_line_length is not None \
                and len(name) + 2 + len(value) <= self.max_line_length and _PLAIN_VALUE.fullmatch(value):
            # words of printable ASCII one space apart, within the line: the folder writes them as they are (the
            # Subject, Date, Message-ID, In-Reply-To and References of a reply; test_render_fold)
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


_REPEATED = frozenset({"From", "To", "Auto-Submitted", "X-Auto-Response-Suppress", "X-Loop", "X-Mailbot-Category",
                       "Content-Type", "MIME-Version", "Content-Transfer-Encoding"})

_PLAIN_VALUE = re.compile(r"[!-~]+(?: [!-~]+)*")


@functools.lru_cache(maxsize=256)
def _fold_binary(policy: email.policy.Compat32, name: str, value: str) -> bytes:
    return email.policy.Compat32.fold_binary(policy, name, value)


# Headers are capped well below 998 characters by the guards; not folding them avoids the stdlib
# folder's habit of moving a whole subject to a continuation line (read back with a leading space).
OUTGOING = _FoldingRemembered(max_line_length=998)
UTF8_QP = email.charset.Charset("utf-8")
UTF8_QP.body_encoding = email.charset.QP
UNSAFE_HEADER = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\u0085\u2028\u2029]")

BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")

Category = Literal["reply", "alert", "digest", "notice"]


def template_dir() -> Path:
    """The templates/ folder: beside the package in a checkout, or installed as shared data."""
    if TEMPLATES.is_dir():
        return TEMPLATES
    import sys

    installed = Path(sys.prefix) / "share" / "mailbot" / "templates"
    return installed


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process: keyed by the template's file and checked against its source's
    checksum, so an edited template is compiled again; every environment of the process shares them."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()


def make_environment(path: Path | None = None) -> jinja2.Environment:
    """Jinja2 environment: HTML autoescaped, text not; an undefined variable is an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(path or template_dir())),
        bytecode_cache=COMPILED,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False,
                                            default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["angka"] = indonesian.number
    env.filters["keping"] = indonesian.pieces
    env.filters["tanggal"] = indonesian.long_date
    env.filters["hari_tanggal"] = indonesian.day_date
    env.filters["nama_barang"] = indonesian.item_name
    env.filters["kalimat"] = indonesian.sentence
    return env


@dataclass(frozen=True)
class Rendered:
    """A rendered email body (and its subject when the template sets one)."""

    subject: str
    text: str
    html: str | None


def render(env: jinja2.Environment, name: str, **context: object) -> Rendered:
    """Render templates/<name>.txt.j2 (and <name>.html.j2 when it exists)."""
    text_module = env.get_template(f"{name}.txt.j2").make_module(context)
    subject = str(getattr(text_module, "subject", "")).strip()
    html_name = f"{name}.html.j2"
    html = env.get_template(html_name).render(context) if html_name in _names(env) else None
    # Optional blocks that render empty would leave runs of blank lines in the plain text.
    text = BLANK_RUNS.sub("\n\n", str(text_module)).strip() + "\n"
    return Rendered(subject=subject, text=text, html=html)


_TEMPLATE_NAMES: weakref.WeakKeyDictionary[jinja2.Environment, frozenset[str]] = weakref.WeakKeyDictionary()


def _names(env: jinja2.Environment) -> frozenset[str]:
    """The templates there are, listed once per environment (a miss would ask the file system every time)."""
    names = _TEMPLATE_NAMES.get(env)
    if names is None:
        names = _TEMPLATE_NAMES[env] = frozenset(env.list_templates())
    return names


@dataclass(frozen=True)
class Envelope:
    """Who an outgoing message is from and to, and what it answers."""

    sender: str
    sender_name: str
    recipients: tuple[str, ...]
    subject: str
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()


def compose(envelope: Envelope, body: Rendered, *, category: Category, domain: str, now: datetime,
            purpose: str) -> tuple[str, bytes]:
    """Build the full message; returns (Message-ID, raw bytes).

    Every header value here comes from config or has already been cleaned by the guards; a
    value that still holds a line break or control character is refused here, the last line of
    defence. (The stdlib's compat32 classes are used: several times faster than EmailMessage.)
    """
    message_id = make_msgid(idstring=_idstring(purpose), domain=domain)
    for name, value in (("From", envelope.sender_name), ("From", envelope.sender), ("Subject", envelope.subject),
                        ("To", " ".join(envelope.recipients)), ("In-Reply-To", envelope.in_reply_to or ""),
                        ("References", " ".join(envelope.references))):
        if UNSAFE_HEADER.search(value):
            raise ValueError(f"refusing a line break or control character in the {name} header")
    text = text_part(body.text, "plain")
    if body.html:
        msg: Message = MIMEMultipart("alternative")
        msg.attach(text)
        msg.attach(text_part(body.html, "html"))
    else:
        msg = text
    headers = [
        ("From", formataddr((envelope.sender_name, envelope.sender), charset="utf-8")),
        ("To", ", ".join(envelope.recipients)),
        ("Subject", _encoded(envelope.subject)),
        ("Date", format_datetime(now)),
        ("Message-ID", message_id),
    ]
    if envelope.in_reply_to:
        headers.append(("In-Reply-To", envelope.in_reply_to))
        headers.append(("References", " ".join(dict.fromkeys([*envelope.references, envelope.in_reply_to]))))
    headers += [
        ("Auto-Submitted", "auto-replied" if category == "reply" else "auto-generated"),
        ("X-Auto-Response-Suppress", "All"),
        ("X-Loop", f"{LOOP_MARKER}@{domain}"),
        ("X-Mailbot-Category", category),
    ]
    mime_headers = list(msg.items())
    for name in [n for n, _ in mime_headers]:
        del msg[name]
    for name, value in [*headers, *mime_headers]:
        msg[name] = value
    return message_id, msg.as_bytes(policy=OUTGOING)


def text_part(text: str, subtype: str) -> Message:
    """MIMEText(text, subtype, UTF8_QP) as the stdlib builds it (the same headers, in the same order, and the same
    quoted-printable payload; test_render_fold), without the charset bookkeeping that cost more than the rest of
    the part: its headers are the same for every reply."""
    part = Message()
    part["Content-Type"] = f'text/{subtype}; charset="utf-8"'
    part["MIME-Version"] = "1.0"
    part["Content-Transfer-Encoding"] = "quoted-printable"
    part.set_payload(UTF8_QP.body_encode(text.encode("utf-8")) if text else "")
    return part


def _encoded(value: str) -> str:
    """RFC 2047 encoding for a header value that is not plain ASCII."""
    if value.isascii():
        return value
    return Header(value, "utf-8").encode()


def _idstring(purpose: str) -> str | None:
    """*purpose* as the end of a Message-ID's left part: a dot-atom (RFC 5322 3.6.4) of its ASCII letters and
    digits, whole words only up to 40 characters (a long first word cut), None when it has none.

    >>> _idstring("ack:<e827716ec0854dfa@bulungankab.example>"), _idstring("decided:12")
    ('ack.e827716ec0854dfa.bulungankab.example', 'decided.12')
    >>> _idstring("ack:<e827716ec0854dfa@disdukcapil.bulungankab.example>")
    'ack.e827716ec0854dfa.disdukcapil'
    >>> _idstring("x" * 50) == "x" * 40, _idstring("::"), _idstring("reply:<ü@é.example>")
    (True, None, 'reply.example')
    """
    atoms = _ID_ATOM.findall(purpose)
    if not atoms:
        return None
    kept = [atoms[0][:40]]
    for atom in atoms[1:]:
        if len(".".join(kept)) + 1 + len(atom) > 40:
            break
        kept.append(atom)
    return ".".join(kept)


_ID_ATOM = re.compile(r"[0-9A-Za-z]+")
