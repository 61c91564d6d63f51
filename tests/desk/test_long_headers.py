"""A header field no mail client writes (a From of 50,000 addresses) is refused by its length, at once: the
parser's time grows with such a field, and the desk must not spend seconds on it before the mail behind it."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mailbot.desk import Desk
from mailbot.guards.limits import check_limits
from mailbot.pipeline import _header_summary
from mailbot.runners import process_inbox
from mailbot.transports.maildir import MaildirInbox, deliver

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _long_from(field: str = "From") -> bytes:
    return (f"{field}: " + ",".join(["a"] * 50_000) + "\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
            "Subject: permohonan\r\nMessage-ID: <long-from@x.example>\r\n\r\nMohon blangko 2.000 keping.\r\n").encode()


@pytest.mark.parametrize("field", ["From", "Reply-To", "Cc", "Content-Type"])
def test_a_parsed_header_field_past_its_limit_is_refused_by_its_name_and_length(field: str) -> None:
    violation = check_limits(_long_from(field), max_message_bytes=10 << 20, max_attachments=10,
                             max_attachment_bytes=10 << 20)
    length = len(f"{field}: ") + 99_999 + 2  # the field as written, its line end included
    assert violation is not None and violation.reason == (
        f"header_chars: header field {field} is {length // 1000}.{length % 1000:03d} characters, over the limit "
        "of 8.000")


def test_a_long_references_field_of_a_long_thread_is_still_read() -> None:
    ids = " ".join(f"<m{i}.thread@bulungankab.example>" for i in range(300))  # about 10,000 characters
    raw = (f"From: disdukcapil@bulungankab.example\r\nReferences: {ids}\r\nSubject: Re: x\r\n\r\nTerima kasih.\r\n")
    assert check_limits(raw.encode(), max_message_bytes=10 << 20, max_attachments=10,
                        max_attachment_bytes=10 << 20) is None


def test_the_quarantine_summary_of_such_a_message_takes_no_time_and_keeps_its_subject() -> None:
    started = time.monotonic()
    address, subject = _header_summary(_long_from())
    assert time.monotonic() - started < 0.5
    assert (address, subject) == (None, "permohonan")


def test_the_mail_behind_it_is_answered_and_it_is_quarantined_with_its_reason(
        open_test_desk: Callable[..., Desk], desk_dir: Path) -> None:
    desk = open_test_desk()
    folder = desk_dir / "var" / "mail" / "inbox"
    deliver(folder, _long_from())
    deliver(folder, (ROOT / "examples" / "inbox" / "01-bulungan-permohonan.eml").read_bytes())
    started = time.monotonic()
    outcomes = dict(process_inbox(desk, MaildirInbox(folder, size_limit=desk.config.guards.max_message_bytes)))
    assert time.monotonic() - started < 5
    assert outcomes.get("quarantined") == 1, outcomes
    quarantined = list((folder / ".Quarantine" / "cur").iterdir()) + list((folder / ".Quarantine" / "new").iterdir())
    assert len(quarantined) == 1
    assert sum(n for outcome, n in outcomes.items() if outcome.startswith("request")) == 1, outcomes


# No header field at all (an empty file, a blank line, a byte-order mark): nothing is over a limit, and the
# message is refused as no email, never a ValueError of the length check (was: "zip() argument 2 is longer").
EMPTY_HEADER_BLOCKS = [b"", b"\r\n", b"\n\n", b" ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b"\r\n\r\nbody"]


@pytest.mark.parametrize("raw", EMPTY_HEADER_BLOCKS)
def test_a_message_with_no_header_field_is_within_the_length_limits(raw: bytes) -> None:
    assert check_limits(raw, max_message_bytes=10 << 20, max_attachments=10, max_attachment_bytes=10 << 20) is None


def test_messages_with_no_header_field_are_quarantined_as_no_email_and_the_request_behind_is_answered(
        open_test_desk: Callable[..., Desk], desk_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    desk = open_test_desk()
    folder = desk_dir / "var" / "mail" / "inbox"
    for raw in EMPTY_HEADER_BLOCKS:
        deliver(folder, raw)
    deliver(folder, (ROOT / "examples" / "inbox" / "01-bulungan-permohonan.eml").read_bytes())
    outcomes = dict(process_inbox(desk, MaildirInbox(folder, size_limit=desk.config.guards.max_message_bytes)))
    assert outcomes.get("quarantined") == len(EMPTY_HEADER_BLOCKS), outcomes
    assert sum(n for outcome, n in outcomes.items() if outcome.startswith("request")) == 1, outcomes
    said = [r.getMessage() for r in caplog.records if "quarantined" in r.getMessage()]
    assert len(said) == len(EMPTY_HEADER_BLOCKS) and all("not an email" in line for line in said), said
    assert "Traceback" not in caplog.text and "ValueError" not in caplog.text


def test_a_fault_of_the_limit_checks_is_a_one_line_refusal_for_parse_and_reread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mailbot import pipeline
    from mailbot.configfile import load_config
    from mailbot.errors import UnreadableError

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("zip() argument 2 is longer than argument 1")

    monkeypatch.setattr(pipeline, "check_limits", broken)
    rules = pipeline.Rules.of(load_config(ROOT / "config.toml"))
    with pytest.raises(UnreadableError, match=r"^the size and shape checks failed: ValueError: zip\(\) argument 2"):
        pipeline.read_within_limits(b"From: a@b.example\r\n\r\nhi", rules)


@pytest.mark.parametrize("marks", [1, 2])
def test_a_request_saved_with_byte_order_marks_is_read_and_trusted_as_without(
        open_test_desk: Callable[..., Desk], desk_dir: Path, marks: int) -> None:
    """A district's request saved by a text editor (a UTF-8 byte order mark, or two, before the headers): the
    reader and the sender guard read the same From, and it is answered as the same request without them is
    (was: the guard found no From and the request was held; with two marks, quarantined)."""
    desk = open_test_desk()
    folder = desk_dir / "var" / "mail" / "inbox"
    raw = (ROOT / "examples" / "inbox" / "01-bulungan-permohonan.eml").read_bytes()
    deliver(folder, b"\xef\xbb\xbf" * marks + raw)
    outcomes = dict(process_inbox(desk, MaildirInbox(folder, size_limit=desk.config.guards.max_message_bytes)))
    (outcome,) = outcomes
    assert outcome.startswith("request") and "held" not in outcome, outcomes
