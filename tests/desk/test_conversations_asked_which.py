"""A correction that gives only a new figure, naming neither the figure it corrects nor the old one, is asked
about when the request has a stock recorded (the figure may be either); one whose old figure is not the request's
goes to a person. Both on the real SQLite desk in process over the Maildir defaults."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, REQUEST, Desk12, flat, send_answer

SAID = "Pada Sab, 5 Des 2026 menulis:"  # a client's line over the quote, without the desk's address

pytestmark = pytest.mark.usefixtures("sender_lists_decide")




def test_a_lone_figure_is_asked_about_and_the_answer_applies_it(desk12: Desk12) -> None:
    mid, _ = desk12.send(BULUNGAN, "Permohonan blangko KTP-el", REQUEST.format(stock="750", asked="2.000",
                                                                              name="Bulungan"))
    [approved] = desk12.replies_to(mid)
    assert desk12.request()["approved"] == 2000
    mid = send_answer(desk12, BULUNGAN, approved, "Koreksi pak, yang benar 1.200.", above=SAID)[0]
    # was: "Jumlah yang dimohon: 2.000 keping menjadi 1.200 keping", approved 1.200, nobody asked
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"], req["approved"]) == (2000, 750, 2000)
    [asked] = desk12.replies_to(mid)
    text = flat(asked.text)
    assert "[BLK-2026-0001]" in asked.subject
    assert ("Angka 1.200 keping dalam email Bapak/Ibu tidak disertai keterangan angka mana yang diralat: jumlah yang "
            "dimohon (tercatat 2.000 keping) atau sisa stok (tercatat 750 keping). Mohon tegaskan apakah 1.200 "
            "keping adalah jumlah yang dimohon atau sisa stok.") in text, text
    mid = send_answer(desk12, BULUNGAN, asked, "Maksud kami yang 1.200 itu sisa stok pak.", above=SAID)[0]
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (2000, 1200)
    [told] = desk12.replies_to(mid)
    assert "Sisa stok: 750 keping menjadi 1.200 keping" in flat(told.text)
