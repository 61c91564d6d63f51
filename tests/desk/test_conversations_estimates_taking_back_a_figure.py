"""A district's reply in an approved request's thread that takes back the stock it gave ("sisa stok yg 500 td ternyata
sdh terpakai sebagian") and gives the new one only as an estimate ("kurang lebih 350an keping, nanti sy pastikan lg"),
on the real SQLite desk in process: no confirmation of the 500, no stock booked from it; a person reads it as a figure
still in doubt and the district is acknowledged once. A plain confirmation of the figure stays one."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, Out, flat, send_answer, send_request

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

# Outlook's header block over the quote of our mail ("Dari:/Dikirim:/Kepada:/Perihal:"), no ">" marks
OUTLOOK = "\n\nDari: {desk}\nDikirim: Senin, 07 Desember 2026 17.59\nKepada: {to}\nPerihal: Re: {subject}\n\n{text}"


def _approved_500(d: Desk12) -> Out:
    """Bulungan asks 2.000 with 500 left, approved at once; the desk's reply."""
    return send_request(d, "500", "2.000", outcome="request-approved")


def _answer_outlook(d: Desk12, reply: Out, words: str) -> tuple[str, dict[str, int]]:
    quote = OUTLOOK.format(desk=reply.msg["From"], to=BULUNGAN, subject=reply.subject, text=reply.text)
    return d.send(BULUNGAN, "Re: " + reply.subject, words + quote, in_reply_to=reply.message_id)


def _confirmed(d: Desk12) -> list[str]:
    return [r[0] for r in d.db().execute("select details from audit where action = 'confirm'")]


def _stated(d: Desk12) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in d.db().execute("select quantity, source from stated_stock "
                                                 "where district = '65.01' and message_pk is not null")]


@pytest.mark.parametrize("words", [
    "Mohon maaf pak, sisa stok yg 500 td ternyata sdh terpakai sebagian, skrg kurang lebih 350an keping, nanti sy "
    "pastikan lg angkanya stlh stock opname sore ini.",
    "Maaf pak, stok 500 yg kami sebut kemarin sdh tdk sesuai, sebagian sdh terpakai utk perekaman massal, perkiraan "
    "kami tinggal 300an keping. Angka pastinya kami kirim besok.",
    "Ralat pak, sisa stok 500 tadi sudah berkurang, sekarang sekitar 350 keping, belum pasti, nanti kami hitung ulang.",
    "Izin pak, sisa stok 500 di email kami itu angka minggu lalu, skrg kira2 tinggal 300-an keping, nanti kami kabari "
    "angka pastinya.",
], ids=["report_outlook", "perkiraan_300an", "sekitar_350", "kira2_300_an"])
@pytest.mark.parametrize("client", ["outlook", "gmail"])
def test_the_old_figure_taken_back_beside_an_estimate_is_no_confirmation(
        desk12: Desk12, words: str, client: str) -> None:
    reply = _approved_500(desk12)
    stated_before = _stated(desk12)
    if client == "outlook":
        mid, outcome = _answer_outlook(desk12, reply, words)
    else:
        mid, outcome = send_answer(desk12, BULUNGAN, reply, words, above=GMAIL)
    # was: "follow-up-confirmed", the audit "district confirmed" and the 500 stated again from this very mail
    assert "follow-up-confirmed" not in outcome, outcome
    assert not _confirmed(desk12)
    assert _stated(desk12) == stated_before
    assert desk12.queue(mid) == {"doubt"}, desk12.queue(mid)
    request = desk12.request()
    assert (request["state"], request["stock_on_hand"], request["approved"]) == ("approved", 500, 2000)
    [ack] = desk12.replies_to(mid)
    assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in flat(ack.text), ack.text


@pytest.mark.parametrize("words", [
    "Terima kasih pak, sisa stok kami memang 500 keping, kami tunggu kirimannya.",
    "Baik pak, terima kasih. Stok kami ± 500 keping sesuai email kami.",
], ids=["memang_500", "about_500"])
def test_the_figure_confirmed_without_an_estimate_stays_a_confirmation(desk12: Desk12, words: str) -> None:
    reply = _approved_500(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, reply, words, above=GMAIL)
    assert outcome == {"follow-up-confirmed": 1}, outcome
    assert "doubt" not in desk12.queue(mid)
