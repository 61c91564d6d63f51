"""No mail loops: automated mail is stored and classified but never answered; what mailbot sends is marked,
capped per sender and braked; a bounce of mailbot's own reply is matched to it and reported to the operator."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mailbot import outbox
from mailbot.app import open_sender
from tests.desk.conftest import ROOT, WITA, mailbot, outbox_files
from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    OFFICE_DOMAIN,
    OPERATOR,
    db,
    message_id_of,
    replies_to,
    request_body,
    run_once,
    sent_mail,
    set_guards,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


LOOP_CORPUS = ROOT / "tests" / "loop_corpus"
GENUINE = LOOP_CORPUS / "genuine"

# corpus file -> the rule of issue 6 item 1 that must stop the reply (the reader's reason code).
# Each message carries a district-like request ("mohon tambahan blangko 2.000 keping"), most of them
# from a sender on a district's list, so only the automated-mail rule stands between it and a reply.
RULES: dict[str, str] = {
    "rule-auto-submitted-auto-replied": "auto-submitted",
    "rule-auto-submitted-auto-generated": "auto-submitted",
    "rule-auto-submitted-auto-notified": "auto-submitted",
    "rule-return-path-null": "null-return-path",
    "rule-return-path-empty": "null-return-path",
    "rule-precedence-bulk": "precedence-bulk",
    "rule-precedence-junk": "precedence-bulk",
    "rule-precedence-list": "precedence-bulk",
    "rule-list-id": "list-header",
    "rule-list-unsubscribe": "list-header",
    "rule-list-unsubscribe-post": "list-header",
    "rule-list-post": "list-header",
    "rule-list-help": "list-header",
    "rule-list-subscribe": "list-header",
    "rule-list-owner": "list-header",
    "rule-list-archive": "list-header",
    "rule-x-loop-foreign": "x-loop",
    "rule-x-loop-own-marker": "x-loop",
    "rule-x-auto-response-suppress-all": "auto-response-suppress",
    "rule-x-auto-response-suppress-autoreply": "auto-response-suppress",
    "rule-x-auto-response-suppress-oof": "auto-response-suppress",
    "rule-multipart-report": "multipart-report",
    "rule-sender-mailer-daemon": "sender-mailer-daemon",
    "rule-sender-postmaster": "sender-postmaster",
    "rule-sender-noreply": "sender-noreply",
    "rule-sender-no-reply": "sender-noreply",
    "rule-sender-owner": "sender-list-owner",
    "rule-sender-request": "sender-list-request",
    "rule-sender-own-address": "own-address",
    # real-world samples: out-of-office replies and delivery status notifications
    "real-gmail-vacation-id": "out-of-office",
    "real-gmail-vacation-en": "out-of-office",
    "real-outlook-oof-id": "out-of-office",
    "real-outlook-oof-en": "out-of-office",
    "real-exchange-oof-suppress-only": "auto-response-suppress",
    "real-postfix-dsn": "multipart-report",
    "real-exim-bounce": "delivery-failure",
    "real-exchange-ndr": "delivery-failure",
    "real-gmail-dsn": "multipart-report",
}


def _loop_files() -> list[Path]:
    return sorted(LOOP_CORPUS.glob("*.eml"))


def test_the_corpus_and_its_table_agree() -> None:
    on_disk = {p.stem for p in _loop_files()}
    assert on_disk == set(RULES), f"not in RULES: {on_disk - set(RULES)}; missing files: {set(RULES) - on_disk}"
    for path in _loop_files():
        assert b"2.000 keping" in path.read_bytes(), f"{path.name} carries no request text"
    assert len(list(GENUINE.glob("*.eml"))) == 5


def test_loop_corpus_gets_no_reply_while_every_genuine_request_gets_one(desk_dir: Path) -> None:
    loops, genuine = _loop_files(), sorted(GENUINE.glob("*.eml"))
    # interleave, so a loop message is never simply "last in the queue"
    mixed = [p for pair in zip(loops, genuine + [None] * (len(loops) - len(genuine)), strict=True)
             for p in pair if p is not None]
    stdout = run_once(desk_dir, *mixed)
    assert "quarantined" not in stdout

    conn = db(desk_dir)
    loop_ids = {message_id_of(p): p.stem for p in loops}
    rows = {r["message_id"]: r for r in conn.execute("select id, message_id, kind, status, verdict from messages")}
    assert len(rows) == len(loops) + len(genuine), "every message stored once"

    for mid, stem in loop_ids.items():
        row = rows[mid]
        verdict = json.loads(row["verdict"])
        assert row["status"] == "processed" and row["kind"] == "automated", stem
        assert RULES[stem] in verdict["automated_reasons"], (stem, verdict["automated_reasons"])
        assert not replies_to(desk_dir, mid), f"{stem} was answered"
        caused = conn.execute("select purpose from outbox where purpose like ?", (f"%:{row['id']}",)).fetchall()
        assert not caused, f"{stem} caused outgoing mail: {[c[0] for c in caused]}"
        assert conn.execute("select count(*) from requests where message_pk = ?", (row["id"],)).fetchone()[0] == 0

    # the automated senders that are no district's (daemons, lists, noreply, mailbot itself) got nothing at all
    automated_only = {"mailer-daemon", "postmaster", "noreply", "no-reply", "owner-operator", "operator-request",
                      "blangko"}
    for sent in sent_mail(desk_dir):
        assert not {a.split("@")[0] for a in sent.to} & automated_only, sent.to

    for path in genuine:
        mid = message_id_of(path)
        got = replies_to(desk_dir, mid)
        assert len(got) == 1, f"{path.name}: {len(got)} replies"
        reply = got[0]
        assert reply.subject.startswith("Re: [BLK-"), reply.subject
        assert reply.msg["Auto-Submitted"] == "auto-replied"
        assert reply.msg["X-Auto-Response-Suppress"] == "All"
        assert reply.msg["X-Loop"] == f"mailbot@{OFFICE_DOMAIN}"
        assert reply.message_id.endswith(f"@{OFFICE_DOMAIN}>")
        assert mid in str(reply.msg["References"])
    assert conn.execute("select count(*) from requests").fetchone()[0] == len(genuine)


def test_mailbot_never_answers_its_own_mail_coming_back(desk_dir: Path) -> None:
    """Everything mailbot sent, delivered back to its inbox (a forwarding rule, a misconfigured alias)."""
    run_once(desk_dir, *sorted(GENUINE.glob("*.eml")))
    first = sent_mail(desk_dir)
    assert first
    for sent in first:  # every kind it sends carries the marks the other side's rules look for
        expected = "auto-replied" if sent.msg["X-Mailbot-Category"] == "reply" else "auto-generated"
        assert sent.msg["Auto-Submitted"] == expected
        assert sent.msg["X-Loop"] == f"mailbot@{OFFICE_DOMAIN}"
    echoes = []
    for i, sent in enumerate(first):
        echo = desk_dir / f"echo-{i}.eml"
        echo.write_bytes(sent.raw)
        echoes.append(echo)
    conn = db(desk_dir)
    outbox_before = conn.execute("select count(*) from outbox").fetchone()[0]
    stdout = run_once(desk_dir, *echoes)
    assert "automated" in stdout
    assert conn.execute("select count(*) from outbox").fetchone()[0] == outbox_before
    assert len(outbox_files(desk_dir)) == len(first)
    kinds = conn.execute("select kind, guard from messages where sender = ?",
                         ("blangko@disdukcapil.kaltaraprov.example",)).fetchall()
    assert len(kinds) == len(first) and {k["kind"] for k in kinds} == {"automated"}


# --- the per-sender daily cap and the global brake -----------------------------------------------

def test_per_sender_daily_cap_records_replies_over_it_as_suppressed(desk_dir: Path) -> None:
    set_guards(desk_dir, max_replies_per_sender_per_day=2)
    bulungan, tarakan = DISTRICT_SENDERS["65.01"], DISTRICT_SENDERS["65.71"]
    # four requests of their own (a subject only numbered "(2)" would be the same mail sent again)
    mails = [write_eml(desk_dir, f"bulungan-{i}.eml", sender=f"Disdukcapil Bulungan <{bulungan}>",
                       subject=f"Permohonan blangko KTP-el UPT {place}", body=request_body(),
                       message_id=f"<cap-{i}@bulungankab.example>")
             for i, place in enumerate(("Tanjung Selor", "Tanjung Palas", "Sekatak", "Peso"))]
    mails.append(write_eml(desk_dir, "tarakan.eml", sender=f"Disdukcapil Tarakan <{tarakan}>",
                           subject="Permohonan blangko KTP-el", body=request_body(stock="900"),
                           message_id="<cap-other@tarakankota.example>"))
    run_once(desk_dir, *mails)

    conn = db(desk_dir)
    rows = conn.execute("select status, last_error, recipients from outbox where category = 'reply'").fetchall()
    to_bulungan = [r for r in rows if bulungan in json.loads(r["recipients"])]
    assert len(to_bulungan) == 4, "every message is still answered in the record"
    assert sorted(r["status"] for r in to_bulungan) == ["sent", "sent", "suppressed", "suppressed"]
    assert all("cap" in (r["last_error"] or "") for r in to_bulungan if r["status"] == "suppressed")
    delivered = [s for s in sent_mail(desk_dir) if bulungan in s.to]
    assert len(delivered) == 2
    assert len([s for s in sent_mail(desk_dir) if tarakan in s.to]) == 1, "the cap is per sender"

    # suppressed means never sent, also not by a later pass
    run_once(desk_dir)
    assert len([s for s in sent_mail(desk_dir) if bulungan in s.to]) == 2


def test_global_brake_spreads_a_burst_over_minutes(desk_dir: Path, open_test_desk) -> None:  # type: ignore[no-untyped-def]
    set_guards(desk_dir, max_outbound_per_minute=3)
    run_once(desk_dir, *sorted(GENUINE.glob("*.eml")))
    conn = db(desk_dir)
    total = conn.execute("select count(*) from outbox").fetchone()[0]
    assert total > 3
    assert len(outbox_files(desk_dir)) == 3
    assert conn.execute("select count(*) from outbox where status = 'queued'").fetchone()[0] == total - 3

    run_once(desk_dir)  # within the same minute: nothing more goes out
    assert len(outbox_files(desk_dir)) == 3

    # a minute later, three more; and so on until the queue is empty, never more than three a minute
    later = datetime.now(WITA)
    while True:
        later += timedelta(seconds=61)
        desk = open_test_desk(now=later)
        before = len(outbox_files(desk_dir))
        result = outbox.flush(desk, open_sender(desk.config))
        assert result.sent <= 3
        assert len(outbox_files(desk_dir)) == before + result.sent
        if result.sent == 0:
            break
    assert len(outbox_files(desk_dir)) == total
    assert conn.execute("select count(*) from outbox where status != 'sent'").fetchone()[0] == 0


# --- bounces of mailbot's own mail ---------------------------------------------------------------

POSTFIX_BOUNCE = """Return-Path: <>
From: MAILER-DAEMON@mx.kaltaraprov.example (Mail Delivery System)
To: blangko@disdukcapil.kaltaraprov.example
Subject: Undelivered Mail Returned to Sender
Date: Fri, 27 Nov 2026 11:00:02 +0800 (WITA)
Message-Id: <20261127030002.7Qx1@mx.kaltaraprov.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B7Qx1"

