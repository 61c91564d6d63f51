"""A follow-up is read from the writer's own new words, on the real SQLite desk in process: the desk's words it
quotes ("... dengan menyebutkan jumlah yang diterima") never make it a receipt, in any quoting style or from the
district's second address; an urge to send and a district's SETUJU are reminders or mail for a person, never a
receipt or a silent confirmation, also in the managers' notice thread; the other blank's figure beside a change
goes to a person and the reply says so; the rest of a shipment that arrived is no stock."""

from __future__ import annotations

import email
import email.policy
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailbot import actions
from mailbot.desk import Desk
from mailbot.runners import process_inbox
from mailbot.store import repo
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.conftest import WITA
from tests.desk.mailkit import MANAGERS, OFFICE, parse

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

BULUNGAN = "disdukcapil@bulungankab.example"
BULUNGAN_OPERATOR = "operator.bulungan@bulungankab.example"
NUNUKAN = "disdukcapil@nunukankab.example"
REQUEST = ("Yth. Kepala Disdukcapil Provinsi Kalimantan Utara\n\nDengan hormat,\nbersama ini kami sampaikan sisa stok "
           "blangko KTP-el kami saat ini {stock} keping.\nUntuk itu kami mohon tambahan blangko KTP-el sebanyak "
           "{asked} keping.\n\nHormat kami,\nDisdukcapil Kabupaten {name}\n")


_UNFOLDED = email.policy.default.clone(max_line_length=998)


@dataclass(frozen=True)
class Out:
    """One mail the desk queued."""

    purpose: str
    to: list[str]
    msg: EmailMessage
    message_id: str

    @property
    def text(self) -> str:
        part = self.msg.get_body(("plain",))
        assert part is not None
        return str(part.get_content())

    @property
    def subject(self) -> str:
        return str(self.msg["Subject"])


class Desk12:
    """The shipped config's desk, run in process: mail in through the Maildir inbox, facts out of SQLite."""

    def __init__(self, desk_dir: Path, desk: Desk) -> None:
        self.dir, self.desk, self.n = desk_dir, desk, 0
        self.inbox = desk_dir / "var" / "mail" / "inbox"

    def send(self, sender: str, subject: str, body: str, *, in_reply_to: str | None = None,
             html: str | None = None, date: str = "Wed, 02 Dec 2026 10:00:00 +0800") -> tuple[str, dict[str, int]]:
        self.n += 1
        mid = f"<m{self.n}@{sender.split('@')[1]}>"
        msg = EmailMessage(policy=_UNFOLDED)  # a long Message-ID folded would come out an encoded word
        msg["From"], msg["To"], msg["Subject"], msg["Date"], msg["Message-ID"] = sender, OFFICE, subject, date, mid
        if in_reply_to:
            msg["In-Reply-To"], msg["References"] = in_reply_to, in_reply_to
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
        deliver(self.inbox, bytes(msg))
        inbox = MaildirInbox(self.inbox, size_limit=self.desk.config.guards.max_message_bytes)
        return mid, dict(process_inbox(self.desk, inbox))

    def db(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.dir / "var" / "mailbot.db")
        conn.row_factory = sqlite3.Row
        return conn

    def out(self) -> list[Out]:
        rows = self.db().execute("select purpose, recipients, raw, message_id from outbox order by id").fetchall()
        return [Out(r["purpose"], [str(a).lower() for a in json.loads(r["recipients"])],
                    parse(r["raw"]), r["message_id"]) for r in rows]

    def replies_to(self, message_id: str) -> list[Out]:
        return [o for o in self.out() if str(o.msg["In-Reply-To"] or "").strip() == message_id]

    def request(self, reference: str = "BLK-2026-0001") -> sqlite3.Row:
        return self.db().execute("select * from requests where reference = ?", (reference,)).fetchone()

    def queue(self, message_id: str) -> set[str]:
        return {r[0] for r in self.db().execute(
            "select a.reason from attention_items a join messages m on m.id = a.message_pk "
            "where a.closed_at is null and m.message_id = ?", (message_id,))}

    def to_managers(self) -> list[Out]:
        """The mails the desk queued to the managers (all of them among the recipients)."""
        return [o for o in self.out() if set(MANAGERS) <= set(o.to)]

    def on_hand(self, district: str = "65.01") -> int:
        """The district's KTP-el and KIA on hand together, by the ledger."""
        return int(self.db().execute("select sum(on_hand) from ledger_entries where location = ?",
                                     (district,)).fetchone()[0])

    def open_gaps(self) -> list[int]:
        """The quantities of the receipt differences still open in the queue."""
        return [r[0] for r in self.db().execute("select quantity from attention_items where kind = 'discrepancy' "
                                                "and closed_at is null")]

    def ledger_kinds(self) -> list[str]:
        return [r[0] for r in self.db().execute("select kind from ledger_entries where location = '65.01' "
                                                "and source not like 'opening%' order by id")]



