"""A district's cancellation in its request's thread, on the real SQLite desk in process over the Maildir defaults:
a reason that mentions an arrival stays a cancellation; "batal saja" and "gak jadi" cancel; a new figure beside the
words of cancelling is never lost; "sisa N dikirim minggu depan" in a receipt is the rest still coming, not a stock;
a denial is queued with a fitting reason; a manager's SETUJU after a cancellation is refused without the commands;
an approved request withdrawn in other words ("batal aja ya", "kami urungkan", "ga usah dikirim") goes to a person;
a thank-you that says more is no confirmation; "800 lagi nyusul" is the rest still coming, and the outstanding
figure arriving later ("yang 800 sudah sampai") completes the receipt."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import BULUNGAN, NUNUKAN, Desk12, Out, approved, client_quote, held_reply, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _answer(d: Desk12, reply: Out, words: str, sender: str = NUNUKAN) -> tuple[str, dict[str, int]]:
    """*words* in a letter's greeting and thanks, answering *reply*."""
    return send_answer(d, sender, reply, f"Dengan hormat,\n{words}\n\nTerima kasih")


def _dispatched(d: Desk12) -> Out:
    reply = approved(d)
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="operator", via="cli")
    return reply


@pytest.mark.parametrize("words", [
    "permohonan kami batalkan karena kiriman dari pusat sudah datang kemarin.",
    "batal saja pak, blangkonya ternyata masih cukup.",
    "Permohonannya dibatalkan saja pak, stok kami masih ada.",
    "Nggak jadi pak, blangkonya ternyata masih cukup.",
    "gak jadi minta pak.",
    "Permohonan kami batal pak, stok masih cukup.",
])
def test_a_held_request_is_cancelled_whatever_the_reason_says(desk12: Desk12, words: str) -> None:
    _, reply = held_reply(desk12)
    mid, outcome = _answer(desk12, reply, words)
    assert outcome == {"follow-up-cancelled": 1}
    assert desk12.request()["state"] == "cancelled"
    assert not desk12.queue(mid)
    [told] = desk12.replies_to(mid)
    assert "telah kami BATALKAN" in told.text and "penerimaan" not in told.text
    [notice] = [o for o in desk12.out() if o.purpose.startswith("cancelled:")]
    assert sorted(notice.to) == sorted(MANAGERS)


def test_batal_saja_on_a_dispatched_request_goes_to_a_person_at_once(desk12: Desk12) -> None:
    reply = _dispatched(desk12)
    mid, outcome = _answer(desk12, reply, "batal saja pak, blangkonya ternyata masih cukup", sender=BULUNGAN)
    assert outcome == {"follow-up-cancel-asked": 1}
    assert desk12.request()["state"] == "dispatched"
    assert desk12.queue(mid) == {"cancellation"}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("cancel-asked:")]
    assert set(MANAGERS) <= set(notice.to)


@pytest.mark.parametrize(("words", "figure"), [
    ("Permohonan 5.000 keping kami batalkan, cukup 2.000 keping saja.", "2.000"),
    ("kami batalkan, cukup 2.000 keping saja.", "2.000"),
    ("Mohon dibatalkan yang 6.000 itu pak, kami ganti jadi 2.500 keping saja.", "2.500"),
])
def test_a_cancellation_with_a_new_figure_keeps_the_figure(desk12: Desk12, words: str, figure: str) -> None:
    _, reply = held_reply(desk12)
    mid, outcome = _answer(desk12, reply, words)
    req = desk12.request()
    assert req["state"] != "cancelled"
    assert outcome in ({"follow-up-queued": 1}, {"follow-up-corrected": 1}, {"follow-up-updated": 1}) or \
        desk12.queue(mid) == {"cancellation_unclear"}, outcome
    if req["requested"] == int(figure.replace(".", "")):
        return  # read as the replacement figure: a correction
    assert desk12.queue(mid) == {"cancellation_unclear"}
    detail = desk12.db().execute("select detail from attention_items where message_pk = "
                                 "(select id from messages where message_id = ?)", (mid,)).fetchone()[0]
    assert figure in detail
    [told] = desk12.replies_to(mid)
    assert "BATALKAN" not in told.text


