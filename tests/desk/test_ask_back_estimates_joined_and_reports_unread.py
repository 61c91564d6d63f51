"""A district's figure that no reading takes is asked back quoting that figure, why and how to write it, never
acted on and never dropped: an estimate in any spelling ("3 ribu-an", "2 rebuan"), a figure with no whole number
("2,50.0", "0.800"), thousands and a figure below them joined by a stop ("1.000. 500 keping"), and the stock of a
daily report or the count of a receipt written unreadably ("3.5.00 kpg", "1.20 rb keping"); in process."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, TARAKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASK = "Selamat pagi pak, mohon dikirim blangko KTP-el {figure} untuk pelayanan. Sisa blangko kami tinggal 90 keping."
ROLE = "apakah jumlah yang dimohon, sisa stok, atau jumlah yang diterima"


@pytest.mark.parametrize(("figure", "quoted", "why"), [
    ("kurang lebih 4 ribu-an keping", "4 ribu-an", 'berupa perkiraan ("ribu-an"), bukan jumlah yang pasti'),
    ("5 rebuan", "5 rebuan", 'berupa perkiraan ("rebuan"), bukan jumlah yang pasti'),
    ("sebanyak 3,50.0 keping", "3,50.0", "bukan bilangan bulat"),
    ("0.700 keping", "0.700", "bukan bilangan bulat"),
], ids=["ribu-an", "rebuan", "comma-and-stop", "leading-zero"])
def test_an_estimate_or_no_whole_number_is_quoted_alone_with_why(desk12: Desk12, figure: str, quoted: str,
                                                                 why: str) -> None:
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko", ASK.format(figure=figure))
    assert outcome == {"request-clarify": 1}, outcome
    assert desk12.request()["requested"] is None
    [asked] = desk12.replies_to(mid)
    text = flat(asked.text)
    assert f'Angka "{quoted}" dalam kalimat' in text, text
    assert f"angka tersebut {why}. Mohon sebutkan kembali angka yang dimaksud, misalnya" in text, text
    assert ROLE not in text


@pytest.mark.parametrize("figure", ["sebanyak 2.000. 400 keping", "1.000. 500 keping"])
def test_thousands_and_a_figure_joined_by_a_stop_are_asked_back(desk12: Desk12, figure: str) -> None:
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko", ASK.format(figure=figure))
    assert outcome == {"request-clarify": 1}, outcome
    assert desk12.request()["requested"] is None


def test_a_figure_below_a_thousand_ending_its_sentence_stays_read(desk12: Desk12) -> None:
    desk12.send(MALINAU, "Permohonan blangko", "Mohon dikirim blangko KTP-el. Stok kami tinggal 300. 700 keping saja "
                                               "cukup pak.")
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (700, 300)


@pytest.mark.parametrize(("stock", "quoted"), [("4.2.00 kpg", "4.2.00"), ("30.00 keping", "30.00")])
def test_a_daily_reports_unreadable_stock_is_asked_back(desk12: Desk12, stock: str, quoted: str) -> None:
    mid, outcome = desk12.send(TARAKAN, "Laporan harian", f"Laporan harian Tarakan hari ini: rekam 75, cetak 70, "
                                                          f"sisa blangko ktp-el {stock}.")
    assert outcome == {"report-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    text = flat(asked.text)
    assert f'Angka "{quoted}" dalam kalimat' in text, text
    assert "belum memuat angka" not in text, text
    assert [tuple(r) for r in desk12.db().execute("select printed, stock_on_hand from reports")] == [(70, None)]


def test_a_receipts_unreadable_count_is_asked_back_as_written(desk12: Desk12) -> None:
    mid, outcome = desk12.send(MALINAU, "Penerimaan blangko", "Selamat siang, blangko kiriman provinsi sudah kami "
                                                              "terima 2.30 rb keping dalam keadaan baik.")
    assert outcome == {"receipt-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    text = flat(asked.text)
    assert 'Angka "2.30 rb"' in text, text
