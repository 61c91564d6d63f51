"""District replies with a phone's line under them ("Sent from my iPhone 15", "Dikirim dari iPhone 13 saya"), a
promise to confirm the count when the blanks come, and damaged blanks told beside an ask for the other blank, on the
real SQLite desk in process, every mail written fresh. Before: the phone's model number was read as a figure (a
thanks became a correction to 13 keping, a reminder an appeal that suspended the approval); a promise was booked as
the whole shipment received; the damage beside an ask was dropped."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, approved, client_quote, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _answer(desk12: Desk12, mail: object, words: str, style: str = "on_wrote") -> tuple[str, dict[str, int]]:
    quote, _ = client_quote(mail, style)  # type: ignore[arg-type]
    return desk12.send(BULUNGAN, "Re: " + mail.subject, f"{words}\n\n{quote}\n",  # type: ignore[attr-defined]
                       in_reply_to=mail.message_id)  # type: ignore[attr-defined]


@pytest.mark.parametrize("footer", ["Sent from my iPhone 14 Pro", "Dikirim dari iPhone 13 saya",
                                    "Dikirim dari Samsung Galaxy S23 Ultra", "Sent from Redmi Note 12"])
def test_a_phones_model_number_is_no_figure(desk12: Desk12, footer: str) -> None:
    mail = dispatched(desk12)
    n = len(desk12.out())
    mid, outcome = _answer(desk12, mail, f"Makasih banyak pak, kami tunggu barangnya.\n\n{footer}")
    assert desk12.request()["requested"] == 2000 and desk12.request()["state"] == "dispatched", outcome
    assert "follow-up-confirmed" in outcome, outcome
    assert desk12.out()[n:] == [], [o.subject for o in desk12.out()[n:]]


def test_a_reminder_signed_by_a_phone_stays_a_reminder(desk12: Desk12) -> None:
    mail = approved(desk12)
    mid, outcome = _answer(desk12, mail, "Pagi pak, izin mengingatkan permohonan kami BLK-2026-0001 sebanyak 2.000 "
                                         "keping, mohon segera dikirim krn stok tinggal sedikit.\n\n"
                                         "Sent from my iPhone 15")
    req = desk12.request()
    assert req["state"] == "approved" and req["approved"] == 2000, outcome
    [reply] = desk12.replies_to(mid)
    assert "tangguhkan" not in reply.text and "koreksi" not in reply.text.lower(), reply.text
    # the district's words quoted to the managers are its own, without the phone's line
    assert all("iPhone" not in o.text for o in desk12.to_managers()), [o.text for o in desk12.to_managers()]


@pytest.mark.parametrize("words", [
    "Terima kasih infonya pak, blangko 2.000 keping itu akan kami hitung dan konfirmasi begitu tiba di kantor.",
    "Baik bu. Kalau kirimannya sudah sampai nanti kami kabari jumlah yang diterima ya.",
])
def test_a_promise_to_confirm_on_arrival_books_nothing(desk12: Desk12, words: str) -> None:
    mail = dispatched(desk12)
    before = desk12.on_hand()
    n = len(desk12.out())
    mid, outcome = _answer(desk12, mail, words, style="outlook_id")
    assert desk12.request()["state"] == "dispatched", outcome
    assert desk12.on_hand() == before
    assert desk12.out()[n:] == [], [o.subject for o in desk12.out()[n:]]


def test_damaged_blanks_told_beside_an_ask_for_the_other_blank_reach_a_person(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, notice,
                               "Pak, kiriman KTP-el 2.000 keping sudah kami terima, namun 1 dus (50 keping) basah "
                               "kena hujan dan tidak bisa dipakai. Sekalian kami mohon blangko KIA 400 keping, sisa "
                               "KIA kami tinggal 30.", above=GMAIL)
    assert desk12.request()["state"] == "received", outcome
    assert "damaged" in desk12.queue(mid), desk12.queue(mid)
    told = [o for o in desk12.to_managers() if o.purpose == f"damaged:{_pk(desk12, mid)}"]
    assert len(told) == 1 and "basah kena hujan" in flat(told[0].text), [o.purpose for o in desk12.to_managers()]
    assert desk12.request("BLK-2026-0002")["requested"] == 400


def _pk(desk12: Desk12, message_id: str) -> int:
    return int(desk12.db().execute("select id from messages where message_id = ?", (message_id,)).fetchone()[0])


def test_a_promise_to_count_after_receiving_is_never_asked_back_as_a_receipt(desk12: Desk12) -> None:
    mail = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = _answer(desk12, mail, "Terima kasih pak. Sesudah paketnya kami terima dan kami hitung ulang, "
                                         "jumlahnya nanti kami laporkan.", style="gmail")
    assert desk12.request()["state"] == "dispatched" and desk12.on_hand() == before, outcome
    assert not [o for o in desk12.replies_to(mid) if "belum kami temukan" in o.text], outcome