def test_the_rest_to_be_sent_next_week_is_a_partial_receipt_not_a_stock(desk12: Desk12) -> None:
    reply = _dispatched(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, got = desk12.send(BULUNGAN, "Re: " + reply.subject,
                           f"Baru sampai 1.200 keping, sisa 800 katanya dikirim minggu depan.\n\n{quoted}\n",
                           in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert got == {"receipt": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("shortfall:")]
    assert "menyusul" in notice.subject and "belum tentu final" in notice.text
    [told] = desk12.replies_to(mid)
    assert "Sisa stok" not in told.text
    assert "masih menyusul" in told.text
    stated = desk12.db().execute("select count(*) from stated_stock where quantity = 800").fetchone()[0]
    assert stated == 0


def test_a_denial_is_queued_as_a_denial_and_a_late_setuju_lists_no_commands(desk12: Desk12) -> None:
    _, reply = held_reply(desk12)
    mid, _ = _answer(desk12, reply, "Mohon permohonan kami jangan dibatalkan ya pak.")
    assert desk12.request()["state"] == "held"
    assert desk12.queue(mid) == {"cancel_denied"}
    cancel, _ = _answer(desk12, reply, "Mohon dibatalkan saja permohonan kami.")
    assert desk12.request()["state"] == "cancelled"
    [notice] = [o for o in desk12.out() if o.purpose.startswith("cancelled:")]
    approve, _ = desk12.send(MANAGERS[0], "Re: " + notice.subject, "SETUJU", in_reply_to=notice.message_id)
    [refused] = desk12.replies_to(approve)
    assert "sudah dibatalkan" in refused.text
    assert "TOLAK" not in refused.text


@pytest.mark.parametrize("words", [
    "Pak, batal aja ya, kegiatan jemput bolanya diundur tahun depan.",
    "setelah kami hitung ulang, permohonan tersebut kami urungkan.",
    "bersama ini permohonan kami tarik kembali karena sudah mendapat pinjaman dari Kabupaten Bulungan.",
    "Mohon maaf pak, blangkonya ga usah dikirim dulu, ternyata masih ada stok di gudang kecamatan.",
    "blangkonya tidak perlu dikirim, stok kami masih cukup.",
    "Please cancel our request, we still have enough.",
])
def test_an_approved_request_withdrawn_in_other_words_goes_to_a_person(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = _answer(desk12, reply, words, sender=BULUNGAN)
    assert outcome == {"follow-up-cancel-asked": 1}, outcome
    assert desk12.queue(mid) == {"cancellation"}
    [told] = desk12.replies_to(mid)
    assert told.text


def test_a_denial_with_the_granted_figure_is_a_denial(desk12: Desk12) -> None:
    reply = approved(desk12)
    granted = desk12.request()["approved"]
    mid, _ = _answer(desk12, reply, f"Permohonan TIDAK kami batalkan, mohon tetap dikirim {granted:,} keping."
                     .replace(",", "."), sender=BULUNGAN)
    assert desk12.request()["state"] == "approved"
    assert desk12.queue(mid) == {"cancel_denied"}
    assert len(desk12.replies_to(mid)) == 1


def test_a_thank_you_that_says_more_is_read_by_a_person_not_filed_as_confirmed(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, outcome = _answer(desk12, reply, "Pak, kegiatan jemput bolanya diundur tahun depan.", sender=BULUNGAN)
    assert "follow-up-confirmed" not in outcome, outcome
    assert desk12.queue(mid)
    assert len(desk12.replies_to(mid)) == 1
    assert desk12.request()["state"] == "approved"
    plain, outcome = _answer(desk12, reply, "Baik pak, kami tunggu kirimannya.", sender=BULUNGAN)
    assert outcome == {"follow-up-confirmed": 1}
    assert not desk12.queue(plain)


@pytest.mark.parametrize("words", [
    "Pak, blangko baru datang 1.200 keping, 800 lagi nyusul katanya.",
    "Baru kami terima 1.200 keping, kurang 800 lagi masih di ekspedisi.",
])
def test_n_lagi_nyusul_is_the_rest_still_coming_not_a_shortfall(desk12: Desk12, words: str) -> None:
    reply = _dispatched(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, got = desk12.send(BULUNGAN, "Re: " + reply.subject, f"{words}\n\n{quoted}\n",
                           in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert got == {"receipt": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("shortfall:")]
    assert "menyusul" in notice.subject and "belum tentu final" in notice.text
    [told] = desk12.replies_to(mid)
    assert "masih menyusul" in told.text


def test_the_outstanding_figure_arriving_later_completes_the_receipt(desk12: Desk12) -> None:
    reply = _dispatched(desk12)
    quoted, _ = client_quote(reply, "gmail")
    first, _ = desk12.send(BULUNGAN, "Re: " + reply.subject,
                           f"Baru sampai 1.200 keping, sisa 800 masih di ekspedisi.\n\n{quoted}\n",
                           in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    shipped = desk12.request()["approved"]
    assert shipped == 2000
    second, got = desk12.send(BULUNGAN, "Re: " + reply.subject, "Pak, yang 800 sudah sampai hari ini.",
                         in_reply_to=first, date="Fri, 04 Dec 2026 10:00:00 +0800")
    assert got == {"receipt-corrected": 1}  # the count booked moves from the first part to the whole
    db = desk12.db()
    [[received]] = db.execute("select quantity from decisions where outcome = 'received' order by id desc limit 1")
    assert received == 2000
    assert db.execute("select count(*) from attention_items where kind = 'discrepancy' and closed_at is null"
                      ).fetchone()[0] == 0
    [closed] = [o for o in desk12.out() if o.purpose.startswith("discrepancy-closed:")]
    assert closed.to
    [told] = desk12.replies_to(second)
    assert "penerimaan sisa" in told.text and "diubah" not in told.text
