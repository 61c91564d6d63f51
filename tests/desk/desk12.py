"""The shipped config's desk run in process for a conversation test (the `desk12` fixture of
tests/desk/conftest.py): mail in through the Maildir inbox, facts out of SQLite and the outbox; and the
letters the districts write in those tests (a request, an answer quoting the desk's mail)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from mailbot import actions
from mailbot.desk import Desk
from mailbot.runners import process_inbox
from mailbot.store import repo
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.mailkit import DEFAULT, MANAGERS, OFFICE, Mail, parse

BULUNGAN = "disdukcapil@bulungankab.example"
BULUNGAN_OPERATOR = "operator.bulungan@bulungankab.example"
NUNUKAN = "disdukcapil@nunukankab.example"
MALINAU = "disdukcapil@malinaukab.example"
TARAKAN = "disdukcapil@tarakankota.example"
REQUEST = ("Yth. Kepala Disdukcapil Provinsi Kalimantan Utara\n\nDengan hormat,\nbersama ini kami sampaikan sisa stok "
           "blangko KTP-el kami saat ini {stock} keping.\nUntuk itu kami mohon tambahan blangko KTP-el sebanyak "
           "{asked} keping.\n\nHormat kami,\nDisdukcapil Kabupaten {name}\n")


UNFOLDED = DEFAULT.clone(max_line_length=998)


@dataclass(frozen=True)
class Out(Mail):
    """One mail the desk queued."""

    purpose: str
    to: list[str]
    msg: EmailMessage
    message_id: str


class Desk12:
    """The shipped config's desk, run in process: mail in through the Maildir inbox, facts out of SQLite."""

    def __init__(self, desk_dir: Path, desk: Desk) -> None:
        self.dir, self.desk, self.n = desk_dir, desk, 0
        self.inbox = desk_dir / "var" / "mail" / "inbox"
        self._db: sqlite3.Connection | None = None

    def send(self, sender: str, subject: str, body: str, *, in_reply_to: str | None = None,
             html: str | None = None, date: str = "Wed, 02 Dec 2026 10:00:00 +0800") -> tuple[str, dict[str, int]]:
        self.n += 1
        mid = f"<m{self.n}@{sender.split('@')[1]}>"
        msg = EmailMessage(policy=UNFOLDED)  # a long Message-ID folded would come out an encoded word
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
        """The desk's SQLite file, one connection for the test (closed by close()). In autocommit mode: a test's
        own change is written at once, never left in a transaction that would keep the desk from writing."""
        if self._db is None:
            self._db = sqlite3.connect(self.dir / "var" / "mailbot.db", isolation_level=None)
            self._db.row_factory = sqlite3.Row
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

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


def send_request(d: Desk12, stock: str, figure: str, *, sender: str = BULUNGAN, name: str = "Bulungan",
          outcome: str | None = None) -> Out:
    """*sender* (Kabupaten *name*) states its *stock* and asks *figure* in a new letter, ending in *outcome* if
    given; the desk's reply."""
    mid, got = d.send(sender, "Permohonan tambahan blangko KTP-el",
                      REQUEST.format(stock=stock, asked=figure, name=name), date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome is None or got == {outcome: 1}
    [reply] = d.replies_to(mid)
    return reply


def approved(d: Desk12, sender: str = BULUNGAN) -> Out:
    """Bulungan asks 2.000 (sisa 750), approved at once; the desk's reply."""
    return send_request(d, "750", "2.000 (dua ribu)", sender=sender, outcome="request-approved")


def held_for_managers(d: Desk12, asked: str = "3.500", stock: int = 300) -> tuple[str, Out]:
    """Nunukan asks *asked* (sisa *stock*), held for the managers: its message id and the managers' notice."""
    mid, outcome = d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=stock, asked=asked, name="Nunukan"))
    assert outcome == {"request-held": 1}, outcome
    [held] = [o for o in d.out() if o.purpose.startswith("held:")]
    return mid, held


def held_reply(d: Desk12) -> tuple[str, Out]:
    """Nunukan asks 6.000 (sisa 300): it waits for a manager; the district's mail and the desk's reply."""
    mid, outcome = d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                          date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-held": 1}
    [reply] = d.replies_to(mid)
    return mid, reply


GMAIL = "Pada Sab, 5 Des 2026 pukul 09.00 {desk} menulis:"  # the line Gmail writes over the quote


def send_answer(d: Desk12, sender: str, mail: Out, words: str, *, above: str = "") -> tuple[str, dict[str, int]]:
    """*sender* answers the desk's *mail* in its thread: *words*, then *above* (a mail client's line over the
    quote, "{desk}" standing for the desk's address, if any) and the mail quoted line by line (">")."""
    marked = "\n".join(f"> {line}" if line else ">" for line in mail.text.splitlines())
    head = above.format(desk=mail.msg["From"]) + "\n" if above else ""
    return d.send(sender, "Re: " + mail.subject, f"{words}\n\n{head}{marked}\n", in_reply_to=mail.message_id)


def answer_gmail(d: Desk12, reply: Out, words: str) -> tuple[str, dict[str, int]]:
    """Bulungan answers the desk's *reply* in Gmail style ("Pada ... menulis:" over the quoted text)."""
    return send_answer(d, BULUNGAN, reply, words, above=GMAIL)