def flat(text: str) -> str:
    """*text* with every run of white space one space (a mail's lines folded back)."""
    return " ".join(text.split())


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _approved(d: Desk12, sender: str = BULUNGAN) -> Out:
    """Bulungan asks 2.000 (sisa 750), approved at once; the desk's reply."""
    mid, outcome = d.send(sender, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=750, asked="2.000 (dua ribu)", name="Bulungan"),
                          date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-approved": 1}
    [reply] = d.replies_to(mid)
    return reply


def answer_gmail(d: Desk12, reply: Out, words: str) -> tuple[str, dict[str, int]]:
    """Bulungan answers the desk's *reply* in Gmail style ("Pada ... menulis:" over the quoted text)."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in reply.text.splitlines())
    return d.send(BULUNGAN, "Re: " + reply.subject,
                  f"{words}\n\nPada Sab, 5 Des 2026 pukul 09.00 {reply.msg['From']} menulis:\n{quoted}\n",
                  in_reply_to=reply.message_id)


def dispatched(d: Desk12) -> Out:
    """BLK-2026-0001 (2.000) approved and dispatched; the desk's dispatch mail."""
    _approved(d)
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="operator", via="cli")
    [notice] = [o for o in d.out() if o.purpose.startswith("dispatched:")]
    return notice


def _quoted(reply: Out, style: str) -> tuple[str, str | None]:
    """The desk's reply as a mail client quotes it below the writer's words: (plain text, html or None)."""
    text, desk = reply.text, str(reply.msg["From"])
    marked = "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
    if style == "gmail":
        return f"Pada Sel, 1 Des 2026 pukul 08.05 {desk} menulis:\n{marked}", None
    if style == "on_wrote":
        return f"On Tue, Dec 1, 2026 at 8:05 AM {desk} wrote:\n\n{marked}", None
    if style == "marked":
        return marked, None
    if style == "outlook":
        return (f"-----Original Message-----\nFrom: {desk}\nSent: Tuesday, December 1, 2026 8:05 AM\n"
                f"To: {BULUNGAN}\nSubject: {reply.subject}\n\n{text}"), None
    if style == "outlook_id":
        return (f"________________________________\nDari: {desk}\nDikirim: Selasa, 1 Desember 2026 08.05\n"
                f"Kepada: {BULUNGAN}\nPerihal: {reply.subject}\n\n{text}"), None
    if style == "forwarded":
        return (f"---------- Forwarded message ---------\nFrom: {desk}\nDate: Tue, Dec 1, 2026 at 8:05 AM\n"
                f"Subject: {reply.subject}\nTo: <{BULUNGAN}>\n\n{text}"), None
    assert style == "html"
    paragraphs = "".join(f"<div>{line}</div>" for line in text.splitlines())
    return marked, (f'<div class="gmail_quote"><div>Pada Sel, 1 Des 2026 {desk} menulis:</div>'
                    f'<blockquote class="gmail_quote">{paragraphs}</blockquote></div>')