--B7Qx1
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.kaltaraprov.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<{recipient}>: host mail.example[203.0.113.9] said: 550 5.1.1 User unknown

--B7Qx1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.kaltaraprov.example

Final-Recipient: rfc822; {recipient}
Action: failed
Status: 5.1.1

--B7Qx1
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

{headers}
--B7Qx1--
"""


def test_bounce_of_own_reply_is_matched_and_reported_to_the_operator(desk_dir: Path) -> None:
    request = GENUINE / "request-bulungan.eml"
    run_once(desk_dir, request)
    [reply] = replies_to(desk_dir, message_id_of(request))
    headers = reply.raw.split(b"\n\n", 1)[0].decode("ascii").replace("\r\n", "\n")
    bounce = desk_dir / "bounce.eml"
    bounce.write_text(POSTFIX_BOUNCE.format(recipient=reply.to[0], headers=headers))
    unrelated = LOOP_CORPUS / "real-postfix-dsn.eml"  # a bounce of mail that is not mailbot's
    sent_before = {s.path.name for s in sent_mail(desk_dir)}

    stdout = run_once(desk_dir, bounce, unrelated)
    assert "automated-bounce" in stdout

    conn = db(desk_dir)
    row = conn.execute("select id, kind, outbound_ref from messages where message_id = ?",
                       (message_id_of(bounce),)).fetchone()
    assert row["kind"] == "automated" and row["outbound_ref"] == reply.message_id
    other = conn.execute("select outbound_ref from messages where message_id = ?",
                         (message_id_of(unrelated),)).fetchone()
    assert other["outbound_ref"] is None

    new = [s for s in sent_mail(desk_dir) if s.path.name not in sent_before]
    assert len(new) == 1, [s.subject for s in new]
    notice = new[0]
    assert notice.to == [OPERATOR]
    assert notice.msg["Auto-Submitted"] == "auto-generated"
    assert reply.message_id in notice.text and reply.to[0] in notice.text
    assert notice.in_reply_to is None, "a report to the operator, not an answer to the mail system"
    outbox_row = conn.execute("select request_pk from outbox where purpose = ?", (f"bounce:{row['id']}",)).fetchone()
    request_pk = conn.execute("select request_pk from outbox where message_id = ?", (reply.message_id,)).fetchone()
    assert outbox_row["request_pk"] == request_pk["request_pk"] is not None

    # the same bounce again (the mail system retries): recognised, nothing new
    again = mailbot(desk_dir, "import", str(bounce))
    assert again.returncode == 0
    assert "duplicate" in run_once(desk_dir)
    assert len(sent_mail(desk_dir)) == len(sent_before) + 1


@pytest.mark.parametrize("stem", ["rule-x-loop-own-marker", "rule-sender-own-address"])
def test_parse_names_the_rule(desk_dir: Path, stem: str) -> None:
    result = mailbot(desk_dir, "parse", str(LOOP_CORPUS / f"{stem}.eml"), "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["kind"] == "automated" and RULES[stem] in verdict["automated_reasons"]