def part_approved(d: Desk12) -> Out:
    """Nunukan's 3.500 held, the kadis approves 2.000 of it: the desk's mail telling Nunukan."""
    _, held = held_for_managers(d)
    n = len(d.out())
    _, outcome = send_answer(d, MANAGERS[0], held, "SETUJU 2.000", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    [told] = [o for o in d.out()[n:] if NUNUKAN in o.to]
    assert "SEBAGIAN" in told.text, told.text
    return told


def dispatched(d: Desk12) -> Out:
    """BLK-2026-0001 (2.000) approved and dispatched; the desk's dispatch mail."""
    approved(d)
    return dispatch_now(d)


def dispatch_now(d: Desk12) -> Out:
    """BLK-2026-0001, approved, dispatched by the operator now; the desk's dispatch mail."""
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="operator", via="cli")
    [notice] = [o for o in d.out() if o.purpose.startswith("dispatched:")]
    return notice


def proposed_shipment(d: Desk12, district: str, name: str, printed: int) -> Out:
    """*district* reports 420 blanks left (under its threshold), *printed* a day: the desk proposes a shipment that
    waits for the managers; the managers' alert."""
    d.send(district, "Laporan harian", f"Laporan harian 1/12/2026\nperekaman {printed + 5}\npencetakan {printed}\n"
                                       f"sisa blangko 420\n\nDisdukcapil Kabupaten {name}\n")
    [alert] = [o for o in d.to_managers() if o.purpose.startswith("alert:below_threshold")]
    assert "SETUJU" in alert.text and d.request()["proactive"] and d.request()["state"] == "held"
    return alert


def appealed_rejection(d: Desk12) -> Out:
    """Nunukan asks 3.500 (sisa 300), held; a manager rejects it; Nunukan appeals. The managers' appeal notice."""
    mid, outcome = d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=300, asked="3.500", name="Nunukan"),
                          date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-held": 1}
    [held] = [o for o in d.out() if o.purpose.startswith("held:")]
    send_answer(d, MANAGERS[0], held, "TOLAK stok provinsi sedang dihemat")
    assert d.request()["state"] == "rejected"
    [rejected] = [o for o in d.replies_to(mid) if "TIDAK DAPAT KAMI SETUJUI" in o.text]
    told_before = len(d.to_managers())
    appeal, _ = send_answer(d, NUNUKAN, rejected, "Mohon dipertimbangkan kembali pak, stok kami tinggal 200 keping dan "
                                                  "perekaman massal sudah dijadwalkan minggu depan.")
    [forwarded] = d.replies_to(appeal)
    assert "keputusannya akan kami sampaikan melalui email" in flat(forwarded.text)
    [notice] = d.to_managers()[told_before:]
    assert "SETUJU <jumlah>" in notice.text and "TOLAK <alasan>" in notice.text
    return notice


def appealed_part(d: Desk12, words: str) -> tuple[int, Out]:
    """Malinau asks 1.800 with 500 left, a part is approved, and it appeals; (the part, the managers' notice)."""
    mid, _ = d.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock=500, asked="1.800", name="Malinau"))
    part = d.request()["approved"]
    assert d.request()["state"] == "approved" and part < 1800
    [partial] = d.replies_to(mid)
    quoted = "\n".join(f"> {line}" for line in partial.text.splitlines())
    told_before = len(d.to_managers())
    d.send(MALINAU, "Re: " + partial.subject, f"{words}\n\n{quoted}\n", in_reply_to=partial.message_id)
    assert d.request()["state"] == "held"
    [notice] = d.to_managers()[told_before:]
    return part, notice


ASKED_VAGUE = "Kami mohon kiriman blangko KTP-el, persediaan kami sudah menipis.\n"  # no figure: asked back


def asked_back(desk12: Desk12) -> None:
    """Tarakan asks blanks with no figure on Monday 30 November; the desk asks it back."""
    _, outcome = desk12.send(TARAKAN, "Permohonan blangko", ASKED_VAGUE, date="Mon, 30 Nov 2026 09:00:00 +0800")
    assert outcome == {"request-clarify": 1}, outcome


def client_quote(reply: Out, style: str) -> tuple[str, str | None]:
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


def told_not_arrived(desk12: Desk12, words: str, *, above: str = "") -> tuple[Out, Out]:
    """Bulungan answers the dispatch mail with *words* (under *above*, as send_answer): nothing booked, the request
    still dispatched, a "receipt_not_arrived" item, the district told why and the managers told once; (the reply,
    the notice)."""
    notice = dispatched(desk12)
    on_hand = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=above)
    assert desk12.request()["state"] == "dispatched" and desk12.on_hand() == on_hand, outcome
    assert "receipt_not_arrived" in desk12.queue(mid), (outcome, desk12.queue(mid))
    [told] = desk12.replies_to(mid)
    assert "Penerimaan hanya kami catat setelah blangko benar-benar diterima" in flat(told.text), told.text
    [managers] = [o for o in desk12.out() if o.purpose.startswith("not-arrived:")]
    assert "belum sampai" in managers.subject and "BLK-2026-0001" in managers.subject
    return told, managers