STYLES = ("gmail", "on_wrote", "marked", "outlook", "outlook_id", "forwarded", "html")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sender", [BULUNGAN, BULUNGAN_OPERATOR], ids=["same_address", "second_address"])
def test_a_correction_quoting_the_approval_updates_the_request_and_is_never_a_receipt(
        desk12: Desk12, style: str, sender: str) -> None:
    reply = _approved(desk12)
    new = "Jumlah yang benar cukup 1.500 keping saja, bukan 2.000."
    quoted, html = _quoted(reply, style)
    subject = ("Fwd: " if style == "forwarded" else "Re: ") + reply.subject
    mid, outcome = desk12.send(sender, subject, f"{new}\n\n{quoted}\n", in_reply_to=reply.message_id,
                               html=None if html is None else f"<div>{new}</div>{html}")
    assert outcome == {"follow-up-request-approved": 1}
    req = desk12.request()
    assert (req["requested"], req["approved"], req["state"]) == (1500, 1500, "approved")
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    # nothing dispatched or received, no discrepancy, no shortfall notice to the managers
    assert not {"shipment_dispatched", "receipt_confirmed"} & set(desk12.ledger_kinds())
    assert desk12.db().execute("select count(*) from attention_items where kind = 'discrepancy'").fetchone()[0] == 0
    assert not [o for o in desk12.out() if "Selisih" in o.subject]
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and sender in told.to  # the request's sender is told beside it
    assert "2.000 keping menjadi 1.500 keping" in told.text and "penerimaan" not in told.text


