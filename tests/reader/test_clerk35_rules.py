"""Rules for thousands in words with the rest in digits ("seribu 500", "dua ribu 500"): one figure, read whole
(1.500, 2.500) as "1 ribu 500" is, or left unclear; never the thousands alone. Each test is a short mail with its
own words."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_seribu_then_digits_is_read_whole() -> None:
    read = mail(MALINAU, "permohonan blangko", "Selamat siang, kami mohon kiriman blangko KTP-el seribu 300 kpg. "
                "Stok kami tinggal 90 keping.")
    assert read["requested"] == 1300 and read["stock_on_hand"] == 90


def test_thousands_in_words_then_digits_before_a_comma_is_read_whole() -> None:
    read = mail(MALINAU, "permintaan KIA", "Mohon dikirimkan blangko KIA tiga ribu 250 lembar, sisa stok 40.")
    assert read["requested"] == 3250


def test_thousands_in_words_then_digits_that_go_on_is_no_thousands_alone() -> None:
    read = mail(MALINAU, "permohonan blangko", "Mohon kiriman blangko KTP-el dua ribu 1.200 keping untuk bulan ini.")
    assert read["requested"] != 2000


def test_thousands_in_digits_then_digits_before_a_full_stop_is_read_whole() -> None:
    read = mail(MALINAU, "permohonan blangko", "Kami mohon blangko KTP-el sebanyak 3 ribu 400. Terima kasih.")
    assert read["requested"] == 3400


def test_a_request_asked_of_the_province_on_someones_behalf_is_read() -> None:
    read = mail(MALINAU, "Fw: kebutuhan blangko",
                "Mas, tolong mintakan ke provinsi blangko KIA sebanyak 1.800 keping ya, stok kami tinggal 75 lembar.")
    assert read["requested"] == 1800
