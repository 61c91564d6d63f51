"""Rules for the gap between a need and the stock, and for figures a clerk cannot settle: the need less what is
on hand asked in plain words ("dikurangi yang ada, kirim yang kurang") is the need less the stock; a gap denied
("not the difference", "bukan kekurangannya") asks for nothing, so the figure asked stands; a figure asked beside
another the writer cannot yet tell from it ("yg benar yg mana") is not settled; what can be used of a shipment with
a part spoilt is no stock. Each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_the_need_less_what_is_on_hand_is_the_figure_asked() -> None:
    read = mail(NUNUKAN, "Blangko KIA",
                "Selamat siang, stok KIA kami sisa 300 keping. Kami butuh 900 keping, dikurangi yg ada, "
                "jadi kirimkan yang kurang saja ya.")
    assert read["requested"] == 600 and read["stock_on_hand"] == 300


def test_sending_only_what_is_short_is_the_need_less_the_stock() -> None:
    read = mail(NUNUKAN, "Permintaan blangko",
                "Blangko KTP-el tinggal 250 keping. Kebutuhan bulan depan 1.750 keping, kirim aja yang kurang.")
    assert read["requested"] == 1500


def test_a_gap_denied_in_english_leaves_the_figure_asked() -> None:
    read = mail(MALINAU, "Blangko KTP",
                "Update: please send the full 1.500 pcs, not the difference. Our stock is 600 now.")
    assert read["requested"] == 1500 and read["stock_on_hand"] == 600


def test_a_gap_denied_in_indonesian_leaves_the_figure_asked() -> None:
    read = mail(MALINAU, "Blangko KTP",
                "Stok kami 400 keping. Mohon dikirim 1.000 keping utuh, bukan kekurangannya.")
    assert read["requested"] == 1000


def test_a_figure_asked_beside_another_the_writer_is_unsure_of_is_not_read() -> None:
    read = mail(NUNUKAN, "Blangko",
                "Mohon dikirim blangko 800 keping, stok kami 200.\n\nmaaf, di nota dinas tertulis 1.200, "
                "saya cek dulu yang betul yg mana.")
    assert read["requested"] is None and read["stock_on_hand"] == 200
    assert any(d["field"] == "requested" for d in read["doubts"])


def test_a_figure_asked_with_no_other_figure_in_doubt_stands() -> None:
    read = mail(NUNUKAN, "Blangko",
                "Mohon dikirim blangko 800 keping, stok kami 200. Kalau ragu yg benar yg mana, telepon saja.")
    assert read["requested"] == 800


def test_the_usable_part_of_a_shipment_with_some_spoilt_is_no_stock() -> None:
    read = mail(MALINAU, "Received: blangko KIA",
                "Selamat pagi,\n\nBlangko KIA 2.500 keping sudah kami terima di kantor kemarin. Namun 1 box "
                "(100 keping) basah terkena hujan/rusak, sehingga yang dapat dipakai 2.400 keping.")
    assert read["received"] == 2500 and read["stock_on_hand"] is None


def test_the_usable_stock_that_makes_up_no_shipment_is_still_the_stock() -> None:
    read = mail(MALINAU, "Blangko KTP-el diterima",
                "Kiriman blangko KTP-el 2.000 keping sudah kami terima kemarin. Seluruh blangko kami, yang bisa "
                "dipakai 2.600 keping.")
    assert read["received"] == 2000 and read["stock_on_hand"] == 2600