def test_a_receipt_in_the_writers_own_words_under_the_same_quote_is_still_booked(desk12: Desk12) -> None:
    reply = _approved(desk12)
    with desk12.desk.sessions.begin() as session:  # nothing is received before it was dispatched
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = _quoted(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               f"Blangko KTP-el sebanyak 2.000 keping sudah kami terima hari ini.\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"receipt": 1}
    assert desk12.request()["state"] == "received"


def test_an_urge_to_send_with_a_districts_setuju_is_a_reminder_never_a_receipt(desk12: Desk12) -> None:
    reply = _approved(desk12)
    quoted, _ = _quoted(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               f"SETUJU 2.000\n\nmohon segera dikirim pak.\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert outcome == {"reminder": 1}
    req = desk12.request()
    assert (req["state"], req["approved"]) == ("approved", 2000)
    assert not {"shipment_dispatched", "receipt_confirmed"} & set(desk12.ledger_kinds())
    assert desk12.queue(mid) == {"reminder"}
    [told] = desk12.replies_to(mid)
    assert "telah disetujui dan sedang disiapkan untuk dikirim" in told.text and "penerimaan" not in told.text
    [notice] = [o for o in desk12.out() if o.purpose.startswith("reminder:")]
    assert sorted(notice.to) == sorted(MANAGERS) and "SETUJU 2.000" in notice.text


@pytest.mark.parametrize(("text", "outcome", "reason"), [
    ("SETUJU 6.000\n\nmohon segera dikirim pak.", "reminder", "reminder"),
    ("SETUJU 6.000", "follow-up-queued", "district_command"),
    ("Baik pak, terima kasih.", "follow-up-queued", "managers_thread"),
])
def test_a_district_answering_the_managers_notice_never_ends_unseen(desk12: Desk12, text: str, outcome: str,
                                                                    reason: str) -> None:
    mid, first = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                             REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                             date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert first == {"request-held": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    answer, got = desk12.send(NUNUKAN, "Re: " + notice.subject, f"{text}\n\n{quoted}\n", in_reply_to=notice.message_id)
    assert got == {outcome: 1}
    assert desk12.request()["state"] == "held"  # a district decides nothing
    assert desk12.queue(answer) == {reason}
    [told] = desk12.replies_to(answer)
    assert told.to == [NUNUKAN]


def test_the_other_blanks_figure_beside_a_correction_goes_to_a_person_and_the_reply_says_so(desk12: Desk12) -> None:
    reply = _approved(desk12)
    quoted, _ = _quoted(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Koreksi: KTP-el cukup 1.000 keping, KIA mohon 300 keping.\nTerima kasih.\n\n"
                               f"{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    req = desk12.request()
    assert (req["item"], req["requested"], req["approved"]) == ("ktp-el", 1000, 1000)
    assert desk12.queue(mid) == {"other_item"}
    [told] = desk12.replies_to(mid)
    assert "2.000 keping menjadi 1.000 keping" in told.text
    assert "Angka untuk blangko KIA (300 keping)" in told.text
    assert "Jumlah yang dimohon: 300" not in told.text and "Jumlah yang diterima" not in told.text


def test_two_changed_figures_are_two_lines_of_the_reply(desk12: Desk12) -> None:
    reply = _approved(desk12)
    quoted, _ = _quoted(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Koreksi: sisa stok kami 400 keping, bukan 750, dan mohon 2.500 keping, bukan 2.000."
                               f"\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    [told] = desk12.replies_to(mid)
    lines = told.text.splitlines()
    assert "- Sisa stok: 750 keping menjadi 400 keping" in lines
    assert "- Jumlah yang dimohon: 2.000 keping menjadi 2.500 keping" in lines


def test_the_rest_of_a_shipment_that_arrived_is_no_stock(desk12: Desk12) -> None:
    reply = _approved(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = _quoted(reply, "gmail")
    first, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                                 f"Blangko baru datang 1.000 keping, sisanya menyusul.\n\n{quoted}\n",
                                 in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt": 1}
    rest, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                                "Sisanya 1.000 keping sudah sampai hari ini, jadi total sudah kami terima 2.000 keping."
                                f"\nTerima kasih.\n\n{quoted}\n", in_reply_to=reply.message_id,
                                date="Fri, 04 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt-corrected": 1}
    stated = desk12.db().execute("select quantity, source from stated_stock where district = '65.01' "
                                 "and item = 'ktp-el' order by id desc").fetchall()
    assert all(row[0] != 1000 for row in stated), [tuple(r) for r in stated]
    assert desk12.db().execute("select count(*) from attention_items where kind = 'reconcile' and closed_at is null "
                               "and detail like '%1.000%'").fetchone()[0] == 0
    [told] = desk12.replies_to(rest)
    assert "Sisa stok" not in told.text
    assert "seluruh penerimaan kini tercatat 2.000 keping (sebelumnya 1.000 keping)" in told.text


def test_a_figure_restated_after_dispatch_without_words_of_receipt_goes_to_a_person(desk12: Desk12) -> None:
    reply = _approved(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = _quoted(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, f"2.000 keping, terima kasih pak.\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-queued": 1}  # perhaps a count: a person books it, nothing is filed unread
    assert desk12.request()["state"] == "dispatched" and "receipt_confirmed" not in desk12.ledger_kinds()
    assert desk12.queue(mid) == {"after_decision"}
    [ack] = desk12.replies_to(mid)
    assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in ack.text


def test_a_districts_setuju_outside_any_thread_waits_for_a_person(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Persetujuan", "SETUJU 2.000")
    assert outcome == {"other+queued": 1}
    assert desk12.queue(mid) == {"district_command"}
    assert len(desk12.replies_to(mid)) == 1


def test_a_figure_with_an_urge_answers_our_question_rather_than_reminding(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Permohonan blangko KTP-el",
                               "Dengan hormat, sisa stok blangko KTP-el kami 500 keping. Mohon tambahan blangko.",
                               date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-clarify": 1}
    # a fresh email, outside the thread: its figure completes the request asked about, the urge notwithstanding
    mid, outcome = desk12.send(BULUNGAN, "Permohonan blangko KTP-el Kab. Bulungan",
                               "Dengan hormat, permohonan blangko KTP-el kami sebanyak 2.000 keping, mohon segera "
                               "dikirim.")
    assert outcome == {"request-approved": 1}
    assert (desk12.request()["requested"], desk12.request()["state"]) == (2000, "approved")
