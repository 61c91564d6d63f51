"""Conversations that once went wrong, on the real SQLite desk in process over the Maildir
defaults, every message written fresh: a district answering the managers' digest or held notice (forwarded to
it); blanks received from another source than the province; a receipt of a shipment never dispatched; the answer
to our question written days later in a new mail."""

from __future__ import annotations

import pytest

from mailbot.outbox import FlushResult
from mailbot.watch import send_digest
from tests.desk.desk12 import (
    BULUNGAN,
    GMAIL,
    NUNUKAN,
    Desk12,
    Out,
    approved,
    dispatched,
    flat,
    held_for_managers,
    send_answer,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TANA_TIDUNG = "disdukcapil@tanatidungkab.example"


def _digest(d: Desk12) -> Out:
    """The managers' digest of today, queued (never sent: the test reads the outbox)."""
    send_digest(d.desk, None, send=lambda desk, sender: FlushResult())  # type: ignore[arg-type]
    [digest] = [o for o in d.out() if o.purpose.startswith("digest:")]
    return digest


# a district's answer to the managers' digest (forwarded to it) is no daily report ----------------------------

@pytest.mark.parametrize(("words", "threaded"), [
    ("Pak, di ringkasan tertulis stok Tana Tidung 2.500, padahal sisa kami tinggal 600 keping. Mohon dikoreksi dan "
     "dikirim tambahan.\n\nOperator Tana Tidung", True),
    ("Izin pak, angka stok kami di ringkasan ini sudah lama. Stok kami per hari ini 450 keping, mohon dikirim "
     "1.000 keping.\nTrims, Tana Tidung", False),
], ids=["in_the_digests_thread", "forwarded_by_the_kabid"])
def test_a_districts_answer_to_the_digest_changes_nothing_and_reaches_a_person(desk12: Desk12, words: str,
                                                                             threaded: bool) -> None:
    digest = _digest(desk12)
    before = desk12.on_hand("65.04")
    quoted = "\n".join(f"> {line}" for line in digest.text.splitlines())
    # forwarded by the kabid, the district answers the kabid's mail: its id is none of the desk's
    answered = digest.message_id if threaded else "<fwd.1@disdukcapil.kaltaraprov.example>"
    subject = "Re: " + digest.subject if threaded else "Re: Fwd: " + digest.subject
    mid, outcome = desk12.send(TANA_TIDUNG, subject, f"{words}\n\n{GMAIL.format(desk='Kabid PIAK')}\n{quoted}\n",
                               in_reply_to=answered)
    # was: read as a daily report (stock 600), the ledger set 2.500 -> 600, no reply, no request
    assert outcome == {"follow-up-queued": 1}, outcome
    assert desk12.on_hand("65.04") == before
    assert desk12.db().execute("select count(*) from reports").fetchone()[0] == 0
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 0
    assert desk12.queue(mid) == {"managers_thread"}
    [ack] = desk12.replies_to(mid)
    assert ack.to == [TANA_TIDUNG]
    assert "balasan atas email yang kami kirimkan kepada pimpinan" in flat(ack.text), ack.text


# a district's answer in the managers' held notice's thread changes nothing --------------------------------

@pytest.mark.parametrize("words", [
    "Setuju pak, tapi mohon jgn dipotong, kami rubah jd 4.200 saja sdh cukup.\nAdmin Nunukan",
    "setuju bu, tp tolong dijadikan 4.000 keping saja ya.\nAdmin Nunukan",
], ids=["setuju_tapi_rubah", "setuju_tp_dijadikan"])
def test_a_districts_change_in_the_held_notices_thread_goes_to_a_person(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12, asked="4.500", stock=100)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, NUNUKAN, held, words, above=GMAIL)
    # was: applied as a correction (4.500 -> 4.200), a new held notice to the managers
    req = desk12.request()
    assert (req["requested"], req["state"]) == (4500, "held"), (outcome, dict(req))
    assert desk12.queue(mid) == {"managers_thread"}
    assert [o.to for o in desk12.out()[n:]] == [[NUNUKAN]]
    assert "BLK-2026-0001 belum kami ubah" in flat(desk12.out()[-1].text)


# blanks received from another source (the ministry, another district) are no receipt of our shipment --------

