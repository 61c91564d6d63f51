"""Rules for receipts in parts: courier's parcels counted with what they hold in all,
and the rest of a shipment said in English to be still coming."""

from __future__ import annotations

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def mail(sender: str, subject: str, body: str) -> dict[str, object]:
    raw = (f"From: {sender}\nTo: {OWN_ADDRESSES[0]}\nSubject: {subject}\n\n{body}\n").encode()
    return read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def test_parcels_berisi_a_count_of_blanks_are_that_count_not_its_multiple() -> None:
    got = mail(TARAKAN, "Re: [BLK-2026-0001] Blangko dikirim",
               "Pak, 3 koli berisi 1.000 keping sudah kami terima, 3 koli lainnya belum datang.")
    # was 3.000: the 3 parcels multiplied by the pieces they hold in all
    assert (got["kind"], got["received"]) == ("receipt", 1000)


def test_parcels_isinya_a_count_of_blanks_are_that_count() -> None:
    got = mail(TARAKAN, "Re: [BLK-2026-0001] Blangko dikirim",
               "Blangko sudah kami terima 2 koli, isinya 1.500 keping.")
    assert (got["kind"], got["received"]) == ("receipt", 1500)


def test_boxes_isi_a_size_are_still_multiplied() -> None:
    got = mail(TARAKAN, "Re: [BLK-2026-0001] Blangko dikirim", "Blangko sudah kami terima 4 dus isi 500 lembar.")
    assert got["received"] == 2000


def test_the_remaining_figure_that_will_follow_is_no_stock() -> None:
    got = mail(TARAKAN, "Re: [BLK-2026-0001] Blangko dikirim",
               "Dear Sir, the first batch of 900 blanks has arrived; the remaining 1,100 will follow next week "
               "according to the courier.")
    # was stock_on_hand 1.100: the rest of the shipment, still coming
    assert (got["kind"], got["received"], got["stock_on_hand"]) == ("receipt", 900, None)
