"""judge(): the pure steps (limits, read, guard) on literal messages, as the reading process runs them."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from mailbot.configfile import load_config
from mailbot.pipeline import Judgment, Rules, judge

ROOT = Path(__file__).resolve().parents[1]
RULES = Rules.of(load_config(ROOT / "config.toml"))

REQUEST = (b"Authentication-Results: mx.kaltaraprov.example; dkim=pass header.d=bulungankab.example;\r\n"
           b" dmarc=pass header.from=bulungankab.example\r\n"
           b"From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>\r\n"
           b"To: blangko@disdukcapil.kaltaraprov.example\r\nSubject: Permohonan blangko KTP-el\r\n"
           b"Message-ID: <j-1@bulungankab.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           b"Dengan hormat, sisa stok blangko KTP-el kami 750 keping. Mohon tambahan 2.000 keping.\r\n")


def test_a_district_request_is_read_and_its_sender_trusted() -> None:
    judged = judge(REQUEST, RULES)
    assert judged.refused is None and judged.verdict is not None and judged.trust is not None
    assert (judged.verdict.kind, judged.verdict.requested, judged.verdict.stock_on_hand) == ("request", 2000, 750)
    assert (judged.trust.district, judged.trust.trusted) == ("65.01", True)


def test_with_the_shipped_config_a_listed_sender_alone_is_not_trusted() -> None:
    judged = judge(REQUEST.split(b"\r\n", 2)[2], RULES)  # without the office server's header
    assert judged.trust is not None and judged.trust.district == "65.01" and not judged.trust.trusted
    assert "no_trusted_authentication_results" in judged.trust.reasons


def test_a_lookalike_sender_is_read_but_not_trusted() -> None:
    judged = judge(REQUEST.replace(b"bulungankab.example>", b"bulungan-kab.example>", 1), RULES)
    assert judged.trust is not None and not judged.trust.trusted
    assert "not_on_list" in judged.trust.reasons


def test_too_many_attachments_are_refused_with_the_reason() -> None:
    parts = b"".join(b"--b\r\nContent-Disposition: attachment; filename=\"f%d.pdf\"\r\n\r\nx\r\n" % i
                     for i in range(RULES.max_attachments + 1))
    raw = (b"From: <disdukcapil@bulungankab.example>\r\nSubject: x\r\n"
           b"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" + parts + b"--b--\r\n")
    judged = judge(raw, RULES)
    assert (judged.verdict, judged.refused) == (
        None, "max_attachments: message has 11 attachments, over the limit of 10")


def test_attachments_are_counted_by_one_set_of_rules() -> None:
    # As many named attachments as allowed, and an inline CSV table without a file name: no attachment
    # to the limits check (guards.limits), so the reader must not count it as one either.
    parts = b"".join(b"--b\r\nContent-Disposition: attachment; filename=\"f%d.pdf\"\r\n\r\nx\r\n" % i
                     for i in range(RULES.max_attachments))
    parts += b"--b\r\nContent-Type: text/csv\r\n\r\nsisa;750\r\n"
    raw = (b"From: <disdukcapil@bulungankab.example>\r\nSubject: x\r\n"
           b"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" + parts + b"--b--\r\n")
    judged = judge(raw, RULES)
    assert judged.refused is None and judged.verdict is not None


def test_a_judgment_and_the_rules_cross_a_process_boundary_intact() -> None:
    rules = pickle.loads(pickle.dumps(RULES))
    assert rules.district_senders["disdukcapil@bulungankab.example"] == "65.01"
    assert (len(rules.districts), rules.max_attachments, rules.max_parse_seconds) == (5, 10, 5.0)
    judged = pickle.loads(pickle.dumps(judge(REQUEST, rules)))
    assert isinstance(judged, Judgment) and judged.verdict is not None and judged.trust is not None
    assert (judged.verdict.kind, judged.verdict.requested, judged.verdict.stock_on_hand) == ("request", 2000, 750)
    assert (judged.trust.district, judged.trust.trusted, judged.refused) == ("65.01", True, None)
    # the time it took is the only field two readings of the same bytes may differ in
    assert dataclasses.replace(judged, seconds=0.0) == dataclasses.replace(judge(REQUEST, RULES), seconds=0.0)


def test_the_date_a_district_wrote_is_read_with_the_message_as_the_ledger_reads_it() -> None:
    """judge() reads the Date ahead (the reading process), as stated.written_at reads it from the stored bytes."""
    from datetime import UTC, datetime

    from mailbot.stated import date_written

    dated = REQUEST.replace(b"Message-ID:", b"Date: Mon, 23 Nov 2026 08:30:00 +0800\r\nMessage-ID:", 1)
    assert judge(dated, RULES).written == date_written(dated) == datetime(2026, 11, 23, 0, 30, tzinfo=UTC)
    assert judge(REQUEST, RULES).written is None  # none written: the ledger takes the time it was read
    unknown_zone = REQUEST.replace(b"Message-ID:", b"Date: Mon, 23 Nov 2026 08:30:00 -0000\r\nMessage-ID:", 1)
    assert judge(unknown_zone, RULES).written == datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
