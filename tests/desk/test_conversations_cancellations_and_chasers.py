"""Conversations that once went wrong, on the real SQLite desk in process over the Maildir
defaults, every message written fresh: cancellations in Banjar or restating the request's own figure; a request
asked with "mintakan kirimi"; a receipt with a stock correction beside it; reminders sent as new mails in English and
Banjar; and the lows (English thanks, thousands dots in the queue, undecodable subjects, another district's
reference, the appeal's arithmetic, a stale personal-address decision)."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    GMAIL,
    NUNUKAN,
    Desk12,
    answer_gmail,
    appealed_rejection,
    flat,
    held_for_managers,
    send_answer,
    send_request,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _partly(d: Desk12):
    """Bulungan asks 3.800 (sisa 600), approved in part."""
    reply = send_request(d, "600", "3.800")
    assert d.request()["state"] == "approved" and d.request()["approved"] < 3800, dict(d.request())
    return reply


# a cancellation in Banjar or restating the request's own figure is a cancellation -----------------

@pytest.mark.parametrize("words", [
    "Pak, usulan kami nang 3.800 tu kada usah diproses lagi, urung haja, sudah dapat pinjaman blangko dari "
    "Tarakan.\nTrims",
    "Dengan hormat, permohonan kami sebanyak 3.800 keping mohon dibatalkan, karena sudah mendapat pinjaman dari Kota "
    "Tarakan. Terima kasih.",
    "Pak, usulan kami nang 3.800 tu kada usah dikirim lagi lah.",
    "Pak, permintaan 3.800 keping kemarin urung haja, kada usah diproses.",
    "Mohon permohonan 3.800 keping tersebut dibatalkan saja pak, stok sudah tercukupi dari pusat.",
], ids=["urung_haja", "mohon_dibatalkan", "kada_usah_dikirim", "urung_own", "dibatalkan_own"])
def test_a_cancellation_of_an_approved_request_warns_before_dispatch(desk12: Desk12, words: str) -> None:
    reply = _partly(desk12)
    approved = desk12.request()["approved"]
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: an appeal for 3.800 (the approval set aside), or "cancellation with a new figure" with no warning
    assert outcome == {"follow-up-cancel-asked": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["approved"] == approved and desk12.request()["state"] == "approved"
    assert desk12.queue(mid) == {"cancellation"}
    warned = [o for o in desk12.to_managers() if "jangan dikirim" in flat(o.text)]
    assert warned, [o.subject for o in desk12.to_managers()]


# "kami mintakan kirimi blangko": any word of asking before any form of "kirim" asks for blanks ------------

@pytest.mark.parametrize("words", [
    "Slmt siang pak,\nkami mintakan kirimi blangko ktp el lg ya pak, sisa di gudang kami tinggal 2.100 lembar, minggu "
    "dpn ada layanan keliling ke desa2.\n\nSent from my Redmi",
    "Pak, tlg dikirimkan blangko KTP-el lagi, persediaan di kantor tinggal 1.800 keping.",
    "Pak, kami memintakan dikirimkan blangko KTP-el, sisa 700 lembar.",
], ids=["mintakan_kirimi", "tlg_dikirimkan", "memintakan_dikirimkan"])
def test_a_word_of_asking_before_a_form_of_kirim_is_a_request_asked_back(desk12: Desk12, words: str) -> None:
    mid, outcome = desk12.send(BULUNGAN, "blangko ktpel", words)
    # was: a daily report (no reply, the stock on record overwritten)
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    assert "Jumlah yang dimohon belum kami temukan" in flat(asked.text), asked.text
    assert desk12.request()["state"] == "clarifying"


# a receipt and a correction of the request's stock in one reply: each read in its role -----------------

@pytest.mark.parametrize(("asked", "stock", "words", "got", "fixed"), [
    ("1.500", "2.000", "Yth. Bapak,\nkiriman sudah kami terima, tapi setelah dihitung hanya 1.450 keping (kurang 50 "
     "dari surat jalan).\nSekalian kami ralat, stok kami waktu mengajukan sebenarnya 1.700 keping, bukan 2.000.",
     1450, 1700),
    ("2.000", "450", "Sdh kami terima 2.000 keping lengkap pak. Btw stok kami waktu minta kemarin sebenarnya 380, "
     "bukan 450. Mksh", 2000, 380),
    ("2.000", "750", "Blangko 2.000 keping sdh kami terima pak, lengkap. Oh iya, sisa stok kami pas minta blangko "
     "kemarin yg benar 520, bukan 750.", 2000, 520),
], ids=["shortfall_mengajukan", "lengkap_minta", "terima_pas_minta"])
def test_a_receipt_with_a_stock_correction_books_the_receipt(desk12: Desk12, asked: str, stock: str, words: str,
                                                            got: int, fixed: int) -> None:
    from mailbot import actions
    from mailbot.store import repo
    sender, name = (NUNUKAN, "Nunukan") if stock == "2.000" else (BULUNGAN, "Bulungan")
    send_request(desk12, stock, asked, sender=sender, name=name, outcome="request-approved")
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    [notice] = [o for o in desk12.out() if o.purpose.startswith("dispatched:")]
    mid, outcome = send_answer(desk12, sender, notice, words, above=GMAIL)
    # was: the stock read as the figure asked, nothing booked, "a figure still in doubt" in the queue
    assert outcome == {"receipt": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["state"] == "received", dict(desk12.request())
    [reply] = desk12.replies_to(mid)
    assert f"{got:,}".replace(",", ".") in flat(reply.text) and f"{fixed:,}".replace(",", ".") in flat(reply.text), \
        reply.text
    shipped = desk12.request()["approved"]
    gaps = [o for o in desk12.to_managers() if o.purpose.startswith("shortfall")]
    assert bool(gaps) == (got != shipped), [o.purpose for o in desk12.to_managers()]


# a reminder sent as a new mail, in English or in Banjar, chases the district's open request ------------

@pytest.mark.parametrize("words", [
    "Hello, has our shipment of e-KTP blanks been sent? We haven't received anything yet.\n\nRegards,\nDewi",
    "Good morning, any update on our request for the blanks?\n\nThanks,\nDewi",
    "Hi, we still haven't received the e-KTP blanks. Thanks, Dewi",
], ids=["has_our_shipment", "any_update", "havent_received"])
def test_an_english_chaser_as_a_new_mail_is_a_reminder_of_the_shipment(desk12: Desk12, words: str) -> None:
    from tests.desk.desk12 import dispatched
    dispatched(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Status of our blanks", words)
    # was: "a question from the district" in the queue, the generic acknowledgement
    assert outcome == {"reminder": 1}, (outcome, desk12.queue(mid))
    [reply] = desk12.replies_to(mid)
    assert "BLK-2026-0001" in reply.subject and "akan dibaca" not in flat(reply.text), reply.text


@pytest.mark.parametrize("words", [
    "Pak, permohonan blangko kami nang minggu tadi kaya apa kabarnya? Kada kawa lagi melayani perekaman, blangko "
    "habis.",
    "Pak, usulan blangko kami kayapa kabarnya? Stok kami sudah habis.",
    "Nyuwun sewu pak, permohonan blangko kulo pripun kabaripun? Blangko sampun telas.",
], ids=["kaya_apa_kabarnya", "kayapa", "pripun_kabaripun"])
def test_a_regional_chaser_as_a_new_mail_is_a_reminder_of_the_held_request(desk12: Desk12, words: str) -> None:
    held_for_managers(desk12)
    n = len(desk12.to_managers())
    mid, outcome = desk12.send(NUNUKAN, "Blangko", words)
    # was: a daily report of stock 0 (no reply to the district, only a critical-stock alert to the managers)
    assert outcome == {"reminder": 1}, (outcome, desk12.queue(mid))
    [reply] = desk12.replies_to(mid)
    assert "BLK-2026-0001" in reply.subject, reply.subject
    assert any("Pengingat" in o.subject or "Pengingat" in flat(o.text) for o in desk12.to_managers()[n:]), \
        [o.subject for o in desk12.to_managers()[n:]]


# English thanks waiting for the blanks need no person ------------------------------------------------------

@pytest.mark.parametrize("words", ["Noted with thanks. We'll wait for the delivery.\n\nYosef",
                                   "Thank you, we will be waiting for the blanks.\n\nRegards, Yosef"],
                         ids=["noted_wait", "will_be_waiting"])
def test_english_thanks_waiting_for_the_blanks_are_recorded_unanswered(desk12: Desk12, words: str) -> None:
    from tests.desk.desk12 import approved
    reply = approved(desk12)
    n = len(desk12.out())
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "not a request, report or receipt" in the queue and an acknowledgement
    assert desk12.queue(mid) == set() and len(desk12.out()) == n, (outcome, desk12.queue(mid))


# the queue writes a district's change with the figures as Indonesian write them -----------------------------

def test_the_queue_writes_a_change_after_dispatch_with_thousands_dots(desk12: Desk12) -> None:
    from tests.desk.desk12 import dispatched
    notice = dispatched(desk12)
    mid, _ = answer_gmail(desk12, notice, "Eh pak maaf, kami ternyata cukup 1.500 keping saja, bukan 2.000")
    [detail] = [r[0] for r in desk12.db().execute(
        "select a.detail from attention_items a join messages m on m.id = a.message_pk where m.message_id = ?",
        (mid,))]
    # was: "Jumlah yang dimohon: 2000 -> 1500"
    assert "2.000 -> 1.500" in detail, detail


# header bytes no charset decodes are never copied into a reply's subject -----------------------------------

@pytest.mark.parametrize("subject", [
    b"Permohonan blangko KTP\xff\xfeel bulan Desember",
    b"=?utf-8?Q?Permohonan_blangko_=FF=FE_KTP-el?= =?iso-8859-1?B?!!!notbase64?=",
    b"Permohonan blangko =?utf-8?B?S1RQLWVs?= \xc3\x28 Desember =?x-unknown?Q?=FF?=",
], ids=["raw_bom_bytes", "broken_encoded_word", "invalid_utf8_unknown_charset"])
def test_undecodable_header_bytes_never_reach_a_reply_subject(desk12: Desk12, subject: bytes) -> None:
    from mailbot.runners import process_inbox
    from mailbot.transports.maildir import MaildirInbox, deliver
    raw = (b"From: Admin Capil <" + BULUNGAN.encode() + b">\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
           b"Subject: " + subject + b"\r\nDate: Wed, 02 Dec 2026 10:00:00 +0800\r\n"
           b"Message-ID: <raw1@bulungankab.example>\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\nDengan hormat,\r\nmohon dikirim "
           b"blangko KTP-el 2.000 keping, sisa stok kami 750 keping.\r\nTerima kasih\r\n")
    deliver(desk12.inbox, raw)
    process_inbox(desk12.desk, MaildirInbox(desk12.inbox, size_limit=desk12.desk.config.guards.max_message_bytes))
    [reply] = desk12.replies_to("<raw1@bulungankab.example>")
    said = str(reply.msg["Subject"])
    # was: "Re: [BLK-2026-0001] Permohonan blangko KTPÿþel bulan Desember", "... �� KTP-el = ?iso-8859-1?B?!!!..."
    assert said.startswith("Re: [BLK-2026-0001] Permohonan blangko"), said
    assert not any(bad in said for bad in ("\ufffd", "\xff", "\xfe", "=?", "= ?", "?=")), said


# a decision from an address no listed manager's is closed with the request's real decision ------------------

def test_a_decision_from_a_personal_address_leaves_the_queue_when_the_request_is_decided(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    stray, _ = send_answer(desk12, "pak.kadis.kaltara@gmail.example", held,
                           "SETUJU 3.000\n\nDikirim dari HP, email kantor sedang error", above=GMAIL)
    assert desk12.queue(stray) == {"unverified_decision"} and desk12.request()["state"] == "held"
    send_answer(desk12, MANAGERS[0], held, "SETUJU 3.000", above=GMAIL)
    assert desk12.request()["state"] == "approved", dict(desk12.request())
    # was: the personal address's "SETUJU 3.000" still open in the queue beside the decided request
    assert desk12.queue(stray) == set()


def test_a_question_from_a_personal_address_stays_in_the_queue_after_the_decision(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    stray, _ = send_answer(desk12, "staf.nunukan@gmail.example", held,
                           "Pak, ini staf Nunukan pakai email pribadi. Kapan bisa kami ambil sendiri ke gudang?")
    send_answer(desk12, MANAGERS[0], held, "SETUJU 3.000", above=GMAIL)
    assert desk12.queue(stray) == {"stranger_in_thread"}


# a reply about no request of the writer's names no other district's reference ------------------------------

def test_another_districts_forwarded_correction_is_acknowledged_without_its_reference(desk12: Desk12) -> None:
    from tests.desk.desk12 import MALINAU, TARAKAN
    reply = send_request(desk12, "750", "1.500", sender=MALINAU, name="Malinau")
    before = dict(desk12.request())
    forwarded = "\n".join(f"> {line}" for line in reply.text.splitlines())
    mid, _ = desk12.send(TARAKAN, "Fwd: " + reply.subject,
                         f"koreksi pak, utk kami cukup 1.200 keping saja bukan 1.500\n\n---------- Forwarded message "
                         f"---------\n{forwarded}\n", in_reply_to=reply.message_id)
    assert dict(desk12.request()) == before
    [ack] = desk12.replies_to(mid)
    # was: "Re: [BLK-2026-0001] Permohonan tambahan blangko KTP-el", Malinau's reference told to Tarakan
    assert "BLK-2026-0001" not in ack.subject and "BLK-2026-0001" not in flat(ack.text), (ack.subject, ack.text)


# an approval after an appeal never shows the arithmetic of the stock the appeal replaced ---------------------

def test_an_approval_after_an_appeal_shows_no_arithmetic_on_the_old_stock(desk12: Desk12) -> None:
    notice = appealed_rejection(desk12)  # 3.500 asked on a stock of 300, rejected; the appeal says 200 are left
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], notice, "SETUJU 2.000")
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    text = flat(district.text)
    assert "2.000 keping" in text
    # was: "kebutuhan 30 hari x .../hari - sisa 300 = ..." (the stock the appeal corrected)
    assert "sisa 300" not in text, text


@pytest.mark.parametrize("words", [
    "Pak, usulan kami nang 3.800 tu kada usah diproses lagi, urung haja, sudah dapat pinjaman blangko dari Tarakan.",
    "Dengan hormat, permohonan kami sebanyak 3.800 keping mohon dibatalkan, karena sudah mendapat pinjaman dari Kota "
    "Tarakan.",
], ids=["urung_haja", "mohon_dibatalkan"])
def test_a_cancellation_as_a_new_mail_naming_the_requests_figure_is_no_new_request(desk12: Desk12, words: str) -> None:
    _partly(desk12)
    approved = desk12.request()["approved"]
    mid, outcome = desk12.send(BULUNGAN, "Pembatalan permohonan blangko", words)
    assert outcome == {"follow-up-cancel-asked": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["approved"] == approved and desk12.request("BLK-2026-0002") is None
