"""On the real SQLite desk in process: the desk's own reply pasted back in a layout no client marks (above the
district's words, run into a Yahoo or Thunderbird attribution line) never makes the district's mail automated: the
correction or receipt is applied and answered; a known district sender's mail in its request's thread that looks
automated from its words alone is never dropped silently."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot import actions
from mailbot.runners import process_inbox
from mailbot.store import repo
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.desk12 import BULUNGAN, UNFOLDED, Desk12, Out, approved
from tests.desk.mailkit import MANAGERS, OFFICE

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _dispatch(d: Desk12, reference: str = "BLK-2026-0001") -> None:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, reference)
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="operator", via="cli")


def _pasted_above(reply: Out, new: str) -> str:
    return f"{reply.text}\n\n\n{new}\n"


def _yahoo(reply: Out, new: str) -> str:
    first, *rest = reply.text.splitlines()
    quoted = "\n".join(f"   {line}" for line in rest)
    return (f"{new}\n\nDikirim dari Yahoo Mail di Android\n\n  Pada Sel, 1 Des 2026 pada 8:05, Meja Blangko"
            f"<{OFFICE}> menulis:   {first}\n{quoted}\n")


def _thunderbird(reply: Out, new: str) -> str:
    return f"{new}\n\nOn 01/12/2026 08.05, Meja Blangko wrote: {' '.join(reply.text.split())}\n"


LAYOUTS = {"pasted_above": _pasted_above, "yahoo_joined": _yahoo, "thunderbird_one_line": _thunderbird}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_correction_under_any_layout_of_the_desks_reply_is_applied_and_answered(desk12: Desk12, layout: str) -> None:
    reply = approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               LAYOUTS[layout](reply, "Ralat pak, sisa stok kami 500 bukan 750."),
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    assert (desk12.request()["stock_on_hand"], desk12.request()["state"]) == (500, "approved")
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "750 keping menjadi 500 keping" in told.text


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_receipt_under_any_layout_of_the_desks_reply_is_booked(desk12: Desk12, layout: str) -> None:
    reply = approved(desk12)
    _dispatch(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               LAYOUTS[layout](reply, "Sudah kami terima 2.000 keping, terima kasih pak."),
                               in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt": 1}
    assert desk12.request()["state"] == "received" and "receipt_confirmed" in desk12.ledger_kinds()
    assert len(desk12.replies_to(mid)) == 1


def _send_raw(d: Desk12, body: str, *, in_reply_to: str, headers: dict[str, str]) -> tuple[str, dict[str, int]]:
    d.n += 1
    mid = f"<raw{d.n}@bulungankab.example>"
    msg = EmailMessage(policy=UNFOLDED)
    msg["From"], msg["To"], msg["Subject"] = BULUNGAN, OFFICE, "Re: [BLK-2026-0001] Permohonan tambahan blangko KTP-el"
    msg["Date"], msg["Message-ID"] = "Wed, 02 Dec 2026 10:00:00 +0800", mid
    msg["In-Reply-To"], msg["References"] = in_reply_to, in_reply_to
    for name, value in headers.items():
        msg[name] = value
    msg.set_content(body)
    deliver(d.inbox, bytes(msg))
    inbox = MaildirInbox(d.inbox, size_limit=d.desk.config.guards.max_message_bytes)
    return mid, dict(process_inbox(d.desk, inbox))


# Another system's template sentence in the district's words (a footer its mail server adds): automated by its words
# alone.
TEMPLATED = "Sisa stok kami 500 keping.\n\nPesan ini dikirim secara otomatis oleh sistem SIAK Kabupaten Bulungan."


def test_a_district_mail_in_its_thread_automated_by_its_words_alone_goes_to_a_person(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, outcome = _send_raw(desk12, TEMPLATED, in_reply_to=reply.message_id, headers={})
    assert outcome == {"automated-reply+queued": 1}
    assert desk12.queue(mid) == {"automated_in_thread"}
    [ack] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in ack.subject and "akan dibaca" in ack.text
    assert desk12.request()["stock_on_hand"] == 750  # nothing applied unread


def test_a_district_mail_with_an_automated_header_is_still_never_answered(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, outcome = _send_raw(desk12, TEMPLATED, in_reply_to=reply.message_id,
                             headers={"Auto-Submitted": "auto-generated"})
    assert outcome == {"automated-reply": 1}
    assert desk12.queue(mid) == set() and desk12.replies_to(mid) == []


# --- a receipt of both blanks: each blank's count goes the same way ----------------------------------------------

KIA_REQUEST = ("Dengan hormat,\nbersama ini kami sampaikan sisa stok blangko KIA kami saat ini 300 keping.\nUntuk itu "
               "kami mohon tambahan blangko KIA sebanyak 500 keping.\n\nHormat kami,\nDisdukcapil Kabupaten Bulungan\n")


def _both_dispatched(d: Desk12) -> None:
    approved(d)
    _, outcome = d.send(BULUNGAN, "Permohonan tambahan blangko KIA", KIA_REQUEST,
                        date="Tue, 01 Dec 2026 09:00:00 +0800")
    assert outcome == {"request-approved": 1}
    _dispatch(d, "BLK-2026-0001")
    _dispatch(d, "BLK-2026-0002")


def _discrepancies(d: Desk12) -> list[tuple[str, str, int]]:
    return [(r[0], r[1], r[2]) for r in d.db().execute(
        "select r.reference, a.reason, a.quantity from attention_items a join requests r on r.id = a.request_pk "
        "where a.kind = 'discrepancy' and a.closed_at is null order by a.id")]


@pytest.mark.parametrize("kia", [450, 550])
def test_the_second_blanks_difference_in_a_combined_receipt_opens_its_discrepancy(desk12: Desk12, kia: int) -> None:
    _both_dispatched(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Tanda terima blangko",
                               f"Dengan hormat,\nblangko KTP-el 2.000 keping dan blangko KIA {kia} keping sudah kami "
                               "terima hari ini.\n\nHormat kami,\nDisdukcapil Kabupaten Bulungan",
                               date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt": 1}
    assert desk12.request("BLK-2026-0002")["state"] == "received"
    assert _discrepancies(desk12) == [("BLK-2026-0002", "shortfall" if kia < 500 else "surplus", 500 - kia)]
    [notice] = [o for o in desk12.out() if "Selisih penerimaan" in o.subject]
    assert "[BLK-2026-0002]" in notice.subject and "blangko KIA" in notice.text
    [told] = desk12.replies_to(mid)
    assert f"blangko KIA sebanyak {kia} keping untuk permohonan BLK-2026-0002" in told.text
    assert f"selisih {'kurang' if kia < 500 else 'lebih'} 50 keping" in told.text


def test_a_combined_receipt_that_matches_both_shipments_opens_nothing(desk12: Desk12) -> None:
    _both_dispatched(desk12)
    _, outcome = desk12.send(BULUNGAN, "Tanda terima blangko",
                             "blangko KTP-el 2.000 keping dan blangko KIA 500 keping sudah kami terima hari ini.",
                             date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt": 1}
    assert _discrepancies(desk12) == [] and not [o for o in desk12.out() if "Selisih" in o.subject]


def test_the_second_blanks_count_with_no_shipment_goes_to_a_person_and_the_reply_says_so(desk12: Desk12) -> None:
    reply = approved(desk12)
    _dispatch(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Dengan hormat,\nbersama ini kami sampaikan bahwa blangko KTP-el sebanyak 2.000 keping "
                               "dan blangko KIA sebanyak 500 keping telah kami terima dengan baik.",
                               in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt": 1}
    assert desk12.request()["state"] == "received"
    assert desk12.queue(mid) == {"receipt_unmatched"}
    [item] = desk12.db().execute("select item, quantity from attention_items where reason = 'receipt_unmatched'")
    assert tuple(item) == ("kia", 500)
    [told] = desk12.replies_to(mid)
    assert "Penerimaan blangko KIA sebanyak 500 keping belum dapat kami cocokkan" in told.text
    assert "blangko KTP-el sebanyak 2.000 keping untuk permohonan BLK-2026-0001" in told.text


# --- a corrected stock beside the request kept as it was granted is a correction -----------------------------------

@pytest.mark.parametrize("text", [
    "Koreksi: sisa stok kami 300 keping, bukan 750. Kami tetap membutuhkan 2.000 keping.",
    "Correction: our remaining stock is actually 300 pieces, not 750. We still need 2000 blanks.",
])
def test_a_stock_correction_keeping_the_granted_figure_is_re_decided_not_held(desk12: Desk12, text: str) -> None:
    reply = approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, text, in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    req = desk12.request()
    assert (req["stock_on_hand"], req["requested"], req["approved"], req["state"]) == (300, 2000, 2000, "approved")
    assert not [o for o in desk12.out() if set(o.to) & {"kadis@disdukcapil.kaltaraprov.example"}]
    [told] = desk12.replies_to(mid)
    assert "750 keping menjadi 300 keping" in told.text and "DITINJAU" not in told.text


def test_asking_to_look_again_beside_the_kept_figure_is_still_an_appeal(desk12: Desk12) -> None:
    reply = approved(desk12)
    _, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                             "Koreksi: sisa stok kami 300 keping, bukan 750. Kami tetap membutuhkan 2.000 keping, "
                             "mohon dipertimbangkan kembali.", in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-held": 1}
    assert desk12.request()["state"] == "held"


# --- a manager's figure in words is read as on the command line -----------------------------------------------------

@pytest.mark.parametrize(("command", "reason"), [
    ("SETUJU dua ribu", None),
    ("Setuju dua ribu keping", None),
    ("SETUJU dua ribu / sisanya bulan depan", "sisanya bulan depan"),
])
def test_a_managers_approval_with_the_figure_in_words_is_applied(desk12: Desk12, command: str,
                                                                 reason: str | None) -> None:
    _, first = desk12.send("disdukcapil@nunukankab.example", "Permohonan tambahan blangko KTP-el",
                           "Dengan hormat,\nsisa stok blangko KTP-el kami saat ini 300 keping.\nKami mohon tambahan "
                           "blangko KTP-el sebanyak 6.000 (enam ribu) keping.\n",
                           date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert first == {"request-held": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    _, got = desk12.send(MANAGERS[0], "Re: " + notice.subject, f"{command}\n\n{quoted}\n",
                         in_reply_to=notice.message_id)
    assert got == {"manager-approve": 1}
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 2000)
    [told] = [o for o in desk12.out() if "disdukcapil@nunukankab.example" in o.to and "2.000" in o.text
              and "SEBAGIAN" in o.text]
    assert reason is None or reason in told.text


# --- a figure written below zero is never read without its sign ------------------------------------------------------

def test_a_correction_to_a_stock_below_zero_changes_nothing_and_is_asked_back(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Koreksi: sisa stok kami -50 keping (minus, karena ada pinjaman ke kecamatan), "
                               "bukan 750.",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-clarify": 1}
    assert (desk12.request()["stock_on_hand"], desk12.request()["approved"]) == (750, 2000)
    assert desk12.db().execute("select count(*) from stated_stock where quantity = 50").fetchone()[0] == 0
    [asked] = desk12.replies_to(mid)  # the question, in the thread: the answer comes back there
    assert "kurang dari nol (minus)" in asked.text


def test_a_request_with_a_stock_below_zero_is_asked_back(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                               "Dengan hormat,\nsisa stok blangko KTP-el kami saat ini -50 keping.\n"
                               "Kami mohon tambahan blangko KTP-el sebanyak 2.000 keping.",
                               date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-clarify": 1}
    [asked] = desk12.replies_to(mid)
    assert "kurang dari nol (minus)" in asked.text
