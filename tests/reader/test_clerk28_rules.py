"""Rules for receipts in parts: the whole a part arrived of, named before the arrival words
("600 of the 1,500 blanks have arrived"), is no count received; each test is a short mail with other words and
figures."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_a_part_of_the_whole_arrived_in_english_books_neither_figure() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0003] shipment",
                "Dear Sir,\nOnly 700 of the 2,500 blanks have arrived today. The rest is on the next boat.")
    assert read["kind"] == "receipt" and read["received"] is None
    assert any(d["field"] == "received" for d in read["doubts"])


def test_a_part_out_of_the_whole_arrived_books_neither_figure() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0003] shipment", "So far 1,100 out of the 3,000 blanks have arrived.")
    assert read["received"] is None


def test_a_whole_received_after_its_own_arrival_words_is_still_read() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0003] shipment", "All 2,500 blanks have arrived in good condition.")
    assert read["received"] == 2500