@pytest.mark.parametrize(("words", "threaded"), [
    ("Selamat siang pak, sekedar info, hari ini kami menerima blangko KTP-el 1.000 keping langsung dari Dirjen "
     "Dukcapil (pusat). Terima kasih.\nOperator Bulungan", False),
    ("Pak, kemarin sdh kami terima pinjaman blangko KTP-el 500 keping dr Kota Tarakan. Tks", False),
    ("Pak, kemarin sdh kami terima pinjaman blangko KTP-el 500 keping dr Kota Tarakan. Tks", True),
], ids=["dari_pusat_new_mail", "dari_tarakan_new_mail", "dari_tarakan_in_thread"])
def test_blanks_from_another_source_are_no_receipt_of_the_provinces_shipment(desk12: Desk12, words: str,
                                                                            threaded: bool) -> None:
    reply = approved(desk12)
    if threaded:
        mid, outcome = send_answer(desk12, BULUNGAN, reply, words, above=GMAIL)
    else:
        mid, outcome = desk12.send(BULUNGAN, "Info penerimaan blangko", f"{words}\n")
    # was: recorded as the district's confirmation of the approval, no reply, no queue item, nobody told
    req = desk12.request()
    assert (req["state"], req["approved"]) == ("approved", 2000), (outcome, dict(req))
    assert not {"shipment_dispatched", "receipt_confirmed"} & set(desk12.ledger_kinds()), desk12.ledger_kinds()
    assert desk12.queue(mid) == {"receipt_elsewhere"}
    [ack] = desk12.replies_to(mid)
    assert ack.to == [BULUNGAN] and "[BLK-2026-0001]" in ack.subject
    assert "berasal dari sumber lain, bukan kiriman kami" in flat(ack.text), ack.text


def test_blanks_said_received_from_the_province_are_still_its_receipt(desk12: Desk12) -> None:
    dispatched(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Penerimaan blangko",
                               "Blangko KTP-el 2.000 keping dari Disdukcapil Provinsi sudah kami terima.\n")
    assert outcome == {"receipt": 1} and desk12.request()["state"] == "received", outcome


# a receipt in a new mail of a shipment approved but never dispatched books nothing -------------------------

@pytest.mark.parametrize("words", [
    "Pak, blangko KTP-el 2.000 lembar sudah kami terima hari ini. Terima kasih.",
    "Kiriman blangko 2.000 keping sudah sampai di kantor kami pagi ini, diantar kurir.\nBulungan",
], ids=["sudah_kami_terima", "sudah_sampai"])
def test_a_new_mails_receipt_of_a_shipment_never_dispatched_waits_for_a_person(desk12: Desk12, words: str) -> None:
    approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Blangko sudah diterima", f"{words}\n")
    # was: the dispatch booked by the district's mail ("province store, dispatched, in transit"), the request
    # closed received, nobody told
    req = desk12.request()
    assert req["state"] == "approved", (outcome, dict(req))
    assert not {"shipment_dispatched", "receipt_confirmed"} & set(desk12.ledger_kinds()), desk12.ledger_kinds()
    assert desk12.queue(mid) == {"receipt_before_dispatch"}
    [ack] = desk12.replies_to(mid)
    assert ack.to == [BULUNGAN] and "[BLK-2026-0001]" in ack.subject


# our question answered days later in a new mail that says it answers us --------------------------------------

@pytest.mark.parametrize("words", [
    "Selamat pagi pak,\nmenjawab email bapak hari Senin kemarin, jumlah blangko KTP-el yg kami mohon 2.000 keping, "
    "sisa stok skrg 900 keping.\nMohon maaf baru sempat balas.\nAdmin Capil Nunukan",
    "Yth. Bapak,\nsehubungan dengan pertanyaan bapak minggu lalu, kami mohon blangko KTP-el sebanyak 2.000 keping. "
    "Sisa stok 900 keping.\nTerima kasih",
], ids=["menjawab_email", "sehubungan_dengan_pertanyaan"])
def test_our_question_answered_in_a_new_mail_completes_the_request_asked_back(desk12: Desk12, words: str) -> None:
    first, outcome = desk12.send(NUNUKAN, "Permohonan blangko KTP-el",
                                 "Dengan hormat, kami mohon dikirimkan blangko KTP-el, stok kami makin menipis.\n"
                                 "Admin Capil Nunukan", date="Mon, 30 Nov 2026 09:00:00 +0800")
    assert outcome == {"request-clarify": 1}, outcome
    mid, outcome = desk12.send(NUNUKAN, "Jawaban permohonan blangko KTP-el Nunukan", f"{words}\n",
                               date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: a second reference BLK-2026-0002 linked to BLK-2026-0001, which stayed asked back
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1, outcome
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (2000, 900) and req["state"] != "clarifying", dict(req)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "tersendiri" not in flat(told.text), told.text


def test_a_new_request_with_no_word_of_answering_stays_its_own(desk12: Desk12) -> None:
    desk12.send(NUNUKAN, "Permohonan blangko KTP-el",
                "Dengan hormat, kami mohon dikirimkan blangko KTP-el, stok kami makin menipis.\nAdmin Capil Nunukan")
    desk12.send(NUNUKAN, "Permohonan blangko KTP-el rutin", "Kami mohon blangko KTP-el 1.500 keping, sisa stok 900.\n")
    assert desk12.request("BLK-2026-0002")["state"] == "linked"


def test_the_provinces_shipment_come_by_way_of_another_place_is_its_receipt(desk12: Desk12) -> None:
    dispatched(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Penerimaan blangko",
                               "Blangko KTP-el 2.000 keping sudah kami terima, dikirim dari Tarakan naik kapal.\n")
    assert outcome == {"receipt": 1} and desk12.request()["state"] == "received", outcome
